"""letterbook: published collections of historical letters as a digital edition."""

from letterbook.model import (
    ArchivalRef,
    Calendar,
    Collection,
    CrossRef,
    EditionLetter,
    Finding,
    HistoricalDate,
    Letter,
    Mention,
    Note,
    ParseResult,
    Part,
    Party,
    PartyKind,
    RegisterEntry,
    Severity,
    Source,
    TextValue,
)

__version__ = "0.1.0"

__all__ = [
    "ArchivalRef",
    "Calendar",
    "Collection",
    "CrossRef",
    "EditionLetter",
    "Finding",
    "HistoricalDate",
    "Letter",
    "Mention",
    "Note",
    "ParseResult",
    "Part",
    "Party",
    "PartyKind",
    "RegisterEntry",
    "Severity",
    "Source",
    "TextValue",
    "__version__",
]
