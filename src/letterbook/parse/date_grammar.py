"""The grammar of printed dates: tokens, calendar points, ranges and qualifiers.

This module says what was printed and where: which day, month and year, which parts
the editors put in square brackets, which word qualified the date, which tokens it
covers. What an expression means (its calendar, EDTF, Gregorian bounds) is decided in
``parse/dates.py``.

It reads the tokens of ``parse/date_words.py``; every rule looks at a bounded number
of tokens, so reading a text is linear in its length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypeGuard

from letterbook.model import Calendar
from letterbook.parse.date_words import Kind, Lexicon, Phrase, Phrases, Token, lexicon

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN |= {"XI": 11, "XII": 12}
_FIRST_YEAR, _LAST_YEAR = 1000, 2199  # four digits read as a year of a letter
_BRACKETED_BEGINNING = 11  # tokens: "[Not earlier than August 7 (20)]" closes within them
_LOWER_BOUNDS = frozenset({"not before", "after"})
_UPPER_BOUNDS = frozenset({"not after", "before"})
_LONGEST_REST = 16  # tokens of a date after its bracketed beginning ("(18) февраля 1917 г. (по ст. ст.)")


def _is_year(value: int | None) -> TypeGuard[int]:
    return value is not None and _FIRST_YEAR <= value <= _LAST_YEAR


class Form(StrEnum):
    """How a point was written, which tells how strongly it reads as a date."""

    MONTH_FIRST = "month first"  # "December 22, 1925"
    DAY_FIRST = "day first"  # "31 августа 1918 года"
    YEAR_FIRST = "year first"  # "1928 г. 9 апр."
    NUMERIC = "numeric"  # "22/XII-25", "31/7"
    ISO = "iso"  # "1932.08.19"
    YEAR = "year"  # "1925", "[1918]"
    DAY = "day"  # "6" of "October 5-6": one end of a range only
    MONTH = "month"  # "October" of "October–November 1925": one end of a range only


class MonthStyle(StrEnum):
    NAME = "name"  # "December", "декабря", "Dec."
    ROMAN = "roman"  # "22/XII-25"
    ARABIC = "arabic"  # "31/7", "1932.08.19"


@dataclass(frozen=True, slots=True)
class Point:
    """One position in the calendar as printed: a day, a month or a year.

    ``first``/``stop`` are token indices (``stop`` excluded). Missing parts stay None:
    nothing is ever filled in from today.
    """

    first: int
    stop: int
    form: Form
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_digits: int = 4  # 2 when printed "25" for 1925: the century comes from context
    month_style: MonthStyle | None = None
    month_printed: str = ""  # the month token as printed ("11" may be a Roman II mistyped)
    inferred: bool = False  # a part in square brackets: "July 31 [1920]", "[May] 1920", "[19]25"
    uncertain: bool = False  # a printed question mark
    new_style: tuple[int, int | None] | None = None  # (day, month) printed beside it: "5 (18) February"
    style: Calendar | None = None  # a printed calendar marker: "(O.S.)", "по ст. ст."


@dataclass(frozen=True, slots=True)
class Expression:
    """A date expression: a point or a range, perhaps qualified, perhaps bracketed."""

    first: int
    stop: int
    start: Point
    end: Point | None = None  # the other end of a range
    qualifier: str | None = None  # "not before", "early", "between", ... (see dates.toml)
    end_qualifier: str | None = None  # the part of the other end: "late December 1917 - early January 1918"
    bracketed: bool = False  # the editors bracketed the whole expression
    uncertain: bool = False  # a question mark after the whole expression


@dataclass(frozen=True, slots=True)
class _Part:
    """A day, month or year read from the tokens, and the index after it."""

    value: int
    stop: int
    inferred: bool = False
    uncertain: bool = False
    digits: int = 4
    style: MonthStyle | None = None
    printed: str = ""


_HOUR_WORDS = frozenset({"h", "hours", "hrs", "ч", "час", "часа", "часов"})
_DAY_OPENERS = frozenset({"[", "«"})  # "[5] мая", "«29» февраля"
_OTHER_STYLE_TOKENS = 8  # "(4 или 5 февраля)": a range's days in the other calendar


class Reader:
    """Reads date expressions from a token list; every method looks ahead a bounded distance."""

    def __init__(self, tokens: list[Token], lex: Lexicon | None = None) -> None:
        self.tokens = tokens
        self.lex = lex or lexicon()
        self._lower = [t.text.lower() for t in tokens]
        self._symbols = [t.text if t.kind is Kind.SYM else "" for t in tokens]
        self._points: dict[tuple[int, bool], Point | None] = {}  # the scan asks for most points twice
        self._days: dict[tuple[int, bool], _Part | None] = {}

    # -- tokens ---------------------------------------------------------------------

    def word(self, i: int) -> str:
        return self._lower[i] if 0 <= i < len(self._lower) else ""

    def may_start(self, i: int) -> bool:
        """Whether an expression can begin at ``i`` (a cheap test before trying the grammar)."""
        token, word = self.tokens[i], self._lower[i]
        if token.kind is Kind.NUM or token.text in _DAY_OPENERS:
            return True
        return word in self.lex.months or word in self.lex.qualifiers.by_first or word in self.lex.between.by_first

    def sym(self, i: int, chars: str) -> bool:
        symbol = self._symbols[i] if 0 <= i < len(self._symbols) else ""
        return symbol != "" and symbol in chars

    def glued(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].glued

    def num(self, i: int, digits: Iterable[int]) -> int | None:
        if not 0 <= i < len(self.tokens):
            return None
        token = self.tokens[i]
        return token.number if len(token.text) in digits else None

    def match(self, i: int, phrases: Phrases) -> Phrase | None:
        """The longest of ``phrases`` printed at ``i``, or None."""
        for phrase in phrases.by_first.get(self.word(i), ()):
            if all(self.word(i + k) == w for k, w in enumerate(phrase)):
                return phrase
        return None

    def phrase(self, i: int, phrases: Phrases) -> int | None:
        """The index after the longest of ``phrases`` printed at ``i``, or None."""
        found = self.match(i, phrases)
        return None if found is None else i + len(found)

    def question(self, i: int) -> int | None:
        """The index after a question mark ("?" or "(?)") at ``i``."""
        if self.sym(i, "?"):
            return i + 1
        if self.sym(i, "(") and self.sym(i + 1, "?") and self.sym(i + 2, ")"):
            return i + 3
        return None

    def junk_after(self, i: int) -> bool:
        """Whether a number ending before ``i`` runs on into digits or letters ("1920s", "12mm")."""
        if not self.glued(i) or self.tokens[i].kind is Kind.SYM:
            return False
        return self.tokens[i].kind is Kind.NUM or self.phrase(i, self.lex.year_words) is None

    def starts_cleanly(self, i: int) -> bool:
        # "A1925" or "п3" are codes, not dates: a number glued to letters before it.
        return not (self.glued(i) and self.tokens[i - 1].kind is not Kind.SYM)

    # -- parts ----------------------------------------------------------------------

    def year(self, i: int) -> _Part | None:
        part = self._bare_year(i)
        if part is None:
            return self._bracketed_year(i)
        stop = self.phrase(part.stop, self.lex.year_words) or part.stop
        after_question = self.question(stop)
        return replace(part, stop=after_question or stop, uncertain=part.uncertain or after_question is not None)

    def _bracketed_year(self, i: int) -> _Part | None:
        """ "[1920 г.]", "[1920?]": a year the editors supplied, with its word or their doubt inside."""
        if not self.sym(i, "["):
            return None
        inner = self._bare_year(i + 1)
        if inner is None or inner.inferred:
            return None
        stop = self.phrase(inner.stop, self.lex.year_words) or inner.stop
        after_question = self.question(stop)
        closing = after_question or stop
        if not self.sym(closing, "]"):
            return None
        return replace(inner, stop=closing + 1, inferred=True, uncertain=after_question is not None)

    def _bare_year(self, i: int) -> _Part | None:
        value = self.num(i, (4,))
        if _is_year(value) and self.starts_cleanly(i) and not self.junk_after(i + 1):
            return _Part(value, i + 1)
        if not self.sym(i, "["):
            return None
        value = self.num(i + 1, (4,))
        if _is_year(value) and self.sym(i + 2, "]"):
            return _Part(value, i + 3, inferred=True)
        century, rest = self.num(i + 1, (2,)), self.num(i + 3, (2,))
        # "[19]25": the editors completed a year the author wrote with two digits.
        if century is not None and rest is not None and self.sym(i + 2, "]") and self.glued(i + 3):
            value = century * 100 + rest
            return _Part(value, i + 4, inferred=True) if _is_year(value) else None
        return None

    def month_name(self, i: int) -> _Part | None:
        if self.sym(i, "[") and (inner := self.month_name(i + 1)) and self.sym(inner.stop, "]"):
            return replace(inner, stop=inner.stop + 1, inferred=True)
        if not 0 <= i < len(self.tokens) or self.tokens[i].kind is not Kind.WORD:
            return None
        text = self.tokens[i].text
        number = self.lex.months.get(text.lower())
        if number is None:
            return None
        if self.lex.latin_month_capitalised and text.isascii() and not text[0].isupper():
            return None
        stop = i + 1
        if text.lower() in self.lex.abbreviations and self.sym(stop, ".") and self.glued(stop):
            stop += 1
        return _Part(number, stop, style=MonthStyle.NAME, printed=text)

    def month_number(self, i: int) -> _Part | None:
        """A Roman month ("XII", also with Cyrillic lookalike letters) or an Arabic one ("7")."""
        if not 0 <= i < len(self.tokens):
            return None
        token = self.tokens[i]
        if token.kind is Kind.WORD:
            roman = _ROMAN.get(token.text.translate(self.lex.roman_lookalikes))
            return _Part(roman, i + 1, style=MonthStyle.ROMAN, printed=token.text) if roman else None
        value = self.num(i, (1, 2, 3))
        if value is None:
            return None
        # "11" and "111" may be a Roman II and III that a translation turned into digits.
        if 1 <= value <= 12 or set(token.text) == {"1"}:
            return _Part(value, i + 1, style=MonthStyle.ARABIC, printed=token.text)
        return None

    def day(self, i: int, *, ordinal: bool = True) -> _Part | None:
        key = (i, ordinal)
        if key not in self._days:
            self._days[key] = self._day(i, ordinal=ordinal)
        return self._days[key]

    def _day(self, i: int, *, ordinal: bool) -> _Part | None:
        if self.sym(i, "[") and (inner := self.day(i + 1, ordinal=False)) and self.sym(inner.stop, "]"):
            return replace(inner, stop=inner.stop + 1, inferred=True)
        if self.sym(i, "«") and (quoted := self.day(i + 1, ordinal=False)) and self.sym(quoted.stop, "»"):
            return replace(quoted, stop=quoted.stop + 1)  # "«29» февраля 1940 г.": an official form's day
        value = self.num(i, (1, 2))
        if value is None or not 1 <= value <= 31 or not self.starts_cleanly(i):
            return None
        stop = i + 1
        if ordinal and self.glued(stop) and (after := self.phrase(stop, self.lex.ordinal_suffixes)):
            stop = after
        elif self.glued(stop) and self.tokens[stop].kind is Kind.WORD:
            return None  # "5a", "12mm": a number glued to letters
        after_question = self.question(stop)
        return _Part(value, after_question or stop, uncertain=after_question is not None)

    # -- points ---------------------------------------------------------------------

    def point(self, i: int, *, bare_day: bool = False) -> Point | None:
        """The longest point at ``i``. A bare day ("5" of "5–6 октября") only when asked."""
        key = (i, bare_day)
        if key not in self._points:
            best: Point | None = None
            for candidate in self._forms(i, bare_day=bare_day):
                if candidate is not None and (best is None or candidate.stop > best.stop):
                    best = candidate
            self._points[key] = self._with_markers(best) if best else None
        return self._points[key]

    def _forms(self, i: int, *, bare_day: bool) -> list[Point | None]:
        """Every form of point that may begin with the token at ``i``, read."""
        if not 0 <= i < len(self.tokens):
            return []
        token = self.tokens[i]
        if token.kind is Kind.WORD:
            first = self.month_first(i)
            return [first] if first is not None or not bare_day else [self.bare_month(i)]
        if token.kind is Kind.NUM and len(token.text) == 4:
            return [self.year_first(i), self.iso(i), self.year_only(i)]
        if token.kind is Kind.NUM or token.text in _DAY_OPENERS:
            found = [self.day_first(i), self.numeric(i)] + ([self.bare_day(i)] if bare_day else [])
            if token.text == "[":
                found += [self.month_first(i), self.year_first(i), self.year_only(i)]
            return found
        return []

    def _with_markers(self, point: Point) -> Point:
        stop = point.stop
        if after := self.question(stop):
            point, stop = replace(point, uncertain=True), after
        if after := self.phrase(stop, self.lex.julian_markers):
            return replace(point, stop=after, style=Calendar.JULIAN)
        if after := self.phrase(stop, self.lex.gregorian_markers):
            return replace(point, stop=after, style=Calendar.GREGORIAN)
        return point if stop == point.stop else replace(point, stop=stop)

    def _year_after(self, i: int) -> _Part | None:
        """An optional year after a day or month, perhaps after a comma."""
        j = i + 1 if self.sym(i, ",") else i
        return self.year(j) or self._short_year(j)

    def _short_year(self, i: int) -> _Part | None:
        """ "5 мая 25 г.": two digits are a year only with the word for year after them."""
        value = self.num(i, (2,))
        after = self.phrase(i + 1, self.lex.year_words)
        if value is None or after is None or not self.starts_cleanly(i):
            return None
        return _Part(value, after, digits=2)

    def month_first(self, i: int) -> Point | None:
        """ "December 22, 1925", "July 31 [1920]", "May 1920", "November 12th day 1919"."""
        month = self.month_name(i)
        if month is None:
            return None
        stop, day, new_style = month.stop, self.day(month.stop), None
        if day is not None:
            stop = self.phrase(day.stop, self.lex.day_words) or day.stop
            new_style, stop = self._new_style(stop, month_first=True)
        year = self._year_after(stop)
        if day is None and year is None:
            return None
        return self._point(Form.MONTH_FIRST, i, month, day, year, new_style=new_style)

    def day_first(self, i: int) -> Point | None:
        """ "31 августа 1918 года", "5 October 1925", "31 дня августа 1918 г.", "5 (18) февраля 1917"."""
        day = self.day(i)
        if day is None:
            return None
        stop = self.phrase(day.stop, self.lex.day_words) or day.stop
        new_style, stop = self._new_style(stop, month_first=False, after_day=day.value)
        month = self.month_name(stop)
        if month is None:
            return self._day_then_bracketed(i, day, stop)
        stop = month.stop
        if new_style is None:
            new_style, stop = self._new_style(stop, month_first=False)
        return self._point(Form.DAY_FIRST, i, month, day, self._year_after(stop), new_style=new_style, stop=stop)

    def _day_then_bracketed(self, i: int, day: _Part, at: int) -> Point | None:
        """ "15 [марта 1933 г.]": the day printed, its month and year supplied by the editors."""
        if not self.sym(at, "[") or (month := self.month_name(at + 1)) is None:
            return None
        year = self._year_after(month.stop)
        if year is None or not self.sym(year.stop, "]"):
            return None
        return self._point(Form.DAY_FIRST, i, replace(month, inferred=True), day,
                           replace(year, stop=year.stop + 1, inferred=True))

    def _new_style(self, i: int, *, month_first: bool,
                   after_day: int | None = None) -> tuple[tuple[int, int | None] | None, int]:
        """A New Style day printed beside the Old Style one: "(18)", "(8 марта)", "/18".

        The day after ``after_day`` is not: "5/6 октября" is a night (the calendars are 12 or
        13 days apart).
        """
        slash_day = self.day(i + 1, ordinal=False) if self.sym(i, "/") and self.glued(i) else None
        if slash_day is not None and slash_day.value != (after_day or 0) + 1 and self.month_name(slash_day.stop):
            return (slash_day.value, None), slash_day.stop
        if not self.sym(i, "("):
            return None, i
        j, month = i + 1, None
        if month_first and (month := self.month_name(j)):
            j = month.stop
        day = self.day(j, ordinal=False)
        if day is None:
            return None, i
        j = day.stop
        if not month_first and month is None and (month := self.month_name(j)):
            j = month.stop
        if not self.sym(j, ")"):
            return None, i
        return (day.value, month.value if month else None), j + 1

    def year_first(self, i: int) -> Point | None:
        """ "1928 г. 9 апр.": the year, then the day and month."""
        year = self.year(i)
        if year is None:
            return None
        j = year.stop + 1 if self.sym(year.stop, ",") else year.stop
        day = self.day(j)
        if day is not None and (month := self.month_name(day.stop)):
            return self._point(Form.YEAR_FIRST, i, month, day, replace(year, stop=month.stop))
        month = self.month_name(j)
        if month is not None and (day := self.day(month.stop)):
            return self._point(Form.YEAR_FIRST, i, month, day, replace(year, stop=day.stop))
        return None

    def numeric(self, i: int) -> Point | None:
        """ "22/XII-25", "11.VIII. 27.", "21. IV. 1918 г.", "31/7", "16/11 21", "21.04.1918"."""
        day = self.day(i, ordinal=False)
        if day is None or not self.sym(day.stop, "/.-"):
            return None
        month = self.month_number(day.stop + 1)
        if month is None:
            return None
        roman = month.style is MonthStyle.ROMAN
        # An Arabic month is written tight ("31/7"); a Roman one may be spaced ("21. IV.").
        if not roman and not (self.glued(day.stop) and self.glued(day.stop + 1)):
            return None
        if self.sym(day.stop, "-") and not roman:
            return None
        year = self._numeric_year(month.stop, roman=roman)
        if year is None and not roman and not self.sym(day.stop, "/"):
            return None  # "31.5" is a number; "31/7" is a day
        return self._point(Form.NUMERIC, i, month, day, year)

    def _numeric_year(self, i: int, *, roman: bool) -> _Part | None:
        j = i + 1 if self.sym(i, "/.-–—") else i
        if j == i and self.glued(i):
            return None
        if not roman and j == i + 1 and not (self.glued(i) and self.glued(j)):
            return None
        if self.sym(j, "[") and (supplied := self._bare_year(j)) is not None:  # "12.IX.[19]25", "12.IX.[1925]"
            return replace(supplied, stop=self.phrase(supplied.stop, self.lex.year_words) or supplied.stop)
        value = self.num(j, (2, 4))
        if value is None or self.junk_after(j + 1) or self.word(j + 1) in _HOUR_WORDS:
            return None  # "12/VIII. 23 h. 40 min.": the hour a telegram went, not the year '23
        if len(self.tokens[j].text) == 4 and not _is_year(value):
            return None
        stop = self.phrase(j + 1, self.lex.year_words) or j + 1
        return _Part(value, stop, digits=len(self.tokens[j].text))

    def iso(self, i: int) -> Point | None:
        """ "1932.08.19", "1932-08-19": year, month, day, as archives write metadata."""
        year = self.num(i, (4,))
        if year is None or not _is_year(year) or not self.sym(i + 1, ".-") or not self.starts_cleanly(i):
            return None
        separator = self.tokens[i + 1].text
        month, day = self.num(i + 2, (2,)), self.num(i + 4, (2,))
        if month is not None and 1 <= month <= 12 and self.glued(i + 1) and self.glued(i + 2) and (
                day is None or not self.sym(i + 3, separator)) and not self.junk_after(i + 3):
            # "1933.09": a month as archives write it (istmat's "Датировка"), two digits always
            return Point(i, i + 3, Form.ISO, year, month, month_style=MonthStyle.ARABIC,
                         month_printed=self.tokens[i + 2].text)
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if not self.sym(i + 3, separator) or not all(self.glued(k) for k in range(i + 1, i + 5)):
            return None
        if self.junk_after(i + 5):
            return None
        text = self.tokens[i + 2].text
        return Point(i, i + 5, Form.ISO, year, month, day, month_style=MonthStyle.ARABIC, month_printed=text)

    def year_only(self, i: int) -> Point | None:
        year = self.year(i)
        if year is None or not self.starts_cleanly(i):
            return None
        return Point(i, year.stop, Form.YEAR, year.value, inferred=year.inferred, uncertain=year.uncertain)

    def bare_month(self, i: int) -> Point | None:
        """The month alone, one end of a range: "October" in "October–November 1925"."""
        month = self.month_name(i)
        if month is None:
            return None
        return Point(i, month.stop, Form.MONTH, month=month.value, month_style=month.style,
                     month_printed=month.printed, inferred=month.inferred)

    def bare_day(self, i: int) -> Point | None:
        """The day alone, one end of a range: "6, 1925" in "October 5-6, 1925"."""
        day = self.day(i)
        if day is None:
            return None
        stop = self.phrase(day.stop, self.lex.day_words) or day.stop
        year = self._year_after(stop)
        if year is None:
            return Point(i, stop, Form.DAY, day=day.value, inferred=day.inferred, uncertain=day.uncertain)
        return Point(
            i,
            year.stop,
            Form.DAY,
            year.value,
            day=day.value,
            inferred=day.inferred or year.inferred,
            uncertain=day.uncertain or year.uncertain,
        )

    def _point(
        self,
        form: Form,
        first: int,
        month: _Part,
        day: _Part | None,
        year: _Part | None,
        *,
        new_style: tuple[int, int | None] | None = None,
        stop: int | None = None,
    ) -> Point:
        parts = [p for p in (month, day, year) if p is not None]
        return Point(
            first,
            max([p.stop for p in parts] + [stop or 0]),
            form,
            year.value if year else None,
            month.value,
            day.value if day else None,
            year_digits=year.digits if year else 4,
            month_style=month.style,
            month_printed=month.printed,
            inferred=any(p.inferred for p in parts),
            uncertain=any(p.uncertain for p in parts),
            new_style=new_style,
        )

    # -- expressions ----------------------------------------------------------------

    def expression(self, i: int) -> Expression | None:
        """The longest date expression at ``i``, with its square brackets if they enclose it whole."""
        if not self.sym(i, "["):
            return self._unbracketed(i)
        whole = self._bracketed_whole(i)
        if whole is not None and whole.stop >= len(self.tokens) - 1 and self.num(whole.stop, (4,)) is None:
            return whole  # nothing after it to go on with (a year would be: "[June 2] 1922")
        partly = self._bracketed_beginning(i)  # "[July 31], 1920" goes on after what is bracketed
        if partly is not None and (whole is None or partly.stop > whole.stop):
            return partly
        return whole or self._unbracketed(i)

    def _bracketed_whole(self, i: int) -> Expression | None:
        inner = self._unbracketed(i + 1)
        if inner is None:
            return None
        stop = inner.stop
        after_question = self.question(stop)
        if not self.sym(after_question or stop, "]"):
            return None
        closing = (after_question or stop) + 1
        question_after = self.question(closing)  # "[May 1920]?"
        uncertain = after_question is not None or question_after is not None
        return replace(inner, first=i, stop=question_after or closing, bracketed=True, uncertain=uncertain)

    def _bracketed_beginning(self, i: int) -> Expression | None:
        """ "[Не ранее 20] августа 1926 г.", "[July 31], 1920": the editors supplied the beginning
        of a date (a qualifier, a day, a month and day) and the rest is printed. The date is read
        as if the brackets were not there, and its points are marked as the editors' inference."""
        closing = next((k for k in range(i + 2, min(i + _BRACKETED_BEGINNING, len(self.tokens)))
                        if self.sym(k, "]")), None)
        if closing is None or any(self.sym(k, "[") for k in range(i + 1, closing)):
            return None
        inside = closing - i - 1
        after = self.tokens[closing + 1:closing + 1 + _LONGEST_REST]  # bounded: reading stays linear
        unbracketed = Reader([*self.tokens[i + 1:closing], *after], self.lex)
        found = unbracketed._unbracketed(0)
        if found is None or found.stop <= inside:
            return None  # the date ends inside the brackets: bracketed whole or no date
        end = replace(found.end, inferred=True) if found.end is not None else None
        return replace(found, first=i, stop=found.stop + i + 2, start=replace(found.start, inferred=True), end=end)

    def _unbracketed(self, i: int) -> Expression | None:
        if (after := self.phrase(i, self.lex.between)) is not None:
            return self._between(i, after)
        qualifier, body_at = None, i
        # "[The night of August 12/13, 1932]": an article before the qualifier that begins a line
        # (in running text the date begins after it: "on the night of 5 to 6 October")
        at = i + 1 if self.word(i) == "the" and (i == 0 or self.sym(i - 1, "[")) else i
        if (phrase := self.match(at, self.lex.qualifiers)) is not None:
            qualifier, body_at = self.lex.qualifiers.meaning[phrase], at + len(phrase)
        elif (bounded := self._month_then_bound(i)) is not None:
            return bounded
        body = self._range(body_at)
        if qualifier in self.lex.parts and body is None and (month := self.bare_month(body_at)) is not None:
            body_month = Expression(body_at, month.stop, month)  # "конец сентября — начало октября 1918 г."
            parts = self._part_range(i, body_month, qualifier)
            if parts is not None and parts.end is not None and parts.end.month is not None:
                return parts  # a month to a month, not "late September - early 1918"
        if (qualifier in self.lex.parts and body is not None and body.end is None
                and (parts := self._part_range(i, body, qualifier)) is not None):
            return parts  # "конец декабря 1917 — начало января 1918 г."
        if qualifier in _LOWER_BOUNDS and (body is None or body.end is None):
            lower = body.start if body is not None else self.point(body_at, bare_day=True)  # "Не ранее 3 — ..."
            if lower is not None and (within := self._upper_bound(i, lower)):
                return within
        if body is None:
            return None
        body = self._with_other_style_in_brackets(body)
        if body.first == i and qualifier is None:
            return body  # nothing to change: replace() costs more than the rest of this method
        return replace(body, first=i, qualifier=qualifier or body.qualifier)

    def _with_other_style_in_brackets(self, body: Expression) -> Expression:
        """ "24 декабря 1912 г. (6 января 1913 г.)": the date in the other calendar, printed whole
        in brackets after the first (Lenin's Collected Works), read as the day beside it."""
        start = body.start
        if body.end is not None or start.day is None or start.year is None or not self.sym(body.stop, "("):
            return body
        other = self.point(body.stop + 1)
        if other is None or other.day is None or other.month is None or not self.sym(other.stop, ")"):
            return body
        stop = other.stop + 1
        return replace(body, stop=stop, start=replace(start, stop=stop, new_style=(other.day, other.month)))

    def _range(self, i: int) -> Expression | None:
        if (day_first_night := self._night_before_month(i)) is not None:
            return day_first_night
        left = self.point(i, bare_day=True)
        if left is None:
            return None
        if (turn := self._following_year(left)) is not None:
            return Expression(i, turn.stop, left, turn)
        if left.day in (10, 20) and self._decade_words(i):  # "20-е числа марта": the 20th to the 29th
            return Expression(i, left.stop, left, replace(left, day=left.day + 9))
        if (night := self._next_day_after_slash(left)) is not None and (ends := complete_range(left, night)):
            return Expression(i, night.stop, *ends)  # "October 5/6, 1925": a night
        after = self.phrase(left.stop, self.lex.range_connectors)
        alternative = self.phrase(left.stop, self.lex.alternatives)  # "July 29 or 30, 1920"
        joined = after or alternative
        right = self.point(joined, bare_day=True) if joined is not None else None
        if right is not None and (right.year is None or right.month is None):
            right = self._completed_after_other_style(right)
        if right is not None and (ends := complete_range(left, right)):
            return Expression(i, right.stop, ends[0], ends[1], qualifier="one of" if alternative else None)
        if left.form in (Form.DAY, Form.MONTH):
            return None  # a bare day ("12, 1918") or month is only a date as one end of a range
        return Expression(i, left.stop, left)

    def _next_day_after_slash(self, left: Point) -> Point | None:
        """ "October 5/6, 1925", "5/6 октября 1925 г.": two days in a row, the night between them."""
        if left.day is None or left.month is None or not self.sym(left.stop, "/"):
            return None
        right = self.bare_day(left.stop + 1)
        if right is None or right.day != left.day + 1:
            return None
        return right

    def _completed_after_other_style(self, right: Point) -> Point:
        """A range's last day completed past the other calendar's days in brackets: "22 или 23
        января (4 или 5 февраля) 1918 г." (the year), "5-6 (18-19) февраля 1917 г." (the month and
        year). The range is read in the first calendar, whose Gregorian days the bounds give."""
        if not self.sym(right.stop, "("):
            return right
        close = next((k for k in range(right.stop + 1, min(right.stop + _OTHER_STYLE_TOKENS, len(self.tokens)))
                      if self.sym(k, ")")), None)
        if close is None:
            return right
        after = close + 1
        if right.month is None:
            month = self.month_name(after)
            if month is None:
                return right
            right = replace(right, month=month.value, month_style=month.style, month_printed=month.printed,
                            stop=month.stop)
            after = month.stop
        year = self._year_after(after) if right.year is None else None
        return replace(right, year=year.value, year_digits=year.digits, stop=year.stop) if year else right

    def _night_before_month(self, i: int) -> Expression | None:
        """ "5/6 октября 1931 г.", "24/25 октября 1917 г.": two days in a row before their month,
        the night between them (not "5/6", 5 June: a month follows)."""
        first = self.day(i, ordinal=False)
        if first is None or not self.sym(first.stop, "/") or not self.glued(first.stop):
            return None
        right = self.day_first(first.stop + 1)
        if right is None or right.day != first.value + 1:
            return None
        ends = complete_range(Point(i, first.stop, Form.DAY, day=first.value), right)
        return Expression(i, right.stop, *ends) if ends else None

    def _decade_words(self, i: int) -> bool:
        """ "20-е числа": a plural ordinal and "числа", ten days of a month, not "20-го числа"."""
        return self.sym(i + 1, "-") and self.word(i + 2) == "е" and self.word(i + 3) == "числа"

    def _part_range(self, i: int, left: Expression, qualifier: str) -> Expression | None:
        """ "Late 1923 - early 1924", "конец декабря 1917 — начало января 1918 г.": a part of one
        month or year to a part of another."""
        joined = self.phrase(left.stop, self.lex.range_connectors)
        phrase = self.match(joined, self.lex.qualifiers) if joined is not None else None
        end_qualifier = self.lex.qualifiers.meaning[phrase] if phrase is not None else None
        if joined is None or phrase is None or end_qualifier not in self.lex.parts:
            return None
        right = self.point(joined + len(phrase), bare_day=True)
        ends = complete_range(left.start, right) if right is not None else None
        if right is None or ends is None or any(end.day is not None for end in ends):
            return None
        return Expression(i, right.stop, ends[0], ends[1], qualifier=qualifier, end_qualifier=end_qualifier)

    def _following_year(self, left: Point) -> Point | None:
        """ "1921/22", "1921/1922 гг.": two years printed as one span, a winter or a season of work."""
        if left.form is not Form.YEAR or left.year is None or not self.sym(left.stop, "/"):
            return None
        following = left.year + 1
        if self.num(left.stop + 1, (2, 4)) not in (following, following % 100):
            return None
        stop = self.phrase(left.stop + 2, self.lex.year_words) or left.stop + 2
        return Point(left.stop + 1, stop, Form.YEAR, following, inferred=left.inferred)

    def _month_then_bound(self, i: int) -> Expression | None:
        """ "в марте, не позднее 24, 1920 г.": a month, then a bound on its day (Lenin's Collected
        Works date documents so): from the month's first day to the 24th, or from the day to its end."""
        month = self.bare_month(i)
        if month is None or not self.sym(month.stop, ","):
            return None
        phrase = self.match(month.stop + 1, self.lex.qualifiers)
        meaning = self.lex.qualifiers.meaning[phrase] if phrase is not None else None
        if phrase is None or meaning not in _LOWER_BOUNDS | _UPPER_BOUNDS:
            return None
        day = self.bare_day(month.stop + 1 + len(phrase))
        if day is None or day.year is None or day.day is None:
            return None
        whole_month = replace(month, year=day.year)
        bound = replace(day, month=month.month, month_style=month.month_style, month_printed=month.month_printed)
        start, end = (whole_month, bound) if meaning in _UPPER_BOUNDS else (bound, whole_month)
        return Expression(i, day.stop, start, end, qualifier="within")

    def _upper_bound(self, i: int, lower: Point) -> Expression | None:
        """ "Not earlier than July 3 - not later than July 10, 1923": both bounds, one interval."""
        j = lower.stop + 1 if self.sym(lower.stop, ",") else lower.stop
        joined = self.phrase(j, self.lex.range_connectors) or self.phrase(j, self.lex.between_joiners)
        phrase = self.match(joined, self.lex.qualifiers) if joined is not None else None
        if joined is None or phrase is None or self.lex.qualifiers.meaning[phrase] not in _UPPER_BOUNDS:
            return None
        upper = self.point(joined + len(phrase), bare_day=True)
        ends = complete_range(lower, upper) if upper is not None else None
        if upper is None or ends is None:
            return None
        return Expression(i, upper.stop, ends[0], ends[1], qualifier="within")

    def _between(self, i: int, after: int) -> Expression | None:
        left = self.point(after, bare_day=True)
        if left is None:
            return None
        joined = self.phrase(left.stop, self.lex.between_joiners)
        right = self.point(joined, bare_day=True) if joined is not None else None
        ends = complete_range(left, right) if right is not None else None
        if right is None or ends is None:
            return None
        return Expression(i, right.stop, ends[0], ends[1], qualifier="between")


