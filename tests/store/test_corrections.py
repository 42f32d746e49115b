from __future__ import annotations

from pathlib import Path

import pytest
from synthetic import parse_page

from letterbook.errors import StoreError
from letterbook.model import Source
from letterbook.store import Store, ingest
from letterbook.store.ingest import source_files
from letterbook.store.write import SOURCE_CHANGED


def first_page(page_dir: Path) -> tuple[Path, str]:
    page = sorted(page_dir.iterdir())[0]
    letter = parse_page(Source(str(page), "", page.read_text("utf-8"))).letters[0]
    return page, f"corr/{letter.number}"


def test_a_correction_applies_over_the_parsed_value_and_records_who_and_why(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    _, letter_id = first_page(page_dir)
    printed = store.get_letter(letter_id).letter.date
    assert printed is not None
    correction = store.correct(letter_id, "date", "1925-12", by="O. Khlevnyuk", why="dated by the postmark")
    date = store.get_letter(letter_id).letter.date
    assert date is not None and date.edtf == "1925-12" and str(date.earliest) == "1925-12-01"
    assert correction.source_value == printed.edtf
    [stored] = store.corrections(letter_id)
    assert (stored.by, stored.why, stored.value) == ("O. Khlevnyuk", "dated by the postmark", "1925-12")


def test_a_correction_survives_reingesting_a_changed_source(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    page, letter_id = first_page(page_dir)
    store.correct(letter_id, "senders", "V. I. Lenin", by="ed", why="the autograph is Lenin's")
    page.write_text(page.read_text("utf-8").replace("the", "THE"), encoding="utf-8")
    summary = ingest(store, [page], collection="corr", parse=parse_page)
    assert summary.updated == 1
    assert [p.name for p in store.get_letter(letter_id).letter.senders] == ["V. I. Lenin"]
    assert not [f for f in store.findings(letter_id) if f.origin == "correction"]


def test_a_finding_says_when_the_source_value_under_a_correction_changed(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    page, letter_id = first_page(page_dir)
    letter = store.get_letter(letter_id).letter
    store.correct(letter_id, "signature", "F. Dzerzhinsky.", by="ed", why="misread")
    assert letter.signature is not None
    page.write_text(page.read_text("utf-8").replace(letter.signature.text, "Yours, someone else.", 1),
                    encoding="utf-8")
    ingest(store, [page], collection="corr", parse=parse_page)
    [finding] = [f for f in store.findings(letter_id) if f.origin == "correction"]
    assert SOURCE_CHANGED in finding.message and "someone else" in finding.message
    assert store.get_letter(letter_id).letter.signature.text == "F. Dzerzhinsky."  # type: ignore[union-attr]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("colour", "red", "cannot correct 'colour'"),
    ("date", "Christmas", "not an EDTF date"),
])
def test_a_correction_that_could_never_apply_is_refused(store: Store, page_dir: Path, field: str, value: str,
                                                        message: str) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    _, letter_id = first_page(page_dir)
    with pytest.raises(StoreError, match=message):
        store.correct(letter_id, field, value, by="ed", why="test")


def test_a_correction_of_a_missing_letter_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no letter"):
        store.correct("corr/999999", "kind", "telegram", by="ed", why="test")


def test_note_references_resolve_to_letters_and_missing_documents_dangle(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    links = store.cross_links()
    numbers = {e.letter.number for e in store.letters()}
    assert links
    for link in links:
        if link.document in numbers:
            assert link.target_letter_id == f"corr/{link.document}"
        else:
            assert link.target_letter_id is None
    assert {link.document for link in store.cross_links(dangling_only=True)} == {
        link.document for link in links if link.document not in numbers}
