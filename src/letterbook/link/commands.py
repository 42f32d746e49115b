"""Command-line adapters for the registers: import, export, and the names awaiting an entry."""

from __future__ import annotations

from pathlib import Path

import click

from letterbook.link.registers import read_register, register_to_csv, register_to_json, starter_register
from letterbook.store.commands import db_option, open_store


@click.group()
def registers() -> None:
    """Registers of persons, places and organisations."""


@registers.command("import")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def import_command(file: Path | None, database_url: str | None) -> None:
    """Add or replace entries from FILE (.csv or .json); without FILE, the starter register."""
    with open_store(database_url, upgrade=True) as store:
        entries = read_register(file) if file else starter_register()
        count = store.import_register(entries)
        relinked = store.relink()
        store.sync_index()
    click.echo(f"{count} register entries imported")
    if relinked:
        click.echo(f"{relinked} stored letters linked again")


@registers.command("export")
@click.option("--format", "output_format", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--kind", default=None, help="person, place or organisation.")
@db_option
def export_command(output_format: str, kind: str | None, database_url: str | None) -> None:
    """Print the register as CSV or JSON (the formats `registers import` reads)."""
    with open_store(database_url) as store:
        entries = store.register_entries(kind)
    click.echo(register_to_csv(entries) if output_format == "csv" else register_to_json(entries), nl=False)


@registers.command("candidates")
@db_option
def candidates_command(database_url: str | None) -> None:
    """Heading names that match no entry, most frequent first."""
    with open_store(database_url) as store:
        for name, count in store.candidates():
            click.echo(f"{count}\t{name}")
