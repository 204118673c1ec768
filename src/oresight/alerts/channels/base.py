"""The channel interface: one class per kind, one method to override.

::

    class MyChannel(Channel):
        kind = "my-kind"

        async def send(self, message: Alert | Digest) -> None:
            ...  # deliver, or raise DeliveryError

A channel is built from its options (a ``[channels.NAME]`` TOML table) by :func:`build_channel`;
missing or invalid options raise :class:`~oresight.exceptions.BadInput` with a one-line message.
The delivery worker calls :meth:`Channel.send` for each due outbox entry and records the outcome:
success → delivered; :class:`DeliveryError` → retried with exponential backoff (``retry_after`` when
the receiver asked for a pause), or dead-lettered at once when ``permanent`` (e.g. HTTP 400/401/404,
an address the SMTP server refuses), with the error as the reason.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar

from oresight._http import HttpClient
from oresight.alerts.model import Message
from oresight.exceptions import BadInput, OresightError


class DeliveryError(OresightError):
    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


class Channel(ABC):
    """Base of every channel. ``client`` is the shared HTTP client (tests bind it to local servers)."""

    kind: ClassVar[str] = ""
    #: a pull channel (Atom) is "delivered" when recorded: readers fetch it from the feed
    pull: ClassVar[bool] = False

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        self.name = name
        self.options = dict(options)
        self.client = client

    @abstractmethod
    async def send(self, message: Message) -> None:
        """Deliver one alert or digest; raise DeliveryError on failure."""

    async def aclose(self) -> None:  # noqa: B027  (optional hook, not abstract)
        """Release what the channel holds (the shared client is closed by the runtime)."""


CHANNEL_KINDS: dict[str, type[Channel]] = {}
BUILTIN = ("webhook", "email", "apprise", "sse", "atom")


def register(cls: type[Channel]) -> type[Channel]:
    if not cls.kind:
        raise TypeError(f"{cls.__name__} has no kind")
    CHANNEL_KINDS[cls.kind] = cls
    return cls


def load_builtin() -> None:
    import importlib

    for module in BUILTIN:
        importlib.import_module(f"oresight.alerts.channels.{module}")


def build_channel(kind: str, name: str, options: Mapping[str, Any], client: HttpClient) -> Channel:
    load_builtin()
    cls = CHANNEL_KINDS.get(kind)
    if cls is None:
        raise BadInput(f"channel {name!r}: unknown kind {kind!r} (known: {', '.join(sorted(CHANNEL_KINDS))})")
    return cls(name, options, client)


def require(options: Mapping[str, Any], key: str, channel: str) -> Any:
    if key not in options or options[key] in (None, ""):
        raise BadInput(f"channel {channel!r}: option {key!r} is required")
    return options[key]
