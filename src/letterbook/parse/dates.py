"""Historical dates as editors and authors print them, in English and Russian.

Written by hand on purpose: general date libraries fill missing parts from today's
date ("March 1791" becomes the 26th of March when run on the 26th), which is wrong
for an edition. Month names, Roman numerals and qualifier words live in
``parse/data/dates.toml``; the grammar of printed dates is in ``date_grammar.py``,
and this module decides what a printed date means.

Public API (all pure, never raise on any text, linear time):

- ``parse_date(text, offset)``: ``text`` is a whole editorial date line ("October 5-6,
  1925", "[December 1912]", "31 августа 1918 года"); the date, or None when the line
  is not a date.
- ``find_date(text, offset, year_only=False)``: the first date expression anywhere inside
  ``text`` ("Сталин — Кагановичу 19 августа 1932 г."); a bare year only when asked.
- ``parse_dateline(line, offset, context)``: the author's own date line ("22/XII-25",
  "Kharkiv 31/7.", "13/VI — 32 г. Каганович."), resolved with the editorial date
  ``context`` where the line leaves the year out or a Roman month was mistranslated.
- ``looks_like_date_line(text)``: whether a line is an editorial date or a dateline.

Spans are in source coordinates: ``offset`` is where ``text`` starts in the source.
Each function takes ``julian_before`` (keyword): the first day of the Gregorian calendar
for the collection; None reads every date as Gregorian.

Conventions. Russia kept the Julian calendar until 1918-02-14; the editions print
earlier dates Old Style, so a date printed before ``julian_before`` is read as Julian:
its EDTF keeps the printed numbers, ``earliest``/``latest`` are converted to Gregorian.
Square brackets mark what the editors supplied (``inferred``), whole or in part: their
dating, not a doubt, so the EDTF carries no "?" ("[March 10, 1921]" is 1921-03-10, as "July
31 [1920]" is 1920-07-31); a question mark the page prints does make it uncertain. Bounds ("not earlier than",
"previously") include the printed day: editions use them loosely. "early/mid/late"
are thirds of a month or year, approximate ("1918-01-21~/1918-01-31~"); halves have fixed
limits ("first half of February 1908" is 1908-02-01/1908-02-15); seasons are
EDTF seasons ("1920-23"); "July 29 or 30" is the uncertain interval holding both.
"""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from convertdate import julian

from letterbook.model import Calendar, HistoricalDate, TextValue
from letterbook.parse.date_grammar import Expression, Form, MonthStyle, Point, Reader
from letterbook.parse.date_words import Kind, Season, tokenize
from letterbook.parse.header import surname_endings

RUSSIAN_REFORM = dt.date(1918, 2, 14)  # the first Gregorian day of Soviet Russia
_DATELINE_TAIL_CHARS = 60  # a signature or telegram time may follow a dateline, not a paragraph
_NOTE_MARKER_DIGITS = 2  # "32.1", "29/VII 1 .": a note marker after a date has one or two digits
_LONGEST_DATE_LINE = 200  # characters: a longer line is a paragraph, whatever dates it holds
_PLACE_WORDS = 2
_EDTF_START = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_BOUNDS_AFTER = frozenset({"not before", "after"})
_BOUNDS_BEFORE = frozenset({"not after", "before"})

Day = tuple[int, int, int]  # year, month, day in the calendar the date was printed in


def parse_date(text: str, offset: int = 0, *, julian_before: dt.date | None = RUSSIAN_REFORM) -> HistoricalDate | None:
    """The editorial date that is the whole of ``text`` (trailing period and note marker allowed)."""
    date = _editorial_date_at_start(text, julian_before)
    return replace(date, span=(date.span[0] + offset, date.span[1] + offset)) if date and offset else date


# An edition prints the same editorial date above every letter of that day, and a large
# collection has many letters a day: each printed date is read once, at offset 0.
DATES_REMEMBERED = 4096


@lru_cache(maxsize=DATES_REMEMBERED)
def _editorial_date_at_start(text: str, julian_before: dt.date | None) -> HistoricalDate | None:
    if len(text.strip()) > _LONGEST_DATE_LINE:
        return None
    reader = Reader(tokenize(text))
    if not reader.tokens:
        return None
    expression = reader.expression(0)
    if expression is None or _tail(reader, expression.stop) is None or not _editorial(expression):
        return None
    return _meaning(text, 0, reader, expression, _Setting(julian_before))


