"""Benchmarks of the edition store: ingest rate and search latency on a synthetic collection.

    python bench/store_bench.py ingest --letters 10000            # letters/s into SQLite, peak memory
    python bench/store_bench.py ingest --letters 10000 --one-core # the same with every thread on one CPU
    python bench/store_bench.py search --letters 100000           # p50/p95 of search: top 20, snippets, facets
    python bench/store_bench.py fts5 --letters 100000             # the same searches on SQLite FTS5, for comparison
    python bench/store_bench.py index-cost --letters 10000        # CPU the search index spends on a letter
    python bench/store_bench.py ingest-dir DIR --db URL           # ingest a folder with the synthetic reader

The collection comes from ``bench/synthetic.py`` (deterministic: same --seed, same pages).
Each run prints its command and figures; the README quotes them.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import pages, parse_page, source_of

from letterbook.model import EditionLetter
from letterbook.search import SearchRequest
from letterbook.search.index import index_document
from letterbook.settings import Settings
from letterbook.store import Store, ingest
from letterbook.store.ingest import INDEX_EVERY, source_files

QUERIES = [SearchRequest(query="letter"), SearchRequest(query="the"),  # "the": in every English letter, the worst case
           SearchRequest(query="письмо", filters={"language": "ru"}),
           SearchRequest(query='"grain plan"'), SearchRequest(query="plan AND commission"),
           SearchRequest(query="polit*"), SearchRequest(query="urgent", filters={"sender": "Stalin"}),
           SearchRequest(between=("Stalin", "Kaganovich"), date_from="1925", date_to="1930"),
           SearchRequest(query="railway NOT army", date_from="1922", date_to="1924")]


def write_pages(folder: Path, letters: int, seed: int) -> int:
    """Pages holding about ``letters`` letters (3 per page on average); returns the page count."""
    count = max(1, letters // 3)
    for name, text in pages(count, seed=seed):
        (folder / name).write_text(text, encoding="utf-8")
    return count


def resident() -> str:
    """Anonymous (heap) and file-backed (memory-mapped index and database) resident memory, from /proc."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return ", ".join(f"{key} {int(status[key].split()[0]) // 1024} MiB" for key in ("RssAnon", "RssFile")
                     if key in status)


def memory_every(step: int) -> Callable[[Path, object], None]:
    """An ``on_source`` callback printing, after every ``step`` letters, resident memory (flat or
    growing?) and the rate of those letters (does it fall as the collection grows?)."""
    done, reported, since = 0, 0, time.perf_counter()

    def report(_path: Path, outcome: object) -> None:
        nonlocal done, reported, since
        done += getattr(outcome, "letters", 0)
        if done - reported >= step:
            now = time.perf_counter()
            print(f"  after {done:>7,} letters: {resident()}, the last {done - reported:,} at "
                  f"{(done - reported) / (now - since):,.0f} letters/s", flush=True)
            reported, since = done, now
    return report


def open_store(url: str, index: Path) -> Store:
    store = Store(Settings(database_url=url, index_dir=str(index)))
    store.upgrade()
    return store


