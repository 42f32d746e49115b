from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
import tantivy
from synthetic import parse_page, source_of

import letterbook.search.search as search_module
from letterbook.errors import QueryError
from letterbook.link.linker import link_letter
from letterbook.model import Collection, HistoricalDate, Letter, ParseResult, Party, PartyKind, RegisterEntry
from letterbook.search import DateMatch, SearchRequest, Sort
from letterbook.search.index import FACETS
from letterbook.search.query import And, Not, Or, Phrase, Prefix, Term, parse_query
from letterbook.store import Store, ingest
from letterbook.store.ingest import source_files
from letterbook.store.write import write_source

from .test_corrections import first_page


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def letter(number: str, text: str, sender: str, recipient: str, earliest: str, *, latest: str | None = None,
           language: str = "en") -> Letter:
    date = HistoricalDate(earliest, (0, 1), earliest, day(earliest), day(latest or earliest),
                          approximate=latest is not None)
    return Letter(span=(0, 1), text=text, text_span=(0, len(text)), number=number, language=language,
                  senders=(Party(sender, (0, 1)),), recipients=(Party(recipient, (0, 1)),), date=date)


LETTERS = [
    letter("1", "I am sending you the letters about the grain plan. Kamenev objects.",
           "I. V. Stalin", "G. K. Ordzhonikidze", "1922-03-01"),
    letter("2", "Received your letter. Sergo agrees with the plan of the commission.",
           "G. K. Ordzhonikidze", "I. V. Stalin", "1925-06-10"),
    letter("3", "Посылаю письма Кагановичу. Политбюро решило вопрос о хлебе.",
           "Сталин И.В.", "Кагановичу Л.М.", "1932-07-01", language="ru"),
    letter("4", "Письмо получил. Товарищ Сталин согласен с планом.",
           "Каганович Л.М.", "Сталину И.В.", "1926-01-01", latest="1927-12-31", language="ru"),
    letter("5", "A telegram about the railway; no letters today.", "V. I. Lenin", "L. D. Trotsky", "1919-05-05"),
]


@pytest.fixture
def edition(store: Store) -> Store:
    store.ensure_register()
    linked = tuple(link_letter(x, store.matcher, store.labels) for x in LETTERS)
    result = ParseResult(source_of("edition.txt", "x"), Collection(title="Test"), linked)
    with store.engine.begin() as conn:
        write_source(conn, result, b"x", "test")
    store.sync_index()
    return store


def ids(store: Store, query: str = "", **options: object) -> list[str]:
    return sorted(hit.id for hit in store.search(SearchRequest(query=query, **options)).hits)  # type: ignore[arg-type]


def test_english_stemming_finds_letter_for_letters(edition: Store) -> None:
    assert ids(edition, "letters") == ["test/1", "test/2", "test/5"]


def test_russian_stemming_finds_pisma_for_pismo(edition: Store) -> None:
    assert ids(edition, "письмо") == ["test/3", "test/4"]


def test_letters_in_other_languages_are_stemmed_by_their_script(store: Store) -> None:
    others = [letter("6", "Ich schicke Ihnen die Briefe.", "Lenin", "Kautsky", "1910-01-01", language="de"),
              letter("7", "Надсилаю листи товаришам.", "Скрипник", "Сталіну", "1925-01-01", language="uk")]
    with store.engine.begin() as conn:
        write_source(conn, ParseResult(source_of("o.txt", "x"), Collection(title="T"), tuple(others)), b"x", "test")
    store.sync_index()
    assert ids(store, "Briefe") == ["test/6"]
    assert ids(store, "листи") == ids(store, "листами") == ["test/7"]  # the Russian stemmer: "лист"
    assert ids(store, "letters") == []


def test_a_word_no_letter_has_finds_nothing_and_excluding_it_everything(edition: Store) -> None:
    assert ids(edition, "zyxwv") == ids(edition, '"zyxwv grain"') == []
    assert ids(edition, "NOT zyxwv") == ids(edition) and len(ids(edition)) == len(LETTERS)
    assert ids(edition, "zyxwv OR telegram") == ["test/5"]


