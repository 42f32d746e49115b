"""The reader's ASGI application: ``create_app(settings)`` builds it, ``letterbook serve`` runs it.

FastAPI gives the JSON API its OpenAPI description from the same typed contexts the pages
render; Jinja2 renders the pages with autoescaping on, so every letter, note and name
(all untrusted text) is escaped. Security headers (a strict Content-Security-Policy: no
inline script or style, nothing from other origins) go on every response, and errors
render as plain pages: no stack trace ever reaches a browser.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from letterbook import __version__
from letterbook.errors import QueryError
from letterbook.model import PartyKind
from letterbook.web import api, pages
from letterbook.web.config import WebSettings
from letterbook.web.edition import EditionReader, LetterQuery
from letterbook.web.query import letter_query
from letterbook.web.urls import entry_url, letter_url, with_params

HERE = Path(__file__).parent
LOG = logging.getLogger("letterbook.web")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the security headers to every HTTP response (a plain ASGI middleware: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    header for header in SECURITY_HEADERS if header[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(letter_url=letter_url, entry_url=entry_url, with_params=with_params, version=__version__)
    return env


class Reader:
    """What every route needs: the edition, the settings and the templates."""

    def __init__(self, settings: WebSettings, edition: EditionReader) -> None:
        self.settings = settings
        self.edition = edition
        self.env = templates()

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(request_path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    def site_url(self, request: Request) -> str:
        return self.settings.site_url or str(request.base_url)


def open_edition(settings: WebSettings) -> EditionReader:
    """The edition store at ``settings.database_url``."""
    from letterbook.web.store_edition import open_store_edition

    return open_store_edition(settings.database_url)


def create_app(settings: WebSettings, edition: EditionReader | None = None) -> FastAPI:
    """The reader for the edition in ``settings`` (or the given ``edition``), pages and ``/api``."""
    reader = Reader(settings, edition if edition is not None else open_edition(settings))
    app = FastAPI(title="letterbook", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="The JSON API of a letterbook edition: letters (filter, search, facets), "
                              "one letter, registers (persons, places, organisations), the collection.")
    app.state.reader = reader
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router(reader.edition, settings))
    add_pages(app, reader)
    add_error_pages(app, reader)
    app.add_middleware(SecurityHeaders)
    return app


def add_pages(app: FastAPI, reader: Reader) -> None:
    edition = reader.edition

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return reader.page(request, "home.html", page=pages.home_context(edition))

    @app.get("/letters", response_class=HTMLResponse, include_in_schema=False)
    def browse(request: Request) -> HTMLResponse:
        query, params = letter_query(request.query_params, reader.settings.page_size)
        return reader.page(request, "letters.html", page=pages.results_context(edition, query, params, "/letters"),
                           search=False)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request) -> HTMLResponse:
        query, params = letter_query(request.query_params, reader.settings.page_size)
        return reader.page(request, "letters.html", page=pages.results_context(edition, query, params, "/search"),
                           search=True)

    @app.get("/letters/{letter_id:path}/source", response_class=HTMLResponse, include_in_schema=False)
    def source(request: Request, letter_id: str) -> HTMLResponse:
        item = edition.get_letter(letter_id)
        if item is None:
            raise HTTPException(404, "There is no letter with this id.")
        return reader.page(request, "source.html", page=pages.source_context(edition, item))

    @app.get("/letters/{letter_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def letter(request: Request, letter_id: str) -> HTMLResponse:
        item = edition.get_letter(letter_id)
        if item is None:
            raise HTTPException(404, "There is no letter with this id.")
        return reader.page(request, "letter.html", page=pages.letter_context(edition, item, reader.site_url(request)))

    @app.get("/register", response_class=HTMLResponse, include_in_schema=False)
    def register(request: Request, kind: str | None = None) -> HTMLResponse:
        chosen = PartyKind(kind) if kind in {k.value for k in PartyKind} else None
        return reader.page(request, "register.html", page=pages.register_context(edition, chosen))

    @app.get("/register/{entry_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def entry(request: Request, entry_id: str) -> HTMLResponse:
        found = edition.entry(entry_id)
        if found is None:
            raise HTTPException(404, "There is no register entry with this id.")
        return reader.page(request, "entry.html", page=pages.entry_context(edition, found))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline(request: Request) -> HTMLResponse:
        view = pages.timeline_view(edition.month_counts(LetterQuery()), bar_width=8, height=240)
        return reader.page(request, "timeline.html", timeline=view)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request, entry: str | None = None) -> HTMLResponse:
        return reader.page(request, "network.html", page=pages.network_context(edition, entry))

    @app.get("/findings", response_class=HTMLResponse, include_in_schema=False)
    def findings(request: Request, page: int = 1) -> HTMLResponse:
        size = 100
        return reader.page(request, "findings.html",
                           page=pages.findings_context(edition, (max(page, 1) - 1) * size, size))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        return reader.page(request, "api.html", spec=app.openapi())


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(reader: Reader, request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        response: Response = JSONResponse({"error": message, "status": status}, status_code=status)
    else:
        response = reader.page(request, "error.html", status=status, status_code=status, message=message)
    response.headers.update({name.decode(): value.decode() for name, value in SECURITY_HEADERS})
    return response


def add_error_pages(app: FastAPI, reader: Reader) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else "There is no such page."
        return error_response(reader, request, exc.status_code, str(message))

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(reader, request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return error_response(reader, request, 400, f"invalid request: {problems}")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        LOG.exception("internal error on %s", request.url.path)  # the trace goes to the log, never the page
        return error_response(reader, request, 500, "Something went wrong on our side. The error has been logged.")


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory``: settings from the environment (``letterbook serve`` sets them)."""
    return create_app(WebSettings.from_env())
