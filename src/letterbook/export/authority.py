"""Authority identifiers (GND, VIAF, Wikidata, GeoNames, LoC): one URI form for each.

Editions write the same identifier in many forms: ``http://sws.geonames.org/2950159/``
and ``https://www.geonames.org/2950159`` name one place, ``http://d-nb.info/gnd/118587684``
and ``https://d-nb.info/gnd/118587684/about/html`` one person. Exports write, and imports
compare, the canonical form given here; a URI of no known authority is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# scheme -> (pattern over a URI without its "http(s)://" prefix, canonical URI template)
_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "gnd": (re.compile(r"^(?:www\.)?d-nb\.info/gnd/([0-9X-]+[0-9X])(?:/.*)?$", re.IGNORECASE),
            "https://d-nb.info/gnd/{}"),
    "viaf": (re.compile(r"^(?:www\.)?viaf\.org/viaf/(\d+)(?:/.*)?$"), "https://viaf.org/viaf/{}"),
    "wikidata": (re.compile(r"^(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q\d+)(?:[/#].*)?$"),
                 "http://www.wikidata.org/entity/{}"),
    "geonames": (re.compile(r"^(?:sws\.|www\.)?geonames\.org/(\d+)(?:/.*)?$"), "http://www.geonames.org/{}"),
    "loc": (re.compile(r"^id\.loc\.gov/authorities/names/([a-z]+\d+)(?:\.html)?$"),
            "http://id.loc.gov/authorities/names/{}"),
}
_SCHEME_PREFIX = re.compile(r"^https?://", re.IGNORECASE)

# The order in which a single URI is chosen where a format takes one (CMIF's @ref).
PERSON_PREFERENCE = ("gnd", "viaf", "wikidata", "loc", "geonames")
PLACE_PREFERENCE = ("geonames", "wikidata", "gnd", "viaf", "loc")


@dataclass(frozen=True, slots=True)
class AuthorityId:
    scheme: str  # "gnd", "viaf", "wikidata", "geonames", "loc"
    value: str

    @property
    def uri(self) -> str:
        return _PATTERNS[self.scheme][1].format(self.value)


def parse_authority(uri: str) -> AuthorityId | None:
    """The authority and identifier a URI names, or None for any other URI."""
    bare = _SCHEME_PREFIX.sub("", uri.strip())
    for scheme, (pattern, _template) in _PATTERNS.items():
        match = pattern.match(bare)
        if match:
            return AuthorityId(scheme, match.group(1))
    return None


def normalize_uri(uri: str) -> str:
    """The canonical form of an authority URI; any other URI stripped of surrounding space."""
    parsed = parse_authority(uri)
    return parsed.uri if parsed else uri.strip()


def authority_uris(authority: Mapping[str, str]) -> list[str]:
    """A register entry's ``authority`` dict ({"gnd": "118587684"}) as canonical URIs, sorted."""
    uris = []
    for scheme, value in authority.items():
        key = scheme.lower()
        if key in _PATTERNS and value:
            uris.append(_PATTERNS[key][1].format(value.strip()))
        elif value.startswith(("http://", "https://")):
            uris.append(normalize_uri(value))
    return sorted(set(uris))


def authority_ids(uris: Iterable[str], schemes: Iterable[str] | None = None) -> dict[str, str]:
    """{scheme: identifier} of the authority ``uris`` (of ``schemes`` only, when given), the first of each."""
    wanted = set(schemes) if schemes is not None else None
    ids: dict[str, str] = {}
    for found in filter(None, map(parse_authority, uris)):
        if wanted is None or found.scheme in wanted:
            ids.setdefault(found.scheme, found.value)
    return ids


def merge_uris(*groups: Iterable[str]) -> tuple[str, ...]:
    """Every URI of ``groups`` once, canonical, sorted so that output is deterministic."""
    return tuple(sorted({normalize_uri(u) for group in groups for u in group if u.strip()}))


def preferred_uri(uris: Iterable[str], preference: tuple[str, ...]) -> str | None:
    """The one URI a single-valued format should carry: the first authority in ``preference``."""
    parsed = {p.scheme: p for p in (parse_authority(u) for u in uris) if p is not None}
    for scheme in preference:
        if scheme in parsed:
            return parsed[scheme].uri
    return None
