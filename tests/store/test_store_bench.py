"""The store's benchmarks, which the README quotes, still run and report what they claim to."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store_bench.py"


def bench(*args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCH), *args], check=False, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_ingest_reports_every_letter_of_the_pages_it_wrote_and_its_rate() -> None:
    out = bench("ingest", "--letters", "300", "--one-core")
    found = re.search(r"(\d+) letters from (\d+) pages .*1 CPU\(s\)\): ([\d,]+) letters/s wall", out)
    assert found, out
    letters, pages, rate = int(found[1]), int(found[2]), int(found[3].replace(",", ""))
    assert pages == 100 and letters >= pages and rate > 0


def test_index_cost_reports_the_cpu_the_index_spends_on_a_letter() -> None:
    found = re.search(r"index (\d+) letters in batches of 2,000: ([\d.]+) ms of CPU a letter",
                      bench("index-cost", "--letters", "300"))
    assert found and int(found[1]) >= 100 and float(found[2]) > 0


def test_search_reports_hits_and_latency_for_every_query() -> None:
    lines = [line for line in bench("search", "--letters", "300", "--repeat", "3").splitlines()
             if line.startswith("search ")]
    assert len(lines) == 9
    hits = {line.split("hits")[0].split(None, 1)[1].strip(): int(line.split("hits")[1].split()[0]) for line in lines}
    assert hits["letter"] > 0 and hits["the"] >= hits["letter"]
