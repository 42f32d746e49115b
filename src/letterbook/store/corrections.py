"""Editors' corrections: which fields can be corrected, and how a correction applies over a letter.

A correction replaces one value of one letter. It is stored with the printed value it
replaced (``field_value``), so that a later re-ingest can tell when the source itself
changed under the correction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable

from letterbook.errors import StoreError
from letterbook.model import HistoricalDate, Letter, Party, TextValue

_EDTF_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[?~%]?$")


def edtf_bounds(edtf: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest day of a simple EDTF date or interval ("1925", "1925-10", "1925-10-05/1925-10-06")."""
    parts = edtf.split("/")
    if len(parts) > 2 or not all(_EDTF_DAY.match(p) for p in parts):
        raise StoreError(f"not an EDTF date this store understands: {edtf!r} (use YYYY, YYYY-MM, YYYY-MM-DD or A/B)")
    return _day_bounds(parts[0])[0], _day_bounds(parts[-1])[1]


def _day_bounds(text: str) -> tuple[dt.date, dt.date]:
    match = _EDTF_DAY.match(text)
    assert match is not None
    year, month, day = int(match[1]), match[2], match[3]
    if day and month:
        d = dt.date(year, int(month), int(day))
        return d, d
    if month:
        first = dt.date(year, int(month), 1)
        following = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _names(parties: Iterable[Party]) -> str:
    return "; ".join(p.name for p in parties)


def _parties(value: str, old: tuple[Party, ...]) -> tuple[Party, ...]:
    span = old[0].span if old else (0, 0)
    return tuple(Party(name=name.strip(), span=span) for name in value.split(";") if name.strip())


def _date(value: str, old: HistoricalDate | None) -> HistoricalDate:
    earliest, latest = edtf_bounds(value)
    return HistoricalDate(as_printed=value, span=old.span if old else (0, 0), edtf=value,
                          earliest=earliest, latest=latest, inferred=True)


def _signature(value: str, old: TextValue | None) -> TextValue:
    return TextValue(value, old.span if old else (0, 0))


# field -> (the printed value as text, the letter with a corrected value)
FIELDS: dict[str, tuple[Callable[[Letter], str], Callable[[Letter, str], Letter]]] = {
    "number": (lambda x: x.number or "", lambda x, v: dataclasses.replace(x, number=v or None)),
    "kind": (lambda x: x.kind, lambda x, v: dataclasses.replace(x, kind=v)),
    "language": (lambda x: x.language, lambda x, v: dataclasses.replace(x, language=v)),
    "text": (lambda x: x.text, lambda x, v: dataclasses.replace(x, text=v)),
    "signature": (lambda x: x.signature.text if x.signature else "",
                  lambda x, v: dataclasses.replace(x, signature=_signature(v, x.signature))),
    "date": (lambda x: (x.date.edtf or x.date.as_printed) if x.date else "",
             lambda x, v: dataclasses.replace(x, date=_date(v, x.date))),
    "senders": (lambda x: _names(x.senders),
                lambda x, v: dataclasses.replace(x, senders=_parties(v, x.senders))),
    "recipients": (lambda x: _names(x.recipients),
                   lambda x, v: dataclasses.replace(x, recipients=_parties(v, x.recipients))),
}


def check_field(field: str, value: str) -> None:
    """Refuse a correction that could never apply, before it is stored."""
    if field not in FIELDS:
        raise StoreError(f"cannot correct {field!r}: correctable fields are {', '.join(sorted(FIELDS))}")
    if field == "date":
        edtf_bounds(value)


def field_value(letter: Letter, field: str) -> str:
    return FIELDS[field][0](letter)


def apply_corrections(letter: Letter, corrections: Iterable[tuple[str, str]]) -> Letter:
    """``letter`` with each (field, value) applied in order: the latest correction of a field wins."""
    for field, value in corrections:
        if field in FIELDS:
            letter = FIELDS[field][1](letter, value)
    return letter
