"""Dates as the editions print them: editorial dates, authors' datelines, and dates in running text."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, corpus_pages
from letterbook.model import Calendar, HistoricalDate
from letterbook.parse.dates import find_date, looks_like_date_line, parse_date, parse_dateline

with warnings.catch_warnings():
    # edtf's grammar trips a pyparsing diagnostic warning at import time; the tests run warnings as errors.
    warnings.simplefilter("ignore")
    from edtf import parse_edtf


def edtf_is_valid(text: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parse_edtf(text)
        except Exception:
            return False
    return True


def assert_well_formed(found: HistoricalDate, source: str) -> None:
    """What must hold for every date read from any text."""
    assert source[found.span[0] : found.span[1]] == found.as_printed
    if found.earliest and found.latest:
        assert found.earliest <= found.latest
    if found.edtf is not None:
        assert edtf_is_valid(found.edtf), found.edtf
        assert "X" not in found.edtf  # unspecified digits beyond the right end are level 2
    if found.edtf is not None and found.earliest is not None and found.latest is not None:
        # A printed day never stands without its month, nor a month without its year.
        for end in found.edtf.split("/"):
            assert end == ".." or len(end.rstrip("?~%")) in (4, 7, 10), found.edtf
    if found.place is not None:
        assert source[found.place.span[0] : found.place.span[1]] == found.place.text


def date(text: str, **kwargs: object) -> HistoricalDate:
    found = parse_date(text, **kwargs)  # type: ignore[arg-type]
    assert found is not None, text
    assert_well_formed(found, text)
    return found


# -- editorial dates: the whole line is the date ---------------------------------------


@pytest.mark.parametrize(
    ("line", "edtf"),
    [
        ("December 22, 1925", "1925-12-22"),
        ("October 5-6, 1925", "1925-10-05/1925-10-06"),
        ("October 30 - November 2, 1925", "1925-10-30/1925-11-02"),
        ("December 30, 1925 - January 2, 1926", "1925-12-30/1926-01-02"),
        ("December 30 - January 2, 1926", "1925-12-30/1926-01-02"),
        ("May 1920", "1920-05"),
        ("1925", "1925"),
        ("Dec. 22, 1925", "1925-12-22"),
        ("Sept. 3, 1919", "1919-09-03"),
        ("October 7th 1918", "1918-10-07"),
        ("November 12th day 1919", "1919-11-12"),
        ("5 October 1925", "1925-10-05"),
        ("5th day of October 1925", "1925-10-05"),
        ("5th of October, 1925", "1925-10-05"),
        ("5-го октября 1925 г.", "1925-10-05"),
        ("31 августа 1918 года", "1918-08-31"),
        ("7 июля 1918 г.", "1918-07-07"),
        ("21 ноября 1931", "1931-11-21"),
        ("5–6 октября 1925 г.", "1925-10-05/1925-10-06"),
        ("30 октября – 2 ноября 1925 г.", "1925-10-30/1925-11-02"),
        ("1928 г. 9 апр.", "1928-04-09"),
        ("1932.08.19", "1932-08-19"),
        ("в декабре 1925 г.".removeprefix("в "), "1925-12"),
        ("1931–1936 гг.", "1931/1936"),
        ("December 1925 - January 1926", "1925-12/1926-01"),
        ("May 4?, 1918", "1918-05-04?"),
        ("около 1920 г.", "1920~"),
        ("ca. 1925", "1925~"),
    ],
)
def test_editorial_date_lines_read_as_their_edtf(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf


def test_the_printed_form_and_its_span_are_the_date_without_trailing_period_or_spaces() -> None:
    source = "Heading\nDecember 22, 1925.\u00a0 \nText"
    line_start = source.index("December")
    found = parse_date(source[line_start : source.index("\nText")], offset=line_start)
    assert found is not None
    assert found.as_printed == "December 22, 1925"
    assert source[found.span[0] : found.span[1]] == "December 22, 1925"


def test_a_date_printed_again_elsewhere_gets_the_span_of_each_place() -> None:
    source = "[December 1912]\nText.\n[December 1912]\n"
    for start in (0, source.rindex("[")):
        found = parse_date("[December 1912]", offset=start)
        assert found is not None and found.span == (start, start + len("[December 1912]"))
    julian, gregorian = parse_date("[December 1912]"), parse_date("[December 1912]", julian_before=None)
    assert julian is not None and gregorian is not None and julian.calendar != gregorian.calendar  # remembered apart


def test_a_day_is_one_gregorian_day() -> None:
    found = date("December 22, 1925")
    assert (found.earliest, found.latest) == (dt.date(1925, 12, 22), dt.date(1925, 12, 22))
    assert found.calendar is Calendar.GREGORIAN and found.certain and not found.inferred


def test_a_month_stays_a_month_and_never_gets_a_day() -> None:
    found = date("May 1920")
    assert found.edtf == "1920-05"
    assert (found.earliest, found.latest) == (dt.date(1920, 5, 1), dt.date(1920, 5, 31))


def test_a_year_stays_a_year() -> None:
    found = date("1925")
    assert (found.earliest, found.latest) == (dt.date(1925, 1, 1), dt.date(1925, 12, 31))


def test_a_year_supplied_by_the_editors_is_inferred_but_not_uncertain() -> None:
    found = date("July 31 [1920]")
    assert found.edtf == "1920-07-31"
    assert found.inferred and not found.uncertain


def test_a_bracketed_month_is_an_inferred_month() -> None:
    found = date("[May] 1920")
    assert (found.edtf, found.inferred) == ("1920-05", True)


def test_a_date_bracketed_whole_is_the_editors_dating_not_a_doubt() -> None:
    found = date("[December 1912]", julian_before=None)
    assert found.edtf == "1912-12"
    assert found.inferred and not found.uncertain
    assert (found.earliest, found.latest) == (dt.date(1912, 12, 1), dt.date(1912, 12, 31))


@pytest.mark.parametrize(
    ("line", "edtf"),
    [
        ("[1918]", "1918"),
        ("[March 10, 1921]", "1921-03-10"),
        ("[March 10-12, 1921]", "1921-03-10/1921-03-12"),
        ("[декабрь 1912]", "1912-12"),
        ("[December 1912 - January 1913]", "1912-12/1913-01"),
        ("[1912?]", "1912?"),  # the page's own question mark
        ("[May 1920]?", "1920-05?"),
    ],
)
def test_bracketed_dates_are_uncertain_in_edtf_only_where_a_question_mark_says_so(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf


@pytest.mark.parametrize(
    ("line", "edtf"),
    [
        ("31 июля [1920 г.]", "1920-07-31"),
        ("July 31 [1920?]", "1920-07-31?"),
        ("[July 31], 1920", "1920-07-31"),
        ("[Не ранее 20] августа 1926 г.", "1926-08-20/.."),
        ("[Not earlier than August 20], 1926", "1926-08-20/.."),
        ("[5-6] октября 1925 г.", "1925-10-05/1925-10-06"),
        ("15 [марта 1933 г.]", "1933-03-15"),
    ],
)
def test_a_date_whose_beginning_or_year_the_editors_bracketed_is_inferred(line: str, edtf: str) -> None:
    found = date(line)
    assert (found.edtf, found.inferred, found.as_printed) == (edtf, True, line)


@pytest.mark.parametrize(
    ("line", "edtf", "first", "last"),
    [
        ("October–November 1925", "1925-10/1925-11", dt.date(1925, 10, 1), dt.date(1925, 11, 30)),
        ("Октябрь — ноябрь 1925 г.", "1925-10/1925-11", dt.date(1925, 10, 1), dt.date(1925, 11, 30)),
        ("December – January 1926", "1925-12/1926-01", dt.date(1925, 12, 1), dt.date(1926, 1, 31)),
    ],
)
def test_a_range_of_months_printed_with_one_year(line: str, edtf: str, first: dt.date, last: dt.date) -> None:
    found = date(line)
    assert (found.edtf, found.earliest, found.latest) == (edtf, first, last)


@pytest.mark.parametrize(("line", "edtf"), [
    ("1933.09", "1933-09"), ("1933-09", "1933-09"), ("1932.08.19", "1932-08-19"), ("1925.1", "1925"),
])
def test_a_month_as_archives_write_it(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf  # "1925.1": a year and note 1


@pytest.mark.parametrize("line", ["[Not earlier than July 3 - not later than July 10, 1923]",
                                  "[Not before July 3 and not later than July 10, 1923]",
                                  "[Не ранее 3 — не позднее 10 июля 1923 г.]"])
def test_both_bounds_printed_make_one_interval(line: str) -> None:
    found = date(line)
    assert (found.edtf, found.earliest, found.latest, found.qualifier) == (
        "1923-07-03/1923-07-10", dt.date(1923, 7, 3), dt.date(1923, 7, 10), "within")


@pytest.mark.parametrize(("line", "edtf", "first", "last"), [
    ("Написано в марте, не позднее 24, 1920 г.", "1920-03/1920-03-24", dt.date(1920, 3, 1), dt.date(1920, 3, 24)),
    ("Написано в феврале, не ранее 11, 1920 г.", "1920-02-11/1920-02", dt.date(1920, 2, 11), dt.date(1920, 2, 29)),
])
def test_a_month_and_a_bound_on_its_day(line: str, edtf: str, first: dt.date, last: dt.date) -> None:
    found = find_date(line)
    assert found is not None and (found.edtf, found.earliest, found.latest) == (edtf, first, last)


def test_a_month_alone_is_no_date() -> None:
    assert parse_date("October") is None and parse_date("October –") is None


def test_a_century_completed_by_the_editors_gives_the_year() -> None:
    found = date("6 October [19]25")
    assert (found.edtf, found.inferred) == ("1925-10-06", True)


@pytest.mark.parametrize(
    ("line", "edtf", "qualifier"),
    [
        ("[not earlier than May 4, 1918]", "1918-05-04/..", "not before"),
        ("[не ранее 4 мая 1918 г.]", "1918-05-04/..", "not before"),
        ("[later May 4, 1918]", "1918-05-04/..", "after"),
        ("[after May 1918]", "1918-05/..", "after"),
        ("[not later than May 4, 1918]", "../1918-05-04", "not after"),
        ("[не позднее 4 мая 1918 г.]", "../1918-05-04", "not after"),
        ("[previously May 4, 1918]", "../1918-05-04", "before"),
        ("[ранее 4 мая 1918 г.]", "../1918-05-04", "before"),
        ("[before 1918]", "../1918", "before"),
    ],
)
def test_bounds_are_open_intervals_that_include_the_printed_day(line: str, edtf: str, qualifier: str) -> None:
    found = date(line)
    assert (found.edtf, found.qualifier, found.inferred) == (edtf, qualifier, True)
    if edtf.endswith(".."):
        assert found.earliest is not None and found.latest is None
    else:
        assert found.earliest is None and found.latest is not None


def test_not_earlier_than_a_day_starts_on_that_day() -> None:
    assert date("[not earlier than May 4, 1918]").earliest == dt.date(1918, 5, 4)


@pytest.mark.parametrize(
    ("line", "first_day", "last_day", "qualifier"),
    [
        ("[late January 1918]", 21, 31, "late"),
        ("[конец января 1918]", 21, 31, "late"),
        ("[early January 1918]", 1, 10, "early"),
        ("[начало января 1918 г.]", 1, 10, "early"),
        ("[mid-January 1918]", 11, 20, "mid"),
        ("[середина января 1918]", 11, 20, "mid"),
    ],
)
def test_part_of_a_month_is_an_approximate_interval_of_its_days(
    line: str, first_day: int, last_day: int, qualifier: str
) -> None:
    found = date(line, julian_before=None)
    assert found.edtf == f"1918-01-{first_day:02d}~/1918-01-{last_day:02d}~"
    assert (found.earliest, found.latest) == (dt.date(1918, 1, first_day), dt.date(1918, 1, last_day))
    assert found.approximate and found.qualifier == qualifier and not found.certain


@pytest.mark.parametrize(("line", "edtf"), [
    ("[second half of January 1918]", "1918-01-16/1918-01-31"),
    ("Написано в первой половине февраля 1908 г.", "1908-02-01/1908-02-15"),
    ("[first half of 1920?]", "1920-01?/1920-06?"),
])
def test_a_half_of_a_month_or_year_has_fixed_limits(line: str, edtf: str) -> None:
    found = find_date(line, julian_before=None)
    assert found is not None and found.edtf == edtf and not found.approximate


def test_part_of_a_year_is_an_approximate_interval_of_its_months() -> None:
    found = date("[early 1920]")
    assert found.edtf == "1920-01~/1920-04~"
    assert (found.earliest, found.latest) == (dt.date(1920, 1, 1), dt.date(1920, 4, 30))


@pytest.mark.parametrize(
    ("line", "edtf", "first", "last"),
    [
        ("[осень 1920 г.]", "1920-23", dt.date(1920, 9, 1), dt.date(1920, 11, 30)),
        ("[Spring 1921?]", "1921-21", dt.date(1921, 3, 1), dt.date(1921, 5, 31)),
        ("летом 1925 года", "1925-22", dt.date(1925, 6, 1), dt.date(1925, 8, 31)),
        ("[Winter 1920]", "1920-24", dt.date(1920, 1, 1), dt.date(1921, 2, 28)),
    ],
)
def test_a_season_is_an_edtf_season_whose_bounds_hold_all_its_months(
    line: str, edtf: str, first: dt.date, last: dt.date
) -> None:
    found = date(line)
    assert (found.edtf, found.earliest, found.latest) == (edtf, first, last)


@pytest.mark.parametrize("line", ["[Winter 1921/22]", "[Зима 1921/22 г.]", "Зима 1921/1922 гг.",
                                  "[зима 1921–1922 гг.]"])
def test_a_winter_over_the_turn_of_two_years_is_december_to_february(line: str) -> None:
    found = date(line)
    assert (found.edtf, found.earliest, found.latest) == ("1921-12/1922-02", dt.date(1921, 12, 1), dt.date(1922, 2, 28))


@pytest.mark.parametrize(("line", "edtf"), [("1921/22 гг.", "1921/1922"), ("[1921/1922]", "1921/1922"),
                                            ("1921/23", None), ("Осень 1921/22", None)])
def test_two_years_printed_as_one_span_are_both_years(line: str, edtf: str | None) -> None:
    found = parse_date(line)
    assert (found.edtf if found else None) == edtf


def test_a_season_of_a_month_is_no_date() -> None:
    assert parse_date("autumn October 1920") is None


def test_between_two_days_is_an_interval() -> None:
    found = date("[between May 4 and 10, 1918]")
    assert found.qualifier == "between"
    assert (found.earliest, found.latest) == (dt.date(1918, 5, 4), dt.date(1918, 5, 10))
    assert date("[между 4 и 10 мая 1918 г.]").earliest == dt.date(1918, 5, 4)


def test_one_of_two_days_is_an_uncertain_interval_holding_both() -> None:
    found = date("[29 или 30 июля 1920 г.]")
    assert (found.edtf, found.qualifier, found.uncertain) == ("1920-07-29/1920-07-30", "one of", True)


@pytest.mark.parametrize("month", ["январь", "января", "январе", "январю", "январём", "янв."])
def test_russian_month_names_are_read_in_every_case(month: str) -> None:
    assert date(f"[{month} 1925]").edtf == "1925-01"


@pytest.mark.parametrize(
    "line",
    [
        "61",
        "116",
        "No. 194",
        "1) Your statement of May 4, 1918",
        "6-8 tithes - 19",
        "Section I 1912 - 1921",
        "Политический дневник. 1964 - 1970. Амстердам. 1972.",
        "Copy.",
        "Notes:",
        "22/XII-25",
        "31/7",
        "May",
        "may 1920",
        "February 30, 1925",
        "1920s",
        "12345",
        "12 1918",
        "12, 1918",
        "5 - 6, 1918",
        "",
    ],
)
def test_lines_that_are_not_editorial_dates_are_refused(line: str) -> None:
    assert parse_date(line) is None


# -- calendars ---------------------------------------------------------------------------


def test_a_date_before_the_russian_reform_is_old_style_printed_and_converted() -> None:
    found = date("February 27 [1915]")
    assert found.calendar is Calendar.JULIAN
    assert found.edtf == "1915-02-27"  # as printed
    assert found.earliest == found.latest == dt.date(1915, 3, 12)


def test_the_reform_day_and_after_are_new_style() -> None:
    assert date("February 14, 1918").calendar is Calendar.GREGORIAN
    last_julian = date("January 31, 1918")
    assert (last_julian.calendar, last_julian.earliest) == (Calendar.JULIAN, dt.date(1918, 2, 13))


def test_a_year_that_spans_the_reform_is_new_style() -> None:
    assert date("1918").calendar is Calendar.GREGORIAN


def test_the_julian_cutoff_is_a_setting_of_the_collection() -> None:
    found = date("February 27, 1915", julian_before=None)
    assert (found.calendar, found.earliest) == (Calendar.GREGORIAN, dt.date(1915, 2, 27))
    assert date("May 1, 1700", julian_before=dt.date(1752, 9, 14)).earliest == dt.date(1700, 5, 12)


def test_a_julian_month_is_converted_at_both_ends() -> None:
    found = date("[December 1912]")
    assert (found.earliest, found.latest) == (dt.date(1912, 12, 14), dt.date(1913, 1, 13))


def test_the_julian_leap_day_of_1900_exists() -> None:
    assert date("February 29, 1900").earliest == dt.date(1900, 3, 13)


@pytest.mark.parametrize(
    ("line", "new_style"),
    [
        ("5 (18) February 1917", dt.date(1917, 2, 18)),
        ("5(18) февраля 1917 г.", dt.date(1917, 2, 18)),
        ("23 февраля (8 марта) 1917 г.", dt.date(1917, 3, 8)),
        ("February 5 (18), 1917", dt.date(1917, 2, 18)),
        ("December 25 (January 7), 1917", dt.date(1918, 1, 7)),
    ],
)
def test_double_dates_are_julian_with_the_printed_gregorian_day(line: str, new_style: dt.date) -> None:
    found = date(line)
    assert found.calendar is Calendar.JULIAN
    assert found.earliest == found.latest == new_style


def test_a_number_in_parentheses_that_is_not_the_new_style_day_makes_no_double_date() -> None:
    found = date("May 5 (1), 1925")
    assert (found.calendar, found.earliest) == (Calendar.GREGORIAN, dt.date(1925, 5, 5))


def test_a_printed_style_marker_overrides_the_cutoff() -> None:
    found = date("5 мая 1918 г. (ст. ст.)")
    assert (found.calendar, found.earliest) == (Calendar.JULIAN, dt.date(1918, 5, 18))


# -- authors' datelines -------------------------------------------------------------------


def dateline(line: str, context: HistoricalDate | None = None) -> HistoricalDate:
    found = parse_dateline(line, 0, context)
    assert found is not None, line
    assert_well_formed(found, line)
    return found


@pytest.mark.parametrize(
    ("line", "as_printed", "edtf"),
    [
        ("22/XII-25", "22/XII-25", "1925-12-22"),
        ("11.VIII. 27.", "11.VIII. 27.", "1927-08-11"),
        ("19/VIII. 32.1", "19/VIII. 32.", "1932-08-19"),
        ("13/VI — 32 г. Каганович.", "13/VI — 32 г.", "1932-06-13"),
        ("Из Москвы 7.IX.35 г. в 19 час. 53 мин. Вх. № 42.", "7.IX.35 г.", "1935-09-07"),
        ("21. IV. 1918 г.", "21. IV. 1918 г.", "1918-04-21"),
        ("31 дня августа 1918 г.", "31 дня августа 1918 г.", "1918-08-31"),
        ("October 7th 1918.", "October 7th 1918.", "1918-10-07"),
        ("November 12th day 1919", "November 12th day 1919", "1919-11-12"),
        ("February 1, 1920.", "February 1, 1920.", "1920-02-01"),
        ("7.ХII.35", "7.ХII.35", "1935-12-07"),  # a Cyrillic Ха for the Roman X
        ("5 мая 25 г.", "5 мая 25 г.", "1925-05-05"),
    ],
)
def test_datelines_as_authors_wrote_them(line: str, as_printed: str, edtf: str) -> None:
    found = dateline(line)
    assert (found.as_printed, found.edtf) == (as_printed, edtf)


def test_a_place_and_date_line_is_the_dateline_whole_with_its_place() -> None:
    found = dateline("Tiflis, December 6, 1920")
    assert found.as_printed == "Tiflis, December 6, 1920"
    assert found.place is not None and found.place.text == "Tiflis"
    assert found.place.span == (0, 6)


@pytest.mark.parametrize(("line", "place", "edtf"), [
    ("Сочи. 12.IX.33.", "Сочи", "1933-09-12"), ("Tiflis. 5.IX.1921", "Tiflis", "1921-09-05"),
    ("Москва. 12/VIII-26 г.", "Москва", "1926-08-12"),
])
def test_a_place_may_end_with_a_full_stop_before_the_date(line: str, place: str, edtf: str) -> None:
    found = dateline(line)
    assert (found.as_printed, found.edtf, found.place.text if found.place else None) == (line, edtf, place)


@pytest.mark.parametrize(("line", "edtf"), [
    ("Moscow, May 12, 1922 11 h. 30 min.", "1922-05-12"), ("Kharkov, 4/VIII-20, 11 h. 30 min.", "1920-08-04"),
    ("Moscow, 12/V-22 at 19 h. 53 min.", "1922-05-12"), ("23/VIII 1932 г. 11 ч. 30 м.", "1932-08-23"),
    ("12 августа 1932 г., 3 часа ночи", "1932-08-12"), ("Kremlin. 12/V-22. Night.", "1922-05-12"),
])
def test_a_dateline_with_the_hour_of_sending_is_the_whole_line(line: str, edtf: str) -> None:
    found = dateline(line)
    assert (found.as_printed, found.edtf) == (line, edtf)


def test_a_dateline_without_year_takes_it_from_the_editorial_date() -> None:
    found = dateline("Kharkiv 31/7.", date("July 31 [1920]"))
    assert (found.as_printed, found.edtf, found.inferred) == ("Kharkiv 31/7.", "1920-07-31", True)
    assert found.place is not None and found.place.text == "Kharkiv"


def test_a_dateline_without_year_or_context_keeps_what_was_printed_and_no_edtf() -> None:
    found = dateline("Kharkiv 31/7.")
    assert (found.as_printed, found.edtf, found.earliest) == ("Kharkiv 31/7.", None, None)


def test_a_note_marker_glued_to_a_dateline_is_left_out() -> None:
    found = dateline("Kharkiv 29/VII 1 .", date("July 29 [1920]"))
    assert (found.as_printed, found.edtf) == ("Kharkiv 29/VII", "1920-07-29")


def test_the_year_from_context_is_the_nearest_one_across_new_year() -> None:
    assert dateline("31/XII", date("January 2, 1926")).edtf == "1925-12-31"


def test_a_two_digit_year_takes_the_century_of_the_context() -> None:
    assert dateline("22/XII-25", date("December 22, 1825", julian_before=None)).edtf == "1825-12-22"
    assert dateline("22/XII-25").edtf == "1925-12-22"


def test_a_roman_two_turned_into_eleven_is_read_as_february_when_the_context_says_so() -> None:
    found = dateline("16/11 21", date("February 16, 1921"))
    assert found.edtf == "1921-02-16"
    assert found.qualifier == "month read as Roman II"
    assert dateline("16/11 21", date("November 16, 1921")).edtf == "1921-11-16"
    assert dateline("16/11 21").edtf == "1921-11-16"


def test_a_dateline_before_the_reform_is_julian() -> None:
    found = dateline("27/II-15")
    assert (found.calendar, found.edtf, found.earliest) == (Calendar.JULIAN, "1915-02-27", dt.date(1915, 3, 12))


@pytest.mark.parametrize(
    "line",
    [
        "1) Your statement that the CSB was wrong",
        "6-8 tithes - 19",
        "61",
        "No. 194",
        "Section I 1912 - 1921",
        "Политический дневник. 1964 - 1970. Амстердам. 1972.",
        "Письмо от 26/VII получил.",
        "Написано 20 апреля 1918 г.",
        "[late January 1918]",
        "[not earlier than May 4, 1918]",
        "1932.08.19",
        "1925",
        "Late January 1918",
        "31 августа мы взяли Царицын и двинулись дальше на юг, к Тихорецкой.",
        "13/VI — 32 г. and then a long sentence follows which is certainly a paragraph of the letter body.",
        "31.5",
        "февраля 30",
        "30 февраля",
    ],
)
def test_lines_that_are_not_datelines_are_refused(line: str) -> None:
    assert parse_dateline(line) is None


def test_looks_like_date_line_accepts_both_kinds_and_nothing_else() -> None:
    assert looks_like_date_line("October 5-6, 1925")
    assert looks_like_date_line("22/XII-25")
    assert not looks_like_date_line("I ask that the following letter of mine be read out")


# -- dates in running text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "as_printed", "edtf"),
    [
        ("Сталин — Кагановичу 19 августа 1932 г.", "19 августа 1932 г.", "1932-08-19"),
        ("Из телеграммы Э. Синклеру 21 ноября 1931 года", "21 ноября 1931 года", "1931-11-21"),
        ("on the night of 5 to 6 October [19]25, in two copies.", "night of 5 to 6 October [19]25",
         "1925-10-05/1925-10-06"),
        ("the Soviet-Georgian agreement of May 7, 1920.Marx-Engels", "May 7, 1920", "1920-05-07"),
        ("On July 29 or 30, 1920, Stalin sent a telegram", "July 29 or 30, 1920", "1920-07-29/1920-07-30"),
        ("Впервые напечатано 19 января\n1928 г. в газете", "19 января\n1928 г.", "1928-01-19"),
    ],
)
def test_find_date_reads_the_first_date_in_a_line(text: str, as_printed: str, edtf: str) -> None:
    found = find_date(text)
    assert found is not None
    assert_well_formed(found, text)
    assert (found.as_printed, found.edtf) == (as_printed, edtf)


def test_find_date_gives_source_coordinates() -> None:
    found = find_date("Written on 5 May 1920.", offset=100)
    assert found is not None and found.span == (111, 121)


def test_find_date_leaves_bare_years_unless_asked() -> None:
    assert find_date("Collection of documents 1996.") is None
    found = find_date("Collection of documents 1996.", year_only=True)
    assert found is not None and found.edtf == "1996"


def test_find_date_leaves_fractions_and_references_alone() -> None:
    assert find_date("half of the army, 1/2 of the guns, item 3.5, section 3.4.12") is None
    found = find_date("decree of 21.04.1918 on grain")
    assert found is not None and found.edtf == "1918-04-21"


# -- the shared corpus: the hand annotations are the gold values ------------------------------


def annotated_documents() -> list[tuple[Path, dict[str, object]]]:
    found = []
    for page in corpus_pages():
        annotation = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        found += [(page, document) for document in annotation.get("documents", [])]
    return found


def page_lines(page: Path) -> list[tuple[int, str]]:
    text, lines, position = page.read_text(encoding="utf-8"), [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    return lines


def test_the_corpus_is_there() -> None:
    assert len(annotated_documents()) >= 20, CORPUS


def test_every_annotated_editorial_date_of_the_corpus_is_read_as_its_gold_edtf() -> None:
    checked = 0
    for page, document in annotated_documents():
        printed, gold = document.get("date_printed"), document.get("date_edtf")
        if not (isinstance(printed, str) and gold):
            continue
        text = page.read_text(encoding="utf-8")
        # On its own line the editorial date is read whole; in a heading it is found inside.
        read = [
            (parse_date if line.strip() == printed else find_date)(line, position)
            for position, line in page_lines(page)
            if printed in line
        ]
        for found in filter(None, read):
            assert_well_formed(found, text)
        assert (printed, gold) in [(f.as_printed, f.edtf) for f in read if f], (page, printed)
        checked += 1
    assert checked >= 20


def test_every_annotated_dateline_of_the_corpus_is_found_on_its_line() -> None:
    checked = 0
    for page, document in annotated_documents():
        gold = document.get("dateline_original")
        if not isinstance(gold, str):
            continue
        printed = document.get("date_printed")
        context = parse_date(printed) if isinstance(printed, str) else None
        text = page.read_text(encoding="utf-8")
        lines = [(pos, line) for pos, line in page_lines(page) if gold in line]
        assert lines, (page, gold)
        found = parse_dateline(lines[0][1], lines[0][0], context)
        assert found is not None, (page, gold)
        assert_well_formed(found, text)
        assert found.as_printed in gold
        assert len(found.as_printed) >= 0.6 * len(gold.strip())
        assert found.edtf == document.get("date_edtf"), (page, gold)
        checked += 1
    assert checked >= 12


def test_no_other_line_of_the_corpus_is_taken_for_a_date_or_dateline() -> None:
    golds = set()
    for _, document in annotated_documents():
        golds |= {str(document.get(k)).strip() for k in ("date_printed", "dateline_original") if document.get(k)}
    for page in corpus_pages():
        for _, line in page_lines(page):
            if not line.strip() or any(gold in line for gold in golds):
                continue
            found = parse_date(line) or parse_dateline(line)
            # Archive metadata ("1932.08.19") repeats the editorial date: a date, but no dateline.
            assert found is None or (parse_dateline(line) is None and found.as_printed == line.strip()), (page, line)


# -- properties ---------------------------------------------------------------------------------

DATE_ALPHABET = "0123456789 ./-–—[]()?,XIVМmayDecJulyянваряг.годаOctober \n\u00a0"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list(DATE_ALPHABET)) | st.characters(), max_size=200))
def test_any_text_gives_a_well_formed_date_or_none(text: str) -> None:
    for found in (parse_date(text, 7), find_date(text, 7), parse_dateline(text, 7, date("July 31 [1920]"))):
        if found is not None:
            assert_well_formed(found, "x" * 7 + text)


MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]  # fmt: skip
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2199, 12, 31)), st.integers(0, 3))
def test_a_printed_day_reads_back_as_that_day(day: dt.date, style: int) -> None:
    printed = [
        f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {MONTHS_RU[day.month - 1]} {day.year} г.",
        f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ][style]
    # The EDTF is compared with an ISO date here, so the slow EDTF grammar is not needed.
    found = parse_date(printed, julian_before=None)
    assert found is not None and found.as_printed == printed
    assert found.edtf == day.isoformat()
    assert found.earliest == found.latest == day
    roman = parse_dateline(f"{day.day}/{ROMAN[day.month - 1]}-{day.year}")
    assert roman is not None and roman.edtf == day.isoformat()


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 2199), st.integers(1, 12), st.booleans())
def test_a_month_or_year_never_gets_a_day_invented(year: int, month: int, bracketed: bool) -> None:
    month_line = f"{MONTHS_EN[month - 1]} {year}"
    found = parse_date(f"[{month_line}]" if bracketed else month_line, julian_before=None)
    assert found is not None and found.edtf == f"{year:04d}-{month:02d}" and found.inferred == bracketed
    assert found.earliest is not None and found.earliest.day == 1
    assert found.latest is not None and (found.latest + dt.timedelta(days=1)).day == 1
    year_only = parse_date(str(year), julian_before=None)
    assert year_only is not None and year_only.edtf == str(year)
    assert (year_only.earliest, year_only.latest) == (dt.date(year, 1, 1), dt.date(year, 12, 31))


def random_text(seed: int, size: int) -> str:
    rng = random.Random(seed)
    alphabet = DATE_ALPHABET + "абвгдежзиклмнопрстуфхцчшщыэюя ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(rng.choice(alphabet) for _ in range(size))


@pytest.mark.parametrize("seed", range(5))
def test_ten_thousand_random_characters_are_read_fast(seed: int) -> None:
    text = random_text(seed, 10_000)
    for read in (parse_date, find_date, parse_dateline):
        timings = []
        for _ in range(5):  # CPU time, best of five: other work on a busy machine is not counted
            started = time.process_time()
            read(text)
            timings.append(time.process_time() - started)
        assert min(timings) < 0.05, read.__name__


@pytest.mark.parametrize("unit", ["12 ", "[1918] - ", "5 (18) - ", "22/XIII-", "not earlier than ", "[[(("])
def test_reading_time_grows_linearly_with_the_text(unit: str) -> None:
    # Text made of near-dates that are no date, so that the search reads all of it.
    def seconds(repeat: int) -> float:
        text = unit * repeat
        started = time.process_time()
        assert find_date(text) is None
        return time.process_time() - started

    seconds(10)  # warm the caches
    # Four times the text in at most ten times the time (CPU time, best of five).
    small, large = min(seconds(300) for _ in range(5)), min(seconds(1200) for _ in range(5))
    assert large < 10 * small + 0.02


@pytest.mark.parametrize(("line", "edtf", "day", "calendar"), [
    ("25 (12) June 1917", "1917-06-25", dt.date(1917, 6, 25), Calendar.GREGORIAN),
    ("1 (19) June 1917", "1917-06-01", dt.date(1917, 6, 1), Calendar.GREGORIAN),
    ("12 (25) June 1917", "1917-06-12", dt.date(1917, 6, 25), Calendar.JULIAN),
])
def test_the_old_style_day_in_brackets_makes_the_printed_day_new_style(
        line: str, edtf: str, day: dt.date, calendar: Calendar) -> None:
    found = date(line)
    assert (found.edtf, found.earliest, found.latest, found.calendar) == (edtf, day, day, calendar)


@pytest.mark.parametrize("line", ["October 5-3, 1925", "30 июня — 1 июня 1922 г.",
                                  "[Не ранее 10 — не позднее 5 июня 1922 г.]"])
def test_a_range_whose_days_run_backwards_in_one_month_is_no_date(line: str) -> None:
    assert parse_date(line) is None  # not a year-long interval into the year before


@pytest.mark.parametrize(("line", "first", "last"), [
    ("[20-е числа марта 1924 г.]", dt.date(1924, 3, 20), dt.date(1924, 3, 29)),
    ("10-е числа мая 1922 г.", dt.date(1922, 5, 10), dt.date(1922, 5, 19)),
])
def test_the_tens_of_a_month_are_ten_days(line: str, first: dt.date, last: dt.date) -> None:
    found = date(line)
    assert (found.earliest, found.latest) == (first, last)
    assert date("20-го числа марта 1924 г.").edtf == "1924-03-20"


@pytest.mark.parametrize(("line", "edtf"), [
    ("Ночь на 12 июля 1918 года", "1918-07-11/1918-07-12"),
    ("[Ночь на 12 июля 1918 г.]", "1918-07-11/1918-07-12"),
    ("Night of October 5, 1925", "1925-10-05/1925-10-06"),
    ("Night of October 5 to 6, 1925", "1925-10-05/1925-10-06"),
    ("October 5/6, 1925", "1925-10-05/1925-10-06"),
    ("5/6 октября 1931 г.", "1931-10-05/1931-10-06"),
    ("[The night of August 12/13, 1932]", "1932-08-12/1932-08-13"),
    ("24/25 октября 1917 г.", "1917-10-24/1917-10-25"),  # not 24 October Old Style, 25 New Style
])
def test_a_night_runs_over_two_days(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf
    assert parse_date("October 5/7, 1925") is None  # not two days in a row


@pytest.mark.parametrize(("line", "place", "as_printed"), [
    ("8.VI.32 г. Москва.", "Москва", "8.VI.32 г. Москва."),
    ("13/VI — 32 г. Каганович.", None, "13/VI — 32 г."),  # a surname after the date signs the letter
])
def test_a_place_after_the_date_ends_the_date_line(line: str, place: str | None, as_printed: str) -> None:
    found = parse_dateline(line, 0, parse_date("June 8, 1932"))
    assert found is not None and found.as_printed == as_printed
    assert (found.place.text if found.place else None) == place


@pytest.mark.parametrize(("line", "as_printed"), [
    ("Tiflis, 3/III-21 city", "Tiflis, 3/III-21 city"),  # "г." machine-translated as "city"
    ("Moscow, 7/III-21 city No. 1189/sh.", "Moscow, 7/III-21 city"),
])
def test_a_translations_city_for_the_year_word(line: str, as_printed: str) -> None:
    found = parse_dateline(line, 0, parse_date("March 3, 1921"))
    assert found is not None and found.as_printed == as_printed and found.edtf is not None


@pytest.mark.parametrize(("line", "edtf", "earliest", "latest"), [
    ("22 или 23 января (4 или 5 февраля) 1918 г.", "1918-01-22/1918-01-23", dt.date(1918, 2, 4), dt.date(1918, 2, 5)),
    ("5-6 (18-19) февраля 1917 г.", "1917-02-05/1917-02-06", dt.date(1917, 2, 18), dt.date(1917, 2, 19)),
])
def test_a_range_with_the_other_calendars_days_in_brackets(line: str, edtf: str, earliest: dt.date,
                                                           latest: dt.date) -> None:
    found = date(line)
    assert (found.edtf, found.earliest, found.latest, found.as_printed) == (edtf, earliest, latest, line)


def test_an_official_forms_day_in_guillemets() -> None:
    found = date("«29» февраля 1940 г.")
    assert (found.edtf, found.as_printed) == ("1940-02-29", "«29» февраля 1940 г.")
    line = parse_dateline("«29» февраля 1940 г.", 0, parse_date("29 февраля 1940 г."))
    assert line is not None and line.edtf == "1940-02-29"


def test_a_bracketed_interval_in_words_has_certain_ends() -> None:
    assert date("[Between August 15 and 18, 1919]").edtf == "1919-08-15/1919-08-18"
    assert date("[December 1912]").edtf == "1912-12"  # as a bracketed point


@pytest.mark.parametrize("line", ["Kozlov, 12/VIII. 23 h. 40 min.", "Sochi, 8/VI. 10 h. 20 min."])
def test_a_two_digit_hour_after_a_date_without_its_year_is_no_year(line: str) -> None:
    found = parse_dateline(line, 0, parse_date("August 12, 1919"))
    assert found is not None and found.as_printed == line and found.earliest is not None
    assert found.earliest.year == 1919


@pytest.mark.parametrize(("line", "as_printed"), [
    ("Sviyazhsk, 17.VIII.1918. No. 1043.", "Sviyazhsk, 17.VIII.1918."),  # the number it went out under
    ("Sent from Sochi 12.VIII.32 at 15 h. 40 min.", "12.VIII.32"),  # as "Из Москвы 7.IX.35 г. ..." (ru/009)
])
def test_a_date_line_with_a_telegrams_number_or_its_sending(line: str, as_printed: str) -> None:
    found = parse_dateline(line, 0, parse_date("August 12, 1932"))
    assert found is not None and found.as_printed == as_printed


@pytest.mark.parametrize("line", ["2 o'clock at night, 13/VIII.", "3 часа ночи. 13/VIII-32 г.",
                                  "2 час. ночи. 13/VIII-32 г.", "Москва, Кремль, 13.VIII.32, 2 час. ночи"])
def test_the_hour_before_the_date_is_part_of_the_date_line(line: str) -> None:
    found = parse_dateline(line, 0, parse_date("August 12, 1932"))
    assert found is not None and (found.as_printed, found.edtf) == (line, "1932-08-13")


def test_a_slash_before_the_month_is_a_night_only_for_the_next_day() -> None:
    night = date("24/25 октября 1917 г.")
    assert (night.earliest, night.latest) == (dt.date(1917, 11, 6), dt.date(1917, 11, 7))
    double = date("5/18 февраля 1917 г.")  # the Old and the New Style day
    assert (double.edtf, double.earliest) == ("1917-02-05", dt.date(1917, 2, 18))


@pytest.mark.parametrize(("line", "place", "edtf"), [
    ("Sochi. 12.IX.[19]25.", "Sochi", "1925-09-12"),
    ("Moscow, 12.IX.[1925]", "Moscow", "1925-09-12"),
    ("Москва, Кремль, 5.VI.22", "Москва, Кремль", "1922-06-05"),
    ("Ст. Царицын, 7 июля 1918 г.", "Ст. Царицын", "1918-07-07"),
    ("Н.-Новгород, 5 октября 1931 г.", "Н.-Новгород", "1931-10-05"),
])
def test_datelines_with_a_place_within_a_place_or_a_year_the_editors_completed(line: str, place: str,
                                                                               edtf: str) -> None:
    found = parse_dateline(line, 0, parse_date("September 10, 1925"))
    assert found is not None and found.as_printed == line.rstrip()
    assert found.place is not None and (found.place.text, found.edtf) == (place, edtf)


@pytest.mark.parametrize(("line", "edtf"), [
    ("[Конец декабря 1917 — начало января 1918 г.]", "1917-12-21~/1918-01-10~"),
    ("Late 1923 - early 1924", "1923-09~/1924-04~"),
    ("Late December 1922 - early January 1923", "1922-12-21~/1923-01-10~"),
])
def test_a_part_of_one_month_or_year_to_a_part_of_another(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf


@pytest.mark.parametrize(("line", "edtf"), [
    ("First days of June 1922", "1922-06-01~/1922-06-10~"), ("[Первые числа июня 1922 г.]", "1922-06-01~/1922-06-10~"),
    ("[Последние числа июня 1922 г.]", "1922-06-21~/1922-06-30~"),
])
def test_the_first_and_last_days_of_a_month_are_its_first_and_last_third(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf


@pytest.mark.parametrize(("line", "edtf", "latest"), [
    ("24 декабря 1912 г. (6 января 1913 г.)", "1912-12-24", dt.date(1913, 1, 6)),
    ("Ранее 24 декабря 1912 г. (6 января 1913 г.)", "../1912-12-24", dt.date(1913, 1, 6)),
])
def test_the_date_in_the_other_calendar_printed_whole_in_brackets(line: str, edtf: str, latest: dt.date) -> None:
    found = date(line)
    assert (found.as_printed, found.edtf, found.latest) == (line, edtf, latest)


@pytest.mark.parametrize(("line", "edtf"), [
    ("[Not earlier than June 2] 1922", "1922-06-02/.."),  # the bracket closes before the year, no comma
    ("[June 2] 1922", "1922-06-02"),
    ("[Не ранее 2 июня] 1922 г.", "1922-06-02/.."),
])
def test_the_editors_bracket_may_close_before_the_year(line: str, edtf: str) -> None:
    assert date(line).edtf == edtf


@pytest.mark.parametrize("line", ["конец сентября — начало октября 1918 г.",
                                  "[End of September - beginning of October 1918]",
                                  "late September - early October 1918"])
def test_a_part_of_one_month_to_a_part_of_the_next_in_one_year(line: str) -> None:
    found = date(line)
    assert (found.earliest, found.latest) == (dt.date(1918, 9, 21), dt.date(1918, 10, 10))


def test_a_part_of_a_month_to_a_part_of_a_year_is_no_date() -> None:
    assert parse_date("late September - early 1918") is None


@pytest.mark.parametrize(("line", "as_printed", "place"), [
    ("Sochi. 9/IX. Stalin.", "Sochi. 9/IX.", "Sochi"),  # the place and the date, then who signed
    ("Сочи. 9/IX. Сталин.", "Сочи. 9/IX.", "Сочи"),
    ("No. 147. Tsaritsyn, 4.IX 18 years.", "Tsaritsyn, 4.IX 18 years.", "Tsaritsyn"),  # the telegram's number first
    ("Kharkov. 12/IX. 21 h. 15 m.", "Kharkov. 12/IX. 21 h. 15 m.", "Kharkov"),  # minutes as "m."
    ("Ростов н/Д, 8.IX.18 г.", "Ростов н/Д, 8.IX.18 г.", "Ростов н/Д"),  # "на Дону" abbreviated
    ("Vienna, 9/IX.", "Vienna, 9/IX.", "Vienna"),
])
def test_author_date_lines_with_a_place_and_what_stands_around_them(line: str, as_printed: str, place: str) -> None:
    found = parse_dateline(line, 0, parse_date("September 9, 1918"))
    assert found is not None and (found.as_printed, found.place and found.place.text) == (as_printed, place)
    assert found.earliest is not None and found.earliest.year == 1918


@pytest.mark.parametrize(("line", "as_printed"), [
    ("Исх. № 112/ш. Отпр. 14.VIII.33 г. в 23 ч. 15 м.", "14.VIII.33 г."),
    ("Из Москвы. Вх. № 1452. 19 ч. 40 м. 29.VIII.34 г.", "29.VIII.34 г."),
    ("Вх. № 8126. 16.X.45 г. 19 ч. 40 м.", "16.X.45 г."),
])
def test_a_cipher_telegrams_registration_line_dates_it(line: str, as_printed: str) -> None:
    found = parse_dateline(line, 0, parse_date("14 августа 1933 г."))
    assert found is not None and found.as_printed == as_printed


def test_ocrs_small_l_for_a_roman_one_is_read_in_a_month() -> None:
    found = parse_dateline("Vienna, 29/l.", 0, parse_date("January 29 [1913]"))
    assert found is not None and found.edtf == "1913-01-29" and found.as_printed == "Vienna, 29/l."
    assert parse_dateline("29/Vl-25 г.") is not None and parse_dateline("29/Vl-25 г.").edtf == "1925-06-29"


def test_the_editors_bracket_closing_after_both_styles_days() -> None:
    found = parse_date("[Not earlier than 7 (20)] December 1912")
    assert found is not None and found.edtf == "1912-12-07/.."
