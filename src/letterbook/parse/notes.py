"""Editorial notes: the notes section, note numbers, markers in the text, cross-references.

Public API (pure, never raises, linear time):

- ``parse_notes(text, offset)``: the notes of one letter from the text of its notes
  section (the heading "Notes:"/"Примечания" or the rule "_____" removed or included),
  each note with its number (repaired: "1 .", "one", "oneAt", "2We"), text, span,
  archival citations inside it and cross-references ("See note 1 to document No. 183").
- ``anchor_notes(notes, body, offset)``: the same notes with ``anchor`` set to the span
  of the marker in the letter's text that points to each ("faction 1 ,", "Trotsky3—");
  see ``letterbook.parse.note_markers``.
- ``field_codes(text, offset)``: Word field codes left in the notes, for a Finding.
- ``note_findings(notes, codes)``: what a person should check about the notes read.
- For the segmenter: ``is_notes_heading(line)``, ``is_note_separator(line)``,
  ``is_footnote_line(line)`` and ``find_notes_heading(lines)``.

How a notes section is read: one note per paragraph (or line), each beginning with
its number; a paragraph that does not begin with the next expected number continues
the note before it, so "1918 ..." or "13 июня 1932 г. ..." never opens a note. A lone
unnumbered note is note "1" with an empty ``number_as_printed``. Page footnotes
("* Текст ... Ред.") are notes numbered "*", "**", ended by the editors' "Ред.".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from letterbook.data import load
from letterbook.model import Finding, Note, Severity, Span
from letterbook.parse.archival import find_archival
from letterbook.parse.note_markers import anchor_notes
from letterbook.parse.note_refs import cross_refs, field_codes, without_leading_field_codes

__all__ = [
    "anchor_notes",
    "field_codes",
    "find_notes_heading",
    "is_footnote_line",
    "is_note_separator",
    "is_notes_heading",
    "note_findings",
    "parse_notes",
]

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")
# The note may begin with a date ("* 2 December 1926 the plenum ...", "* 1920 г. ...").
# "* Текст ...", "** В верхней ...", and the translation of a foreign word: "* — между нами. Ред.".
_FOOTNOTE_START = re.compile(r"[ \t\u00a0]*(\*{1,4})[ \t\u00a0]*"
                             r"(?=[^\W\d_]|[«\"“(\[]|\d{1,4}\s[^\W\d_]|[—–-]\s[^\W\d_])")


# --- the section's opening line ------------------------------------------------------


def is_notes_heading(line: str) -> bool:
    """True for a line that only announces the notes: "Notes:", "Примечания"."""
    word = line.strip().rstrip(":.").strip().lower()
    return word in _headings()


def is_note_separator(line: str) -> bool:
    """True for a rule of underscores ("_____________") that opens the notes on istmat.org."""
    data = load("notes")["section"]
    stripped = line.strip()
    return len(stripped) >= data["separator_min_length"] and not stripped.strip(data["separator_chars"])


def is_footnote_line(line: str) -> bool:
    """True for a page footnote of Lenin's Collected Works: "* Текст со слов ...", "** В верхней ..."."""
    return _FOOTNOTE_START.match(line) is not None


def find_notes_heading(lines: Sequence[str], start: int = 0) -> int | None:
    """Index of the first line at or after ``start`` that opens a notes section, or None.

    A heading opens it outright; a rule of underscores only when the next non-blank
    line begins like a note ("1 ...", "* ..."), since rules also stand for blanks to fill.
    """
    for index in range(max(start, 0), len(lines)):
        line = lines[index]
        if is_notes_heading(line):
            return index
        if is_note_separator(line) and _next_line_opens_note(lines, index + 1):
            return index
    return None


def starts_a_note(line: str) -> bool:
    """Whether ``line`` begins like the first note of a document printed without a heading:
    a number in any of its printed forms ("1 ...", "1. ...", "1) ...", "[1] ...", "¹ ...") or
    asterisks, then the note's text in a capital or a quotation mark."""
    start = _read_start(line, None)
    return start is not None and (_NOTE_TEXT_START.match(line, start.text_start) is not None
                                  or _dated_text().match(line, start.text_start) is not None)


_NOTE_TEXT_START = re.compile(r"[A-ZА-ЯЁ«\"“(\[]")


@cache
def _dated_text() -> re.Pattern[str]:
    """A note's text that begins with a date: "1 17 сентября 1934 г. ПБ утвердило ...", also
    without the year ("1 12 августа ПБ утвердило ...")."""
    return re.compile(rf"\d{{1,2}}[ \t\u00a0]+(?:{_date_after_number().pattern}|(?:{_months()})[ \t\u00a0]+[^\W\d_])",
                      re.IGNORECASE)


def _next_line_opens_note(lines: Sequence[str], index: int) -> bool:
    for line in lines[index:]:
        if line.strip():
            return is_footnote_line(line) or re.match(r"\s*\d{1,3}(?!\d)", line) is not None
    return False


# --- numbers at the start of a note ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Start:
    """A note number read at the start of a line: its value, printed form and where text begins."""

    number: str
    printed: Span  # within the line
    text_start: int  # within the line


