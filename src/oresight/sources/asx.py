"""``asx``: announcements from the ASX website's public endpoints (markitdigital).

The ASX's public endpoints are for private and personal use; a commercial deployment must plug a
licensed feed into the same Source interface (``docs/sources/vendor.md``). See ``docs/sources/asx.md``.

Endpoints (under ``base_url``):

* ``GET /markets/announcements?page=P&itemsPerPage=N&priceSensitiveOnly=B[&dateStart=..&dateEnd=..]``:
  the whole market, newest first (``{"data": {"items": [...]}}``);
* ``GET /companies/{SYMBOL}/announcements?page=P&itemsPerPage=N``: one company, same shape (used
  *instead of* the whole-market feed when ``tickers`` is set);
* ``GET /file/{documentKey}``: the PDF (404 while it lags behind its headline → NotReady).

Each poll (see :meth:`AsxSource.fetch`):

* **first run** (no state): page 0 only, so a new installation does not replay the whole day;
* **normal**: page 0 with ``If-None-Match`` / ``If-Modified-Since`` (304 → nothing new); when the whole
  page is new and full, further pages until an already-seen item or one older than the cursor, never
  further back than ``catch_up_hours`` and never more than :data:`MAX_PAGES` pages;
* **after an outage** (last successful poll more than :data:`OUTAGE_INTERVALS` intervals ago): the
  whole-market feed by date range ``[last_date - OVERLAP, now]`` (no earlier than ``catch_up_hours``
  back), paged until exhausted, then an unconditional page 0; per-company lists page back instead.

Items are de-duplicated by ``documentKey`` (the last :data:`SEEN_LIMIT` keys are kept in ``state``),
returned oldest first; the state is only changed when the whole poll succeeded.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import quote

from oresight._http import HttpClient, HttpError, Reply
from oresight.exceptions import BadInput
from oresight.sources.base import (
    USER_AGENT,
    FetchedAnnouncement,
    Source,
    SourceError,
    check_options,
    option,
    register,
    retry_after,
)

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://asx.api.markitdigital.com/asx-research/1.0"
SEEN_LIMIT = 2000  # documentKeys remembered in state (about a busy day)
MAX_PAGES = 30  # pages of one normal poll (page 0 included)
MAX_CATCH_UP_PAGES = 200  # pages of one date-range catch-up
OUTAGE_INTERVALS = 4  # a gap longer than this many intervals since the last good poll is an outage
OVERLAP = timedelta(minutes=5)  # how far before the cursor a catch-up starts (late or re-dated items)

_OPTIONS = frozenset({"interval", "jitter", "base_url", "file_base_url", "access_token", "items_per_page", "price_sensitive_only",
                      "tickers", "catch_up_hours", "kind", "name"})
_TICKER = re.compile(r"^[A-Z0-9]{1,6}$")
_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([KMG]?)(?:I?B)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
_MARKET = "market"


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "on", "1", "false", "no", "off", "0"}:
        return value.strip().lower() in {"true", "yes", "on", "1"}
    raise ValueError(value)


def _tickers(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ValueError(value)
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not _TICKER.match(item.strip().upper()):
            raise ValueError(item)
        symbol = item.strip().upper()
        if symbol not in out:
            out.append(symbol)
    return tuple(out)


def _iso(when: datetime) -> str:
    """``2026-11-27T22:31:05.000Z``: the form the endpoints take and give."""
    when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def parse_date(value: Any) -> datetime | None:
    """An item's ``date`` as aware UTC (a naive value is taken as UTC); None when missing or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def parse_size(value: Any) -> int | None:
    """``fileSize`` in bytes: ``245760``, ``"245760"``, ``"240KB"``, ``"1.2 MB"`` (binary units); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value >= 0 else None
    if not isinstance(value, str):
        return None
    m = _SIZE.match(value)
    if not m:
        return None
    return int(float(m.group(1).replace(",", ".")) * _SIZE_UNITS[m.group(2).upper()])


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    return None


def _symbol(raw: Mapping[str, Any]) -> str | None:
    """``symbol`` at the top, else inside ``companyInfo`` / ``company`` (an object or a list of them)."""
    for candidate in (raw.get("symbol"), raw.get("issuerCode"), raw.get("ticker")):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip().upper()
    for key in ("companyInfo", "company", "issuer"):
        info = raw.get(key)
        if isinstance(info, list):
            info = info[0] if info else None
        if isinstance(info, Mapping):
            found = _symbol({k: v for k, v in info.items() if k in ("symbol", "issuerCode", "ticker")})
            if found:
                return found
    return None


def _company_name(raw: Mapping[str, Any]) -> str | None:
    info = raw.get("companyInfo")
    if isinstance(info, list):
        info = info[0] if info else None
    if isinstance(info, Mapping):
        for key in ("displayName", "name"):
            if isinstance(info.get(key), str) and info[key].strip():
                return str(info[key]).strip()
    return None


@dataclass
class _Poll:
    """What one fetch gathers before it is committed to ``state``."""

    seen: dict[str, None]  # recent documentKeys, oldest first (an ordered set)
    etags: dict[str, str]
    modified: dict[str, str]
    last_date: datetime | None
    new: dict[str, tuple[tuple[float, int], FetchedAnnouncement]] = field(default_factory=dict)
    skipped: dict[str, None] = field(default_factory=dict)  # new but filtered out (price_sensitive_only)

    def is_seen(self, key: str) -> bool:
        return key in self.seen or key in self.new or key in self.skipped


@register
class AsxSource(Source):
    """The ASX announcements platform (whole market, or a list of companies)."""

    kind: ClassVar[str] = "asx"
    default_interval: ClassVar[float] = 30.0

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        super().__init__(name, options, client)
        check_options(self.options, _OPTIONS, name)
        self.base_url: str = option(self.options, "base_url", name, default=DEFAULT_BASE_URL).strip().rstrip("/")
        if not self.base_url.startswith(("http://", "https://")):
            raise BadInput(f"source {name!r}: option 'base_url'={self.base_url!r} is not an http(s) URL")
        self.file_base_url: str = option(self.options, "file_base_url", name,
                                         default=self.base_url).strip().rstrip("/")
        if not self.file_base_url.startswith(("http://", "https://")):
            raise BadInput(f"source {name!r}: option 'file_base_url'={self.file_base_url!r} is not an http(s) URL")
        token = option(self.options, "access_token", name, default=None)
        self.access_token: str | None = (token.strip() or None) if isinstance(token, str) else None
        self.items_per_page: int = option(self.options, "items_per_page", name, kind=int, default=100)
        if not 1 <= self.items_per_page <= 1000:
            raise BadInput(f"source {name!r}: option 'items_per_page' must be 1-1000, got {self.items_per_page}")
        self.price_sensitive_only: bool = option(self.options, "price_sensitive_only", name, kind=_bool,
                                                 default=False)
        self.tickers: tuple[str, ...] = option(self.options, "tickers", name, kind=_tickers, default=())
        self.catch_up_hours: float = option(self.options, "catch_up_hours", name, kind=float, default=24.0)
        if not self.catch_up_hours > 0:
            raise BadInput(f"source {name!r}: option 'catch_up_hours' must be positive, got {self.catch_up_hours}")

    # -- public ------------------------------------------------------------------------------------------

    def file_url(self, document_key: str) -> str:
        """The document's URL (without the access token, which :meth:`download` adds)."""
        return f"{self.file_base_url}/file/{quote(document_key, safe='')}"

    async def fetch(self) -> Sequence[FetchedAnnouncement]:
        now = self._now()
        first_run = not self.state
        poll = _Poll(seen=dict.fromkeys(self._state_list("seen")), etags=self._state_map("etags"),
                     modified=self._state_map("modified"), last_date=parse_date(self.state.get("last_date")))
        polled_at = parse_date(self.state.get("polled_at"))
        cursor = poll.last_date or polled_at  # nothing older than this is new
        gap_from = polled_at or poll.last_date
        outage = gap_from is not None and (now - gap_from).total_seconds() > OUTAGE_INTERVALS * self.interval
        floor = now - timedelta(hours=self.catch_up_hours)
        since = max(cursor - OVERLAP, floor) if cursor else floor

        endpoints = [(t, f"/companies/{quote(t, safe='')}/announcements") for t in self.tickers] or [
            (_MARKET, "/markets/announcements")]
        for endpoint, path in endpoints:
            if outage and endpoint == _MARKET:
                await self._catch_up(poll, path, since, now)
                await self._poll(poll, endpoint, path, since=since, pages=1, conditional=False)
            else:
                await self._poll(poll, endpoint, path, since=since, pages=1 if first_run else MAX_PAGES,
                                 conditional=not outage)

        items = [item for _, item in sorted(poll.new.values(), key=lambda p: p[0])]  # oldest first
        seen = [*poll.seen, *poll.skipped, *(item.key for item in items)]
        dates = [item.published_at for item in items if item.published_at] + (
            [poll.last_date] if poll.last_date else [])
        used = {endpoint for endpoint, _ in endpoints}
        self.state = {"seen": seen[-SEEN_LIMIT:], "etags": {k: v for k, v in poll.etags.items() if k in used},
                      "modified": {k: v for k, v in poll.modified.items() if k in used},
                      "last_date": _iso(max(dates)) if dates else None, "polled_at": _iso(now)}
        return items

    async def download(self, item: FetchedAnnouncement) -> bytes:
        """The PDF; the access token (when set) is added here so it never appears in stored URLs."""
        if (self.access_token and item.url and item.url.startswith((self.base_url, self.file_base_url))
                and "access_token=" not in item.url):
            sep = "&" if "?" in item.url else "?"
            item = replace(item, url=f"{item.url}{sep}access_token={quote(self.access_token, safe='')}")
        return await super().download(item)

    # -- polling -----------------------------------------------------------------------------------------

    async def _poll(self, poll: _Poll, endpoint: str, path: str, *, since: datetime, pages: int,
                    conditional: bool) -> None:
        """Page 0 of one list (conditionally), then older pages while everything on them is new."""
        for page in range(pages):
            params = self._params(page)
            headers: dict[str, str] = {}
            if page == 0 and conditional:
                if endpoint in poll.etags:
                    headers["If-None-Match"] = poll.etags[endpoint]
                if endpoint in poll.modified:
                    headers["If-Modified-Since"] = poll.modified[endpoint]
            response, raw_items = await self._get_list(path, params, headers)
            if response.status_code == 304:
                return
            if page == 0:
                self._remember_validators(poll, endpoint, response)
            all_new = self._take(poll, raw_items, endpoint, since)
            if not all_new or len(raw_items) < self.items_per_page:
                return
        if pages > 1:
            log.warning("%s: %s: stopped paging after %d pages; older items may be missed", self.name, path, pages)

    async def _catch_up(self, poll: _Poll, path: str, since: datetime, now: datetime) -> None:
        """Everything of the whole-market feed dated in ``[since, now]``, page by page until exhausted."""
        for page in range(MAX_CATCH_UP_PAGES):
            params = self._params(page)
            params["dateStart"] = _iso(since)
            params["dateEnd"] = _iso(now)
            _, raw_items = await self._get_list(path, params, {})
            self._take(poll, raw_items, _MARKET, since)
            if len(raw_items) < self.items_per_page:
                return
        log.warning("%s: catch-up stopped after %d pages", self.name, MAX_CATCH_UP_PAGES)

    def _take(self, poll: _Poll, raw_items: list[Any], endpoint: str, since: datetime) -> bool:
        """Record the page's new items; True when every item was new and not older than ``since``."""
        all_new = True
        for raw in raw_items:
            item = self._item(raw, None if endpoint == _MARKET else endpoint)
            if item is None:
                continue
            if poll.is_seen(item.key):
                all_new = False
                continue
            if item.published_at is not None and item.published_at < since:
                all_new = False
            if self.price_sensitive_only and item.price_sensitive is False:
                poll.skipped[item.key] = None
                continue
            # oldest first: by date (undated first), then by reverse position in the newest-first lists
            stamp = item.published_at.timestamp() if item.published_at else float("-inf")
            poll.new[item.key] = ((stamp, -len(poll.new)), item)
        return all_new

    def _item(self, raw: Any, path_symbol: str | None) -> FetchedAnnouncement | None:
        """One ``data.items[]`` entry; None (skipped) without a documentKey or a headline."""
        if not isinstance(raw, Mapping):
            return None
        key, headline = raw.get("documentKey"), raw.get("headline")
        if not isinstance(key, str) or not key.strip() or not isinstance(headline, str) or not headline.strip():
            log.debug("%s: item without documentKey or headline skipped", self.name)
            return None
        key = key.strip()
        types = raw.get("announcementTypes", raw.get("announcementType"))
        if isinstance(types, str):
            types = [types]
        company = _company_name(raw)
        return FetchedAnnouncement(
            source=self.name, key=key, headline=" ".join(headline.split()),
            published_at=parse_date(raw.get("date")), ticker=_symbol(raw) or path_symbol,
            price_sensitive=_flag(raw.get("isPriceSensitive")),
            types=tuple(str(t).strip() for t in types if str(t).strip()) if isinstance(types, list) else (),
            url=self.file_url(key), filename=f"{key}.pdf", size=parse_size(raw.get("fileSize")),
            meta=(("company", company),) if company else ())

    # -- HTTP --------------------------------------------------------------------------------------------

    def _params(self, page: int) -> dict[str, str]:
        params = {"page": str(page), "itemsPerPage": str(self.items_per_page)}
        if not self.tickers:
            params["priceSensitiveOnly"] = "true" if self.price_sensitive_only else "false"
        return params

    async def _get_list(self, path: str, params: dict[str, str],
                        headers: dict[str, str]) -> tuple[Reply, list[Any]]:
        """GET a list endpoint: (response, items); 304 gives no items; any failure → SourceError."""
        if self.access_token:
            params = {**params, "access_token": self.access_token}
        where = f"{self.name}: {path}"
        try:
            response = await self.client.get(f"{self.base_url}{path}", params=params, headers={
                "User-Agent": USER_AGENT, "Accept": "application/json", **headers})
        except HttpError as e:
            raise SourceError(f"{where}: {e}") from None
        status = response.status_code
        if status == 304:
            return response, []
        if status == 429 or status >= 500:
            raise SourceError(f"{where}: HTTP {status}", retry_after=retry_after(response), status=status)
        if status >= 400:
            raise SourceError(f"{where}: refused: HTTP {status}", status=status)
        if status != 200:
            raise SourceError(f"{where}: unexpected HTTP {status}", status=status)
        try:
            body = json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            ctype = response.headers.get("content-type", "no content type").split(";")[0]
            raise SourceError(f"{where}: response is not JSON ({ctype}, {len(response.content)} bytes)",
                              status=status) from None
        data = body.get("data") if isinstance(body, dict) else None
        items = data.get("items", []) if isinstance(data, dict) else None
        if items is None and isinstance(data, dict):
            items = []
        if not isinstance(items, list):
            shape = type(body).__name__ if not isinstance(body, dict) else "keys " + ",".join(sorted(body)[:6])
            raise SourceError(f"{where}: unexpected response shape (no data.items list; got {shape})", status=status)
        return response, items

    @staticmethod
    def _remember_validators(poll: _Poll, endpoint: str, response: Reply) -> None:
        for header, store in (("etag", poll.etags), ("last-modified", poll.modified)):
            value = response.headers.get(header)
            if value:
                store[endpoint] = value
            else:
                store.pop(endpoint, None)

    # -- state -------------------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return datetime.now(UTC)

    def _state_list(self, key: str) -> list[str]:
        value = self.state.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def _state_map(self, key: str) -> dict[str, str]:
        value = self.state.get(key)
        if not isinstance(value, dict):
            return {}
        return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
