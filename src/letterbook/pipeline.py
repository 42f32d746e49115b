"""The stages before the store, chained: a file on disk → a ``ParseResult``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from letterbook.model import ParseResult
from letterbook.parse import parse_source
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.read.files import read_source_with_findings


def parse_file(path: Path | str, encoding: str | None = None, conventions: Conventions = DEFAULT, *,
               raw: bytes | None = None) -> ParseResult:
    """Read and parse one file (its bytes ``raw`` when read already); what the reading itself
    noticed comes first among the findings.

    Raises ``SourceError`` when the file cannot be read.
    """
    source, reading = read_source_with_findings(path, encoding, raw=raw)
    result = parse_source(source, conventions)
    return replace(result, findings=(*reading, *result.findings))
