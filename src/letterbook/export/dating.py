"""``HistoricalDate`` ⇄ the dating attributes of TEI and CMIF ``<date>`` elements.

TEI states a Julian date twice: ``@when``/``@from``/``@notBefore``… carry the proleptic
Gregorian value (so that every date sorts together), ``@when-custom``/``@from-custom``…
the date as printed in the Julian calendar, with ``@datingMethod="#julian"`` and
``@calendar="#julian"`` (the calendar of the element's text). CMIF has no calendar
attributes, so it carries only the Gregorian values.

The shape of the EDTF string decides the attributes: a single date is ``@when``, an
interval ``@from``/``@to``; the qualifiers "between", "within", "not before" and "not after" turn
either into ``@notBefore``/``@notAfter``. Reading inverts this; ``earliest``/``latest``
are recomputed from the attributes (a month runs from its first to its last day).
"""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from convertdate import julian

from letterbook.model import Calendar, HistoricalDate, Span

Attrs = list[tuple[str, str]]

BOUND_QUALIFIERS = frozenset({"between", "within", "not before", "not after"})  # "within": both bounds printed
_CORE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FLAGS = "?~%"


@dataclass(frozen=True, slots=True)
class EdtfShape:
    """An EDTF date reduced to what dating attributes can say."""

    start: str | None  # "1925", "1925-10", "1925-10-05"; None for an open start
    end: str | None
    interval: bool
    uncertain: bool
    approximate: bool


def edtf_shape(edtf: str | None) -> EdtfShape | None:
    """The parts of a level-0/1 EDTF date or interval, or None when it is anything else."""
    if not edtf:
        return None
    text = edtf.strip()
    uncertain = "?" in text or "%" in text
    approximate = "~" in text or "%" in text
    if "/" in text:
        first, _, second = text.partition("/")
        start, end = _part(first), _part(second)
        if start is False or end is False or (start is None and end is None):
            return None
        return EdtfShape(_text_or_none(start), _text_or_none(end), True, uncertain, approximate)
    single = _text_or_none(_part(text))
    if single is None:
        return None
    return EdtfShape(single, single, False, uncertain, approximate)


def _text_or_none(part: str | bool | None) -> str | None:
    return part if isinstance(part, str) else None


def _part(text: str) -> str | bool | None:
    """A date part without its flags; None when open (".." or empty); False when invalid."""
    core = text.strip().rstrip(_FLAGS)
    if core in ("", ".."):
        return None
    return core if _valid_core(core) else False


def _valid_core(core: str) -> bool:
    match = _CORE.match(core)
    if not match:
        return False
    try:
        expand(core)
    except ValueError:
        return False
    return match is not None