def find_date(
    text: str,
    offset: int = 0,
    *,
    julian_before: dt.date | None = RUSSIAN_REFORM,
    year_only: bool = False,
) -> HistoricalDate | None:
    """The first date expression in ``text``; a bare year ("in 1917") only with ``year_only``."""
    reader = Reader(tokenize(text))
    for i in range(len(reader.tokens)):
        if not reader.may_start(i):
            continue
        expression = reader.expression(i)
        if expression is not None and _in_running_text(expression, year_only=year_only):
            found = _meaning(text, offset, reader, expression, _Setting(julian_before))
            if found is not None:
                return found
    return None


def parse_dateline(
    line: str,
    offset: int = 0,
    context: HistoricalDate | None = None,
    *,
    julian_before: dt.date | None = RUSSIAN_REFORM,
) -> HistoricalDate | None:
    """The author's date written in ``line``, or None when the line is no dateline.

    The line may hold only the date ("22/XII-25"), a place and the date ("Tiflis,
    December 6, 1920": then the whole line is ``as_printed`` and ``place`` is set), a
    phrase such as "Из Москвы" before it, or a signature or telegram time after it
    (then ``as_printed`` is the date alone). A note marker glued on is left out.
    """
    if len(line.strip()) > _LONGEST_DATE_LINE:
        return None
    if (number := _NUMBER_BEFORE_PLACE.match(line)) is not None:  # "No. 147. Tsaritsyn, 4.VIII 18 years."
        placed = parse_dateline(line[number.end():], offset + number.end(), context, julian_before=julian_before)
        if placed is not None and placed.place is not None:
            return placed
    reader = Reader(tokenize(line))
    setting = _Setting(julian_before, context)
    after_hour = _after_lead(reader, line, _TIME_FIRST)  # "2 o'clock at night, 13/VIII."
    after_number = _after_lead(reader, line, _NUMBER_FIRST)  # "№ 52/ш. 2.IX.33 г. Каганович, ..."
    registered = _after_lead(reader, line, _REGISTERED_FIRST)  # "Вх. № 8126. 16.X.45 г. 19 ч. 40 м."
    starts = _dateline_starts(reader) + [(lead, None) for lead in (after_hour, after_number, registered) if lead]
    for start, place_before in starts:
        expression = reader.expression(start)
        if expression is None:
            continue
        # where a whole date line ends: after the hour ("Moscow, May 12, 1922 11 h. 30 min."),
        # else after the date and its full stop
        line_end = _time_of_day_after(reader, line, expression.stop)
        whole = (line_end is not None or _tail(reader, expression.stop) is not None
                 or _outgoing_number_after(reader, line, expression.stop)) and (
            start in (0, after_hour) or place_before is not None)
        place = place_before
        if not whole and start == 0 and (place_after := _place_after(reader, expression.stop)) is not None:
            whole, place, line_end = True, place_after, _period_after(reader, place_after[1])  # "8.VI.32 г. Москва."
        if not _authorial(expression, whole_line=whole):
            continue
        if not whole and not _may_precede_text(reader, line, expression):
            continue
        if whole:
            first, stop = 0, line_end or _period_after(reader, expression.stop)
        elif place_before is not None:  # "Sochi. 9/IX. Stalin.": the place and the date, not who signed
            first, stop = 0, _period_after(reader, expression.stop)
        else:
            first, stop = expression.first, expression.stop
        found = _meaning(line, offset, reader, expression, setting, first=first, stop=stop)
        if found is not None:
            return _with_place(found, line, offset, reader, place)
    return None


def looks_like_date_line(text: str) -> bool:
    """Whether ``text`` is a line that only dates: an editorial date or an author's dateline."""
    return parse_date(text) is not None or parse_dateline(text) is not None


# -- which expressions are dates where ---------------------------------------------


def _ends(expression: Expression) -> list[Point]:
    return [expression.start] if expression.end is None else [expression.start, expression.end]


def _printed_form(expression: Expression) -> Form:
    """The form of the end that carries the month: "6" of "October 5-6" is not a form of its own."""
    forms = [p.form for p in _ends(expression) if p.form not in (Form.DAY, Form.MONTH)]
    return forms[0] if forms else Form.DAY


