"""Registers of persons, places and organisations: the starter register, import and export.

A register file is CSV (one row per entry, name forms joined by "|") or JSON (a list of
entries). Both carry the same columns: id, kind, preferred_name, forms, wikidata, viaf,
gnd, geonames, birth, death, note.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from letterbook.data import load
from letterbook.errors import LetterbookError
from letterbook.export.authority import authority_ids
from letterbook.link.forms import person_forms
from letterbook.model import PartyKind, RegisterEntry

AUTHORITIES = ("wikidata", "viaf", "gnd", "geonames")
COLUMNS = ("id", "kind", "preferred_name", "forms", *AUTHORITIES, "birth", "death", "note")


class RegisterFileError(LetterbookError):
    """A register file that cannot be read as entries."""


def starter_register() -> list[RegisterEntry]:
    """The persons shipped in ``link/data/persons.toml``, with every generated name form."""
    return [_person(spec) for spec in load("persons", "letterbook.link")["person"]]


def _person(spec: dict[str, Any]) -> RegisterEntry:
    authority = {name: spec[name] for name in AUTHORITIES if spec.get(name)}
    return RegisterEntry(id=f"person/{spec['id']}", kind=PartyKind.PERSON, preferred_name=spec["preferred"],
                         forms=person_forms(spec), authority=authority, birth=spec.get("birth"),
                         death=spec.get("death"), note=spec.get("note"))


def entry_from_record(record: dict[str, Any]) -> RegisterEntry:
    """One entry from a CSV row or JSON object; forms as a list or a "|"-joined string."""
    if not record.get("id") or not record.get("preferred_name"):
        raise RegisterFileError(f"an entry needs an id and a preferred_name: {record!r}")
    forms = record.get("forms") or []
    if isinstance(forms, str):
        forms = [f.strip() for f in forms.split("|") if f.strip()]
    authority = dict(record.get("authority") or {})
    authority.update({k: str(record[k]) for k in AUTHORITIES if record.get(k)})
    try:
        kind = PartyKind(record.get("kind") or "person")
    except ValueError as exc:
        raise RegisterFileError(f"{record['id']}: unknown kind {record.get('kind')!r}") from exc
    return RegisterEntry(id=str(record["id"]), kind=kind, preferred_name=str(record["preferred_name"]),
                         forms=tuple(forms), authority=authority, birth=record.get("birth") or None,
                         death=record.get("death") or None, note=record.get("note") or None)


def read_register(path: Path) -> list[RegisterEntry]:
    """Entries of a ``.csv`` or ``.json`` register file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegisterFileError(f"{path}: cannot be read: {exc}") from exc
    if path.suffix.lower() == ".json":
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RegisterFileError(f"{path}: line {exc.lineno}: not JSON: {exc.msg}") from exc
        if not isinstance(records, list):
            raise RegisterFileError(f"{path}: a JSON register is a list of entries")
    elif path.suffix.lower() == ".csv":
        records = list(csv.DictReader(io.StringIO(text)))
    else:
        raise RegisterFileError(f"{path}: a register file is .csv or .json")
    entries = []
    for number, record in enumerate(records, 1):
        where = f"row {number + 1}" if path.suffix.lower() == ".csv" else f"entry {number}"  # row 1: the header
        if not isinstance(record, dict):
            raise RegisterFileError(f"{path}: {where}: an entry is an object with an id and a preferred_name")
        try:
            entries.append(entry_from_record(record))
        except RegisterFileError as exc:
            raise RegisterFileError(f"{path}: {where}: {exc}") from exc
    return entries


def draft_entries(candidates: Iterable[tuple[str, int, tuple[str, ...]]], kind: PartyKind,
                  make_id: Callable[[str], str]) -> list[RegisterEntry]:
    """Draft entries for (name, letters, authority URIs) that no entry matched, most frequent first.

    Names a source gives the same authority ID ("Wien" and "[Wien]", GeoNames 2761369) make
    one draft: the most frequent name printed without the editors' brackets is preferred,
    the others are its forms. ``make_id`` gives a new entry's id from its preferred name.
    """
    groups: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
    for name, letters, refs in candidates:
        groups.setdefault(min(refs) if refs else f"name {name}", []).append((name, letters, refs))
    drafts = []
    for members in groups.values():
        names = [name for name, _, _ in members]
        preferred = next((n for n in names if not (n.startswith("[") and n.endswith("]"))), names[0])
        authority = authority_ids((ref for _, _, refs in members for ref in refs), AUTHORITIES)
        letters = sum(count for _, count, _ in members)
        drafts.append(RegisterEntry(
            id=make_id(preferred), kind=kind, preferred_name=preferred,
            forms=tuple(n for n in names if n != preferred), authority=authority,
            note=f"draft from the names no entry matched ({letters} letters): check it before importing"))
    return drafts


def entry_to_record(entry: RegisterEntry) -> dict[str, Any]:
    return {"id": entry.id, "kind": str(entry.kind), "preferred_name": entry.preferred_name,
            "forms": list(entry.forms), **{k: entry.authority.get(k, "") for k in AUTHORITIES},
            "birth": entry.birth or "", "death": entry.death or "", "note": entry.note or ""}


def register_to_csv(entries: Iterable[RegisterEntry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        record = entry_to_record(entry)
        writer.writerow({**record, "forms": "|".join(record["forms"])})
    return out.getvalue()


def register_to_json(entries: Iterable[RegisterEntry]) -> str:
    return json.dumps([entry_to_record(e) for e in entries], ensure_ascii=False, indent=1)
