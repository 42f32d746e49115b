from __future__ import annotations

import dataclasses
import gc
import hashlib
import importlib
from pathlib import Path

import pytest
from sqlalchemy import func, select
from synthetic import pages, parse_page

import letterbook.store.store as store_module
from conftest import CORPUS
from letterbook.errors import ParseError
from letterbook.model import Collection, Finding, Letter, ParseResult, Severity, Source
from letterbook.search import SearchRequest
from letterbook.store import Store, ingest, prepared
from letterbook.store import schema as t
from letterbook.store.ingest import source_files


def run(store: Store, *paths: Path, collection: str | None = "corr", parse=parse_page):  # type: ignore[no-untyped-def]
    return ingest(store, source_files(paths), collection=collection, parse=parse)


def count(store: Store, table: t.Table) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_ingesting_a_folder_stores_every_letter_and_keeps_the_source_verbatim(store: Store, page_dir: Path) -> None:
    summary = run(store, page_dir)
    expected = sum(len(parse_page(Source(str(p), "", p.read_text("utf-8"))).letters) for p in page_dir.iterdir())
    assert summary.ok and summary.new == 12 and summary.letters == expected == count(store, t.letters)
    page = sorted(page_dir.iterdir())[0]
    with store.engine.connect() as conn:
        row = conn.execute(select(t.sources).where(t.sources.c.path == str(page))).one()
    assert row.raw == page.read_bytes()
    assert row.sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    assert row.text == page.read_text("utf-8")


