"""Pure functions from domain values to the rows of the store's tables (no database here)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from letterbook.export.authority import merge_uris
from letterbook.link.forms import form_key
from letterbook.model import Collection, Finding, Letter, Party, RegisterEntry, Source
from letterbook.store.codec import dumps
from letterbook.store.identity import slugify

Row = dict[str, Any]


def collection_row(slug: str, collection: Collection) -> Row:
    return {"slug": slug, "title": collection.title, "compilers": json.dumps(list(collection.compilers)),
            "year": collection.year, "language": collection.language}


def source_row(collection: str, source: Source, raw: bytes, now: dt.datetime) -> Row:
    return {"collection": collection, "path": source.path, "sha256": source.sha256, "raw": raw,
            "text": source.text, "media_type": source.media_type, "encoding": source.encoding,
            "ingested_at": now}


def letter_row(letter_id: str, collection: str, source_id: int, seq: int, letter: Letter, *, now: dt.datetime) -> Row:
    """The letter's own row, without its position (kept when the letter already exists)."""
    date = letter.date
    return {"id": letter_id, "collection": collection, "source_id": source_id, "seq": seq,
            "number": letter.number, "kind": letter.kind, "language": letter.language,
            "date_edtf": date.edtf if date else None,
            "date_earliest": date.earliest if date else None,
            "date_latest": date.latest if date else None,
            "data": dumps(letter), "updated_at": now}


def party_rows(letter_id: str, letter: Letter) -> Iterator[Row]:
    places = {"place": letter.place, "place_received": letter.place_received}
    roles: list[tuple[str, tuple[Party, ...]]] = [("sender", letter.senders), ("recipient", letter.recipients),
                                                   *((role, (place,)) for role, place in places.items() if place)]
    for role, parties in roles:
        for seq, party in enumerate(parties):
            yield {"letter_id": letter_id, "role": role, "seq": seq, "name": party.name,
                   "normalized": party.normalized, "entry_id": party.id,
                   "refs": " ".join(merge_uris(party.refs)) or None, "kind": str(party.kind)}


def note_rows(letter_id: str, letter: Letter) -> Iterator[Row]:
    for seq, note in enumerate(letter.notes):
        yield {"letter_id": letter_id, "seq": seq, "number": note.number, "text": note.text}


def note_link_rows(letter_id: str, collection: str, letter: Letter) -> Iterator[Row]:
    """Each cross-reference points at ``{collection}/{document}``; it dangles while no such letter exists."""
    for note in letter.notes:
        for ref in note.refs:
            yield {"letter_id": letter_id, "note_number": note.number, "document": ref.document,
                   "target_note": ref.note, "target_letter_id": f"{collection}/{slugify(ref.document)}"}


def archival_rows(letter_id: str, letter: Letter) -> Iterator[Row]:
    for seq, ref in enumerate(letter.archival):
        yield {"letter_id": letter_id, "seq": seq, "archive": ref.archive, "fond": ref.fond, "opis": ref.opis,
               "delo": ref.delo, "folios": ref.folios, "form": ref.form, "as_printed": ref.as_printed}


def mention_rows(letter_id: str, letter: Letter) -> Iterator[Row]:
    for mention in letter.mentions:
        yield {"letter_id": letter_id, "entry_id": mention.entry_id, "span_start": mention.span[0],
               "span_end": mention.span[1], "kind": str(mention.kind)}


def finding_row(finding: Finding, origin: str, source_id: int | None, letter_id: str | None) -> Row:
    return {"source_id": source_id, "letter_id": letter_id, "origin": origin, "severity": str(finding.severity),
            "field": finding.field, "message": finding.message,
            "span_start": finding.span[0], "span_end": finding.span[1]}


def entry_row(entry: RegisterEntry) -> Row:
    return {"id": entry.id, "kind": str(entry.kind), "preferred_name": entry.preferred_name,
            "authority": json.dumps(entry.authority, sort_keys=True), "birth": entry.birth,
            "death": entry.death, "note": entry.note}


def name_form_rows(entry: RegisterEntry) -> Iterator[Row]:
    """One row per distinct printed form: "Будённый" and "Буденный" share a key, not a spelling,
    and the register gives back every form it was given."""
    for form in dict.fromkeys((entry.preferred_name, *entry.forms)):
        key = form_key(form)
        if key:
            yield {"entry_id": entry.id, "form": form, "key": key}
