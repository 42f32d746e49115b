"""Every error letterbook raises on purpose; anything else is a bug.

    LetterbookError
     ├── SourceError    a file cannot be read: missing, binary, empty, too large, undecodable
     ├── ParseError     a source was read but could not be turned into letters
     ├── StoreError     the edition store refused or failed an operation
     ├── QueryError     a search query is malformed (unbalanced quotes, dangling operators)
     └── ExportError    an export could not be written or did not validate

Each message names the file and the place, so the CLI prints it as one line.
"""

from __future__ import annotations


class LetterbookError(Exception):
    """Base of all of letterbook's own errors."""


class SourceError(LetterbookError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ParseError(LetterbookError):
    pass


class StoreError(LetterbookError):
    pass


class QueryError(LetterbookError):
    pass


class ExportError(LetterbookError):
    pass
