"""Read any supported file into a ``ParseResult``: a TEI letter, a CMIF file, or a page of letters.

This is what ``letterbook ingest`` and ``export --from`` call, so that letters from
other editions (TEI, CMIF) come in beside the pages letterbook parses itself.
"""

from __future__ import annotations

from pathlib import Path

from letterbook.model import ParseResult
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.read.xml import TEI_NS

_SNIFF_BYTES = 4096


def is_tei_namespace_file(path: Path) -> bool:
    """Whether the file's first 4 KiB declare the TEI namespace (a TEI letter or a CMIF file)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return declares_tei_namespace(head)


def declares_tei_namespace(raw: bytes) -> bool:
    """Whether the first 4 KiB of a file's bytes declare the TEI namespace."""
    return TEI_NS.encode() in raw[:_SNIFF_BYTES]


def is_cmif_root(path: Path) -> bool:
    """A CMIF file names its own URL in ``publicationStmt/idno[@type="url"]`` (required by CMIF)."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    return b'type="url"' in head or b"type='url'" in head


def read_letters_file(path: Path, conventions: Conventions = DEFAULT, *, raw: bytes | None = None) -> ParseResult:
    """The letters of one file, by what it holds (TEI letter, CMIF, or text/HTML page).

    A page's reading findings (a repaired encoding, say) come with its letters; its dates
    are read with the collection's ``conventions``. ``raw``: the file's bytes, when the caller
    has read them already (a page is then not read again).
    """
    if declares_tei_namespace(raw) if raw is not None else is_tei_namespace_file(path):
        from letterbook.read.cmif import read_cmif
        from letterbook.read.tei import read_tei

        return read_cmif(path) if is_cmif_root(path) else read_tei(path)
    from letterbook.pipeline import parse_file

    return parse_file(path, conventions=conventions, raw=raw)
