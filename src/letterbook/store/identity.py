"""Stable letter identifiers: ``{collection}/{number}``, or derived from what identifies the letter.

An identifier never changes across re-ingests of the same letter: it is built only from
values printed in the source (number, date, correspondents) and, where two letters of one
source would share one, from their order among those twins.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from letterbook.data import load
from letterbook.model import Letter, Party

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII, lower case, words joined by "-": "Орджоникидзе Г. К." → "ordzhonikidze-g-k"."""
    table: dict[str, str] = load("translit", "letterbook.link")["cyrillic"]
    lowered = "".join(table.get(ch, ch) for ch in text.lower())
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


def _surname(party: Party) -> str:
    name = party.normalized or party.name
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1]
    # "I. V. Stalin" and "Сталин И. В." both end or start with the one long word.
    return slugify(max(words, key=len)) if words else slugify(name)


def letter_key(letter: Letter) -> str:
    """The part of a letter's id after the collection, before twins are told apart."""
    if letter.number:
        return slugify(letter.number) or "n"
    date = letter.date.edtf if letter.date and letter.date.edtf else "undated"
    people = [_surname(p) for p in (*letter.senders[:1], *letter.recipients[:1])]
    return "-".join(part for part in (slugify(date), *people) if part) or "undated"


def assign_ids(collection: str, letters: Iterable[Letter], taken: frozenset[str] = frozenset()) -> list[str]:
    """One id per letter, in order; twins within the source and ids ``taken`` by others get "-2", "-3"."""
    seen: Counter[str] = Counter()
    ids: list[str] = []
    for letter in letters:
        base = f"{collection}/{letter_key(letter)}"
        seen[base] += 1
        candidate = base if seen[base] == 1 else f"{base}-{seen[base]}"
        while candidate in taken or candidate in ids:
            seen[base] += 1
            candidate = f"{base}-{seen[base]}"
        ids.append(candidate)
    return ids
