"""The sample edition written into a real SQLite store (and its tantivy index), for the web tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from letterbook.model import ParseResult, Source
from letterbook.settings import Settings
from letterbook.store.store import Store
from letterbook.web.store_edition import StoreEdition
from web.sample import COLLECTION, COLLECTION_INFO, ENTRIES, SOURCE_PATH, sample_letters


def sample_store(folder: Path, database_url: str | None = None) -> StoreEdition:
    """A store (SQLite in ``folder``, or ``database_url``) holding the sample edition; its index in ``folder``."""
    text, letters = sample_letters()
    raw = text.encode("utf-8")
    source = Source(SOURCE_PATH, hashlib.sha256(raw).hexdigest(), text)
    url = database_url or f"sqlite:///{folder / 'edition.db'}"
    store = Store(Settings(database_url=url, index_dir=str(folder / "index")))
    store.upgrade()
    store.import_register(ENTRIES)
    store.store_result(ParseResult(source, COLLECTION_INFO, tuple(item.letter for item in letters)), raw, COLLECTION)
    store.sync_index()
    return StoreEdition(store)
