"""The tables of the edition store, in SQLAlchemy Core: one definition for SQLite and PostgreSQL.

The parsed letter is kept whole as JSON (``letters.data``) so that it reads back exactly;
the columns and child tables beside it hold what is filtered, joined and linked on.
Editors' corrections live in their own table, keyed by letter id without a foreign key,
so that they outlive any re-ingest that deletes and re-creates a letter.
The Alembic migrations in ``store/migrations`` create exactly these tables; a test holds
them together.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ID = 300  # length of letter and register ids: "{collection}/{number}", "person/ordzhonikidze-g-k"


def _letter_fk() -> ForeignKey:
    return ForeignKey("letters.id", ondelete="CASCADE")


collections = Table(
    "collections", metadata,
    Column("slug", String(200), primary_key=True),
    Column("title", Text),
    Column("compilers", Text, nullable=False, default="[]"),  # JSON list
    Column("year", String(50)),
    Column("language", String(20), nullable=False, default="en"),
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("collection", String(200), ForeignKey("collections.slug"), nullable=False),
    Column("path", String(1000), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("raw", LargeBinary, nullable=False),  # the file's bytes, verbatim
    Column("text", Text, nullable=False),  # as decoded: every span points into it
    Column("media_type", String(100), nullable=False),
    Column("encoding", String(50), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("collection", "path", name="uq_sources_collection_path"),
    Index("ix_sources_sha256", "sha256"),
)

letters = Table(
    "letters", metadata,
    Column("id", String(ID), primary_key=True),
    Column("collection", String(200), ForeignKey("collections.slug"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("seq", Integer, nullable=False),  # order within its source
    Column("number", String(50)),
    Column("kind", String(50), nullable=False),
    Column("language", String(20), nullable=False),
    Column("date_edtf", String(100)),
    Column("date_earliest", Date),
    Column("date_latest", Date),
    Column("data", Text, nullable=False),  # the parsed Letter as JSON, before corrections
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_letters_collection_position", "collection", "position"),
    Index("ix_letters_source", "source_id"),
)

parties = Table(
    "parties", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), _letter_fk(), nullable=False),
    Column("role", String(20), nullable=False),  # "sender", "recipient", "place", "place_received"
    Column("seq", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("normalized", Text),
    Column("entry_id", String(ID)),
    Column("refs", Text),  # the authority URIs the source gives the party (canonical, space-separated)
    Column("kind", String(20), nullable=False, server_default="person"),  # person, organisation, place, unknown
    Index("ix_parties_letter", "letter_id"),
    Index("ix_parties_entry", "entry_id", "role"),
)

notes = Table(
    "notes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), _letter_fk(), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", String(50), nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_notes_letter", "letter_id"),
)

note_links = Table(
    "note_links", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), _letter_fk(), nullable=False),
    Column("note_number", String(50), nullable=False),
    Column("document", String(50), nullable=False),  # as the note cites it: "183"
    Column("target_note", String(50)),
    Column("target_letter_id", String(ID)),  # resolved at ingest; NULL while dangling
    Index("ix_note_links_letter", "letter_id"),
    Index("ix_note_links_target", "target_letter_id"),
)

archival_refs = Table(
    "archival_refs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), _letter_fk(), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("archive", String(200), nullable=False),
    Column("fond", String(50)),
    Column("opis", String(50)),
    Column("delo", String(50)),
    Column("folios", String(100)),
    Column("form", String(100)),
    Column("as_printed", Text, nullable=False),
    Index("ix_archival_refs_letter", "letter_id"),
)

findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE")),
    Column("letter_id", String(ID)),
    Column("origin", String(20), nullable=False),  # "parse", "ingest", "correction"
    Column("severity", String(20), nullable=False),
    Column("field", String(100), nullable=False),
    Column("message", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Index("ix_findings_source", "source_id"),
    Index("ix_findings_letter", "letter_id"),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), nullable=False),  # no foreign key: a correction outlives re-ingests
    Column("field", String(100), nullable=False),
    Column("value", Text, nullable=False),  # the corrected value, as the editor gave it
    Column("source_value", Text, nullable=False),  # the printed value it replaced, as text
    Column("by", String(200), nullable=False),
    Column("why", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_corrections_letter", "letter_id"),
)

register_entries = Table(
    "register_entries", metadata,
    Column("id", String(ID), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("preferred_name", Text, nullable=False),
    Column("authority", Text, nullable=False, default="{}"),  # JSON {"wikidata": "Q855"}
    Column("birth", String(50)),
    Column("death", String(50)),
    Column("note", Text),
)

name_forms = Table(
    "name_forms", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", String(ID), ForeignKey("register_entries.id", ondelete="CASCADE"), nullable=False),
    Column("form", Text, nullable=False),
    Column("key", String(300), nullable=False),  # the form folded for matching
    Index("ix_name_forms_key", "key"),
    Index("ix_name_forms_entry", "entry_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), _letter_fk(), nullable=False),
    Column("entry_id", String(ID), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Index("ix_mentions_letter", "letter_id"),
    Index("ix_mentions_entry", "entry_id"),
)

index_outbox = Table(
    # Letters whose search-index document is stale, written in the same transaction as the
    # change; the index is brought up to date from here, so a crash between the database
    # commit and the index commit is repaired by the next run.
    "index_outbox", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("letter_id", String(ID), nullable=False),
)
