"""Note markers in a letter's text, and which note each one points to.

Markers as these editions print them: digits glued to a word ("Trotsky3—",
"Sevkaokr6 turn", "фельетонов1."), set apart by blanks ("faction 1 ,", "revolution 2-
behind", "Council 2demanded"), after the sentence's punctuation ("consequences.2 .",
"CSB,2", "unreliable)1 ."), in brackets ("text[1]"), superscript ("Trotsky¹"),
asterisks ("СОВЕТА**") and, in
machine translation, a number word ("by me one .").

A number is never a marker at the start of a line ("1) ...", "2. ..."), inside a date or
an amount ("October 5-6", "61 percent", "No. 11", "26/VII", "8th Army"). Markers stand
in the order of their notes, so note N takes the first marker for N after the marker
of note N-1; a weak reading ("32.1" at the end of a date line, "one .") is used only
when no other marker for N follows.

Words (units, labels such as "No." or "of", months) live in ``parse/data/notes.toml``.
Pure, never raises, linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from letterbook.data import load
from letterbook.model import Note, Span

_BLANKS = " \t\u00a0\u2009\u202f"
_CLOSERS = ")]»”’\"'"
_PUNCTUATION = ".,;:!?"
_LOOK = 64  # how far a marker's context is read; words are shorter than this
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")


@dataclass(frozen=True, slots=True)
class Marker:
    """A place in the letter's text that may point to the note ``number``."""

    number: str
    span: Span
    strong: bool = True  # False for readings used only when nothing better follows


@cache
def _words(key: str) -> frozenset[str]:
    data = load("notes")
    if key == "months":
        return frozenset(w.lower() for w in data["dates"]["months"])
    return frozenset(w.lower() for w in data["markers"][key])


@cache
def _number_words() -> dict[str, str]:
    return {word: str(value) for word, value in load("notes")["numbers"]["words"].items()}


@cache
def _symbol_runs() -> re.Pattern[str]:
    """Runs of digits, asterisks and superscripts. A pattern that is one character class lets
    ``re`` skip to the next such character at C speed; the alternation with look-behinds it
    replaced tried every position of the text (0.3–0.5 ms a letter; this takes about a third)."""
    return re.compile(rf"[\d*{_SUPERSCRIPTS}]+")


@cache
def _symbol_pieces() -> re.Pattern[str]:
    return re.compile(rf"(?P<digits>\d+)|(?P<stars>\*+)|(?P<sup>[{_SUPERSCRIPTS}]+)")


@cache
def _number_word_pattern(word: str) -> re.Pattern[str]:
    """A number word ending a word; that it also starts there is checked by ``_starts_word``.
    One pattern a word: ``re`` finds a literal at C speed, an alternation of twelve words it
    tries at every position of the text (3 against 40 µs a letter)."""
    return re.compile(rf"{re.escape(word)}\b")


_LONGEST = {"digits": 3, "stars": 4, "sup": 3}  # a longer run is an amount, a divider or a year


def _tokens(body: str, words: Iterable[str]) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, text) of every digit, asterisk, superscript token and number word of
    ``words``, in order.

    A token is a whole run of its kind ("1234" holds no digits token, "****" one stars token,
    "12*" a digits and a stars token); a number word is a whole word.
    """
    found: list[tuple[str, int, int, str]] = []
    for run in _symbol_runs().finditer(body):
        for piece in _symbol_pieces().finditer(run.group()):
            kind = piece.lastgroup or ""
            if len(piece.group()) <= _LONGEST[kind]:
                found.append((kind, run.start() + piece.start(), run.start() + piece.end(), piece.group()))
    numbers = [("word", m.start(), m.end(), m.group()) for word in words
               for m in _number_word_pattern(word).finditer(body) if _starts_word(body, m.start())]
    return sorted(found + numbers, key=lambda token: token[1]) if numbers else found


def _starts_word(text: str, start: int) -> bool:
    """What ``\\b`` checks before a word: no letter, digit or underscore just before it."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


# --- reading the context of a token ------------------------------------------------------------


