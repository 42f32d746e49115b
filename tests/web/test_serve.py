"""``letterbook serve`` as a user runs it: a process serving a store on a port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from letterbook.cli import main
from web.sample_store import sample_store
from web.server import free_port


def test_serve_help_names_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--workers"):
        assert option in result.output


def test_serve_answers_on_its_port_with_the_store_given_by_db(tmp_path: Path) -> None:
    sample_store(tmp_path).store.close()
    port = free_port()
    env = {**os.environ, "LETTERBOOK_INDEX_DIR": str(tmp_path / "index")}
    process = subprocess.Popen([sys.executable, "-m", "letterbook", "serve", "--db",
                                f"sqlite:///{tmp_path / 'edition.db'}", "--port", str(port), "--workers", "2"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, response = time.monotonic() + 30, None
        while time.monotonic() < deadline:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/letters/bolsheviks/201", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert response is not None and response.status_code == 200
        assert "5–6 October 1925" in response.text
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_refuses_a_missing_edition_in_one_line_before_starting(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "letterbook", "serve", "--db", f"sqlite:///{tmp_path / 'none.db'}",
                           "--port", str(free_port())], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "there is no edition at" in done.stderr and "letterbook ingest" in done.stderr
