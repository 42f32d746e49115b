"""The web reader: pages and a JSON API over an edition (``create_app``, ``letterbook serve``).

``create_app`` is imported on first use, so the CLI starts without loading the web framework.
"""

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from letterbook.web.app import create_app

        return create_app
    raise AttributeError(name)
