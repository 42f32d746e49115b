"""Pure pieces of the store: settings, identifiers, the codec, snippets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from letterbook.model import Calendar, CrossRef, HistoricalDate, Letter, Note, Party
from letterbook.search.query import parse_query
from letterbook.search.snippets import make_snippet, positive_words, stem_pattern
from letterbook.settings import Settings
from letterbook.store.codec import dumps, loads
from letterbook.store.identity import assign_ids, slugify


def test_settings_default_to_a_sqlite_file_in_the_working_directory_with_its_index_beside_it() -> None:
    settings = Settings.from_env({})
    assert settings.database_url == "sqlite:///letterbook.db"
    assert settings.search_index_dir == Path("letterbook.db.index")


def test_settings_read_the_environment_and_an_explicit_url_wins() -> None:
    env = {"LETTERBOOK_DATABASE_URL": "postgresql://db/edition", "LETTERBOOK_INDEX_DIR": "/srv/index"}
    assert Settings.from_env(env) == Settings("postgresql://db/edition", "/srv/index")
    assert Settings.from_env(env, database_url="sqlite:///x.db").database_url == "sqlite:///x.db"
    assert Settings("postgresql://db/edition").search_index_dir == Path("letterbook-index/edition")


def test_slugs_transliterate_cyrillic() -> None:
    assert slugify("Орджоникидзе Г. К.") == "ordzhonikidze-g-k"
    assert slugify("No. 194a") == "no-194a"


def test_twin_letters_of_one_source_are_told_apart_in_order() -> None:
    day = HistoricalDate("May 1, 1925", (0, 1), "1925-05-01", dt.date(1925, 5, 1), dt.date(1925, 5, 1))
    twin = Letter(span=(0, 1), text="", text_span=(0, 0), date=day,
                  senders=(Party("I. V. Stalin", (0, 1)),), recipients=(Party("Кагановичу", (0, 1)),))
    assert assign_ids("c", [twin, twin]) == ["c/1925-05-01-stalin-kaganovichu", "c/1925-05-01-stalin-kaganovichu-2"]
    assert assign_ids("c", [twin], taken=frozenset({"c/1925-05-01-stalin-kaganovichu"})) == [
        "c/1925-05-01-stalin-kaganovichu-2"]


def test_a_letter_survives_the_json_codec_unchanged() -> None:
    letter = Letter(span=(0, 9), text="text", text_span=(1, 5), number="7",
                    date=HistoricalDate("[1912]", (0, 6), "1912", dt.date(1912, 1, 14), dt.date(1913, 1, 13),
                                        calendar=Calendar.JULIAN, inferred=True),
                    notes=(Note("1", "See No. 3", (6, 9), refs=(CrossRef("3", None, (6, 9)),)),))
    assert loads(Letter, dumps(letter)) == letter


def test_a_snippet_centres_on_the_first_match_and_marks_every_stemmed_form() -> None:
    text = "Opening words. " * 20 + "He sent two letters; the letter arrived. " + "Closing words. " * 20
    pattern = stem_pattern(["letter"])
    fragment, marks = make_snippet(text, pattern)
    assert len(fragment) <= 200
    assert [fragment[s:e] for s, e in marks] == ["letters", "letter"]


def test_words_under_not_are_never_marked() -> None:
    assert positive_words(parse_query('grain "five year" -Trotsky OR NOT plan')) == ["grain", "five", "year"]
