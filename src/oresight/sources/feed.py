"""``feed``: an RSS 2.0 / Atom 1.0 / RDF feed of announcements, read with feedparser.

Each poll is a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the last answer; 304 means
nothing new). Entries seen before (their keys are kept in ``state``, the last :data:`MAX_SEEN`) are not
listed again; new ones are returned oldest first. An entry's document is its PDF enclosure, else its link,
else the full content it carries (``content:encoded`` / Atom ``content``, else its summary).
See ``docs/sources/feed.md``.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import feedparser

from oresight._http import HttpClient, HttpError, Reply
from oresight.exceptions import BadInput
from oresight.pipeline import SUFFIXES
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

MAX_SEEN = 5000
"""How many entry keys ``state`` remembers (the newest); far more than any feed lists at once."""

DEFAULT_TICKER_PATTERN = r"\bASX\s*:\s*([A-Z0-9]{3,5})\b"
"""Finds ``ASX:ABC`` and ``(ASX: ABC)`` in a title; the group is the ticker."""

OPTIONS = frozenset({"url", "interval", "jitter", "ticker", "ticker_pattern", "kind", "name"})

_PDF_TYPES = ("application/pdf", "application/x-pdf")


@register
class FeedSource(Source):
    """Polls one RSS/Atom/RDF feed; options ``url`` (required), ``ticker``, ``ticker_pattern``, ``interval``."""

    kind: ClassVar[str] = "feed"
    default_interval: ClassVar[float] = 60.0

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        super().__init__(name, options, client)
        check_options(self.options, OPTIONS, name)
        self.url: str = option(self.options, "url", name).strip()
        if urlsplit(self.url).scheme not in ("http", "https") or not urlsplit(self.url).netloc:
            raise BadInput(f"source {name!r}: option 'url'={self.url!r} is not an http(s) URL")
        fixed: str = option(self.options, "ticker", name, default="")
        self.ticker: str | None = fixed.strip().upper() or None
        raw = option(self.options, "ticker_pattern", name, default=DEFAULT_TICKER_PATTERN)
        try:
            self.ticker_pattern = re.compile(raw)
        except re.error as e:
            raise BadInput(f"source {name!r}: option 'ticker_pattern' is not a valid regex: {e}") from None
        if self.ticker_pattern.groups < 1:
            raise BadInput(f"source {name!r}: option 'ticker_pattern' needs one group (the ticker)")

    async def fetch(self) -> Sequence[FetchedAnnouncement]:
        headers = {"User-Agent": USER_AGENT,
                   "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5"}
        if isinstance(self.state.get("etag"), str):
            headers["If-None-Match"] = self.state["etag"]
        if isinstance(self.state.get("modified"), str):
            headers["If-Modified-Since"] = self.state["modified"]
        try:
            response = await self.client.get(self.url, headers=headers, follow_redirects=True)
        except HttpError as e:
            raise SourceError(f"{self.name}: feed request failed: {e}") from None
        status = response.status_code
        if status == 304:
            return []
        if status == 429 or status >= 500:
            raise SourceError(f"{self.name}: feed answered HTTP {status}", retry_after=retry_after(response),
                              status=status)
        if status >= 400:
            raise SourceError(f"{self.name}: feed refused: HTTP {status}", status=status)

        entries = self._parse(response)
        seen: list[str] = [k for k in self.state.get("seen", []) if isinstance(k, str)]
        known = set(seen)
        fresh: list[FetchedAnnouncement] = []
        current: list[str] = []
        listed: set[str] = set()
        base = str(response.url)
        for entry in entries:
            item = self._item(entry, base)
            if item is None or item.key in listed:
                continue
            listed.add(item.key)
            current.append(item.key)
            if item.key not in known:
                fresh.append(item)
        # feeds list newest first: reverse, then order by date when every new entry has one
        fresh.reverse()
        if all(i.published_at is not None for i in fresh):
            fresh.sort(key=lambda i: i.published_at or datetime.min.replace(tzinfo=UTC))

        kept = [k for k in seen if k not in listed] + list(reversed(current))
        self.state["seen"] = kept[-MAX_SEEN:]
        for header, key in (("etag", "etag"), ("last-modified", "modified")):
            value = response.headers.get(header)
            if value:
                self.state[key] = value
            else:
                self.state.pop(key, None)
        return fresh

    def _parse(self, response: Reply) -> list[Any]:
        """The feed's entries; a body that is not a feed (or is broken with no entries) → SourceError."""
        response_headers = {"content-location": str(response.url)}
        if "content-type" in response.headers:
            response_headers["content-type"] = response.headers["content-type"]
        # a BytesIO, never the bytes: feedparser treats a bytes/str argument as a possible file name or URL
        parsed = feedparser.parse(io.BytesIO(response.content), response_headers=response_headers)
        entries: list[Any] = list(parsed.get("entries") or [])
        if entries:
            return entries  # a "bozo" feed with readable entries is accepted
        problem = parsed.get("bozo_exception")
        if not parsed.get("version"):
            detail = f": {_one_line(problem)}" if problem else ""
            raise SourceError(f"{self.name}: {self.url} is not an RSS/Atom feed{detail}")
        if parsed.get("bozo") and problem is not None and not type(problem).__name__.startswith("CharacterEncoding"):
            raise SourceError(f"{self.name}: malformed feed with no readable entries: {_one_line(problem)}")
        return []

    def _item(self, entry: Any, base: str) -> FetchedAnnouncement | None:
        title = " ".join(str(entry.get("title") or "").split())
        link = str(entry.get("link") or "").strip()
        link = urljoin(base, link) if link else ""
        if urlsplit(link).scheme not in ("http", "https"):
            link = ""  # e.g. an Atom entry without a link, whose "link" feedparser took from its urn: id
        when = _when(entry)
        key = str(entry.get("id") or "").strip() or link
        if not key:
            key = "sha256:" + hashlib.sha256(f"{title}\n{when.isoformat() if when else ''}".encode()).hexdigest()[:32]

        url: str | None = None
        content: bytes | None = None
        filename = "announcement.html"
        size: int | None = None
        pdf = _pdf_enclosure(entry, base)
        if pdf is not None:
            url, size = pdf
            filename = _name_of(url, ".pdf")
        elif link:
            url = link
            filename = _name_of(link, ".html")
        else:
            body = _full_content(entry)
            if body is None:
                return None  # nothing to read: a title alone is not a document
            text, mime = body
            content = text.encode("utf-8")
            filename = "announcement.txt" if mime == "text/plain" else "announcement.html"
            size = len(content)

        ticker = self.ticker
        if ticker is None and title:
            found = self.ticker_pattern.search(title)
            if found and found.group(1):
                ticker = found.group(1).strip().upper()
        types = tuple(t for t in (str(tag.get("term") or "").strip() for tag in entry.get("tags") or []) if t)
        meta = (("link", link),) if link and link != url else ()
        return FetchedAnnouncement(source=self.name, key=key, headline=title or link or key, published_at=when,
                                   ticker=ticker, types=types, url=url, content=content, filename=filename,
                                   size=size, meta=meta)


