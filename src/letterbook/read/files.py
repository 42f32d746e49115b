"""Turn a file on disk into a ``Source``, or a ``SourceError`` that says in one line what is wrong.

Reading goes: check the file (exists, is a file, not over the size limit), read its bytes, refuse
empty and binary files, decode (``encoding.py``), turn HTML into text (``html.py``), undo
mojibake (``mojibake.py``). Plain text is kept exactly as decoded, every character of it
(no-break spaces, odd blank lines, stray tags): it is what the parser's spans point into.
What a reviewer should know about the reading (a repair, an encoding declaration that was
overruled) comes back as findings of field "source".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from letterbook.errors import SourceError
from letterbook.model import Finding, Severity, Source
from letterbook.read import html
from letterbook.read.encoding import bom_encoding, decode
from letterbook.read.mojibake import repair_mojibake

MB = 1_000_000
DEFAULT_MAX_BYTES = 50 * MB

# The suffixes of files ``iter_source_paths`` picks from folders.
SOURCE_SUFFIXES = frozenset({".txt", ".htm", ".html", ".xml"})
# Files that come with a collection but are none of its pages.
LICENCE_STEMS = frozenset({"license", "licence", "copying", "copyright", "notice"})

# Bytes that no text file holds (tab, line feed, form feed and carriage return are text).
CONTROL_BYTES = bytes(sorted(frozenset(range(32)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F}))
# A file is binary when more than this share of its first bytes are control bytes.
CONTROL_BYTE_SHARE = 0.10
BINARY_SAMPLE_BYTES = 65_536


def read_source(path: Path | str, encoding: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file as a ``Source`` (see ``read_source_with_findings``)."""
    return read_source_with_findings(path, encoding, max_bytes=max_bytes)[0]


def read_source_with_findings(
    path: Path | str, encoding: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, raw: bytes | None = None
) -> tuple[Source, list[Finding]]:
    """Read one file as a ``Source``, with findings about the reading itself.

    ``encoding`` forces a codec instead of detecting one; ``raw`` gives the file's bytes when
    the caller has read them already (``read_file_bytes``). Raises ``SourceError`` when the file
    is missing, unreadable, a folder, larger than ``max_bytes``, empty, binary or undecodable.
    """
    name = str(path)
    if raw is None:
        raw = read_file_bytes(Path(path), max_bytes)
    if not raw:
        raise SourceError(name, "is empty")
    _refuse_binary(name, raw)
    named_html = Path(path).suffix.lower() in (".htm", ".html", ".xhtml") or html.looks_like_html(raw)
    tagged_text = not named_html and html.has_html_markup(raw)  # a text file with HTML's tags in it
    is_html = named_html or tagged_text
    declared = html.declared_encoding(raw) if is_html or raw.lstrip().startswith(b"<?xml") else None
    decoded = decode(name, raw, forced=encoding, declared=declared)
    if not decoded.text:  # nothing but a byte-order mark
        raise SourceError(name, "is empty")
    markup = html.with_line_breaks(decoded.text) if tagged_text else decoded.text
    text, html_warnings = html.read_html(markup) if is_html else (decoded.text, [])
    if not text.strip():
        raise SourceError(name, "has no text, only markup" if decoded.text.strip() else "holds only whitespace")
    text, repair = repair_mojibake(text)
    source = Source(path=name, sha256=hashlib.sha256(raw).hexdigest(), text=text,
                    media_type=_media_type(Path(path), is_html), encoding=decoded.encoding)
    whole = (0, len(text))
    findings = [Finding(Severity.INFO, "source", note, whole) for note in decoded.notes]
    findings += [Finding(Severity.WARNING, "source", warning, whole) for warning in html_warnings]
    if tagged_text:
        findings.append(Finding(Severity.INFO, "source", "read as HTML: the text holds HTML markup", whole))
    if repair is not None:  # the text differs from the decoded file: a reviewer must know
        findings.append(Finding(Severity.WARNING, "source", repair.describe(), whole))
    return source, findings


def iter_source_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The files to read for ``paths``: a file as given, a folder's source files recursively.

    From folders come files ending in .txt, .htm, .html or .xml, sorted, leaving out hidden
    files and folders, annotations (.json) and licence files. A path that does not exist is
    passed on, so that reading it reports the error. No file comes twice.
    """
    seen: set[Path] = set()
    for given in map(Path, paths):
        found = sorted(_folder_sources(given)) if given.is_dir() else [given]
        for path in found:
            if path not in seen:
                seen.add(path)
                yield path


def _folder_sources(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden and _is_source_name(path):
            yield path


def _is_source_name(path: Path) -> bool:
    return path.suffix.lower() in SOURCE_SUFFIXES and path.stem.lower() not in LICENCE_STEMS


def read_file_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the file ``path``, or a ``SourceError`` saying why they cannot be read."""
    name = str(path)
    try:
        if path.is_dir():
            raise SourceError(name, "is a folder, not a file")
        if path.exists() and not path.is_file():  # reading a pipe or a device could wait forever
            raise SourceError(name, "is not a regular file (a pipe, socket or device)")
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(name, f"is {_size(size)}, more than the {_size(max_bytes)} limit")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(name, "does not exist") from exc
    except OSError as exc:
        raise SourceError(name, f"cannot be read: {exc.strerror or exc}") from exc


def _refuse_binary(name: str, raw: bytes) -> None:
    if bom_encoding(raw) in ("utf-16", "utf-32"):  # their NUL bytes are text
        return
    nul = raw.find(b"\0")
    if nul >= 0:
        raise SourceError(name, f"looks binary (NUL bytes at byte {nul})")
    sample = raw[:BINARY_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))  # counted in C, not byte by byte
    if controls > CONTROL_BYTE_SHARE * len(sample):
        raise SourceError(name, f"looks binary ({controls * 100 // len(sample)}% control bytes in its first "
                                f"{len(sample)} bytes)")


def _media_type(path: Path, is_html: bool) -> str:
    if is_html:
        return html.MEDIA_TYPE
    return "application/xml" if path.suffix.lower() == ".xml" else "text/plain"


def _size(n: int) -> str:
    """A size as people say it: "80 MB", "1.5 kB", "200 bytes"."""
    if n >= MB:
        return f"{n / MB:.0f} MB" if n >= 10 * MB else f"{n / MB:.1f} MB"
    return f"{n / 1000:.1f} kB" if n >= 1000 else f"{n} bytes"