def test_phrases_and_boolean_operators(edition: Store) -> None:
    assert ids(edition, '"grain plan"') == ["test/1"]
    assert ids(edition, "plan AND Sergo") == ["test/2"]
    assert ids(edition, "telegram OR commission") == ["test/2", "test/5"]
    assert ids(edition, "letters NOT Kamenev") == ["test/2", "test/5"]
    assert ids(edition, "letters -railway") == ["test/1", "test/2"]


def test_a_prefix_finds_every_word_that_starts_with_it(edition: Store) -> None:
    assert ids(edition, "commiss*") == ["test/2"]
    assert ids(edition, "полит*") == ["test/3"]


def test_filters_by_person_accept_any_form_of_the_name(edition: Store) -> None:
    assert ids(edition, filters={"sender": "Stalin"}) == ["test/1", "test/3"]
    assert ids(edition, filters={"recipient": "Сталину"}) == ["test/2", "test/4"]
    assert ids(edition, filters={"correspondent": "Kaganovich"}) == ["test/3", "test/4"]
    assert ids(edition, filters={"mentioned": "Kamenev"}) == ["test/1"]
    assert ids(edition, filters={"language": "ru"}) == ["test/3", "test/4"]


def test_a_kind_is_found_by_the_word_printed_for_it_in_either_language(store: Store) -> None:
    telegram = dataclasses.replace(LETTERS[4], kind="telegram")
    result = ParseResult(source_of("kinds.txt", "x"), Collection(title="Test"), (LETTERS[0], telegram))
    with store.engine.begin() as conn:
        write_source(conn, result, b"x", "test")
    store.sync_index()
    for printed in ("telegram", "Telegram", "телеграмма", "Телеграмма"):
        assert ids(store, filters={"kind": printed}) == ["test/5"], printed
    assert ids(store, filters={"kind": "письмо"}) == ["test/1"]


def test_a_language_is_found_by_its_code_or_its_name_in_english_russian_or_itself(store: Store) -> None:
    german = letter("6", "Ich schicke Ihnen die Briefe.", "Lenin", "Kautsky", "1910-01-01", language="ger")
    result = ParseResult(source_of("de.txt", "x"), Collection(title="T"), (LETTERS[0], LETTERS[2], german))
    with store.engine.begin() as conn:
        write_source(conn, result, b"x", "test")
    store.sync_index()
    for named in ("ru", "RU", "rus", "Russian", "русский", "Русский язык"):
        assert ids(store, filters={"language": named}) == ["test/3"], named
    for named in ("de", "ger", "deu", "German", "Deutsch", "немецкий"):  # stored as a TEI edition coded it
        assert ids(store, filters={"language": named}) == ["test/6"], named
    assert ids(store, filters={"language": "Klingon"}) == ids(store, filters={"language": "xx"}) == []


def test_several_values_of_a_filter_must_all_hold(edition: Store) -> None:
    assert ids(edition, filters={"correspondent": ("Stalin", "Sergo")}) == ["test/1", "test/2"]
    assert ids(edition, filters={"correspondent": ("Stalin", "Kaganovich")}) == ["test/3", "test/4"]
    assert ids(edition, filters={"correspondent": ("Stalin", "Lenin")}) == []
    assert ids(edition, filters={"sender": ("Stalin",), "language": ("ru",)}) == ["test/3"]


def test_facets_count_the_letters_that_match(edition: Store) -> None:
    result = edition.search(SearchRequest(query="letters"))
    assert result.total == 3
    senders = {f.value: f.count for f in result.facets["sender"]}
    assert senders == {"I. V. Stalin": 1, "G. K. Ordzhonikidze": 1, "V. I. Lenin": 1}
    assert {f.value: f.count for f in result.facets["language"]} == {"en": 3}
    assert {f.value for f in result.facets["year"]} == {"1922", "1925", "1919"}