def _when(entry: Any) -> datetime | None:
    """published, else updated, as aware UTC (feedparser gives a UTC struct_time)."""
    for field_name in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(field_name)
        if t:
            try:
                return datetime.fromtimestamp(calendar.timegm(t), UTC)
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _pdf_enclosure(entry: Any, base: str) -> tuple[str, int | None] | None:
    """The first enclosure (or ``rel=enclosure`` link) that is a PDF: by type, else by the URL's suffix."""
    candidates = list(entry.get("enclosures") or [])
    candidates += [link for link in entry.get("links") or [] if link.get("rel") == "enclosure"]
    for enc in candidates:
        href = str(enc.get("href") or enc.get("url") or "").strip()
        if not href:
            continue
        mime = str(enc.get("type") or "").split(";")[0].strip().lower()
        if mime in _PDF_TYPES or urlsplit(href).path.lower().endswith(".pdf"):
            try:
                length: int | None = int(enc.get("length") or 0) or None
            except (TypeError, ValueError):
                length = None
            return urljoin(base, href), length
    return None


def _full_content(entry: Any) -> tuple[str, str] | None:
    """The entry's own document: full content, else summary; (text, MIME type)."""
    for block in entry.get("content") or []:
        value = str(block.get("value") or "")
        if value.strip():
            return value, str(block.get("type") or "text/html").lower()
    summary = str(entry.get("summary") or "")
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, str(detail.get("type") or "text/html").lower()
    return None


def _name_of(url: str, default_suffix: str) -> str:
    """A file name for the reader: the URL's last segment when its suffix is a readable format."""
    last = PurePosixPath(urlsplit(url).path).name
    if last and PurePosixPath(last).suffix.lower() in SUFFIXES:
        return last
    return "announcement" + default_suffix


def _one_line(e: object) -> str:
    return " ".join(str(e).split())[:200] or type(e).__name__
