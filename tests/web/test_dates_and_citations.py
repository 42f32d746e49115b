"""Dates as a reader reads them, and the three citation formats of a letter."""

from __future__ import annotations

import datetime as dt
import json

from letterbook.model import Calendar, HistoricalDate
from letterbook.web import cite
from letterbook.web.dates import readable_date
from web.sample import sample_edition


def date(edtf: str, earliest: dt.date, latest: dt.date, **kwargs: object) -> HistoricalDate:
    return HistoricalDate("as printed", (0, 1), edtf, earliest, latest, **kwargs)  # type: ignore[arg-type]


def test_bracketed_month_reads_as_a_month_inferred_by_the_editors() -> None:
    value = date("1912-12", dt.date(1912, 12, 1), dt.date(1912, 12, 31), inferred=True)
    assert readable_date(value) == "[December 1912], inferred by the editors"


def test_julian_day_shows_the_gregorian_day_in_brackets() -> None:
    value = date("1917-02-05", dt.date(1917, 2, 18), dt.date(1917, 2, 18), calendar=Calendar.JULIAN)
    assert readable_date(value) == "5 (18) February 1917"


def test_julian_day_across_a_month_names_both_months() -> None:
    value = date("1917-01-31", dt.date(1917, 2, 13), dt.date(1917, 2, 13), calendar=Calendar.JULIAN)
    assert readable_date(value) == "31 January (13 February) 1917"


def test_two_days_of_one_month_read_as_a_range() -> None:
    value = date("1925-10-05/1925-10-06", dt.date(1925, 10, 5), dt.date(1925, 10, 6))
    assert readable_date(value) == "5–6 October 1925"


def test_approximate_and_uncertain_dates_say_so() -> None:
    value = date("1920", dt.date(1920, 1, 1), dt.date(1920, 12, 31), approximate=True, uncertain=True)
    assert readable_date(value) == "about 1920?"


def test_a_date_without_edtf_is_shown_as_printed() -> None:
    assert readable_date(HistoricalDate("spring 1921", (0, 1), None, None, None)) == "spring 1921"


def test_missing_date_reads_undated() -> None:
    assert readable_date(None) == "undated"


def letter_201():  # type: ignore[no-untyped-def]
    return sample_edition().get_letter("bolsheviks/201")


def test_readable_citation_names_the_people_the_archive_cipher_and_the_url() -> None:
    text = cite.readable(letter_201(), "Bolshevik leadership", "https://e.example/letters/bolsheviks/201")
    assert text.startswith("F. E. Dzerzhinsky to I. V. Stalin, 5–6 October 1925.")
    assert "No. 201" in text
    assert "RGASPI, f. 558, op. 2, d. 31, l. 4-5" in text
    assert text.endswith("https://e.example/letters/bolsheviks/201")


def test_csl_json_is_a_personal_communication_with_its_issued_date() -> None:
    data = cite.csl_json(letter_201(), "Bolshevik leadership", "https://e.example/x")
    assert json.loads(json.dumps(data))["type"] == "personal_communication"
    assert data["issued"]["date-parts"] == [[1925, 10, 5]]
    assert data["author"] == [{"literal": "F. E. Dzerzhinsky"}]
    assert data["archive_location"] == "RGASPI, f. 558, op. 2, d. 31, l. 4-5"


def test_bibtex_escapes_braces_and_specials_so_the_entry_stays_whole() -> None:
    entry = cite.bibtex(sample_edition().get_letter("bolsheviks/666"), "A {weird} & 100% title", "https://e.example/x")
    assert entry.startswith("@misc{bolsheviks-666,")
    assert r"A \{weird\} \& 100\% title" in entry
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")