@cache
def _headings() -> frozenset[str]:
    return frozenset(word.lower() for word in load("notes")["section"]["headings"])


@cache
def _inline_heading() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_headings(), key=len, reverse=True))
    return re.compile(rf"[ \t\u00a0]*(?:{words})[ \t\u00a0]*:[ \t\u00a0]*", re.IGNORECASE)


@cache
def _words_to_numbers() -> dict[str, int]:
    return {word: int(value) for word, value in load("notes")["numbers"]["words"].items()}


@cache
def _digit_start() -> re.Pattern[str]:
    digits = load("notes")["numbers"]["max_digits"]
    # "1 We", "2On", "1 . We", "3) We", "1. We", "[1] We", "(1) We", "¹ We"; the text begins after the blanks.
    return re.compile(
        rf"[ \t\u00a0]*(?P<printed>[\[(]?)"
        rf"(?P<number>\d{{1,{digits}}}|[{_SUPERSCRIPTS}]{{1,{digits}}})(?![\d{_SUPERSCRIPTS}])"
        rf"(?:[ \t\u00a0]?[.)\]](?!\d))?[ \t\u00a0]*"
    )


@cache
def _word_start() -> re.Pattern[str]:
    words = "|".join(sorted(_words_to_numbers(), key=len, reverse=True))
    # Lower case only, then a capital: "oneAt", "one We", never "One of them" or "one of".
    return re.compile(rf"[ \t\u00a0]*({words})[ \t\u00a0]*(?=[^\W\d_a-zа-яё]|[«\"“(\[\d])")


@cache
def _months() -> str:
    """The month names as one alternation, longest first."""
    return "|".join(sorted((re.escape(m) for m in load("notes")["dates"]["months"]), key=len, reverse=True))


@cache
def _date_after_number() -> re.Pattern[str]:
    months = _months()
    roman = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})"
    # "13 июня 1932", "2 May 1918", "21. IV. 1918": a day, month and year, not a note number and its text.
    return re.compile(
        # "15 (28) ноября 1912", "15/28 ноября 1912": both calendars' days before the month.
        rf"(?:\(\d{{1,2}}\)[ \t\u00a0]*|/\d{{1,2}}[ \t\u00a0]*)?"
        rf"(?:(?:{months})\.?[ \t\u00a0]+|(?-i:{roman})\.?[ \t\u00a0]*)\[?\d{{4}}(?!\d)",
        re.IGNORECASE,
    )


@cache
def _units() -> frozenset[str]:
    return frozenset(unit.lower() for unit in load("notes")["markers"]["units"])


def _starts_with_unit(text: str) -> bool:
    # An amount's unit is printed in small letters ("61 percent", "50 пудов"); a capital opens a
    # note's sentence ("1 People's Commissariat of ...", "2 Members of the Orgburo ...").
    word = re.match(r"[^\W\d_]+", text.lstrip())
    return word is not None and not word.group()[0].isupper() and word.group().lower() in _units()


def _read_start(line: str, expected: int | None, footnotes_only: bool = False) -> _Start | None:
    """The note number at the start of ``line``, if it may open the next note.

    ``expected`` is the number the next note should carry; None before the first note,
    when any plausible number (not a year, a date or an amount) may open the section.
    Page footnotes ("* ...", "** ...") stand apart from numbered notes: once a section
    opens with one (``footnotes_only``), a number starts a list item, not a note.
    """
    footnote = _FOOTNOTE_START.match(line)
    if footnote:
        return _Start(footnote.group(1), footnote.span(1), footnote.end())
    if footnotes_only:
        return None
    digits = _digit_start().match(line)
    if digits:
        rest = line[digits.end():]
        value = int(digits.group("number").translate(_FROM_SUPERSCRIPT))
        plausible = expected is None or value in (expected, expected + 1)
        glued = line[digits.end("number"):digits.end("number") + 1]
        if glued and (glued.islower() or glued in "-–/%,:'’"):
            plausible = False  # "2nd Army", "1-й", "3/4", "5%", "1, 2": not a note's number
        elif not rest.strip():
            # A number alone on its line, the text below it: only the very number expected.
            plausible = value == (expected or 1)
        elif _date_after_number().match(rest) or _starts_with_unit(rest):
            plausible = False
        if plausible:
            return _Start(str(value), (digits.start("printed"), digits.end()), digits.end())
        return None
    word = _word_start().match(line)
    if word and _words_to_numbers()[word.group(1)] == (expected or 1):
        return _Start(str(expected or 1), (word.start(1), word.end(1)), word.end())
    ocr_one = _OCR_ONE.match(line)
    if ocr_one and (expected or 1) == 1:
        return _Start("1", ocr_one.span(1), ocr_one.end())
    return None


# OCR's "l" for the number of the first note ("l See document No. 117."), before a capital.
_OCR_ONE = re.compile(r"[ \t\u00a0]*(l)\.?[ \t\u00a0]+(?=[A-ZА-ЯЁ«\"“])")


