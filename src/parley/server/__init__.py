"""Parley over HTTP: a FastAPI application on an event store, and the page that explores it.

    parley serve --db parley.db [--host 127.0.0.1 --port 8000] [--allow-ingest]

Read-only unless started with --allow-ingest, and then a POST stores a document only
when it carries the token the server printed (or was given) at start. Every error is a
4xx or 5xx JSON object {"error": "..."}; request bodies are bounded.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi import Query as Param
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from parley.errors import ParleyError
from parley.store import Query, browse, open_store

STATIC = Path(__file__).parent / "static"
MAX_BYTES = 2_000_000  # a press release is a few kilobytes; a book is not a document


@dataclass(frozen=True)
class Settings:
    db: Path
    allow_ingest: bool = False
    token: str = ""
    max_bytes: int = MAX_BYTES


def new_token() -> str:
    return secrets.token_urlsafe(24)


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="Parley",
        description="Political event data from diplomatic statements and news: events, "
        "documents, actors and dyads of a Parley event store.",
        version="1",
    )
    app.state.settings = settings
    _errors(app)
    _read_api(app, settings)
    _code_api(app, settings)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


def _errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
        )
        return JSONResponse({"error": problems or "invalid request"}, status_code=422)

    @app.exception_handler(ParleyError)
    def parley_error(_: Request, exc: ParleyError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)


@contextmanager
def _reading(settings: Settings) -> Iterator[Any]:
    """A read-only connection per request: SQLite connections stay in their thread, and
    WAL lets many readers share the file with one writer."""
    if not settings.db.exists():
        raise HTTPException(503, f"{settings.db}: no event store; ingest documents first")
    with open_store(settings.db, readonly=True) as store:
        yield store


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}={value!r}: use YYYY-MM-DD") from None


def _read_api(app: FastAPI, settings: Settings) -> None:
    @app.get("/api/events", summary="Events, with the filters of `parley events`")
    def events(
        actor: str | None = None,
        dyad: str | None = None,
        either: bool = False,
        code: str | None = None,
        quad: int | None = Param(None, ge=1, le=4),
        modality: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        country: str | None = None,
        text: str | None = None,
        sort: str = "date",
        limit: int = Param(500, ge=1, le=10_000),
        mentions: bool = False,
    ) -> dict[str, Any]:
        query = Query(
            actor=actor or None,
            dyad=dyad or None,
            either=either,
            code=code or None,
            quad=quad,
            modality=modality or None,
            since=_date(since, "since"),
            until=_date(until, "until"),
            place=place or None,
            country=country or None,
            text=text or None,
            sort=sort,
            limit=max(1, min(limit, 10_000)),
            mentions=mentions,
        )
        with _reading(settings) as store:
            found = store.events(query)
        return {"events": found, "count": len(found)}

    @app.get("/api/events/{event_id}", summary="One event, its cluster and every report of it")
    def event(event_id: str) -> dict[str, Any]:
        with _reading(settings) as store:
            row = store.db.execute(
                "SELECT json, cluster_id FROM events WHERE id = ?", (event_id,)
            ).fetchone()
            if row is None:
                raise HTTPException(404, f"no event {event_id!r}")
            cluster = store.db.execute(
                "SELECT id, mentions, documents, publishers, first_report, last_report"
                " FROM clusters WHERE id = ?",
                (row[1],),
            ).fetchone()
            reports = browse.cluster_reports(store.db, event_id)
        return {
            "event": json.loads(row[0]),
            "mentions": reports,
            "cluster": dict(cluster) if cluster else None,
        }

    @app.get("/api/documents", summary="Stored documents, newest first")
    def documents(
        q: str = "", limit: int = Param(50, ge=1, le=1000), offset: int = Param(0, ge=0, le=10**9)
    ) -> dict[str, Any]:
        with _reading(settings) as store:
            return browse.documents(store.db, q=q, limit=min(limit, 1000), offset=offset)

    @app.get("/api/documents/{doc_id:path}", summary="A document with its spans and events")
    def document(doc_id: str) -> dict[str, Any]:
        with _reading(settings) as store:
            found = browse.document(store.db, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return found

    @app.get("/api/actors", summary="Actors, searched by code or name")
    def actors(q: str = "", limit: int = 50) -> dict[str, Any]:
        with _reading(settings) as store:
            return {"actors": browse.actors(store.db, q=q, limit=min(limit, 1000))}

    @app.get("/api/network", summary="Who acts on whom: actors and dyads")
    def network(limit: int = 200) -> dict[str, Any]:
        with _reading(settings) as store:
            return browse.network(store.db, limit=min(limit, 5000))

    @app.get("/api/dyads/series", summary="A dyad's events and Goldstein sum per period")
    def dyad_series(
        source: str, target: str, either: bool = False, by: str = "month"
    ) -> dict[str, Any]:
        if by not in ("day", "week", "month", "year"):
            raise HTTPException(400, f"by={by!r}: use day, week, month or year")
        with _reading(settings) as store:
            return {"series": browse.series(store.db, source, target, either=either, by=by)}

    @app.get("/api/process", summary="A peace process: the events of a format or an actor")
    def process(name: str) -> dict[str, Any]:
        with _reading(settings) as store:
            what, found = store.process(name)
        return {"what": what, "events": found}

    @app.get("/api/pledges", summary="Pledges, with the events that fulfilled them")
    def pledges(actor: str | None = None) -> dict[str, Any]:
        with _reading(settings) as store:
            return {"pledges": store.pledges(actor)}

    @app.get("/api/cameo", summary="Every CAMEO code with its Goldstein score and quad class")
    def cameo() -> dict[str, Any]:
        from parley.ontology import cameo_table

        return {
            "codes": [
                {
                    "code": c.code,
                    "name": c.name,
                    "goldstein": c.goldstein,
                    "quad_class": c.quad_class,
                    "plover": c.plover,
                }
                for c in cameo_table().values()
            ]
        }


async def _body(request: Request, settings: Settings) -> tuple[dict[str, Any], bytes | None]:
    """The posted document: JSON {"text": ...} or a multipart file, within the size bound."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > settings.max_bytes:
        raise HTTPException(413, f"request of {length} bytes; the limit is {settings.max_bytes}")
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(400, "multipart request without a 'file' part")
        data = await upload.read(settings.max_bytes + 1)
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        return fields, data
    raw = bytearray()
    async for chunk in request.stream():  # a body sent in chunks has no length to check
        raw += chunk
        if len(raw) > settings.max_bytes:
            raise HTTPException(413, f"request over the limit of {settings.max_bytes} bytes")
    try:
        payload = json.loads(bytes(raw) or b"null")
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"the body is not JSON ({exc.msg})") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise HTTPException(400, 'send JSON {"text": "..."} or a multipart file')
    return payload, None


