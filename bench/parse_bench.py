"""The parse rate on one core: pages/s and MB/s over a synthetic collection of seed-style pages.

    python bench/parse_bench.py                 # 50 MB of synthetic pages in bench/out/ (written if absent)
    python bench/parse_bench.py --mb 5          # a quick run
    python bench/parse_bench.py DIR             # every *.txt / *.htm page of DIR

Each page is read (``letterbook.read.read_source``) and parsed
(``letterbook.parse.parse_source``) in this one process, one page after another, so
the figure is the rate of one core. Generating the pages is not timed. Reading and
parsing are timed apart, because on a page of a few kilobytes reading is cheap and
the parser is what the figure is about.
"""

from __future__ import annotations

import argparse
import platform
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from letterbook.errors import LetterbookError
from letterbook.parse import parse_source
from letterbook.read import read_source

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # synth.py sits beside this script; bench/ is not a package

from synth import write_collection  # noqa: E402


@dataclass
class Tally:
    pages: int = 0
    bytes: int = 0
    letters: int = 0
    failed: int = 0
    read_seconds: float = 0.0
    parse_seconds: float = 0.0

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.parse_seconds


def default_directory(megabytes: float, seed: int) -> Path:
    return BENCH / "out" / f"seed{seed}-{megabytes:g}mb"


def pages_of(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".htm", ".html"))


def ensure_collection(directory: Path, megabytes: float, seed: int) -> None:
    """Write the synthetic collection unless ``directory`` already holds pages."""
    if directory.is_dir() and pages_of(directory):
        return
    print(f"writing {megabytes:g} MB of synthetic pages (seed {seed}) to {directory} ...", flush=True)
    done = write_collection(directory, megabytes, seed)
    print(f"wrote {done.pages} pages, {done.bytes / 1e6:.1f} MB", flush=True)


def run(paths: list[Path]) -> Tally:
    tally = Tally()
    for path in paths:
        started = time.perf_counter()
        try:
            source = read_source(path)
        except LetterbookError:
            tally.failed += 1
            continue
        read_done = time.perf_counter()
        result = parse_source(source)
        tally.parse_seconds += time.perf_counter() - read_done
        tally.read_seconds += read_done - started
        tally.pages += 1
        tally.bytes += path.stat().st_size
        tally.letters += len(result.letters)
    return tally


def report(tally: Tally, directory: Path, command: str) -> str:
    megabytes = tally.bytes / 1e6
    lines = [
        f"command: {command}",
        f"machine: {_cpu_name()}, Python {platform.python_version()}, one core",
        f"collection: {directory} ({tally.pages} pages, {megabytes:.1f} MB, {tally.failed} unreadable)",
        f"letters found: {tally.letters}",
        f"read + parse: {tally.seconds:.2f} s  {_rate(tally.pages, tally.seconds)} pages/s  "
        f"{_rate(megabytes, tally.seconds)} MB/s",
        f"parse only:   {tally.parse_seconds:.2f} s  {_rate(tally.pages, tally.parse_seconds)} pages/s  "
        f"{_rate(megabytes, tally.parse_seconds)} MB/s",
    ]
    return "\n".join(lines)


def _cpu_name() -> str:
    """The processor's model name (Linux), else what ``platform`` knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or platform.machine()


def _rate(amount: float, seconds: float) -> str:
    return f"{amount / seconds:.1f}" if seconds > 0 else "inf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", type=Path,
                        help="pages to parse (default: bench/out/seed<SEED>-<MB>mb, written if absent)")
    parser.add_argument("--mb", type=float, default=50.0, help="size of the synthetic collection (default 50)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic collection (default 0)")
    args = parser.parse_args(argv)
    directory = args.directory or default_directory(args.mb, args.seed)
    if args.directory is None:
        ensure_collection(directory, args.mb, args.seed)
    paths = pages_of(directory)
    if not paths:
        print(f"parse_bench: no .txt or .htm pages in {directory}", file=sys.stderr)
        return 1
    command = shlex.join(["python", "bench/parse_bench.py", *(sys.argv[1:] if argv is None else argv)])
    print(report(run(paths), directory, command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
