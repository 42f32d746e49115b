"""An ``EditionReader`` over letters held in memory: for small editions, previews and tests.

It answers every call by walking the letters, which is fine for thousands of letters and
is the reference the database-backed reader is compared with.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from letterbook.languages import language_name, same_language
from letterbook.model import Collection, EditionLetter, Finding, PartyKind, RegisterEntry
from letterbook.parse.header import kind_named
from letterbook.web.edition import (
    CollectionInfo,
    CorrectionRow,
    Correspondent,
    Counts,
    DateMode,
    FacetValue,
    FindingRow,
    FindingsPage,
    LetterQuery,
    LetterResults,
    MonthCount,
    Neighbours,
    Network,
    NetworkLink,
    Role,
    SnippetPart,
    Sort,
    party_key,
    summarise,
)

WORD = re.compile(r"\w+")
SNIPPET_CONTEXT = 70


def query_words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def haystack(item: EditionLetter) -> str:
    """Everything a search looks in: text, notes, names, date, archival citation."""
    letter = item.letter
    parts = [letter.text, *(n.text for n in letter.notes), *(p.name for p in letter.senders + letter.recipients),
             *(p.normalized or "" for p in letter.senders + letter.recipients),
             letter.date.as_printed if letter.date else "", *(a.as_printed for a in letter.archival)]
    return "\n".join(parts).casefold()


def snippet(text: str, words: Sequence[str]) -> tuple[SnippetPart, ...]:
    """A window of ``text`` around the first match, with every match in it marked."""
    folded = text.casefold()
    hits = sorted((m.start(), m.start() + len(w)) for w in words if w for m in re.finditer(re.escape(w), folded))
    if not hits:
        return (SnippetPart(text[: SNIPPET_CONTEXT * 2] + ("…" if len(text) > SNIPPET_CONTEXT * 2 else "")),)
    start = max(0, hits[0][0] - SNIPPET_CONTEXT)
    end = min(len(text), hits[0][1] + SNIPPET_CONTEXT * 2)
    parts: list[SnippetPart] = [SnippetPart("…")] if start > 0 else []
    cursor = start
    for hit_start, hit_end in hits:
        if hit_start < cursor or hit_end > end:
            continue
        parts += [SnippetPart(text[cursor:hit_start]), SnippetPart(text[hit_start:hit_end], marked=True)]
        cursor = hit_end
    parts.append(SnippetPart(text[cursor:end] + ("…" if end < len(text) else "")))
    return tuple(p for p in parts if p.text)


class MemoryEdition:
    """An edition of letters, registers and sources kept in memory."""

    def __init__(self, letters: Iterable[EditionLetter], entries: Iterable[RegisterEntry] = (),
                 collections: dict[str, Collection] | None = None, sources: dict[str, str] | None = None,
                 findings: Iterable[tuple[str | None, Finding]] = ()) -> None:
        self._letters = sorted(letters, key=lambda item: (item.collection, item.position))
        self._by_id = {item.id: item for item in self._letters}
        self._entries = {entry.id: entry for entry in entries}
        self._collections = collections or {}
        self._sources = sources or {}  # source path -> text
        self._extra_findings = list(findings)
        self._haystacks = {item.id: haystack(item) for item in self._letters}

    # --- the collection -------------------------------------------------------------
    def collections(self) -> Sequence[CollectionInfo]:
        counts = Counter(item.collection for item in self._letters)
        slugs = sorted(set(counts) | set(self._collections))
        return [self._collection_info(slug, counts[slug]) for slug in slugs]

    def _collection_info(self, slug: str, letters: int) -> CollectionInfo:
        known = self._collections.get(slug, Collection())
        return CollectionInfo(slug, known.title, known.compilers, known.year, known.language, letters)

    def counts(self) -> Counts:
        kinds = Counter(entry.kind for entry in self._entries.values())
        years = [item.letter.date.earliest.year for item in self._letters
                 if item.letter.date and item.letter.date.earliest]
        return Counts(len(self._letters), kinds[PartyKind.PERSON], kinds[PartyKind.PLACE],
                      kinds[PartyKind.ORGANISATION], min(years, default=None), max(years, default=None))

    # --- one letter -------------------------------------------------------------------
    def get_letter(self, letter_id: str) -> EditionLetter | None:
        return self._by_id.get(letter_id)

    def source_text(self, letter_id: str) -> str | None:
        item = self._by_id.get(letter_id)
        return self._sources.get(item.source_path) if item else None

    def corrections(self, letter_id: str) -> Sequence[CorrectionRow]:
        return ()  # letters read from files carry no editors' corrections

    def letter_id_for_number(self, collection: str, number: str) -> str | None:
        return next((item.id for item in self._letters
                     if item.collection == collection and item.letter.number == number), None)

    def neighbours(self, letter_id: str) -> Neighbours:
        item = self._by_id.get(letter_id)
        if item is None:
            return Neighbours()
        same = [other for other in self._letters if other.collection == item.collection]
        pair = correspondence(item)
        thread = [other for other in same if correspondence(other) == pair] if pair else []
        previous, following = _around(same, item)
        previous_c, following_c = _around(thread, item)
        return Neighbours(*(summarise(x) if x else None for x in (previous, following, previous_c, following_c)))

    # --- lists of letters -------------------------------------------------------------
    def _matching(self, query: LetterQuery) -> Iterator[EditionLetter]:
        words = query_words(query.text)
        for item in self._letters:
            if matches(item, query) and all(w in self._haystacks[item.id] for w in words):
                yield item

    def find(self, query: LetterQuery, facets: Sequence[str] = ()) -> LetterResults:
        found = sorted(self._matching(query), key=sort_key(query))
        words = query_words(query.text)
        page = found[query.offset: query.offset + query.limit]
        items = tuple(summarise(item, snippet(item.letter.text, words) if words else ()) for item in page)
        return LetterResults(len(found), items, {name: self._labelled(facet_values(name, found), name)
                                                 for name in facets})

    def _labelled(self, values: tuple[FacetValue, ...], name: str) -> tuple[FacetValue, ...]:
        """Correspondents under their register names, as the store edition shows them."""
        if name != "correspondent":
            return values
        return tuple(replace(v, label=self._name(v.value, v.label)) for v in values)

    def month_counts(self, query: LetterQuery) -> Sequence[MonthCount]:
        months = Counter((d.earliest.year, d.earliest.month) for item in self._matching(query)
                         if (d := item.letter.date) and d.earliest)
        return [MonthCount(year, month, count) for (year, month), count in sorted(months.items())]

    # --- registers --------------------------------------------------------------------
    def register_entries(self, kind: PartyKind | None = None) -> Sequence[RegisterEntry]:
        chosen = (e for e in self._entries.values() if kind is None or e.kind == kind)
        return sorted(chosen, key=lambda e: e.preferred_name.casefold())

    def entry(self, entry_id: str) -> RegisterEntry | None:
        return self._entries.get(entry_id)

    def correspondents(self, entry_id: str | None = None, limit: int = 20) -> Sequence[Correspondent]:
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for item in self._letters:
            linked = {p.id: p.normalized or p.name for p in item.letter.senders + item.letter.recipients if p.id}
            if entry_id is not None:
                if entry_id not in linked:
                    continue
                linked.pop(entry_id)
            names.update(linked)
            counts.update(linked.keys())
        return [Correspondent(key, self._name(key, names[key]), n) for key, n in counts.most_common(limit)]

    def _name(self, entry_id: str, fallback: str) -> str:
        entry = self._entries.get(entry_id)
        return entry.preferred_name if entry else fallback

    def network(self, entry_id: str | None = None, limit: int = 60) -> Network:
        people = list(self.correspondents(entry_id, limit))
        if entry_id is not None:
            own = next((c for c in self.correspondents(None, 10_000) if c.entry_id == entry_id), None)
            people = ([own] if own else []) + people[: limit - 1]
        chosen = {p.entry_id for p in people}
        weights: Counter[tuple[str, str]] = Counter()
        for item in self._letters:
            for sender in item.letter.senders:
                for recipient in item.letter.recipients:
                    if sender.id in chosen and recipient.id in chosen and sender.id != recipient.id:
                        a, b = sorted((sender.id or "", recipient.id or ""))
                        weights[(a, b)] += 1
        links = tuple(NetworkLink(a, b, n) for (a, b), n in sorted(weights.items()))
        return Network(tuple(people), links)

    # --- findings ---------------------------------------------------------------------
    def findings(self, offset: int = 0, limit: int = 100) -> FindingsPage:
        rows = [FindingRow(item.id, item.source_path or None, str(f.severity), f.field, f.message, f.span)
                for item in self._letters for f in item.letter.findings]
        rows += [FindingRow(None, path, str(f.severity), f.field, f.message, f.span)
                 for path, f in self._extra_findings]
        return FindingsPage(len(rows), tuple(rows[offset: offset + limit]))


def correspondence(item: EditionLetter) -> frozenset[str] | None:
    """The two sides of a letter's correspondence (first sender, first recipient), either way round."""
    letter = item.letter
    if not letter.senders or not letter.recipients:
        return None
    first, second = letter.senders[0], letter.recipients[0]
    return frozenset({party_key(first.normalized or first.name, first.id),
                      party_key(second.normalized or second.name, second.id)})


