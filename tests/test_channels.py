"""Channels against real local receivers: an HTTP server for the webhook and apprise, an aiosmtpd SMTP
server for e-mail, uvicorn for the SSE stream; Atom through feedparser; renderings with hostile input."""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import hmac
import json
import socket
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import feedparser
import httpx
import pytest
import uvicorn
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from oresight._http import HttpClient
from oresight.alerts import render
from oresight.alerts.channels.atom import AtomChannel, atom_feed, entry_id
from oresight.alerts.channels.base import CHANNEL_KINDS, Channel, DeliveryError, build_channel
from oresight.alerts.channels.email import message_id
from oresight.alerts.channels.sse import Broadcaster, SSEChannel, hub_for, sse_response
from oresight.alerts.channels.webhook import retry_after, verify_signature
from oresight.alerts.model import Alert, Digest, Message
from oresight.exceptions import BadInput

# apprise imports the deprecated imghdr (Python 3.11); not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore:'imghdr' is deprecated:DeprecationWarning")

T = TypeVar("T")
HOSTILE = 'Drilling hits <script>alert("x")</script> 36 m @ 2.5 g/t Au & more\r\nBcc: victim@example.com'
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def make_alert(key: str = "gold|ops|asx:ABC-1|assessed", *, headline: str = HOSTILE, score: float | None = 62.4,
               band: str | None = "significant", minutes: int = 0, **kw: Any) -> Alert:
    a = Alert(key=key, rule="gold", phase="assessed", announcement="asx:ABC-1", headline=headline,
              why="gold intercept of at least 50 gram-metres", ticker="ABC",
              published_at=T0 + timedelta(minutes=minutes), price_sensitive=True, announcement_id=7,
              score=score, band=band, type="drilling", commodities=("Au",),
              best="36 m @ 2.5 g/t Au from 68 m (OSD-014)", reason="thick intercept, high grade",
              links=(("announcement", f"http://127.0.0.1:8000/announcements/{key.split('|')[-2]}"),
                     ("document", "https://example.com/doc.pdf")),
              created_at=T0 + timedelta(minutes=minutes + 2))
    return replace(a, **kw)


def run(coro_fn: Callable[[], Awaitable[T]]) -> T:
    async def main() -> T:
        return await coro_fn()

    return asyncio.run(main())


def send(kind: str, options: Mapping[str, Any], message: Message, name: str = "ops") -> None:
    async def go() -> None:
        async with client_() as client:
            channel = build_channel(kind, name, options, client)
            try:
                await channel.send(message)
            finally:
                await channel.aclose()

    run(go)


def delivery_error(kind: str, options: Mapping[str, Any], message: Message | None = None) -> DeliveryError:
    with pytest.raises(DeliveryError) as info:
        send(kind, options, message or make_alert())
    text = str(info.value)
    assert "\n" not in text and text.startswith(f"{kind} ops"), text
    return info.value


_TLS = ssl.create_default_context()  # one for the file: building it per client costs ~0.1 s