def _weak_arabic(expression: Expression) -> bool:
    # "31/7", "1/2" or "3.4.12" could be a fraction or a reference: only a full year makes them dates.
    start = expression.start
    numeric = start.month_style is MonthStyle.ARABIC and _printed_form(expression) is Form.NUMERIC
    return numeric and (start.year is None or start.year_digits == 2)


def _editorial(expression: Expression) -> bool:
    # Editors write dates out ("December 22, 1925") or as archive metadata ("1932.08.19");
    # "22/XII-25" on a line of its own is the author's dateline.
    return _printed_form(expression) is not Form.NUMERIC


def _in_running_text(expression: Expression, *, year_only: bool) -> bool:
    # "In 1917, when ..." is history, not the date of a letter; "autumn 1920" or "after 1917" date one.
    if _printed_form(expression) is Form.YEAR and expression.qualifier is None and not year_only:
        return False
    return not _weak_arabic(expression)


def _authorial(expression: Expression, *, whole_line: bool) -> bool:
    """Whether an expression reads as an author's dateline (conservative: see the module doc)."""
    if expression.qualifier is not None or expression.bracketed:
        return False
    form = _printed_form(expression)
    if form in (Form.YEAR, Form.ISO, Form.DAY):
        return False
    if expression.start.day is None or _weak_arabic(expression):
        return whole_line  # "May 1920", "Kharkiv 31/7.", "16/11 21": only as a line of their own
    return True


def _may_precede_text(reader: Reader, line: str, expression: Expression) -> bool:
    """A dated signature or telegram time ("13/VI — 32 г. Каганович.") is short and the year is
    printed, or the month is a Roman numeral and a short name follows ("15/VI. I. Stalin.")."""
    rest = line[reader.tokens[expression.stop - 1].end :].strip(" .,")
    if any(p.year is None for p in _ends(expression)):
        roman = expression.start.month_style is MonthStyle.ROMAN and expression.end is None
        return roman and len(rest) <= _SIGNER_AFTER_DATE and rest[:1].isupper()
    return len(rest) <= _DATELINE_TAIL_CHARS


_SIGNER_AFTER_DATE = 30  # characters: "I. Stalin.", "Ваш Л. Каганович."


def _tail(reader: Reader, i: int) -> int | None:
    """Where the line ends if only a period and a note marker ("32.1", "29/VII 1 .") follow ``i``."""
    n = len(reader.tokens)
    if i < n and reader.sym(i, "."):
        i += 1
    marker = i < n and reader.tokens[i].kind is Kind.NUM and len(reader.tokens[i].text) <= _NOTE_MARKER_DIGITS
    if marker or reader.sym(i, "*"):
        i += 1
        if i < n and reader.sym(i, "."):
            i += 1
    return i if i == n else None


def _period_after(reader: Reader, i: int) -> int:
    return i + 1 if reader.sym(i, ".") else i


# The hour a telegram was sent, after its date: "11 h. 30 min.", "в 19 ч. 53 м.", "3 p.m.",
# "2 o'clock in the morning", "3 часа ночи", "Night.", "23.45".
_HOUR = r"\d{1,2}\s?(?:h\.?|ч\.?|час(?:а|ов|\.)?|hours?|o'clock)"  # "23 h.", "2 час.", "2 o'clock"
_PART_OF_DAY = r"(?:in the (?:morning|evening|night)|at night|утра|вечера|ночи|дня)"
_TIME_OF_DAY = re.compile(
    rf"[,.]?\s*(?:at\s+|в\s+)?(?:{_HOUR}(?:\s?\d{{1,2}}\s?(?:min\.?|m\.|м\.?|мин\.?"
    rf"|minutes?))?|\d{{1,2}}[.:]\d{{2}}|\d{{1,2}}\s?[ap]\.\s?m\.)?(?:\s*(?:{_PART_OF_DAY}|night|morning|evening))?\.?",
    re.IGNORECASE,
)


def _time_of_day_after(reader: Reader, line: str, i: int) -> int | None:
    """The index after the tokens of a time of day that ends the line after token ``i - 1``, else None."""
    if not 0 < i <= len(reader.tokens) or i == len(reader.tokens):
        return None
    rest = line[reader.tokens[i - 1].end:]
    if not rest.strip(" ,.") or not any(ch.isalnum() for ch in rest) or not _TIME_OF_DAY.fullmatch(rest.rstrip()):
        return None
    return len(reader.tokens)


