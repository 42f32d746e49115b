"""The ``letterbook`` command: thin adapters over the library."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from letterbook import __version__
from letterbook.errors import LetterbookError
from letterbook.export.commands import check, export
from letterbook.link.commands import registers
from letterbook.options import calendar_option
from letterbook.output import result_to_json, result_to_text
from letterbook.parse.conventions import Conventions
from letterbook.pipeline import parse_file
from letterbook.store.commands import (
    correct_command,
    db,
    ingest_command,
    links_command,
    search_command,
    show_command,
)
from letterbook.web.commands import serve


@click.group()
@click.version_option(__version__, prog_name="letterbook")
def main() -> None:
    """Turn published collections of historical letters into a digital edition."""
    logging.basicConfig(format="letterbook: %(levelname)s: %(message)s")  # the library's warnings, one line each


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="text",
              show_default=True, help="json follows the parse-output contract; text is a summary.")
@click.option("--encoding", default=None, help="Decode every file with this encoding instead of detecting it.")
@calendar_option
def parse(paths: tuple[Path, ...], output_format: str, encoding: str | None, calendar: str) -> None:
    """Print the letters found in each source, writing nothing to any database.

    With one PATH and --format json the output is one JSON object; with several, one
    object per line (JSON Lines).
    """
    conventions = Conventions.named(calendar)
    failed = False
    for path in paths:
        try:
            result = parse_file(path, encoding, conventions)
        except LetterbookError as exc:
            click.echo(f"letterbook: error: {exc}", err=True)
            failed = True
            continue
        except Exception as exc:  # a bug must not cost the other files, nor show a traceback
            click.echo(f"letterbook: internal error while parsing {path}: {type(exc).__name__}: {exc} "
                       "(please report it)", err=True)
            failed = True
            continue
        if output_format == "json":
            indent = 1 if len(paths) == 1 else None
            click.echo(json.dumps(result_to_json(result), ensure_ascii=False, indent=indent))
        else:
            click.echo(result_to_text(result))
    if failed:
        sys.exit(1)


# The other commands, each a thin adapter over its own module.
main.add_command(db)
main.add_command(ingest_command)
main.add_command(correct_command)
main.add_command(search_command)
main.add_command(show_command)
main.add_command(links_command)
main.add_command(registers)
main.add_command(export)
main.add_command(check)
main.add_command(serve)
