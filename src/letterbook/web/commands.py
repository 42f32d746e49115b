"""``letterbook serve``: the web reader over an edition store, run by uvicorn."""

from __future__ import annotations

import sys

import click

from letterbook.web.config import WebSettings


@click.command()
@click.option("--db", "database_url", default=None,
              help="The edition store: sqlite:///FILE or postgresql://... [default: $LETTERBOOK_DATABASE_URL "
                   "or sqlite:///letterbook.db]")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="The port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each opens its own connection to the store).")
@click.option("--site-url", default=None, help="The public address used in citations [default: the request's].")
def serve(database_url: str | None, host: str, port: int, workers: int, site_url: str | None) -> None:
    """Serve the edition in a browser and as a JSON API (http://HOST:PORT, API under /api)."""
    import os

    import uvicorn

    from letterbook.errors import LetterbookError
    from letterbook.web.store_edition import open_store_edition

    settings = WebSettings.from_env(database_url=database_url)
    try:  # here, where a missing or unreachable edition is one line, not a traceback in a worker
        open_store_edition(settings.database_url).store.close()
    except LetterbookError as exc:
        click.echo(f"letterbook: error: {exc}", err=True)
        sys.exit(1)
    if site_url:
        settings = WebSettings(settings.database_url, site_url, settings.page_size)
    # Workers are separate processes that build the app from the environment (uvicorn's factory mode).
    os.environ["LETTERBOOK_DATABASE_URL"] = settings.database_url
    if settings.site_url:
        os.environ["LETTERBOOK_SITE_URL"] = settings.site_url
    click.echo(f"letterbook: serving {settings.database_url} at http://{host}:{port}", err=True)
    uvicorn.run("letterbook.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning")
