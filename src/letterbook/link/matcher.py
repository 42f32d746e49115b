"""Find register names in text fast: one Aho-Corasick automaton over every name form.

The automaton (``pyahocorasick``, C) scans a letter's lower-cased text once, whatever the
number of forms. Each form is added in the spellings that printing varies ("I. V. Stalin",
"I.V. Stalin", "I.V.Stalin"); a hit counts only on word boundaries. A form shared by two
entries (a surname two people bear) links neither.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import ahocorasick

from letterbook.export.authority import normalize_uri
from letterbook.link.forms import form_key
from letterbook.model import PartyKind

_SPACES = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\xa0": " ", "ё": "е"})
_SAME_LENGTH = (("\n", " "), ("\t", " "), ("\r", " "), ("\xa0", " "), ("ё", "е"))


def _fold(text: str) -> str:
    """Lower case, one kind of space, "ё" as "е"; the same length as ``text`` (str.replace is C-fast)."""
    folded = text.lower()
    for old, new in _SAME_LENGTH:
        if old in folded:
            folded = folded.replace(old, new)
    return folded


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entry_id: str


def spellings(form: str) -> Iterator[str]:
    """The printed variants of ``form``: an initial's dot may or may not be followed by a space."""
    parts = form.lower().translate(_SPACES).split()
    joins = [[" ", ""] if part.endswith(".") else [" "] for part in parts[:-1]]
    for chosen in itertools.product(*joins):
        yield "".join(part + sep for part, sep in zip(parts, chosen, strict=False)) + parts[-1]


class NameMatcher:
    """Every form of every entry, compiled once; ``find`` and ``lookup`` are then read-only.

    ``authorities`` maps the entries' authority URIs (canonical, see
    ``letterbook.export.authority``) to their ids, for ``lookup_authority``; ``kinds`` says
    which entries are persons, places or organisations, so that a lookup for one kind passes
    over the others ("Kirov" the man and "Kirov" the town).
    """

    def __init__(self, forms: Iterable[tuple[str, str]], authorities: Iterable[tuple[str, str]] = (),
                 kinds: Mapping[str, PartyKind] | None = None) -> None:
        self._kinds = dict(kinds or {})
        owners: dict[str, set[str]] = defaultdict(set)
        printed: dict[str, set[str]] = defaultdict(set)
        for entry_id, form in forms:
            if form_key(form):
                owners[form_key(form)].add(entry_id)
                for spelling in spellings(form):
                    printed[spelling].add(entry_id)
        self._owners = dict(owners)
        self._automaton = ahocorasick.Automaton()
        for spelling, ids in printed.items():
            if len(ids) == 1:
                self._automaton.add_word(spelling, (len(spelling), next(iter(ids))))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()
        by_uri: dict[str, set[str]] = defaultdict(set)
        for entry_id, uri in authorities:
            by_uri[normalize_uri(uri)].add(entry_id)
        self._by_authority = dict(by_uri)

    def lookup_authority(self, uris: Iterable[str], kind: PartyKind | None = None) -> str | None:
        """The one entry (of ``kind``) that bears any of the authority ``uris``, in whatever form written."""
        ids = {entry_id for uri in uris for entry_id in self._by_authority.get(normalize_uri(uri), ())}
        return self._the_one(ids, kind)

    def lookup(self, name: str, kind: PartyKind | None = None) -> str | None:
        """The one entry (of ``kind``) whose form is exactly ``name`` (punctuation and case aside)."""
        return self._the_one(self._owners.get(form_key(name), set()), kind)

    def is_kind(self, entry_id: str, kind: PartyKind | None) -> bool:
        """Whether the entry is of ``kind`` (any entry is when ``kind`` or the entry's kind is not known)."""
        return kind is None or self._kinds.get(entry_id, kind) is kind

    def _the_one(self, ids: Iterable[str], kind: PartyKind | None) -> str | None:
        of_kind = {entry_id for entry_id in ids if self.is_kind(entry_id, kind)}
        return next(iter(of_kind)) if len(of_kind) == 1 else None

    def find(self, text: str, offset: int = 0, capitalised: bool = True) -> list[Match]:
        """Longest non-overlapping names in ``text`` on word boundaries; spans shifted by ``offset``."""
        if self._empty:
            return []
        folded = _fold(text)
        if len(folded) != len(text):  # lower-casing changed a length ("İ"): fold per character
            folded = _fold("".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text))
        found: list[tuple[int, int, str]] = []
        for last, (length, entry_id) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if _bounded(text, start, end) and (not capitalised or text[start].isupper()):
                found.append((start, end, entry_id))
        return [Match(s + offset, e + offset, i) for s, e, i in _longest_first(found)]


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def _longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, entry_id in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if start >= last_end:
            chosen.append((start, end, entry_id))
            last_end = end
    return chosen
