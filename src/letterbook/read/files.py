"""Turn a file on disk into a ``Source`` or a clear ``SourceError``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from letterbook.errors import SourceError
from letterbook.model import Source


def read_source(path: Path, encoding: str | None = None) -> Source:
    """Read one file as a ``Source`` (minimal: UTF-8 text; the full reader replaces this)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror}") from exc
    if not raw:
        raise SourceError(str(path), "is empty")
    try:
        text = raw.decode(encoding or "utf-8-sig")
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(str(path), f"cannot be decoded: {exc}") from exc
    return Source(path=str(path), sha256=hashlib.sha256(raw).hexdigest(), text=text,
                  encoding=encoding or "utf-8")
