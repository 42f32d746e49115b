"""The CLI reference in the README, generated from the commands themselves.

``python -m letterbook.clidoc`` rewrites the block between the README's
``cli-reference`` markers; a test fails when the README and the commands drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

START = "<!-- cli-reference:start -->"
END = "<!-- cli-reference:end -->"


def render_reference(group: click.Group) -> str:
    """Markdown: one section per command (subcommands included), each with its --help text."""
    parts: list[str] = []
    for path, command in _walk(group, ["letterbook"]):
        context = click.Context(command, info_name=" ".join(path))
        parts.append(f"### `{' '.join(path)}`\n\n```text\n{command.get_help(context).rstrip()}\n```\n")
    return "\n".join(parts)


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found.extend(_walk(command.commands[name], [*path, name]))
    return found


def replace_block(readme: str, reference: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{reference}\n{END}{tail}"


def main() -> None:
    from letterbook.cli import main as cli

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("README.md")
    path.write_text(replace_block(path.read_text(encoding="utf-8"), render_reference(cli)), encoding="utf-8")


if __name__ == "__main__":
    main()
