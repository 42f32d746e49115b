"""A real ingest process killed with SIGKILL mid-run leaves a consistent edition; a rerun completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from synthetic import pages, parse_page, source_of

from letterbook.search import SearchRequest
from letterbook.settings import Settings
from letterbook.store import Store
from letterbook.store import schema as t

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store_bench.py"


def start_ingest(folder: Path, settings: Settings) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(BENCH), "ingest-dir", str(folder), "--db", settings.database_url,
                             "--index", str(settings.search_index_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stored_sources(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.sources)).scalar_one())


def assert_every_stored_source_is_whole(store: Store) -> None:
    with store.engine.connect() as conn:
        for source in conn.execute(select(t.sources.c.id, t.sources.c.path, t.sources.c.text)):
            stored = conn.execute(select(func.count()).where(t.letters.c.source_id == source.id)).scalar_one()
            assert stored == len(parse_page(source_of(source.path, source.text)).letters), source.path


def test_an_ingest_killed_with_sigkill_leaves_whole_sources_and_a_rerun_completes(
        settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for name, text in pages(400, seed=11):
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(settings)
    store.upgrade()
    process = start_ingest(folder, settings)
    deadline = time.monotonic() + 120
    while stored_sources(store) < 40 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.stderr is not None
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    partial = stored_sources(store)
    assert 0 < partial < 400
    assert_every_stored_source_is_whole(store)

    rerun = start_ingest(folder, settings)
    _, errors = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, errors.decode()
    assert stored_sources(store) == 400
    assert_every_stored_source_is_whole(store)
    with store.engine.connect() as conn:
        letters = conn.execute(select(func.count()).select_from(t.letters)).scalar_one()
        queued = conn.execute(select(func.count()).select_from(t.index_outbox)).scalar_one()
    assert queued == 0
    assert store.search(SearchRequest(limit=0)).total == letters  # the index holds every letter, once
    store.close()