def client_(**kw: Any) -> HttpClient:
    return HttpClient(verify=_TLS, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


# --- a local HTTP receiver -------------------------------------------------------------------------


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    status: int = 200
    reply_headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    requests: list[Received] = field(default_factory=list)
    port: int = 0


@contextmanager
def receiver(status: int = 200, reply_headers: dict[str, str] | None = None, delay: float = 0.0) -> Iterator[Receiver]:
    state = Receiver(status, reply_headers or {}, delay)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state.requests.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            time.sleep(state.delay)
            try:
                self.send_response(state.status)
                for k, v in state.reply_headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:  # the client gave up (timeout test)
                pass

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


# --- render ----------------------------------------------------------------------------------------


def test_alert_html_escapes_a_hostile_headline_and_text_keeps_it_on_one_line() -> None:
    a = make_alert(links=(("announcement", "javascript:alert(1)"),))
    html = render.alert_html(a)
    assert "<script>" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert 'href="javascript' not in html  # only http(s) links become hrefs
    text = render.alert_text(a)
    first, why = text.splitlines()[:2]
    assert first == "[SIGNIFICANT 62] ABC — " + " ".join(HOSTILE.split())
    assert why == "gold intercept of at least 50 gram-metres"
    for part in ("Best result: 36 m @ 2.5 g/t Au from 68 m (OSD-014)", "Score 62 (significant) · Type drilling · Au",
                 "Score reason: thick intercept, high grade", "Published: 2024-05-01 09:30 UTC (price sensitive)",
                 "Announcement: javascript:alert(1)"):
        assert part in text.splitlines(), part
    assert not any(line.startswith("Bcc:") for line in text.splitlines())
    assert render.message_title(a) == first
    md = render.message_markdown(a)
    assert "<script" not in md and "&lt;script" in md


def test_digest_groups_by_band_best_first() -> None:
    alerts = (make_alert("a|1", headline="Watch one", score=20, band="watch"),
              make_alert("a|2", headline="Unscored one", score=None, band=None),
              make_alert("a|3", headline="Significant low", score=55, band="significant"),
              make_alert("a|4", headline="Exceptional", score=90, band="exceptional"),
              make_alert("a|5", headline="Significant high", score=70, band="significant"),
              make_alert("a|6", headline="Hostile " + HOSTILE, score=30, band="notable"))
    d = Digest(key="digest|gold", rule="gold", period_start=T0 - timedelta(days=1), period_end=T0, alerts=alerts)
    text = render.digest_text(d)
    order = [text.index(s) for s in ("EXCEPTIONAL (1)", "Exceptional", "SIGNIFICANT (2)", "Significant high",
                                      "Significant low", "NOTABLE (1)", "WATCH (1)", "Watch one", "UNSCORED (1)",
                                      "Unscored one")]
    assert order == sorted(order)
    html = render.digest_html(d)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.index("Significant high") < html.index("Significant low") < html.index("Unscored one")
    assert render.message_text(d) == text and render.message_html(d) == html
    empty = Digest(key="d", rule="gold", period_start=T0, period_end=T0, alerts=())
    assert "No announcements matched" in render.digest_text(empty)


# --- webhook ---------------------------------------------------------------------------------------


def test_webhook_posts_signed_json_that_verifies() -> None:
    alert = make_alert()
    with receiver() as r:
        url = f"http://127.0.0.1:{r.port}/hooks/oresight?token=abc"
        before = int(time.time())
        send("webhook", {"url": url, "secret": "s3cret", "headers": {"X-Team": "geology"}}, alert)
    assert len(r.requests) == 1
    got = r.requests[0]
    assert got.path == "/hooks/oresight?token=abc"
    assert got.body == json.dumps(alert.to_json()).encode()
    assert json.loads(got.body)["headline"] == HOSTILE
    h = got.headers
    assert h["content-type"] == "application/json" and h["user-agent"] == "oresight/0.1.0"
    assert h["idempotency-key"] == h["x-oresight-delivery"] == alert.key
    assert h["x-team"] == "geology"
    ts = h["x-oresight-timestamp"]
    assert before <= int(ts) <= time.time() + 1
    expected = "sha256=" + hmac.new(b"s3cret", f"{ts}.".encode() + got.body, hashlib.sha256).hexdigest()
    assert h["x-oresight-signature"] == expected
    assert verify_signature("s3cret", ts, got.body, h["x-oresight-signature"])
    assert not verify_signature("s3cret", ts, got.body.replace(b"ABC", b"ABD"), h["x-oresight-signature"])
    assert not verify_signature("other", ts, got.body, h["x-oresight-signature"])
    assert not verify_signature("s3cret", ts, got.body, h["x-oresight-signature"], now=int(ts) + 301)
    assert verify_signature("s3cret", ts, got.body, h["x-oresight-signature"], now=int(ts) + 299)
    assert not verify_signature("s3cret", "not-a-time", got.body, h["x-oresight-signature"])


def test_webhook_unsigned_has_no_signature() -> None:
    with receiver(status=204) as r:
        send("webhook", {"url": f"http://127.0.0.1:{r.port}/"}, make_alert())
    assert "x-oresight-signature" not in r.requests[0].headers


def test_webhook_503_is_retried_after_retry_after_without_leaking_the_url() -> None:
    with receiver(status=503, reply_headers={"Retry-After": "7"}) as r:
        err = delivery_error("webhook", {"url": f"http://127.0.0.1:{r.port}/secret-path?token=abc"})
    assert not err.permanent and err.retry_after == 7.0
    assert f"HTTP 503 from http://127.0.0.1:{r.port}/…" in str(err)
    assert "token" not in str(err) and "secret-path" not in str(err)


@pytest.mark.parametrize(("status", "permanent"), [(400, True), (401, True), (404, True), (410, True), (413, True),
                                                   (422, True), (301, True), (408, False), (429, False),
                                                   (500, False), (502, False)])
def test_webhook_status_outcomes(status: int, permanent: bool) -> None:
    with receiver(status=status) as r:
        err = delivery_error("webhook", {"url": f"http://127.0.0.1:{r.port}/x"})
    assert err.permanent is permanent and f"HTTP {status}" in str(err)


def test_webhook_connection_refused_and_timeout_are_retryable() -> None:
    err = delivery_error("webhook", {"url": f"http://127.0.0.1:{free_port()}/x"})
    assert not err.permanent and "cannot reach" in str(err)
    with receiver(delay=1.0) as r:
        started = time.monotonic()
        err = delivery_error("webhook", {"url": f"http://127.0.0.1:{r.port}/x", "timeout": 0.2})
        assert time.monotonic() - started < 0.9
    assert not err.permanent and "within 0.2 s" in str(err)


def test_retry_after_parses_seconds_and_dates() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 01 May 2024 12:01:30 GMT", now=now) == 90.0
    assert retry_after("soon") is None and retry_after(None) is None


@pytest.mark.parametrize("options", [{}, {"url": "ftp://example.com/x"}, {"url": "http:///nohost"},
                                     {"url": "http://x", "timeout": 0}, {"url": "http://x", "timeout": "10"},
                                     {"url": "http://x", "secret": ""},
                                     {"url": "http://x", "headers": {"Idempotency-Key": "mine"}},
                                     {"url": "http://x", "headers": {"X-A": "one\r\nX-B: two"}}])
def test_webhook_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(BadInput, match=r"^channel 'ops': option '(url|timeout|secret|headers)'"):
        build_channel("webhook", "ops", options, client_())


# --- e-mail ----------------------------------------------------------------------------------------


@dataclass
class SMTPSink:
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any) -> str:
        if address.startswith("nobody@"):
            return "550 5.1.1 <nobody>: no such user"
        if address.startswith("grey@"):
            return "450 4.2.0 greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted"


