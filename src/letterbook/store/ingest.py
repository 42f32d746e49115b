"""The ingest pipeline: files and folders → read → parse → link → store, each source atomic.

The parse function is a parameter (default ``letterbook.parse.parse_source``) so that tests
and benchmarks can feed realistic letters through the real store. A file that cannot be read
or parsed is reported and skipped; nothing stored before is touched. Each source is written
in its own savepoint, and commits are grouped (see ``Store.writer``): a run killed at any
moment leaves every source either fully stored or not at all, and the search index is
brought up to date from the database's outbox (``Store.sync_index``), so running the same
command again completes the work.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from letterbook.errors import LetterbookError
from letterbook.model import EditionLetter, ParseResult, Source
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.read import read_source
from letterbook.read.detect import read_letters_file
from letterbook.read.files import read_file_bytes
from letterbook.store.identity import slugify
from letterbook.store.store import IndexBatch, SourceWriter, Store
from letterbook.store.write import Outcome, SourceOutcome

SUFFIXES = {".txt", ".text", ".html", ".htm", ".xml"}  # pages, TEI letters, CMIF files
INDEX_EVERY = 2000  # letters between index commits: fewer, larger commits are faster; bounds memory

ParseFunction = Callable[[Source], ParseResult]
Reader = Callable[[Path], Source]


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    sources: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    letters: int = 0
    findings: int = 0
    indexed: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    without_letters: list[str] = field(default_factory=list)  # stored, but no letter found in them

    def add(self, outcome: SourceOutcome) -> None:
        self.sources += 1
        self.letters += outcome.letters
        self.findings += outcome.findings
        if outcome.outcome is not Outcome.UNCHANGED and not outcome.letters:
            self.without_letters.append(outcome.path)
        if outcome.outcome is Outcome.NEW:
            self.new += 1
        elif outcome.outcome is Outcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1

    @property
    def ok(self) -> bool:
        return not self.failures

    def lines(self) -> list[str]:
        rate = self.letters / self.seconds if self.seconds else 0.0
        out = [f"sources: {self.sources} ({self.new} new, {self.updated} updated, {self.unchanged} unchanged)",
               f"letters: {self.letters} stored ({rate:,.0f}/s), {self.indexed} indexed",
               f"findings: {self.findings}",
               f"failures: {len(self.failures)}"]
        out += [f"  {f.path}: {f.reason}" for f in self.failures]
        if self.without_letters:  # a licence or a contents page, or a page the parser could not read
            out.append(f"stored without letters (no document found): {len(self.without_letters)}")
            out += [f"  {path}" for path in self.without_letters]
        return out


def source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and every text/HTML/XML file under the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def collection_slug(explicit: str | None, result: ParseResult, path: Path) -> str:
    """``--collection``, else the collection the source names (its slug, else its title), else
    the folder it lies in; always as a slug ("Philipp Jakob Spener: Briefwechsel" →
    "philipp-jakob-spener-briefwechsel")."""
    if explicit:
        return slugify(explicit) or explicit
    named = result.collection.slug or result.collection.title or ""
    return slugify(named) or slugify(path.parent.name) or "default"


def ingest(store: Store, paths: Iterable[Path], collection: str | None = None, *,
           parse: ParseFunction | None = None, read: Reader = read_source,
           conventions: Conventions = DEFAULT,
           on_source: Callable[[Path, SourceOutcome | Failure], None] | None = None) -> IngestSummary:
    """Ingest every source under ``paths``; see the module docstring."""
    summary = IngestSummary()
    started = time.perf_counter()
    store.ensure_register()
    since_index = 0
    with _older_objects_frozen(), store.writer() as writer, _IndexInBackground(store) as indexing:
        for path in paths:
            outcome = _ingest_one(writer, path, collection, _loader(parse, read, conventions))
            if isinstance(outcome, Failure):
                summary.failures.append(outcome)
            else:
                summary.add(outcome)
                since_index += outcome.letters
            if on_source:
                on_source(path, outcome)
            if since_index >= INDEX_EVERY:
                writer.commit()  # the index follows committed letters only
                summary.indexed += indexing.start(writer.fresh)
                since_index = 0
    summary.indexed += indexing.wait() + store.sync_index(writer.fresh)
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """Python's cycle collector leaves alone, for the run, the objects that were alive before it.

    A full collection looks at every object it tracks: the modules, the register and the
    parser's data are about 200,000, alive for the whole run, and the collections that an
    ingest's own allocations set off spent 6% of its time looking at them again and again
    (``gc.freeze`` took that to 2%). They are given back to the collector when the run ends.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _IndexInBackground:
    """Indexes one outbox batch in a thread while the next sources are read and stored.

    tantivy indexes a batch while its commit blocks, with the GIL released: about a fifth of
    an ingest's time when the parser had to wait for it. A batch leaves the outbox only
    after its index commit (``wait``), so a crash at any moment still re-does it.
    """

    def __init__(self, store: Store) -> None:
        self.store, self.index = store, store.index  # opened (or rebuilt) here, before any thread starts
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="letterbook-index")
        self.running: tuple[IndexBatch, Future[None]] | None = None

    def __enter__(self) -> _IndexInBackground:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True)  # an interrupted run leaves the batch in the outbox for the next

    def start(self, fresh: dict[str, EditionLetter]) -> int:
        """Wait for the batch indexing now (returns its size), then start on the next one."""
        done = self.wait()
        batch = self.store.next_index_batch(fresh)
        if batch is not None:
            self.running = (batch, self.pool.submit(self.index.replace, batch.ids, batch.documents))
        return done

    def wait(self) -> int:
        if self.running is None:
            return 0
        batch, indexing = self.running
        self.running = None
        indexing.result()
        return self.store.index_batch_done(batch)


def _loader(parse: ParseFunction | None, read: Reader,
            conventions: Conventions) -> Callable[[Path, bytes], ParseResult]:
    """(path, its bytes) → letters: by default whatever the file holds (page, TEI letter, CMIF
    file), read from the bytes that are stored; a given ``parse`` reads pages only (tests and
    benchmarks pass their own)."""
    if parse is None:
        return lambda path, raw: read_letters_file(path, conventions, raw=raw)
    return lambda path, _raw: parse(read(path))


def _ingest_one(writer: SourceWriter, path: Path, collection: str | None,
                load: Callable[[Path, bytes], ParseResult]) -> SourceOutcome | Failure:
    try:
        raw = read_file_bytes(path)  # read once: the letters come from the very bytes stored
        result = load(path, raw)
    except (LetterbookError, OSError) as exc:
        return Failure(str(path), getattr(exc, "reason", None) or str(exc))
    except Exception as exc:  # a parser bug must not stop the run: report the file and go on
        return Failure(str(path), f"cannot be parsed: {type(exc).__name__}: {exc}")
    try:
        return writer.store(result, raw, collection_slug(collection, result, path))
    except (LetterbookError, SQLAlchemyError) as exc:  # this source rolled back to its savepoint alone
        return Failure(str(path), str(exc))
