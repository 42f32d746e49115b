"""The web reader's settings: one frozen value passed to ``create_app``; nothing read at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///letterbook.db"


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Which edition to serve and how its pages link to themselves."""

    database_url: str = DEFAULT_DATABASE_URL
    site_url: str | None = None  # the public address used in citations; None: the address a request came to
    page_size: int = 20

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, database_url: str | None = None) -> WebSettings:
        """From ``LETTERBOOK_DATABASE_URL`` and ``LETTERBOOK_SITE_URL``; an explicit URL wins."""
        values = os.environ if env is None else env
        return cls(database_url=database_url or values.get("LETTERBOOK_DATABASE_URL") or DEFAULT_DATABASE_URL,
                   site_url=values.get("LETTERBOOK_SITE_URL") or None)
