"""Server-sent events channel: alerts pushed to the browsers and scripts listening on the stream.

Options (``kind = "sse"``): ``buffer`` (events held per subscriber, default 100). Each SSE channel
has a :class:`Broadcaster` (``channel.hub``, also found by name with :func:`hub_for`); the web app
streams it with :func:`sse_response` (``GET /api/stream/{channel}``): event ``alert`` or ``digest``,
id = the message key, data = the message JSON, a keep-alive ping every 15 s.

Delivery is fire-and-forget: a message published while nobody listens is gone (the outbox, the
dashboard and the Atom feed keep the record). A subscriber that reads slower than alerts arrive
loses the oldest queued events first; the drops are counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

from sse_starlette.event import ServerSentEvent
from sse_starlette.sse import EventSourceResponse
from starlette.background import BackgroundTask
from starlette.requests import Request

from oresight._http import HttpClient
from oresight.alerts.channels.base import Channel, register
from oresight.alerts.model import Message
from oresight.exceptions import BadInput

DEFAULT_BUFFER = 100
PING_SECONDS = 15.0
_CLOSED = object()  # the end-of-stream marker a closed subscription receives


class Subscription:
    """One listener: a bounded queue of events, an async iterator over them (ends when closed)."""

    def __init__(self, hub: Broadcaster, maxsize: int) -> None:
        self.hub = hub
        self.queue: asyncio.Queue[object] = asyncio.Queue(maxsize)
        self.dropped = 0
        self.closed = False

    def offer(self, item: object) -> bool:
        """Queue ``item`` without waiting; when full, drop the oldest event first. True if one was dropped."""
        dropped = False
        while True:
            try:
                self.queue.put_nowait(item)
                return dropped
            except asyncio.QueueFull:
                with contextlib.suppress(asyncio.QueueEmpty):
                    self.queue.get_nowait()
                    dropped = True

    async def get(self) -> dict[str, Any]:
        """The next event; raises StopAsyncIteration once the subscription is closed and drained."""
        item = await self.queue.get()
        if item is _CLOSED:
            self.queue.put_nowait(_CLOSED)  # stay ended for later readers
            raise StopAsyncIteration
        assert isinstance(item, dict)
        return item

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        return self

    async def __anext__(self) -> dict[str, Any]:
        return await self.get()

    def close(self) -> None:
        """Stop receiving; a reader waiting on :meth:`get` ends (pending events stay readable)."""
        self.hub.unsubscribe(self)

    def _end(self) -> None:
        if not self.closed:
            self.closed = True
            if self.queue.full():
                with contextlib.suppress(asyncio.QueueEmpty):
                    self.queue.get_nowait()
                    self.dropped += 1
            self.queue.put_nowait(_CLOSED)


class Broadcaster:
    """Fan-out of published events to every subscriber, never blocking the publisher."""

    def __init__(self, maxsize: int = DEFAULT_BUFFER) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._subscribers: set[Subscription] = set()
        self.published = 0
        self.dropped = 0

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def subscribe(self, maxsize: int | None = None) -> Subscription:
        sub = Subscription(self, maxsize or self.maxsize)
        self._subscribers.add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        self._subscribers.discard(sub)
        sub._end()

    def publish(self, event: dict[str, Any]) -> int:
        """Queue ``event`` for every subscriber (dropping a slow one's oldest); the number of subscribers."""
        self.published += 1
        for sub in list(self._subscribers):
            if sub.offer(event):
                sub.dropped += 1
                self.dropped += 1
        return len(self._subscribers)

    def close(self) -> None:
        """End every subscription (server shutdown)."""
        for sub in list(self._subscribers):
            self.unsubscribe(sub)


_HUBS: dict[str, Broadcaster] = {}


def hub_for(channel: str, maxsize: int = DEFAULT_BUFFER) -> Broadcaster:
    """The broadcaster of the SSE channel named ``channel`` (created on first use, kept across rebuilds)."""
    hub = _HUBS.get(channel)
    if hub is None:
        hub = _HUBS[channel] = Broadcaster(maxsize)
    return hub


@register
class SSEChannel(Channel):
    kind = "sse"

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        super().__init__(name, options, client)
        buffer = options.get("buffer", DEFAULT_BUFFER)
        if isinstance(buffer, bool) or not isinstance(buffer, int) or not 1 <= buffer <= 100_000:
            raise BadInput(f"channel {name!r}: option 'buffer' must be a whole number from 1 to 100000")
        self.hub = hub_for(name, buffer)
        self.hub.maxsize = buffer

    async def send(self, message: Message) -> None:
        self.hub.publish(message.to_json())


def event_of(data: Mapping[str, Any]) -> ServerSentEvent:
    """The SSE event of a message's JSON: event ``alert``/``digest``, id = key, data = the JSON."""
    kind = "digest" if data.get("kind") == "digest" else "alert"
    key = data.get("key")
    ident = " ".join(str(key).split()) if key is not None else None
    return ServerSentEvent(data=json.dumps(data, separators=(",", ":")), event=kind, id=ident)


def sse_response(hub: Broadcaster, request: Request, *, ping: float = PING_SECONDS,
                 poll: float = 1.0) -> EventSourceResponse:
    """A streaming response of ``hub``'s events until the client disconnects or the hub closes."""
    sub = hub.subscribe()

    async def events() -> AsyncIterator[ServerSentEvent]:
        try:
            while True:
                try:
                    data = await asyncio.wait_for(sub.get(), timeout=poll)
                except TimeoutError:
                    if await request.is_disconnected():
                        return
                    continue
                except StopAsyncIteration:
                    return
                yield event_of(data)
        finally:
            sub.close()

    # subscribed now, so nothing published once the headers are out is missed; closed by the stream's end,
    # or by the background task when the stream never starts (HEAD, an early failure)
    return EventSourceResponse(events(), ping=ping, background=BackgroundTask(sub.close))
