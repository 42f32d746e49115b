"""How a collection prints its dates, as one value handed down through the parser.

Russia used the Julian calendar until 1918-02-14; Soviet editions print earlier dates Old
Style. A collection that prints New Style throughout says so with ``julian_before=None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from letterbook.model import HistoricalDate
from letterbook.parse.dates import RUSSIAN_REFORM, find_date, parse_date, parse_dateline


@dataclass(frozen=True, slots=True)
class Conventions:
    """A collection's conventions; the dates it prints are read through these methods."""

    julian_before: dt.date | None = RUSSIAN_REFORM

    @classmethod
    def named(cls, calendar: str) -> Conventions:
        """The CLI's ``--calendar`` choice: "julian-before-1918" (the default) or "gregorian"."""
        return cls() if calendar == "julian-before-1918" else cls(julian_before=None)

    def date(self, text: str, offset: int) -> HistoricalDate | None:
        """``text`` as one editorial date, or None."""
        return parse_date(text, offset, julian_before=self.julian_before)

    def find_date(self, text: str, offset: int, *, year_only: bool = False) -> HistoricalDate | None:
        """The first date inside ``text`` (a bare year, "[1921 год]", only with ``year_only``)."""
        return find_date(text, offset, julian_before=self.julian_before, year_only=year_only)

    def dateline(self, line: str, offset: int, context: HistoricalDate | None) -> HistoricalDate | None:
        """The author's date line, resolved against the editorial date ``context``."""
        return parse_dateline(line, offset, context, julian_before=self.julian_before)


DEFAULT = Conventions()
