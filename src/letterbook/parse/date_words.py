"""The words of printed dates: tokens, and the lexicon of ``parse/data/dates.toml``.

Text is split into tokens (runs of ASCII digits, runs of letters, single other
characters) by one regular expression; the lexicon holds month names, qualifier
phrases and connectors as token sequences, looked up by their first word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, NamedTuple

from letterbook.data import load
from letterbook.parse.text import with_ocr_digits

_TOKEN = re.compile(r"(?P<num>[0-9]+)|(?P<word>[^\W\d_]+)|\S")
_LONGEST_NUMBER = 4  # a longer run of digits is no day, month or year; never converted to int


class Kind(StrEnum):
    NUM = "num"
    WORD = "word"
    SYM = "sym"


class Token(NamedTuple):  # a tuple, not a frozen dataclass: made for every token of every date tried
    kind: Kind
    text: str
    start: int  # character offsets into the tokenized text
    end: int
    glued: bool  # no space between this token and the one before it

    @property
    def number(self) -> int | None:
        if self.kind is not Kind.NUM or len(self.text) > _LONGEST_NUMBER:
            return None
        return int(self.text)


_KINDS = {"num": Kind.NUM, "word": Kind.WORD, None: Kind.SYM}


def tokenize(text: str) -> list[Token]:
    """The words, numbers and symbols of ``text``; OCR's letters inside numbers are read as
    digits ("December l8, 1925"), at the same offsets."""
    tokens: list[Token] = []
    previous_end = -1
    for match in _TOKEN.finditer(with_ocr_digits(text)):
        start, end = match.span()
        tokens.append(Token(_KINDS[match.lastgroup], match.group(), start, end, start == previous_end))
        previous_end = end
    return tokens


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Season:
    code: int  # EDTF level 1: 21 spring, 22 summer, 23 autumn, 24 winter
    first_month: int
    last_month: int  # past 12 runs into the next year


@dataclass(frozen=True, slots=True)
class Phrases:
    """Phrases as token sequences, looked up by their first word; longest tried first."""

    by_first: dict[str, tuple[Phrase, ...]]
    meaning: dict[Phrase, str]

    @classmethod
    def of(cls, items: Iterable[str] | dict[str, str]) -> Phrases:
        meaning = {_as_tokens(k): (items[k] if isinstance(items, dict) else "") for k in items}
        by_first: dict[str, list[Phrase]] = {}
        for phrase in sorted(meaning, key=len, reverse=True):
            by_first.setdefault(phrase[0], []).append(phrase)
        return cls({k: tuple(v) for k, v in by_first.items()}, meaning)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(word for phrase in self.meaning for word in phrase)


def _as_tokens(item: str) -> Phrase:
    return tuple(t.text.lower() for t in tokenize(item))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of ``dates.toml``, as token sequences ready to match."""

    months: dict[str, int]
    abbreviations: frozenset[str]
    latin_month_capitalised: bool
    roman_lookalikes: dict[int, str]
    ordinal_suffixes: Phrases
    day_words: Phrases
    year_words: Phrases
    range_connectors: Phrases
    between: Phrases
    between_joiners: Phrases
    alternatives: Phrases
    place_prepositions: frozenset[str]
    julian_markers: Phrases
    gregorian_markers: Phrases
    qualifiers: Phrases
    parts: dict[str, tuple[int, int]]
    seasons: dict[str, Season]
    function_words: frozenset[str]  # words of qualifiers, connectors, prepositions: never a place
    not_places: frozenset[str]


@cache
def lexicon() -> Lexicon:
    data: dict[str, Any] = load("dates")
    words = data["words"]
    months: dict[str, int] = {}
    abbreviations: set[str] = set()
    for entry in data["months"]:
        months.update(dict.fromkeys(entry["names"], entry["number"]))
        months.update(dict.fromkeys(entry["abbreviations"], entry["number"]))
        abbreviations.update(entry["abbreviations"])
    qualifiers = Phrases.of(dict(data["qualifiers"]))
    between, joiners = Phrases.of(words["between"]), Phrases.of(words["between_joiners"])
    connectors, prepositions = Phrases.of(words["range_connectors"]), frozenset(words["place_prepositions"])
    return Lexicon(
        months=months,
        abbreviations=frozenset(abbreviations),
        latin_month_capitalised=data["rules"]["latin_month_capitalised"],
        roman_lookalikes=str.maketrans(data["rules"]["roman_lookalikes"]),
        ordinal_suffixes=Phrases.of(words["ordinal_suffixes"]),
        day_words=Phrases.of(words["day_words"]),
        year_words=Phrases.of(words["year_words"]),
        range_connectors=connectors,
        between=between,
        between_joiners=joiners,
        alternatives=Phrases.of(words["alternatives"]),
        place_prepositions=prepositions,
        julian_markers=Phrases.of(words["julian_markers"]),
        gregorian_markers=Phrases.of(words["gregorian_markers"]),
        qualifiers=qualifiers,
        parts={k: (v[0], v[1]) for k, v in data["parts"].items()},
        seasons={k: Season(v["code"], v["months"][0], v["months"][1]) for k, v in data["seasons"].items()},
        function_words=qualifiers.words | between.words | joiners.words | connectors.words | prepositions,
        not_places=frozenset(words["not_places"]),
    )