def _around(items: list[EditionLetter], item: EditionLetter) -> tuple[EditionLetter | None, EditionLetter | None]:
    index = next((i for i, other in enumerate(items) if other.id == item.id), None)
    if index is None:
        return None, None
    return (items[index - 1] if index > 0 else None), (items[index + 1] if index + 1 < len(items) else None)


def matches(item: EditionLetter, query: LetterQuery) -> bool:
    """Whether a letter passes every filter of ``query`` except the text."""
    letter, date = item.letter, item.letter.date
    earliest = date.earliest if date else None
    latest = (date.latest or earliest) if date else None
    checks = [
        query.collection is None or item.collection == query.collection,
        query.kind is None or letter.kind == kind_named(query.kind),
        query.language is None or same_language(letter.language, query.language),
        query.year is None or (earliest is not None and earliest.year == query.year),
        query.month is None or (earliest is not None and earliest.month == query.month),
        query.archive is None or any(a.archive == query.archive for a in letter.archival),
        query.fond is None or any(a.fond == query.fond for a in letter.archival),
        query.entry is None or query.entry in entry_ids(item, query.role),
        query.correspondent is None or query.correspondent in entry_ids(item, Role.ANY),
        in_range(earliest, latest, query),
    ]
    return all(checks)


def entry_ids(item: EditionLetter, role: Role) -> set[str]:
    letter = item.letter
    senders = {p.id for p in letter.senders if p.id}
    recipients = {p.id for p in letter.recipients if p.id}
    mentioned = {m.entry_id for m in letter.mentions}
    written_at = {letter.place.id} if letter.place and letter.place.id else set()
    return {Role.SENDER: senders, Role.RECIPIENT: recipients, Role.MENTIONED: mentioned,
            Role.WRITTEN_AT: written_at, Role.ANY: senders | recipients}[role]


