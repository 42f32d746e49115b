"""One context object per page, built from an ``EditionReader``: rendered as HTML and served as JSON.

As in Datasette's ``RowContext``, a page is first a typed value; the template and the JSON
API are two views of it, so they cannot disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from letterbook.model import ArchivalRef, EditionLetter, HistoricalDate, Party, PartyKind, RegisterEntry
from letterbook.web import cite
from letterbook.web.dates import readable_date
from letterbook.web.edition import (
    FACETS,
    CollectionInfo,
    CorrectionRow,
    Correspondent,
    Counts,
    EditionReader,
    FacetValue,
    FindingsPage,
    LetterQuery,
    LetterSummary,
    MonthCount,
    Neighbours,
    Role,
)
from letterbook.web.text import Segment, body_segments, note_segments, source_fields, source_segments
from letterbook.web.urls import authority_url, entry_url, letter_url, with_params

TOP_CORRESPONDENTS = 12
ENTRY_LETTERS = 20


@dataclass(frozen=True)
class DateView:
    readable: str
    as_printed: str
    edtf: str | None
    earliest: str | None
    latest: str | None
    calendar: str
    inferred: bool
    approximate: bool
    uncertain: bool
    qualifier: str | None


def date_view(date: HistoricalDate | None) -> DateView | None:
    if date is None:
        return None
    return DateView(readable_date(date), date.as_printed, date.edtf,
                    date.earliest.isoformat() if date.earliest else None,
                    date.latest.isoformat() if date.latest else None, str(date.calendar),
                    date.inferred, date.approximate, date.uncertain, date.qualifier)


@dataclass(frozen=True)
class PartyView:
    name: str
    as_printed: str
    entry_id: str | None
    url: str | None
    kind: str
    implied: bool


def party_view(party: Party) -> PartyView:
    return PartyView(party.normalized or party.name, party.name, party.id,
                     entry_url(party.id) if party.id else None, str(party.kind), party.implied)


@dataclass(frozen=True)
class ArchivalView:
    as_printed: str
    cipher: str
    archive: str
    fond: str | None
    opis: str | None
    delo: str | None
    folios: str | None
    form: str | None


def archival_view(ref: ArchivalRef) -> ArchivalView:
    return ArchivalView(ref.as_printed, cite.cipher(ref), ref.archive, ref.fond, ref.opis, ref.delo,
                        ref.folios, ref.form)


@dataclass(frozen=True)
class NoteView:
    number: str
    segments: list[Segment]
    archival: list[ArchivalView]


@dataclass(frozen=True)
class Citation:
    text: str
    csl_json: str
    bibtex: str


@dataclass(frozen=True)
class LetterContext:
    """The letter page."""

    id: str
    url: str
    collection: CollectionInfo | None
    number: str | None
    kind: str
    kind_as_printed: str | None
    language: str
    heading: str | None
    senders: list[PartyView]
    recipients: list[PartyView]
    place: PartyView | None
    date: DateView | None
    dateline: DateView | None
    body: list[Segment]
    signature: str | None
    postscripts: list[str]
    archival: list[ArchivalView]
    publications: list[str]
    notes: list[NoteView]
    neighbours: Neighbours
    citation: Citation
    findings: list[str]
    corrections: Sequence[CorrectionRow] = ()


def collection_of(reader: EditionReader, slug: str) -> CollectionInfo | None:
    return next((c for c in reader.collections() if c.slug == slug), None)


def letter_context(reader: EditionReader, item: EditionLetter, site_url: str) -> LetterContext:
    letter = item.letter
    collection = collection_of(reader, item.collection)
    url = site_url.rstrip("/") + letter_url(item.id)
    title = collection.title if collection else None

    def link(document: str, note: str | None) -> str | None:
        target = reader.letter_id_for_number(item.collection, document)
        return (letter_url(target) + (f"#note-{note}" if note else "")) if target else None

    return LetterContext(
        id=item.id, url=url, collection=collection, number=letter.number, kind=letter.kind,
        kind_as_printed=letter.kind_as_printed, language=letter.language,
        heading=letter.heading.text if letter.heading else None,
        senders=[party_view(p) for p in letter.senders], recipients=[party_view(p) for p in letter.recipients],
        place=party_view(letter.place) if letter.place else None,
        date=date_view(letter.date), dateline=date_view(letter.dateline), body=body_segments(letter),
        signature=letter.signature.text if letter.signature else None,
        postscripts=[p.text for p in letter.postscripts], archival=[archival_view(a) for a in letter.archival],
        publications=[p.text for p in letter.publications],
        notes=[NoteView(n.number, note_segments(n, link), [archival_view(a) for a in n.archival])
               for n in letter.notes],
        neighbours=reader.neighbours(item.id),
        citation=Citation(cite.readable(item, title, url),
                          json.dumps(cite.csl_json(item, title, url), ensure_ascii=False, indent=2),
                          cite.bibtex(item, title, url)),
        findings=[f"{f.field}: {f.message}" for f in letter.findings],
        corrections=reader.corrections(item.id),
    )


@dataclass(frozen=True)
class SpanRow:
    field: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceContext:
    """The letter's stretch of its source, with where each value was read."""

    id: str
    number: str | None
    available: bool
    segments: list[Segment]
    fields: list[SpanRow]


