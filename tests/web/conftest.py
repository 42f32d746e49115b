"""Fixtures of the web tests: the sample edition in memory and in a real SQLite store, and a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from letterbook.web.app import create_app
from letterbook.web.config import WebSettings
from letterbook.web.edition import EditionReader
from postgres import fresh_database
from web.sample import sample_edition
from web.sample_store import sample_store

SITE = "https://edition.example"


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database on the local server (skipped where none answers, except under CI)."""
    with fresh_database("letterbook_web") as url:
        yield url


@pytest.fixture(scope="module", params=["memory", "sqlite", "postgresql"])
def edition(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[EditionReader]:
    """The same six letters, held in memory or written into a store (SQLite or PostgreSQL, and a tantivy index)."""
    if request.param == "memory":
        yield sample_edition()
        return
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    store_edition = sample_store(tmp_path_factory.mktemp("store"), url)
    yield store_edition
    store_edition.store.close()


@pytest.fixture(scope="module")
def client(edition: EditionReader) -> Iterator[TestClient]:
    with TestClient(create_app(WebSettings(site_url=SITE), edition), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("served")
