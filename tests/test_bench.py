"""The parse-rate benchmark runs and reports its figures (on a tiny collection, so it cannot rot)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO
from synth_pages import synth


def parse_bench_main() -> Callable[[list[str]], int]:
    spec = importlib.util.spec_from_file_location("letterbook_parse_bench", REPO / "bench" / "parse_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    main: Callable[[list[str]], int] = module.main
    return main


def test_the_benchmark_reports_pages_and_megabytes_per_second(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    written = synth().write_collection(tmp_path, 0.05, seed=2)
    main = parse_bench_main()
    assert main([str(tmp_path)]) == 0
    report = capsys.readouterr().out
    assert f"({written.pages} pages, 0.1 MB, 0 unreadable)" in report
    assert "pages/s" in report and "MB/s" in report
    assert "command: python bench/parse_bench.py" in report
