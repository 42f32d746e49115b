"""``letterbook export …`` and ``letterbook check``: thin commands over the export library.

The commands read the edition through ``EditionSource``: the edition store (``--db``, the
default), or, with ``--from PATH``, files: TEI letter files and CMIF files are imported
(``letterbook.read``), any other file is parsed as a page of letters.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

import click

from letterbook.errors import ExportError, LetterbookError
from letterbook.export.authority import authority_ids, parse_authority
from letterbook.export.cmif import edition_to_cmif
from letterbook.export.table import csv_tables, edition_to_beacon, edition_to_graphml, edition_to_json
from letterbook.export.tei import letter_to_tei
from letterbook.export.validate import check_path
from letterbook.link.linker import build_matcher, link_letter
from letterbook.link.registers import starter_register
from letterbook.model import Collection, EditionLetter, Letter, ParseResult, Party, PartyKind, RegisterEntry
from letterbook.read.detect import read_letters_file
from letterbook.store.commands import db_option, open_store
from letterbook.store.edition import StoredEdition
from letterbook.store.identity import assign_ids
from letterbook.store.ingest import collection_slug

DEFAULT_BASE_URL = "https://example.org/edition"


class EditionSource(Protocol):
    """Where the commands get the edition from (the store, or files for now)."""

    def letters(self) -> Iterable[EditionLetter]: ...

    def register_entries(self) -> Mapping[str, RegisterEntry]: ...

    def collection(self, slug: str) -> Collection: ...


@dataclass
class FileEditionSource:
    """An edition read straight from files, with the collections and letter ids that
    ``letterbook ingest`` would give the same files (a collection by the title the files
    print, else their folder; ``{collection}/{number}``, else date and correspondents), so
    that an export from files and one from a store name every letter alike.

    With no store, the letters are linked to the starter register, as a first ingest links
    them (``register``); parties it does not know that carry authority URIs (CMIF, TEI) are
    linked to register entries derived from those URIs ("person/gnd-118587684"), so that
    tables, the network and the BEACON file can count letters per person.
    """

    results: list[tuple[str, ParseResult]] = field(default_factory=list)
    register: dict[str, RegisterEntry] = field(default_factory=dict)

    def letters(self) -> list[EditionLetter]:
        items: list[EditionLetter] = []
        taken: set[str] = set()
        positions: Counter[str] = Counter()
        for slug, result in self.results:  # files of one collection (TEI letters) continue its order
            ids = assign_ids(slug, result.letters, frozenset(taken))
            taken.update(ids)
            for letter_id, letter in zip(ids, result.letters, strict=True):
                positions[slug] += 1
                items.append(EditionLetter(letter_id, slug, positions[slug], _linked(letter), result.source.path))
        return items

    def register_entries(self) -> Mapping[str, RegisterEntry]:
        names: dict[str, Counter[str]] = defaultdict(Counter)
        found: dict[str, Party] = {}
        for item in self.letters():
            letter = item.letter
            for party in (*letter.senders, *letter.recipients, letter.place, letter.place_received):
                if party is not None and party.id and party.id not in self.register:
                    names[party.id][party.normalized or party.name] += 1
                    found.setdefault(party.id, party)
        derived = {entry_id: _derived_entry(entry_id, found[entry_id], names[entry_id]) for entry_id in sorted(found)}
        return {**self.register, **derived}

    def collection(self, slug: str) -> Collection:
        for name, result in self.results:
            if name == slug:
                return replace(result.collection, slug=slug)  # the edition's name for it, as a store's
        return Collection(slug=slug)


_ENTRY_PREFIX = {PartyKind.PERSON: "person", PartyKind.ORGANISATION: "org", PartyKind.PLACE: "place"}


def _derived_id(party: Party) -> str | None:
    prefix = _ENTRY_PREFIX.get(party.kind)
    for uri in party.refs:
        parsed = parse_authority(uri)
        if parsed is not None and prefix:
            return f"{prefix}/{parsed.scheme}-{parsed.value}"
    return None


def _link(party: Party) -> Party:
    return party if party.id else replace(party, id=_derived_id(party))


def _linked(letter: Letter) -> Letter:
    return replace(letter, senders=tuple(map(_link, letter.senders)), recipients=tuple(map(_link, letter.recipients)),
                   place=_link(letter.place) if letter.place else None,
                   place_received=_link(letter.place_received) if letter.place_received else None)


def _derived_entry(entry_id: str, party: Party, names: Counter[str]) -> RegisterEntry:
    authority = authority_ids(party.refs)
    preferred = sorted(names.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]
    return RegisterEntry(entry_id, party.kind, preferred, forms=tuple(sorted(names)), authority=authority)


LETTER_FILE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xml", ".tei"})


def _files(path: Path) -> list[Path]:
    """A named file itself; in a folder, the files that can hold letters (not .json annotations)."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() in LETTER_FILE_SUFFIXES)


