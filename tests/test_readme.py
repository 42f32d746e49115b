"""The README tells the truth about the commands."""

from __future__ import annotations

from conftest import REPO
from letterbook.cli import main
from letterbook.clidoc import END, START, render_reference


def test_cli_reference_in_the_readme_matches_the_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == render_reference(main).strip(), "run: python -m letterbook.clidoc README.md"


def test_readme_quick_start_has_exactly_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quick.split("```sh", 1)[1].split("```", 1)[0].splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert len(commands) == 2
