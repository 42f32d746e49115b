"""Findings once: drop the copies of letters' findings that were stored again for their source.

Before this revision, every finding about a letter read by letterbook's parser was stored
twice: with its letter, and again without one (the page-level list of the parse output
repeats its letters' findings). The copies without a letter are deleted; nothing else is.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        DELETE FROM findings
        WHERE letter_id IS NULL AND origin = 'parse' AND EXISTS (
            SELECT 1 FROM findings AS of_letter
            WHERE of_letter.source_id = findings.source_id AND of_letter.letter_id IS NOT NULL
              AND of_letter.origin = 'parse' AND of_letter.severity = findings.severity
              AND of_letter.field = findings.field AND of_letter.message = findings.message
              AND of_letter.span_start = findings.span_start AND of_letter.span_end = findings.span_end)
    """)


def downgrade() -> None:
    """Nothing to restore: the deleted rows were copies."""