def _outgoing_number_after(reader: Reader, line: str, i: int) -> bool:
    """Whether the tokens from ``i`` are only the number a telegram went out under."""
    return 0 < i < len(reader.tokens) and is_outgoing_number(line[reader.tokens[i - 1].end:])


def is_outgoing_number(text: str) -> bool:
    """Whether ``text`` is only the number a telegram went out under (". No. 1043.")."""
    return _OUTGOING_NUMBER.fullmatch(text) is not None


# The number a telegram went out under, after its date: "Sviyazhsk, 17.VIII.1918. No. 1043."
_OUTGOING_NUMBER = re.compile(r"[,.]?\s*(?:No\.?|№|N)\s?\d{1,6}(?:/[^\W\d_]{1,3})?\.?\s*")  # "No. 1189/sh."


# The hour before the date of a date line: "2 o'clock at night, 13/VIII.", "3 часа ночи. 13/VIII-32 г."
_TIME_FIRST = re.compile(rf"{_HOUR}(?:\s{_PART_OF_DAY})?[,.]?\s+(?=\d)", re.IGNORECASE)


# The number a telegram went out under, before its date: "№ 52/ш. 2.IX.33 г."
_TELEGRAM_NUMBER = r"(?:№|No\.?)\s?\d{1,6}(?:/[^\W\d_]{1,3})?"  # "№ 52/ш", "No. 147"
_NUMBER_FIRST = re.compile(rf"{_TELEGRAM_NUMBER}\.?\s+(?=\d)")
# A telegram's number before the place it was sent from: "No. 147. Tsaritsyn, 4.VIII 18 years."
_NUMBER_BEFORE_PLACE = re.compile(rf"{_TELEGRAM_NUMBER}\.\s+(?=[A-ZА-ЯЁ][a-zа-яё])")
# A cipher telegram's registration line, the date after its number and perhaps an hour:
# "Исх. № 112/ш. Отпр. 14.VIII.33 г. в 23 ч. 15 м.", "Из Москвы. Вх. № 1452. 19 ч. 40 м. 29.VIII.34 г.",
# "Вх. № 8126. 16.X.45 г. 19 ч. 40 м."
_REGISTERED_FIRST = re.compile(
    rf"(?:Из\s[А-ЯЁ][а-яё]+\.\s+)?(?:Вх|Исх)\.\s?{_TELEGRAM_NUMBER}\.?\s+(?:Отпр\.\s+)?"
    rf"(?:{_HOUR}\s?\d{{1,2}}\s?(?:м\.|мин\.)\s+)?(?=\d)")


def _after_lead(reader: Reader, line: str, lead: re.Pattern[str]) -> int | None:
    """The index of the token after what ``lead`` matches at the start of ``line`` (an hour, a
    telegram's number), else None."""
    found = lead.match(line) if line[:1] in _LEAD_STARTS else None
    if found is None:
        return None
    return next((k for k, token in enumerate(reader.tokens) if token.start >= found.end()), None)


_LEAD_STARTS = frozenset("0123456789№NВИ")


# -- datelines: what may stand before the date ---------------------------------------


@cache
def _not_place() -> frozenset[str]:
    lex = Reader([]).lex
    return lex.function_words | lex.not_places | frozenset(lex.months)


def _capitalised(reader: Reader, i: int) -> bool:
    if not 0 <= i < len(reader.tokens):
        return False
    token = reader.tokens[i]
    return (
        token.kind is Kind.WORD
        and len(token.text) > 1
        and token.text[0].isupper()
        and (reader.word(i) not in _not_place())
    )


def _place_words(reader: Reader, i: int) -> int:
    """The index after one or two capitalised words ("Kharkiv", "Нижний Новгород", "Ростов-на-Дону",
    "Н.-Новгород")."""
    stop, words = _after_abbreviated_part(reader, i), 0
    while words < _PLACE_WORDS and _capitalised(reader, stop):
        stop, words = stop + 1, words + 1
        while reader.sym(stop, "-") and reader.glued(stop) and reader.glued(stop + 1) and reader.word(stop + 1):
            stop += 2
        if _on_the_river(reader, stop):  # "Ростов н/Д"
            stop += 3
    return stop


