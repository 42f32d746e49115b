"""Phrases from the data files turned into regular expressions that run in linear time.

Data files list words as people print them ("Оп.", "Заверенн* копи*", "Подпис* — автограф*");
this module makes the patterns that find them in real pages, where OCR mixes Latin and
Cyrillic look-alikes, words inflect, and dashes come and go. Every pattern built here is
a sequence of literal characters, character classes and single-class repetitions, so it
cannot backtrack more than a bounded number of steps at a position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from letterbook.data import load

# Not preceded / not followed by a letter: a word edge that, unlike \b, ignores digits,
# so "Ф.558" and "5401Л" still end and start words where a reader sees them end.
NOT_AFTER_LETTER = r"(?<![^\W\d_])"
NOT_BEFORE_LETTER = r"(?![^\W\d_])"

_WORD_ENDING = r"[^\W\d_]*"  # "*" in a phrase: the rest of an inflected word
_DASH_GAP = r"(?:\s*[-–—]\s*|\s+)"  # "—" in a phrase: a dash printed or not


@cache
def _lookalikes() -> dict[str, str]:
    """Each letter with the letters that look the same in the other script, both ways."""
    table: dict[str, str] = {}
    for cyrillic, latin in load("homoglyphs").items():
        table[cyrillic] = cyrillic + latin
        table[latin] = latin + cyrillic
    return table


def _char_pattern(char: str) -> str:
    if char == "*":
        return _WORD_ENDING
    same = _lookalikes().get(char)
    return f"[{same}]" if same else re.escape(char)


def _word_pattern(word: str) -> str:
    return "".join(_char_pattern(char) for char in word)


def phrase_body(phrase: str) -> str:
    """The pattern of one phrase: look-alike letters, "*" word endings, optional dashes.

    Words are separated by any run of blanks (pages wrap lines anywhere). A phrase that
    ends in a full stop must be printed with it; one that ends in a letter must end a word.
    The caller checks that it starts a word (``NOT_AFTER_LETTER``).
    """
    pattern = ""
    dash_before = False
    for index, word in enumerate(phrase.split()):
        if word in {"—", "–", "-"}:
            dash_before = True
            continue
        if index:
            pattern += _DASH_GAP if dash_before else r"\s+"
        pattern += _word_pattern(word)
        dash_before = False
    edge = "" if phrase.endswith(".") else NOT_BEFORE_LETTER
    return pattern + edge


def alternation(phrases: Iterable[str]) -> str:
    """A pattern matching any of ``phrases`` where a word starts."""
    return NOT_AFTER_LETTER + alternatives(phrases)


def alternatives(phrases: Iterable[str]) -> str:
    """One group matching any of ``phrases``, longest first so none is cut short.

    It does not check the word start: one check before the whole group is much faster
    than one per phrase, since the regular expression engine tries every phrase at
    every position of the text.
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "(?:" + "|".join(phrase_body(phrase) for phrase in ordered) + ")"


def reversed_alternatives(names: Iterable[str]) -> str:
    """Like ``alternatives``, for reading backwards: matched on the reversed text.

    A name is then found by where it ends, in one step, which is what a parser needs
    when it asks "is an archive's name printed just before this point?". The names are
    plain words ending in a letter (no "*", no dashes, no final stop: the stop after a
    name belongs to the gap). The caller checks that the name starts a word
    (``NOT_BEFORE_LETTER`` after the group); the group checks that it ends one.
    """
    ordered = sorted(set(names), key=lambda name: (-len(name), name))
    return NOT_AFTER_LETTER + "(?:" + "|".join(_reversed_body(name) for name in ordered) + ")"


def _reversed_body(name: str) -> str:
    return r"\s+".join(_word_pattern(word[::-1]) for word in reversed(name.split()))
