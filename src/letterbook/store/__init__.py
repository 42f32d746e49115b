"""The edition store: sources, letters, registers, corrections and search, in SQLite or PostgreSQL."""

from letterbook.store.ingest import IngestSummary, ingest
from letterbook.store.store import Store

__all__ = ["IngestSummary", "Store", "ingest"]
