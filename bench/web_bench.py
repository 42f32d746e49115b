"""The web reader under load, side by side with Datasette over the same letters.

    python bench/web_bench.py --letters 100000 --seconds 60 --clients 8 [--workdir DIR] [--no-datasette]

1. Builds (once, kept in --workdir) a store of synthetic seed-style letters (bench/synthetic.py)
   and a plain SQLite copy of its letters table with an FTS5 index for Datasette.
2. Starts ``letterbook serve`` and ``datasette serve`` as separate processes on free ports.
3. For each: p50/p95 of one letter's page and of a search page (sequential requests), then
   N concurrent clients for a bounded time mixing letter, search, browse and home pages;
   prints requests/s and the number of errors (any status other than 200, any exception).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import EN_WORDS, RU_WORDS, pages, parse_page, source_of  # noqa: E402

from letterbook.settings import Settings  # noqa: E402
from letterbook.store.store import Store  # noqa: E402
from web.server import free_port  # noqa: E402

LETTERS_PER_PAGE = 3  # the synthetic pages hold 1-5 letters, 3 on average
Url = Callable[[random.Random], str]


def build_store(workdir: Path, letters: int) -> Settings:
    settings = Settings(database_url=f"sqlite:///{workdir / 'edition.db'}", index_dir=str(workdir / "index"))
    marker = workdir / f"built-{letters}"
    if marker.exists():
        return settings
    store = Store(settings)
    store.upgrade()
    store.ensure_register()
    stored, started = 0, time.perf_counter()
    with store.writer() as writer:
        for name, text in pages(max(1, letters // LETTERS_PER_PAGE), seed=1):
            result = parse_page(source_of(name, text))
            writer.store(result, text.encode("utf-8"), "synthetic")
            stored += len(result.letters)
            if stored % 10000 < len(result.letters):
                print(f"  stored {stored} letters ({time.perf_counter() - started:.0f} s)", flush=True)
    store.sync_index()
    store.close()
    marker.write_text(str(stored))
    return settings


def build_datasette_db(workdir: Path, settings: Settings) -> Path:
    """The letters table as people would publish it: one row per letter, FTS5 on the text."""
    path = workdir / "letters.db"
    if path.exists():
        return path
    source = sqlite3.connect(settings.database_url.split(":///", 1)[1])
    target = sqlite3.connect(path)
    target.execute("CREATE TABLE letters (rowid INTEGER PRIMARY KEY, id TEXT, number TEXT, kind TEXT, "
                   "date TEXT, senders TEXT, recipients TEXT, text TEXT)")
    for row in source.execute("SELECT id, number, kind, date_edtf, data FROM letters ORDER BY collection, position"):
        data = json.loads(row[4])
        names = [", ".join(p.get("normalized") or p["name"] for p in data.get(role, [])) for role in
                 ("senders", "recipients")]
        target.execute("INSERT INTO letters (id, number, kind, date, senders, recipients, text) VALUES (?,?,?,?,?,?,?)",
                       (row[0], row[1], row[2], row[3], names[0], names[1], data["text"]))
    target.execute("CREATE VIRTUAL TABLE letters_fts USING fts5(text, senders, recipients, content='letters', "
                   "content_rowid='rowid')")
    target.execute("INSERT INTO letters_fts (letters_fts) VALUES ('rebuild')")
    target.commit()
    target.close()
    return path


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def timings(client: httpx.Client, make_url: Url, count: int, rng: random.Random) -> tuple[float, float]:
    seconds = []
    for _ in range(count):
        url = make_url(rng)
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code}")
    seconds.sort()
    return statistics.median(seconds) * 1000, seconds[int(len(seconds) * 0.95) - 1] * 1000


def load(base: str, urls: list[Url], clients: int, seconds: float) -> tuple[int, int, float]:
    """``clients`` threads requesting mixed pages for ``seconds``: (requests, errors, requests/s)."""
    done, errors = [0] * clients, [0] * clients
    stop = time.monotonic() + seconds

    def run(index: int) -> None:
        rng = random.Random(index)
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop:
                try:
                    ok = client.get(rng.choice(urls)(rng)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                done[index] += 1
                errors[index] += not ok

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return sum(done), sum(errors), sum(done) / elapsed


def words(rng: random.Random) -> str:
    return rng.choice(EN_WORDS if rng.random() < 0.7 else RU_WORDS)


def measure(name: str, base: str, letter: Url, search: Url, *, others: list[Url], args: argparse.Namespace) -> None:
    rng = random.Random(7)
    with httpx.Client(base_url=base, timeout=30) as client:
        for url in (letter, search):  # warm the caches
            timings(client, url, 20, rng)
        letter_p50, letter_p95 = timings(client, letter, args.samples, rng)
        search_p50, search_p95 = timings(client, search, args.samples, rng)
    requests, errors, rate = load(base, [letter, search, *others], args.clients, args.seconds)
    print(f"{name:<10} letter p50 {letter_p50:6.1f} ms  p95 {letter_p95:6.1f} ms | "
          f"search p50 {search_p50:6.1f} ms  p95 {search_p95:6.1f} ms | "
          f"{args.clients} clients x {args.seconds:.0f} s: {requests} requests, {errors} errors, {rate:,.0f} req/s",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1, help="letterbook serve --workers")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "work")
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="build the store and the Datasette copy, then stop")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"$ python bench/web_bench.py --letters {args.letters} --seconds {args.seconds:.0f} "
          f"--clients {args.clients} --workers {args.workers}")
    settings = build_store(args.workdir, args.letters)
    if args.build_only:
        build_datasette_db(args.workdir, settings)
        return
    db = sqlite3.connect(settings.database_url.split(":///", 1)[1])
    ids = [row[0] for row in db.execute("SELECT id FROM letters")]
    count = len(ids)
    print(f"letters in the store: {count}")
    servers: list[subprocess.Popen[bytes]] = []
    try:
        port = free_port()
        env = {**os.environ, "LETTERBOOK_DATABASE_URL": settings.database_url,
               "LETTERBOOK_INDEX_DIR": settings.index_dir or ""}
        servers.append(subprocess.Popen([sys.executable, "-m", "letterbook", "serve", "--port", str(port),
                                         "--workers", str(args.workers)], env=env))
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/", servers[-1])
        measure("letterbook", base, lambda rng: f"/letters/{rng.choice(ids)}",
                lambda rng: f"/search?q={words(rng)}",
                others=[lambda rng: "/letters?page=" + str(rng.randint(1, 50)), lambda rng: "/"], args=args)
        if not args.no_datasette:
            path = build_datasette_db(args.workdir, settings)
            port = free_port()
            servers.append(subprocess.Popen([str(Path(sys.executable).parent / "datasette"), "serve", str(path),
                                             "--port", str(port), "--setting", "num_sql_threads", "8"],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/", servers[-1])
            measure("datasette", base, lambda rng: f"/letters/letters/{rng.randint(1, count)}",
                    lambda rng: f"/letters/letters?_search={words(rng)}",
                    others=[lambda rng: "/letters/letters?_next=" + str(rng.randint(1, 2500)), lambda rng: "/"],
                    args=args)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
