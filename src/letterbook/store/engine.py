"""Connecting to the store's database: SQLite (WAL, foreign keys) or PostgreSQL, one URL each."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from letterbook.errors import StoreError


def normalize_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 (the only PostgreSQL driver letterbook installs)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL and enforced foreign keys on every connection."""
    url = normalize_url(url)
    if not url.startswith(("sqlite", "postgresql")):
        raise StoreError(f"unsupported database URL {url!r}: use sqlite:///FILE or postgresql://...")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(connection: Any) -> None:
    # The sqlite3 module opens transactions lazily and by itself, which turns the release of
    # an outermost SAVEPOINT into a COMMIT; letterbook opens them explicitly instead
    # (SQLAlchemy's documented recipe), so savepoints nest inside one real transaction.
    connection.exec_driver_sql("BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (the web reader, a search) run while an ingest writes; a busy
    # timeout waits for a writer instead of failing; foreign keys are off by default.
    dbapi_connection.isolation_level = None  # see _sqlite_begin
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
