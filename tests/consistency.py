"""The invariants every ``ParseResult`` must keep, whatever the page: nothing lost, spans true.

``assert_result_consistent(result)`` checks that

- the parts (front matter, remainders, back matter) and the letters' spans cover the
  source text ``[0, len(text))`` exactly once: sorted by start, each begins where the
  previous ended, none is empty (unless the text is), no gap, no overlap;
- letters stand in the order of the page;
- every span is a pair of offsets ``0 <= start <= end <= len(text)``, and every span of
  a letter's values (text, number, heading, parties, dates, signature, postscripts,
  citations, publications, notes, anchors, cross-references, mentions, place) lies
  inside that letter's span, except implied parties, which were not printed there, and
  notes printed together after the page's last document (they lie after the letter);
- every value that is printed is exactly the source text at its span:
  ``text[party.span] == party.name`` (for parties printed in the heading, not implied
  ones), ``date.as_printed``, ``archival.as_printed``, ``signature.text``,
  ``heading.text``, the ``TextValue`` of postscripts, publications and places, and the
  letter's own ``text``; a note's span contains its number as printed and its text;
  a cross-reference's span contains the document number it points to; the number of a
  letter is inside the text at its ``number_span`` (both read with OCR's letters for digits as
  digits: "No. l31").

Findings only need spans inside the source: a finding may point at anything.
The checker raises ``AssertionError`` with a message naming the letter and the value,
so it can be used by any test (``from consistency import assert_result_consistent``).
"""

from __future__ import annotations

from collections.abc import Iterator

from letterbook.model import ArchivalRef, HistoricalDate, Letter, Note, ParseResult, Party, Span, TextValue
from letterbook.parse.text import with_ocr_digits

PART_KINDS = {"front_matter", "remainder", "back_matter"}


def assert_result_consistent(result: ParseResult) -> None:
    """Raise ``AssertionError`` unless ``result`` keeps every invariant of the module docstring."""
    text = result.source.text
    _check_coverage(result, len(text))
    for index, letter in enumerate(result.letters):
        where = f"letter #{index + 1} (number {letter.number!r}, span {letter.span})"
        for name, span in _letter_spans(letter):
            _check_span(span, len(text), f"{where} {name}")
            _check_inside(span, letter.span, f"{where} {name}")
        # notes printed together after the page's last document belong to the one with the marker
        after = (letter.span[0], result.letters[-1].span[1])
        for note in letter.notes:
            for name, span in _note_spans(note):
                _check_span(span, len(text), f"{where} {name}")
                _check_inside(span, letter.span if name.startswith("anchor") else after, f"{where} {name}")
        for name, span, printed in _printed_values(letter):
            _check_printed(text, span, printed, f"{where} {name}")
        _check_notes(text, letter.notes, where)
        if letter.number is not None and letter.number_span is not None:
            _check_contains(text, letter.number_span, letter.number, f"{where} number", ocr_digits=True)
        for party in (*letter.senders, *letter.recipients):
            _check_span(party.span, len(text), f"{where} party {party.name!r}")
        for finding in letter.findings:
            _check_span(finding.span, len(text), f"{where} finding {finding.message!r}")
    for finding in result.findings:
        _check_span(finding.span, len(text), f"finding {finding.message!r}")


def _check_coverage(result: ParseResult, length: int) -> None:
    for part in result.parts:
        if part.kind not in PART_KINDS:
            raise AssertionError(f"part of unknown kind {part.kind!r} at {part.span}")
    starts = [letter.span[0] for letter in result.letters]
    if starts != sorted(starts):
        raise AssertionError(f"letters are not in the order of the page: starts {starts}")
    pieces = sorted([(part.span, f"{part.kind} part") for part in result.parts]
                    + [(letter.span, f"letter {letter.number!r}") for letter in result.letters])
    position = 0
    for span, what in pieces:
        _check_span(span, length, what)
        if span[0] != position:
            kind = "gap" if span[0] > position else "overlap"
            raise AssertionError(f"{kind} at offset {min(position, span[0])}: {what} starts at {span[0]}, "
                                 f"the text before it is covered up to {position}")
        if span[0] == span[1] and length > 0:
            raise AssertionError(f"{what} is empty at offset {span[0]}")
        position = span[1]
    if position != length:
        raise AssertionError(f"gap at the end: the text has {length} characters, the parts and letters "
                             f"cover up to {position}")


def _check_span(span: Span, length: int, what: str) -> None:
    valid = (isinstance(span, tuple) and len(span) == 2 and all(isinstance(x, int) for x in span)
             and 0 <= span[0] <= span[1] <= length)
    if not valid:
        raise AssertionError(f"{what}: span {span!r} is not a pair 0 <= start <= end <= {length}")