@contextmanager
def smtp_server(**kwargs: Any) -> Iterator[tuple[SMTPSink, int]]:
    sink = SMTPSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


def test_email_sends_text_and_html_alternatives() -> None:
    alert = make_alert()
    with smtp_server() as (sink, port):
        send("email", {"host": "127.0.0.1", "port": port, "from": "Oresight <alerts@oresight.test>",
                       "to": ["geo@example.com", "Boss <boss@example.com>"]}, alert)
    assert len(sink.messages) == 1
    mail_from, rcpt, raw = sink.messages[0]
    assert mail_from == "alerts@oresight.test" and rcpt == ["geo@example.com", "boss@example.com"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["Subject"] == render.message_title(alert) and "\n" not in msg["Subject"]
    assert msg["Bcc"] is None  # the CR/LF in the headline did not forge a header
    assert msg["X-Oresight-Key"] == alert.key
    assert msg["Message-ID"] == message_id(alert.key, "oresight.test")
    assert msg["To"] == "geo@example.com, Boss <boss@example.com>"
    text_part, html_part = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text_part is not None and html_part is not None
    text, html = text_part.get_content(), html_part.get_content()
    assert "Best result: 36 m @ 2.5 g/t Au from 68 m (OSD-014)" in text
    assert "<script>" not in html and "&lt;script&gt;" in html and "Best result" in html


def test_email_refused_recipients_are_permanent_and_greylisting_is_retried() -> None:
    base = {"host": "127.0.0.1", "from": "alerts@oresight.test"}
    with smtp_server() as (sink, port):
        err = delivery_error("email", {**base, "port": port, "to": "nobody@example.com"})
        assert err.permanent and "550" in str(err) and "nobody@example.com" in str(err)
        err = delivery_error("email", {**base, "port": port, "to": "grey@example.com"})
        assert not err.permanent and "450" in str(err)
        err = delivery_error("email", {**base, "port": port, "to": "geo@example.com, nobody@example.com"})
        assert err.permanent and "sent to 1 of 2" in str(err)
    assert [m[1] for m in sink.messages] == [["geo@example.com"]]


def test_email_bad_password_is_permanent_and_not_shown() -> None:
    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.password == b"right"
        return AuthResult(success=ok, handled=False)

    options = {"host": "127.0.0.1", "from": "alerts@oresight.test", "to": "geo@example.com", "username": "u"}
    with smtp_server(authenticator=authenticator, auth_require_tls=False) as (sink, port):
        err = delivery_error("email", {**options, "port": port, "password": "wrong-pass"})
        send("email", {**options, "port": port, "password": "right"}, make_alert())
    assert err.permanent and "535" in str(err) and "wrong-pass" not in str(err)
    assert len(sink.messages) == 1


def test_email_server_down_is_retryable() -> None:
    port = free_port()
    err = delivery_error("email", {"host": "127.0.0.1", "port": port, "from": "a@b.test", "to": "c@d.test",
                                   "timeout": 2})
    assert not err.permanent and f"cannot reach 127.0.0.1:{port}" in str(err)


@pytest.mark.parametrize("options", [{"from": "a@b.test", "to": "c@d.test"},
                                     {"host": "h", "to": "c@d.test"},
                                     {"host": "h", "from": "a@b.test"},
                                     {"host": "h", "from": "not-an-address", "to": "c@d.test"},
                                     {"host": "h", "from": "a@b.test", "to": ["c@d.test", 3]},
                                     {"host": "h", "from": "a@b.test", "to": "c@d.test", "tls": "ssl"},
                                     {"host": "h", "from": "a@b.test", "to": "c@d.test", "port": 0},
                                     {"host": "h", "from": "a@b.test", "to": "c@d.test", "username": "u"}])
def test_email_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(BadInput, match=r"^channel 'ops': option"):
        build_channel("email", "ops", options, client_())


# --- apprise ---------------------------------------------------------------------------------------


def test_apprise_json_reaches_the_receiver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    alert = make_alert()
    with receiver() as r:
        send("apprise", {"url": f"json://127.0.0.1:{r.port}/notify"}, alert)
    assert len(r.requests) == 1 and r.requests[0].path == "/notify"
    payload = json.loads(r.requests[0].body)
    assert payload["title"] == render.message_title(alert)
    assert payload["message"] == render.message_text(alert).rstrip()


def test_apprise_failure_is_retryable_and_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with receiver(status=500) as r:
        err = delivery_error("apprise", {"url": [f"json://user:hunter2@127.0.0.1:{r.port}/tok3n"]})
    assert not err.permanent
    assert f"json://127.0.0.1:{r.port}" in str(err)
    assert "hunter2" not in str(err) and "tok3n" not in str(err) and "user" not in str(err)


def test_apprise_bad_url_is_bad_input() -> None:
    with pytest.raises(BadInput, match=r"^channel 'ops': option 'url' is not a usable apprise URL"):
        build_channel("apprise", "ops", {"url": "nosuchscheme://secret-token"}, client_())
    with pytest.raises(BadInput, match="option 'url'"):
        build_channel("apprise", "ops", {}, client_())


# --- server-sent events ----------------------------------------------------------------------------


def test_broadcaster_fans_out_and_drops_the_oldest_for_a_slow_subscriber() -> None:
    async def go() -> None:
        hub = Broadcaster(maxsize=10)
        fast, slow = hub.subscribe(), hub.subscribe(maxsize=2)
        for i in range(5):
            assert hub.publish({"n": i}) == 2
        assert [(await fast.get())["n"] for _ in range(5)] == [0, 1, 2, 3, 4]
        assert [(await slow.get())["n"] for _ in range(2)] == [3, 4]
        assert (slow.dropped, fast.dropped, hub.dropped) == (3, 0, 3)
        slow.close()
        assert hub.subscribers == 1 and hub.publish({"n": 5}) == 1
        assert [e async for e in slow] == []  # a closed subscription ends
        hub.close()
        assert [e["n"] async for e in fast] == [5]

    run(go)


def test_sse_channel_publishes_message_json() -> None:
    async def go() -> None:
        async with client_() as client:
            channel = build_channel("sse", "sse-test-publish", {"buffer": 5}, client)
            assert isinstance(channel, SSEChannel) and channel.hub is hub_for("sse-test-publish")
            sub = channel.hub.subscribe()
            alert = make_alert()
            await channel.send(alert)
            assert await sub.get() == alert.to_json()
            sub.close()

    run(go)


def test_sse_stream_delivers_events_and_ends_on_disconnect() -> None:
    hub = Broadcaster()

    async def stream(request: Request) -> Response:
        return sse_response(hub, request, ping=0.2, poll=0.2)

    app = Starlette(routes=[Route("/api/stream/{channel}", stream)])

    async def go() -> list[str]:
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        lines: list[str] = []
        alert = make_alert()
        digest = Digest(key="digest|gold|2024-05-01", rule="gold", period_start=T0, period_end=T0, alerts=(alert,))
        try:
            async with httpx.AsyncClient(timeout=5, trust_env=False) as client, \
                    client.stream("GET", f"http://127.0.0.1:{port}/api/stream/ops") as response:
                assert response.status_code == 200
                assert response.headers["content-type"].startswith("text/event-stream")
                assert hub.subscribers == 1
                sent = False
                async for line in response.aiter_lines():
                    lines.append(line)
                    if line.startswith(":") and not sent:  # a keep-alive ping came: now publish
                        hub.publish(alert.to_json())
                        hub.publish(digest.to_json())
                        sent = True
                    if line.startswith("data:") and '"kind":"digest"' in line:
                        break
            for _ in range(100):  # the server notices the disconnect and unsubscribes
                if hub.subscribers == 0:
                    break
                await asyncio.sleep(0.02)
            assert hub.subscribers == 0
        finally:
            server.should_exit = True
            await task
        return lines

    lines = run(go)
    assert "event: alert" in lines and f"id: {make_alert().key}" in lines and "event: digest" in lines
    data = [json.loads(line[len("data: "):]) for line in lines if line.startswith("data: ")]
    assert data[0] == make_alert().to_json() and data[1]["kind"] == "digest"


# --- atom ------------------------------------------------------------------------------------------


def test_atom_feed_parses_newest_first_with_escaped_hostile_headline() -> None:
    old = make_alert("gold|feed|asx:OLD|assessed", headline="Older result", minutes=0)
    new = make_alert("gold|feed|asx:NEW|assessed", headline="Newest result", minutes=60)
    bad = make_alert("gold|feed|asx:BAD|assessed", headline=HOSTILE + "\x00\x0b", minutes=30)
    feed = atom_feed("gold", [old, new, bad], feed_url="http://127.0.0.1:8000/feeds/gold.atom",
                     site_url="http://127.0.0.1:8000/")
    assert b"<script" not in feed
    parsed = feedparser.parse(feed)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.id == "http://127.0.0.1:8000/feeds/gold.atom"
    assert [e.id for e in parsed.entries] == [entry_id(a.key) for a in (new, bad, old)]
    assert parsed.entries[0].title == "[SIGNIFICANT 62] ABC — Newest result"
    assert parsed.entries[1].title == render.message_title(bad)
    assert parsed.entries[0].link == "http://127.0.0.1:8000/announcements/asx:NEW"
    assert parsed.entries[0].published_parsed[:5] == (2024, 5, 1, 10, 30)
    assert parsed.entries[0].updated_parsed[:5] == (2024, 5, 1, 10, 32)
    assert parsed.feed.updated_parsed[:5] == (2024, 5, 1, 10, 32)
    assert "Best result" in parsed.entries[0].content[0].value
    assert "Best result: 36 m" in parsed.entries[0].summary
    assert entry_id(old.key) != entry_id(new.key) and entry_id(old.key) == entry_id(old.key)


def test_atom_channel_is_pull_and_send_does_nothing() -> None:
    channel = build_channel("atom", "feed", {}, client_())
    assert isinstance(channel, AtomChannel) and channel.pull
    run(lambda: channel.send(make_alert()))


def test_all_builtin_kinds_are_registered() -> None:
    build_channel("atom", "x", {}, client_())  # loads the built-ins
    assert {"webhook", "email", "apprise", "sse", "atom"} <= set(CHANNEL_KINDS)
    assert all(issubclass(c, Channel) for c in CHANNEL_KINDS.values())
