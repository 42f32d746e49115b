"""A list of letters' URL parameters turned into a ``LetterQuery``, and back: every state is in the URL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypeVar

from letterbook.errors import QueryError
from letterbook.web.edition import DateMode, LetterQuery, Role, Sort

TEXT_PARAMS = ("q", "collection", "kind", "language", "archive", "fond", "entry", "correspondent")
MAX_PAGE_SIZE = 200
MAX_QUERY = 500

E = TypeVar("E", Role, DateMode, Sort)


def _int(params: Mapping[str, str], name: str, low: int, high: int) -> int | None:
    raw = params.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise QueryError(f"{name} must be a number from {low} to {high}")
    return int(raw)


def _date(params: Mapping[str, str], name: str) -> dt.date | None:
    """A day, or a month or year taken as its first (for ``from``) or last day (for ``to``)."""
    raw = params.get(name, "").strip()
    if not raw:
        return None
    try:
        if len(raw) == 4:
            return dt.date(int(raw), 1, 1) if name == "from" else dt.date(int(raw), 12, 31)
        if len(raw) == 7:
            first = dt.date(int(raw[:4]), int(raw[5:]), 1)
            if name == "from":
                return first
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD") from None


def _choice(params: Mapping[str, str], name: str, enum: type[E], default: E) -> E:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    try:
        return enum(raw)
    except ValueError:
        raise QueryError(f"{name} must be one of: {', '.join(e.value for e in enum)}") from None


def letter_query(params: Mapping[str, str], page_size: int) -> tuple[LetterQuery, dict[str, object]]:
    """The query the parameters ask for, and the parameters to keep in links (page excluded)."""
    text = {name: params.get(name, "").strip() or None for name in TEXT_PARAMS}
    if text["q"] and len(text["q"] or "") > MAX_QUERY:
        raise QueryError(f"the search is longer than {MAX_QUERY} characters")
    if text["fond"] and not text["archive"]:
        raise QueryError("fond needs archive: a fond's number names it only within its archive "
                         "(archive=RGASPI&fond=558)")
    limit = _int(params, "size", 1, MAX_PAGE_SIZE) or page_size
    page = _int(params, "page", 1, 1_000_000) or 1
    default_sort = Sort.RELEVANCE if text["q"] else Sort.DATE
    query = LetterQuery(
        text=text["q"] or "", collection=text["collection"], kind=text["kind"], language=text["language"],
        archive=text["archive"], fond=text["fond"], entry=text["entry"], correspondent=text["correspondent"],
        year=_int(params, "year", 1, 9999), month=_int(params, "month", 1, 12),
        role=_choice(params, "role", Role, Role.ANY),
        date_from=_date(params, "from"), date_to=_date(params, "to"),
        date_mode=_choice(params, "mode", DateMode, DateMode.POSSIBLY),
        sort=_choice(params, "sort", Sort, default_sort), offset=(page - 1) * limit, limit=limit,
    )
    kept: dict[str, object] = {name: value for name, value in text.items() if value}
    for name in ("year", "month", "role", "from", "to", "mode", "sort", "size"):
        if params.get(name, "").strip():
            kept[name] = params[name].strip()
    return query, kept
