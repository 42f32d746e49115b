"""A fresh PostgreSQL database on the local server for one test module or session."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

SERVER = os.environ.get("LETTERBOOK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")


@contextmanager
def fresh_database(prefix: str) -> Iterator[str]:
    """The URL of a new database, dropped afterwards; skipped where no server answers, except under CI."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL at {SERVER}: {exc.orig}")
    try:
        yield f"{SERVER}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