def _on_the_river(reader: Reader, i: int) -> bool:
    """ "н/Д" of "Ростов н/Д" (на Дону): a small letter, a slash and a capital, glued."""
    if not 0 <= i < len(reader.tokens) - 2:
        return False
    preposition, river = reader.tokens[i], reader.tokens[i + 2]
    return (preposition.kind is Kind.WORD and len(preposition.text) == 1 and preposition.text.islower()
            and reader.sym(i + 1, "/") and reader.glued(i + 1) and reader.glued(i + 2)
            and river.kind is Kind.WORD and len(river.text) <= 2 and river.text[0].isupper())


def _after_abbreviated_part(reader: Reader, i: int) -> int:
    """ "Н.-Новгород", "В.-Волочек": the index of the word after an abbreviated first part
    (a capital and a point, glued by a hyphen), else ``i``."""
    if not 0 <= i < len(reader.tokens):
        return i
    token = reader.tokens[i]
    abbreviated = (token.kind is Kind.WORD and len(token.text) <= 3 and token.text[0].isupper()
                   and reader.sym(i + 1, ".") and reader.sym(i + 2, "-")
                   and all(reader.glued(j) for j in (i + 1, i + 2, i + 3)))
    return i + 3 if abbreviated and _capitalised(reader, i + 3) else i


_SENT = frozenset({"sent", "отправлено", "послано", "отправлена", "послана"})


def _place_after(reader: Reader, i: int) -> tuple[int, int] | None:
    """ "8.VI.32 г. Москва.": a place after the date that ends the line (its token range); not a
    word with a surname's ending, which signs the letter ("13/VI — 32 г. Каганович.")."""
    j = i + 1 if reader.sym(i, ",.") else i
    end = _place_words(reader, j)
    if end == j or _tail(reader, end) is None or reader.word(end - 1).endswith(surname_endings()):
        return None
    return j, end


def _dateline_starts(reader: Reader) -> list[tuple[int, tuple[int, int] | None]]:
    """Where the date of a dateline may begin, with the place (token range) before it."""
    starts: list[tuple[int, tuple[int, int] | None]] = [(0, None)]
    place_end = _place_words(reader, 0)
    if place_end > 0:  # "Tiflis, December 6, 1920", "Сочи. 12.IX.33.", "Kharkiv 31/7"
        starts.append((place_end + 1 if reader.sym(place_end, ",.") else place_end, (0, place_end)))
        # "Москва, Кремль, 5.VI.22", "Ст. Царицын, 7 июля 1918 г.": a place within a place
        if reader.sym(place_end, ",.") and (inner_end := _place_words(reader, place_end + 1)) > place_end + 1:
            starts.append((inner_end + 1 if reader.sym(inner_end, ",.") else inner_end, (0, inner_end)))
    sent = 1 if reader.word(0) in _SENT else 0  # "Sent from Sochi 12.VIII.32 at 15 h. 40 min."
    if reader.word(sent) in reader.lex.place_prepositions and (after := _place_words(reader, sent + 1)) > sent + 1:
        after = after + 1 if reader.sym(after, ",.") else after
        # "Из Ленинграда. Отправлена 14.VII.34 г. в 18 час. 20 мин. Поступила ...": a cipher's routing line
        starts.append((after + 1 if reader.word(after) in _SENT else after, None))
    return starts


def _with_place(
    found: HistoricalDate, line: str, offset: int, reader: Reader, place: tuple[int, int] | None
) -> HistoricalDate:
    if place is None:
        return found
    start, end = reader.tokens[place[0]].start, reader.tokens[place[1] - 1].end
    return replace(found, place=TextValue(line[start:end], (offset + start, offset + end)))


# -- meaning: calendar, EDTF, Gregorian bounds ----------------------------------------


@dataclass(frozen=True, slots=True)
class _Setting:
    julian_before: dt.date | None
    context: HistoricalDate | None = None


@dataclass(frozen=True, slots=True)
class _Resolved:
    """One end of a date with its year settled, in the calendar it was printed in."""

    point: Point
    year: int | None
    month: int | None
    calendar: Calendar = Calendar.GREGORIAN
    from_context: bool = False  # the year was not printed; taken from the editorial date
    note: str | None = None  # how a doubtful part was read ("month read as Roman II")

    @property
    def low(self) -> Day | None:
        if self.year is None:
            return None
        return (self.year, self.month or 1, self.point.day or 1)

    @property
    def high(self) -> Day | None:
        if self.year is None:
            return None
        month = self.month or 12
        return (self.year, month, self.point.day or _days_in_month(self.year, month, self.calendar))

    def edtf(self, mark: str = "") -> str | None:
        if self.year is None:
            return None
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.point.day is not None:
                text += f"-{self.point.day:02d}"
        return text + mark


