"""Archival citations: "RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2. Typewritten text.".

Public API (pure, never raises, linear time):

- ``find_archival(text, offset)``: every citation inside ``text``, in order, each with
  its span in source coordinates (``offset`` is where ``text`` starts in the source).

Archive names, field abbreviations (and their translation slips) and the controlled
terms for the physical form live in ``parse/data/archival.toml``.
"""

from __future__ import annotations

from letterbook.model import ArchivalRef


def find_archival(text: str, offset: int = 0) -> list[ArchivalRef]:
    return []


def is_publication(text: str) -> bool:
    return False
