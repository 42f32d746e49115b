"""The edition store: one object over the database and its search index.

Every public method is one library call the CLI and the web reader use as they are.
Writes run in a transaction each; reads apply the editors' corrections over the parsed
values, so whatever reads a letter sees the edition's text, never a stale parse.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, func, insert, select, text
from sqlalchemy.exc import OperationalError

from letterbook.errors import StoreError
from letterbook.link.forms import form_key, is_description
from letterbook.link.linker import build_matcher, link_letter
from letterbook.link.matcher import NameMatcher
from letterbook.link.registers import starter_register
from letterbook.model import Collection, EditionLetter, Letter, ParseResult, PartyKind, RegisterEntry, Span
from letterbook.search.index import IndexDocument, IndexUnreadableError, SearchIndex, index_document
from letterbook.search.search import Searcher, SearchRequest, SearchResult
from letterbook.settings import Settings
from letterbook.store import schema as t
from letterbook.store.codec import loads
from letterbook.store.corrections import apply_corrections, check_field, field_value
from letterbook.store.engine import make_engine
from letterbook.store.migrate import current_revision, head_revision, upgrade
from letterbook.store.prepared import run
from letterbook.store.relink import relink_batch
from letterbook.store.rows import entry_row, name_form_rows
from letterbook.store.write import SourceOutcome, write_source

INDEX_BATCH = 2000
LOG = logging.getLogger("letterbook.store")


@dataclass(frozen=True, slots=True)
class IndexBatch:
    """Letters taken from the outbox (up to ``last_seq``): their ids, and the documents of those that exist."""

    ids: list[str]
    documents: list[IndexDocument]
    last_seq: int


@dataclass(frozen=True, slots=True)
class CollectionInfo:
    slug: str
    title: str | None
    letters: int


@dataclass(frozen=True, slots=True)
class Correction:
    letter_id: str
    field: str
    value: str
    source_value: str
    by: str
    why: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class CrossLink:
    """A note's reference to another document, resolved to a letter id or dangling."""

    letter_id: str
    note: str
    document: str
    target_note: str | None
    target_letter_id: str | None  # None while no letter of the collection has that number


@dataclass(frozen=True, slots=True)
class StoredFinding:
    letter_id: str | None
    source_path: str | None
    origin: str
    severity: str
    field: str
    message: str
    span: Span  # where in the source text (the whole source for a finding about the file)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name printed for a correspondent or a place that no register entry matched: the register's to-do list."""

    name: str
    letters: int  # how many letters name it (as sender or recipient, or as a place of writing or receipt)
    refs: tuple[str, ...] = ()  # the authority URIs the sources give it (a name given two sets is two candidates)


