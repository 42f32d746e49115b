"""Paired input / golden files: what ``letterbook parse --format json`` says about each input.

Inputs are the sample collection (``samples/*.txt``, ``samples/*.htm``) and the edge
cases in ``tests/data/inputs/``; each has its golden in ``tests/data/golden/``: the
contract JSON of ``parse_source(read_source(path))`` without the source's path, so the
goldens do not depend on where the repository lies. An input the reader refuses
(an empty file, say) has the golden ``{"error": reason}``.

A changed output fails the test with a diff. To accept the new output on purpose:

    LETTERBOOK_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

then review ``git diff tests/data/golden`` before committing.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from conftest import REPO
from letterbook.errors import LetterbookError, SourceError
from letterbook.output import result_to_json
from letterbook.parse import parse_source
from letterbook.read import read_source

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"
REGENERATE = os.environ.get("LETTERBOOK_REGENERATE_GOLDEN") == "1"


def cases() -> dict[str, Path]:
    """Golden name → input file, for every sample page and every edge-case input."""
    samples = sorted(p for p in (REPO / "samples").iterdir() if p.suffix in (".txt", ".htm"))
    inputs = sorted(p for p in (DATA / "inputs").iterdir() if p.is_file())
    return {**{f"sample-{p.stem}": p for p in samples}, **{p.stem: p for p in inputs}}


def rendered(path: Path) -> str:
    """The golden text for ``path``: the contract JSON without the path, or the reader's refusal."""
    try:
        data = result_to_json(parse_source(read_source(path)))
    except SourceError as exc:
        data = {"error": exc.reason}
    except LetterbookError as exc:
        data = {"error": str(exc).replace(str(path), "<path>")}
    else:
        del data["source"]["path"]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("name", sorted(cases()))
def test_parse_output_matches_its_golden(name: str) -> None:
    golden = GOLDEN / f"{name}.json"
    actual = rendered(cases()[name])
    if REGENERATE:
        golden.write_text(actual, encoding="utf-8")
        pytest.skip(f"regenerated {golden.relative_to(REPO)}: review it with git diff")
    assert golden.exists(), (f"{golden.relative_to(REPO)} is missing; create it with "
                             f"LETTERBOOK_REGENERATE_GOLDEN=1 and review it")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "now", lineterm="", n=2)
        pytest.fail(f"{name}: the output differs from its golden (regenerate on purpose with "
                    f"LETTERBOOK_REGENERATE_GOLDEN=1):\n" + "\n".join(list(diff)[:80]))


def test_every_golden_belongs_to_an_input() -> None:
    orphans = sorted(p.stem for p in GOLDEN.glob("*.json")) if GOLDEN.is_dir() else []
    assert [name for name in orphans if name not in cases()] == []


def test_goldens_do_not_depend_on_where_the_repository_lies() -> None:
    for golden in GOLDEN.glob("*.json"):
        assert str(REPO) not in golden.read_text(encoding="utf-8"), golden.name