def source_context(reader: EditionReader, item: EditionLetter) -> SourceContext:
    source = reader.source_text(item.id)
    letter = item.letter
    if source is None:
        return SourceContext(item.id, letter.number, False, [], [])
    rows = [SpanRow(name, source[s:e][:200], s, e) for name, (s, e) in source_fields(letter)]
    return SourceContext(item.id, letter.number, True, source_segments(source, letter), rows)


@dataclass(frozen=True)
class Bar:
    """One month of a timeline, placed for an SVG of ``TimelineView.width`` by ``height``."""

    x: int
    y: int
    height: int
    label: str
    count: int
    href: str


@dataclass(frozen=True)
class TimelineView:
    width: int
    height: int
    bar_width: int
    bars: list[Bar]
    years: list[tuple[int, str]]  # x and label of each January


def timeline_view(months: Sequence[MonthCount], params: dict[str, object] | None = None,
                  height: int = 120, bar_width: int = 4) -> TimelineView:
    """Every month from the first to the last letter, empty ones included, each bar linking to that month."""
    if not months:
        return TimelineView(0, height, bar_width, [], [])
    counts = {(m.year, m.month): m.count for m in months}
    first, last = (months[0].year, months[0].month), (months[-1].year, months[-1].month)
    top = max(counts.values())
    bars: list[Bar] = []
    years: list[tuple[int, str]] = []
    year, month, x = first[0], first[1], 0
    while (year, month) <= last:
        count = counts.get((year, month), 0)
        h = round((height - 16) * count / top) if count else 0
        href = with_params("/letters", {**(params or {}), "year": year, "month": month})
        bars.append(Bar(x, height - 16 - h, h, f"{year}-{month:02d}", count, href))
        if (month == 1 or not years) and (not years or x - years[-1][0] >= 30):
            years.append((x, str(year)))
        x += bar_width + 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return TimelineView(x, height, bar_width, bars, years)


@dataclass(frozen=True)
class HomeContext:
    collections: list[CollectionInfo]
    counts: Counts
    correspondents: list[Correspondent]
    timeline: TimelineView


def home_context(reader: EditionReader) -> HomeContext:
    return HomeContext(list(reader.collections()), reader.counts(),
                       list(reader.correspondents(None, TOP_CORRESPONDENTS)),
                       timeline_view(reader.month_counts(LetterQuery())))


@dataclass(frozen=True)
class Pager:
    page: int
    pages: int
    total: int
    previous: str | None
    next: str | None