def _check_inside(span: Span, outer: Span, what: str) -> None:
    if not (outer[0] <= span[0] and span[1] <= outer[1]):
        raise AssertionError(f"{what}: span {span} lies outside the letter's span {outer}")


def _check_printed(text: str, span: Span, printed: str, what: str) -> None:
    found = text[span[0]:span[1]]
    if found != printed:
        raise AssertionError(f"{what}: the source at {span} reads {found!r}, the value says {printed!r}")


def _check_contains(text: str, span: Span, part: str, what: str, *, ocr_digits: bool = False) -> None:
    found = text[span[0]:span[1]]
    if ocr_digits:  # a number printed with OCR's letters for digits ("No. l31") is read as the digits
        found = with_ocr_digits(found)
    if part not in found:
        raise AssertionError(f"{what}: {part!r} is not in the source at {span}, which reads {found!r}")


def _letter_spans(letter: Letter) -> Iterator[tuple[str, Span]]:
    """Every span that belongs to ``letter`` and so must lie inside its span."""
    yield "text", letter.text_span
    if letter.number_span is not None:
        yield "number", letter.number_span
    if letter.heading is not None:
        yield "heading", letter.heading.span
    for role, parties in (("sender", letter.senders), ("recipient", letter.recipients)):
        for party in parties:
            if not party.implied:  # taken from the collection or elsewhere: checked for bounds only
                yield f"{role} {party.name!r}", party.span
    for name, date in (("date", letter.date), ("dateline", letter.dateline)):
        if date is not None:
            yield name, date.span
            if date.place is not None:
                yield f"{name} place", date.place.span
    for name, place in (("place", letter.place), ("place received", letter.place_received)):
        if place is not None:
            yield name, place.span
    if letter.signature is not None:
        yield "signature", letter.signature.span
    for number, value in enumerate(letter.postscripts, 1):
        yield f"postscript {number}", value.span
    for number, value in enumerate(letter.publications, 1):
        yield f"publication {number}", value.span
    for ref in letter.archival:
        yield f"archival {ref.as_printed!r}", ref.span
    for mention in letter.mentions:
        yield f"mention {mention.entry_id!r}", mention.span


def _note_spans(note: Note) -> Iterator[tuple[str, Span]]:
    yield f"note {note.number!r}", note.span
    if note.anchor is not None:
        yield f"anchor of note {note.number!r}", note.anchor
    for ref in note.refs:
        yield f"cross-reference of note {note.number!r}", ref.span
    for citation in note.archival:
        yield f"archival {citation.as_printed!r} of note {note.number!r}", citation.span


def _printed_values(letter: Letter) -> Iterator[tuple[str, Span, str]]:
    """Every value of ``letter`` that must read exactly as the source at its span."""
    yield "text", letter.text_span, letter.text
    if letter.heading is not None:
        yield "heading", letter.heading.span, letter.heading.text
    for role, parties in (("sender", letter.senders), ("recipient", letter.recipients)):
        yield from _printed_parties(role, parties)
    for name, date in (("date", letter.date), ("dateline", letter.dateline)):
        if date is not None:
            yield from _printed_date(name, date)
    for name, place in (("place", letter.place), ("place received", letter.place_received)):
        if place is not None and not place.implied:
            yield name, place.span, place.name
    for name, values in (("signature", (letter.signature,)), ("postscript", letter.postscripts),
                         ("publication", letter.publications)):
        yield from _printed_text_values(name, values)
    yield from _printed_citations("archival", letter.archival)
    for note in letter.notes:
        yield from _printed_citations(f"archival of note {note.number!r}", note.archival)


def _printed_parties(role: str, parties: tuple[Party, ...]) -> Iterator[tuple[str, Span, str]]:
    for party in parties:
        if not party.implied:  # an implied party was not printed where it is named
            yield f"{role} {party.name!r}", party.span, party.name


def _printed_date(name: str, date: HistoricalDate) -> Iterator[tuple[str, Span, str]]:
    yield name, date.span, date.as_printed
    if date.place is not None:
        yield f"{name} place", date.place.span, date.place.text


def _printed_text_values(name: str, values: tuple[TextValue | None, ...]) -> Iterator[tuple[str, Span, str]]:
    for value in values:
        if value is not None:
            yield name, value.span, value.text


def _printed_citations(name: str, citations: tuple[ArchivalRef, ...]) -> Iterator[tuple[str, Span, str]]:
    for ref in citations:
        yield f"{name} {ref.as_printed!r}", ref.span, ref.as_printed


def _check_notes(text: str, notes: tuple[Note, ...], where: str) -> None:
    for note in notes:
        what = f"{where} note {note.number!r}"
        if note.number_as_printed:
            _check_contains(text, note.span, note.number_as_printed, what)
        if note.text:
            _check_contains(text, note.span, note.text, what)
        for ref in note.refs:
            _check_contains(text, ref.span, ref.document, f"{what} cross-reference", ocr_digits=True)
