"""The reader's URLs, built in one place so pages, API and citations agree."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode

AUTHORITY_URLS = {
    "wikidata": "https://www.wikidata.org/wiki/{}",
    "viaf": "https://viaf.org/viaf/{}",
    "gnd": "https://d-nb.info/gnd/{}",
    "geonames": "https://www.geonames.org/{}",
    "loc": "https://id.loc.gov/authorities/names/{}",
}


def letter_url(letter_id: str) -> str:
    return "/letters/" + quote(letter_id, safe="/")


def entry_url(entry_id: str) -> str:
    return "/register/" + quote(entry_id, safe="/")


def with_params(path: str, params: Mapping[str, object]) -> str:
    """``path`` with the non-empty parameters as a query string, in a stable order."""
    kept = [(k, str(v)) for k, v in params.items() if v not in (None, "")]
    return path + ("?" + urlencode(kept) if kept else "")


def authority_url(scheme: str, value: str) -> str | None:
    """A link for an authority id; only http(s) links and known schemes, so no ``javascript:`` URL gets through."""
    if value.startswith(("https://", "http://")):
        return value
    template = AUTHORITY_URLS.get(scheme.casefold())
    return template.format(quote(value, safe="")) if template else None