# --- the notes section -------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with its start, line breaks left out."""
    position = 0
    for line in text.splitlines(keepends=True):
        yield position, line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        position += len(line)


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a notes section after its heading or rule, with their starts."""
    in_heading = True
    for position, line in _lines(text):
        if not line.strip() or (in_heading and (is_notes_heading(line) or is_note_separator(line))):
            continue
        # "Notes: 1 We are talking ...": a heading run into the first note is not its text.
        skip = _inline_heading().match(line) if in_heading else None
        in_heading = False
        yield (position + skip.end(), line[skip.end():]) if skip else (position, line)


@dataclass(slots=True)
class _Draft:
    """A note being read: where its number and text start, where its last line ends."""

    number: str
    printed: Span
    text_start: int
    end: int
    closed: bool = False  # a footnote signed "Ред.": later lines are not its own


def _ends_footnote(line: str) -> bool:
    stripped = line.rstrip()
    return any(stripped.endswith(ending) for ending in load("notes")["footnotes"]["endings"])


def _drafts(text: str) -> list[_Draft]:
    drafts: list[_Draft] = []
    expected: int | None = None
    previous = ""
    for position, line in _content_lines(text):
        end = position + len(line.rstrip())
        # After page footnotes alone ("* ..."), a number starts a list item of the footnote, unless a
        # blank line stands before it or the footnote's sentence ended and the number is the
        # first: then the numbered notes begin ("* Так в документе." / "1 См. док. № 98.").
        footnotes_only = (bool(drafts) and expected is None and not _after_blank_line(text, position)
                          and not (previous.endswith(_SENTENCE_ENDS) and _opens_note_one(line)))
        previous = line.rstrip()
        start = _read_start(line, expected, footnotes_only=footnotes_only)
        if start is not None:
            printed = (position + start.printed[0], position + start.printed[1])
            drafts.append(_Draft(start.number, printed, position + start.text_start, end))
            if start.number.isdigit():
                expected = int(start.number) + 1
        elif not drafts:
            # A lone note printed without its number is the letter's note 1.
            first = position + len(line) - len(line.lstrip())
            drafts.append(_Draft("1", (first, first), first, end))
            expected = 2
        elif not drafts[-1].closed and not (line.strip().isdigit() and _after_blank_line(text, position)):
            drafts[-1].end = end  # a number alone under a blank line is the page's number, not the note's
        if drafts:
            drafts[-1].closed = drafts[-1].closed or (drafts[-1].number.startswith("*") and _ends_footnote(line))
    return drafts


_SENTENCE_ENDS = (".", "!", "?", ".»", '."', ".”")


def _opens_note_one(line: str) -> bool:
    start = _read_start(line, None)
    return start is not None and start.number == "1"


def _after_blank_line(text: str, position: int) -> bool:
    """Whether the line starting at ``position`` has a blank line (or nothing) above it."""
    end = text.rfind("\n", 0, position)
    return end < 0 or not text[text.rfind("\n", 0, end) + 1:end].strip()


def _note(text: str, offset: int, draft: _Draft) -> Note:
    body = text[draft.text_start:draft.end]
    at = offset + draft.text_start
    start = draft.printed[0] if draft.printed[1] > draft.printed[0] else draft.text_start
    return Note(
        number=draft.number,
        text=without_leading_field_codes(body).strip(),
        span=(offset + start, offset + draft.end),
        number_as_printed=text[draft.printed[0]:draft.printed[1]].strip(),
        refs=tuple(cross_refs(body, at)),
        archival=tuple(find_archival(body, at)),
    )


def parse_notes(text: str, offset: int = 0) -> list[Note]:
    """The notes printed in ``text`` (a notes section), in order, spans in source coordinates.

    ``offset`` is where ``text`` starts in the source, so ``source[note.span]`` is the
    whole note as printed, its number included.
    """
    return [_note(text, offset, draft) for draft in _drafts(text)]


# --- findings -------------------------------------------------------------------------------


def unanchored(note: Note) -> Finding:
    """The finding of a note whose marker is not in its letter's text."""
    return Finding(Severity.INFO, "notes", f"no marker for note {note.number} in the text", note.span)


def note_findings(notes: Sequence[Note], codes: Sequence[Span] = (), anchored: bool = False) -> list[Finding]:
    """What a person should check: field codes left in, unnumbered notes, gaps in the numbering.

    With ``anchored`` (the notes went through ``anchor_notes``), also every note whose
    marker was not found in the letter's text.
    """
    findings = [Finding(Severity.INFO, "notes", "Word field code left in the note text", span) for span in codes]
    previous: int | None = None
    for note in notes:
        if not note.number_as_printed:
            findings.append(Finding(Severity.WARNING, "notes", "note printed without its number; read as 1", note.span))
        if anchored and note.anchor is None:
            findings.append(unanchored(note))
        if note.number.isdigit():
            if previous is not None and int(note.number) != previous + 1:
                findings.append(Finding(Severity.WARNING, "notes",
                                        f"note {note.number} follows note {previous}", note.span))
            previous = int(note.number)
    return findings
