from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from letterbook.store import Store
from letterbook.store.migrate import current_revision, head_revision
from letterbook.store.schema import metadata


def test_migrations_create_exactly_the_tables_the_schema_describes(store: Store) -> None:
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_upgrading_twice_leaves_the_database_at_the_head_revision(store: Store) -> None:
    store.upgrade()
    assert current_revision(store.engine) == head_revision(store.engine) == "0001"


def test_sqlite_database_runs_in_wal_mode(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
