from __future__ import annotations

import datetime as dt
import json

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, insert, select

from letterbook.store import Store
from letterbook.store import schema as t
from letterbook.store.migrate import current_revision, head_revision, upgrade
from letterbook.store.schema import metadata


def test_migrations_create_exactly_the_tables_the_schema_describes(store: Store) -> None:
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_upgrading_twice_leaves_the_database_at_the_head_revision(store: Store) -> None:
    store.upgrade()
    assert current_revision(store.engine) == head_revision(store.engine) == "0004"


def test_upgrading_deletes_the_copies_of_letters_findings_stored_for_their_source(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine, "0001")
    finding = {"source_id": 1, "origin": "parse", "severity": "info", "field": "notes",
               "message": "no marker for note 1 in the text", "span_start": 10, "span_end": 20}
    with engine.begin() as conn:
        conn.execute(insert(t.collections).values(slug="c", title=None, compilers="", year=None, language="en"))
        conn.execute(insert(t.sources).values(id=1, collection="c", path="p.txt", sha256="0" * 64, raw=b"x", text="x",
                                              media_type="text/plain", encoding="utf-8",
                                              ingested_at=dt.datetime.now(dt.UTC)))
        conn.execute(insert(t.findings), [{**finding, "letter_id": "c/1"}, {**finding, "letter_id": None},
                                          {**finding, "letter_id": None, "message": "about the page itself"}])
    upgrade(engine)
    with engine.connect() as conn:
        kept = conn.execute(select(t.findings.c.letter_id, t.findings.c.message).order_by(t.findings.c.id)).all()
    engine.dispose()
    assert [tuple(row) for row in kept] == [("c/1", "no marker for note 1 in the text"),
                                            (None, "about the page itself")]


def test_upgrading_gives_stored_parties_the_kind_their_letters_give_them(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine, "0003")
    letter = {"senders": [{"name": "I. V. Stalin", "kind": "person"}],
              "recipients": [{"name": "A. Person", "kind": "person"}, {"name": "Politburo", "kind": "organisation"}]}
    party = {"letter_id": "c/1", "normalized": None, "entry_id": None, "refs": None}
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(insert(t.collections).values(slug="c", title=None, compilers="", year=None, language="en"))
        conn.execute(insert(t.sources).values(id=1, collection="c", path="p.txt", sha256="0" * 64, raw=b"x", text="x",
                                              media_type="text/plain", encoding="utf-8", ingested_at=now))
        conn.execute(insert(t.letters).values(id="c/1", collection="c", position=1, source_id=1, seq=0, kind="letter",
                                              language="en", data=json.dumps(letter, separators=(",", ":")),
                                              updated_at=now))
        conn.execute(insert(t.parties), [
            {**party, "role": "sender", "seq": 0, "name": "I. V. Stalin"},
            {**party, "role": "recipient", "seq": 0, "name": "A. Person"},
            {**party, "role": "recipient", "seq": 1, "name": "Politburo"},
            {**party, "role": "place", "seq": 0, "name": "Sochi"}])
    upgrade(engine)
    with engine.connect() as conn:
        kinds = dict(conn.execute(select(t.parties.c.name, t.parties.c.kind)).all())
    engine.dispose()
    assert kinds == {"I. V. Stalin": "person", "A. Person": "person", "Politburo": "organisation", "Sochi": "place"}


def test_sqlite_database_runs_in_wal_mode(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
