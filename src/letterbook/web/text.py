"""Cutting a letter's text, its notes and its source into segments a template can render.

Spans in the model are offsets into the SOURCE text; a letter's ``text`` starts at
``text_span[0]``, so a marker at source offset ``s`` is at ``s - text_span[0]`` in the
body. Templates get plain segments (text plus what it links to) and escape every one:
no markup is ever built by string concatenation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from letterbook.model import Letter, Note, Span


@dataclass(frozen=True)
class Segment:
    """A piece of text; at most one of ``note``, ``entry_id``, ``href``, ``field`` says what it is."""

    text: str
    note: str | None = None  # a note marker: the note's number
    entry_id: str | None = None  # a name linked to the registers
    href: str | None = None  # a cross-reference to another letter
    field: str | None = None  # in the source view: which value was read from here


@dataclass(frozen=True)
class Cut:
    start: int
    end: int
    segment: Segment  # its text is filled in by ``cut``


def non_overlapping(cuts: Iterable[Cut], length: int) -> list[Cut]:
    """The cuts inside ``[0, length)``, earliest first, skipping any that overlaps one already kept."""
    kept: list[Cut] = []
    for item in sorted(cuts, key=lambda c: (c.start, -(c.end - c.start))):
        if 0 <= item.start < item.end <= length and (not kept or item.start >= kept[-1].end):
            kept.append(item)
    return kept


def cut(text: str, cuts: Iterable[Cut]) -> list[Segment]:
    """``text`` as plain segments with the given cuts in place."""
    segments: list[Segment] = []
    cursor = 0
    for item in non_overlapping(cuts, len(text)):
        if item.start > cursor:
            segments.append(Segment(text[cursor:item.start]))
        segments.append(Segment(text[item.start:item.end], item.segment.note, item.segment.entry_id,
                                item.segment.href, item.segment.field))
        cursor = item.end
    if cursor < len(text) or not segments:
        segments.append(Segment(text[cursor:]))
    return segments


def body_segments(letter: Letter) -> list[Segment]:
    """The letter's text with its note markers and the names linked to the registers."""
    base = letter.text_span[0]
    markers = [Cut(n.anchor[0] - base, n.anchor[1] - base, Segment("", note=n.number))
               for n in letter.notes if n.anchor]
    names = [Cut(m.span[0] - base, m.span[1] - base, Segment("", entry_id=m.entry_id)) for m in letter.mentions]
    return cut(letter.text, markers + names)


def note_text_start(note: Note) -> int:
    """Where the note's text begins in the source: it is the tail of the note's span, after its number."""
    return note.span[1] - len(note.text)


def note_segments(note: Note, link: Callable[[str, str | None], str | None]) -> list[Segment]:
    """A note's text with each cross-reference linked to the letter (and note) it names, when it is known."""
    base = note_text_start(note)
    cuts = []
    for ref in note.refs:
        href = link(ref.document, ref.note)
        if href:
            cuts.append(Cut(ref.span[0] - base, ref.span[1] - base, Segment("", href=href)))
    return cut(note.text, cuts)


def source_fields(letter: Letter) -> list[tuple[str, Span]]:
    """Every value of the letter with the span it was read from, in reading order."""
    fields: list[tuple[str, Span]] = []
    if letter.number_span:
        fields.append(("number", letter.number_span))
    fields += [("sender", p.span) for p in letter.senders] + [("recipient", p.span) for p in letter.recipients]
    fields += [(name, d.span) for name, d in (("date", letter.date), ("dateline", letter.dateline)) if d]
    fields.append(("text", letter.text_span))
    fields += [("note marker", n.anchor) for n in letter.notes if n.anchor]
    if letter.signature:
        fields.append(("signature", letter.signature.span))
    fields += [("postscript", p.span) for p in letter.postscripts]
    fields += [("archival", a.span) for a in letter.archival]
    fields += [("publication", p.span) for p in letter.publications]
    fields += [("note", n.span) for n in letter.notes]
    return sorted(fields, key=lambda f: f[1])


def source_segments(source: str, letter: Letter) -> list[Segment]:
    """The letter's stretch of the source, with the smallest spans of each value marked by field."""
    start, end = letter.span
    excerpt = source[start:end]
    cuts = [Cut(s - start, e - start, Segment("", field=name))
            for name, (s, e) in sorted(source_fields(letter), key=lambda f: f[1][1] - f[1][0])
            if name != "text"]
    # prefer small spans (a marker inside the text) over the large ones around them
    chosen: list[Cut] = []
    for item in cuts:
        if not any(item.start < c.end and c.start < item.end for c in chosen):
            chosen.append(item)
    return cut(excerpt, chosen)