def pager(path: str, params: dict[str, object], total: int, offset: int, limit: int) -> Pager:
    page = offset // limit + 1
    pages = max(1, -(-total // limit))
    previous = with_params(path, {**params, "page": page - 1}) if page > 1 else None
    following = with_params(path, {**params, "page": page + 1}) if page < pages else None
    return Pager(page, pages, total, previous, following)


@dataclass(frozen=True)
class FacetView:
    name: str
    values: list[tuple[FacetValue, str, bool]]  # value, link that toggles it, whether it is chosen


FACET_PARAMS = {"year": "year", "kind": "kind", "correspondent": "correspondent", "archive": "archive",
                "language": "language", "collection": "collection"}


def facet_views(facets: dict[str, tuple[FacetValue, ...]], path: str, params: dict[str, object]) -> list[FacetView]:
    views = []
    for name, values in facets.items():
        key = FACET_PARAMS[name]
        chosen = str(params.get(key) or "")
        links = []
        for value in values[:30]:
            selected = value.value == chosen
            target = {**params, key: None if selected else value.value, "page": None}
            links.append((value, with_params(path, target), selected))
        views.append(FacetView(name, links))
    return views


@dataclass(frozen=True)
class ResultsContext:
    """A list of letters: the browse page and the search page."""

    params: dict[str, object]
    total: int
    items: list[LetterSummary]
    facets: list[FacetView]
    pager: Pager
    timeline: TimelineView


def results_context(reader: EditionReader, query: LetterQuery, params: dict[str, object],
                    path: str) -> ResultsContext:
    results = reader.find(query, FACETS)
    # the months of a selection; a text search has no timeline, since the counts would ignore the words
    months = [] if query.text.strip() else reader.month_counts(replace(query, year=None, month=None, offset=0))
    return ResultsContext(params, results.total, list(results.items),
                          facet_views(results.facets, path, params),
                          pager(path, params, results.total, query.offset, query.limit),
                          timeline_view(months,
                                        {k: v for k, v in params.items() if k not in ("year", "month", "page")}))


@dataclass(frozen=True)
class LetterList:
    total: int
    items: list[LetterSummary]
    more: str | None  # a link to the full list


@dataclass(frozen=True)
class EntryContext:
    """A person's, place's or organisation's page."""

    entry: RegisterEntry
    url: str
    authority: list[tuple[str, str, str | None]]  # scheme, id, link
    sent: LetterList
    received: LetterList
    mentioned: LetterList
    written_at: LetterList  # for a place
    correspondents: list[Correspondent]
    timeline: TimelineView


def letter_list(reader: EditionReader, entry_id: str, role: Role) -> LetterList:
    found = reader.find(LetterQuery(entry=entry_id, role=role, limit=ENTRY_LETTERS))
    more = with_params("/letters", {"entry": entry_id, "role": str(role)}) if found.total > ENTRY_LETTERS else None
    return LetterList(found.total, list(found.items), more)


def entry_context(reader: EditionReader, entry: RegisterEntry) -> EntryContext:
    authority = [(scheme, value, authority_url(scheme, value)) for scheme, value in sorted(entry.authority.items())]
    return EntryContext(
        entry, entry_url(entry.id), authority,
        letter_list(reader, entry.id, Role.SENDER), letter_list(reader, entry.id, Role.RECIPIENT),
        letter_list(reader, entry.id, Role.MENTIONED),
        letter_list(reader, entry.id, Role.WRITTEN_AT) if entry.kind is PartyKind.PLACE else LetterList(0, [], None),
        list(reader.correspondents(entry.id, 30)),
        timeline_view(reader.month_counts(LetterQuery(entry=entry.id, role=Role.ANY)), {"correspondent": entry.id}),
    )


@dataclass(frozen=True)
class RegisterContext:
    """The registers index, A–Z."""

    kind: str | None
    kinds: list[str]
    groups: list[tuple[str, list[RegisterEntry]]]


def initial(name: str) -> str:
    first = next((ch for ch in name if ch.isalpha()), "#")
    return first.upper()


def register_context(reader: EditionReader, kind: PartyKind | None) -> RegisterContext:
    groups: dict[str, list[RegisterEntry]] = {}
    for entry in reader.register_entries(kind):
        groups.setdefault(initial(entry.preferred_name), []).append(entry)
    kinds = [str(k) for k in (PartyKind.PERSON, PartyKind.PLACE, PartyKind.ORGANISATION)]
    return RegisterContext(str(kind) if kind else None, kinds, sorted(groups.items()))


@dataclass(frozen=True)
class FindingsContext:
    page: FindingsPage
    pager: Pager


def findings_context(reader: EditionReader, offset: int, limit: int) -> FindingsContext:
    page = reader.findings(offset, limit)
    return FindingsContext(page, pager("/findings", {}, page.total, offset, limit))


@dataclass(frozen=True)
class NetworkContext:
    entry: RegisterEntry | None
    data_url: str
    nodes: list[Correspondent] = field(default_factory=list)


def network_context(reader: EditionReader, entry_id: str | None) -> NetworkContext:
    entry = reader.entry(entry_id) if entry_id else None
    network = reader.network(entry.id if entry else None)
    return NetworkContext(entry, with_params("/api/network", {"entry": entry.id if entry else None}),
                          list(network.nodes))


def jsonable(value: Any) -> Any:
    """A context as JSON-ready data (dataclasses, tuples, dates), for the API."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value