def _meaning(
    text: str,
    offset: int,
    reader: Reader,
    expression: Expression,
    setting: _Setting,
    *,
    first: int | None = None,
    stop: int | None = None,
) -> HistoricalDate | None:
    ends = [_resolve(p, setting) for p in _ends(expression)]
    if any(end is None or not _valid(end) for end in ends) or not _qualifier_fits(expression, reader):
        return None
    resolved = [end for end in ends if end is not None]
    start_char = reader.tokens[expression.first if first is None else first].start
    end_char = reader.tokens[(expression.stop if stop is None else stop) - 1].end
    edtf, earliest, latest = _edtf_and_bounds(expression, resolved, reader)
    notes = [end.note for end in resolved if end.note]
    qualifier = "; ".join([q for q in (expression.qualifier, *notes) if q]) or None
    return HistoricalDate(
        as_printed=text[start_char:end_char],
        span=(offset + start_char, offset + end_char),
        edtf=edtf,
        earliest=earliest,
        latest=latest,
        calendar=Calendar.JULIAN if any(e.calendar is Calendar.JULIAN for e in resolved) else Calendar.GREGORIAN,
        inferred=expression.bracketed or any(e.point.inferred or e.from_context for e in resolved),
        approximate=_approximate(expression, reader),
        uncertain=_uncertain(expression) or any(e.point.uncertain for e in resolved),
        qualifier=qualifier,
    )


def _qualifier_fits(expression: Expression, reader: Reader) -> bool:
    # A season is a season of a year: "autumn October 1920" is no date.
    if expression.qualifier in reader.lex.seasons:
        start, end = expression.start, expression.end
        turn = (end is not None and end.month is None and start.year is not None and end.year == start.year + 1
                and reader.lex.seasons[expression.qualifier].last_month > 12)  # "зима 1921/22 г."
        return start.month is None and (end is None or turn)
    return True


def _resolve(point: Point, setting: _Setting) -> _Resolved | None:
    context = _context_day(setting.context)
    year, from_context = point.year, False
    if year is not None and point.year_digits == 2:
        year = _with_century(year, context[0] if context else None)
    elif year is None and context is not None and point.month is not None:
        year, from_context = _nearest_year(point, context), True
    note = _roman_slip(point, context)
    month = len(point.month_printed) if note else point.month
    probe = _Resolved(point, year, month, from_context=from_context, note=note)
    return replace(probe, calendar=_calendar_of(probe, setting.julian_before))


def _context_day(context: HistoricalDate | None) -> tuple[int, int | None, int | None] | None:
    """The editorial date as printed (year, month, day), from its EDTF or else its earliest day."""
    if context is None:
        return None
    if context.edtf and (match := _EDTF_START.match(context.edtf.removeprefix("../"))):
        year, month, day = match.groups()
        return int(year), int(month) if month else None, int(day) if day else None
    known = context.earliest or context.latest
    return (known.year, known.month, known.day) if known else None


def _with_century(two_digits: int, context_year: int | None) -> int:
    # "25" is 1925 unless the editorial date lies in another century; take the nearest.
    if context_year is None:
        return 1900 + two_digits
    century = context_year // 100 * 100
    candidates = (century - 100 + two_digits, century + two_digits, century + 100 + two_digits)
    return min(candidates, key=lambda y: abs(y - context_year))


def _nearest_year(point: Point, context: tuple[int, int | None, int | None]) -> int:
    # "31/XII" under an editorial "January 2, 1926" is the last day of 1925.
    year, month, day = context
    target = year * 372 + (month or 6) * 31 + (day or 15)
    month_day = (point.month or 6) * 31 + (point.day or 15)
    return min((year - 1, year, year + 1), key=lambda y: abs(y * 372 + month_day - target))


def _roman_slip(point: Point, context: tuple[int, int | None, int | None] | None) -> str | None:
    """ "16/11 21" under an editorial February 1921: the translation turned Roman II into "11"."""
    printed = point.month_printed
    if point.month_style is not MonthStyle.ARABIC or len(printed) < 2 or set(printed) != {"1"}:
        return None
    if context is None or context[1] != len(printed):
        return None
    return f"month read as Roman {'I' * len(printed)}"


