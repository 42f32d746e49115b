"""Parties keep their kind (person, organisation, place, unknown), so that the register's
candidates of each kind are the names of that kind: the Politburo is no person to enter.

Places of writing and receipt become ``place``; a sender or recipient takes the kind its
stored letter gives it. Only letters whose JSON names another kind than ``person`` are
read (the others keep the default).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 10:50:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ROLES = {"sender": "senders", "recipient": "recipients"}


def upgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="person"))
    op.execute("UPDATE parties SET kind = 'place' WHERE role IN ('place', 'place_received')")
    conn = op.get_bind()
    others = conn.execute(sa.text(
        "SELECT id, data FROM letters WHERE data LIKE '%\"kind\":\"organisation\"%' "
        "OR data LIKE '%\"kind\":\"unknown\"%' OR data LIKE '%\"kind\":\"place\"%'")).all()
    update = sa.text("UPDATE parties SET kind = :kind WHERE letter_id = :letter_id AND role = :role AND seq = :seq")
    for letter_id, data in others:
        letter = json.loads(data)
        for role, key in _ROLES.items():
            for seq, party in enumerate(letter.get(key) or []):
                if party.get("kind", "person") != "person":
                    conn.execute(update, {"kind": party["kind"], "letter_id": letter_id, "role": role, "seq": seq})


def downgrade() -> None:
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("kind")