def complete_range(left: Point, right: Point) -> tuple[Point, Point] | None:
    """Both ends of a range, each completed from the other ("October 5-6, 1925"), or None.

    The month and year printed once serve both ends; a range whose ends are not in
    order, or that still lacks a month or year at an end, is no range.
    """
    if left.month is None and left.day is not None:
        if right.month is None:
            return None
        left = replace(left, month=right.month, month_style=right.month_style)
    if right.month is None and right.day is not None:
        if left.month is None:
            return None
        right = replace(right, month=left.month, month_style=left.month_style)
    if (left.month == right.month and left.day is not None and right.day is not None and left.day > right.day
            and (left.year is None or left.year == right.year)):
        return None  # "October 5-3", "не ранее 10 — не позднее 5 июня": a slip, not a range over a year
    if left.year is None and right.year is not None:
        later_in_year = (left.month or 0, left.day or 0) > (right.month or 13, right.day or 32)
        left = replace(left, year=right.year - 1 if later_in_year else right.year, year_digits=right.year_digits)
    if right.year is None and left.year is not None:
        right = replace(right, year=left.year, year_digits=left.year_digits)
    if any(end.day is not None and end.month is None for end in (left, right)):
        return None  # "6 - 8, 1918": days of no month
    if (left.month is None and left.year is None) or (right.month is None and right.year is None):
        return None
    if left.year_digits != right.year_digits:
        return None
    low = (left.year or 0, left.month or 0, left.day or 0)
    high = (right.year or 0, right.month or 13, right.day or 32)
    return (left, right) if low <= high else None