def source_from_paths(paths: Sequence[Path]) -> FileEditionSource:
    files = dict.fromkeys(file for path in paths for file in _files(path))  # in the order ingest reads them
    register = starter_register()
    matcher, labels = build_matcher(register), {entry.id: entry.preferred_name for entry in register}
    source = FileEditionSource(register={entry.id: entry for entry in register})
    for file in files:
        result = read_letters_file(file)
        linked = replace(result, letters=tuple(link_letter(letter, matcher, labels) for letter in result.letters))
        source.results.append((collection_slug(None, result, file), linked))
    return source


@contextmanager
def _edition(from_paths: Sequence[Path], database_url: str | None) -> Iterator[EditionSource]:
    """The edition to export: the files named by --from, else the store named by --db.

    An error while reading or writing becomes one line and exit status 1.
    """
    try:
        if from_paths:
            yield source_from_paths(from_paths)
        else:
            with open_store(database_url) as store:
                yield StoredEdition(store)
    except LetterbookError as exc:
        _fail(exc)


def _write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path``, creating its folders; a failure is one line naming the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written: {exc.strerror or exc}") from exc


def tei_file_name(letter_id: str) -> str:
    """``{collection}/{number}.xml``; every segment quoted, so no id can leave OUTDIR ("..")."""
    segments = [quote(segment, safe="") for segment in letter_id.split("/")]
    return "/".join(s if s not in ("", ".", "..") else s.replace(".", "%2E") or "_" for s in segments) + ".xml"


def _main_collection(edition: EditionSource, letters: Sequence[EditionLetter]) -> Collection:
    slugs = sorted({item.collection for item in letters})
    collection = edition.collection(slugs[0]) if slugs else Collection()
    return collection if len(slugs) <= 1 else Collection(title=collection.title, slug="edition",
                                                         compilers=collection.compilers)