def _calendar_of(end: _Resolved, julian_before: dt.date | None) -> Calendar:
    if end.point.style is not None:
        return end.point.style
    if _new_style_day(end) is not None:
        return Calendar.JULIAN
    if _old_style_in_brackets(end):
        return Calendar.GREGORIAN  # "25 (12) June 1917": New Style first, Old Style beside it
    high = end.high
    if julian_before is None or high is None:
        return Calendar.GREGORIAN
    # The whole printed period must lie before the reform: "1918" as a year is New Style.
    reform = (julian_before.year, julian_before.month, julian_before.day)
    return Calendar.JULIAN if high < reform else Calendar.GREGORIAN


def _days_in_month(year: int, month: int, calendar: Calendar) -> int:
    if month != 2:
        return gregorian_calendar.monthrange(2001, month)[1]
    leap = year % 4 == 0 if calendar is Calendar.JULIAN else gregorian_calendar.isleap(year)
    return 29 if leap else 28


def _valid(end: _Resolved) -> bool:
    month, day = end.month, end.point.day
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None or month is None:
        return True
    # Without a year, February may have 29 days (4 is a leap year in both calendars).
    return day <= _days_in_month(4 if end.year is None else end.year, month, end.calendar)


def _gregorian(day: Day, calendar: Calendar) -> dt.date:
    if calendar is Calendar.JULIAN:
        year, month, number = julian.to_gregorian(*day)
        return dt.date(int(year), int(month), int(number))
    return dt.date(*day)


def _new_style_day(end: _Resolved) -> dt.date | None:
    """The Gregorian day printed beside an Old Style one ("5 (18) февраля 1917").

    Only when it is that day's Gregorian date (a day of slack for the editors'
    arithmetic): "May 5 (1)" is a day and a note, not a double date.
    """
    new_style, low = end.point.new_style, end.low
    if new_style is None or low is None or end.point.day is None:
        return None
    day, month = new_style
    month = month or low[1]
    year = low[0] + 1 if month < low[1] else low[0]
    try:
        printed = dt.date(year, month, day)
        converted = _gregorian(low, Calendar.JULIAN)
    except ValueError:
        return None
    return printed if abs((printed - converted).days) <= 1 else None


def _old_style_in_brackets(end: _Resolved) -> bool:
    """Whether the day printed beside this one is its Old Style date ("25 (12) June 1917"):
    then this one is New Style. The usual order is the other ("12 (25) June 1917")."""
    old_style, low = end.point.new_style, end.low
    if old_style is None or low is None or end.point.day is None:
        return False
    day, printed_month = old_style
    # "1 (19) June": the Old Style day of a month not printed is in the month before
    month = printed_month or (low[1] if day <= low[2] else (low[1] - 2) % 12 + 1)
    year = low[0] - 1 if month > low[1] else low[0]
    try:
        converted = _gregorian((year, month, day), Calendar.JULIAN)
        printed = dt.date(*low)
    except ValueError:
        return False
    return abs((printed - converted).days) <= 1


def _bounds(end: _Resolved) -> tuple[dt.date, dt.date] | None:
    low, high = end.low, end.high
    if low is None or high is None:
        return None
    printed_new_style = _new_style_day(end)
    if printed_new_style is not None:
        return printed_new_style, printed_new_style
    return _gregorian(low, end.calendar), _gregorian(high, end.calendar)


def _approximate(expression: Expression, reader: Reader) -> bool:
    return expression.qualifier == "about" or _vague_part(expression.qualifier, reader)


# A half of a month or year has fixed limits ("the first half of February": days 1 to 15); its
# thirds ("early", "mid", "late") are the editors' approximation.
HALVES = 2


def _vague_part(qualifier: str | None, reader: Reader) -> bool:
    return qualifier in reader.lex.parts and reader.lex.parts[qualifier][1] != HALVES


def _uncertain(expression: Expression) -> bool:
    # "July 29 or 30": which of the two days is not known.
    return expression.uncertain or expression.qualifier == "one of"


def _mark(end: _Resolved, expression: Expression, approximate: bool) -> str:
    uncertain = end.point.uncertain or expression.uncertain
    if uncertain and approximate:
        return "%"
    return "?" if uncertain else "~" if approximate else ""


