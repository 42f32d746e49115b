"""Searching the edition: a typed request in, a typed result out (hits, snippets, facets, total).

The request's query is parsed by ``search.query`` and turned into tantivy queries here; the
filters become exact-term and range clauses; facet counts come from aggregations over every
letter that matches, so they always agree with ``total``.

Counting facets costs time in proportion to the hits times the values each letter has, and
for a common word it is most of a search. tantivy releases the GIL while it searches, so the
top hits and the facet counts (split into groups of about equal weight) run at the same time
on the machine's cores: for "the" (in 66k of 100k synthetic letters) p50 11.9 → 7.7 ms on
this two-core machine (``bench/store_bench.py search``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

import tantivy

from letterbook.errors import QueryError
from letterbook.languages import language_code
from letterbook.link.forms import form_key
from letterbook.parse.archival import archive_today
from letterbook.parse.header import kind_named
from letterbook.search.index import FACETS, PERSON_FACETS, TEXT_FIELDS, UNDATED, SearchIndex, stored_text
from letterbook.search.query import And, Node, Not, Phrase, Prefix, Term, parse_query
from letterbook.search.snippets import make_snippet, positive_words, stem_pattern

SEARCH_THREADS = min(os.cpu_count() or 1, 4)
# What counting a facet costs next to a one-value facet: tantivy counts multi-valued ones far
# more slowly, and a letter mentions several people.
FACET_WEIGHT = {"mentioned": 6, "correspondent": 2}
LINKED_FACETS = frozenset({*PERSON_FACETS, "place"})  # filtered by register id when the value names an entry
_YEARISH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
LONGEST_FOND = 120  # characters of "Russian State Archive of Socio-Political History f. 558" and more
# A fond by its number alone ("558", "f. 558", "ф. 558", "Р-5446"), or after its archive ("РГАСПИ ф. 558").
_FOND_NUMBER = r"(?P<number>(?:[РRP][-–]?)?\d+[a-zа-яё]?)"
_BARE_FOND = re.compile(rf"^(?:[fф]\.?\s*)?{_FOND_NUMBER}$", re.IGNORECASE)
_NAMED_FOND = re.compile(rf"^(?P<archive>.*?[^\W\d_].*?)[.,]?\s+[fф]\.?\s*{_FOND_NUMBER}$", re.IGNORECASE)


class DateMatch(StrEnum):
    CERTAINLY = "certainly"  # the letter's whole date range lies inside the filter's
    POSSIBLY = "possibly"  # the letter's date range overlaps the filter's


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"  # earliest first, undated last
    NEWEST = "newest"  # latest first, undated last


@dataclass(frozen=True, slots=True)
class SearchRequest:
    query: str = ""
    # facet name -> value ("sender": "Stalin"), or values that must all hold ("correspondent": ("Stalin", "Sergo"))
    filters: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    date_from: str | None = None  # "1920", "1920-05", "1920-05-01"
    date_to: str | None = None
    dates: DateMatch = DateMatch.POSSIBLY
    between: tuple[str, str] | None = None  # letters from either person to the other
    sort: Sort = Sort.RELEVANCE
    limit: int = 20
    offset: int = 0
    facet_size: int = 10
    facets: tuple[str, ...] = FACETS  # which facets to count: each costs time in proportion to the hits


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of the letter's text with the matches marked as [start, end) offsets into ``text``."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = "<mark>", close_mark: str = "</mark>") -> str:
        out, last = [], 0
        for start, end in self.marks:
            out += [self.text[last:start], open_mark, self.text[start:end], close_mark]
            last = end
        return "".join([*out, self.text[last:]])


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    label: str
    score: float
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]]


Resolver = Callable[[str], str]  # a person's or place's name or id -> the key the index holds for them


def filter_values(value: str | tuple[str, ...]) -> tuple[str, ...]:
    """A filter's values: one, or several that must all hold."""
    return (value,) if isinstance(value, str) else value


