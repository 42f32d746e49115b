"""Authority URIs in one form, and dates as TEI/CMIF dating attributes and back."""

from __future__ import annotations

import datetime as dt

import pytest

from letterbook.export.authority import PLACE_PREFERENCE, normalize_uri, parse_authority, preferred_uri
from letterbook.export.dating import cmif_date_attributes, date_from_attributes, tei_date_attributes
from letterbook.model import Calendar, HistoricalDate


@pytest.mark.parametrize(("uri", "canonical"), [
    ("http://sws.geonames.org/2950159/", "http://www.geonames.org/2950159"),
    ("https://www.geonames.org/2950159/berlin.html", "http://www.geonames.org/2950159"),
    ("http://d-nb.info/gnd/118587684", "https://d-nb.info/gnd/118587684"),
    ("https://d-nb.info/gnd/10024328-9/about/html", "https://d-nb.info/gnd/10024328-9"),
    ("http://viaf.org/viaf/59894734/", "https://viaf.org/viaf/59894734"),
    ("https://www.wikidata.org/wiki/Q855", "http://www.wikidata.org/entity/Q855"),
    ("  https://example.org/person/1 ", "https://example.org/person/1"),
])
def test_authority_uris_of_one_identifier_have_one_form(uri: str, canonical: str) -> None:
    assert normalize_uri(uri) == canonical


def test_unknown_uri_names_no_authority_and_places_prefer_geonames() -> None:
    assert parse_authority("https://example.org/x") is None
    uris = ["http://www.wikidata.org/entity/Q64", "http://sws.geonames.org/2950159/"]
    assert preferred_uri(uris, PLACE_PREFERENCE) == "http://www.geonames.org/2950159"


def date(edtf: str, earliest: dt.date | None, latest: dt.date | None, **kw: object) -> HistoricalDate:
    return HistoricalDate("as printed", (0, 0), edtf, earliest, latest, **kw)  # type: ignore[arg-type]


def test_julian_month_is_bounded_by_its_gregorian_days_and_keeps_the_julian_month() -> None:
    attrs = dict(tei_date_attributes(date("1912-12", dt.date(1912, 12, 14), dt.date(1913, 1, 13),
                                          calendar=Calendar.JULIAN)))
    assert attrs == {"notBefore": "1912-12-14", "notAfter": "1913-01-13", "when-custom": "1912-12",
                     "datingMethod": "#julian", "calendar": "#julian"}


def test_cmif_states_uncertain_and_approximate_dates_as_low_certainty_only() -> None:
    attrs = cmif_date_attributes(date("1925-10~", dt.date(1925, 10, 1), dt.date(1925, 10, 31), approximate=True))
    assert attrs == [("when", "1925-10"), ("cert", "low")]


def test_date_without_anything_to_state_has_no_cmif_attributes() -> None:
    assert cmif_date_attributes(date("", None, None)) == []


def test_year_less_day_is_a_problem_and_the_text_is_kept() -> None:
    read = date_from_attributes({"when": "--02-03"}, "3. Februar", (5, 15))
    assert read.date is not None and read.date.edtf is None and read.date.as_printed == "3. Februar"
    assert "without a year" in read.problems[0]


def test_month_precision_runs_from_first_to_last_day() -> None:
    read = date_from_attributes({"when": "1900-02"}, "", (0, 0))
    assert read.date is not None and (read.date.earliest, read.date.latest) == (dt.date(1900, 2, 1),
                                                                                dt.date(1900, 2, 28))


def test_cert_outside_tei_is_a_problem() -> None:
    assert date_from_attributes({"when": "1700", "cert": "sure"}, "", (0, 0)).problems
