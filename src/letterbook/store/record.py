"""One letter's whole record as the edition holds it, for ``letterbook show``: the letter with
its corrections applied, who corrected what and why, its register links, its notes'
cross-references and what the parser found doubtful about it. Pure functions, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from letterbook.model import EditionLetter, HistoricalDate, Party
from letterbook.output import letter_to_json
from letterbook.store.codec import to_plain
from letterbook.store.store import Correction, CrossLink, StoredFinding
from letterbook.web.cite import cipher  # the archivists' form, as the reader's citation gives it


@dataclass(frozen=True, slots=True)
class LetterRecord:
    item: EditionLetter
    corrections: tuple[Correction, ...]
    findings: tuple[StoredFinding, ...]
    links: tuple[CrossLink, ...]


def record_json(record: LetterRecord) -> dict[str, Any]:
    """The letter in the parse output's form, beside the store's own records of it, field for field."""
    item = record.item
    return {"id": item.id, "collection": item.collection, "position": item.position,
            "source": item.source_path, "letter": letter_to_json(item.letter),
            "corrections": to_plain(record.corrections), "cross_references": to_plain(record.links),
            "findings": to_plain(record.findings)}


def record_text(record: LetterRecord, labels: Mapping[str, str]) -> str:
    """The record for a reader at a terminal: heading, dates, text, apparatus, corrections, findings."""
    item, letter = record.item, record.item.letter
    corrected = {c.field for c in record.corrections}
    number = f"No. {letter.number} " if letter.number else ""
    lines = [item.id, f"{number}{letter.kind}: {_parties(letter.senders, labels)} → "
                      f"{_parties(letter.recipients, labels)}"]
    lines.append(f"date: {_date(letter.date)}{' (corrected)' if 'date' in corrected else ''}")
    if letter.dateline:
        lines.append(f"dateline: {_date(letter.dateline)}")
    for label, place in (("written at", letter.place), ("received at", letter.place_received)):
        if place:
            lines.append(f"{label}: {_parties((place,), labels)}")
    lines.append(f"source: {item.source_path}" if item.source_path else "source: (not recorded)")
    lines += ["", letter.text.strip(), ""]
    if letter.signature:
        lines.append(f"signed: {letter.signature.text}")
    lines += [f"postscript: {p.text}" for p in letter.postscripts]
    lines += [f"archive: {cipher(ref)}{f', {ref.form}' if ref.form else ''} (as printed: {ref.as_printed})"
              for ref in letter.archival]
    lines += [f"published: {p.text}" for p in letter.publications]
    targets = {(x.note, x.document): x.target_letter_id for x in record.links}
    for note in letter.notes:
        lines.append(f"note {note.number}: {' '.join(note.text.split())}")
        for ref in note.refs:
            target = targets.get((note.number, ref.document))
            lines.append(f"    → document {ref.document}: " + (target or "not in the edition"))
    for c in record.corrections:
        lines.append(f"correction of {c.field}: {c.source_value!r} → {c.value!r} by {c.by}, "
                     f"{c.at:%Y-%m-%d}: {c.why}")
    lines += [f"[{f.severity}] {f.field}: {f.message}" for f in record.findings]
    return "\n".join(lines)


def _parties(parties: tuple[Party, ...], labels: Mapping[str, str]) -> str:
    if not parties:
        return "?"
    return ", ".join(f"{labels.get(p.id, p.normalized or p.name)} ({p.id})" if p.id else (p.normalized or p.name)
                     for p in parties)


def _date(date: HistoricalDate | None) -> str:
    if date is None:
        return "undated"
    edtf = date.edtf if date.edtf != date.as_printed else None
    details = [x for x in (edtf, str(date.calendar) if date.calendar else None, date.qualifier) if x]
    return date.as_printed + (f" ({'; '.join(details)})" if details else "")

