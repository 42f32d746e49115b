"""Statements compiled once per database dialect and run by the driver itself.

SQLAlchemy's work around each execution (cache key, parameter processing, result set-up,
events) costs more than running most of the statements an ingest runs for each source. A
prepared statement keeps what matters of it (the SQL compiled for the dialect, and each
parameter's type conversion, such as dates on SQLite) and hands it to a cursor of the
driver, inside the transaction the SQLAlchemy ``Connection`` opened. A one-row insert on
SQLite takes 5 µs through ``Connection.exec_driver_sql`` and 0.9 µs this way, and a
one-row select 9.8 and 1.2 µs; an ingest runs about a dozen per source. Rows come back
as plain tuples, so this suits results that need no conversion (ids, text, integers). A
driver error becomes a ``StoreError`` ("cannot be stored: ..."), which ingest reports
against the source that caused it.

An ``IN`` list of values takes one parameter per value (``in_list``), and the list is padded
to the next power of two by repeating its last value, so that a few prepared statements
serve lists of every length; ``run_in`` runs one for each 1,024 values (a CMIF file may
hold thousands of letters; PostgreSQL takes at most 65,535 parameters, SQLite 32,766 by
default). SQLAlchemy's own "expanding" parameters render the statement anew for each
execution: looking up the 27 ids that a source of three letters may take costs 36 µs that
way and 15 µs this way (SQLite).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Connection, Dialect, Table, bindparam, insert
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

from letterbook.errors import StoreError

Arguments = tuple[Any, ...] | dict[str, Any]
Row = tuple[Any, ...]
IN_LIST_MAX = 1024  # values in one IN list (see run_in)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Prepared:
    sql: str
    order: tuple[str, ...] | None  # parameter order for positional drivers (sqlite3); None: by name (psycopg)
    defaults: Mapping[str, Any]  # values compiled into the statement ("LIMIT 1")
    conversions: tuple[tuple[str, Callable[[Any], Any]], ...]  # the parameters' own type conversions

    def arguments(self, params: Mapping[str, Any]) -> Arguments:
        values = {**self.defaults, **params}
        for name, convert in self.conversions:
            values[name] = convert(values[name])
        return values if self.order is None else tuple(values[name] for name in self.order)


@cache
def prepare(dialect: Dialect, statement: ClauseElement) -> Prepared:
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))  # the compiler of SQL statements
    defaults = compiled.params
    conversions = tuple((name, convert) for name in defaults
                        if (convert := compiled.binds[name].type.bind_processor(dialect)) is not None)
    order = compiled.positiontup
    return Prepared(compiled.string, tuple(order) if order is not None else None,
                    {k: v for k, v in defaults.items() if v is not None}, conversions)


@cache
def insert_statement(table: Table, columns: tuple[str, ...], returning: str | None = None) -> ClauseElement:
    """``INSERT INTO table (columns) VALUES (...)``, built once for each table and column set."""
    statement = insert(table).values({c: bindparam(c, type_=table.c[c].type) for c in columns})
    return statement.returning(table.c[returning]) if returning else statement


def run(conn: Connection, statement: ClauseElement, params: Mapping[str, Any] | None = None) -> list[Row]:
    """Run ``statement`` once; its result rows, if it has any."""
    plan = prepare(conn.dialect, statement)
    with _driver_cursor(conn) as cursor:
        cursor.execute(plan.sql, plan.arguments(params or {}))
        return cast(list[Row], cursor.fetchall()) if cursor.description is not None else []


def run_many(conn: Connection, statement: ClauseElement, rows: Sequence[Mapping[str, Any]]) -> None:
    """Run ``statement`` once for each of ``rows`` (the driver's executemany)."""
    plan = prepare(conn.dialect, statement)
    with _driver_cursor(conn) as cursor:
        cursor.executemany(plan.sql, cast(Any, [plan.arguments(row) for row in rows]))


@contextmanager
def _driver_cursor(conn: Connection) -> Iterator[DBAPICursor]:
    """A cursor of the driver's connection, in the transaction ``conn`` has open; its errors as StoreErrors."""
    driver_connection = conn.connection.dbapi_connection
    assert driver_connection is not None, "the connection is closed"
    cursor = driver_connection.cursor()
    try:
        yield cursor
    except conn.dialect.loaded_dbapi.Error as exc:
        raise StoreError(f"cannot be stored: {exc}") from exc
    finally:
        cursor.close()


def insert_many(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (each with the same columns) in one executemany."""
    if rows:
        run_many(conn, insert_statement(table, tuple(rows[0])), rows)


def in_list(column: ColumnElement[Any], size: int) -> ColumnElement[bool]:
    """``column IN (:in0, ..., :in{size-1})``, for statements run by ``run_in``."""
    return column.in_([bindparam(f"in{i}") for i in range(size)])


def in_chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    """``values`` in runs of at most ``IN_LIST_MAX``, one for each IN list."""
    for first in range(0, len(values), IN_LIST_MAX):
        yield values[first:first + IN_LIST_MAX]


def run_in(conn: Connection, statement: Callable[[int], ClauseElement], values: Sequence[Any],
           params: Mapping[str, Any] | None = None) -> list[Row]:
    """The rows of ``statement(size)``, whose ``in_list`` has ``size`` places, for every one of ``values``."""
    rows: list[Row] = []
    for chunk in in_chunks(values):
        size = max(8, 1 << (len(chunk) - 1).bit_length())  # the next power of two
        padded = {f"in{i}": chunk[min(i, len(chunk) - 1)] for i in range(size)}
        rows += run(conn, statement(size), {**padded, **(params or {})})
    return rows