def _published() -> dt.date:
    """The CMIF file's date: $SOURCE_DATE_EPOCH (reproducible builds) or today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


from_option = click.option("--from", "from_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
                           help="Read the edition from these files or folders (TEI, CMIF, pages of letters).")
base_url_option = click.option("--base-url", default=lambda: os.environ.get("LETTERBOOK_BASE_URL", DEFAULT_BASE_URL),
                               show_default="$LETTERBOOK_BASE_URL or " + DEFAULT_BASE_URL,
                               help="Where the edition is published; letter URIs are {base-url}/letters/{id}.")


def _fail(exc: LetterbookError) -> None:
    click.echo(f"letterbook: error: {exc}", err=True)
    sys.exit(1)


@click.group()
def export() -> None:
    """Write the edition as TEI, CMIF, CSV, JSON, a network or a BEACON file."""


@export.command("tei")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@from_option
@db_option
@base_url_option
def export_tei(outdir: Path, from_paths: tuple[Path, ...], database_url: str | None, base_url: str) -> None:
    """One TEI P5 file per letter: OUTDIR/{collection}/{number}.xml."""
    with _edition(from_paths, database_url) as edition:
        letters = sorted(edition.letters(), key=lambda i: (i.collection, i.position, i.id))
        registers = edition.register_entries()
        for index, item in enumerate(letters):
            previous = letters[index - 1].id if index and letters[index - 1].collection == item.collection else None
            following = letters[index + 1] if index + 1 < len(letters) else None
            data = letter_to_tei(item, registers=registers, collection=edition.collection(item.collection),
                                 previous_id=previous,
                                 next_id=following.id if following and following.collection == item.collection
                                 else None, base_url=base_url)
            _write(outdir / tei_file_name(item.id), data)
        click.echo(f"{len(letters)} TEI file(s) written to {outdir}")


@export.command("cmif")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--v2", "v2", is_flag=True, help="Add the CMIF 2 proposal's note/ref extensions.")
@from_option
@db_option
@base_url_option
def export_cmif(file: Path, v2: bool, from_paths: tuple[Path, ...], database_url: str | None, base_url: str) -> None:
    """The whole edition as one CMIF 1.1 file (dated $SOURCE_DATE_EPOCH or today)."""
    with _edition(from_paths, database_url) as edition:
        letters = list(edition.letters())
        data = edition_to_cmif(letters, registers=edition.register_entries(),
                               collection=_main_collection(edition, letters), base_url=base_url,
                               v2_extensions=v2, published=_published())
        _write(file, data)
        click.echo(f"{len(letters)} letter(s) written to {file}")


@export.command("csv")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@from_option
@db_option
def export_csv(outdir: Path, from_paths: tuple[Path, ...], database_url: str | None) -> None:
    """letters.csv, parties.csv, persons.csv, places.csv, notes.csv in OUTDIR."""
    with _edition(from_paths, database_url) as edition:
        for name, text in csv_tables(list(edition.letters()), edition.register_entries()).items():
            _write(outdir / name, text)
        click.echo(f"tables written to {outdir}")


@export.command("json")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@from_option
@db_option
@base_url_option
def export_json(file: Path, from_paths: tuple[Path, ...], database_url: str | None, base_url: str) -> None:
    """The full edition as one JSON document."""
    with _edition(from_paths, database_url) as edition:
        letters = list(edition.letters())
        _write(file, edition_to_json(letters, registers=edition.register_entries(),
                                     collection=_main_collection(edition, letters), base_url=base_url))
        click.echo(f"{len(letters)} letter(s) written to {file}")


@export.command("network")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@from_option
@db_option
def export_network(file: Path, from_paths: tuple[Path, ...], database_url: str | None) -> None:
    """Correspondents and letters as a GraphML network (Gephi, Cytoscape, networkx)."""
    with _edition(from_paths, database_url) as edition:
        _write(file, edition_to_graphml(list(edition.letters()), edition.register_entries()))
        click.echo(f"network written to {file}")


@export.command("beacon")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@from_option
@db_option
@base_url_option
def export_beacon(file: Path, from_paths: tuple[Path, ...], database_url: str | None, base_url: str) -> None:
    """A BEACON file of the persons with GND, VIAF or Wikidata identifiers."""
    with _edition(from_paths, database_url) as edition:
        letters = list(edition.letters())
        _write(file, edition_to_beacon(letters, registers=edition.register_entries(),
                                       collection=_main_collection(edition, letters), base_url=base_url))
        click.echo(f"BEACON written to {file}")


@click.command("check")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def check(path: Path) -> None:
    """Validate TEI letter files (tei_all) and CMIF files (CMIF 1.1 + Schematron); errors by letter."""
    try:
        problems = check_path(path)
    except LetterbookError as exc:
        _fail(exc)
        return
    for problem in problems:
        click.echo(str(problem))
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(f"{errors} error(s), {len(problems) - errors} warning(s)", err=True)
    if errors:
        sys.exit(1)
