"""The ``EditionReader`` over the edition store (SQLite or PostgreSQL)."""

from __future__ import annotations

from letterbook.errors import StoreError
from letterbook.web.edition import EditionReader


def open_store_edition(database_url: str) -> EditionReader:
    raise StoreError(f"cannot open {database_url}: the edition store is not available in this build yet")
