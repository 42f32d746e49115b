"""Command-line adapters for the registers: import, export, and the names awaiting an entry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from letterbook.link.registers import (
    draft_entries,
    read_register,
    register_to_csv,
    register_to_json,
    starter_register,
)
from letterbook.model import PartyKind
from letterbook.store.commands import db_option, open_store
from letterbook.store.identity import slugify
from letterbook.unique import unique


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


DESCRIPTIONS_SHOWN = 5


@registers.command("candidates")
@click.option("--format", "output_format", type=click.Choice(["tsv", "csv", "json"]), default="tsv",
              show_default=True, help="tsv: letters, name and the authority URIs the sources give; "
                                      "csv, json: draft entries in the form `registers import` reads.")
@click.option("--kind", type=click.Choice(["person", "organisation", "place"]), default="person", show_default=True,
              help="person, organisation: correspondents' names (the Politburo is an organisation); "
                   "place: places where letters were written or received.")
@db_option
def candidates_command(output_format: str, kind: str, database_url: str | None) -> None:
    """Names that match no entry, most frequent first.

    Their draft entries (--format csv) carry the GND, VIAF, Wikidata or GeoNames IDs that CMIF
    and TEI sources give: checked, completed and imported, they link every letter that gives
    those IDs.
    """
    party_kind = PartyKind(kind)
    with open_store(database_url) as store:
        found, described = store.unmatched(party_kind)
        taken = {entry.id for entry in store.register_entries()}
    if described:  # on stderr: the listing and the drafts stay what a script or `registers import` reads
        shown = ", ".join(f"{c.name} ({c.letters})" for c in described[:DESCRIPTIONS_SHOWN])
        more = f", and {len(described) - DESCRIPTIONS_SHOWN} more" if len(described) > DESCRIPTIONS_SHOWN else ""
        click.echo(f"left out, described but not named (no entry can stand for everyone a description covers): "
                   f"{shown}{more}", err=True)
    if output_format == "tsv":
        for candidate in found:
            click.echo("\t".join([str(candidate.letters), candidate.name, *candidate.refs]))
        return
    drafts = draft_entries(((c.name, c.letters, c.refs) for c in found), party_kind, new_ids(kind, taken))
    click.echo(register_to_csv(drafts) if output_format == "csv" else register_to_json(drafts), nl=False)


def new_ids(kind: str, taken: set[str]) -> Callable[[str], str]:
    """Ids "{kind}/{slug of the name}", with "-2", "-3" ... where one is taken: no draft replaces an entry."""
    used = set(taken)
    return lambda name: unique(f"{kind}/{slugify(name) or 'unnamed'}", used)