def bench_ingest(letters: int, seed: int, workdir: Path, *, real_parser: bool) -> Store:
    pages_dir = workdir / "pages"
    pages_dir.mkdir(exist_ok=True)
    write_pages(pages_dir, letters, seed)
    store = open_store(f"sqlite:///{workdir / 'bench.db'}", workdir / "index")
    started, cpu = time.perf_counter(), time.process_time()
    # The real pipeline (read with reading findings, letterbook's parser) by default; the
    # synthetic format's own reader shows what the store and index cost without parsing.
    summary = ingest(store, source_files([pages_dir]), collection="bench", parse=None if real_parser else parse_page,
                     on_source=memory_every(letters // 5))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parser = "letterbook's parser" if real_parser else "the synthetic format's own reader"
    print(f"ingest with {parser}: {summary.letters} letters from {summary.sources} pages "
          f"(read + parse + link + store + index, "
          f"SQLite, {len(os.sched_getaffinity(0))} CPU(s)): {summary.letters / seconds:,.0f} letters/s wall "
          f"({seconds:.1f} s), "
          f"{summary.letters / cpu:,.0f} letters per CPU-second; peak RSS {peak:.0f} MiB; now {resident()}")
    return store


def linked_letters(store: Store, letters: int, seed: int) -> Iterator[EditionLetter]:
    """About ``letters`` synthetic letters, linked to the store's register, as the index receives them."""
    for name, text in pages(max(1, letters // 3), seed=seed):
        result = store.link(parse_page(source_of(name, text)))
        yield from (EditionLetter(f"bench/{x.number}", "bench", int(x.number or 0), x) for x in result.letters)


def index_directly(letters: int, seed: int, workdir: Path) -> Store:
    """A store whose index holds ``letters`` synthetic letters, built without the database (faster to set up)."""
    store = open_store(f"sqlite:///{workdir / 'search.db'}", workdir / "index")
    store.ensure_register()
    started, batch, done = time.perf_counter(), [], 0
    for item in linked_letters(store, letters, seed):
        batch.append(item)
        if len(batch) >= 20_000:
            store.index.replace([], (index_document(item, store.labels) for item in batch))
            done, batch = done + len(batch), []
    store.index.replace([], (index_document(item, store.labels) for item in batch))
    print(f"indexed {done + len(batch)} letters directly in {time.perf_counter() - started:.0f} s")
    return store


def bench_index_cost(letters: int, seed: int, workdir: Path) -> None:
    """CPU time that tantivy spends on each letter in an ingest's batches (every thread counted;
    the documents are built before the clock starts): the part of an ingest no parser speed removes."""
    store = open_store(f"sqlite:///{workdir / 'cost.db'}", workdir / "index")
    store.ensure_register()
    documents = [index_document(item, store.labels) for item in linked_letters(store, letters, seed)]
    cpu = time.process_time()
    for start in range(0, len(documents), INDEX_EVERY):
        store.index.replace([], documents[start:start + INDEX_EVERY])
    cpu = time.process_time() - cpu
    print(f"index {len(documents)} letters in batches of {INDEX_EVERY:,}: {cpu * 1000 / len(documents):.3f} ms of CPU "
          f"a letter ({len(documents) / cpu:,.0f} letters per CPU-second)")
    store.close()


def bench_fts5(letters: int, seed: int, workdir: Path, repeat: int) -> None:
    """The alternative measured before choosing tantivy: SQLite FTS5 (porter stemmer), bm25 top 20 with snippets."""
    import sqlite3

    db = sqlite3.connect(workdir / "fts.db")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61')")
    for name, text in pages(max(1, letters // 3), seed=seed):
        db.executemany("INSERT INTO t(text) VALUES (?)", [(x.text,) for x in parse_page(source_of(name, text)).letters])
    db.commit()
    for word in ("letter", "urgent", '"grain plan"'):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            db.execute("SELECT rowid, snippet(t, 0, '<mark>', '</mark>', '…', 20) FROM t WHERE t MATCH ? "
                       "ORDER BY bm25(t) LIMIT 20", (word,)).fetchall()
            db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (word,)).fetchone()
            times.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"fts5 {word:14} p50 {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms")


def bench_search(store: Store, repeat: int) -> None:
    store.search(QUERIES[0])  # warm the index
    for request in QUERIES:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = store.search(request)
            times.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"search {request.query or request.between!s:28} hits {result.total:>7}  "
              f"p50 {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["ingest", "search", "fts5", "ingest-dir", "index-cost"])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--db", default=None)
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--synthetic-reader", action="store_true",
                        help="ingest: parse with the synthetic format's own reader instead of letterbook's parser")
    parser.add_argument("--one-core", action="store_true",
                        help="run the process and every thread it starts (tantivy's too) on one CPU")
    args = parser.parse_args()
    if args.one_core:  # before any thread starts: threads inherit the affinity
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print("$ python bench/store_bench.py " + " ".join(sys.argv[1:]))
    if args.mode == "ingest-dir":  # used by the crash test: a plain ingest with the synthetic reader
        store = open_store(args.db, args.index)
        summary = ingest(store, source_files([args.folder]), collection="bench", parse=parse_page)
        print("\n".join(summary.lines()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if args.mode == "fts5":
            bench_fts5(args.letters, args.seed, Path(tmp), args.repeat)
            return
        if args.mode == "index-cost":
            bench_index_cost(args.letters, args.seed, Path(tmp))
            return
        if args.mode == "search":
            store = index_directly(args.letters, args.seed, Path(tmp))
            bench_search(store, args.repeat)
        else:
            store = bench_ingest(args.letters, args.seed, Path(tmp), real_parser=not args.synthetic_reader)
        store.close()


if __name__ == "__main__":
    main()
