"""Writing one parsed source into the store, inside the caller's transaction.

Idempotent: a source whose bytes are already stored changes nothing. A changed source
updates its letters in place (same ids, same positions), removes the letters it no
longer holds, and queues every touched letter for the search index (``index_outbox``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, bindparam, delete, insert, select, union_all, update

from letterbook.model import Finding, Letter, ParseResult, Severity
from letterbook.store import schema as t
from letterbook.store.corrections import field_value
from letterbook.store.identity import assign_ids, letter_key
from letterbook.store.prepared import in_chunks, in_list, insert_many, insert_statement, run, run_in
from letterbook.store.rows import (
    archival_rows,
    collection_row,
    finding_row,
    letter_row,
    mention_rows,
    note_link_rows,
    note_rows,
    party_rows,
    source_row,
)

CHILDREN = (t.parties, t.notes, t.note_links, t.archival_refs, t.mentions)
SOURCE_CHANGED = "the source's value under this correction changed"


class StoredSource(NamedTuple):
    id: int
    sha256: str
    path: str


class StoredCorrection(NamedTuple):
    id: int
    letter_id: str
    field: str
    value: str
    source_value: str
    by: str


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    path: str
    outcome: Outcome
    letters: int = 0
    findings: int = 0
    ids: tuple[str, ...] = ()  # the stored letters' ids, in source order


# Statements built once (building one costs more than running it on SQLite), most of them
# run as prepared statements (``store.prepared``).
# Two indexed lookups joined by UNION ALL: with "path = ? OR sha256 = ?" SQLite scans every
# source of the collection, which made each ingest slower than the one before.
_FIND_SOURCE = union_all(
    select(t.sources.c.id, t.sources.c.sha256, t.sources.c.path).where(
        t.sources.c.collection == bindparam("collection"), t.sources.c.path == bindparam("path")),
    select(t.sources.c.id, t.sources.c.sha256, t.sources.c.path).where(
        t.sources.c.sha256 == bindparam("sha256"), t.sources.c.collection == bindparam("collection")))
_UPDATE_SOURCE = update(t.sources).where(t.sources.c.id == bindparam("source_id"))
_OLD_LETTERS = select(t.letters.c.id, t.letters.c.position).where(t.letters.c.source_id == bindparam("source_id"))
_FIND_COLLECTION = select(t.collections.c.slug).where(t.collections.c.slug == bindparam("slug"))
_LAST_POSITION = (select(t.letters.c.position).where(t.letters.c.collection == bindparam("collection"))
                  .order_by(t.letters.c.position.desc()).limit(1))  # one index seek, whatever the size


@cache
def _taken(size: int) -> Select[Any]:
    return select(t.letters.c.id).where(in_list(t.letters.c.id, size), t.letters.c.source_id != bindparam("source_id"))


@cache
def _corrections(size: int) -> Select[Any]:
    c = t.corrections.c
    return select(c.id, c.letter_id, c.field, c.value, c.source_value, c.by).where(in_list(c.letter_id, size))


def write_source(conn: Connection, result: ParseResult, raw: bytes, collection: str,
                 now: dt.datetime | None = None) -> SourceOutcome:
    """Store ``result`` (already linked) as a source of ``collection``; see the module docstring."""
    now = now or dt.datetime.now(dt.UTC)
    source = result.source
    stored = run(conn, _FIND_SOURCE, {"collection": collection, "path": source.path, "sha256": source.sha256})
    known = next((StoredSource(*r) for r in stored if r[2] == source.path), None)
    if (known and known.sha256 == source.sha256) or (not known and stored):
        return SourceOutcome(source.path, Outcome.UNCHANGED)  # these bytes are stored already
    _ensure_collection(conn, collection, result)
    row = source_row(collection, source, raw, now)
    if known:
        source_id = known.id
        conn.execute(_UPDATE_SOURCE, {**row, "source_id": source_id})
        old = {letter_id: position for letter_id, position in run(conn, _OLD_LETTERS, {"source_id": source_id})}
    else:
        [(source_id,)] = run(conn, insert_statement(t.sources, tuple(row), returning="id"), row)
        old = {}  # a new source holds no letters yet
    letters = result.letters
    ids = _letter_ids(conn, collection, source_id, letters)
    positions = _positions(conn, collection, ids, old)
    if known:
        _delete_children(conn, [*old, *ids])
        for gone in in_chunks([i for i in old if i not in ids]):
            conn.execute(delete(t.letters).where(t.letters.c.id.in_(gone)))
        conn.execute(delete(t.findings).where(t.findings.c.source_id == source_id))
    _upsert_letters(conn, collection, source_id, ids, letters=letters, positions=positions, now=now,
                    existing=set(old))
    _insert_children(conn, collection, ids, letters)
    findings = _findings(conn, result, source_id, ids)
    if findings:
        insert_many(conn, t.findings, findings)
    outbox = [{"letter_id": i} for i in dict.fromkeys([*old, *ids])]
    if outbox:
        insert_many(conn, t.index_outbox, outbox)
    return SourceOutcome(source.path, Outcome.UPDATED if known else Outcome.NEW, len(letters), len(findings),
                         tuple(ids))


def _ensure_collection(conn: Connection, slug: str, result: ParseResult) -> None:
    if not run(conn, _FIND_COLLECTION, {"slug": slug}):
        conn.execute(insert(t.collections).values(**collection_row(slug, result.collection)))


def _letter_ids(conn: Connection, collection: str, source_id: int, letters: Sequence[Letter]) -> list[str]:
    """``assign_ids`` for this source's letters, told which ids letters of other sources hold.

    Each letter's id is its base or the base with "-2", "-3", ...: the lookup asks for the
    bases with the first few suffixes, and for more when a collection holds more twins.
    """
    bases = list(dict.fromkeys(f"{collection}/{letter_key(letter)}" for letter in letters))
    suffixes = 10
    while True:
        candidates = [*bases, *(f"{b}-{n}" for b in bases for n in range(2, suffixes))]
        taken = frozenset(r[0] for r in run_in(conn, _taken, candidates, {"source_id": source_id}))
        ids = assign_ids(collection, letters, taken)
        if set(ids) <= set(candidates):  # every id it chose was looked up
            return ids
        suffixes *= 4


def _positions(conn: Connection, collection: str, ids: Sequence[str], old: dict[str, int]) -> list[int]:
    """A letter keeps its position; new letters follow the collection's last one, in source order."""
    last = run(conn, _LAST_POSITION, {"collection": collection})
    following = (last[0][0] if last else 0) + 1
    positions = []
    for letter_id in ids:
        if letter_id in old:
            positions.append(old[letter_id])
        else:
            positions.append(following)
            following += 1
    return positions


