"""The source interface: one class per kind, one method to override.

::

    class MySource(Source):
        kind = "my-kind"

        async def fetch(self) -> Sequence[FetchedAnnouncement]:
            ...  # what is new (or recent) at the source; the runtime de-duplicates by (source, key)

A source is built from its options (a TOML table, or CLI flags) by :func:`build_source`; a source that
lacks a required option raises :class:`~oresight.exceptions.BadInput` with a one-line message. The
runtime (``oresight watch``) polls every source at its ``interval``, records its health (last success,
last error) in the store, keeps ``state`` (a small JSON-able cursor, for catch-up after an outage)
across restarts, and downloads each new item's document with :meth:`Source.download`.

Errors while fetching:

* :class:`SourceError` — the source failed this time (network, 5xx, a bad payload); the runtime records
  it as the source's last error and polls again later. ``retry_after`` (seconds) asks for a longer pause
  (429 / 503 with ``Retry-After``).
* :class:`NotReady` — from :meth:`Source.download`: the item is listed but its document is not there yet
  (large PDFs lag behind their headline); the runtime retries the download with backoff.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from oresight._http import HttpClient, HttpError, Reply
from oresight.exceptions import BadInput, OresightError

USER_AGENT = "oresight/0.1 (+self-hosted critical-minerals monitor)"


class SourceError(OresightError):
    """A fetch or download failed; ``retry_after`` (seconds) when the server asked for a pause."""

    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class NotReady(SourceError):
    """The item is listed but its document cannot be downloaded yet."""


@dataclass(frozen=True)
class FetchedAnnouncement:
    """One item as a source lists it, before its document is read.

    ``key`` identifies the item within its source (the ASX ``documentKey``, a feed entry's id, a file's
    path and content hash); ``(source, key)`` is the de-duplication key. ``content`` holds the document
    when the source already has it (folder, push); otherwise :meth:`Source.download` fetches ``url``.
    ``filename``'s suffix tells the document reader the format (``.pdf``, ``.html``, ``.txt``, ``.md``).
    ``published_at`` is timezone-aware UTC when known.
    """

    source: str
    key: str
    headline: str
    published_at: datetime | None = None
    ticker: str | None = None
    price_sensitive: bool | None = None
    types: tuple[str, ...] = ()
    url: str | None = None
    content: bytes | None = field(default=None, repr=False)
    filename: str = "announcement.pdf"
    size: int | None = None
    meta: tuple[tuple[str, str], ...] = ()

    @property
    def uid(self) -> str:
        """``source:key``: unique across sources."""
        return f"{self.source}:{self.key}"

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "key": self.key, "headline": self.headline,
                "published_at": self.published_at.isoformat() if self.published_at else None,
                "ticker": self.ticker, "price_sensitive": self.price_sensitive, "types": list(self.types),
                "url": self.url, "filename": self.filename, "size": self.size, "meta": dict(self.meta)}


class Source(ABC):
    """Base of every source. Subclasses set ``kind`` and implement :meth:`fetch`.

    ``options`` are the source's settings (validated in ``__init__``: unknown or missing options raise
    BadInput); ``client`` is the shared HTTP client (tests pass one bound to a local server).
    """

    kind: ClassVar[str] = ""
    default_interval: ClassVar[float] = 30.0

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        self.name = name
        self.options = dict(options)
        self.client = client
        self.interval = _positive(self.options.get("interval", self.default_interval), f"{name}.interval")
        self.jitter = _fraction(self.options.get("jitter", 0.1), f"{name}.jitter")
        self.state: dict[str, Any] = {}  # a JSON-able cursor the runtime stores and restores

    @abstractmethod
    async def fetch(self) -> Sequence[FetchedAnnouncement]:
        """What is new (or recent) at the source. Raise SourceError on failure."""

    async def download(self, item: FetchedAnnouncement) -> bytes:
        """The item's document: its ``content``, else a GET of its ``url`` (404 → NotReady)."""
        if item.content is not None:
            return item.content
        if not item.url:
            raise SourceError(f"{item.uid}: no document and no URL")
        try:
            response = await self.client.get(item.url, headers={"User-Agent": USER_AGENT})
        except HttpError as e:
            raise SourceError(f"{item.uid}: download failed: {e}") from None
        if response.status_code == 404:
            raise NotReady(f"{item.uid}: document not available yet (404)", status=404)
        if response.status_code in (429,) or response.status_code >= 500:
            raise SourceError(f"{item.uid}: download failed: HTTP {response.status_code}",
                              retry_after=retry_after(response), status=response.status_code)
        if response.status_code >= 400:
            raise SourceError(f"{item.uid}: download refused: HTTP {response.status_code}", status=response.status_code)
        return response.content

    def next_delay(self, rng: random.Random | None = None) -> float:
        """Seconds to the next poll: the interval shortened by up to ``jitter`` × interval (never longer,
        so the interval stays the worst case between two polls)."""
        r = (rng or random).random()
        return self.interval * (1.0 - self.jitter * r)

    def restore(self, state: Mapping[str, Any]) -> None:
        """Take back the cursor stored after the last successful fetch (default: keep it as is)."""
        self.state = dict(state)

    async def aclose(self) -> None:  # noqa: B027  (optional hook, not abstract)
        """Release what the source holds (the shared client is closed by the runtime)."""


