"""The in-memory edition and the store edition answer every list query alike.

The web reader serves either; a filter one of them drops or reads differently shows here as
a difference in the letters listed or in the timeline, whatever the combination.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest

from letterbook.web.edition import FACETS, EditionReader, LetterQuery, Role
from letterbook.web.memory import MemoryEdition
from letterbook.web.store_edition import StoreEdition
from web.sample import COLLECTION, COLLECTION_INFO, ENTRIES, SOURCE_PATH, sample_letters
from web.sample_store import sample_store

PEOPLE = (None, "person/stalin-i-v", "person/dzerzhinsky-f-e", "person/lenin-v-i", "person/nobody")
ROLES = (Role.ANY, Role.SENDER, Role.RECIPIENT, Role.MENTIONED)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreEdition]:
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    edition = sample_store(tmp_path_factory.mktemp("agree"), url)
    yield edition
    edition.store.close()


@pytest.fixture(scope="module")
def memory(store: StoreEdition) -> MemoryEdition:
    """The same letters in memory, as the store holds them (linked to the register on ingest)."""
    text, letters = sample_letters()
    stored = [store.get_letter(item.id) for item in letters]
    return MemoryEdition([item for item in stored if item], ENTRIES, {COLLECTION: COLLECTION_INFO}, {SOURCE_PATH: text})


def queries() -> Iterator[LetterQuery]:
    for entry, role, correspondent in itertools.product(PEOPLE, ROLES, PEOPLE):
        if entry is None and role is not Role.ANY:
            continue
        yield LetterQuery(entry=entry, role=role, correspondent=correspondent)
    for year, kind, language in itertools.product((None, 1925, 1931), (None, "letter", "telegram", "телеграмма"),
                                                (None, "en", "ru", "Russian", "русский")):
        yield LetterQuery(year=year, kind=kind, language=language)
    yield LetterQuery(year=1925, month=12)
    yield LetterQuery(entry="place/moscow", role=Role.WRITTEN_AT)
    for archive, fond in itertools.product(("RGASPI", "GARF"), (None, "558", "17")):  # a fond needs its archive
        yield LetterQuery(archive=archive, fond=fond)
    yield LetterQuery(archive="RGASPI", fond="558", date_from=dt.date(1925, 1, 1), date_to=dt.date(1926, 12, 31))


def listed(edition: EditionReader, query: LetterQuery) -> tuple[int, list[str]]:
    found = edition.find(query)
    return found.total, sorted(item.id for item in found.items)


@pytest.mark.parametrize("query", list(queries()), ids=repr)
def test_the_store_lists_what_the_memory_edition_lists(store: StoreEdition, memory: MemoryEdition,
                                                        query: LetterQuery) -> None:
    assert listed(store, query) == listed(memory, query)
    assert list(store.month_counts(query)) == list(memory.month_counts(query))


def test_the_grid_holds_queries_that_find_letters_and_queries_that_find_none(store: StoreEdition) -> None:
    totals = [listed(store, query)[0] for query in queries()]
    assert 0 in totals and max(totals) == 6 and any(0 < total < 6 for total in totals)


def test_a_person_with_a_correspondent_lists_the_letters_both_took_part_in(store: StoreEdition) -> None:
    query = LetterQuery(entry="person/stalin-i-v", role=Role.ANY, correspondent="person/dzerzhinsky-f-e")
    assert listed(store, query) == (3, ["bolsheviks/194", "bolsheviks/201", "bolsheviks/202"])




@pytest.mark.parametrize("entry", PEOPLE)
def test_the_store_counts_correspondents_and_the_network_as_the_memory_edition_does(
        store: StoreEdition, memory: MemoryEdition, entry: str | None) -> None:
    def correspondents(edition: EditionReader) -> list[tuple[str, int]]:
        return sorted((c.entry_id, c.letters) for c in edition.correspondents(entry, 100))

    def network(edition: EditionReader) -> tuple[list[str], list[tuple[str, str, int]]]:
        found = edition.network(entry, 100)
        links = sorted((link.source, link.target, link.letters) for link in found.links)
        return sorted(p.entry_id for p in found.nodes), links

    assert correspondents(store) == correspondents(memory)
    assert network(store) == network(memory)


def test_a_language_may_be_named_instead_of_coded(store: StoreEdition, memory: MemoryEdition) -> None:
    for edition in (store, memory):
        coded = listed(edition, LetterQuery(language="ru"))
        assert coded[0] > 0
        assert listed(edition, LetterQuery(language="Russian")) == listed(edition, LetterQuery(language="русский")) \
            == coded
        languages = edition.find(LetterQuery(), ("language",)).facets["language"]
        assert {(v.value, v.label) for v in languages} == {("en", "English"), ("ru", "Russian")}


@pytest.mark.parametrize("query", [LetterQuery(), LetterQuery(entry="person/stalin-i-v", role=Role.SENDER),
                                   LetterQuery(year=1925), LetterQuery(language="ru"),
                                   LetterQuery(entry="person/stalin-i-v", correspondent="person/dzerzhinsky-f-e")],
                         ids=repr)
def test_the_store_counts_facets_as_the_memory_edition_does(store: StoreEdition, memory: MemoryEdition,
                                                            query: LetterQuery) -> None:
    def facets(edition: EditionReader) -> dict[str, list[tuple[str, int]]]:
        found = edition.find(query, FACETS).facets
        return {name: sorted((v.value, v.label, v.count) for v in values) for name, values in found.items() if values}

    assert facets(store) == facets(memory)
