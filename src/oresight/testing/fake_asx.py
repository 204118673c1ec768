"""A local fake of the ASX announcements endpoints (markitdigital), for tests, the benchmark and demos.

::

    with FakeASX() as asx:
        asx.publish("Drilling hits 12 m @ 4.1 g/t Au", pdf_bytes, symbol="ABC", price_sensitive=True)
        source = build_source("asx", "asx", {"base_url": asx.base_url}, client)

It runs uvicorn (starlette) in a background thread on 127.0.0.1 with an OS-chosen port (``port=0``) and
serves, under ``/asx-research/1.0``:

* ``GET /markets/announcements`` — ``page``, ``itemsPerPage``, ``priceSensitiveOnly``, ``dateStart``,
  ``dateEnd`` (inclusive, ISO 8601), newest first;
* ``GET /companies/{symbol}/announcements`` — the same for one company (items carry no ``symbol``);
* ``GET /file/{documentKey}`` — the PDF; 404 until ``pdf_delay`` seconds after the item appeared.

The list endpoints answer ``{"data": {"items": [...], "count": N, "page": P, "itemsPerPage": K}}`` with an
``ETag`` (a hash of the body) and a ``Last-Modified`` (the newest matching item's date); ``If-None-Match``
(or, without it, ``If-Modified-Since``) gives 304. When built with ``access_token``, every request must
carry ``?access_token=`` with that value (else 403). Fault injection: :meth:`FakeASX.fail_next`,
:meth:`FakeASX.respond_next` (any status and body, e.g. malformed JSON), :meth:`FakeASX.down` (every
endpoint answers 503 until :meth:`FakeASX.up` or the time is over). Every request is logged in
:attr:`FakeASX.requests`. All methods are thread-safe.

Manual use: ``python -m oresight.testing.fake_asx --folder DIR [--every 60] [--speed 1] [--port 8000]``
publishes the folder's PDFs one per ``every / speed`` seconds and prints the base URL.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import re
import socket
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PREFIX = "/asx-research/1.0"
DEFAULT_ITEMS_PER_PAGE = 25
MAX_ITEMS_PER_PAGE = 1000


@dataclass(frozen=True)
class DayItem:
    """One announcement of a replayed day: it appears ``offset`` seconds (÷ speed) after the replay starts."""

    offset: float
    headline: str
    symbol: str
    pdf: bytes = field(repr=False)
    price_sensitive: bool = False
    types: tuple[str, ...] = ()
    document_key: str | None = None
    pdf_delay: float = 0.0  # seconds (÷ speed) between the headline and its PDF


@dataclass(frozen=True)
class RequestRecord:
    """One request the server answered."""

    method: str
    path: str
    query: Mapping[str, str]
    status: int
    time: float  # time.time() when answered
    headers: Mapping[str, str]  # request headers, lower-case names


@dataclass
class _Entry:
    key: str
    seq: int
    headline: str
    symbol: str
    pdf: bytes = field(repr=False)
    price_sensitive: bool
    types: tuple[str, ...]
    date: datetime  # the item's "date" (aware UTC, millisecond precision)
    visible_at: float  # time.time() from which the list endpoints show it
    pdf_at: float  # time.time() from which /file serves it


@dataclass
class _Canned:
    status: int
    body: bytes
    headers: dict[str, str]


def _ms(when: datetime) -> datetime:
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    return when.replace(microsecond=when.microsecond // 1000 * 1000)


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def _size_text(n: int) -> str:
    return f"{max(1, math.ceil(n / 1024))}KB"


class FakeASX:
    """The fake server; use as a context manager (or :meth:`start` / :meth:`close`)."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, access_token: str | None = None,
                 file_size: Literal["bytes", "text"] = "bytes", seed: int | None = None) -> None:
        self.access_token = access_token
        self.file_size = file_size
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []
        self._by_key: dict[str, _Entry] = {}
        self._canned: list[_Canned] = []
        self._down_until = 0.0
        self._log: list[RequestRecord] = []
        self._seq = itertools.count(1)
        self._rng = random.Random(seed)
        self._key_base = self._rng.randrange(2_000_000, 2_900_000)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # accepted sockets inherit it
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/asx-research/1.0``: the source's ``base_url``."""
        return f"http://{self.host}:{self.port}{PREFIX}"

    def start(self) -> FakeASX:
        """Start serving (idempotent); returns once the server accepts connections."""
        if self._thread is not None:
            return self
        app = Starlette(routes=[Route("/{path:path}", self._handle, methods=["GET", "HEAD"])])
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False,
                                timeout_graceful_shutdown=1, loop="asyncio")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]},
                                        name=f"fake-asx-{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"fake ASX server on port {self.port} did not start")
            time.sleep(0.002)
        return self

    def close(self) -> None:
        """Stop the server and join its thread."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._sock.close()

    def __enter__(self) -> FakeASX:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- content -----------------------------------------------------------------------------------------

    def publish(self, headline: str, pdf: bytes, *, symbol: str, price_sensitive: bool = False,
                types: Sequence[str] = ("Progress Report",), document_key: str | None = None,
                at: datetime | None = None, pdf_delay: float = 0.0) -> dict[str, Any]:
        """List an item now (dated ``at``, default now); its PDF is served ``pdf_delay`` seconds later.
        Returns the item as the whole-market endpoint shows it."""
        now = time.time()
        with self._lock:
            entry = self._add(headline, pdf, symbol, price_sensitive, types, document_key,
                              _ms(at) if at else _ms(datetime.fromtimestamp(now, UTC)), now, now + pdf_delay)
            return self._json(entry, with_symbol=True)

    def replay(self, items: Iterable[DayItem], speed: float = 1.0) -> list[dict[str, Any]]:
        """Schedule items to appear ``offset / speed`` seconds from now (dated when they appear)."""
        if not speed > 0:
            raise ValueError("speed must be positive")
        start = time.time()
        out = []
        with self._lock:
            for item in sorted(items, key=lambda i: i.offset):
                visible = start + max(0.0, item.offset) / speed
                entry = self._add(item.headline, item.pdf, item.symbol, item.price_sensitive, item.types,
                                  item.document_key, _ms(datetime.fromtimestamp(visible, UTC)), visible,
                                  visible + max(0.0, item.pdf_delay) / speed)
                out.append(self._json(entry, with_symbol=True))
        return out

    def replay_all_now(self, items: Iterable[DayItem]) -> list[dict[str, Any]]:
        """Publish every item at once (in offset order, so the last offset is the newest), for throughput."""
        now = time.time()
        date = _ms(datetime.fromtimestamp(now, UTC))
        with self._lock:
            return [self._json(self._add(i.headline, i.pdf, i.symbol, i.price_sensitive, i.types, i.document_key,
                                         date, now, now + max(0.0, i.pdf_delay)), with_symbol=True)
                    for i in sorted(items, key=lambda i: i.offset)]

    def published_at(self, key: str) -> float | None:
        """``time.time()`` at which the item appeared (or will appear) on the list endpoints."""
        with self._lock:
            entry = self._by_key.get(key)
            return entry.visible_at if entry else None

    @property
    def keys(self) -> list[str]:
        """documentKeys of every item (scheduled ones included), in publishing order."""
        with self._lock:
            return [e.key for e in self._entries]

    # -- faults ------------------------------------------------------------------------------------------

    def fail_next(self, n: int = 1, status: int = 503, retry_after: float | str | None = None) -> None:
        """The next ``n`` requests to the list endpoints answer ``status`` (with ``Retry-After`` if given)."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        body = json.dumps({"error": {"code": status, "message": "injected failure"}}).encode()
        self.respond_next(n, status=status, body=body, headers=headers)

    def respond_next(self, n: int = 1, *, status: int = 200, body: bytes | str = b"",
                     content_type: str = "application/json", headers: Mapping[str, str] | None = None) -> None:
        """The next ``n`` requests to the list endpoints get this canned answer (e.g. a malformed body)."""
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            self._canned.extend(_Canned(status, data, {"Content-Type": content_type, **(headers or {})})
                                for _ in range(n))

    def down(self, seconds: float | None = None) -> None:
        """Every endpoint answers 503 for ``seconds`` (None: until :meth:`up`)."""
        with self._lock:
            self._down_until = math.inf if seconds is None else time.time() + seconds

    def up(self) -> None:
        with self._lock:
            self._down_until = 0.0

    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot of the request log, oldest first."""
        with self._lock:
            return list(self._log)

    def clear_requests(self) -> None:
        with self._lock:
            self._log.clear()

    def reset(self) -> None:
        """Forget every item, fault and logged request (one server can then serve many tests)."""
        with self._lock:
            self._entries.clear()
            self._by_key.clear()
            self._canned.clear()
            self._log.clear()
            self._down_until = 0.0

    # -- internals ---------------------------------------------------------------------------------------

    def _add(self, headline: str, pdf: bytes, symbol: str, price_sensitive: bool, types: Sequence[str],
             key: str | None, date: datetime, visible_at: float, pdf_at: float) -> _Entry:
        seq = next(self._seq)
        if key is None:
            key = f"{2900 + date.month:04d}-{self._key_base + seq:08d}-3A{self._rng.randrange(10**6, 10**7)}"
        if key in self._by_key:
            raise ValueError(f"documentKey {key!r} already published")
        entry = _Entry(key, seq, headline, symbol.upper(), pdf, price_sensitive, tuple(types), date,
                       visible_at, pdf_at)
        self._entries.append(entry)
        self._by_key[key] = entry
        return entry

    def _json(self, e: _Entry, *, with_symbol: bool) -> dict[str, Any]:
        item: dict[str, Any] = {
            "documentKey": e.key, "headline": e.headline, "date": _iso(e.date),
            "isPriceSensitive": e.price_sensitive, "announcementTypes": list(e.types),
            "fileSize": len(e.pdf) if self.file_size == "bytes" else _size_text(len(e.pdf)),
        }
        if with_symbol:
            item["symbol"] = e.symbol
            item["companyInfo"] = [{"symbol": e.symbol, "displayName": f"{e.symbol} Limited"}]
        return item

    async def _handle(self, request: Request) -> Response:
        now = time.time()
        with self._lock:
            response = self._respond(request, now)
            self._log.append(RequestRecord(request.method, request.url.path, dict(request.query_params),
                                           response.status_code, time.time(),
                                           {k.lower(): v for k, v in request.headers.items()}))
        return response

    def _respond(self, request: Request, now: float) -> Response:
        path = request.url.path
        if now < self._down_until:
            return _error(503, "service unavailable (down)")
        if not path.startswith(PREFIX + "/"):
            return _error(404, "not found")
        parts = path[len(PREFIX) + 1:].split("/")
        if self.access_token is not None and request.query_params.get("access_token") != self.access_token:
            return _error(403, "invalid access token")
        if parts == ["markets", "announcements"] or (len(parts) == 3 and parts[0] == "companies"
                                                      and parts[2] == "announcements" and parts[1]):
            if self._canned:
                canned = self._canned.pop(0)
                return Response(canned.body, status_code=canned.status, headers=canned.headers)
            return self._list(request, now, parts[1].upper() if parts[0] == "companies" else None)
        if len(parts) == 2 and parts[0] == "file":
            entry = self._by_key.get(parts[1])
            if entry is None or now < entry.visible_at or now < entry.pdf_at:
                return _error(404, "file not found")
            return Response(entry.pdf, media_type="application/pdf",
                            headers={"Content-Disposition": f'inline; filename="{entry.key}.pdf"'})
        return _error(404, "not found")

    def _list(self, request: Request, now: float, symbol: str | None) -> Response:
        q = request.query_params
        try:
            page = int(q.get("page", "0"))
            per_page = int(q.get("itemsPerPage", str(DEFAULT_ITEMS_PER_PAGE)))
            start = _parse_date(q.get("dateStart"))
            end = _parse_date(q.get("dateEnd"))
        except ValueError as e:
            return _error(400, f"bad query parameter: {e}")
        if page < 0 or not 1 <= per_page <= MAX_ITEMS_PER_PAGE:
            return _error(400, "bad page or itemsPerPage")
        sensitive_only = q.get("priceSensitiveOnly", "false").lower() == "true"
        matching = [e for e in self._entries if e.visible_at <= now
                    and (symbol is None or e.symbol == symbol)
                    and (not sensitive_only or e.price_sensitive)
                    and (start is None or e.date >= start) and (end is None or e.date <= end)]
        matching.sort(key=lambda e: (e.date, e.seq), reverse=True)
        chunk = matching[page * per_page:(page + 1) * per_page]
        data: dict[str, Any] = {"items": [self._json(e, with_symbol=symbol is None) for e in chunk],
                                "count": len(matching), "page": page, "itemsPerPage": per_page}
        if symbol is not None:
            data["symbol"] = symbol
        body = json.dumps({"data": data}, separators=(",", ":")).encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        newest = matching[0].date if matching else None
        if newest is not None:
            headers["Last-Modified"] = format_datetime(newest.replace(microsecond=0), usegmt=True)
        inm = request.headers.get("if-none-match")
        if inm is not None:
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            if etag in tags or "*" in tags:
                return Response(status_code=304, headers=headers)
        elif newest is not None and (ims := request.headers.get("if-modified-since")):
            try:
                if newest.replace(microsecond=0) <= parsedate_to_datetime(ims):
                    return Response(status_code=304, headers=headers)
            except (TypeError, ValueError):
                pass
        return Response(body, media_type="application/json", headers=headers)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    when = datetime.fromisoformat(value)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _error(status: int, message: str) -> Response:
    return Response(json.dumps({"error": {"code": status, "message": message}}), status_code=status,
                    media_type="application/json")


# -- manual use -------------------------------------------------------------------------------------------


_ASX_CODE = re.compile(r"\bASX\s*(?:code)?\s*[:\-]\s*([A-Z][A-Z0-9]{2})\b")
_NOT_HEADLINE = re.compile(r"\bASX\b|\bABN\b|\bACN\b|announcement|release|(?:limited|ltd|plc|inc|corp)\.?\W*$|"
                           r"^\W*\d{1,2} \w+ \d{4}\W*$", re.IGNORECASE)


def _describe_pdf(pdf: Path) -> tuple[str, str | None]:
    """(headline, ASX code) from page 1: the first line of 3+ words that is not letterhead; the file name
    when the PDF has no text."""
    try:
        import pypdfium2 as pdfium  # a dependency of the package, imported only for manual use

        doc = pdfium.PdfDocument(pdf)
        try:
            text = str(doc[0].get_textpage().get_text_range()) if len(doc) else ""
        finally:
            doc.close()
    except Exception:  # an unreadable PDF is still published, under its file name
        return pdf.stem, None
    code = _ASX_CODE.search(text)
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 3 and len(line) <= 200 and not _NOT_HEADLINE.search(line):
            return line, code.group(1) if code else None
    return pdf.stem, code.group(1) if code else None


def folder_items(folder: Path, every: float = 60.0) -> list[DayItem]:
    """The folder's PDFs (sorted by name) as a day: one per ``every`` seconds; headline = page 1's first
    non-letterhead line; symbol = the ``ASX: XYZ`` code of page 1, else the file name's first letters."""
    items = []
    for i, pdf in enumerate(sorted(folder.glob("*.pdf"))):
        headline, code = _describe_pdf(pdf)
        letters = "".join(c for c in pdf.stem if c.isalpha()).upper()
        items.append(DayItem(offset=i * every, headline=headline, symbol=code or (letters + "XXX")[:3],
                             pdf=pdf.read_bytes(), price_sensitive=True, types=("Progress Report",)))
    return items


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m oresight.testing.fake_asx",
                                     description="Serve a fake ASX announcements platform that replays a folder's PDFs.")
    parser.add_argument("--folder", type=Path, required=True, help="folder of PDFs to publish, by name order")
    parser.add_argument("--every", type=float, default=60.0, help="seconds between two announcements (default 60)")
    parser.add_argument("--speed", type=float, default=1.0, help="replay speed factor: 60 = a minute per second")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder}: not a folder")
    items = folder_items(args.folder, args.every)
    if not items:
        parser.error(f"{args.folder}: no .pdf files")
    if not args.speed > 0:
        parser.error("--speed must be positive")
    with FakeASX(host=args.host, port=args.port) as asx:
        asx.replay(items, speed=args.speed)
        print(asx.base_url, flush=True)
        print(f"{len(items)} announcements, one per {args.every / args.speed:g} s; Ctrl-C to stop",
              file=sys.stderr, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
