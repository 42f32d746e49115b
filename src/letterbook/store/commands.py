"""Command-line adapters over the store: ``db``, ``ingest``, ``correct``, ``search``, ``check``."""

from __future__ import annotations

import json
import shlex
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from letterbook.errors import LetterbookError
from letterbook.languages import language_name
from letterbook.options import calendar_option
from letterbook.parse.conventions import Conventions
from letterbook.search.search import LINKED_FACETS, DateMatch, SearchRequest, SearchResult, Sort, filter_values
from letterbook.settings import Settings
from letterbook.store.codec import to_plain
from letterbook.store.ingest import Failure, ingest, source_files
from letterbook.store.record import LetterRecord, record_json, record_text
from letterbook.store.store import Store
from letterbook.store.write import SourceOutcome

PROGRESS_SECONDS = 1.0

db_option = click.option("--db", "database_url", default=None, metavar="URL",
                         help="Database URL (default: $LETTERBOOK_DATABASE_URL or sqlite:///letterbook.db).")


@contextmanager
def open_store(database_url: str | None, upgrade: bool = False) -> Iterator[Store]:
    """The store named by --db / the environment; errors become one line and exit status 1."""
    store = None
    try:
        store = Store(Settings.from_env(database_url=database_url))
        if upgrade:
            store.upgrade()
        else:
            store.check_schema()
        yield store
    except LetterbookError as exc:
        click.echo(f"letterbook: error: {exc}", err=True)
        sys.exit(1)
    finally:
        if store is not None:
            store.close()


@click.group()
def db() -> None:
    """The database: create or migrate its schema."""


@db.command("upgrade")
@db_option
def db_upgrade(database_url: str | None) -> None:
    """Create the schema or bring it to the newest migration."""
    with open_store(database_url, upgrade=True) as store:
        click.echo(f"database at the current schema: {store.settings.database_url}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--collection", default=None, metavar="SLUG", help="Store every source in this collection.")
@calendar_option
@db_option
def ingest_command(paths: tuple[Path, ...], collection: str | None, calendar: str, database_url: str | None) -> None:
    """Read, parse, link, store and index files and folders (recursively).

    Sources already stored with the same bytes are skipped; changed ones update their
    letters in place. Files that fail are listed at the end and make the exit status 1.
    """
    files = list(source_files(paths))
    with open_store(database_url, upgrade=True) as store:
        # click's bar is already installed with click and shows the ETA; the rate goes in its label.
        with click.progressbar(length=len(files), label="ingesting", show_eta=True, show_pos=True,
                               file=sys.stderr) as bar:
            letters, started, labelled = 0, time.monotonic(), time.monotonic()

            def advance(_path: Path, outcome: SourceOutcome | Failure) -> None:
                nonlocal letters, labelled
                letters += outcome.letters if isinstance(outcome, SourceOutcome) else 0
                now = time.monotonic()
                # Off a terminal click prints every new label as a line: a new label at most
                # every PROGRESS_SECONDS keeps a log of a long run short.
                if now - labelled >= PROGRESS_SECONDS:
                    labelled = now
                    bar.label = f"ingesting ({letters} letters, {letters / (now - started):,.0f}/s)"
                bar.update(1)

            summary = ingest(store, files, collection=collection, on_source=advance,
                             conventions=Conventions.named(calendar))
        for line in summary.lines():
            click.echo(line)
        dangling = len(store.cross_links(dangling_only=True))
        click.echo(f"cross-references to documents not in the edition: {dangling}"
                   + (" (letterbook links)" if dangling else ""))
    if not summary.ok:
        sys.exit(1)


@click.command("correct")
@click.argument("letter")
@click.argument("field")
@click.argument("value")
@click.option("--by", "by", required=True, help="Who makes the correction.")
@click.option("--why", "why", required=True, help="Why: the evidence or reasoning.")
@db_option
def correct_command(letter: str, field: str, value: str, *, by: str, why: str, database_url: str | None) -> None:
    """Correct one FIELD of one LETTER (id such as seed/194); the correction outlives re-ingests."""
    with open_store(database_url) as store:
        correction = store.correct(letter, field, value, by=by, why=why)
        store.sync_index()
    click.echo(f"{letter}: {field} {correction.source_value!r} → {value!r} (by {by})")


@click.command("show")
@click.argument("letter")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@db_option
def show_command(letter: str, as_json: bool, database_url: str | None) -> None:
    """Print one LETTER (id such as seed/194) as the edition holds it: corrections applied and
    listed, register links, notes with their cross-references, findings."""
    with open_store(database_url) as store:
        record = LetterRecord(store.get_letter(letter), tuple(store.corrections(letter)),
                              tuple(store.findings(letter)), tuple(store.cross_links(letter_id=letter)))
        labels = store.labels
    click.echo(json.dumps(record_json(record), ensure_ascii=False, indent=1) if as_json
               else record_text(record, labels))


@click.command("search", epilog="Repeat a filter for letters that match every value: --correspondent Stalin "
               "--correspondent Sergo finds the letters both wrote or received.")