def _edtf_and_bounds(
    expression: Expression, ends: list[_Resolved], reader: Reader
) -> tuple[str | None, dt.date | None, dt.date | None]:
    """The EDTF string and the Gregorian earliest and latest days of an expression."""
    qualifier, first, last = expression.qualifier, ends[0], ends[-1]
    low, high = _bounds(first), _bounds(last)
    if low is None or high is None:
        return None, None, None
    if qualifier in reader.lex.parts and len(ends) == 1 and first.point.day is None:
        return _part_of(first, reader.lex.parts[qualifier], expression)
    if qualifier in reader.lex.parts and expression.end_qualifier in reader.lex.parts and len(ends) == 2:
        start_edtf, low_day, _ = _part_of(first, reader.lex.parts[qualifier], expression)
        end_edtf, _, high_day = _part_of(last, reader.lex.parts[expression.end_qualifier], expression)
        return f"{(start_edtf or '').split('/')[0]}/{(end_edtf or '').split('/')[1]}", low_day, high_day
    if qualifier in reader.lex.seasons:
        return _season(first, reader.lex.seasons[qualifier], over_the_turn=len(ends) == 2)
    if qualifier in _NIGHTS and len(ends) == 1 and first.point.day is not None:
        return _night(first, before=qualifier == "night before")
    approximate = _approximate(expression, reader)
    start, stop = first.edtf(_mark(first, expression, approximate)), last.edtf(_mark(last, expression, approximate))
    if qualifier in _BOUNDS_AFTER:
        return f"{start}/..", low[0], None
    if qualifier in _BOUNDS_BEFORE:
        return f"../{stop}", None, high[1]
    return (start if len(ends) == 1 else f"{start}/{stop}"), low[0], high[1]


_NIGHTS = frozenset({"night", "night before"})


def _night(end: _Resolved, *, before: bool) -> tuple[str | None, dt.date | None, dt.date | None]:
    """ "the night of October 5": the 5th to the 6th; "ночь на 12 июля": the 11th to the 12th."""
    low = end.low
    if low is None:
        return None, None, None
    printed = dt.date(*low)
    first, last = (printed - dt.timedelta(days=1), printed) if before else (printed, printed + dt.timedelta(days=1))
    return (f"{first.isoformat()}/{last.isoformat()}", _gregorian((first.year, first.month, first.day), end.calendar),
            _gregorian((last.year, last.month, last.day), end.calendar))


def _season(end: _Resolved, season: Season, *, over_the_turn: bool = False) -> tuple[str | None, dt.date, dt.date]:
    """ "осень 1920 г.": EDTF "1920-23", September to November. A winter over the turn of two
    years ("Winter 1921/22") is December 1921 to February 1922: an interval of months, since
    EDTF's "1921-24" does not say which winter."""
    year = end.year or 0
    last_year, last_month = year + (season.last_month - 1) // 12, (season.last_month - 1) % 12 + 1
    low: Day = (year, 12 if over_the_turn else season.first_month, 1)
    high: Day = (last_year, last_month, _days_in_month(last_year, last_month, end.calendar))
    bounds = _gregorian(low, end.calendar), _gregorian(high, end.calendar)
    if over_the_turn:
        return f"{year:04d}-12/{last_year:04d}-{last_month:02d}", *bounds
    # A qualified season ("1921-21?") is beyond EDTF level 1: the flags carry the doubt.
    return f"{year:04d}-{season.code}", *bounds


def _part_of(
    end: _Resolved, part: tuple[int, int], expression: Expression
) -> tuple[str | None, dt.date | None, dt.date | None]:
    """ "late January 1918": the last third of the month, days 21 to 31; "early 1918": January to April."""
    k, n = part
    year, month = end.year or 0, end.month
    if month is None:
        low: Day = (year, (k - 1) * 12 // n + 1, 1)
        last_month = k * 12 // n
        high: Day = (year, last_month, _days_in_month(year, last_month, end.calendar))
        text = f"{low[0]:04d}-{low[1]:02d}", f"{high[0]:04d}-{high[1]:02d}"
    else:
        days = _days_in_month(year, month, end.calendar)
        low, high = (year, month, (k - 1) * 30 // n + 1), (year, month, k * 30 // n if k < n else days)
        text = f"{year:04d}-{month:02d}-{low[2]:02d}", f"{year:04d}-{month:02d}-{high[2]:02d}"
    mark = _mark(end, expression, approximate=n != HALVES)
    edtf = f"{text[0]}{mark}/{text[1]}{mark}"
    return edtf, _gregorian(low, end.calendar), _gregorian(high, end.calendar)
