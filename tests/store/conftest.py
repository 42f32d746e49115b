"""The store's tests run twice: on a SQLite file and on a fresh PostgreSQL database.

PostgreSQL is the server at 127.0.0.1:5432 (user postgres, trust authentication); one
database ``letterbook_test_<random>`` is created per session and dropped after it, and
each test starts from an empty schema. Where no server answers, the PostgreSQL half is
skipped locally and fails under CI (``CI=true``), so CI cannot pass without it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from letterbook.settings import Settings
from letterbook.store import Store
from postgres import fresh_database

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from synthetic import pages, parse_page  # noqa: E402

__all__ = ["pages", "parse_page"]


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database on the local server (skipped where none answers, except under CI)."""
    with fresh_database("letterbook_test") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'edition.db'}"
    url: str = request.getfixturevalue("postgres_database")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, index_dir=str(tmp_path / "index"))


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    store = Store(settings)
    store.upgrade()
    yield store
    store.close()


@pytest.fixture
def page_dir(tmp_path: Path) -> Path:
    """Twelve synthetic pages (English and Russian) written as files."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, body in pages(12, seed=7):
        (folder / name).write_text(body, encoding="utf-8")
    return folder