def _code_api(app: FastAPI, settings: Settings) -> None:
    @app.post("/api/code", summary="Code a document; store it if allowed")
    async def code(request: Request) -> dict[str, Any]:
        fields, data = await _body(request, settings)
        text = fields.get("text", "")
        if data is not None:
            if len(data) > settings.max_bytes:
                raise HTTPException(413, f"file over {settings.max_bytes} bytes")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPException(400, "the file is not UTF-8 text") from None
        if not text.strip():
            raise HTTPException(400, "the document is empty")
        store = str(fields.get("store", "")).lower() in ("1", "true", "yes")
        if store:
            _authorise(request, settings)
        # spaCy and SQLite block: run them in the thread pool, not on the event loop
        coded = await run_in_threadpool(_coded, text, fields)
        stored = False
        if store:
            stored = await run_in_threadpool(_store, settings.db, coded)
        return _coded_json(coded, stored)


def _store(db: Path, coded: Any) -> bool:
    with open_store(db) as writable:
        return writable.add(coded).status != "unchanged"


def _authorise(request: Request, settings: Settings) -> None:
    if not settings.allow_ingest:
        raise HTTPException(403, "this server is read-only (start it with --allow-ingest)")
    given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    if not settings.token or not secrets.compare_digest(given, settings.token):
        raise HTTPException(401, "storing needs the server's token: Authorization: Bearer ...")


def _coded(text: str, fields: dict[str, Any]) -> Any:
    from dataclasses import replace

    from parley.pipeline import code_many
    from parley.read import from_text
    from parley.when import parse_date_argument

    published = None
    if fields.get("published"):
        try:
            published = parse_date_argument(str(fields["published"]))
        except ValueError as exc:
            raise HTTPException(400, f"published: {exc}") from None
    doc_id = str(fields.get("id") or f"posted-{secrets.token_hex(6)}")
    document = from_text(text, doc_id=doc_id, published=published)
    if fields.get("speaker"):
        document = replace(document, speaker=str(fields["speaker"]))
    return next(code_many([document]))


def _coded_json(coded: Any, stored: bool) -> dict[str, Any]:
    document = coded.document
    return {
        "document": {
            "id": document.id,
            "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "text": document.text,
        },
        "sentences": [
            {"number": s.number, "start_char": s.start_char, "end_char": s.end_char, "text": s.text}
            for s in coded.sentences
        ],
        "mentions": [
            {
                "sentence": s.number,
                "start_char": m.start_char,
                "end_char": m.end_char,
                "text": m.text,
                "kind": m.kind,
                "entity": a.entity,
                "sector": a.sector,
            }
            for s in coded.sentences
            for m in s.mentions
            for a in m.actors[:1]
        ],
        "events": [e.to_dict() for e in coded.events],
        "stored": stored,
    }


def serve(settings: Settings, *, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


__all__ = ["Settings", "create_app", "new_token", "serve"]
