"""Initial schema: sources, letters and their parts, registers, mentions, corrections, findings.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 15:01:04.346752
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collections",
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("compilers", sa.Text(), nullable=False),
        sa.Column("year", sa.String(length=50), nullable=True),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("slug"),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("source_value", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index("ix_corrections_letter", ["letter_id"], unique=False)

    op.create_table(
        "index_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "register_entries",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("preferred_name", sa.Text(), nullable=False),
        sa.Column("authority", sa.Text(), nullable=False),
        sa.Column("birth", sa.String(length=50), nullable=True),
        sa.Column("death", sa.String(length=50), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "name_forms",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(length=300), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["register_entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("name_forms", schema=None) as batch_op:
        batch_op.create_index("ix_name_forms_entry", ["entry_id"], unique=False)
        batch_op.create_index("ix_name_forms_key", ["key"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("collection", sa.String(length=200), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("encoding", sa.String(length=50), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection"],
            ["collections.slug"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("collection", "path", name="uq_sources_collection_path"),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index("ix_sources_sha256", ["sha256"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("letter_id", sa.String(length=300), nullable=True),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index("ix_findings_letter", ["letter_id"], unique=False)
        batch_op.create_index("ix_findings_source", ["source_id"], unique=False)

    op.create_table(
        "letters",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("collection", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("date_edtf", sa.String(length=100), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection"],
            ["collections.slug"],
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index("ix_letters_collection_position", ["collection", "position"], unique=False)
        batch_op.create_index("ix_letters_source", ["source_id"], unique=False)

    op.create_table(
        "archival_refs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("archive", sa.String(length=200), nullable=False),
        sa.Column("fond", sa.String(length=50), nullable=True),
        sa.Column("opis", sa.String(length=50), nullable=True),
        sa.Column("delo", sa.String(length=50), nullable=True),
        sa.Column("folios", sa.String(length=100), nullable=True),
        sa.Column("form", sa.String(length=100), nullable=True),
        sa.Column("as_printed", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["letter_id"], ["letters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("archival_refs", schema=None) as batch_op:
        batch_op.create_index("ix_archival_refs_letter", ["letter_id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.Column("entry_id", sa.String(length=300), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["letter_id"], ["letters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_entry", ["entry_id"], unique=False)
        batch_op.create_index("ix_mentions_letter", ["letter_id"], unique=False)

    op.create_table(
        "note_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.Column("note_number", sa.String(length=50), nullable=False),
        sa.Column("document", sa.String(length=50), nullable=False),
        sa.Column("target_note", sa.String(length=50), nullable=True),
        sa.Column("target_letter_id", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["letter_id"], ["letters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note_links", schema=None) as batch_op:
        batch_op.create_index("ix_note_links_letter", ["letter_id"], unique=False)
        batch_op.create_index("ix_note_links_target", ["target_letter_id"], unique=False)

    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["letter_id"], ["letters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index("ix_notes_letter", ["letter_id"], unique=False)

    op.create_table(
        "parties",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_id", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("normalized", sa.Text(), nullable=True),
        sa.Column("entry_id", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["letter_id"], ["letters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.create_index("ix_parties_entry", ["entry_id", "role"], unique=False)
        batch_op.create_index("ix_parties_letter", ["letter_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_index("ix_parties_letter")
        batch_op.drop_index("ix_parties_entry")

    op.drop_table("parties")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_letter")

    op.drop_table("notes")
    with op.batch_alter_table("note_links", schema=None) as batch_op:
        batch_op.drop_index("ix_note_links_target")
        batch_op.drop_index("ix_note_links_letter")

    op.drop_table("note_links")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_letter")
        batch_op.drop_index("ix_mentions_entry")

    op.drop_table("mentions")
    with op.batch_alter_table("archival_refs", schema=None) as batch_op:
        batch_op.drop_index("ix_archival_refs_letter")

    op.drop_table("archival_refs")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index("ix_letters_source")
        batch_op.drop_index("ix_letters_collection_position")

    op.drop_table("letters")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_source")
        batch_op.drop_index("ix_findings_letter")

    op.drop_table("findings")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index("ix_sources_sha256")

    op.drop_table("sources")
    with op.batch_alter_table("name_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_name_forms_key")
        batch_op.drop_index("ix_name_forms_entry")

    op.drop_table("name_forms")
    op.drop_table("register_entries")
    op.drop_table("index_outbox")
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index("ix_corrections_letter")

    op.drop_table("corrections")
    op.drop_table("collections")
