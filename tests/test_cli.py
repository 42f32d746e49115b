from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "letterbook", *args], check=False, capture_output=True, text=True)


def test_parse_json_names_the_source_and_its_checksum() -> None:
    page = CORPUS / "seed" / "000.txt"
    done = run("parse", str(page), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"]["path"] == str(page)
    assert data["source"]["chars"] == len(page.read_text(encoding="utf-8"))
    assert len(data["source"]["sha256"]) == 64


def test_missing_file_is_one_line_error_and_others_still_parse(tmp_path: Path) -> None:
    page = CORPUS / "seed" / "000.txt"
    done = run("parse", str(tmp_path / "nope.txt"), str(page), "--format", "text")
    assert done.returncode == 1
    assert "nope.txt" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "000.txt" in done.stdout