def test_only_the_facets_asked_for_are_counted(edition: Store) -> None:
    result = edition.search(SearchRequest(query="letters", facets=("year", "sender")))
    assert set(result.facets) == {"year", "sender"}
    assert {f.value for f in result.facets["year"]} == {"1922", "1925", "1919"}
    assert edition.search(SearchRequest(query="letters", facets=())).facets == {}


def test_letters_between_two_people_go_either_way(edition: Store) -> None:
    assert ids(edition, between=("Stalin", "Ordzhonikidze")) == ["test/1", "test/2"]
    assert ids(edition, between=("Сталин", "Kaganovich"), date_from="1920", date_to="1926") == ["test/4"]


def test_uncertain_dates_are_possibly_but_not_certainly_in_a_range(edition: Store) -> None:
    assert ids(edition, date_from="1926", date_to="1926", dates=DateMatch.POSSIBLY) == ["test/4"]
    assert ids(edition, date_from="1926", date_to="1926", dates=DateMatch.CERTAINLY) == []
    assert ids(edition, date_from="1920", date_to="1926", dates=DateMatch.CERTAINLY) == ["test/1", "test/2"]


def test_letters_written_at_a_registered_place_are_found_by_its_id_or_any_of_its_names(store: Store) -> None:
    store.import_register([RegisterEntry("place/tiflis", PartyKind.PLACE, "Tiflis", forms=("Тифлис", "Tbilisi"))])
    written = dataclasses.replace(LETTERS[0], place=Party("Тифлис", (0, 6), kind=PartyKind.PLACE))
    linked = link_letter(written, store.matcher, store.labels)
    assert linked.place is not None and linked.place.id == "place/tiflis"
    with store.engine.begin() as conn:
        write_source(conn, ParseResult(source_of("tiflis.txt", "x"), Collection(title="Test"), (linked,)), b"x",
                     "test")
    store.sync_index()
    for value in ("place/tiflis", "Tiflis", "Tbilisi", "Тифлис"):
        assert ids(store, filters={"place": value}) == ["test/1"], value
    assert store.search(SearchRequest(query="grain")).facets["place"][0].value == "Tiflis"  # the register's name


def test_results_sort_by_date(edition: Store) -> None:
    hits = edition.search(SearchRequest(sort=Sort.DATE)).hits
    assert [h.id for h in hits] == ["test/5", "test/1", "test/2", "test/4", "test/3"]


def test_snippets_mark_the_words_that_matched(edition: Store) -> None:
    [hit] = edition.search(SearchRequest(query="commission")).hits
    assert "<mark>commission</mark>" in hit.snippet.marked()
    assert "No. 2" in hit.label and "G. K. Ordzhonikidze" in hit.label


