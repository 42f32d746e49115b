"""Language knowledge lives in TOML files under ``parse/data``; this loads them once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str, package: str = "letterbook.parse") -> dict[str, Any]:
    """The data file ``{package}/data/{name}.toml`` as a dict (read once per process)."""
    text = resources.files(package).joinpath("data", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)
