"""The reader's pages, over the sample edition in memory and in a real SQLite store."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from starlette.testclient import TestClient

from letterbook.model import Collection, ParseResult, Source
from letterbook.web.app import create_app
from letterbook.web.config import WebSettings
from letterbook.web.edition import EditionReader, LetterQuery, MonthCount, Role
from web.sample import sample_edition
from web.sample_store import sample_store


def test_home_shows_the_collection_its_compilers_counts_and_correspondents(client: TestClient) -> None:
    html = client.get("/").text
    assert "Bolshevik leadership. Correspondence 1912–1927" in html
    assert "A. V. Kvashonkin, O. V. Khlevnyuk" in html
    assert re.search(r"<dt>Letters</dt><dd><a href=\"/letters\">6</a>", html)
    assert "<dd>1912–1931</dd>" in html
    assert 'href="/register/person/stalin-i-v">Stalin, I. V.</a>' in html
    assert 'action="/search"' in html


def test_letter_page_reads_number_parties_date_text_and_archival_citation(client: TestClient) -> None:
    html = client.get("/letters/bolsheviks/201").text
    assert '<span class="number">No. 201</span>' in html
    assert '<a href="/register/person/dzerzhinsky-f-e">F. E. Dzerzhinsky</a>' in html
    assert '<a href="/register/person/stalin-i-v">I. V. Stalin</a>' in html
    assert "5–6 October 1925" in html
    assert "RGASPI, f. 558, op. 2, d. 31, l. 4-5" in html


def test_note_markers_link_to_their_notes_and_back(client: TestClient) -> None:
    html = client.get("/letters/bolsheviks/201").text
    assert '<a class="marker" id="ref-1" href="#note-1"' in html
    assert '<li id="note-1"' in html
    assert 'href="#ref-1"' in html


def test_cross_reference_in_a_note_links_to_the_letter_it_names(client: TestClient) -> None:
    html = client.get("/letters/bolsheviks/201").text
    assert '<a class="xref" href="/letters/bolsheviks/194#note-1">note 1 to document No. 194</a>' in html


def test_inferred_month_and_julian_day_read_as_a_person_reads_them(client: TestClient) -> None:
    assert "[December 1912], inferred by the editors" in client.get("/letters/bolsheviks/194").text
    assert "5 (18) February 1917" in client.get("/letters/bolsheviks/120").text


def test_letter_page_links_previous_and_next_in_collection_and_correspondence(client: TestClient) -> None:
    html = client.get("/letters/bolsheviks/201").text
    assert re.search(r"Previous in the collection: <a class=\"letter-link\" href=\"/letters/bolsheviks/120\"", html)
    assert re.search(r"Next in this correspondence: <a class=\"letter-link\" href=\"/letters/bolsheviks/202\"", html)
    assert re.search(r"Previous in this correspondence: <a class=\"letter-link\" href=\"/letters/bolsheviks/194\"",
                     html)


def test_letter_page_offers_citations_and_json_download(client: TestClient) -> None:
    html = client.get("/letters/bolsheviks/201").text
    assert "https://edition.example/letters/bolsheviks/201" in html
    assert "@misc{bolsheviks-201," in html
    assert "personal_communication" in html
    data = client.get("/api/letters/bolsheviks/201/data").json()
    assert data["letter"]["number"] == "201"
    assert data["letter"]["notes"][0]["refs"][0]["document"] == "194"


def test_source_view_marks_each_value_where_it_was_read(client: TestClient) -> None:
    html = client.get("/letters/bolsheviks/201/source").text
    assert '<mark class="field field-date" title="date" tabindex="0">October 5-6, 1925</mark>' in html
    assert '<mark class="field field-note-marker" title="note marker" tabindex="0">1</mark>' in html
    assert re.search(r"<td>sender</td><td>\d+–\d+</td><td>F. E. Dzerzhinsky</td>", html)


def test_search_marks_the_matches_in_snippets_and_counts_facets(client: TestClient) -> None:
    html = client.get("/search", params={"q": "figures"}).text
    assert "2 letters" in html
    assert "<mark>figures</mark>" in html
    assert re.search(r'data-facet="year".*?>1917</a> <span class="count">1</span>', html, re.S)


def test_search_finds_russian_words_in_another_form(client: TestClient) -> None:
    html = client.get("/search", params={"q": "письма"}).text
    assert "1 letter" in html and "/letters/bolsheviks/301" in html


def test_date_range_certainly_excludes_a_month_that_only_overlaps(client: TestClient) -> None:
    possibly = client.get("/letters", params={"from": "1912-12-15", "to": "1913", "mode": "possibly"}).text
    certainly = client.get("/letters", params={"from": "1912-12-15", "to": "1913", "mode": "certainly"}).text
    assert "/letters/bolsheviks/194" in possibly
    assert "/letters/bolsheviks/194" not in certainly


def test_facet_link_filters_and_keeps_the_query_in_the_url(client: TestClient) -> None:
    html = client.get("/search", params={"q": "grain"}).text
    link = re.search(r'data-facet="year".*?<a href="([^"]+)">1925</a>', html, re.S)
    assert link is not None
    target = link.group(1).replace("&amp;", "&")
    assert "q=grain" in target and "year=1925" in target
    filtered = client.get(target).text
    assert "1 letter" in filtered and "/letters/bolsheviks/202" in filtered


def test_browse_by_month_lists_the_letters_of_that_month(client: TestClient) -> None:
    html = client.get("/letters", params={"year": 1925, "month": 10}).text
    assert "/letters/bolsheviks/201" in html and "/letters/bolsheviks/202" not in html


def test_browse_sorts_by_number_in_the_collection(client: TestClient) -> None:
    html = client.get("/letters", params={"sort": "number"}).text
    order = re.findall(r'class="letter-link" href="/letters/bolsheviks/(\d+)"', html)
    assert order == ["194", "120", "201", "202", "301", "666"]


def test_browse_sorts_by_date_latest_first_when_asked(client: TestClient) -> None:
    def order(sort: str) -> list[str]:
        html = client.get("/letters", params={"sort": sort}).text
        return re.findall(r'class="letter-link" href="/letters/bolsheviks/(\d+)"', html)

    assert order("newest") == order("date")[::-1] and len(order("date")) == 6  # every sample letter is dated
    assert '<option value="newest" selected>date, latest first</option>' in client.get(
        "/letters", params={"sort": "newest"}).text


def test_pagination_keeps_the_filters(client: TestClient) -> None:
    html = client.get("/letters", params={"size": 2, "kind": "letter"}).text
    assert "Page 1 of 3" in html
    assert 'href="/letters?kind=letter&amp;size=2&amp;page=2"' in html


def test_person_page_lists_letters_from_to_and_mentioning_and_correspondents(client: TestClient) -> None:
    html = client.get("/register/person/lenin-v-i").text
    assert "Letters from Lenin, V. I." in html and "Letters mentioning Lenin, V. I." in html
    stalin = client.get("/register/person/stalin-i-v").text
    assert 'href="https://www.wikidata.org/wiki/Q855"' in stalin
    shared = re.search(r'Dzerzhinsky, F. E.</a> <span class="count"><a href="([^"]+)"[^>]*>3</a></span>', stalin)
    assert shared is not None  # the count leads to the letters both wrote or received
    listed = client.get(shared.group(1).replace("&amp;", "&")).text
    assert re.search(r'<h2 id="results-h">[^<]*', listed).group() == '<h2 id="results-h">3 letters'


def test_a_place_page_lists_the_letters_written_there(client: TestClient) -> None:
    html = client.get("/register/place/moscow").text
    assert "Letters written at Moscow" in html and "Letters from Moscow" not in html
    listed = client.get("/api/letters", params={"entry": "place/moscow", "role": "written_at"}).json()
    assert [item["number"] for item in listed["items"]] == ["202"]


def test_the_timeline_of_a_place_counts_the_letters_written_there(edition: EditionReader) -> None:
    months = edition.month_counts(LetterQuery(entry="place/moscow", role=Role.WRITTEN_AT))
    assert months == [MonthCount(1925, 12, 1)]


def test_registers_index_groups_entries_by_initial(client: TestClient) -> None:
    html = client.get("/register", params={"kind": "person"}).text
    assert '<section id="az-S">' in html and "Moscow" not in html


def test_timeline_bars_link_to_their_month(client: TestClient) -> None:
    html = client.get("/timeline").text
    assert '<a href="/letters?year=1925&amp;month=10" aria-label="1925-10: 1 letters">' in html


def test_network_page_loads_its_script_from_static(client: TestClient) -> None:
    html = client.get("/network", params={"entry": "person/stalin-i-v"}).text
    assert '<script src="/static/network.js" defer></script>' in html
    assert 'data-src="/api/network?entry=person%2Fstalin-i-v"' in html
    assert client.get("/static/network.js").status_code == 200


def test_findings_page_is_readable(client: TestClient) -> None:
    assert client.get("/findings").status_code == 200


def test_a_corrected_letter_says_what_the_source_gave_who_corrected_it_when_and_why(tmp_path: Path) -> None:
    edition = sample_store(tmp_path)
    edition.store.correct("bolsheviks/201", "date", "1925-10-06", by="O. Khlevnyuk", why="the night was the 5th to 6th")
    edition.store.sync_index()
    with TestClient(create_app(WebSettings(), edition)) as client:
        html = client.get("/letters/bolsheviks/201").text
        data = client.get("/api/letters/bolsheviks/201").json()
    edition.store.close()
    assert "<h2 id=\"corrections-h\">Corrections</h2>" in html
    assert re.search(r"<b>date</b>: “1925-10-05/1925-10-06” as read from the source, corrected to “1925-10-06” "
                     r"by O\. Khlevnyuk on <time datetime=\"\d{4}-\d\d-\d\d\">.*\(the night was the 5th to 6th\)", html)
    assert "6 October 1925" in html and "5–6 October 1925" not in html
    assert data["corrections"][0]["by"] == "O. Khlevnyuk"
    uncorrected = TestClient(create_app(WebSettings(), sample_edition())).get("/letters/bolsheviks/201").text
    assert "Corrections" not in uncorrected


def test_a_collection_of_files_without_letters_is_not_shown_on_the_home_page(tmp_path: Path) -> None:
    edition = sample_store(tmp_path)
    licence = "Creative Commons Attribution 4.0 International"
    source = Source("cmif/LICENSE.txt", hashlib.sha256(licence.encode()).hexdigest(), licence)
    edition.store.store_result(ParseResult(source, Collection(), ()), licence.encode(), "cmif-licences")
    with TestClient(create_app(WebSettings(), edition)) as client:
        html = client.get("/").text
    edition.store.close()
    assert "Bolshevik leadership. Correspondence 1912–1927" in html and "cmif-licences" not in html
