"""A ``ParseResult`` as the contract's JSON (``shared/contract/parse-output.md``) or as text."""

from __future__ import annotations

from typing import Any

from letterbook.model import (
    ArchivalRef,
    Finding,
    HistoricalDate,
    Letter,
    Note,
    ParseResult,
    Party,
    TextValue,
)

JSON = dict[str, Any]


def result_to_json(result: ParseResult) -> JSON:
    source = result.source
    return {
        "source": {"path": source.path, "sha256": source.sha256, "chars": source.chars,
                   "encoding": source.encoding, "media_type": source.media_type},
        "collection": {
            "title": result.collection.title,
            "compilers": list(result.collection.compilers),
            "year": result.collection.year,
            "sections": list(result.collection.sections),
            "language": result.collection.language,
        },
        "letters": [letter_to_json(letter) for letter in result.letters],
        "parts": [{"kind": part.kind, "span": list(part.span)} for part in result.parts],
        "findings": [finding_to_json(f) for f in result.every_finding],
    }


def letter_to_json(letter: Letter) -> JSON:
    return {
        "number": letter.number,
        "kind": letter.kind,
        "kind_as_printed": letter.kind_as_printed,
        "heading": _text(letter.heading),
        "senders": [party_to_json(p) for p in letter.senders],
        "recipients": [party_to_json(p) for p in letter.recipients],
        "date": date_to_json(letter.date),
        "dateline": date_to_json(letter.dateline),
        "place": party_to_json(letter.place) if letter.place else None,
        "signature": letter.signature.text if letter.signature else None,
        "signature_span": list(letter.signature.span) if letter.signature else None,
        "postscripts": [_text(p) for p in letter.postscripts],
        "archival": [archival_to_json(a) for a in letter.archival],
        "publications": [p.text for p in letter.publications],
        "publication_spans": [list(p.span) for p in letter.publications],
        "notes": [note_to_json(n) for n in letter.notes],
        "text": letter.text,
        "text_span": list(letter.text_span),
        "language": letter.language,
        "span": list(letter.span),
        "findings": [finding_to_json(f) for f in letter.findings],
    }


def party_to_json(party: Party) -> JSON:
    return {"name": party.name, "normalized": party.normalized, "id": party.id,
            "kind": str(party.kind), "implied": party.implied, "refs": list(party.refs),
            "span": list(party.span)}


def date_to_json(date: HistoricalDate | None) -> JSON | None:
    if date is None:
        return None
    return {
        "as_printed": date.as_printed,
        "edtf": date.edtf,
        "earliest": date.earliest.isoformat() if date.earliest else None,
        "latest": date.latest.isoformat() if date.latest else None,
        "calendar": str(date.calendar),
        "inferred": date.inferred,
        "approximate": date.approximate,
        "uncertain": date.uncertain,
        "qualifier": date.qualifier,
        "place": _text(date.place),
        "span": list(date.span),
    }


def archival_to_json(ref: ArchivalRef) -> JSON:
    return {"as_printed": ref.as_printed, "archive": ref.archive,
            "archive_as_printed": ref.archive_as_printed, "fond": ref.fond, "opis": ref.opis,
            "delo": ref.delo, "folios": ref.folios, "form": ref.form,
            "form_as_printed": ref.form_as_printed, "span": list(ref.span)}


def note_to_json(note: Note) -> JSON:
    return {"number": note.number, "number_as_printed": note.number_as_printed, "text": note.text,
            "refs": [{"document": r.document, "note": r.note, "span": list(r.span)} for r in note.refs],
            "anchor": list(note.anchor) if note.anchor else None,
            "archival": [archival_to_json(a) for a in note.archival],
            "span": list(note.span)}


def finding_to_json(finding: Finding) -> JSON:
    return {"severity": str(finding.severity), "field": finding.field, "message": finding.message,
            "span": list(finding.span)}


def _text(value: TextValue | None) -> JSON | None:
    return {"text": value.text, "span": list(value.span)} if value else None


def result_to_text(result: ParseResult) -> str:
    """A readable summary for a person at a terminal."""
    lines = [f"{result.source.path}: {len(result.letters)} letter(s), {len(result.every_finding)} finding(s)"]
    if result.collection.title:
        lines.append(f"  collection: {result.collection.title}")
    for index, letter in enumerate(result.letters, 1):
        number = f"No. {letter.number}" if letter.number else f"#{index}"
        senders = ", ".join(p.normalized or p.name for p in letter.senders) or "?"
        recipients = ", ".join(p.normalized or p.name for p in letter.recipients) or "?"
        date = letter.date.as_printed if letter.date else "undated"
        edtf = f" ({letter.date.edtf})" if letter.date and letter.date.edtf else ""
        lines.append(f"  {number} {letter.kind}: {senders} → {recipients}, {date}{edtf}")
        if letter.dateline:
            lines.append(f"      dateline: {letter.dateline.as_printed}")
        if letter.signature:
            lines.append(f"      signed: {letter.signature.text}")
        for ref in letter.archival:
            lines.append(f"      archive: {ref.archive} f. {ref.fond} op. {ref.opis} d. {ref.delo} "
                         f"l. {ref.folios} ({ref.form or 'form not stated'})")
        if letter.notes:
            lines.append(f"      notes: {len(letter.notes)}")
    for finding in result.every_finding:
        start, end = finding.span
        lines.append(f"  [{finding.severity}] {finding.field} at {start}-{end}: {finding.message}")
    return "\n".join(lines)
