"""The ``EditionReader`` over the edition store: SQLite or PostgreSQL plus the tantivy index.

Letters, registers and sources come from ``Store``; lists of letters (browse and search,
with their facets) from the store's search index, which filters, sorts by date and counts
facets in one pass; the aggregates the store has no call for (counts, letters per month,
correspondents, the network, neighbours) are read-only GROUP BY queries over the store's
tables, written once here in SQLAlchemy Core so they run on both databases.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import and_, extract, func, or_, select

from letterbook.errors import StoreError
from letterbook.languages import language_name, same_language
from letterbook.model import EditionLetter, PartyKind, RegisterEntry
from letterbook.parse.header import kind_named
from letterbook.search.search import DateMatch, SearchRequest, filter_values
from letterbook.search.search import Sort as SearchSort
from letterbook.settings import Settings
from letterbook.store import schema as t
from letterbook.store.store import Store
from letterbook.web.edition import (
    CollectionInfo,
    CorrectionRow,
    Correspondent,
    Counts,
    DateMode,
    FacetValue,
    FindingRow,
    FindingsPage,
    LetterQuery,
    LetterResults,
    LetterSummary,
    MonthCount,
    Neighbours,
    Network,
    NetworkLink,
    PartyRef,
    Role,
    SnippetPart,
    Sort,
)

ROLE_FILTER = {Role.SENDER: "sender", Role.RECIPIENT: "recipient", Role.MENTIONED: "mentioned",
               Role.WRITTEN_AT: "place", Role.ANY: "correspondent"}
PERSON_ROLES = ("sender", "recipient")
PARTY_ROLES = {Role.SENDER: ("sender",), Role.RECIPIENT: ("recipient",), Role.WRITTEN_AT: ("place",),
               Role.ANY: PERSON_ROLES}  # the parties table's roles for a role of the reader (not MENTIONED)
CACHE_ENTRIES = 2000
THREAD_WINDOW = 5000  # previous/next in a correspondence are looked for this many letters either side
T = TypeVar("T")


def open_store_edition(database_url: str) -> StoreEdition:
    store = Store(Settings.from_env(database_url=database_url))
    store.check_schema()
    return StoreEdition(store)


def snippet_parts(text: str, marks: Sequence[tuple[int, int]]) -> tuple[SnippetPart, ...]:
    """The index's snippet (text and match offsets) as parts; the template marks and escapes them."""
    parts, last = [], 0
    for start, end in marks:
        if start < last or end > len(text):
            continue
        parts += [SnippetPart(text[last:start]), SnippetPart(text[start:end], marked=True)]
        last = end
    parts.append(SnippetPart(text[last:]))
    return tuple(p for p in parts if p.text)


def month_range(year: int, month: int | None) -> tuple[str, str]:
    if month is None:
        return str(year), str(year)
    return f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}"


def search_request(query: LetterQuery, facets: Sequence[str] = ()) -> SearchRequest:
    """The store's search request for a ``LetterQuery`` (a month is a date range the letter lies within)."""
    filters: dict[str, str | tuple[str, ...]] = {
        name: value for name, value in (("collection", query.collection), ("kind", query.kind),
                                        ("language", query.language), ("archive", query.archive),
                                        ("correspondent", query.correspondent)) if value}
    if query.entry:  # with a correspondent too: the letters both took part in
        name = ROLE_FILTER[query.role]
        filters[name] = (*filter_values(filters.get(name, ())), query.entry)
    date_from = query.date_from.isoformat() if query.date_from else None
    date_to = query.date_to.isoformat() if query.date_to else None
    dates = DateMatch(query.date_mode.value)
    if query.year is not None and query.month is not None and not (date_from or date_to):
        date_from, date_to = month_range(query.year, query.month)
        dates = DateMatch.CERTAINLY
    elif query.year is not None:
        filters["year"] = str(query.year)
    if query.fond:  # the search names it within the archive filtered on ("RGASPI f. 558")
        filters["fond"] = query.fond
    sort = SearchSort.NEWEST if query.sort == Sort.NEWEST else SearchSort.DATE
    if query.sort == Sort.RELEVANCE and query.text.strip():
        sort = SearchSort.RELEVANCE
    return SearchRequest(query=query.text, filters=filters, date_from=date_from, date_to=date_to, dates=dates,
                         sort=sort, limit=query.limit, offset=query.offset, facet_size=30 if facets else 0,
                         facets=tuple(facets))  # only what the page shows (the reader's names are the index's)


