"""The full-text index of the edition: a tantivy index in a directory beside the database.

Why tantivy: measured on this machine (see bench/ and the README), ranked top-20 queries
are about a hundred times faster than SQLite FTS5 or PostgreSQL tsvector+GIN at 100k
letters, and its aggregations give facet counts in the same pass. The index is derived
data: the database is the truth, and ``Store.sync_index`` rebuilds any part of it.

A letter's text and notes are indexed with the Snowball stemmer of its language, in the
fields of that language (``text_en``/``notes_en``, ``text_ru``/``notes_ru``): "letters" and
"letter" share "letter", "письмо" and "письма" share "письм". Letters in Cyrillic-script
languages take the Russian stemmer, all others the English one. The names of the
correspondents, in either script, pass through both stemmers (each leaves the other
script's words alone). One stemmer per text instead of both took indexing from about
0.27 to 0.21 ms of CPU a letter. A query word is stemmed for each field as that field was.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import tantivy

from letterbook.errors import StoreError
from letterbook.languages import language_code
from letterbook.link.forms import form_key
from letterbook.model import EditionLetter, Party

STEMMERS = {"en": ("english",), "ru": ("russian",), "both": ("english", "russian")}
TEXT_FIELDS = {"text_en": "en", "notes_en": "en", "text_ru": "ru", "notes_ru": "ru", "names": "both"}
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk"})  # indexed with the Russian stemmer
PERSON_FACETS = ("sender", "recipient", "correspondent", "mentioned")
FACETS = (*PERSON_FACETS, "place", "year", "archive", "fond", "kind", "language", "collection")
UNDATED = dt.date.max.toordinal()  # the sort date of undated letters: last in date order
WRITER_HEAP = 32_000_000
# glibc gives each new thread its own malloc arena and keeps the freed memory of every one;
# tantivy starts fresh writer threads for each commit, so an ingest's resident memory grew
# with the number of commits (120 → 205 MiB over 120k letters). Two arenas keep it flat.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number in glibc's malloc.h


def analyzer(stemmers: tuple[str, ...]) -> tantivy.TextAnalyzer:
    builder = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
               .filter(tantivy.Filter.remove_long(60))
               .filter(tantivy.Filter.lowercase()))
    for language in stemmers:
        builder = builder.filter(tantivy.Filter.stemmer(language))
    return builder.build()


def _tokenizer_name(stemming: str) -> str:
    return f"letterbook_{stemming}"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("label", stored=True, tokenizer_name="raw")
    for name, stemming in TEXT_FIELDS.items():  # the text is stored (for snippets) in its language's field
        builder.add_text_field(name, stored=name.startswith("text_"), tokenizer_name=_tokenizer_name(stemming))
    for name in FACETS:
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)  # display values, for facets
        builder.add_text_field(f"{name}_key", stored=False, tokenizer_name="raw")  # ids and folded names, for filters
    for name in ("earliest", "latest", "sort_date"):
        builder.add_integer_field(name, stored=False, indexed=True, fast=True)
    return builder.build()


class IndexUnreadableError(StoreError):
    """The index directory holds an index of another schema, or damaged files: rebuild it."""


@dataclass(frozen=True, slots=True)
class IndexDocument:
    """What the index holds of one letter (pure data, built by ``index_document``)."""

    id: str
    label: str
    text: str
    notes: str
    names: str
    language: str = "en"
    values: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    earliest: int | None = None
    latest: int | None = None


def _party_values(parties: Iterable[Party], labels: Mapping[str, str]) -> tuple[list[str], list[str]]:
    values: list[str] = []
    keys: list[str] = []
    for party in parties:
        printed = party.normalized or party.name
        values.append(labels.get(party.id, printed) if party.id else printed)
        keys.extend(k for k in (party.id, form_key(party.normalized or ""), form_key(party.name)) if k)
    return values, keys


def _years(earliest: dt.date | None, latest: dt.date | None) -> list[str]:
    if earliest is None or latest is None:
        return []
    return [str(y) for y in range(earliest.year, min(latest.year, earliest.year + 10) + 1)]


def index_document(item: EditionLetter, labels: Mapping[str, str]) -> IndexDocument:
    """The index's view of a letter (corrections already applied); ``labels`` names register ids."""
    letter = item.letter
    senders, sender_keys = _party_values(letter.senders, labels)
    recipients, recipient_keys = _party_values(letter.recipients, labels)
    mentioned_ids = list(dict.fromkeys(m.entry_id for m in letter.mentions))
    place, place_keys = _party_values((letter.place,) if letter.place else (), labels)
    date = letter.date
    earliest, latest = (date.earliest, date.latest) if date else (None, None)
    years = _years(earliest, latest)
    archives = [a.archive for a in letter.archival]
    fonds = [f"{a.archive} f. {a.fond}" for a in letter.archival if a.fond]
    values = {"sender": senders, "recipient": recipients, "correspondent": senders + recipients,
              "mentioned": [labels.get(i, i) for i in mentioned_ids], "place": place, "year": years,
              "archive": archives, "fond": fonds, "kind": [letter.kind], "language": [letter.language],
              "collection": [item.collection]}
    keys = {"sender": sender_keys, "recipient": recipient_keys, "correspondent": sender_keys + recipient_keys,
            "mentioned": mentioned_ids + [form_key(labels.get(i, "")) for i in mentioned_ids],
            "place": place_keys, "year": years, "archive": [form_key(a) for a in archives],
            "fond": [form_key(f) for f in fonds], "kind": [letter.kind.lower()],
            "language": [language_code(letter.language)], "collection": [item.collection]}
    return IndexDocument(id=item.id, label=_label(item, senders, recipients), text=letter.text,
                         notes="\n".join(n.text for n in letter.notes), names=" ".join(senders + recipients),
                         language=letter.language, values=values, keys=keys,
                         earliest=earliest.toordinal() if earliest else None,
                         latest=latest.toordinal() if latest else None)