def fond_in_archive(fond: str, archives: Sequence[str]) -> str:
    """A fond as the index names it, "RGASPI f. 558", from "РГАСПИ ф. 558" or from a bare number
    ("558", "f. 558", "Р-5446") and the archive filtered on: a fond's number names it only
    within its archive. Archives go by today's name ("РЦХИДНИ" is RGASPI)."""
    if len(fond) > LONGEST_FOND:  # no fond is named so long; the patterns below need not see it
        return fond
    named = _NAMED_FOND.match(fond.strip())
    if named is not None:
        return f"{archive_today(named['archive'])} f. {named['number']}"
    bare = _BARE_FOND.match(fond.strip())
    if bare is None:
        return fond
    if len(archives) != 1:
        raise QueryError(f"fond {fond!r} needs its archive: filter on one archive too (archive RGASPI, fond "
                         f"558), or name both in the fond (\"RGASPI f. 558\")")
    return f"{archive_today(archives[0])} f. {bare['number']}"


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    match = _YEARISH.match(text.strip())
    if match is None:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day and month:
            d = dt.date(year, int(month), int(day))
            return d, d
        if month:
            first = dt.date(year, int(month), 1)
            return first, dt.date(year + (first.month == 12), first.month % 12 + 1, 1) - dt.timedelta(days=1)
    except ValueError as exc:
        raise QueryError(f"not a date: {text!r} ({exc})") from exc
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class Searcher:
    """Runs requests against one ``SearchIndex``; ``resolve`` maps the names of persons and places to register ids."""

    def __init__(self, index: SearchIndex, resolve: Resolver) -> None:
        self.index = index
        self.schema = index.schema
        self.resolve = resolve

    def search(self, request: SearchRequest) -> SearchResult:
        tree = parse_query(request.query) if request.query.strip() else None
        searcher = self.index.index.searcher()
        text_query = self.text_query(tree, searcher) if tree else None
        clauses = [*([text_query] if text_query else []), *self.filter_queries(request)]
        query = self._all(clauses)
        facet_groups = self._facet_groups(request.facets, request.facet_size)
        limit = max(request.limit, 1)  # tantivy refuses 0; a count-only request drops the one hit below
        counting = [_pool().submit(searcher.aggregate, query, group) for group in facet_groups]
        found, total = self._ranked(searcher, query, request.sort, limit, request.offset)
        pattern = stem_pattern(self._stems(positive_words(tree))) if tree else None
        hits = tuple(self._hit(searcher, score, address, pattern) for score, address in found[:max(request.limit, 0)])
        return SearchResult(total=total, hits=hits, facets=self._facet_counts(request.facets, counting))

    def _ranked(self, searcher: tantivy.Searcher, query: tantivy.Query, sort: Sort, limit: int, offset: int
                ) -> tuple[list[tuple[Any, tantivy.DocAddress]], int]:
        """The page of hits in the order asked for, and how many letters match."""
        if sort is Sort.NEWEST:
            return self._newest_first(searcher, query, limit, offset)
        if sort is Sort.DATE:
            result = searcher.search(query, limit, offset=offset, order_by_field="sort_date", order=tantivy.Order.Asc)
        else:
            result = searcher.search(query, limit, offset=offset)
        return list(result.hits), _count(result)

    def _newest_first(self, searcher: tantivy.Searcher, query: tantivy.Query, limit: int, offset: int
                      ) -> tuple[list[tuple[Any, tantivy.DocAddress]], int]:
        """Dated letters latest first, then the undated (indexed with the largest date, see index.py)."""
        dated = searcher.search(self._all([query, self._range("sort_date", None, UNDATED - 1)]), limit,
                                offset=offset, order_by_field="sort_date", order=tantivy.Order.Desc)
        undated = searcher.search(self._all([query, self._range("sort_date", UNDATED, None)]),
                                  max(limit - len(dated.hits), 1), offset=max(offset - _count(dated), 0),
                                  order_by_field="sort_date", order=tantivy.Order.Asc)
        return [*dated.hits, *undated.hits][:limit], _count(dated) + _count(undated)

    # -- the text query ------------------------------------------------------------------
    def text_query(self, node: Node, searcher: tantivy.Searcher) -> tantivy.Query:
        if isinstance(node, Term | Phrase):
            return self._words(node.text, searcher)
        if isinstance(node, Prefix):
            pattern = re.escape(node.text.lower()) + ".*"
            return self._any(tantivy.Query.regex_query(self.schema, f, pattern) for f in TEXT_FIELDS)
        if isinstance(node, Not):
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                                (tantivy.Occur.MustNot, self.text_query(node.item, searcher))])
        if isinstance(node, And):
            return self._all([self.text_query(item, searcher) for item in node.items])
        return self._any(self.text_query(item, searcher) for item in node.items)

    def _words(self, text: str, searcher: tantivy.Searcher) -> tantivy.Query:
        """A word or a phrase, in every text field, stemmed as that field's text was.

        A field in which no letter has the words is left out: looking up an English word in the
        Russian fields too made "letter" at 100k synthetic letters 10–20% slower, for nothing.
        """
        stemmed = {stemming: analyzer.analyze(text) for stemming, analyzer in self.index.analyzers.items()}
        clauses = []
        for name, stemming in TEXT_FIELDS.items():
            tokens = stemmed[stemming]
            if not tokens or any(searcher.doc_freq(name, token) == 0 for token in tokens):
                continue
            if len(tokens) == 1:
                clauses.append(tantivy.Query.term_query(self.schema, name, tokens[0]))
            else:
                words: list[str | tuple[int, str]] = list(tokens)
                clauses.append(tantivy.Query.phrase_query(self.schema, name, words))
        return self._any(clauses) if clauses else tantivy.Query.empty_query()

    # -- filters ---------------------------------------------------------------------------
    def filter_queries(self, request: SearchRequest) -> list[tantivy.Query]:
        clauses: list[tantivy.Query] = []
        for name, value in request.filters.items():
            if name not in FACETS:
                raise QueryError(f"unknown filter {name!r}: filters are {', '.join(FACETS)}")
            values = filter_values(value)
            if name == "fond":
                values = tuple(fond_in_archive(fond, filter_values(request.filters.get("archive", ())))
                               for fond in values)
            clauses.extend(self._key(name, each) for each in values)
        if request.between:
            first, second = request.between
            one_way = self._all([self._key("sender", first), self._key("recipient", second)])
            other_way = self._all([self._key("sender", second), self._key("recipient", first)])
            clauses.append(self._any([one_way, other_way]))
        if request.date_from or request.date_to:
            clauses.append(self._dates(request))
        return clauses

    def _key(self, name: str, value: str) -> tantivy.Query:
        if name == "archive":
            value = archive_today(value)
        elif name == "kind":
            value = kind_named(value)
        elif name == "language":
            value = language_code(value)
        key = self.resolve(value) if name in LINKED_FACETS else form_key(value) or value
        if name in {"kind", "language", "year", "collection"}:
            key = value.strip().lower()
        return tantivy.Query.term_query(self.schema, f"{name}_key", key)

    def _dates(self, request: SearchRequest) -> tantivy.Query:
        low = date_bounds(request.date_from)[0].toordinal() if request.date_from else None
        high = date_bounds(request.date_to)[1].toordinal() if request.date_to else None
        if low is not None and high is not None and low > high:
            raise QueryError(f"the date range ends ({request.date_to}) before it starts ({request.date_from})")
        certainly = request.dates is DateMatch.CERTAINLY
        ranges = []
        if low is not None:  # certainly: starts on or after low; possibly: ends on or after low
            ranges.append(self._range("earliest" if certainly else "latest", low, None))
        if high is not None:
            ranges.append(self._range("latest" if certainly else "earliest", None, high))
        return self._all(ranges)

    def _range(self, name: str, low: int | None, high: int | None) -> tantivy.Query:
        return tantivy.Query.range_query(self.schema, name, tantivy.FieldType.Integer, low, high)

    # -- results -----------------------------------------------------------------------------
    def _stems(self, words: list[str]) -> list[str]:
        both = self.index.analyzers["both"]
        return [stem for word in words for stem in (*both.analyze(word), word.lower().rstrip("*"))]

    def _hit(self, searcher: tantivy.Searcher, score: float, address: tantivy.DocAddress,
             pattern: re.Pattern[str] | None) -> Hit:
        doc = searcher.doc(address)
        fragment, marks = make_snippet(stored_text(doc), pattern)
        return Hit(id=str(doc["id"][0]), label=str(doc["label"][0]), score=float(score),
                   snippet=Snippet(fragment, marks))

    @staticmethod
    def _facet_groups(names: tuple[str, ...], size: int) -> list[dict[str, object]]:
        """The aggregation requests for ``names``, one per search thread, of about equal weight."""
        unknown = [name for name in names if name not in FACETS]
        if unknown:
            raise QueryError(f"unknown facet {unknown[0]!r}: facets are {', '.join(FACETS)}")
        if size <= 0 or not names:
            return []
        groups: list[dict[str, object]] = [{} for _ in range(min(SEARCH_THREADS, len(names)))]
        weights = [0] * len(groups)
        for name in sorted(names, key=lambda n: -FACET_WEIGHT.get(n, 1)):  # heaviest first, to the lightest group
            lightest = weights.index(min(weights))
            groups[lightest][name] = {"terms": {"field": name, "size": size}}
            weights[lightest] += FACET_WEIGHT.get(name, 1)
        return groups

    @staticmethod
    def _facet_counts(names: tuple[str, ...], counting: list[Future[Any]]) -> dict[str, tuple[FacetCount, ...]]:
        answer = {name: buckets for future in counting for name, buckets in future.result().items()}
        return {name: tuple(FacetCount(str(b["key"]), int(b["doc_count"])) for b in answer[name]["buckets"])
                for name in names if name in answer}

    @staticmethod
    def _all(queries: Sequence[tantivy.Query]) -> tantivy.Query:
        if not queries:
            return tantivy.Query.all_query()
        if len(queries) == 1:
            return queries[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])

    @staticmethod
    def _any(queries: object) -> tantivy.Query:
        items = list(queries)  # type: ignore[call-overload]
        if len(items) == 1:
            return items[0]  # type: ignore[no-any-return]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in items])


def _count(result: tantivy.SearchResult) -> int:
    return int(getattr(result, "count", 0))  # present at run time, missing from the stubs


@cache
def _pool() -> ThreadPoolExecutor:
    """The threads that count facets while the caller's thread finds the top hits."""
    return ThreadPoolExecutor(max_workers=SEARCH_THREADS, thread_name_prefix="letterbook-facets")


if hasattr(os, "register_at_fork"):  # a forked child has none of its parent's threads
    os.register_at_fork(after_in_child=_pool.cache_clear)
