"""The synthetic pages of ``bench/synth.py``: reproducible, and their expected values are on the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth_pages import synth

PRINTED_FIELDS = ("date_printed", "dateline_original", "archive_citation", "publication")


def test_the_same_seed_and_index_give_the_same_page() -> None:
    assert synth().synthetic_page(3, 17) == synth().synthetic_page(3, 17)


def test_different_indexes_give_different_pages() -> None:
    texts = {page.text for page in synth().synthetic_pages(seed=3, count=50)}
    assert len(texts) == 50


def test_both_languages_and_every_page_style_occur() -> None:
    pages = list(synth().synthetic_pages(seed=0, count=200))
    texts = "\n".join(page.text for page in pages)
    assert {page.language for page in pages} == {"en", "ru"}
    for convention in ("No. ", "Telegram from ", "Реквизиты", "Библиотека Михаила Грачева", "Notes:", "See note "):
        assert convention in texts


@pytest.mark.parametrize("index", range(0, 400, 7))
def test_every_expected_value_is_printed_on_its_page(index: int) -> None:
    page = synth().synthetic_page(0, index)
    for document in page.expected["documents"]:
        for field in PRINTED_FIELDS:
            if document.get(field):
                assert document[field] in page.text, (field, document[field])
        for line in (document["signature"] or "").splitlines():
            assert line in page.text
        for name in (*document["senders"], *document["recipients"]):
            assert name in page.text
        if document["number"]:
            assert f"No. {document['number']}\n" in page.text


@pytest.mark.parametrize("index", range(0, 400, 7))
def test_a_page_has_as_many_notes_as_it_expects(index: int) -> None:
    page = synth().synthetic_page(0, index)
    expected = sum(document["notes_count"] for document in page.expected["documents"])
    assert count_notes(page.text) == expected


def count_notes(text: str) -> int:
    """Numbered lines under a "Notes:" heading or a footnote rule, up to the first other line."""
    count, in_notes = 0, False
    for line in text.splitlines():
        if line == "Notes:" or line.startswith("___"):
            in_notes = True
        elif in_notes and line.split(" ", 1)[0].isdigit():
            count += 1
        elif line.strip():
            in_notes = False
    return count


def test_a_collection_is_written_up_to_the_size_asked(tmp_path: Path) -> None:
    done = synth().write_collection(tmp_path, 0.05, seed=1, annotations=True)
    sizes = sum(p.stat().st_size for p in tmp_path.glob("*.txt"))
    assert sizes == done.bytes >= 50_000
    assert len(list(tmp_path.glob("*.json"))) == done.pages == len(list(tmp_path.glob("*.txt")))
