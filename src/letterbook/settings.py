"""One frozen ``Settings`` for the whole application, read from the environment or defaults.

Nothing reads the environment at import time: callers build ``Settings.from_env()`` once
(the CLI does) and pass it on, so tests can give their own values without patching.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///letterbook.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the edition lives: the database and the search index beside it."""

    database_url: str = DEFAULT_DATABASE_URL
    index_dir: str | None = None  # None: derived from the database (see ``search_index_dir``)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, database_url: str | None = None) -> Settings:
        """Settings from ``LETTERBOOK_DATABASE_URL`` / ``LETTERBOOK_INDEX_DIR``; an explicit URL wins."""
        values = os.environ if env is None else env
        url = database_url or values.get("LETTERBOOK_DATABASE_URL") or DEFAULT_DATABASE_URL
        return cls(database_url=url, index_dir=values.get("LETTERBOOK_INDEX_DIR") or None)

    @property
    def search_index_dir(self) -> Path:
        """The search index's directory: set explicitly, beside a SQLite file, or named after the database."""
        if self.index_dir:
            return Path(self.index_dir)
        return index_dir_for(self.database_url)


def index_dir_for(database_url: str) -> Path:
    """``x.db`` keeps its index in ``x.db.index``; a server database in ``./letterbook-index/<dbname>``."""
    if database_url.startswith("sqlite"):
        path = database_url.split(":///", 1)[1] if ":///" in database_url else ""
        if path and path != ":memory:":
            return Path(path + ".index")
        return Path("letterbook-memory.index")
    name = database_url.rsplit("/", 1)[-1].split("?", 1)[0] or "letterbook"
    return Path("letterbook-index") / name
