"""CPU per request of the two async HTTP clients considered for the watcher (the figure behind choosing
aiohttp): 2,000 GETs of a 5 KB body from a local threaded server, 8 in flight, process CPU time per request.

    .venv/bin/python -m bench.http_clients
"""

from __future__ import annotations

import asyncio
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from oresight._http import HttpClient

N = 2000
BODY = b"x" * 5000


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *a: Any) -> None:
        pass


async def _run(get: Any) -> float:
    sem = asyncio.Semaphore(8)

    async def one() -> None:
        async with sem:
            await get()

    t = time.process_time()
    await asyncio.gather(*[one() for _ in range(N)])
    return (time.process_time() - t) / N * 1000


async def _httpx(url: str) -> float:
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=64, max_keepalive_connections=32)) as c:
        async def get() -> None:
            response = await c.get(url)
            assert len(response.content) == len(BODY)
        return await _run(get)


async def _aiohttp(url: str) -> float:
    async with HttpClient(max_connections=64) as c:
        async def get() -> None:
            response = await c.get(url)
            assert len(response.content) == len(BODY)
        return await _run(get)


def main() -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/doc.pdf"
    try:
        for name, fn in (("httpx", _httpx), ("aiohttp (oresight._http)", _aiohttp)):
            print(f"- {name}: {asyncio.run(fn(url)):.2f} ms CPU per request (this process, server thread included)")
    finally:
        server.shutdown()
    print("\nReproduce: .venv/bin/python -m bench.http_clients")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
