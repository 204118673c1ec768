"""Local servers and a background watcher for the real-time tests (no internet)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from oresight.config import Config, parse_config
from oresight.store import Store
from oresight.watch import Watcher


@dataclass
class Received:
    at: float
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class Receiver:
    """A webhook receiver on 127.0.0.1: records every POST; ``status`` is what it answers; ``stop()`` and
    ``start()`` take it down and bring it back on the same port."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.status = 200
        self.lock = threading.Lock()
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self.start()

    def start(self) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                if len(body) < length:  # the sender died mid-request (kill -9): not a delivery
                    self.send_response(400)
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                with outer.lock:
                    status = outer.status
                    if status < 300:
                        outer.received.append(Received(time.time(), self.path, dict(self.headers.items()), body))
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def bodies(self) -> list[Any]:
        with self.lock:
            return [r.json for r in self.received]

    def wait_for(self, n: int, timeout: float = 20.0) -> list[Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= n:
                return self.bodies()
            time.sleep(0.02)
        raise AssertionError(f"expected {n} deliveries, got {len(self.received)}: {self.bodies()}")


def wait_until(check: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def config(fake_url: str | None, hook: str | None, *, rules: list[dict[str, Any]] | None = None,
           channels: dict[str, Any] | None = None, watch: dict[str, Any] | None = None,
           sources: list[dict[str, Any]] | None = None) -> Config:
    chans = dict(channels or {})
    if hook:
        chans.setdefault("hook", {"kind": "webhook", "url": hook, "secret": "test-secret"})
    srcs = list(sources or [])
    if fake_url:
        srcs.append({"kind": "asx", "name": "asx", "base_url": fake_url, "interval": 0.2, "jitter": 0})
    return parse_config({"watch": {"listen": "127.0.0.1:0", "push_token": "tok", "backoff_base": 0.05,
                                   "backoff_max": 0.3, **(watch or {})},
                         "sources": srcs, "channels": chans,
                         "rules": rules if rules is not None else [{"name": "all", "channels": ["hook"]}]})


@contextmanager
def running(cfg: Config, store: Store, *, workers: int = 0) -> Iterator[Watcher]:
    """A watcher running in a background thread (its own event loop); stopped cleanly on exit."""
    loop = asyncio.new_event_loop()
    box: dict[str, Any] = {}
    ready = threading.Event()

    def target() -> None:
        asyncio.set_event_loop(loop)

        async def main() -> None:
            stop = asyncio.Event()
            box["stop"] = stop
            w = Watcher(cfg, store, workers=workers)
            box["watcher"] = w
            task = loop.create_task(w.run(stop))
            while w.bound is None and not task.done():
                await asyncio.sleep(0.01)
            ready.set()
            await task

        try:
            loop.run_until_complete(main())
        except BaseException as e:
            box["error"] = e
            ready.set()

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    ready.wait(30)
    if "error" in box:
        raise box["error"]
    try:
        yield box["watcher"]
    finally:
        loop.call_soon_threadsafe(box["stop"].set)
        thread.join(30)
        if "error" in box:
            raise box["error"]
