"""The domain values of letterbook, frozen and typed; this module imports no framework.

Every value read from a source carries its ``Span``: ``[start, end)`` character offsets
into ``Source.text``, so that ``source.text[start:end]`` is exactly what was printed.
Values that are derived rather than printed (a normalised name, an EDTF string) sit
beside the printed form, never instead of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

Span = tuple[int, int]


class Calendar(StrEnum):
    GREGORIAN = "gregorian"
    JULIAN = "julian"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class PartyKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"  # an addressee such as "Sochi" when nothing better is printed
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Source:
    """One input file as read: its decoded text is what every span points into."""

    path: str
    sha256: str  # of the raw bytes, so a changed file is recognised
    text: str
    media_type: str = "text/plain"  # "text/plain", "text/html", "application/tei+xml"
    encoding: str = "utf-8"

    @property
    def chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class Finding:
    """What the reader of a source could not settle, for a person to review."""

    severity: Severity
    field: str  # "letter", "date", "senders", "archival", "notes", "source", ...
    message: str
    span: Span


@dataclass(frozen=True, slots=True)
class TextValue:
    """A printed value with the place it was printed: a signature, a publication."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class HistoricalDate:
    """A date as printed, with what it means.

    ``edtf`` states the date as printed, in the calendar it was printed in (``calendar``);
    ``earliest``/``latest`` are always proleptic Gregorian days, so dates of both
    calendars sort and filter together. A month stays a month: "December 1912" is
    1912-12 (earliest 1912-12-01, latest 1912-12-31), never the 1st of December.
    """

    as_printed: str
    span: Span
    edtf: str | None
    earliest: dt.date | None
    latest: dt.date | None
    calendar: Calendar = Calendar.GREGORIAN
    inferred: bool = False  # the editors supplied it (square brackets)
    approximate: bool = False  # "about", "около", "early/late ..."
    uncertain: bool = False  # "?"
    qualifier: str | None = None  # "not before", "not after", "early", "late", "between", ...
    place: TextValue | None = None  # a place printed with the date ("Tiflis, December 6, 1920")

    @property
    def certain(self) -> bool:
        return not (self.approximate or self.uncertain)


@dataclass(frozen=True, slots=True)
class ArchivalRef:
    """Where a document is kept: "RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2. Typewritten text."."""

    as_printed: str
    span: Span
    archive: str  # today's name: "RGASPI" for RTsKhIDNI, ЦПА, РГАСПИ
    archive_as_printed: str
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    folios: str | None = None
    form: str | None = None  # controlled term: "autograph", "typescript", "certified copy", ...
    form_as_printed: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """A sender or recipient as printed in the heading, with its normalised form."""

    name: str
    span: Span
    normalized: str | None = None  # nominative case, register's preferred form
    id: str | None = None  # register id, when linked
    kind: PartyKind = PartyKind.PERSON
    implied: bool = False  # not printed in the heading; taken from the collection or signature
    refs: tuple[str, ...] = ()  # authority URIs given by the source (CMIF, TEI)


@dataclass(frozen=True, slots=True)
class CrossRef:
    """A note's pointer to another document: "See note 1 to document No. 183"."""

    document: str
    note: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Note:
    """An editorial note of a letter, with the marker in the letter's text that points to it."""

    number: str
    text: str
    span: Span  # the whole note, number included
    number_as_printed: str = ""
    refs: tuple[CrossRef, ...] = ()
    anchor: Span | None = None  # the marker in the letter's text
    archival: tuple[ArchivalRef, ...] = ()  # citations inside the note belong to the note


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a letter's text that names a register entry."""

    span: Span
    entry_id: str
    kind: PartyKind = PartyKind.PERSON


@dataclass(frozen=True, slots=True)
class Letter:
    """One document of a collection (a letter, telegram, note, memorandum...)."""

    span: Span  # the whole document, from its heading to its last note
    text: str  # the document's own text (body, as printed)
    text_span: Span
    number: str | None = None
    number_span: Span | None = None
    kind: str = "letter"
    kind_as_printed: str | None = None
    heading: TextValue | None = None
    senders: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    date: HistoricalDate | None = None
    dateline: HistoricalDate | None = None
    signature: TextValue | None = None
    postscripts: tuple[TextValue, ...] = ()
    archival: tuple[ArchivalRef, ...] = ()
    publications: tuple[TextValue, ...] = ()
    notes: tuple[Note, ...] = ()
    place: Party | None = None  # where it was written (kind PLACE)
    place_received: Party | None = None
    mentions: tuple[Mention, ...] = ()
    language: str = "en"
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class EditionLetter:
    """A letter as the edition holds it: stable id, collection, order, corrections applied."""

    id: str  # "{collection}/{number}", or derived when the editors printed no number
    collection: str
    position: int  # order within the collection
    letter: Letter
    source_path: str = ""


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """A person, place or organisation of the registers."""

    id: str  # "person/stalin-i-v"
    kind: PartyKind
    preferred_name: str
    forms: tuple[str, ...] = ()  # every script, case and nickname ("Koba", "Сталину")
    authority: dict[str, str] = field(default_factory=dict)  # {"wikidata": "Q855", "viaf": ...}
    birth: str | None = None  # EDTF
    death: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Collection:
    """The published corpus a page belongs to, as its front matter tells."""

    title: str | None = None
    slug: str | None = None
    compilers: tuple[str, ...] = ()
    year: str | None = None
    sections: tuple[str, ...] = ()
    language: str = "en"
    calendar_before_1918: Calendar = Calendar.JULIAN  # how the editions usually print pre-1918 dates


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a source that is not a letter: front matter or an unread remainder."""

    kind: str  # "front_matter", "remainder", "back_matter"
    span: Span


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Everything read from one source. Parts and letters together cover every character."""

    source: Source
    collection: Collection
    letters: tuple[Letter, ...]
    parts: tuple[Part, ...] = ()
    findings: tuple[Finding, ...] = field(default=())  # about the source itself; each letter holds its own

    @property
    def every_finding(self) -> tuple[Finding, ...]:
        """The source's findings, then each letter's, in order (the parse output's "findings")."""
        return (*self.findings, *(f for letter in self.letters for f in letter.findings))
