"""A ``HistoricalDate`` as a person reads it: "[December 1912], inferred by the editors",
"5 (18) February 1917" for a Julian date with its Gregorian day in brackets.

The EDTF string says what was printed, in the printed calendar; ``earliest``/``latest``
are Gregorian, so a Julian day shows both: the printed day first, the Gregorian one after.
"""

from __future__ import annotations

import datetime as dt
import re

from letterbook.model import Calendar, HistoricalDate

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
EDTF_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_edtf_day(text: str) -> tuple[int, int | None, int | None] | None:
    """Year, month and day of a plain EDTF date ("1912-12" → (1912, 12, None)); None for anything else."""
    match = EDTF_DATE.match(text.strip().rstrip("?~%"))
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def month_name(month: int) -> str:
    return MONTHS[month - 1] if 1 <= month <= 12 else str(month)


def plain(year: int, month: int | None, day: int | None) -> str:
    """"5 February 1917", "February 1917" or "1917"."""
    if month is None:
        return str(year)
    if day is None:
        return f"{month_name(month)} {year}"
    return f"{day} {month_name(month)} {year}"


def dual(julian: tuple[int, int, int], gregorian: dt.date) -> str:
    """A Julian day with its Gregorian day: "5 (18) February 1917", "31 January (13 February) 1917"."""
    year, month, day = julian
    if year != gregorian.year:
        return f"{plain(year, month, day)} ({plain(gregorian.year, gregorian.month, gregorian.day)})"
    if month != gregorian.month:
        return f"{day} {month_name(month)} ({gregorian.day} {month_name(gregorian.month)}) {year}"
    return f"{day} ({gregorian.day}) {month_name(month)} {year}"


def one_point(text: str, calendar: Calendar, gregorian: dt.date | None) -> str | None:
    parts = parse_edtf_day(text)
    if parts is None:
        return None
    year, month, day = parts
    if calendar == Calendar.JULIAN and month and day and gregorian and gregorian != dt.date(year, month, day):
        return dual((year, month, day), gregorian)
    return plain(year, month, day)


def span_of(start: str, end: str) -> str:
    """"5–6 October 1925" when the two ends share month and year, else "start – end"."""
    left, right = parse_edtf_day(start), parse_edtf_day(end)
    if left and right and left[:2] == right[:2] and left[2] and right[2] and left[1]:
        return f"{left[2]}–{right[2]} {month_name(left[1])} {left[0]}"
    if left and right:
        return f"{plain(*left)} – {plain(*right)}"
    return f"{start} – {end}"


def core(date: HistoricalDate) -> str:
    """The date itself, without the qualifiers; the printed form when the EDTF is not a plain date."""
    edtf = (date.edtf or "").strip()
    if "/" in edtf:
        start, _, end = edtf.partition("/")
        return span_of(start, end) if start and end else date.as_printed
    text = one_point(edtf, date.calendar, date.earliest) if edtf else None
    return text or date.as_printed


def readable_date(date: HistoricalDate | None) -> str:
    """The whole reading: qualifiers, brackets for an editors' date, the calendar when it is Julian."""
    if date is None:
        return "undated"
    text = core(date)
    if date.qualifier:
        text = f"{date.qualifier} {text}"
    elif date.approximate:
        text = f"about {text}"
    if date.uncertain:
        text += "?"
    if date.inferred:
        text = f"[{text}], inferred by the editors"
    if date.calendar == Calendar.JULIAN and "(" not in text:
        text += " (Julian calendar)"
    return text