def retry_after(response: Reply) -> float | None:
    """The ``Retry-After`` header in seconds (delta form or HTTP date), or None."""
    raw = response.headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    from datetime import UTC

    return max(0.0, (when - datetime.now(UTC)).total_seconds())


SOURCE_KINDS: dict[str, type[Source]] = {}


def register(cls: type[Source]) -> type[Source]:
    """Class decorator: make a source kind available to configuration."""
    if not cls.kind:
        raise TypeError(f"{cls.__name__} has no kind")
    SOURCE_KINDS[cls.kind] = cls
    return cls


BUILTIN = ("asx", "feed", "folder", "vendor")


def load_builtin() -> None:
    """Import the built-in source modules (each registers its kind)."""
    import importlib

    for module in BUILTIN:
        importlib.import_module(f"oresight.sources.{module}")


def build_source(kind: str, name: str, options: Mapping[str, Any], client: HttpClient) -> Source:
    load_builtin()
    cls = SOURCE_KINDS.get(kind)
    if cls is None:
        raise BadInput(f"source {name!r}: unknown kind {kind!r} (known: {', '.join(sorted(SOURCE_KINDS))})")
    return cls(name, options, client)


def _positive(value: Any, what: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise BadInput(f"{what}: {value!r} is not a number") from None
    if not v > 0:
        raise BadInput(f"{what}: must be positive, got {value!r}")
    return v


def _fraction(value: Any, what: str) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise BadInput(f"{what}: {value!r} is not a number") from None
    if not 0 <= v < 1:
        raise BadInput(f"{what}: must be in [0, 1), got {value!r}")
    return v


def check_options(options: Mapping[str, Any], allowed: frozenset[str], name: str) -> None:
    """An option the source does not know → BadInput (a misspelt option must not be silently ignored)."""
    unknown = sorted(set(options) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed - {"kind", "name"}))
        raise BadInput(f"source {name!r}: unknown option {unknown[0]!r} (known: {known})")


def option(options: Mapping[str, Any], key: str, source: str, *, kind: Callable[[Any], Any] = str,
           default: Any = ..., ) -> Any:
    """One option, converted by ``kind``; missing (with no default) or unconvertible → BadInput."""
    if key not in options:
        if default is ...:
            raise BadInput(f"source {source!r}: option {key!r} is required")
        return default
    try:
        return kind(options[key])
    except (TypeError, ValueError):
        raise BadInput(f"source {source!r}: option {key!r}={options[key]!r} is not valid") from None