def test_every_finding_of_a_page_is_stored_once(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "000.txt"
    page.write_bytes((CORPUS / "seed" / "000.txt").read_bytes())
    summary = run(store, page, parse=None)  # letterbook's parser: its page's findings include its letters'
    stored = [(f.letter_id, f.field, f.message, f.span) for f in store.findings()]
    assert stored and summary.findings == len(stored)
    assert len({(field, message, span) for _, field, message, span in stored}) == len(stored)
    assert any(letter_id for letter_id, *_ in stored)  # a letter's findings are stored with the letter


def test_ingesting_the_same_sources_again_changes_nothing(store: Store, page_dir: Path) -> None:
    run(store, page_dir)
    before = [(e.id, e.position, e.letter) for e in store.letters()]
    again = run(store, page_dir)
    assert (again.unchanged, again.new, again.updated, again.letters) == (12, 0, 0, 0)
    assert [(e.id, e.position, e.letter) for e in store.letters()] == before
    assert count(store, t.sources) == 12


def test_a_stored_letter_reads_back_as_the_parsed_letter_with_its_links(store: Store, page_dir: Path) -> None:
    run(store, page_dir)
    page = sorted(page_dir.iterdir())[0]
    parsed = parse_page(Source(str(page), "", page.read_text("utf-8"))).letters[0]
    stored = store.get_letter(f"corr/{parsed.number}")
    assert stored.source_path == str(page)
    assert stored.letter.text == parsed.text and stored.letter.date == parsed.date
    assert stored.letter.archival == parsed.archival and stored.letter.notes == parsed.notes
    assert stored.letter.senders[0].id is not None  # linked to the register on the way in


@pytest.mark.parametrize("in_list_max", [1024, 1], ids=["one IN list", "an IN list for each letter"])
def test_a_changed_source_updates_its_letters_in_place(store: Store, page_dir: Path, in_list_max: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepared, "IN_LIST_MAX", in_list_max)  # as a source of thousands of letters would
    run(store, page_dir)
    page = next(p for p in sorted(page_dir.iterdir())
                if len(parse_page(Source(str(p), "", p.read_text("utf-8"))).letters) >= 2)
    letters = parse_page(Source(str(page), "", page.read_text("utf-8"))).letters
    first, last = letters[0], letters[-1]
    kept = store.get_letter(f"corr/{first.number}")
    text = page.read_text("utf-8")
    page.write_text(text[: last.span[0]].replace(first.text[:30], "Revised opening words here", 1), encoding="utf-8")
    summary = run(store, page)
    assert summary.updated == 1
    updated = store.get_letter(f"corr/{first.number}")
    assert updated.position == kept.position and updated.letter.text.startswith("Revised opening words here")
    with pytest.raises(Exception, match="no letter"):
        store.get_letter(f"corr/{last.number}")


def test_letters_without_numbers_get_ids_from_date_and_correspondents_stable_across_reingest(
        store: Store, page_dir: Path) -> None:
    def unnumbered(source: Source) -> ParseResult:
        result = parse_page(source)
        return ParseResult(result.source, result.collection,
                           tuple(Letter(**{**{f: getattr(x, f) for f in Letter.__slots__}, "number": None})
                                 for x in result.letters))
    run(store, page_dir, parse=unnumbered)
    ids = [e.id for e in store.letters()]
    assert all(i.startswith("corr/19") for i in ids) and len(set(ids)) == len(ids)
    page = sorted(page_dir.iterdir())[0]
    page.write_text(page.read_text("utf-8") + "\n", encoding="utf-8")
    run(store, page, parse=unnumbered)
    assert [e.id for e in store.letters()] == ids


def test_a_file_that_cannot_be_read_or_parsed_is_reported_and_the_others_are_stored(
        store: Store, page_dir: Path, tmp_path: Path) -> None:
    (page_dir / "empty.txt").write_bytes(b"")
    (page_dir / "latin1.txt").write_bytes("No. 1\nd\xe9j\xe0".encode("latin-1"))

    def fussy(source: Source) -> ParseResult:
        if "0000003" in source.path:
            raise ParseError("the parser gave up")
        return parse_page(source)

    summary = run(store, page_dir, parse=fussy)
    reasons = {Path(f.path).name: f.reason for f in summary.failures}
    assert set(reasons) == {"empty.txt", "latin1.txt", "0000003.txt"}
    assert "empty" in reasons["empty.txt"] and "parser gave up" in reasons["0000003.txt"]
    assert not summary.ok and summary.new == 11


def test_a_file_in_which_no_letter_is_found_is_stored_and_named_in_the_summary(store: Store, tmp_path: Path) -> None:
    (tmp_path / "LICENSE.txt").write_text("Creative Commons Attribution 4.0 International\n", encoding="utf-8")
    (tmp_path / "0000001.txt").write_text(next(pages(1, seed=3))[1], encoding="utf-8")
    summary = ingest(store, source_files([tmp_path]), collection="c")
    assert summary.ok and summary.new == 2 and summary.letters > 0
    assert summary.without_letters == [str(tmp_path / "LICENSE.txt")]
    assert summary.lines()[-2:] == ["stored without letters (no document found): 1", f"  {tmp_path / 'LICENSE.txt'}"]
    assert ingest(store, source_files([tmp_path]), collection="c").without_letters == []  # unchanged: not again


def test_a_source_the_database_refuses_halfway_leaves_nothing_and_the_others_are_stored(
        store: Store, page_dir: Path) -> None:
    def refused_on_page_3(source: Source) -> ParseResult:
        result = parse_page(source)
        if "0000003" not in source.path:
            return result
        # the findings are written after the source, its letters and their parts: a finding
        # without a message breaks a NOT NULL constraint when most of the page is written
        broken = Finding(Severity.WARNING, "text", None, (0, 1))  # type: ignore[arg-type]
        return dataclasses.replace(result, findings=(broken,))

    summary = run(store, page_dir, parse=refused_on_page_3)
    [failure] = summary.failures
    assert Path(failure.path).name == "0000003.txt"
    assert failure.reason.startswith("cannot be stored: ") and "message" in failure.reason  # the column, not SQL
    assert summary.new == 11 and count(store, t.sources) == 11
    stored = list(store.letters())
    assert len(stored) == count(store, t.letters) == summary.letters > 0
    assert not any("0000003" in e.source_path for e in stored)
    assert count(store, t.parties) == sum(len(e.letter.senders) + len(e.letter.recipients) for e in stored)
    assert store.search(SearchRequest(limit=1000)).total == summary.letters
    again = run(store, page_dir)  # the refused page is stored on the next run; the others are unchanged
    assert again.ok and again.new == 1 and again.unchanged == 11


def test_letters_numbered_alike_in_many_sources_all_get_ids(store: Store, page_dir: Path) -> None:
    def all_no_5(source: Source) -> ParseResult:  # as if each page were a volume numbered from 1
        result = parse_page(source)
        return dataclasses.replace(result, letters=tuple(dataclasses.replace(x, number="5") for x in result.letters))

    summary = run(store, page_dir, parse=all_no_5)
    assert summary.ok and summary.letters > 20
    assert {e.id for e in store.letters()} == {"corr/5", *(f"corr/5-{n}" for n in range(2, summary.letters + 1))}


def test_a_source_of_thousands_of_letters_is_stored_whole(store: Store, tmp_path: Path) -> None:
    # A CMIF file may hold thousands of letters: the ids they may take (nine for each) are more
    # values than one statement takes as parameters (PostgreSQL: 65,535; SQLite: 32,766 by default).
    big = tmp_path / "big.xml"
    big.write_text("letters")

    def thousands(source: Source) -> ParseResult:
        letters = tuple(Letter(span=(0, 1), text=f"letter {n}", text_span=(0, 1), number=str(n))
                        for n in range(1, 4001))
        return ParseResult(source, Collection(title="Big"), letters)

    summary = run(store, big, parse=thousands)
    assert summary.ok and summary.letters == count(store, t.letters) == 4000
    assert store.get_letter("corr/4000").letter.text == "letter 4000"


def test_an_ingest_gives_the_garbage_collector_back_what_it_froze(store: Store, page_dir: Path) -> None:
    def interrupted(source: Source) -> ParseResult:
        raise KeyboardInterrupt

    run(store, page_dir)
    assert gc.get_freeze_count() == 0
    with pytest.raises(KeyboardInterrupt):
        run(store, page_dir, parse=interrupted)
    assert gc.get_freeze_count() == 0


def test_letters_come_in_collection_order(store: Store, page_dir: Path) -> None:
    run(store, page_dir)
    letters = list(store.letters("corr"))
    assert [e.position for e in letters] == sorted(e.position for e in letters)
    assert [int(e.letter.number or 0) for e in letters] == sorted(int(e.letter.number or 0) for e in letters)
    assert store.collections()[0].letters == len(letters)


def test_the_collection_defaults_to_the_title_the_pages_print(store: Store, page_dir: Path) -> None:
    run(store, page_dir, collection=None)
    slugs = {c.slug for c in store.collections()}
    assert "bolshevik-leadership-correspondence-1912-1927" in slugs
    assert any(s.startswith("bolshevistskoe-rukovodstvo") for s in slugs)


def test_a_long_ingest_indexes_in_batches_while_it_reads_and_leaves_nothing_behind(
        store: Store, page_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a batch every page or two, as every 2,000 letters at scale
    monkeypatch.setattr(importlib.import_module("letterbook.store.ingest"), "INDEX_EVERY", 4)
    monkeypatch.setattr(store_module, "INDEX_BATCH", 5)
    summary = run(store, page_dir)
    assert summary.indexed == summary.letters == count(store, t.letters) > 10
    assert count(store, t.index_outbox) == 0
    every = store.search(SearchRequest(limit=1000))
    assert every.total == summary.letters and sorted(h.id for h in every.hits) == sorted(e.id for e in store.letters())
