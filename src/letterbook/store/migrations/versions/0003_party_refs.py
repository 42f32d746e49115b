"""Parties keep the authority URIs their source gives them, for the register's candidates.

Letters stored before keep an empty ``refs`` until they are stored or linked again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("refs", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("refs")
