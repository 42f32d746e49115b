"""The sample collection: marked as invented, and its hand annotations agree with its pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO

SAMPLES = REPO / "samples"
PRINTED_FIELDS = ("date_printed", "dateline_original", "archive_citation", "publication", "signature")


def page_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")  # 005.txt is cp1251 on purpose, as the site it imitates serves it


def pages() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".htm"))


@pytest.mark.parametrize("path", pages(), ids=lambda p: p.name)
def test_every_sample_page_says_it_is_invented_before_anything_else(path: Path) -> None:
    head = page_text(path)[:400]
    assert "SAMPLE" in head and "invented" in head


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_annotated_value_is_printed_on_its_sample_page(path: Path) -> None:
    text = page_text(path.with_suffix(".txt"))
    for document in json.loads(path.read_text(encoding="utf-8"))["documents"]:
        for field in PRINTED_FIELDS:
            for line in (document.get(field) or "").splitlines():
                assert line in text, (field, line)
        for name in (*document["senders"], *document["recipients"]):
            assert name in text, name
        if document["number"]:
            assert f"No. {document['number']}\n" in text


def test_the_samples_hold_about_fifteen_letters_in_both_languages() -> None:
    annotated = [json.loads(p.read_text(encoding="utf-8")) for p in SAMPLES.glob("*.json")]
    documents = [d for page in annotated for d in page["documents"]]
    html_letters = page_text(SAMPLES / "006.htm").count("<b>No. ")
    assert len(documents) + html_letters == 15
    assert any("Сталин" in " ".join(d["senders"] + d["recipients"]) for d in documents)
