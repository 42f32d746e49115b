"""Lines of a source with their offsets, and the whitespace rules of real pages.

Real pages carry no-break spaces, zero-width spaces and lines of nothing but spaces;
the parser treats them all as blank without ever changing the text, so that every
offset stays an index into the source as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from letterbook.model import Span

# Python's str.isspace() misses the zero-width characters that web pages carry.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_BLANK_CHARS = frozenset(" \t\r\f\v\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE)
_STRIP = "".join(sorted(_BLANK_CHARS))
_SPACES = re.compile(f"[{re.escape(_STRIP)}]+")
_ODD_SPACE = re.compile(f"[{re.escape(_STRIP.replace(' ', ''))}]|  ")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the source: ``text`` is the line without its newline and outer blanks."""

    index: int
    start: int  # offset of the first non-blank character (or of the line, when blank)
    end: int  # offset just after the last non-blank character
    text: str

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    lines: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.splitlines(keepends=True)):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lead = len(body) - len(body.lstrip(_STRIP))
        stripped = body.strip(_STRIP)
        start = pos + lead
        lines.append(Line(index, start, start + len(stripped), stripped))
        pos += len(raw)
    return lines


# In UTF-8 every character of U+0400-U+04FF (Cyrillic) begins with one of these bytes, and
# no other character does: counting bytes is exact, and done in C by bytes.translate.
_CYRILLIC_LEAD_BYTES = bytes(range(0xD0, 0xD4))
_LATIN_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def is_mostly_cyrillic(text: str) -> bool:
    """More Cyrillic letters than Latin ones: Russian text, a Russian name."""
    raw = text.encode("utf-8", "surrogatepass")
    cyrillic = len(raw) - len(raw.translate(None, _CYRILLIC_LEAD_BYTES))
    latin = len(raw) - len(raw.translate(None, _LATIN_BYTES))
    return cyrillic > latin


def normalize_spaces(text: str) -> str:
    """Collapse every run of blank characters to one space (for matching, never for output)."""
    if _ODD_SPACE.search(text) is None:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def strip_span(text: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` of ``text`` without blanks at either end."""
    while start < end and text[start] in _BLANK_CHARS | {"\n"}:
        start += 1
    while end > start and text[end - 1] in _BLANK_CHARS | {"\n"}:
        end -= 1
    return (start, end)


# OCR's letters for digits inside a number ("1О8", "5l2", "1l", "l8"): a run of digits and such
# letters, at least one of each, that is a word of its own. Each branch begins with the
# character it needs, so that the scan is quick.
_OCR_IN_NUMBER = re.compile(r"\d(?<![^\W\d_]\d)\d*[lIOОoо][\dlIOОoо]*(?![^\W\d_])"
                            r"|[lI](?<![^\W\d_][lI])\d[\dlIOОoо]*(?![^\W\d_])")
_MAYBE_OCR = re.compile(r"\d[lIOОoо]|[lI]\d")  # a cheap test first: most text has neither
_AS_DIGITS = str.maketrans("lIOОoо", "110000")


def with_ocr_digits(text: str, also: re.Pattern[str] | None = None) -> str:
    """``text`` with OCR's letters inside numbers (and whatever ``also`` matches) as the digits
    they stand for; the same length, so every span holds."""
    if _MAYBE_OCR.search(text) is not None:
        text = _OCR_IN_NUMBER.sub(lambda found: found[0].translate(_AS_DIGITS), text)
    return also.sub(lambda found: found[0].translate(_AS_DIGITS), text) if also is not None else text

