"""Names that must not repeat within a set: an id, a file stem, an XML id."""

from __future__ import annotations


def unique(wanted: str, used: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3`` ... the first not in ``used``; it is added to ``used``."""
    name, n = wanted, 1
    while name in used:
        n += 1
        name = f"{wanted}-{n}"
    used.add(name)
    return name
