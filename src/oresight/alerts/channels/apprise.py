"""Apprise channel: one option reaches Slack, Discord, Telegram, ntfy, Matrix, SMS gateways, ...

Options (``kind = "apprise"``): ``url`` (required: an apprise URL or a list of them, e.g.
``slack://…``, ``ntfy://ntfy.sh/topic``, ``json://host:port/path``), ``format`` (``"text"``, the
default, or ``"markdown"``: the body rendered as Markdown, for services that show it).

Each message is sent as its title and body to every URL. A failure (apprise reports False) is
retried; apprise does not say why, so the error names the services as ``scheme://host`` only — the
rest of an apprise URL is usually a token.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import apprise

from oresight._http import HttpClient
from oresight.alerts.channels.base import Channel, DeliveryError, register, require
from oresight.alerts.model import Message
from oresight.alerts.render import message_markdown, message_text, message_title
from oresight.exceptions import BadInput

FORMATS = {"text": apprise.NotifyFormat.TEXT, "markdown": apprise.NotifyFormat.MARKDOWN}


def redact(url: str, service: Any = None) -> str:
    """``scheme://host`` of an apprise URL, with apprise's own masking of the host when it is a token."""
    masked = url
    if service is not None:
        try:
            masked = str(service.url(privacy=True))
        except Exception:  # a plugin that cannot print itself: fall back to the scheme alone
            masked = url.split(":", 1)[0] + "://"
    parts = urlsplit(masked)
    host = parts.netloc.rsplit("@", 1)[-1]  # drop any user:password
    return f"{parts.scheme}://{host}" if host else f"{parts.scheme}://"


@register
class AppriseChannel(Channel):
    kind = "apprise"

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        super().__init__(name, options, client)
        value = require(options, "url", name)
        urls: list[Any] = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
        if not urls or not all(isinstance(u, str) and u.strip() for u in urls):
            raise BadInput(f"channel {name!r}: option 'url' must be an apprise URL or a list of them")
        fmt = options.get("format", "text")
        if fmt not in FORMATS:
            raise BadInput(f"channel {name!r}: option 'format' must be one of {', '.join(FORMATS)}")
        self.format: str = fmt
        self.apprise = apprise.Apprise()
        self.services: list[str] = []
        for i, url in enumerate(urls, 1):
            service = apprise.Apprise.instantiate(url.strip())
            if service is None:
                scheme = url.strip().split("://", 1)[0] if "://" in url else "(none)"
                which = f" #{i}" if len(urls) > 1 else ""
                raise BadInput(f"channel {name!r}: option 'url'{which} is not a usable apprise URL "
                               f"(scheme {scheme[:20]!r} unknown, unavailable or missing parts)")
            self.apprise.add(service)
            self.services.append(redact(url, service))

    async def send(self, message: Message) -> None:
        title = message_title(message)
        body = (message_markdown(message) if self.format == "markdown" else message_text(message)).rstrip()
        kwargs: dict[str, Any] = {"body": body, "title": title, "body_format": FORMATS[self.format]}
        try:
            notify_async = getattr(self.apprise, "async_notify", None)
            if notify_async is not None:
                result = await notify_async(**kwargs)
            else:  # older apprise: the blocking call in a worker thread
                result = await asyncio.to_thread(self.apprise.notify, **kwargs)
            ok = bool(result)
            close = getattr(result, "close", None)
            if callable(close):
                close()
        except Exception as exc:  # a plugin crashed: keep the reason's class, never its text (it may hold tokens)
            raise DeliveryError(f"apprise {self.name}: {type(exc).__name__} while notifying "
                                f"{', '.join(self.services)}") from None
        if not ok:
            raise DeliveryError(f"apprise {self.name}: delivery failed via {', '.join(self.services)}")