@click.argument("query", required=False, default="")
@click.option("--sender", multiple=True, help="A name, any of its forms, or a register id (person/stalin-i-v).")
@click.option("--recipient", multiple=True)
@click.option("--correspondent", multiple=True, help="Sender or recipient.")
@click.option("--mentioned", multiple=True, help="A person named in the text.")
@click.option("--place", multiple=True, help="Where the letter was written: a name or a register id (place/wien).")
@click.option("--year", multiple=True)
@click.option("--archive", multiple=True, help="Any name it was printed under: RGASPI, РГАСПИ, RTsKhIDNI.")
@click.option("--fond", multiple=True, help='A fond: "RGASPI f. 558", or its number with --archive.')
@click.option("--kind", multiple=True, help="letter, telegram, note, ... or the word printed for it (телеграмма).")
@click.option("--lang", "language", multiple=True, help="A code or a name: ru, rus, Russian, русский.")
@click.option("--collection", multiple=True)
@click.option("--from", "date_from", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", metavar="DATE")
@click.option("--dates", type=click.Choice([d.value for d in DateMatch]), default=DateMatch.POSSIBLY.value,
              show_default=True, help="certainly: the whole uncertain date lies in the range; possibly: overlaps.")
@click.option("--between", nargs=2, metavar="A B", default=None, help="Letters from A to B or from B to A.")
@click.option("--sort", type=click.Choice([s.value for s in Sort]), default=Sort.RELEVANCE.value, show_default=True)
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@db_option
def search_command(query: str, as_json: bool, database_url: str | None, **options: Any) -> None:
    """Search the letters: words (stemmed, English and Russian), "phrases", AND/OR/NOT, prefix*."""
    names = ("sender", "recipient", "correspondent", "mentioned", "place", "year", "archive", "fond", "kind",
             "language", "collection")
    filters: dict[str, str | tuple[str, ...]] = {name: options[name] for name in names if options[name]}
    request = SearchRequest(query=query, filters=filters, date_from=options["date_from"], date_to=options["date_to"],
                            dates=DateMatch(options["dates"]), between=options["between"] or None,
                            sort=Sort(options["sort"]), limit=options["limit"])
    with open_store(database_url) as store:
        store.sync_index()
        result = store.search(request)
        named = [value for name, values in filters.items() if name in LINKED_FACETS for value in filter_values(values)]
        named += request.between or ()
        hints: list[str] = []
        if not result.total and not as_json:  # say why none, and what to ask instead
            hints += _filters_no_letter_has(store, request)
            if request.between and (shared := _between_hint(store, request, *request.between)):
                hints.append(shared)
        readings = [f"{name} = {store.labels[key]} ({key})" if key else f"{name} (no register entry: as printed)"
                    for name, key in store.name_readings(named)]
    if as_json:
        click.echo(json.dumps(result_json(result), ensure_ascii=False, indent=1))
    else:
        heading = [f"names read as: {'; '.join(readings)}"] if readings else []
        click.echo("\n".join([*heading, result_text(result), *hints]))


def _filters_no_letter_has(store: Store, request: SearchRequest) -> list[str]:
    """The filters that no letter of the edition matches even alone ("--kind memo", "--year 1899")."""
    empty = [f"--{'lang' if name == 'language' else name} {shlex.quote(value)}"
             for name, values in request.filters.items() if name != "fond" for value in filter_values(values)
             if not store.search(SearchRequest(filters={name: value}, limit=1, facets=())).total]
    return [f"No letter of the edition matches {', '.join(empty)} (even alone)."] if empty else []


def _between_hint(store: Store, request: SearchRequest, first: str, second: str) -> str | None:
    """When no letter went from one to the other: how many have both as correspondents (a
    letter to both of them, or from both)."""
    filters = {**request.filters, "correspondent": (*filter_values(request.filters.get("correspondent", ())),
                                                    first, second)}
    both = store.search(replace(request, filters=filters, between=None, limit=1, facets=())).total
    if not both:
        return None
    return (f"No letter went from one to the other, but {both} letter(s) have both among their correspondents "
            f"(written to both, or by both): search with --correspondent {shlex.quote(first)} "
            f"--correspondent {shlex.quote(second)} instead of --between.")


def result_json(result: SearchResult) -> dict[str, Any]:
    data: dict[str, Any] = to_plain(result)
    for hit, plain in zip(result.hits, data["hits"], strict=True):
        plain["snippet"]["marked"] = hit.snippet.marked()
    return data


def result_text(result: SearchResult) -> str:
    lines = [f"{result.total} letter(s)"]
    for hit in result.hits:
        lines.append(f"{hit.id}  {hit.label}")
        snippet = hit.snippet.marked(click.style("", bold=True, reset=False), click.style("", reset=True))
        lines.append("    " + " ".join(snippet.split()))
    for name, counts in result.facets.items():
        if counts:
            lines.append(f"{name}: " + ", ".join(f"{_facet_value(name, c.value)} ({c.count})" for c in counts))
    return "\n".join(lines)


def _facet_value(facet: str, value: str) -> str:
    return f"{language_name(value)} [{value}]" if facet == "language" else value


@click.command("links")
@db_option
def links_command(database_url: str | None) -> None:
    """List notes' cross-references that point at no letter of the edition (exit 1 if any)."""
    with open_store(database_url) as store:
        links = store.cross_links()
    dangling = [link for link in links if link.target_letter_id is None]
    for link in dangling:
        click.echo(f"{link.letter_id} note {link.note}: document {link.document} is not in the edition")
    click.echo(f"cross-references: {len(links)}, resolved {len(links) - len(dangling)}, dangling {len(dangling)}")
    if dangling:
        sys.exit(1)