class StoreEdition:
    """Reads one store for the web reader; one instance serves every request (SQLAlchemy pools connections).

    Aggregates over the whole edition (counts, letters per month, correspondents, the network)
    are kept for ``cache_seconds``: they change only when letters are ingested or corrected.
    """

    def __init__(self, store: Store, cache_seconds: float = 60.0) -> None:
        self.store = store
        self.engine = store.engine
        self.cache_seconds = cache_seconds
        self._cache: dict[tuple[object, ...], tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def _cached(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self.cache_seconds:
            return hit[1]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            if len(self._cache) > CACHE_ENTRIES:
                self._cache.clear()
            self._cache[key] = (now, value)
        return value

    def _rows(self, query: Any) -> list[Any]:  # a Select of any shape
        with self.engine.connect() as conn:
            return list(conn.execute(query))

    def _scalar(self, query: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    # --- the collection -------------------------------------------------------------
    def collections(self) -> Sequence[CollectionInfo]:
        return self._cached(("collections",), self._collections)

    def _collections(self) -> Sequence[CollectionInfo]:
        count = select(func.count()).where(t.letters.c.collection == t.collections.c.slug).scalar_subquery()
        rows = self._rows(select(t.collections, count.label("n")).order_by(t.collections.c.slug))
        return [CollectionInfo(r.slug, r.title, tuple(_json_list(r.compilers)), r.year, r.language, r.n)
                for r in rows]

    def counts(self) -> Counts:
        return self._cached(("counts",), self._counts)

    def _counts(self) -> Counts:
        kinds = dict(self._rows(select(t.register_entries.c.kind, func.count()).group_by(t.register_entries.c.kind)))
        first, last = self._rows(select(func.min(t.letters.c.date_earliest), func.max(t.letters.c.date_earliest)))[0]
        return Counts(self._scalar(select(func.count()).select_from(t.letters)) or 0,
                      kinds.get("person", 0), kinds.get("place", 0), kinds.get("organisation", 0),
                      _year(first), _year(last))

    # --- one letter -------------------------------------------------------------------
    def get_letter(self, letter_id: str) -> EditionLetter | None:
        try:
            return self.store.get_letter(letter_id)
        except StoreError:
            return None

    def source_text(self, letter_id: str) -> str | None:
        query = (select(t.sources.c.text).join(t.letters, t.letters.c.source_id == t.sources.c.id)
                 .where(t.letters.c.id == letter_id))
        return self._scalar(query)  # type: ignore[no-any-return]

    def corrections(self, letter_id: str) -> Sequence[CorrectionRow]:
        return [CorrectionRow(c.field, c.source_value, c.value, c.by, c.why, c.at.date().isoformat())
                for c in self.store.corrections(letter_id)]

    def letter_id_for_number(self, collection: str, number: str) -> str | None:
        return self._cached(("numbers", collection), lambda: self._numbers(collection)).get(number)

    def _numbers(self, collection: str) -> dict[str, str]:
        """Letter ids by printed number in one collection (the first letter wins where a number repeats)."""
        numbers: dict[str, str] = {}
        for row in self._rows(select(t.letters.c.number, t.letters.c.id).where(
                t.letters.c.collection == collection, t.letters.c.number.is_not(None))
                .order_by(t.letters.c.position.desc())):
            numbers[row.number] = row.id
        return numbers

    def neighbours(self, letter_id: str) -> Neighbours:
        row = self._rows(select(t.letters.c.collection, t.letters.c.position).where(t.letters.c.id == letter_id))
        if not row:
            return Neighbours()
        collection, position = row[0]
        same = t.letters.c.collection == collection
        found = [self._next(same, position, before=True), self._next(same, position, before=False)]
        pair = self._pair(letter_id)
        if pair:
            for before in (True, False):
                found.append(self._next(same & self._between(*pair), position, before, THREAD_WINDOW))
        summaries = self._summaries([i for i in found if i])
        return Neighbours(*(summaries.get(i) if i else None for i in found))

    def _pair(self, letter_id: str) -> tuple[str, str] | None:
        """The register ids of the first sender and first recipient."""
        rows = self._rows(select(t.parties.c.role, t.parties.c.entry_id).where(
            t.parties.c.letter_id == letter_id, t.parties.c.role.in_(PERSON_ROLES)).order_by(t.parties.c.seq))
        first = {role: entry for role, entry in reversed(rows)}
        sender, recipient = first.get("sender"), first.get("recipient")
        return (sender, recipient) if sender and recipient else None

    @staticmethod
    def _between(a: str, b: str) -> Any:
        """A letter from either of the two to the other (EXISTS per letter: cheap while walking in order)."""
        def party(entry: str, role: str) -> Any:
            p = t.parties.alias()
            return select(p.c.id).where(p.c.letter_id == t.letters.c.id, p.c.entry_id == entry,
                                        p.c.role == role).exists()
        return or_(and_(party(a, "sender"), party(b, "recipient")), and_(party(b, "sender"), party(a, "recipient")))

    def _next(self, where: Any, position: int, before: bool, window: int | None = None) -> str | None:
        """The nearest letter before or after ``position`` matching ``where`` (within ``window`` positions)."""
        column = t.letters.c.position
        query = select(t.letters.c.id).where(where, column < position if before else column > position)
        if window is not None:
            query = query.where(column >= position - window if before else column <= position + window)
        return self._scalar(query.order_by(column.desc() if before else column).limit(1))  # type: ignore[no-any-return]

    def _summaries(self, ids: Sequence[str]) -> dict[str, LetterSummary]:
        """List lines read from the columns and the parties table; only the printed date comes from the JSON."""
        if not ids:
            return {}
        wanted = list(ids)
        letters = self._rows(select(t.letters.c.id, t.letters.c.collection, t.letters.c.position, t.letters.c.number,
                                    t.letters.c.kind, t.letters.c.date_edtf, t.letters.c.date_earliest,
                                    t.letters.c.date_latest, t.letters.c.data).where(t.letters.c.id.in_(wanted)))
        parties: dict[tuple[str, str], list[PartyRef]] = {}
        for row in self._rows(select(t.parties.c.letter_id, t.parties.c.role, t.parties.c.name, t.parties.c.normalized,
                                     t.parties.c.entry_id)
                              .where(t.parties.c.letter_id.in_(wanted), t.parties.c.role.in_(PERSON_ROLES))
                              .order_by(t.parties.c.letter_id, t.parties.c.seq)):
            parties.setdefault((row.letter_id, row.role), []).append(
                PartyRef(row.normalized or row.name, row.entry_id))
        archival: dict[str, str] = {}
        for row in self._rows(select(t.archival_refs.c.letter_id, t.archival_refs.c.as_printed)
                              .where(t.archival_refs.c.letter_id.in_(wanted)).order_by(t.archival_refs.c.seq)):
            archival.setdefault(row.letter_id, row.as_printed)
        return {r.id: LetterSummary(r.id, r.collection, r.position, r.number, r.kind, _printed_date(r.data),
                                    r.date_edtf, _date(r.date_earliest), _date(r.date_latest),
                                    tuple(parties.get((r.id, "sender"), ())),
                                    tuple(parties.get((r.id, "recipient"), ())), archival.get(r.id))
                for r in letters}

    # --- lists of letters -------------------------------------------------------------
    def find(self, query: LetterQuery, facets: Sequence[str] = ()) -> LetterResults:
        if query.sort == Sort.NUMBER and not query.text.strip():
            return self._in_collection_order(query, facets)
        result = self.store.search(search_request(query, facets))
        summaries = self._summaries([hit.id for hit in result.hits])
        items = tuple(
            _with_snippet(summaries[hit.id], snippet_parts(hit.snippet.text, hit.snippet.marks) if query.text else ())
            for hit in result.hits if hit.id in summaries)
        return LetterResults(result.total, items, self._facets(result.facets, facets))

    def _in_collection_order(self, query: LetterQuery, facets: Sequence[str]) -> LetterResults:
        """The collection's own order comes from the database; the index counts the facets."""
        conditions = self._sql_filters(query)
        if query.year is not None:
            conditions.append(extract("year", t.letters.c.date_earliest) == query.year)
        if query.month is not None:
            conditions.append(extract("month", t.letters.c.date_earliest) == query.month)
        if query.archive:
            conditions.append(t.letters.c.id.in_(select(t.archival_refs.c.letter_id).where(
                t.archival_refs.c.archive == query.archive)))
        ids = [row.id for row in self._rows(
            select(t.letters.c.id).where(*conditions).order_by(t.letters.c.collection, t.letters.c.position)
            .offset(query.offset).limit(query.limit))]
        total = self._scalar(select(func.count()).select_from(t.letters).where(*conditions)) or 0
        counted = self.store.search(search_request(replace(query, offset=0, limit=1), facets)) if facets else None
        summaries = self._summaries(ids)
        return LetterResults(int(total), tuple(summaries[i] for i in ids if i in summaries),
                             self._facets(counted.facets, facets) if counted else {})

    def _facets(self, found: dict[str, Any], wanted: Sequence[str]) -> dict[str, tuple[FacetValue, ...]]:
        labels = self.store.labels
        by_label = {label: entry_id for entry_id, label in labels.items()}
        out = {}
        for name in wanted:
            counts = found.get(name, ())
            if name == "correspondent":
                values = tuple(FacetValue(by_label.get(c.value, c.value), c.value, c.count) for c in counts)
            elif name == "language":
                values = tuple(FacetValue(c.value, language_name(c.value), c.count) for c in counts)
            else:
                values = tuple(FacetValue(c.value, c.value, c.count) for c in counts)
            out[name] = tuple(sorted(values, key=lambda v: v.value)) if name == "year" else values
        return out

    def month_counts(self, query: LetterQuery) -> Sequence[MonthCount]:
        return self._cached(("months", query), lambda: self._month_counts(query))

    def _month_counts(self, query: LetterQuery) -> Sequence[MonthCount]:
        """Letters per month by their earliest day; the text of the query is not taken into account."""
        year = extract("year", t.letters.c.date_earliest)
        month = extract("month", t.letters.c.date_earliest)
        sql = select(year.label("y"), month.label("m"), func.count().label("n")).where(
            t.letters.c.date_earliest.is_not(None))
        for condition in self._sql_filters(query):
            sql = sql.where(condition)
        rows = self._rows(sql.group_by(year, month).order_by(year, month))
        return [MonthCount(int(r.y), int(r.m), int(r.n)) for r in rows]

    def _sql_filters(self, query: LetterQuery) -> list[Any]:
        conditions = [column == value for column, value in ((t.letters.c.collection, query.collection),
                                                           (t.letters.c.kind, query.kind and kind_named(query.kind)))
                      if value]
        if query.language:  # a code or a name: the languages stored that it names
            conditions.append(t.letters.c.language.in_(self._languages_named(query.language)))
        if query.entry:
            conditions.append(_taking_part(query.entry, query.role))
        if query.correspondent:
            conditions.append(_taking_part(query.correspondent, Role.ANY))
        for part, number in (("year", query.year), ("month", query.month)):
            if number is not None:
                conditions.append(extract(part, t.letters.c.date_earliest) == number)
        for column, printed in ((t.archival_refs.c.archive, query.archive), (t.archival_refs.c.fond, query.fond)):
            if printed:
                conditions.append(t.letters.c.id.in_(select(t.archival_refs.c.letter_id).where(column == printed)))
        if query.date_from:
            column = t.letters.c.date_earliest if query.date_mode == DateMode.CERTAINLY else t.letters.c.date_latest
            conditions.append(column >= query.date_from)
        if query.date_to:
            column = t.letters.c.date_latest if query.date_mode == DateMode.CERTAINLY else t.letters.c.date_earliest
            conditions.append(column <= query.date_to)
        return conditions

    def _languages_named(self, wanted: str) -> list[str]:
        stored = self._cached(("languages",), lambda: [language for (language,) in self._rows(
            select(t.letters.c.language).distinct())])
        return [language for language in stored if same_language(language, wanted)]

    # --- registers --------------------------------------------------------------------
    def register_entries(self, kind: PartyKind | None = None) -> Sequence[RegisterEntry]:
        return sorted(self.store.register_entries(kind), key=lambda e: e.preferred_name.casefold())

    def entry(self, entry_id: str) -> RegisterEntry | None:
        try:
            return self.store.entry(entry_id)
        except StoreError:
            return None

    def correspondents(self, entry_id: str | None = None, limit: int = 20) -> Sequence[Correspondent]:
        return self._cached(("correspondents", entry_id, limit), lambda: self._correspondents(entry_id, limit))

    def _correspondents(self, entry_id: str | None, limit: int) -> Sequence[Correspondent]:
        parties = t.parties
        n = func.count(func.distinct(parties.c.letter_id)).label("n")
        query = select(parties.c.entry_id, n).where(parties.c.entry_id.is_not(None), parties.c.role.in_(PERSON_ROLES))
        if entry_id is not None:
            own = select(parties.c.letter_id).where(parties.c.entry_id == entry_id, parties.c.role.in_(PERSON_ROLES))
            query = query.where(parties.c.letter_id.in_(own), parties.c.entry_id != entry_id)
        rows = self._rows(query.group_by(parties.c.entry_id).order_by(n.desc(), parties.c.entry_id).limit(limit))
        labels = self.store.labels
        return [Correspondent(r.entry_id, labels.get(r.entry_id, r.entry_id), int(r.n)) for r in rows]

    def network(self, entry_id: str | None = None, limit: int = 60) -> Network:
        return self._cached(("network", entry_id, limit), lambda: self._network(entry_id, limit))

    def _network(self, entry_id: str | None, limit: int) -> Network:
        people = list(self.correspondents(entry_id, limit))
        if entry_id is not None:
            own = self._letters_of(entry_id)
            people = ([Correspondent(entry_id, self.store.labels.get(entry_id, entry_id), own)] if own else []) \
                + people[: limit - 1]
        ids = [p.entry_id for p in people]
        s, r = t.parties.alias(), t.parties.alias()
        n = func.count(func.distinct(s.c.letter_id)).label("n")
        rows = self._rows(select(s.c.entry_id.label("a"), r.c.entry_id.label("b"), n)
                          .join(r, r.c.letter_id == s.c.letter_id)
                          .where(s.c.role == "sender", r.c.role == "recipient", s.c.entry_id.in_(ids),
                                 r.c.entry_id.in_(ids), s.c.entry_id != r.c.entry_id)
                          .group_by(s.c.entry_id, r.c.entry_id))
        weights: dict[tuple[str, str], int] = {}
        for row in rows:
            a, b = sorted((row.a, row.b))
            weights[(a, b)] = weights.get((a, b), 0) + int(row.n)
        return Network(tuple(people), tuple(NetworkLink(a, b, w) for (a, b), w in sorted(weights.items())))

    def _letters_of(self, entry_id: str) -> int:
        return int(self._scalar(select(func.count(func.distinct(t.parties.c.letter_id))).where(
            t.parties.c.entry_id == entry_id, t.parties.c.role.in_(PERSON_ROLES))) or 0)

    # --- findings ---------------------------------------------------------------------
    def findings(self, offset: int = 0, limit: int = 100) -> FindingsPage:
        total = self._scalar(select(func.count()).select_from(t.findings)) or 0
        joined = select(t.findings, t.sources.c.path).outerjoin(t.sources, t.sources.c.id == t.findings.c.source_id)
        rows = self._rows(joined.order_by(t.findings.c.id).offset(offset).limit(limit))
        return FindingsPage(int(total), tuple(FindingRow(r.letter_id, r.path, r.severity, r.field, r.message,
                                                         (r.span_start, r.span_end)) for r in rows))


def _taking_part(entry_id: str, role: Role) -> Any:
    """The condition that the register entry takes part in the letter in ``role``."""
    if role == Role.MENTIONED:
        return t.letters.c.id.in_(select(t.mentions.c.letter_id).where(t.mentions.c.entry_id == entry_id))
    return t.letters.c.id.in_(select(t.parties.c.letter_id).where(
        t.parties.c.entry_id == entry_id, t.parties.c.role.in_(PARTY_ROLES[role])))


def _with_snippet(summary: LetterSummary, snippet: tuple[SnippetPart, ...]) -> LetterSummary:
    return replace(summary, snippet=snippet) if snippet else summary


def _json_list(text: str | None) -> list[str]:
    value = json.loads(text or "[]")
    return [str(v) for v in value] if isinstance(value, list) else []


def _printed_date(data: str) -> str | None:
    date = json.loads(data).get("date")
    return str(date["as_printed"]) if isinstance(date, dict) and date.get("as_printed") else None


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _year(value: dt.date | str | None) -> int | None:
    if value is None:
        return None
    return value.year if isinstance(value, dt.date) else int(str(value)[:4])
