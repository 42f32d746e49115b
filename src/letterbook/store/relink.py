"""Linking stored letters again after the registers changed (``letterbook registers import``).

An unchanged source is never re-read, so without this a register entry added after the
ingest would never reach the letters already stored. Parties keep any id they have (the
source's own or an earlier link); unlinked parties and the mentions in the text are linked
anew, and the "no register entry" findings are replaced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from sqlalchemy import Connection, delete, insert, select, update

from letterbook.link.linker import CANDIDATE, link_letter
from letterbook.link.matcher import NameMatcher
from letterbook.model import Letter
from letterbook.store import schema as t
from letterbook.store.codec import dumps, loads
from letterbook.store.rows import finding_row, mention_rows, party_rows

BATCH = 500


def relink_batch(conn: Connection, after: str, matcher: NameMatcher, labels: Mapping[str, str]) -> tuple[str, int]:
    """Relink up to ``BATCH`` letters with ids after ``after``; the last id seen and how many changed."""
    rows = conn.execute(select(t.letters.c.id, t.letters.c.data, t.letters.c.source_id)
                        .where(t.letters.c.id > after).order_by(t.letters.c.id).limit(BATCH)).all()
    changed = 0
    for row in rows:
        old = loads(Letter, row.data)
        unlinked = dataclasses.replace(old, findings=tuple(f for f in old.findings if not _candidate(f.message)))
        new = link_letter(unlinked, matcher, labels)
        if new != old:
            _rewrite(conn, row.id, row.source_id, new)
            changed += 1
    return (rows[-1].id if rows else ""), changed


def _candidate(message: str) -> bool:
    return message.startswith(CANDIDATE)


def _rewrite(conn: Connection, letter_id: str, source_id: int, letter: Letter) -> None:
    for table in (t.parties, t.mentions):
        conn.execute(delete(table).where(table.c.letter_id == letter_id))
    for rows, table in ((list(party_rows(letter_id, letter)), t.parties),
                        (list(mention_rows(letter_id, letter)), t.mentions)):
        if rows:
            conn.execute(insert(table), rows)
    conn.execute(delete(t.findings).where(t.findings.c.letter_id == letter_id, t.findings.c.field == "register",
                                          t.findings.c.origin == "parse"))
    candidates = [finding_row(f, "parse", source_id, letter_id) for f in letter.findings if _candidate(f.message)]
    if candidates:
        conn.execute(insert(t.findings), candidates)
    conn.execute(update(t.letters).where(t.letters.c.id == letter_id)
                 .values(data=dumps(letter), updated_at=dt.datetime.now(dt.UTC)))
    conn.execute(insert(t.index_outbox).values(letter_id=letter_id))