def _word_before(text: str, end: int) -> str:
    """The letters ending at ``end`` ("faction" for "faction 1")."""
    start = end
    while start > 0 and end - start < _LOOK and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and end - start < _LOOK and text[end].isalpha():
        end += 1
    return text[start:end]


def _previous_visible(text: str, index: int) -> int:
    """Index of the last non-blank character before ``index`` on the same line, or -1."""
    j = index - 1
    while j >= 0 and index - j < _LOOK and text[j] in _BLANKS:
        j -= 1
    return -1 if j < 0 or text[j] in "\r\n" or text[j] in _BLANKS else j


def _next_visible(text: str, index: int) -> int:
    """Index of the first non-blank character at or after ``index`` on the same line, or -1."""
    j = index
    while j < len(text) and j - index < _LOOK and text[j] in _BLANKS:
        j += 1
    return -1 if j >= len(text) or text[j] in "\r\n" or text[j] in _BLANKS else j


def _at_line_end(text: str, index: int) -> bool:
    return _next_visible(text, index) == -1


def _label_word(word: str) -> bool:
    """A word after which a number is an amount, a label or a day: "No", "of", "October", "HP"."""
    lower = word.lower()
    return lower in _words("label_words") or lower in _words("months") or (word.isupper() and len(word) <= 2)


def _word_ends_at(text: str, end: int) -> bool:
    """The text before ``end`` is a word (or a closing bracket or quote) that may carry a marker."""
    if end <= 0:
        return False
    if text[end - 1] in _CLOSERS:
        return True
    word = _word_before(text, end)
    return bool(word) and not _label_word(word)


# --- is this token a marker? --------------------------------------------------------------------


def _before_digits(text: str, start: int) -> bool | None:
    """How the characters before a number allow a marker: True, False, or None for a weak reading."""
    before = text[start - 1]
    if before.isalpha():  # "Trotsky3", but not "ТБ3" or "No11"
        word = _word_before(text, start)
        return len(word) > 2 and not _label_word(word)
    if before in _BLANKS:  # "faction 1 ,", "operation) 4 ."
        j = _previous_visible(text, start)
        return j >= 0 and _word_ends_at(text, j + 1)
    if before in _PUNCTUATION or before in _CLOSERS:  # "consequences.2", "CSB,2", "unreliable)1"
        if start >= 2 and text[start - 2].isdigit():
            # "19/VIII. 32.1": a marker glued to a date at the end of its line, or a decimal.
            return None if before == "." else False
        return _word_ends_at(text, start - 1)
    return False


def _after_digits(text: str, end: int, glued_before: bool) -> bool:
    """The characters after a number allow a marker ("1 ,", "3—that", "2demanded", not "61 percent")."""
    if end >= len(text) or text[end] in "\r\n":
        return True
    after = text[end]
    if after in _BLANKS:
        j = _next_visible(text, end)
        if j == -1:
            return True
        word = _word_after(text, j).lower()
        return not (text[j].isdigit() or text[j] == "%" or word in _words("units") or word in _words("months"))
    if after.isalpha():
        word = _word_after(text, end).lower()
        return not (glued_before or word in _words("suffixes") or word in _words("units"))
    following = text[end + 1] if end + 1 < len(text) else " "
    if after in _PUNCTUATION:
        return not following.isalnum()
    if after == "-":
        return following in _BLANKS or following in "\r\n"
    if after in "—–":
        return not following.isdigit()
    return after in "»”’\"'"


def _digit_marker(text: str, start: int, end: int) -> bool | None:
    """True for a marker, None for a weak one, False for an amount, a date or a label."""
    if _previous_visible(text, start) == -1:
        return False  # line start: "1) ...", "2. ..."
    if text[start - 1] == "[" and end < len(text) and text[end] == "]":  # "text[1]", "text. [2]", never "[19]25"
        j = _previous_visible(text, start - 1)
        carrier = j >= 0 and (text[j] in _PUNCTUATION or _word_ends_at(text, j + 1))
        return carrier and not text[end + 1:end + 2].isalnum()
    before = _before_digits(text, start)
    if before is False or not _after_digits(text, end, glued_before=text[start - 1].isalpha()):
        return False
    if before is None:
        return None if _at_line_end(text, end) else False
    return True


