"""What the web reader needs from an edition: the ``EditionReader`` protocol and its values.

The reader only reads. Everything it shows comes through these calls, so the pages and the
API work the same over the SQLite/PostgreSQL store (``letterbook.web.store_edition``) and
over letters held in memory (``letterbook.web.memory``, used for small editions and tests).
Aggregates (facets, counts per month, the network) are calls of their own so that a
database can answer them with one GROUP BY instead of the web layer walking every letter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from letterbook.model import EditionLetter, PartyKind, RegisterEntry


class Role(StrEnum):
    """How a register entry takes part in a letter."""

    SENDER = "sender"
    RECIPIENT = "recipient"
    MENTIONED = "mentioned"
    WRITTEN_AT = "written_at"  # the place the letter was written at
    ANY = "any"  # sender or recipient


class DateMode(StrEnum):
    """Whether a letter's whole date range, or only part of it, must fall within a filter's range."""

    CERTAINLY = "certainly"
    POSSIBLY = "possibly"


class Sort(StrEnum):
    DATE = "date"  # earliest first
    NEWEST = "newest"  # latest first
    NUMBER = "number"  # the collection's own order
    RELEVANCE = "relevance"


FACETS = ("year", "kind", "correspondent", "archive", "language", "collection")


@dataclass(frozen=True)
class LetterQuery:
    """A filter over the letters; every field is optional and they combine with AND."""

    text: str = ""  # full-text search words
    collection: str | None = None
    year: int | None = None
    month: int | None = None
    kind: str | None = None
    language: str | None = None
    archive: str | None = None
    fond: str | None = None
    entry: str | None = None  # a register entry id
    role: Role = Role.ANY
    correspondent: str | None = None  # a register entry id, as sender or recipient
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    date_mode: DateMode = DateMode.POSSIBLY
    sort: Sort = Sort.DATE
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class PartyRef:
    """A sender or recipient as a list of letters shows it."""

    name: str
    entry_id: str | None = None


@dataclass(frozen=True)
class SnippetPart:
    """A piece of a search snippet; ``marked`` pieces matched the query."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class LetterSummary:
    """One line of a list of letters."""

    id: str
    collection: str
    position: int
    number: str | None
    kind: str
    date_as_printed: str | None
    date_edtf: str | None
    earliest: dt.date | None
    latest: dt.date | None
    senders: tuple[PartyRef, ...] = ()
    recipients: tuple[PartyRef, ...] = ()
    archival: str | None = None  # the first archival reference as printed
    snippet: tuple[SnippetPart, ...] = ()


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class LetterResults:
    total: int
    items: tuple[LetterSummary, ...]
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int


@dataclass(frozen=True)
class CollectionInfo:
    slug: str
    title: str | None
    compilers: tuple[str, ...]
    year: str | None
    language: str
    letters: int


@dataclass(frozen=True)
class Counts:
    letters: int
    persons: int
    places: int
    organisations: int
    first_year: int | None
    last_year: int | None


@dataclass(frozen=True)
class Correspondent:
    """A register entry with the number of letters it wrote or received (with someone, if asked)."""

    entry_id: str
    name: str
    letters: int


@dataclass(frozen=True)
class NetworkLink:
    source: str
    target: str
    letters: int


@dataclass(frozen=True)
class Network:
    nodes: tuple[Correspondent, ...]
    links: tuple[NetworkLink, ...]


@dataclass(frozen=True)
class Neighbours:
    """The letters before and after one letter, in the collection and in its correspondence."""

    previous: LetterSummary | None = None
    next: LetterSummary | None = None
    previous_in_correspondence: LetterSummary | None = None
    next_in_correspondence: LetterSummary | None = None


@dataclass(frozen=True)
class FindingRow:
    """A finding of the parser, for the editors."""

    letter_id: str | None
    source_path: str | None
    severity: str
    field: str
    message: str
    span: tuple[int, int]


@dataclass(frozen=True)
class CorrectionRow:
    """An editor's correction of one value of a letter: what was read from the source, what it
    became, who made it, when and why."""

    field: str
    source_value: str
    value: str
    by: str
    why: str
    at: str  # ISO date


@dataclass(frozen=True)
class FindingsPage:
    total: int
    items: tuple[FindingRow, ...]


class EditionReader(Protocol):
    """Read-only access to one edition, as the web reader uses it."""

    def collections(self) -> Sequence[CollectionInfo]: ...

    def counts(self) -> Counts: ...

    def get_letter(self, letter_id: str) -> EditionLetter | None: ...

    def source_text(self, letter_id: str) -> str | None:
        """The decoded text of the source the letter was read from: its spans point into it."""
        ...

    def letter_id_for_number(self, collection: str, number: str) -> str | None:
        """The id of the letter printed as No. ``number`` in ``collection`` (for cross-references)."""
        ...

    def neighbours(self, letter_id: str) -> Neighbours: ...

    def corrections(self, letter_id: str) -> Sequence[CorrectionRow]:
        """The editors' corrections of the letter, oldest first (already applied to ``get_letter``'s letter)."""
        ...

    def find(self, query: LetterQuery, facets: Sequence[str] = ()) -> LetterResults:
        """Letters matching ``query``, sorted and paginated, with counts for the named facets."""
        ...

    def month_counts(self, query: LetterQuery) -> Sequence[MonthCount]:
        """Letters per month (by their earliest day) among those matching ``query``; no pagination."""
        ...

    def register_entries(self, kind: PartyKind | None = None) -> Sequence[RegisterEntry]: ...

    def entry(self, entry_id: str) -> RegisterEntry | None: ...

    def correspondents(self, entry_id: str | None = None, limit: int = 20) -> Sequence[Correspondent]:
        """The most frequent senders and recipients: overall, or those who wrote to or heard from ``entry_id``."""
        ...

    def network(self, entry_id: str | None = None, limit: int = 60) -> Network:
        """Who wrote to whom: the ``limit`` busiest people (around ``entry_id`` if given) and their links."""
        ...

    def findings(self, offset: int = 0, limit: int = 100) -> FindingsPage: ...


def party_key(name: str, entry_id: str | None) -> str:
    """What makes two parties the same correspondent: the register id, else the name as printed."""
    return entry_id or "name:" + name.casefold()


def summarise(edition_letter: EditionLetter, snippet: tuple[SnippetPart, ...] = ()) -> LetterSummary:
    """The list line of a letter."""
    letter = edition_letter.letter
    date = letter.date
    return LetterSummary(
        id=edition_letter.id,
        collection=edition_letter.collection,
        position=edition_letter.position,
        number=letter.number,
        kind=letter.kind,
        date_as_printed=date.as_printed if date else None,
        date_edtf=date.edtf if date else None,
        earliest=date.earliest if date else None,
        latest=date.latest if date else None,
        senders=tuple(PartyRef(p.normalized or p.name, p.id) for p in letter.senders),
        recipients=tuple(PartyRef(p.normalized or p.name, p.id) for p in letter.recipients),
        archival=letter.archival[0].as_printed if letter.archival else None,
        snippet=snippet,
    )
