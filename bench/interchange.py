"""Benchmark of the interchange layer on the four real CMIF files of shared/corpus/cmif.

Run: ``.venv/bin/python bench/interchange.py`` (from the repository root). Prints the
time to import, to export CMIF and TEI, and to validate (jing runs in its own JVM process).
"""

from __future__ import annotations

import datetime as dt
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from letterbook.export.cmif import edition_to_cmif
from letterbook.export.commands import source_from_paths, tei_file_name
from letterbook.export.tei import letter_to_tei
from letterbook.export.validate import validate_cmif, validate_tei
from letterbook.model import Collection

CMIF_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cmif"
BASE_URL = "https://example.org/edition"
T = TypeVar("T")


def measure(label: str, action: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{label:<46} {seconds:7.2f} s   max RSS so far {rss} MiB")
    return result


def main() -> None:
    edition = measure("import 4 CMIF files (3939 letters)", lambda: source_from_paths([CMIF_DIR]))
    letters = edition.letters()
    registers = edition.register_entries()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        cmif = out / "edition.xml"
        data = measure("export CMIF", lambda: edition_to_cmif(letters, registers=registers,
                                                                collection=Collection(title="bench"),
                                                                base_url=BASE_URL, published=dt.date(2026, 1, 1)))
        cmif.write_bytes(data)
        problems = measure("validate CMIF (lxml RNG + cmif.sch via jing)", lambda: validate_cmif(cmif))
        print(f"  CMIF problems: {len(problems)}")

        def write_tei() -> list[Path]:
            paths = []
            for item in letters:
                path = out / "tei" / tei_file_name(item.id)
                path.parent.mkdir(parents=True, exist_ok=True)
                collection = edition.collection(item.collection)
                path.write_bytes(letter_to_tei(item, registers=registers, collection=collection, previous_id=None,
                                               next_id=None, base_url=BASE_URL))
                paths.append(path)
            return paths

        paths = measure("export TEI (one file per letter)", write_tei)
        problems = measure("validate TEI (jing, tei_all.rng)", lambda: validate_tei(paths))
        print(f"  TEI problems: {len(problems)}")


if __name__ == "__main__":
    main()