def _word_marker(text: str, start: int, end: int) -> bool:
    """A number word as a weak marker: "by me one .", never "one of" or "give one to"."""
    if start == 0 or text[start - 1] not in _BLANKS:
        return False
    j = _previous_visible(text, start)
    if j < 0 or not _word_ends_at(text, j + 1):
        return False
    k = _next_visible(text, end)
    if k == -1:
        return True
    return text[k] in _PUNCTUATION and (k + 1 >= len(text) or not text[k + 1].isalnum())


def _superscript_marker(text: str, start: int) -> bool:
    """Superscript digits after a word or its punctuation ("Trotsky¹"), never a unit ("м²", "km²")."""
    if start == 0 or text[start - 1] in _BLANKS or text[start - 1] in "\r\n":
        return False
    return not text[start - 1].isalpha() or len(_word_before(text, start)) > 2


def _star_marker(text: str, start: int) -> bool:
    """Asterisks after a word or its punctuation ("СОВЕТА**"), never a "* * *" divider or a footnote."""
    j = _previous_visible(text, start)
    return j >= 0 and text[j] != "*" and (text[j].isalnum() or text[j] in _PUNCTUATION or text[j] in _CLOSERS)


def find_markers(body: str, offset: int = 0, numbers: Collection[str] | None = None) -> list[Marker]:
    """Every place in ``body`` that may be a note marker, in order, spans in source coordinates.

    With ``numbers``, only the number words of those note numbers are looked for ("one" for
    note 1); digits, superscripts and asterisks are always found.
    """
    words = [w for w, number in _number_words().items() if numbers is None or number in numbers]
    markers: list[Marker] = []
    for kind, start, end, token in _tokens(body, words):
        if kind == "digits":
            verdict = _digit_marker(body, start, end)
            if verdict is not False:
                markers.append(Marker(str(int(token)), (offset + start, offset + end), verdict is True))
        elif kind == "sup":
            if _superscript_marker(body, start):
                number = str(int(token.translate(_FROM_SUPERSCRIPT)))
                markers.append(Marker(number, (offset + start, offset + end)))
        elif kind == "stars":
            if _star_marker(body, start):
                markers.append(Marker(token, (offset + start, offset + end)))
        elif _word_marker(body, start, end):
            markers.append(Marker(_number_words()[token], (offset + start, offset + end), strong=False))
    return markers


# --- matching notes to markers --------------------------------------------------------------------


class _MarkerIndex:
    """The markers of a text by note number, each list in text order, for bisecting."""

    def __init__(self, markers: Sequence[Marker]) -> None:
        self._found: dict[tuple[str, bool], list[Marker]] = defaultdict(list)
        for found in markers:
            self._found[(found.number, found.strong)].append(found)
        self._starts = {key: [m.span[0] for m in found] for key, found in self._found.items()}

    def first_after(self, number: str, cursor: int) -> Marker | None:
        """The first marker for ``number`` at or after ``cursor``: a strong one if any follows."""
        for strong in (True, False):
            key = (number, strong)
            i = bisect_left(self._starts.get(key, []), cursor)
            if i < len(self._starts.get(key, [])):
                return self._found[key][i]
        return None


def anchor_notes(notes: Sequence[Note], body: str, offset: int = 0) -> list[Note]:
    """``notes`` with ``anchor`` set to the span of their marker in ``body`` (None when none is found).

    ``offset`` is where ``body`` starts in the source. Numbered notes and asterisk
    footnotes are two sequences, each read in order through the text.
    """
    if not notes:
        return []
    index = _MarkerIndex(find_markers(body, offset, {note.number for note in notes}))
    cursors = {"digits": offset, "stars": offset}
    anchored: list[Note] = []
    for note in notes:
        kind = "stars" if note.number.startswith("*") else "digits"
        marker = index.first_after(note.number, cursors[kind])
        if marker is not None:
            cursors[kind] = marker.span[1]
        anchored.append(replace(note, anchor=marker.span if marker else None))
    return anchored
