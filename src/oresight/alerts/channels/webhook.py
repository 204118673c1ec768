"""Webhook channel: POST the message as JSON, optionally signed with HMAC-SHA256.

Options (a ``[channels.NAME]`` table with ``kind = "webhook"``): ``url`` (required, http or https),
``secret`` (optional: sign each request), ``timeout`` (seconds, default 10), ``headers`` (optional
table of extra request headers).

Each request carries ``Idempotency-Key`` and ``X-Oresight-Delivery`` (the message key: the same on
every retry, so receivers can drop repeats), ``X-Oresight-Timestamp`` (unix seconds) and, when a secret
is set, ``X-Oresight-Signature: sha256=<hex>`` — the HMAC-SHA256 with the secret of
``f"{timestamp}."`` followed by the body bytes. Receivers check it with :func:`verify_signature`.

Outcome: 2xx delivered; 400/401/403/404/405/410/413/422 and the other 4xx except 408/409/425/429 are
permanent (the request will not get better), as are 3xx (redirects are not followed: fix the URL);
408/409/425/429, 5xx and network errors are retried, after ``Retry-After`` when the receiver sends one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from oresight import __version__
from oresight._http import HttpClient, HttpError, HttpTimeout
from oresight.alerts.channels.base import Channel, DeliveryError, register, require
from oresight.alerts.model import Message
from oresight.exceptions import BadInput

SIGNATURE_HEADER = "X-Oresight-Signature"
TIMESTAMP_HEADER = "X-Oresight-Timestamp"
DELIVERY_HEADER = "X-Oresight-Delivery"
USER_AGENT = f"oresight/{__version__}"
DEFAULT_TIMEOUT = 10.0
#: retrying cannot help: the receiver rejected the request itself
PERMANENT_STATUS = frozenset({400, 401, 403, 404, 405, 410, 413, 422})
#: the receiver asks to come back later
RETRY_STATUS = frozenset({408, 409, 425, 429})
RESERVED_HEADERS = frozenset(
    h.lower() for h in ("Content-Type", "Content-Length", "Host", "Idempotency-Key", DELIVERY_HEADER,
                        TIMESTAMP_HEADER, SIGNATURE_HEADER)
)
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


def sign(secret: str | bytes, timestamp: int | str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 with ``secret`` of ``f"{timestamp}."`` followed by ``body``."""
    key = secret.encode() if isinstance(secret, str) else secret
    digest = hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify_signature(secret: str | bytes, timestamp: int | str, body: bytes, signature: str, *,
                     tolerance: float = 300, now: float | None = None) -> bool:
    """True when ``signature`` (the ``X-Oresight-Signature`` header) signs ``timestamp`` and ``body``
    with ``secret``, and the timestamp is within ``tolerance`` seconds of ``now`` (default: the clock).

    The comparison is constant-time; a stale or future timestamp, a malformed header or a tampered
    body gives False.
    """
    try:
        ts = int(str(timestamp).strip())
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - ts) > tolerance:
        return False
    expected = sign(secret, ts, body)
    return hmac.compare_digest(expected.encode(), signature.strip().encode("utf-8", "replace"))


def redact_url(url: str) -> str:
    """``scheme://host[:port]`` plus ``/…`` when the URL has more (paths and queries often hold tokens)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    origin = f"{parts.scheme}://{host}" + (f":{port}" if port else "")
    return origin + ("/…" if parts.path.strip("/") or parts.query else "")


def retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or an HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _timeout(options: Mapping[str, Any], name: str, default: float) -> float:
    value = options.get("timeout", default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 600:
        raise BadInput(f"channel {name!r}: option 'timeout' must be a number of seconds in (0, 600]")
    return float(value)


@register
class WebhookChannel(Channel):
    kind = "webhook"

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        super().__init__(name, options, client)
        url = require(options, "url", name)
        if not isinstance(url, str):
            raise BadInput(f"channel {name!r}: option 'url' must be a string")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BadInput(f"channel {name!r}: option 'url' must be an http:// or https:// URL with a host")
        self.url = url
        secret = options.get("secret")
        if secret is not None and (not isinstance(secret, str) or not secret):
            raise BadInput(f"channel {name!r}: option 'secret' must be a non-empty string")
        self.secret: str | None = secret
        self.timeout = _timeout(options, name, DEFAULT_TIMEOUT)
        self.headers = self._extra_headers(options.get("headers"))

    def _extra_headers(self, value: Any) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise BadInput(f"channel {self.name!r}: option 'headers' must be a table of header names to values")
        headers: dict[str, str] = {}
        for key, val in value.items():
            if not isinstance(key, str) or not _TOKEN.match(key):
                raise BadInput(f"channel {self.name!r}: option 'headers': {key!r} is not a valid header name")
            if key.lower() in RESERVED_HEADERS:
                raise BadInput(f"channel {self.name!r}: option 'headers': {key} is set by Oresight")
            if not isinstance(val, str | int | float) or isinstance(val, bool) or re.search(r"[\r\n\x00]", str(val)):
                raise BadInput(f"channel {self.name!r}: option 'headers': the value of {key} must be one line of text")
            headers[key] = str(val)
        return headers

    def request_headers(self, message: Message, body: bytes, timestamp: int) -> dict[str, str]:
        headers = {"User-Agent": USER_AGENT, **self.headers, "Content-Type": "application/json",
                   "Idempotency-Key": message.key, DELIVERY_HEADER: message.key, TIMESTAMP_HEADER: str(timestamp)}
        if self.secret:
            headers[SIGNATURE_HEADER] = sign(self.secret, timestamp, body)
        return headers

    async def send(self, message: Message) -> None:
        body = json.dumps(message.to_json()).encode()
        timestamp = int(time.time())
        where = redact_url(self.url)
        try:
            response = await self.client.post(self.url, content=body,
                                              headers=self.request_headers(message, body, timestamp),
                                              timeout=self.timeout, follow_redirects=False)
        except HttpTimeout:
            raise DeliveryError(f"webhook {self.name}: no answer from {where} within {self.timeout:g} s") from None
        except HttpError as exc:
            detail = " ".join(str(exc).replace(self.url, where).split())[:200] or type(exc).__name__
            raise DeliveryError(f"webhook {self.name}: cannot reach {where} ({detail})") from None
        status = response.status_code
        if 200 <= status < 300:
            return
        error = f"webhook {self.name}: HTTP {status} from {where}"
        if status in RETRY_STATUS or status >= 500:
            raise DeliveryError(error, retry_after=retry_after(response.headers.get("Retry-After")))
        if status in PERMANENT_STATUS or 300 <= status < 500:
            raise DeliveryError(error + (" (redirects are not followed)" if status < 400 else ""), permanent=True)
        raise DeliveryError(error)  # 1xx and other oddities: try again later
