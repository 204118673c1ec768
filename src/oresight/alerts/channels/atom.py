"""Atom channel: a feed per rule that readers pull (``GET`` on the web app), built from stored alerts.

Options (``kind = "atom"``): none. Sending is a no-op — the outbox records the alert as delivered
and the feed is rendered from the stored alerts by :func:`atom_feed` when a reader asks.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from oresight import __version__
from oresight.alerts.channels.base import Channel, register
from oresight.alerts.model import Alert, Message
from oresight.alerts.render import alert_html_fragment, alert_text, one_line

#: characters XML 1.0 cannot carry (lxml refuses them): hostile headlines must not break the feed
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def entry_id(key: str) -> str:
    """A stable URN for the alert with ``key``."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'oresight:alert:' + key)}"


def _stamp(a: Alert) -> datetime | None:
    value = a.created_at or a.published_at
    return _aware(value) if value else None


def _http(url: str | None, base: str) -> str | None:
    """``url`` if it is http(s), resolved against ``base`` when relative (a dashboard path); else None."""
    if not url:
        return None
    url = urljoin(base, one_line(url))
    return url if url.lower().startswith(("http://", "https://")) else None


def atom_feed(rule: str, alerts: Sequence[Alert], *, feed_url: str, site_url: str,
              updated: datetime | None = None) -> bytes:
    """The Atom feed (UTF-8 XML) of ``rule``'s ``alerts``, newest first: one entry per alert, id from
    its key, the title line as title, the text as summary, the HTML as content, the announcement
    page (else the document, else ``site_url``; relative links resolved against ``site_url``) as link. The feed's ``updated`` is ``updated``, else the newest alert's time, else now."""
    newest = sorted(alerts, key=lambda a: _stamp(a) or datetime.min.replace(tzinfo=UTC), reverse=True)
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(_xml(f"Oresight — {one_line(rule)}"))
    fg.subtitle(_xml(f"Alerts of the rule {one_line(rule)}"))
    fg.author({"name": "Oresight"})
    fg.generator("Oresight", version=__version__)
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.link(href=site_url, rel="alternate", type="text/html")
    stamps = [s for s in (_stamp(a) for a in newest) if s]
    fg.updated(_aware(updated) if updated else (max(stamps) if stamps else datetime.now(UTC)))
    for a in newest:
        links = dict(a.links)
        fe = fg.add_entry(order="append")
        fe.id(entry_id(a.key))
        fe.title(_xml(one_line(a.title)))
        fe.summary(_xml(alert_text(a)))
        fe.content(_xml(alert_html_fragment(a)), type="html")
        announcement = _http(links.get("announcement"), site_url) or _http(links.get("document"), site_url)
        # one link only: feedgen 1.0 drops the rel of entry links, and a link without rel is the alternate
        fe.link(href=_xml(announcement or site_url), rel="alternate")
        stamp = _stamp(a)
        fe.updated(stamp or fg.updated())
        if a.published_at or stamp:
            fe.published(_aware(a.published_at) if a.published_at else stamp)
        for term in (a.band, a.type, *a.commodities):
            if term:
                fe.category(term=_xml(one_line(term)))
    feed: bytes = fg.atom_str(pretty=True)
    return feed


@register
class AtomChannel(Channel):
    kind = "atom"
    pull = True

    async def send(self, message: Message) -> None:
        """Nothing to push: the feed is read from the stored alerts."""