def in_range(earliest: dt.date | None, latest: dt.date | None, query: LetterQuery) -> bool:
    """Certainly: the letter's whole date range lies inside; possibly: the ranges overlap."""
    if query.date_from is None and query.date_to is None:
        return True
    if earliest is None or latest is None:
        return False
    low = query.date_from or dt.date.min
    high = query.date_to or dt.date.max
    if query.date_mode == DateMode.CERTAINLY:
        return low <= earliest and latest <= high
    return earliest <= high and low <= latest


def sort_key(query: LetterQuery) -> Callable[[EditionLetter], tuple[bool, int, str, int]]:
    """Date (earliest day, earliest or latest first; undated last), else the collection's own order."""
    direction = -1 if query.sort == Sort.NEWEST else 1

    def by_date(item: EditionLetter) -> tuple[bool, int, str, int]:
        date = item.letter.date
        day = date.earliest.toordinal() if date and date.earliest else 0
        return (not day, direction * day, item.collection, item.position)

    def by_number(item: EditionLetter) -> tuple[bool, int, str, int]:
        return (False, 0, item.collection, item.position)

    return by_date if query.sort in (Sort.DATE, Sort.NEWEST) else by_number


def facet_values(name: str, items: Sequence[EditionLetter]) -> tuple[FacetValue, ...]:
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for item in items:
        for value, label in facet_of(name, item):
            counts[value] += 1
            labels[value] = label
    ordered = sorted(counts.items(), key=lambda kv: (kv[0],) if name == "year" else (-kv[1], kv[0]))
    return tuple(FacetValue(value, labels[value], n) for value, n in ordered)


def facet_of(name: str, item: EditionLetter) -> set[tuple[str, str]]:
    letter = item.letter
    if name == "year":
        return {(str(letter.date.earliest.year),) * 2} if letter.date and letter.date.earliest else set()
    if name == "kind":
        return {(letter.kind, letter.kind)}
    if name == "language":
        return {(letter.language, language_name(letter.language))}
    if name == "collection":
        return {(item.collection, item.collection)}
    if name == "archive":
        return {(a.archive, a.archive) for a in letter.archival if a.archive}
    if name == "correspondent":
        return {(p.id, p.normalized or p.name) for p in letter.senders + letter.recipients if p.id}
    return set()
