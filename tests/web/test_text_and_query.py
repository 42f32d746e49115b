"""Cutting texts into segments, and reading a list's URL parameters."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from letterbook.errors import QueryError
from letterbook.model import Letter, Note
from letterbook.web.edition import DateMode, Sort
from letterbook.web.memory import snippet
from letterbook.web.query import letter_query
from letterbook.web.text import Cut, Segment, body_segments, cut, source_segments


def test_the_source_view_of_a_letter_whose_note_is_printed_after_the_page_s_last_letter_is_its_own_stretch() -> None:
    source = "No. 40 Send 1 . Stalin. No. 41 Sent. Lenin. Notes: 1 See No. 38."
    letter = Letter(span=(0, 24), text="Send 1 . Stalin.", text_span=(7, 23),
                    notes=(Note("1", "See No. 38.", (52, 65), anchor=(12, 13)),))
    segments = source_segments(source, letter)
    assert "".join(s.text for s in segments) == source[:24]
    assert [s.field for s in segments if s.field] == ["note marker"]


def test_a_note_marker_is_found_at_its_source_offset_minus_the_text_start() -> None:
    letter = Letter(span=(100, 130), text="Dear Felix 1 goodbye", text_span=(105, 125),
                    notes=(Note("1", "A note.", (126, 130), anchor=(116, 117)),))
    segments = body_segments(letter)
    assert [s.text for s in segments] == ["Dear Felix ", "1", " goodbye"]
    assert segments[1].note == "1"


def test_a_marker_outside_the_text_is_left_out_rather_than_misplaced() -> None:
    letter = Letter(span=(0, 50), text="short", text_span=(10, 15),
                    notes=(Note("1", "x", (40, 41), anchor=(30, 31)),))
    assert body_segments(letter) == [Segment("short")]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8))
def test_cutting_never_loses_or_reorders_a_character(text: str, spans: list[tuple[int, int]]) -> None:
    segments = cut(text, [Cut(a, b, Segment("", note="n")) for a, b in spans])
    assert "".join(s.text for s in segments) == text


def test_snippet_marks_every_match_in_its_window() -> None:
    parts = snippet("The grain plan and the grain purchases.", ["grain"])
    assert [p.text for p in parts if p.marked] == ["grain", "grain"]


def test_dates_in_the_url_take_a_year_or_month_as_its_first_or_last_day() -> None:
    query, kept = letter_query({"from": "1925-02", "to": "1925", "mode": "certainly"}, 20)
    assert query.date_from == dt.date(1925, 2, 1)
    assert query.date_to == dt.date(1925, 12, 31)
    assert query.date_mode == DateMode.CERTAINLY
    assert kept == {"from": "1925-02", "to": "1925", "mode": "certainly"}


def test_a_month_as_end_of_range_ends_on_its_last_day() -> None:
    assert letter_query({"to": "1924-02"}, 20)[0].date_to == dt.date(1924, 2, 29)
    assert letter_query({"to": "1925-12"}, 20)[0].date_to == dt.date(1925, 12, 31)


def test_a_search_sorts_by_relevance_and_a_list_by_date_unless_asked() -> None:
    assert letter_query({"q": "grain"}, 20)[0].sort == Sort.RELEVANCE
    assert letter_query({}, 20)[0].sort == Sort.DATE
    assert letter_query({"sort": "number"}, 20)[0].sort == Sort.NUMBER


def test_page_and_size_become_offset_and_limit() -> None:
    query = letter_query({"page": "3", "size": "10"}, 20)[0]
    assert (query.offset, query.limit) == (20, 10)


@pytest.mark.parametrize("params", [{"from": "soon"}, {"month": "13"}, {"page": "0"}, {"size": "5000"},
                                    {"mode": "maybe"}, {"sort": "random"}, {"q": "x" * 501}])
def test_malformed_parameters_are_refused_with_a_reason(params: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        letter_query(params, 20)
