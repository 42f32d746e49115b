"""Earlier publications: the lines that say where a document was printed before.

Public API (pure, never raises, linear time):

- ``is_publication(text)``: whether one line cites an earlier publication: "Political
  diary. 1964 - 1970. Amsterdam. 1972. S. 238-241.", "Сталин и Каганович. Переписка.
  1931–1936 гг. С. 222.", "Впервые напечатано 19 января 1928 г. в газете ...",
  "Печатается по рукописи".

A line is a publication when it holds a first-publication formula ("Впервые
напечатано", "First published", "Печатается по"; the weaker "Published in" only where
the line begins), when it gives a page ("С. 46",
"S. 238-241"), or when it has a year together with the word of a book or periodical
("Переписка", "Verbatim report", "№") or a place of publication ("M., 1926"). A line
that opens with an archival citation is not a publication: split off what follows the
citation with ``archival.citation_tail`` and judge that. The words are in
``parse/data/publications.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from letterbook.data import load
from letterbook.model import ArchivalRef
from letterbook.parse.archival import find_archival
from letterbook.parse.phrases import alternation

_YEAR = re.compile(r"(?<!\d)(?:1[7-9]\d\d|20\d\d)(?!\d)")


def _data() -> Any:
    return load("publications")


def _words(key: str) -> str:
    return "(?i:" + alternation(_data()[key]) + ")"


@cache
def _formula_re() -> re.Pattern[str]:
    return re.compile(_words("formulas"))


@cache
def _formula_at_start_re() -> re.Pattern[str]:
    return re.compile(r"\s*" + _words("formulas_at_start"))


# A point of a numbered list in a letter's text: "2) ...", "3. ..." is never a publication.
_LIST_ITEM = re.compile(r"\d{1,2}[).]\s")


@cache
def _not_at_start_re() -> re.Pattern[str]:
    return re.compile(r"\s*" + _words("not_at_start"))


@cache
def _pages_re() -> re.Pattern[str]:
    return re.compile(_words("pages") + r"[ \t\xa0]?\d")


@cache
def _works_re() -> re.Pattern[str]:
    return re.compile(_words("works") + "|" + _words("numbered") + r"[ \t\xa0]?\d")


@cache
def _place_re() -> re.Pattern[str]:
    return re.compile(_words("places") + r"[ \t\xa0]?[,:]")


def is_publication(text: str) -> bool:
    """Whether ``text`` (one line, or a few wrapped ones) cites an earlier publication."""
    line = text.strip()
    if not line or len(line) > _data()["max_chars"]:
        return False
    citations = find_archival(line)
    if citations and citations[0].span[0] == 0:
        return False
    if _not_at_start_re().match(line) or _LIST_ITEM.match(line):
        return False  # "Extract from Protocol No. 93 of the meeting ...", "2) Валютный план (№ 118) ... 1931 г."
    line = _without_citations(line, citations)  # "D. 1881" is no year, "L. 4" no page
    if _formula_re().search(line) or _formula_at_start_re().match(line) or _pages_re().search(line):
        return True
    has_year = _YEAR.search(line) is not None
    return has_year and (_works_re().search(line) is not None or _place_re().search(line) is not None)


def is_page_reference(text: str) -> bool:
    """A line that is only the pages of a reference ("P. 716.", "С. 46–48."), wrapped from above."""
    found = _pages_re().match(text.strip())
    return found is not None and _PAGES_ONLY.fullmatch(text.strip(), found.end() - 1) is not None


_PAGES_ONLY = re.compile(r"\d+(?:[ \t\xa0]?[-–—][ \t\xa0]?\d+)?\.?")


def _without_citations(line: str, citations: list[ArchivalRef]) -> str:
    """``line`` with every archival citation blanked out."""
    for citation in citations:
        start, end = citation.span
        line = line[:start] + " " * (end - start) + line[end:]
    return line