class Store:
    """The edition in one database (SQLite file or PostgreSQL) and one search index directory."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)
        self._index: SearchIndex | None = None

    def close(self) -> None:
        self.engine.dispose()

    # -- schema -------------------------------------------------------------------------------
    def upgrade(self) -> None:
        with self._reaching():
            upgrade(self.engine)

    def check_schema(self) -> None:
        """Refuse to work on a database that is missing or behind the migrations (``letterbook db upgrade``).

        A missing SQLite file is named as missing, and not created by looking at it.
        """
        database = self.engine.url.database
        if self.engine.url.get_backend_name() == "sqlite" and database and database != ":memory:" \
                and not Path(database).exists():
            raise StoreError(f"there is no edition at {database}: run `letterbook ingest` or `letterbook db upgrade`")
        with self._reaching():
            behind = current_revision(self.engine) != head_revision(self.engine)
        if behind:
            raise StoreError(f"the database {self.settings.database_url} is not at the current schema: "
                             "run `letterbook db upgrade`")

    @contextmanager
    def _reaching(self) -> Iterator[None]:
        """A database that cannot be reached (no server, no such database, access refused) as one
        StoreError naming it (password hidden) and the driver's reason, not a traceback."""
        try:
            yield
        except OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            url = self.engine.url.render_as_string(hide_password=True)
            raise StoreError(f"cannot reach the database {url}: {reason}") from exc

    # -- registers ------------------------------------------------------------------------------
    def import_register(self, entries: Iterable[RegisterEntry]) -> int:
        """Add or replace entries (with all their name forms); returns how many."""
        count = 0
        with self.engine.begin() as conn:
            for entry in entries:
                conn.execute(delete(t.name_forms).where(t.name_forms.c.entry_id == entry.id))
                conn.execute(delete(t.register_entries).where(t.register_entries.c.id == entry.id))
                conn.execute(insert(t.register_entries).values(**entry_row(entry)))
                forms = list(name_form_rows(entry))
                if forms:
                    conn.execute(insert(t.name_forms), forms)
                count += 1
        self.__dict__.pop("matcher", None)
        self.__dict__.pop("labels", None)
        return count

    def relink(self) -> int:
        """Link every stored letter to the registers as they are now; returns how many letters changed."""
        after, changed = "", 0
        while True:
            with self.engine.begin() as conn:
                after, count = relink_batch(conn, after, self.matcher, self.labels)
            changed += count
            if not after:
                return changed

    def ensure_register(self) -> None:
        """An empty register gets the starter register, so a first ingest links the usual people."""
        with self.engine.connect() as conn:
            empty = conn.execute(select(func.count()).select_from(t.register_entries)).scalar_one() == 0
        if empty:
            self.import_register(starter_register())

    def register_entries(self, kind: PartyKind | str | None = None) -> list[RegisterEntry]:
        query = select(t.register_entries).order_by(t.register_entries.c.id)
        if kind:
            query = query.where(t.register_entries.c.kind == str(kind))
        with self.engine.connect() as conn:
            entries = conn.execute(query).all()
            forms = self._forms(conn, [e.id for e in entries])
        return [_entry(row, forms.get(row.id, [])) for row in entries]

    def entry(self, entry_id: str) -> RegisterEntry:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.register_entries).where(t.register_entries.c.id == entry_id)).first()
            if row is None:
                raise StoreError(f"no register entry {entry_id!r}")
            return _entry(row, self._forms(conn, [entry_id]).get(entry_id, []))

    @staticmethod
    def _forms(conn: Any, ids: list[str]) -> dict[str, list[str]]:
        forms: dict[str, list[str]] = {}
        query = select(t.name_forms.c.entry_id, t.name_forms.c.form).order_by(t.name_forms.c.id)
        if len(ids) < 500:
            query = query.where(t.name_forms.c.entry_id.in_(ids))
        for row in conn.execute(query):
            forms.setdefault(row.entry_id, []).append(row.form)
        return forms

    @cached_property
    def matcher(self) -> NameMatcher:
        return build_matcher(self.register_entries())

    @cached_property
    def labels(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.id: r.preferred_name for r in conn.execute(
                select(t.register_entries.c.id, t.register_entries.c.preferred_name))}

    def resolve_entry(self, name: str) -> str:
        """A register id for ``name`` ("Stalin", "person/stalin-i-v", "Wien"), else the folded name."""
        if name in self.labels:
            return name
        return self.matcher.lookup(name) or form_key(name)

    def name_readings(self, names: Iterable[str]) -> list[tuple[str, str | None]]:
        """How a search reads each name it filters on: (name, register id), or (name, None) when
        no entry has that name and the letters are matched on the name as printed."""
        keys = {name: self.resolve_entry(name) for name in names}
        return [(name, key if key in self.labels else None) for name, key in keys.items()]

    def candidates(self, kind: PartyKind = PartyKind.PERSON) -> list[Candidate]:
        """Names of ``kind`` that no register entry matched, most frequent first: persons and
        organisations among the correspondents, places where letters were written or received.
        Descriptions of unnamed people ("einen Amtsbruder") are left out: see ``descriptions``."""
        return self.unmatched(kind)[0]

    def descriptions(self, kind: PartyKind = PartyKind.PERSON) -> list[Candidate]:
        """Correspondents described, not named ("einen Amtsbruder", "a friend"), without an
        authority ID: no register entry can stand for everyone one description covers."""
        return self.unmatched(kind)[1]

    def unmatched(self, kind: PartyKind = PartyKind.PERSON) -> tuple[list[Candidate], list[Candidate]]:
        """The names of ``kind`` no entry matched, in one query: (candidates, descriptions)."""
        found = self._unmatched(kind)
        return ([c for c in found if not is_description(c.name, c.refs)],
                [c for c in found if is_description(c.name, c.refs)])

    def _unmatched(self, kind: PartyKind) -> list[Candidate]:
        count = func.count().label("n")
        query = (select(t.parties.c.name, t.parties.c.refs, count)
                 .where(t.parties.c.entry_id.is_(None), t.parties.c.kind == str(kind))
                 .group_by(t.parties.c.name, t.parties.c.refs).order_by(count.desc(), t.parties.c.name))
        with self.engine.connect() as conn:
            return [Candidate(r.name, r.n, tuple((r.refs or "").split())) for r in conn.execute(query)
                    if r.name.strip()]  # a place given only as an ID has no name to enter

    # -- ingest -----------------------------------------------------------------------------------
    def link(self, result: ParseResult) -> ParseResult:
        """``result`` with its letters linked to the registers."""
        linked = tuple(link_letter(letter, self.matcher, self.labels) for letter in result.letters)
        return dataclasses.replace(result, letters=linked)

    def store_result(self, result: ParseResult, raw: bytes, collection: str) -> SourceOutcome:
        """Link ``result``'s letters to the registers and store them, in one transaction."""
        with self.writer() as writer:
            return writer.store(result, raw, collection)

    @contextmanager
    def writer(self, commit_every: float = 0.25) -> Iterator[SourceWriter]:
        """A writer for many sources: each source is atomic (a savepoint), commits come every ``commit_every`` s.

        Committing once per source costs more than storing it; grouping commits keeps every
        source all-or-nothing (a failed source rolls back to its savepoint alone), and a
        crash loses at most the sources since the last commit, which a rerun stores again.
        """
        with self.engine.connect() as conn:
            writer = SourceWriter(self, conn, commit_every)
            try:
                yield writer
            finally:
                writer.commit()

    # -- letters --------------------------------------------------------------------------------
    def get_letter(self, letter_id: str) -> EditionLetter:
        letters = list(self._edition_letters(select(t.letters).where(t.letters.c.id == letter_id)))
        if not letters:
            raise StoreError(f"no letter {letter_id!r}")
        return letters[0]

    def letters(self, collection: str | None = None, limit: int | None = None,
                offset: int = 0) -> Iterator[EditionLetter]:
        """Letters in collection order (by collection, then position)."""
        query = select(t.letters).order_by(t.letters.c.collection, t.letters.c.position).offset(offset)
        if collection:
            query = query.where(t.letters.c.collection == collection)
        if limit is not None:
            query = query.limit(limit)
        return self._edition_letters(query)

    def letters_of(self, entry_id: str, role: str | None = None) -> list[EditionLetter]:
        """Letters where the entry is a party ("sender", "recipient", "place" of writing, "place_received")
        or, with role "mentioned", named in the text."""
        if role == "mentioned":
            ids = select(t.mentions.c.letter_id).where(t.mentions.c.entry_id == entry_id)
        else:
            ids = select(t.parties.c.letter_id).where(t.parties.c.entry_id == entry_id)
            if role:
                ids = ids.where(t.parties.c.role == role)
        query = select(t.letters).where(t.letters.c.id.in_(ids)).order_by(t.letters.c.collection, t.letters.c.position)
        return list(self._edition_letters(query))

    def collections(self) -> list[CollectionInfo]:
        count = select(func.count()).where(t.letters.c.collection == t.collections.c.slug).scalar_subquery()
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.collections.c.slug, t.collections.c.title, count.label("n"))
                                .order_by(t.collections.c.slug))
            return [CollectionInfo(r.slug, r.title, r.n) for r in rows]

    def collection_records(self) -> dict[str, Collection]:
        """Every collection as stored: title, compilers, year and language, by slug."""
        c = t.collections.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.slug, c.title, c.compilers, c.year, c.language))
            return {r.slug: Collection(title=r.title, slug=r.slug, compilers=tuple(json.loads(r.compilers or "[]")),
                                       year=r.year, language=r.language) for r in rows}

    def _edition_letters(self, query: Any, batch: int = 500) -> Iterator[EditionLetter]:
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch).execute(
                query.add_columns(t.sources.c.path).join(t.sources, t.sources.c.id == t.letters.c.source_id))
            for rows in result.partitions():
                fixes = self._corrections_of(conn, [r.id for r in rows])
                for row in rows:
                    letter = apply_corrections(loads(Letter, row.data), fixes.get(row.id, []))
                    yield EditionLetter(id=row.id, collection=row.collection, position=row.position,
                                        letter=letter, source_path=row.path)

    @staticmethod
    def _corrections_of(conn: Any, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        rows = conn.execute(select(t.corrections.c.letter_id, t.corrections.c.field, t.corrections.c.value)
                            .where(t.corrections.c.letter_id.in_(ids)).order_by(t.corrections.c.id))
        for row in rows:
            out.setdefault(row.letter_id, []).append((row.field, row.value))
        return out

    # -- corrections -------------------------------------------------------------------------------
    def correct(self, letter_id: str, field: str, value: str, by: str, why: str) -> Correction:
        """Record an editor's correction of one value; it applies over every later re-ingest."""
        check_field(field, value)
        if not by.strip() or not why.strip():
            raise StoreError("a correction needs who made it (--by) and why (--why)")
        with self.engine.begin() as conn:
            row = conn.execute(select(t.letters.c.data).where(t.letters.c.id == letter_id)).first()
            if row is None:
                raise StoreError(f"no letter {letter_id!r}")
            correction = Correction(letter_id, field, value, field_value(loads(Letter, row.data), field),
                                    by, why, dt.datetime.now(dt.UTC))
            conn.execute(insert(t.corrections).values(
                letter_id=letter_id, field=field, value=value, source_value=correction.source_value,
                by=by, why=why, at=correction.at))
            conn.execute(insert(t.index_outbox).values(letter_id=letter_id))
        return correction

    def corrections(self, letter_id: str | None = None) -> list[Correction]:
        query = select(t.corrections).order_by(t.corrections.c.id)
        if letter_id:
            query = query.where(t.corrections.c.letter_id == letter_id)
        with self.engine.connect() as conn:
            return [Correction(r.letter_id, r.field, r.value, r.source_value, r.by, r.why, r.at)
                    for r in conn.execute(query)]

    # -- findings and cross-references ------------------------------------------------------------------
    def findings(self, letter_id: str | None = None, origin: str | None = None) -> list[StoredFinding]:
        query = (select(t.findings, t.sources.c.path).outerjoin(t.sources, t.sources.c.id == t.findings.c.source_id)
                 .order_by(t.findings.c.id))
        if letter_id:
            query = query.where(t.findings.c.letter_id == letter_id)
        if origin:
            query = query.where(t.findings.c.origin == origin)
        with self.engine.connect() as conn:
            return [StoredFinding(r.letter_id, r.path, r.origin, r.severity, r.field, r.message,
                                  (r.span_start, r.span_end))
                    for r in conn.execute(query)]

    def cross_links(self, dangling_only: bool = False, letter_id: str | None = None) -> list[CrossLink]:
        """Notes' references to other documents (of one letter's notes, with ``letter_id``); a link
        dangles while its target letter is missing."""
        target = t.letters.alias("target")
        query = (select(t.note_links, target.c.id.label("found"))
                 .outerjoin(target, target.c.id == t.note_links.c.target_letter_id)
                 .order_by(t.note_links.c.letter_id, t.note_links.c.id))
        if dangling_only:
            query = query.where(target.c.id.is_(None))
        if letter_id:
            query = query.where(t.note_links.c.letter_id == letter_id)
        with self.engine.connect() as conn:
            return [CrossLink(r.letter_id, r.note_number, r.document, r.target_note, r.found)
                    for r in conn.execute(query)]

    # -- search index --------------------------------------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        """The search index, opened on first use (see ``_open_index``)."""
        if self._index is None:
            self._index = self._open_index()
        return self._index

    def _open_index(self) -> SearchIndex:
        """One that cannot be opened (another version's schema, damaged files) is moved aside and rebuilt."""
        directory = Path(self.settings.search_index_dir)
        try:
            return SearchIndex(directory)
        except IndexUnreadableError as exc:
            aside = directory.with_name(directory.name + ".unreadable")
            shutil.rmtree(aside, ignore_errors=True)
            directory.rename(aside)
            LOG.warning("%s; rebuilding it from the database (the old one is kept as %s)", exc, aside)
        self._index = SearchIndex(directory)  # the empty index that rebuild_index fills
        self.rebuild_index()
        return self._index

    def sync_index(self, fresh: dict[str, EditionLetter] | None = None) -> int:
        """Bring the search index up to date with every letter queued in the outbox; returns how many.

        ``fresh`` holds letters just committed by a ``SourceWriter``, so they need not be read
        back and decoded; whatever is not there (or no longer exists) comes from the database.
        """
        done = 0
        while (batch := self.next_index_batch(fresh)) is not None:
            self.index.replace(batch.ids, batch.documents)
            done += self.index_batch_done(batch)
        if fresh is not None:
            fresh.clear()
        return done

    def next_index_batch(self, fresh: dict[str, EditionLetter] | None = None) -> IndexBatch | None:
        """The oldest letters of the outbox with what the index should hold of them (None: all done)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.index_outbox).order_by(t.index_outbox.c.seq).limit(INDEX_BATCH)).all()
        if not rows:
            return None
        ids = list(dict.fromkeys(r.letter_id for r in rows))
        letters = self._letters_for_index(ids, fresh or {})
        if fresh is not None:
            for letter_id in ids:
                fresh.pop(letter_id, None)
        return IndexBatch(ids, [index_document(item, self.labels) for item in letters], rows[-1].seq)

    def index_batch_done(self, batch: IndexBatch) -> int:
        """Take ``batch`` out of the outbox; only once the index has committed it, so a crash re-does it."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.index_outbox).where(t.index_outbox.c.seq <= batch.last_seq))
        return len(batch.ids)

    def _letters_for_index(self, ids: list[str], fresh: dict[str, EditionLetter]) -> list[EditionLetter]:
        cached = [i for i in ids if i in fresh]
        with self.engine.connect() as conn:
            existing = {r.id for r in conn.execute(select(t.letters.c.id).where(t.letters.c.id.in_(cached)))}
            fixes = self._corrections_of(conn, cached)
        letters = [dataclasses.replace(fresh[i], letter=apply_corrections(fresh[i].letter, fixes.get(i, [])))
                   for i in cached if i in existing]
        others = [i for i in ids if i not in fresh]
        if others:
            letters += self._edition_letters(select(t.letters).where(t.letters.c.id.in_(others)))
        return letters

    def rebuild_index(self) -> int:
        """Drop the index and queue every letter again."""
        self.index.clear()
        with self.engine.begin() as conn:
            conn.execute(delete(t.index_outbox))
            conn.execute(insert(t.index_outbox).from_select(["letter_id"], select(t.letters.c.id)))
        return self.sync_index()

    def search(self, request: SearchRequest) -> SearchResult:
        """Full-text search with filters and facets (see ``letterbook.search.search``)."""
        return Searcher(self.index, self.resolve_entry).search(request)


class SourceWriter:
    """Stores linked sources through one connection; see ``Store.writer``."""

    def __init__(self, store: Store, conn: Connection, commit_every: float) -> None:
        self.edition, self.conn, self.commit_every = store, conn, commit_every
        self.fresh: dict[str, EditionLetter] = {}  # written since the last index sync, for Store.sync_index
        self.last_commit = time.monotonic()

    def store(self, result: ParseResult, raw: bytes, collection: str) -> SourceOutcome:
        linked = self.edition.link(result)
        if not self.conn.in_transaction():
            self.conn.begin()
        with _savepoint(self.conn):
            outcome = write_source(self.conn, linked, raw, collection)
        for letter_id, letter in zip(outcome.ids, linked.letters, strict=False):
            self.fresh[letter_id] = EditionLetter(letter_id, collection, 0, letter, result.source.path)
        if time.monotonic() - self.last_commit >= self.commit_every:
            self.commit()
        return outcome

    def commit(self) -> None:
        if self.conn.in_transaction():
            self.conn.commit()
        self.last_commit = time.monotonic()


@contextmanager
def _savepoint(conn: Connection) -> Iterator[None]:
    """What runs inside is undone alone if it fails, and the transaction goes on.

    ``Connection.begin_nested`` does the same with bookkeeping that costs as much as storing
    a small source; the statements themselves are the same on SQLite and PostgreSQL.
    """
    run(conn, _SAVEPOINT)
    try:
        yield
    except BaseException:
        run(conn, _ROLLBACK_TO_SAVEPOINT)
        run(conn, _RELEASE_SAVEPOINT)
        raise
    run(conn, _RELEASE_SAVEPOINT)


_SAVEPOINT = text("SAVEPOINT letterbook_source")
_ROLLBACK_TO_SAVEPOINT = text("ROLLBACK TO SAVEPOINT letterbook_source")
_RELEASE_SAVEPOINT = text("RELEASE SAVEPOINT letterbook_source")


def _entry(row: Row[Any], forms: list[str]) -> RegisterEntry:
    return RegisterEntry(id=row.id, kind=PartyKind(row.kind), preferred_name=row.preferred_name,
                         forms=tuple(f for f in forms if f != row.preferred_name),
                         authority=json.loads(row.authority), birth=row.birth, death=row.death, note=row.note)