@pytest.mark.parametrize(("query", "message"), [
    ('"unclosed phrase', "unbalanced quote"),
    ("(grain OR plan", "unbalanced parenthesis"),
    ("grain)", "unbalanced parenthesis"),
    ("grain AND", "search term is missing"),
    ("OR grain", "search term is missing"),
    ("NOT", "search term is missing"),
    ("g*", "at least two letters"),
])
def test_a_malformed_query_gets_a_clear_query_error(edition: Store, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        edition.search(SearchRequest(query=query))


def test_bad_filters_and_dates_are_query_errors(edition: Store) -> None:
    with pytest.raises(QueryError, match="unknown filter"):
        edition.search(SearchRequest(filters={"colour": "red"}))
    with pytest.raises(QueryError, match="not a date"):
        edition.search(SearchRequest(date_from="spring"))
    with pytest.raises(QueryError, match="ends"):
        edition.search(SearchRequest(date_from="1930", date_to="1920"))
    with pytest.raises(QueryError, match="unknown facet 'colour'"):
        edition.search(SearchRequest(facets=("colour",)))


def test_a_fond_is_found_by_its_number_within_the_archive_filtered_on(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="pages", parse=parse_page)
    named = store.search(SearchRequest(filters={"fond": "RGASPI f. 558"})).total
    assert 0 < named < store.search(SearchRequest()).total
    for fond in ("558", "f. 558", "ф. 558"):
        assert store.search(SearchRequest(filters={"archive": "RGASPI", "fond": fond})).total == named, fond
    for archive in ("РГАСПИ", "RTsKhIDNI", "РЦХИДНИ"):  # today's name, the printed one, in either script
        assert store.search(SearchRequest(filters={"archive": archive, "fond": "558"})).total == named, archive
    assert store.search(SearchRequest(filters={"fond": "РЦХИДНИ ф. 558"})).total == named
    started = time.perf_counter()  # an archive name of a hundred thousand characters is read in linear time
    assert store.search(SearchRequest(filters={"archive": "a f" * 30_000, "fond": "558"})).total == 0
    assert time.perf_counter() - started < 5
    with pytest.raises(QueryError, match="fond '558' needs its archive"):
        store.search(SearchRequest(filters={"fond": "558"}))


def test_the_query_language_parses_into_a_tree() -> None:
    assert parse_query('"a b" OR cc* -d') == Or((Phrase("a b"), And((Prefix("cc"), Not(Term("d"))))))


def test_search_sees_a_correction_at_once(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    _, letter_id = first_page(page_dir)
    store.correct(letter_id, "text", "An entirely rewritten zanzibar text.", by="ed", why="test")
    store.sync_index()
    assert [h.id for h in store.search(SearchRequest(query="zanzibar")).hits] == [letter_id]


def test_every_facet_is_counted_once_whatever_the_number_of_search_threads(edition: Store,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    answers = []
    for threads in (1, 2, 3, 8):
        monkeypatch.setattr(search_module, "SEARCH_THREADS", threads)
        result = edition.search(SearchRequest(query="letters"))
        assert set(result.facets) == set(FACETS)
        answers.append(result.facets)
    assert all(answer == answers[0] for answer in answers)


@pytest.mark.parametrize("damage", ["another schema", "damaged files"])
def test_an_index_that_cannot_be_opened_is_rebuilt_from_the_database(store: Store, page_dir: Path, damage: str,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    letters = store.search(SearchRequest(limit=0)).total
    directory = store.index.directory
    store.close()
    shutil.rmtree(directory)
    directory.mkdir()
    if damage == "another schema":
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("title", stored=True)
        tantivy.Index(builder.build(), path=str(directory))
    else:
        (directory / "meta.json").write_text("garbage", encoding="utf-8")
    reopened = Store(store.settings)
    assert reopened.search(SearchRequest(query="letter", limit=0)).total > 0
    assert reopened.search(SearchRequest(limit=0)).total == letters
    assert "rebuilding it from the database" in caplog.text
    assert directory.with_name(directory.name + ".unreadable").is_dir()  # kept for whoever wants to look
    reopened.close()


def test_newest_first_puts_the_latest_letter_first_and_the_undated_last_on_every_page(store: Store) -> None:
    store.ensure_register()
    undated = dataclasses.replace(letter("9", "A letter without a date.", "V. I. Lenin", "L. D. Trotsky",
                                         "1919-01-01"), date=None)
    linked = tuple(link_letter(x, store.matcher, store.labels) for x in [*LETTERS, undated])
    with store.engine.begin() as conn:
        write_source(conn, ParseResult(source_of("e.txt", "x"), Collection(title="T"), linked), b"x", "test")
    store.sync_index()
    newest = ["test/3", "test/4", "test/2", "test/1", "test/5", "test/9"]  # 1932, 1926-27, 1925, 1922, 1919, undated
    assert [h.id for h in store.search(SearchRequest(sort=Sort.NEWEST)).hits] == newest
    pages = [store.search(SearchRequest(sort=Sort.NEWEST, limit=4, offset=offset)) for offset in (0, 4)]
    assert [h.id for page in pages for h in page.hits] == newest
    assert {page.total for page in pages} == {6}
    assert [h.id for h in store.search(SearchRequest(sort=Sort.DATE)).hits][-1] == "test/9"
