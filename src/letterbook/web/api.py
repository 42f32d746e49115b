"""The JSON API under ``/api``: the same contexts the pages render, described by OpenAPI.

Responses are built by ``pages.jsonable`` (plain, fast) while the declared response models
give ``/api/openapi.json`` their schema. Lists are paginated with ``page`` and ``size``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from letterbook.export.tei import letter_to_tei
from letterbook.model import Collection, EditionLetter, PartyKind, RegisterEntry
from letterbook.output import letter_to_json
from letterbook.web import pages
from letterbook.web.config import WebSettings
from letterbook.web.edition import (
    FACETS,
    EditionReader,
    LetterQuery,
    LetterResults,
    LetterSummary,
    MonthCount,
    Network,
)
from letterbook.web.query import letter_query


@dataclass(frozen=True)
class EntriesPage:
    total: int
    page: int
    size: int
    items: list[RegisterEntry]


def ok(value: Any) -> JSONResponse:
    return JSONResponse(pages.jsonable(value))


Text = Annotated[str | None, Query()]
Page = Annotated[int, Query(ge=1)]
Size = Annotated[int, Query(ge=1, le=1000)]
MODE_HELP = "certainly: the letter's whole date range inside the range; possibly (default): overlapping it"
ROLE_HELP = "how the entry takes part: sender, recipient, mentioned, written_at (a place) or any"


def _entries_of(edition: EditionReader, item: EditionLetter) -> dict[str, RegisterEntry]:
    """The register entries a letter's parties and mentions link to, for its TEI @ref attributes."""
    letter = item.letter
    ids = {p.id for p in (*letter.senders, *letter.recipients, letter.place, letter.place_received) if p and p.id}
    ids |= {m.entry_id for m in letter.mentions}
    return {entry.id: entry for entry_id in sorted(ids) if (entry := edition.entry(entry_id)) is not None}


def _collection_of(edition: EditionReader, item: EditionLetter) -> Collection:
    info = next((c for c in edition.collections() if c.slug == item.collection), None)
    if info is None:
        return Collection(slug=item.collection)
    return Collection(title=info.title, slug=info.slug, compilers=info.compilers, year=info.year,
                      language=info.language)


def _id(summary: LetterSummary | None) -> str | None:
    return summary.id if summary else None


def router(edition: EditionReader, settings: WebSettings) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["edition"])

    @api.get("/collection", response_model=pages.HomeContext, summary="The collection: titles, counts, people")
    def collection() -> JSONResponse:
        return ok(pages.home_context(edition))

    @api.get("/letters", response_model=LetterResults, summary="Letters: filter, search, facets, paginated")
    def letters(request: Request, *, q: Annotated[str | None, Query(description="full-text search words")] = None,
                collection: Text = None, year: int | None = None, month: int | None = None, kind: Text = None,
                language: Text = None, archive: Text = None, fond: Text = None,
                entry: Annotated[str | None, Query(description="a register entry id")] = None,
                role: Annotated[str | None, Query(description=ROLE_HELP)] = None,
                correspondent: Annotated[str | None, Query(description="an entry id, sender or recipient")] = None,
                from_: Annotated[str | None, Query(alias="from", description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
                to: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
                mode: Annotated[str | None, Query(description=MODE_HELP)] = None,
                sort: Annotated[str | None, Query(description="date, number (collection order), relevance")] = None,
                page: int = 1, size: Annotated[int, Query(ge=1, le=200)] = 50,
                facets: Annotated[bool, Query(description="include facet counts")] = True) -> JSONResponse:
        query, _ = letter_query(request.query_params, settings.page_size)
        return ok(edition.find(query, FACETS if facets else ()))

    @api.get("/letters/{letter_id:path}/data", summary="One letter as stored, with the spans of every value")
    def letter_data(letter_id: str) -> JSONResponse:
        item = edition.get_letter(letter_id)
        if item is None:
            raise HTTPException(404, "There is no letter with this id.")
        data = {"id": item.id, "collection": item.collection, "position": item.position,
                "source_path": item.source_path, "letter": letter_to_json(item.letter)}
        return JSONResponse(data, headers={"content-disposition": f'attachment; filename="{_filename(item.id)}.json"'})

    @api.get("/letters/{letter_id:path}/tei", summary="One letter as a TEI P5 file (valid against tei_all)",
             response_class=Response, responses={200: {"content": {"application/tei+xml": {}}}})
    def letter_tei(request: Request, letter_id: str) -> Response:
        item = edition.get_letter(letter_id)
        if item is None:
            raise HTTPException(404, "There is no letter with this id.")
        data = letter_to_tei(item, registers=_entries_of(edition, item), collection=_collection_of(edition, item),
                             previous_id=_id(edition.neighbours(item.id).previous),
                             next_id=_id(edition.neighbours(item.id).next),
                             base_url=(settings.site_url or str(request.base_url)).rstrip("/"))
        return Response(data, media_type="application/tei+xml",
                        headers={"content-disposition": f'attachment; filename="{_filename(item.id)}.xml"'})

    @api.get("/letters/{letter_id:path}", response_model=pages.LetterContext, summary="One letter, as its page shows")
    def letter(request: Request, letter_id: str) -> JSONResponse:
        item = edition.get_letter(letter_id)
        if item is None:
            raise HTTPException(404, "There is no letter with this id.")
        return ok(pages.letter_context(edition, item, settings.site_url or str(request.base_url)))

    def entries(kind: PartyKind, page: int, size: int) -> JSONResponse:
        found = edition.register_entries(kind)
        start = (page - 1) * size
        return ok(EntriesPage(len(found), page, size, list(found[start:start + size])))

    @api.get("/persons", response_model=EntriesPage, summary="The register of persons, A–Z")
    def persons(page: Page = 1, size: Size = 100) -> JSONResponse:
        return entries(PartyKind.PERSON, page, size)

    @api.get("/places", response_model=EntriesPage, summary="The register of places, A–Z")
    def places(page: Page = 1, size: Size = 100) -> JSONResponse:
        return entries(PartyKind.PLACE, page, size)

    @api.get("/organisations", response_model=EntriesPage, summary="The register of organisations, A–Z")
    def organisations(page: Page = 1, size: Size = 100) -> JSONResponse:
        return entries(PartyKind.ORGANISATION, page, size)

    @api.get("/entries/{entry_id:path}", response_model=pages.EntryContext,
             summary="One person, place or organisation with their letters and correspondents")
    def entry(entry_id: str) -> JSONResponse:
        found = edition.entry(entry_id)
        if found is None:
            raise HTTPException(404, "There is no register entry with this id.")
        return ok(pages.entry_context(edition, found))

    @api.get("/network", response_model=Network, summary="Who wrote to whom: people and letters between them")
    def network(entry: Annotated[str | None, Query(description="centre the network on this entry")] = None,
                limit: Annotated[int, Query(ge=2, le=300)] = 60) -> JSONResponse:
        return ok(edition.network(entry, limit))

    @api.get("/timeline", response_model=list[MonthCount], summary="Letters per month")
    def timeline(entry: Annotated[str | None, Query(description="only letters from or to this entry")] = None
                 ) -> JSONResponse:
        return ok(list(edition.month_counts(LetterQuery(entry=entry))))

    @api.get("/findings", response_model=pages.FindingsContext, summary="What the parser could not settle")
    def findings(page: Page = 1, size: Size = 100) -> JSONResponse:
        return ok(pages.findings_context(edition, (page - 1) * size, size))

    return api


def _filename(letter_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in letter_id)
