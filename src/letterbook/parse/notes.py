"""Editorial notes: the notes section, note numbers, markers in the text, cross-references.

Public API (pure, never raises, linear time):

- ``parse_notes(text, offset)``: the notes of one letter from the text of its notes
  section (the heading "Notes:"/"Примечания" already removed or included), each note
  with its number (repaired: "1 .", "one", "oneAt", "2We"), text, span, archival
  citations inside it and cross-references ("See note 1 to document No. 183").
- ``anchor_notes(notes, body, offset)``: the same notes with ``anchor`` set to the span
  of the marker in the letter's text that points to each ("faction 1 ,", "Trotsky3—").
"""

from __future__ import annotations

from letterbook.model import Note


def parse_notes(text: str, offset: int = 0) -> list[Note]:
    return []


def anchor_notes(notes: list[Note], body: str, offset: int = 0) -> list[Note]:
    return notes


def is_notes_heading(text: str) -> bool:
    return text.strip().rstrip(":").lower() in {"notes", "примечания"}


def is_note_separator(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) >= 5 and set(stripped) <= {"_", "-", "—"}
