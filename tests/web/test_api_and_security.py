"""The JSON API, the security headers, escaping of untrusted text and the error pages."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from letterbook.export.validate import validate_tei
from letterbook.web.app import create_app
from letterbook.web.config import WebSettings
from web.sample import sample_edition


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/letters", "/api/letters/{letter_id}", "/api/persons", "/api/places", "/api/organisations",
                 "/api/collection", "/api/entries/{entry_id}", "/api/network"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/letters"]["get"]["parameters"]}
    assert {"q", "from", "to", "mode", "page", "size", "correspondent"} <= names


def test_api_letters_filters_searches_paginates_and_counts_facets(client: TestClient) -> None:
    data = client.get("/api/letters", params={"q": "grain", "size": 1}).json()
    assert data["total"] == 2
    assert len(data["items"]) == 1
    assert {v["value"]: v["count"] for v in data["facets"]["year"]} == {"1917": 1, "1925": 1}
    second = client.get("/api/letters", params={"q": "grain", "size": 1, "page": 2}).json()
    assert second["items"][0]["id"] != data["items"][0]["id"]


def test_api_letter_has_the_readable_date_and_citation(client: TestClient) -> None:
    data = client.get("/api/letters/bolsheviks/194").json()
    assert data["date"]["readable"] == "[December 1912], inferred by the editors"
    assert data["date"]["edtf"] == "1912-12"
    assert data["citation"]["text"].endswith("https://edition.example/letters/bolsheviks/194")


def test_api_registers_are_paginated(client: TestClient) -> None:
    data = client.get("/api/persons", params={"size": 2}).json()
    assert data["total"] == 5 and len(data["items"]) == 2
    assert client.get("/api/places").json()["items"][0]["preferred_name"] == "Moscow"
    assert client.get("/api/organisations").json()["items"][0]["preferred_name"] == "Politburo"


def test_api_network_weights_links_by_letters(client: TestClient) -> None:
    data = client.get("/api/network").json()
    weights = {(link["source"], link["target"]): link["letters"] for link in data["links"]}
    assert weights[("person/dzerzhinsky-f-e", "person/stalin-i-v")] == 3


def test_unknown_letter_is_a_404_page_and_a_json_error(client: TestClient) -> None:
    page = client.get("/letters/bolsheviks/9999")
    assert page.status_code == 404 and "There is no letter with this id." in page.text
    assert client.get("/api/letters/bolsheviks/9999").json() == {"error": "There is no letter with this id.",
                                                                 "status": 404}


def test_a_malformed_parameter_is_a_400_that_says_what_is_wrong(client: TestClient) -> None:
    response = client.get("/letters", params={"from": "soon"})
    assert response.status_code == 400
    assert "from must be a date" in response.text


def test_a_fond_without_its_archive_is_a_400_not_a_filter_silently_dropped(client: TestClient) -> None:
    for url in ("/letters", "/api/letters"):
        response = client.get(url, params={"fond": "558"})
        assert response.status_code == 400 and "fond needs archive" in response.text, url
    assert client.get("/api/letters", params={"archive": "RGASPI", "fond": "558"}).json()["total"] == 6


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/letters/bolsheviks/201", "/api/letters", "/nothing-here", "/static/style.css"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "default-src 'none'" in policy


def test_pages_carry_no_inline_script_or_style(client: TestClient) -> None:
    for url in ("/", "/letters", "/letters/bolsheviks/201", "/network", "/register/person/stalin-i-v"):
        html = client.get(url).text
        assert "<script>" not in html and " style=" not in html and "<style" not in html, url


def test_injected_markup_in_text_notes_and_names_is_shown_as_text(client: TestClient) -> None:
    for url in ("/letters/bolsheviks/666", "/letters/bolsheviks/666/source", "/register/person/evil",
                "/search?q=injected", "/register", "/"):
        html = client.get(url).text
        assert "<script>window.__pwned" not in html, url
        assert "<img src=x" not in html, url
    html = client.get("/letters/bolsheviks/666").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_a_javascript_authority_link_is_never_made_a_link(client: TestClient) -> None:
    html = client.get("/register/person/evil").text
    assert 'href="javascript' not in html
    assert "https://www.wikidata.org/wiki/javascript%3Aalert%283%29" in html


class BrokenEdition:
    """An edition whose every call fails like a bug would."""

    def __getattr__(self, name: str) -> object:
        def fail(*args: object, **kwargs: object) -> object:
            raise RuntimeError("secret internals /etc/passwd line 42")
        return fail


def test_an_internal_error_shows_a_plain_page_without_the_trace() -> None:
    app = create_app(WebSettings(), BrokenEdition())  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        for url in ("/", "/api/collection"):
            response = client.get(url)
            assert response.status_code == 500
            assert "secret internals" not in response.text and "Traceback" not in response.text
            assert "content-security-policy" in response.headers


def test_the_sample_edition_in_memory_serves_the_same_letter_as_the_store(client: TestClient) -> None:
    memory = TestClient(create_app(WebSettings(site_url="https://edition.example"), sample_edition()))
    ours = client.get("/api/letters/bolsheviks/201").json()
    theirs = memory.get("/api/letters/bolsheviks/201").json()
    for key in ("number", "date", "notes", "citation", "senders"):
        assert ours[key] == theirs[key], key
    assert "".join(s["text"] for s in ours["body"]) == "".join(s["text"] for s in theirs["body"])


def test_letter_downloads_as_tei_valid_against_tei_all(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/api/letters/bolsheviks/194/tei")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/tei+xml")
    assert 'filename="' in response.headers["content-disposition"]
    target = tmp_path / "194.xml"
    target.write_bytes(response.content)
    assert validate_tei([target]) == []
    assert b"correspDesc" in response.content and b"msIdentifier" in response.content