def expand(core: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a year, month or day such as "1912-12"."""
    match = _CORE.match(core)
    if not match:
        raise ValueError(core)
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    if day:
        one = dt.date(year, int(month or 1), int(day))
        return one, one
    if month:
        last = gregorian_calendar.monthrange(year, int(month))[1]
        return dt.date(year, int(month), 1), dt.date(year, int(month), last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def julian_to_gregorian(core: str) -> tuple[dt.date, dt.date]:
    """The Gregorian days that a Julian year, month or day such as "1912-12" covers."""
    match = _CORE.match(core)
    if not match:
        raise ValueError(core)
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    first_month, last_month = (int(month), int(month)) if month else (1, 12)
    first_day = int(day) if day else 1
    last_day = int(day) if day else julian.month_length(year, last_month)
    start = dt.date(*julian.to_gregorian(year, first_month, first_day))
    end = dt.date(*julian.to_gregorian(year, last_month, last_day))
    return start, end


def _pair_names(shape: EdtfShape, qualifier: str | None) -> tuple[str, str]:
    if qualifier in BOUND_QUALIFIERS:
        return "notBefore", "notAfter"
    return ("from", "to") if shape.interval else ("when", "when")


def _bounds(shape: EdtfShape, qualifier: str | None) -> list[tuple[str, str]]:
    """(attribute, EDTF core) pairs for the shape of the date, calendar left aside."""
    first, second = _pair_names(shape, qualifier)
    if first == "when":
        return [("when", shape.start or "")]
    if not shape.interval:  # a single date with a bound qualifier
        return [("notAfter" if qualifier == "not after" else "notBefore", shape.start or "")]
    pairs = []
    if shape.start:
        pairs.append((first, shape.start))
    if shape.end:
        pairs.append((second, shape.end))
    return pairs


def _from_days(date: HistoricalDate) -> Attrs:
    if date.earliest and date.latest and date.earliest == date.latest:
        return [("when", date.earliest.isoformat())]
    attrs = []
    if date.earliest:
        attrs.append(("notBefore", date.earliest.isoformat()))
    if date.latest:
        attrs.append(("notAfter", date.latest.isoformat()))
    return attrs


def gregorian_attributes(date: HistoricalDate) -> Attrs:
    """``@when``/``@from``/``@to``/``@notBefore``/``@notAfter`` in the Gregorian calendar."""
    shape = edtf_shape(date.edtf)
    if shape is None:
        return _from_days(date)
    if date.calendar == Calendar.GREGORIAN:
        return list(_bounds(shape, date.qualifier))
    attrs: Attrs = []
    for name, _core in _bounds(shape, date.qualifier):
        if name == "when":
            return _from_days(date)
        first_side = name in ("from", "notBefore")
        day = date.earliest if first_side else date.latest
        if day:
            attrs.append((name, day.isoformat()))
    return attrs


def custom_attributes(date: HistoricalDate) -> Attrs:
    """The Julian date as printed: ``@when-custom``… and ``@datingMethod``; empty for Gregorian."""
    shape = edtf_shape(date.edtf)
    if date.calendar != Calendar.JULIAN or shape is None:
        return []
    attrs = [(f"{name}-custom", core) for name, core in _bounds(shape, date.qualifier)]
    return [*attrs, ("datingMethod", "#julian")]


def qualifier_token(qualifier: str | None) -> str | None:
    """A qualifier as an XML Name for ``@type`` ("not before" → "not_before")."""
    if not qualifier:
        return None
    token = "_".join(qualifier.split())
    return token if re.match(r"^[^\W\d][\w.-]*$", token) else None


def tei_date_attributes(date: HistoricalDate) -> Attrs:
    """Every attribute of a TEI P5 ``<date>`` for ``date``, in a fixed order."""
    attrs = gregorian_attributes(date) + custom_attributes(date)
    if date.calendar == Calendar.JULIAN and date.as_printed.strip():
        attrs.append(("calendar", "#julian"))  # TEI requires text content for @calendar
    token = qualifier_token(date.qualifier)
    if token:
        attrs.append(("type", token))
    if date.approximate:
        attrs.append(("subtype", "approximate"))
    if date.uncertain:
        attrs.append(("cert", "low"))
    if date.inferred:
        attrs.append(("evidence", "conjecture"))
    return attrs


def cmif_date_attributes(date: HistoricalDate) -> Attrs:
    """The attributes of a CMIF ``<date>``: Gregorian values, ``cert="low"``, ``evidence``.

    Empty when nothing can be stated: CMIF forbids a date without a dating attribute.
    """
    attrs = gregorian_attributes(date)
    if not attrs:
        return []
    if not date.certain:
        attrs.append(("cert", "low"))  # CMIF 1.1 allows no other value
    if date.inferred:
        attrs.append(("evidence", "conjecture"))
    return attrs


# --- reading -------------------------------------------------------------------------

_W3C = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
_DATING = ("when", "from", "to", "notBefore", "notAfter")


@dataclass(frozen=True, slots=True)
class ReadDate:
    date: HistoricalDate | None
    problems: tuple[str, ...] = ()


def _core_of(value: str) -> str | None:
    match = _W3C.match(value.strip())
    if not match:
        return None
    core = "-".join(p for p in match.groups() if p)
    return core if _valid_core(core) else None


def _cores(attrs: Mapping[str, str], suffix: str, problems: list[str]) -> dict[str, str]:
    cores = {}
    for name in _DATING:
        value = attrs.get(name + suffix)
        if value is None:
            continue
        core = _core_of(value)
        if core is None:
            kind = "a day without a year" if _MONTH_DAY.match(value.strip()) else "not a date"
            problems.append(f"@{name}{suffix}={value!r} is {kind}; kept as text only")
            continue
        cores[name] = core
    return cores


def _edtf_and_qualifier(cores: Mapping[str, str]) -> tuple[str | None, str | None]:
    if "when" in cores:
        return cores["when"], None
    if "from" in cores or "to" in cores:
        return f"{cores.get('from', '..')}/{cores.get('to', '..')}", None
    if "notBefore" in cores and "notAfter" in cores:
        return f"{cores['notBefore']}/{cores['notAfter']}", "between"
    if "notBefore" in cores:
        return cores["notBefore"], "not before"
    if "notAfter" in cores:
        return cores["notAfter"], "not after"
    return None, None


def _days(cores: Mapping[str, str], convert: bool) -> tuple[dt.date | None, dt.date | None]:
    spread = julian_to_gregorian if convert else expand
    earliest = latest = None
    for name in ("when", "from", "notBefore"):
        if name in cores:
            earliest = spread(cores[name])[0]
            break
    for name in ("when", "to", "notAfter"):
        if name in cores:
            latest = spread(cores[name])[1]
            break
    return earliest, latest


def date_from_attributes(attrs: Mapping[str, str], text: str, span: Span) -> ReadDate:
    """The ``HistoricalDate`` a TEI or CMIF ``<date>`` states; None when it states nothing.

    Problems (values that are not dates, a gMonthDay) are returned for the caller to
    report as findings; the date as printed is kept either way.
    """
    problems: list[str] = []
    julian_dated = "julian" in attrs.get("datingMethod", "").lower()
    gregorian = _cores(attrs, "", problems)
    custom = _cores(attrs, "-custom", problems) if julian_dated else {}
    printed_cores = custom or gregorian
    edtf, qualifier = _edtf_and_qualifier(printed_cores)
    earliest, latest = _days(gregorian, False) if gregorian else _days(custom, True)
    token = attrs.get("type")
    if token and not qualifier:
        qualifier = token.replace("_", " ")
    cert = attrs.get("cert", "").strip().lower()
    uncertain = cert in ("low", "unknown")
    approximate = attrs.get("subtype") == "approximate" or cert == "medium"
    if cert and cert not in ("low", "medium", "high", "unknown"):
        problems.append(f"@cert={cert!r} is not a certainty value")
    if edtf is None and earliest is None and latest is None and not text.strip():
        return ReadDate(None, tuple(problems))
    if edtf is not None:
        edtf = edtf_with_flags(edtf, uncertain, approximate)
    date = HistoricalDate(
        as_printed=text, span=span, edtf=edtf, earliest=earliest, latest=latest,
        calendar=Calendar.JULIAN if julian_dated and custom else Calendar.GREGORIAN,
        inferred=attrs.get("evidence") == "conjecture", approximate=approximate,
        uncertain=uncertain, qualifier=qualifier)
    return ReadDate(date, tuple(problems))


def edtf_with_flags(edtf: str, uncertain: bool, approximate: bool) -> str:
    """EDTF level 1 qualification of a whole date or interval: "?", "~" or "%"."""
    flag = "%" if uncertain and approximate else "?" if uncertain else "~" if approximate else ""
    if not flag:
        return edtf
    return "/".join(part if part == ".." else part + flag for part in edtf.split("/"))