def _label(item: EditionLetter, senders: list[str], recipients: list[str]) -> str:
    letter = item.letter
    number = f"No. {letter.number} " if letter.number else ""
    date = letter.date.as_printed if letter.date else "undated"
    return f"{number}{', '.join(senders) or '?'} → {', '.join(recipients) or '?'}, {date}"


class SearchIndex:
    """The tantivy index in ``directory``, created on first use."""

    def __init__(self, directory: Path) -> None:
        _bound_malloc_arenas()
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.schema = build_schema()
        self.analyzers = {stemming: analyzer(stemmers) for stemming, stemmers in STEMMERS.items()}
        try:
            self.index = tantivy.Index(self.schema, path=str(directory), reuse=True)
        except ValueError as exc:  # another version's schema, or damaged files
            raise IndexUnreadableError(f"the search index {directory} cannot be opened: {exc}") from exc
        for stemming, text_analyzer in self.analyzers.items():
            self.index.register_tokenizer(_tokenizer_name(stemming), text_analyzer)

    def replace(self, deleted: Iterable[str], documents: Iterable[IndexDocument]) -> None:
        """Delete ``deleted`` ids, add ``documents``, and commit, as one index commit."""
        writer = self.index.writer(WRITER_HEAP, 1)
        for letter_id in deleted:
            writer.delete_documents_by_term("id", letter_id)
        for document in documents:
            writer.add_document(self._document(document))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def clear(self) -> None:
        writer = self.index.writer(WRITER_HEAP, 1)
        writer.delete_all_documents()
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def _document(self, doc: IndexDocument) -> tantivy.Document:
        stemming = "ru" if doc.language.lower() in CYRILLIC_LANGUAGES else "en"
        fields: dict[str, Any] = {"id": doc.id, "label": doc.label, f"text_{stemming}": doc.text,
                                  f"notes_{stemming}": doc.notes, "names": doc.names}
        for name in FACETS:
            if doc.values.get(name):
                fields[name] = doc.values[name]
            if doc.keys.get(name):
                fields[f"{name}_key"] = [k for k in doc.keys[name] if k]
        if doc.earliest is not None and doc.latest is not None:
            fields.update(earliest=doc.earliest, latest=doc.latest, sort_date=doc.earliest)
        else:
            fields["sort_date"] = UNDATED
        return tantivy.Document(**fields)


def stored_text(doc: tantivy.Document) -> str:
    """The letter's text as ``SearchIndex`` stored it (in the text field of its language)."""
    stored = doc["text_en"] or doc["text_ru"]
    return str(stored[0]) if stored else ""


@cache
def _bound_malloc_arenas() -> None:
    """Cap glibc's malloc arenas (see ``MALLOC_ARENAS``); elsewhere nothing to do."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(AttributeError, OSError):  # a C library without mallopt (musl) differs anyway
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, MALLOC_ARENAS)