def _delete_children(conn: Connection, ids: Iterable[str]) -> None:
    for chunk in in_chunks(list(dict.fromkeys(ids))):
        for table in CHILDREN:
            conn.execute(delete(table).where(table.c.letter_id.in_(chunk)))


def _upsert_letters(conn: Connection, collection: str, source_id: int, ids: Sequence[str], *,
                    letters: Sequence[Letter], positions: Sequence[int], now: dt.datetime,
                    existing: set[str]) -> None:
    """Letters this source held before are updated (same id, same position); the others inserted."""
    new_rows: list[dict[str, Any]] = []
    for seq, (letter_id, letter, position) in enumerate(zip(ids, letters, positions, strict=True)):
        row = {**letter_row(letter_id, collection, source_id, seq, letter, now=now), "position": position}
        if letter_id in existing:
            conn.execute(update(t.letters).where(t.letters.c.id == letter_id).values(**row))
        else:
            new_rows.append(row)
    if new_rows:
        insert_many(conn, t.letters, new_rows)


def _insert_children(conn: Connection, collection: str, ids: Sequence[str], letters: Sequence[Letter]) -> None:
    batches: dict[str, list[dict[str, object]]] = {table.name: [] for table in CHILDREN}
    for letter_id, letter in zip(ids, letters, strict=True):
        batches["parties"].extend(party_rows(letter_id, letter))
        batches["notes"].extend(note_rows(letter_id, letter))
        batches["note_links"].extend(note_link_rows(letter_id, collection, letter))
        batches["archival_refs"].extend(archival_rows(letter_id, letter))
        batches["mentions"].extend(mention_rows(letter_id, letter))
    for table in CHILDREN:
        if batches[table.name]:
            insert_many(conn, table, batches[table.name])


def _findings(conn: Connection, result: ParseResult, source_id: int, ids: Sequence[str]) -> list[dict[str, object]]:
    rows = [finding_row(f, "parse", source_id, None) for f in result.findings]
    for letter_id, letter in zip(ids, result.letters, strict=True):
        rows.extend(finding_row(f, "parse", source_id, letter_id) for f in letter.findings)
    rows.extend(_correction_findings(conn, source_id, ids, result.letters))
    return rows


def _correction_findings(conn: Connection, source_id: int, ids: Sequence[str],
                         letters: Sequence[Letter]) -> Iterable[dict[str, object]]:
    """A finding for each correction whose underlying printed value is no longer what the source says."""
    by_id = dict(zip(ids, letters, strict=True))
    if not ids:
        return
    rows = sorted(run_in(conn, _corrections, ids))  # in the order they were made
    for correction in (StoredCorrection(*row) for row in rows):
        letter = by_id[correction.letter_id]
        now_printed = field_value(letter, correction.field)
        if now_printed != correction.source_value:
            message = (f"{SOURCE_CHANGED}: {correction.field} was {correction.source_value!r} when "
                       f"{correction.by} corrected it to {correction.value!r}; the source now says {now_printed!r}")
            yield finding_row(Finding(Severity.WARNING, correction.field, message, letter.span),
                              "correction", source_id, correction.letter_id)
