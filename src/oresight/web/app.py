"""The HTTP side of a running watcher (FastAPI): the push endpoint, live streams, feeds and health here; the
JSON API over the store in :mod:`oresight.web.api` (included below).

==========================================  =====================================================
``POST /api/announcements``                 push an announcement (token): JSON, or a file upload
``GET  /api/alerts``                        the delivery log (``rule``, ``status``, ``channel``); also
                                            ``/api/deliveries`` with pagination
``POST /api/alerts/{id}/retry``             put a dead letter back in the queue (token); also
                                            ``/api/deliveries/{id}/retry``
``GET  /api/health``                        sources, pending items, outbox counts
``GET  /api/stream/{channel}``              server-sent events of an ``sse`` channel
``GET  /feeds/{rule}.atom``                 the Atom feed of a rule's alerts
``GET  /api/...``                           announcements, search, companies, commodities, rules,
                                            sources: see :mod:`oresight.web.api` and docs/api.md
``GET  /openapi.json``                      the OpenAPI schema
==========================================  =====================================================

Writes need ``Authorization: Bearer <token>`` (an API token from ``oresight tokens create NAME``, or
``watch.push_token``). Errors are one-line JSON: ``{"detail": "..."}``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, HTTPException, Path, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from oresight.exceptions import StorageError
from oresight.pipeline import SUFFIXES
from oresight.sources.base import FetchedAnnouncement
from oresight.web.api import (
    AlertLogOut,
    ErrorOut,
    HealthOut,
    RetryOut,
    api_router,
    delivery_out,
    retry_delivery,
    source_out,
    write_access,
)

if TYPE_CHECKING:
    from oresight.watch import Watcher

PUSH_SOURCE = "push"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:300]


def create_app(watcher: Watcher) -> FastAPI:
    app = FastAPI(title="Oresight", version="0.1.0", docs_url=None, redoc_url=None)
    store = watcher.store

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        err = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        loc = ".".join(str(x) for x in err.get("loc", ()))
        return JSONResponse({"detail": _one_line(f"{loc}: {err.get('msg')}")}, status_code=422)

    @app.exception_handler(StorageError)
    async def _storage(_: Request, exc: StorageError) -> JSONResponse:
        return JSONResponse({"detail": _one_line(str(exc))}, status_code=503)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": _one_line(str(exc.detail))}, status_code=exc.status_code,
                            headers=exc.headers)

    requires_token = [Security(write_access(watcher))]
    app.include_router(api_router(watcher))

    def bad(status: int, reason: str) -> HTTPException:
        store.record_error(source=PUSH_SOURCE, reason=reason, kind="push")
        return HTTPException(status, reason)

    @app.post("/api/announcements", status_code=202, dependencies=requires_token,
              responses={202: {"description": "accepted (or already received)"},
                         **{code: {"model": ErrorOut} for code in (400, 401, 403, 413, 415, 503)}},
              summary="Push an announcement: JSON (headline, text|markdown|html, ticker, published_at, "
                      "price_sensitive, key) or multipart/form-data with a file")
    async def push(request: Request) -> JSONResponse:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        max_bytes = watcher.limits.max_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes + 65536:
            raise bad(413, f"request of {declared} bytes is over the limit of {max_bytes}")
        fields: dict[str, Any]
        if ctype == "application/json":
            try:
                fields = json.loads(await request.body())
            except (ValueError, UnicodeDecodeError):
                raise bad(400, "the body is not valid JSON") from None
            if not isinstance(fields, dict):
                raise bad(400, "the JSON body must be an object")
            content, filename = _json_document(fields, bad)
        elif ctype == "multipart/form-data":
            try:
                form = await request.form(max_files=1, max_fields=20)
            except Exception as e:  # multipart parser errors
                raise bad(400, f"unreadable form: {e}") from None
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise bad(400, "the form needs a 'file' field with the document")
            filename = PurePath(upload.filename or "announcement.pdf").name
            if PurePath(filename).suffix.lower() not in SUFFIXES:
                raise bad(415, f"{filename}: unsupported file type (use {', '.join(SUFFIXES)})")
            content = await upload.read(max_bytes + 1)
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
        else:
            raise bad(415, "send application/json or multipart/form-data")
        if len(content) > max_bytes:
            raise bad(413, f"document over the limit of {max_bytes} bytes")
        if not content.strip():
            raise bad(400, "the document is empty")
        headline = str(fields.get("headline") or "").strip()
        if not headline:
            raise bad(400, "'headline' is required")
        published = _when(fields.get("published_at"), bad)
        ps = fields.get("price_sensitive")
        price_sensitive = None if ps in (None, "") else str(ps).strip().lower() in ("1", "true", "yes", "on")
        ticker = str(fields.get("ticker") or "").strip().upper() or None
        key = str(fields.get("key") or "").strip() or hashlib.sha256(content).hexdigest()[:24]
        item = FetchedAnnouncement(source=PUSH_SOURCE, key=key, headline=headline[:1000],
                                   published_at=published or datetime.now(UTC), ticker=ticker,
                                   price_sensitive=price_sensitive, content=content, filename=filename,
                                   size=len(content))
        created = watcher.accept([item]) == 1
        return JSONResponse({"source": PUSH_SOURCE, "key": key, "created": created,
                             "status": "accepted" if created else "already received"}, status_code=202)

    @app.get("/api/alerts", response_model=AlertLogOut, responses={422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
             summary="The delivery log (see also /api/deliveries)")
    async def alerts(rule: str | None = None, status: str | None = None, channel: str | None = None,
                     limit: int = 50, offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> AlertLogOut:
        limit = max(1, min(limit, 500))
        rows = store.alerts(rule=_text(rule), status=_text(status), channel=_text(channel), limit=limit,
                            offset=offset)
        return AlertLogOut(items=[delivery_out(a) for a in rows], limit=limit, offset=offset,
                           counts=store.alert_counts())

    @app.post("/api/alerts/{alert_id}/retry", response_model=RetryOut, dependencies=requires_token,
              responses={code: {"model": ErrorOut} for code in (401, 403, 404, 409, 422, 503)},
              summary="Retry a dead letter (see also /api/deliveries/{id}/retry)")
    async def retry(alert_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> RetryOut:
        return retry_delivery(watcher, alert_id)

    @app.get("/api/health", response_model=HealthOut, responses={503: {"model": ErrorOut}},
             summary="Sources, pending items, outbox counts")
    async def health() -> HealthOut:
        configured = set(watcher.sources)
        return HealthOut(status="ok",
                         sources=[source_out(h, name=h.name, kind=h.kind, configured=h.name in configured)
                                  for h in store.source_health()],
                         items=store.item_counts(), alerts=store.alert_counts())

    @app.get("/api/stream/{channel}", response_class=Response,
             responses={200: {"content": {"text/event-stream": {}}, "description": "server-sent events"},
                        404: {"model": ErrorOut}, 422: {"model": ErrorOut}},
             summary="Server-sent events of an sse channel")
    async def stream(channel: str, request: Request) -> Response:
        from oresight.alerts.channels.sse import SSEChannel, sse_response

        ch = watcher.channels.get(channel)
        if not isinstance(ch, SSEChannel):
            raise HTTPException(404, f"no server-sent-events channel {channel!r}")
        return sse_response(ch.hub, request)

    @app.get("/feeds/{rule}.atom", response_class=Response,
             responses={200: {"content": {"application/atom+xml": {}}, "description": "an Atom feed"},
                        404: {"model": ErrorOut}, 422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
             summary="The Atom feed of a rule's alerts")
    async def feed(rule: str) -> Response:
        from oresight.alerts.channels.atom import atom_feed
        from oresight.alerts.model import Alert

        if rule not in {r.name for r in watcher.rules}:
            raise HTTPException(404, f"no rule {rule!r}")
        seen: set[str] = set()
        items = []
        for a in store.alerts(rule=rule, limit=500):
            if a.status == "dead" or a.phase == "digest" or (a.announcement_id is None and a.phase != "early"):
                continue
            ident = f"{a.payload.get('announcement')}|{a.phase}"
            if ident in seen:
                continue
            seen.add(ident)
            items.append(Alert.from_json(a.payload))
            if len(items) >= 100:
                break
        base = watcher.public_url or ""
        body = atom_feed(rule, items, feed_url=f"{base}/feeds/{rule}.atom", site_url=base or "http://localhost/")
        return Response(body, media_type="application/atom+xml")

    from oresight.web.dashboard import mount_dashboard
    from oresight.web.dossiers import mount_dossiers

    mount_dashboard(app, watcher)
    mount_dossiers(app, watcher)
    return app


def _json_document(fields: dict[str, Any], bad: Any) -> tuple[bytes, str]:
    for key, suffix in (("text", ".txt"), ("markdown", ".md"), ("html", ".html")):
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.encode("utf-8"), f"announcement{suffix}"
    raise bad(400, "the JSON body needs the document as 'text', 'markdown' or 'html' (or upload a file)")


def _when(value: Any, bad: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise bad(400, f"published_at {value!r} is not an ISO 8601 date-time") from None
    return stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _text(value: str | None) -> str | None:
    """A filter value the database accepts (no NUL or other control characters)."""
    if value is None:
        return None
    return "".join(ch for ch in value if ch.isprintable()) or None
