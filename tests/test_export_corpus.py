"""Exports of the real corpus validate: letters built from the hand annotations of
``shared/corpus`` (names in both scripts, printed dates, archive citations) with the real
page text as their text, until the parser reads those pages itself."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from conftest import CORPUS, corpus_pages
from export_samples import BASE_URL
from letterbook.export.cmif import edition_to_cmif
from letterbook.export.dating import edtf_shape, expand
from letterbook.export.tei import letter_to_tei
from letterbook.export.validate import validate_cmif, validate_tei
from letterbook.model import ArchivalRef, Collection, EditionLetter, HistoricalDate, Letter, Party
from letterbook.read.tei import read_tei_bytes

COLLECTION = Collection(title="letterbook corpus", slug="corpus")


def _parties(document: dict[str, Any], role: str) -> tuple[Party, ...]:
    printed = document.get(role) or []
    normalized = document.get(f"{role}_normalized") or [None] * len(printed)
    return tuple(Party(name, (0, 0), normalized=norm) for name, norm in zip(printed, normalized, strict=False))


def _date(document: dict[str, Any]) -> HistoricalDate | None:
    shape = edtf_shape(document.get("date_edtf"))
    if shape is None:
        return None
    earliest = expand(shape.start)[0] if shape.start else None
    latest = expand(shape.end)[1] if shape.end else None
    return HistoricalDate(document.get("date_printed") or "", (0, 0), document["date_edtf"], earliest, latest)


def _archival(document: dict[str, Any]) -> tuple[ArchivalRef, ...]:
    archive = document.get("archive") or {}
    if not archive.get("archive"):
        return ()
    return (ArchivalRef(document.get("archive_citation") or "", (0, 0), archive["archive"], archive["archive"],
                        archive.get("fond"), archive.get("opis"), archive.get("delo"), archive.get("folios"),
                        archive.get("form")),)


def corpus_letters() -> list[EditionLetter]:
    items = []
    for page in corpus_pages():
        text = page.read_text(encoding="utf-8")
        annotation = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        for index, document in enumerate(annotation["documents"], 1):
            letter = Letter(span=(0, len(text)), text=text, text_span=(0, len(text)), number=document.get("number"),
                            senders=_parties(document, "senders"), recipients=_parties(document, "recipients"),
                            date=_date(document), archival=_archival(document),
                            language="ru" if page.parent.name == "ru" else "en")
            letter_id = f"{page.parent.name}-{page.stem}/{index}"
            items.append(EditionLetter(letter_id, "corpus", len(items) + 1, letter, str(page.relative_to(CORPUS))))
    return items


def test_the_corpus_has_annotated_letters() -> None:
    assert len(corpus_letters()) >= 20


def test_tei_of_every_corpus_letter_is_valid_and_reads_back(tmp_path: Path) -> None:
    paths = []
    for item in corpus_letters():
        data = letter_to_tei(item, registers={}, collection=COLLECTION, previous_id=None, next_id=None,
                             base_url=BASE_URL)
        read = read_tei_bytes(data).letters[0]
        assert read.text == item.letter.text
        assert [p.name for p in read.senders] == [p.name for p in item.letter.senders]
        assert (read.date.edtf if read.date else None) == (item.letter.date.edtf if item.letter.date else None)
        path = tmp_path / (item.id.replace("/", "_") + ".xml")
        path.write_bytes(data)
        paths.append(path)
    assert validate_tei(paths) == []


def test_cmif_of_the_corpus_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "corpus.xml"
    path.write_bytes(edition_to_cmif(corpus_letters(), registers={}, collection=COLLECTION, base_url=BASE_URL,
                                     published=dt.date(2026, 1, 1)))
    assert validate_cmif(path) == []
