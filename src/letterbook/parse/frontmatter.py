"""What surrounds the letters on a page: navigation, the collection's title page, sections.

Front matter becomes collection metadata, never a letter. Patterns live in
``parse/data/frontmatter.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from letterbook.data import load
from letterbook.model import Collection
from letterbook.parse.text import Line, normalize_spaces


@cache
def _compiled(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load("frontmatter")[key])


@cache
def _navigation() -> re.Pattern[str]:
    """All navigation patterns as one expression (they name no groups)."""
    return re.compile("|".join(f"(?:{p})" for p in load("frontmatter")["navigation"]), re.IGNORECASE)


def _match(key: str, text: str) -> re.Match[str] | None:
    """The first of the ``key`` patterns that matches the whole of ``text``."""
    return next((m for p in _compiled(key) if (m := p.fullmatch(text)) is not None), None)


def is_navigation(text: str) -> bool:
    """A navigation bar, library banner or advert line: never part of a letter."""
    flat = normalize_spaces(text)
    if flat.count("|") >= int(load("frontmatter")["nav_separators"]):
        return True
    return _navigation().fullmatch(flat) is not None


def related_links_at(text: str, start: int) -> int | None:
    """Where a line "Читайте также" / "Read also" stands in ``text`` from ``start`` on (a site's
    links to other pages begin there), else None. One search over the page, not a test a line."""
    found = _related_links().search(text, start)
    return found.start("label") if found else None


@cache
def _related_links() -> re.Pattern[str]:
    labels = "|".join(f"(?:{p})" for p in load("frontmatter")["related_links"])
    return re.compile(rf"^[^\S\n]*(?P<label>{labels})[^\S\n]*$", re.IGNORECASE | re.MULTILINE)


def is_title_page_line(text: str) -> bool:
    """A line of the collection's title page: title, year, compilers, a section heading."""
    flat = normalize_spaces(text)
    keys = ("collection_title", "collection_year", "compilers", "sections")
    return any(_match(key, flat) is not None for key in keys)


def is_front_matter_line(text: str) -> bool:
    return is_navigation(text) or is_title_page_line(text)


def collection_from(lines: Sequence[Line], language: str) -> Collection:
    """Collection metadata from the front matter lines of a page."""
    title = year = None
    compilers: tuple[str, ...] = ()
    sections: list[str] = []
    for line in lines:
        if line.blank:
            continue
        flat = normalize_spaces(line.text)
        if title is None and (m := _match("collection_title", flat)):
            title = _first_group(m)
        elif year is None and (m := _match("collection_year", flat)):
            year = _first_group(m)
        elif not compilers and (m := _match("compilers", flat)):
            compilers = tuple(_split_names(_first_group(m) or ""))
        elif m := _match("sections", flat):
            section = _first_group(m)
            if section and section not in sections:
                sections.append(section)
    return Collection(title=title, compilers=compilers, year=year, sections=tuple(sections), language=language)


def _first_group(match: re.Match[str]) -> str | None:
    return next((g for g in match.groups() if g), None)


def _split_names(text: str) -> list[str]:
    """ "A.V.Kvashonkin, L.P.Kosheleva." → ["A.V.Kvashonkin", "L.P.Kosheleva"]."""
    return [name.strip(" .") for name in re.split(r",|;", text) if name.strip(" .")]
