"""Historical dates as editors and authors print them, in English and Russian.

Written by hand on purpose: general date libraries fill missing parts from today's
date ("March 1791" becomes the 26th of March when run on the 26th), which is wrong
for an edition. Month names, Roman numerals and qualifier words live in
``parse/data/dates.toml``.

Public API (all pure, never raise on any text, linear time):

- ``parse_date(text, offset)``: ``text`` is a whole editorial date line ("October 5-6,
  1925", "[December 1912]", "31 августа 1918 года"); the date, or None when the line
  is not a date.
- ``find_date(text, offset)``: the first date expression anywhere inside ``text``.
- ``parse_dateline(line, offset, context)``: the author's own date line ("22/XII-25",
  "Kharkiv 31/7.", "13/VI — 32 г. Каганович."), resolved with the editorial date
  ``context`` where the line leaves the year out or a Roman month was mistranslated.

Spans are in source coordinates: ``offset`` is where ``text`` starts in the source.
"""

from __future__ import annotations

from letterbook.model import HistoricalDate


def parse_date(text: str, offset: int = 0) -> HistoricalDate | None:
    return None


def find_date(text: str, offset: int = 0) -> HistoricalDate | None:
    return None


def parse_dateline(line: str, offset: int = 0, context: HistoricalDate | None = None) -> HistoricalDate | None:
    return None
