"""The feed, folder and vendor sources against real inputs: a local HTTP server, real folders and files.

No sleeps: the folder and vendor sources take a ``clock``; tests pin it and set file times with
``os.utime``, so "settled" and "still being written" are decided deterministically.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import pytest

from oresight._http import HttpClient
from oresight.exceptions import BadInput
from oresight.sources import SOURCE_KINDS, FetchedAnnouncement, SourceError
from oresight.sources.feed import FeedSource
from oresight.sources.folder import FolderSource
from oresight.sources.vendor import VendorSource

T = TypeVar("T")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# ---------------------------------------------------------------- a local HTTP server


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    log: list[tuple[str, dict[str, str]]]

    def requests_to(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.log if p == path]


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    log: list[tuple[str, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag is not None:
                self.send_header("ETag", route.etag)
            for k, v in route.headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@functools.cache
def idle_client() -> HttpClient:
    """One client for sources that never use it (building a client costs ~0.1 s: its TLS context)."""
    return HttpClient()


def with_client(scenario: Callable[[HttpClient], Awaitable[T]]) -> T:
    async def main() -> T:
        async with HttpClient(timeout=5) as client:
            return await scenario(client)

    return asyncio.run(main())


# ---------------------------------------------------------------- feeds

RSS_ITEM_ABC = """
<item>
  <title>Drilling intersects 12m @ 3.1 g/t Au (ASX: ABC)</title>
  <guid isPermaLink="false">abc-1</guid>
  <link>/news/abc-1</link>
  <pubDate>Mon, 06 May 2024 09:00:00 +1000</pubDate>
  <enclosure url="/docs/abc-1.pdf" type="application/pdf" length="{size}"/>
</item>"""

RSS_ITEM_XYZ = """
<item>
  <title>Quarterly activities report ASX:XYZ</title>
  <link>/news/xyz-2.html</link>
  <pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>
</item>"""

RSS_ITEM_NEW = """
<item>
  <title>Maiden resource (ASX: NEW1)</title>
  <guid isPermaLink="false">new-3</guid>
  <link>/news/new-3.pdf</link>
  <pubDate>Wed, 08 May 2024 09:00:00 GMT</pubDate>
</item>"""


def rss(*items: str) -> bytes:
    body = "".join(items).replace("{size}", str(len(PDF)))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>http://example.invalid/</link>
<description>Announcements</description>{body}</channel></rss>""".encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Company news</title><id>urn:co</id><updated>2024-05-09T00:00:00Z</updated>
  <entry>
    <title>Exploration update</title>
    <id>urn:co:2</id>
    <updated>2024-05-09T00:00:00Z</updated>
    <link rel="alternate" href="/co/update.html"/>
    <link rel="enclosure" type="application/pdf" href="/co/update-file"/>
  </entry>
  <entry>
    <title>Assays received</title>
    <id>urn:co:1</id>
    <published>2024-05-08T09:00:00+08:00</published>
    <updated>2024-05-08T10:00:00+08:00</updated>
    <content type="html">&lt;p&gt;Hole CO-1 returned 20m @ 1.5% Cu.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_rss_feed_enclosure_and_link_then_304_then_only_new_entries(server: Server) -> None:
    server.routes["/feed.xml"] = Route(rss(RSS_ITEM_XYZ, RSS_ITEM_ABC), etag='"v1"')
    server.routes["/docs/abc-1.pdf"] = Route(PDF, content_type="application/pdf")
    server.routes["/news/xyz-2.html"] = Route(b"<html><h1>Quarterly</h1></html>", content_type="text/html")
    assert SOURCE_KINDS["feed"] is FeedSource and SOURCE_KINDS["folder"] is FolderSource
    assert SOURCE_KINDS["vendor"] is VendorSource
    source = FeedSource("wire", {"url": server.base + "/feed.xml"}, idle_client())

    async def scenario(client: HttpClient) -> None:
        source.client = client
        first = await source.fetch()
        assert [i.key for i in first] == ["abc-1", server.base + "/news/xyz-2.html"]  # oldest first
        abc, xyz = first
        assert abc.source == "wire" and abc.ticker == "ABC" and abc.headline.startswith("Drilling intersects")
        assert abc.url == server.base + "/docs/abc-1.pdf" and abc.filename == "abc-1.pdf" and abc.size == len(PDF)
        assert abc.published_at == datetime(2024, 5, 5, 23, 0, tzinfo=UTC)
        assert xyz.ticker == "XYZ" and xyz.filename == "xyz-2.html" and xyz.content is None
        assert await source.download(abc) == PDF
        assert await source.download(xyz) == b"<html><h1>Quarterly</h1></html>"

        assert await source.fetch() == []  # conditional request answered 304
        assert server.requests_to("/feed.xml")[-1].get("if-none-match") == '"v1"'

        server.routes["/feed.xml"] = Route(rss(RSS_ITEM_NEW, RSS_ITEM_XYZ, RSS_ITEM_ABC), etag='"v2"')
        third = await source.fetch()
        assert [(i.key, i.ticker, i.filename) for i in third] == [("new-3", "NEW1", "new-3.pdf")]
        assert source.state["etag"] == '"v2"'

    with_client(scenario)


def test_feed_state_restored_into_a_new_instance_returns_nothing_old(server: Server) -> None:
    stamp = "Tue, 07 May 2024 09:00:00 GMT"  # no ETag, and a Last-Modified the server ignores: de-dup by keys
    server.routes["/feed.xml"] = Route(rss(RSS_ITEM_XYZ, RSS_ITEM_ABC), headers={"Last-Modified": stamp})

    async def scenario(client: HttpClient) -> None:
        first = FeedSource("wire", {"url": server.base + "/feed.xml"}, client)
        assert len(await first.fetch()) == 2
        saved = json.loads(json.dumps(first.state))  # what the runtime stores

        again = FeedSource("wire", {"url": server.base + "/feed.xml"}, client)
        again.restore(saved)
        assert await again.fetch() == []
        assert server.requests_to("/feed.xml")[-1].get("if-modified-since") == stamp
        server.routes["/feed.xml"] = Route(rss(RSS_ITEM_NEW, RSS_ITEM_XYZ, RSS_ITEM_ABC))
        assert [i.key for i in await again.fetch()] == ["new-3"]

        forgetful = FeedSource("wire", {"url": server.base + "/feed.xml"}, client)
        assert len(await forgetful.fetch()) == 3  # without the state everything is new

    with_client(scenario)


def test_atom_feed_content_and_pdf_link_enclosure(server: Server) -> None:
    server.routes["/atom"] = Route(ATOM, content_type="application/atom+xml")
    server.routes["/co/update-file"] = Route(PDF, content_type="application/pdf")

    async def scenario(client: HttpClient) -> list[FetchedAnnouncement]:
        source = FeedSource("co", {"url": server.base + "/atom", "ticker": "zzz"}, client)
        items = list(await source.fetch())
        assert await source.download(items[1]) == PDF
        assert await source.download(items[0]) == items[0].content
        return items

    assays, update = with_client(scenario)
    assert assays.key == "urn:co:1" and assays.headline == "Assays received" and assays.ticker == "ZZZ"
    assert assays.published_at == datetime(2024, 5, 8, 1, 0, tzinfo=UTC)
    assert assays.url is None and assays.filename == "announcement.html"
    assert assays.content is not None and b"20m @ 1.5% Cu" in assays.content
    assert update.key == "urn:co:2" and update.url == server.base + "/co/update-file"
    assert update.filename == "announcement.pdf" and dict(update.meta)["link"] == server.base + "/co/update.html"


def test_ticker_pattern_option_and_bad_options() -> None:
    client = idle_client()
    custom = FeedSource("w", {"url": "https://example.invalid/f", "ticker_pattern": r"\[([A-Z]{3})\]"}, client)
    assert custom.ticker_pattern.search("Results [QQQ]") is not None
    with pytest.raises(BadInput, match="'url' is required"):
        FeedSource("w", {}, client)
    with pytest.raises(BadInput, match="not an http"):
        FeedSource("w", {"url": "file:///etc/passwd"}, client)
    with pytest.raises(BadInput, match="needs one group"):
        FeedSource("w", {"url": "https://example.invalid/f", "ticker_pattern": "ASX"}, client)
    with pytest.raises(BadInput, match="not a valid regex"):
        FeedSource("w", {"url": "https://example.invalid/f", "ticker_pattern": "(["}, client)
    with pytest.raises(BadInput, match="unknown option 'urll'"):
        FeedSource("w", {"urll": "https://example.invalid/f"}, client)


def test_not_a_feed_and_server_errors(server: Server) -> None:
    server.routes["/page"] = Route(b"<html><body><p>Welcome</p></body></html>", content_type="text/html")
    server.routes["/json"] = Route(b'{"items": []}', content_type="application/json")
    server.routes["/busy"] = Route(b"busy", status=503, content_type="text/plain", headers={"Retry-After": "120"})
    server.routes["/gone"] = Route(b"no", status=403, content_type="text/plain")
    server.routes["/empty"] = Route(rss())
    broken = rss(RSS_ITEM_ABC).replace(b"Drilling intersects", b"Drilling & sampling").replace(b"</channel></rss>", b"")
    server.routes["/bozo"] = Route(broken)

    async def scenario(client: HttpClient) -> None:
        for path in ("/page", "/json"):
            with pytest.raises(SourceError, match="not an RSS/Atom feed"):
                await FeedSource("w", {"url": server.base + path}, client).fetch()
        with pytest.raises(SourceError, match="HTTP 503") as busy:
            await FeedSource("w", {"url": server.base + "/busy"}, client).fetch()
        assert busy.value.retry_after == 120 and busy.value.status == 503
        with pytest.raises(SourceError, match="refused: HTTP 403") as refused:
            await FeedSource("w", {"url": server.base + "/gone"}, client).fetch()
        assert refused.value.retry_after is None
        assert await FeedSource("w", {"url": server.base + "/empty"}, client).fetch() == []  # a feed, just empty
        [item] = await FeedSource("w", {"url": server.base + "/bozo"}, client).fetch()  # malformed, yet readable
        assert item.key == "abc-1" and item.headline.startswith("Drilling & sampling") and item.ticker == "ABC"

    with_client(scenario)


# ---------------------------------------------------------------- folder and vendor helpers


class Clock:
    """A pinned clock: files written during the test are "just modified" unless aged with :func:`age`."""

    def __init__(self) -> None:
        self.now = time.time() + 0.5

    def __call__(self) -> float:
        return self.now


def age(path: Path, seconds: float = 3600) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def write_aged(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data)
    else:
        path.write_bytes(data)
    return age(path)


def poll(source: FolderSource | VendorSource) -> list[FetchedAnnouncement]:
    return list(asyncio.run(source.fetch()))


def folder_source(root: Path, clock: Clock, **options: Any) -> FolderSource:
    return FolderSource("drop", {"path": str(root), **options}, idle_client(), clock=clock)


# ---------------------------------------------------------------- folder


def test_folder_picks_settled_files_once_and_ignores_temporary_names(tmp_path: Path) -> None:
    clock = Clock()
    write_aged(tmp_path / "ABC_Drilling-results.pdf", PDF)
    for name in (".hidden.pdf", "copy.pdf.part", "report.tmp", "~lock.pdf", "notes.docx", ".git/x.pdf"):
        write_aged(tmp_path / name, PDF)
    write_aged(tmp_path / "sub" / "XYZ-note.txt", "Assays pending")
    source = folder_source(tmp_path, clock)

    first = poll(source)
    assert sorted(i.key.split(":")[0] for i in first) == ["ABC_Drilling-results.pdf", "sub/XYZ-note.txt"]
    abc = next(i for i in first if i.filename.endswith(".pdf"))
    assert abc.headline == "ABC Drilling results" and abc.ticker == "ABC" and abc.size == len(PDF)
    assert abc.published_at is not None and abc.published_at.tzinfo is UTC
    assert abc.published_at.timestamp() == pytest.approx((tmp_path / "ABC_Drilling-results.pdf").stat().st_mtime)
    assert asyncio.run(source.download(abc)) == PDF
    assert poll(source) == []

    fresh = tmp_path / "DEF_update.html"  # just written: taken only when unchanged across two scans
    fresh.write_text("<p>Part one")
    assert poll(source) == []
    with fresh.open("a") as f:
        f.write(" and part two</p>")  # still being written: the size changed since the last scan
    assert poll(source) == []
    taken = poll(source)
    assert [(i.filename, i.content, i.ticker) for i in taken] == [("DEF_update.html", b"<p>Part one and part two</p>", "DEF")]
    assert poll(source) == []


def test_folder_replaced_content_is_new_touched_file_is_not_and_restart_repeats_nothing(tmp_path: Path) -> None:
    clock = Clock()
    doc = write_aged(tmp_path / "results.md", "# First")
    source = folder_source(tmp_path, clock, settle_seconds=2)
    [first] = poll(source)

    age(doc, 100)  # touched, same content
    assert poll(source) == []
    doc.write_text("# Second version")
    age(doc, 50)
    [second] = poll(source)
    assert second.key != first.key and second.key.startswith("results.md:") and second.content == b"# Second version"

    saved = json.loads(json.dumps(source.state))
    restarted = folder_source(tmp_path, clock)
    restarted.restore(saved)
    assert poll(restarted) == [] and poll(restarted) == []
    assert len(poll(folder_source(tmp_path, clock))) == 1  # without the state the file is read again


def test_folder_options_and_errors(tmp_path: Path) -> None:
    clock = Clock()
    write_aged(tmp_path / "sub" / "a.txt", "x")
    assert poll(folder_source(tmp_path, clock, recursive=False)) == []
    assert len(poll(folder_source(tmp_path, clock, recursive="yes"))) == 1
    with pytest.raises(BadInput, match="does not exist"):
        folder_source(tmp_path / "missing", clock)
    with pytest.raises(BadInput, match="is not a folder"):
        folder_source(tmp_path / "sub" / "a.txt", clock)
    with pytest.raises(BadInput, match="'path' is required"):
        FolderSource("drop", {}, idle_client())
    with pytest.raises(BadInput, match="'recursive'='maybe' is not valid"):
        folder_source(tmp_path, clock, recursive="maybe")
    gone = tmp_path / "gone"
    gone.mkdir()
    source = folder_source(gone, clock)
    gone.rmdir()
    with pytest.raises(SourceError, match="cannot scan folder"):
        poll(source)
    assert folder_source(tmp_path, clock).interval == 2.0


# ---------------------------------------------------------------- vendor


def vendor_source(root: Path, clock: Clock) -> VendorSource:
    return VendorSource("vendor", {"path": str(root)}, idle_client(), clock=clock)


def test_vendor_json_manifest_item_delivered_when_its_pdf_arrives_and_restart_repeats_nothing(tmp_path: Path) -> None:
    clock = Clock()
    manifest = {"items": [
        {"id": "V-1", "symbol": "abc", "headline": "Drilling results", "published": "2024-05-06T09:30:00",
         "price_sensitive": "yes", "types": ["Drilling", "Progress Report"], "file": "docs/v1.pdf"},
        {"documentKey": "V-2", "ticker": "XYZ", "headline": "Resource update", "published": "2024-05-07T10:00:00+10:00",
         "price_sensitive": False, "file": "docs/v2.pdf"},
    ]}
    write_aged(tmp_path / "2024-05-07" / "manifest.json", json.dumps(manifest))
    write_aged(tmp_path / "2024-05-07" / "docs" / "v1.pdf", PDF)
    source = vendor_source(tmp_path, clock)

    [v1] = poll(source)
    assert (v1.key, v1.ticker, v1.headline, v1.price_sensitive, v1.types, v1.filename) == (
        "V-1", "ABC", "Drilling results", True, ("Drilling", "Progress Report"), "v1.pdf")
    assert v1.published_at == datetime(2024, 5, 6, 9, 30, tzinfo=UTC)
    assert asyncio.run(source.download(v1)) == PDF
    assert source.problems == [] and source.waiting == ["2024-05-07/manifest.json: V-2 waits for 2024-05-07/docs/v2.pdf"]
    assert poll(source) == []

    saved = json.loads(json.dumps(source.state))
    v2_pdf = PDF + b"%v2\n"
    arriving = tmp_path / "2024-05-07" / "docs" / "v2.pdf"
    arriving.write_bytes(v2_pdf)  # just copied: settles over two polls
    restarted = vendor_source(tmp_path, clock)
    restarted.restore(saved)
    assert poll(restarted) == []
    [v2] = poll(restarted)
    assert (v2.key, v2.ticker, v2.price_sensitive) == ("V-2", "XYZ", False)
    assert v2.published_at == datetime(2024, 5, 7, 0, 0, tzinfo=UTC)
    assert asyncio.run(restarted.download(v2)) == v2_pdf

    again = vendor_source(tmp_path, clock)
    again.restore(json.loads(json.dumps(restarted.state)))
    assert poll(again) == [] and again.waiting == []


def test_vendor_csv_manifest_and_a_growing_manifest(tmp_path: Path) -> None:
    clock = Clock()
    header = "documentKey,symbol,headline,date,price_sensitive,types,file\n"
    rows = ["C-1,DEF,Assays received,2024-05-08,1,Drilling;Quarterly,c1.txt\n",
            "C-2,,Corporate update,2024-05-07T12:00:00Z,no,,c2.html\n"]
    write_aged(tmp_path / "c1.txt", "Hole 1: 4m @ 2 g/t Au")
    write_aged(tmp_path / "c2.html", "<p>Update</p>")
    csv_path = write_aged(tmp_path / "feed.csv", header + "".join(rows))
    source = vendor_source(tmp_path, clock)

    items = poll(source)
    assert [(i.key, i.ticker, i.price_sensitive, i.types) for i in items] == [
        ("C-2", None, False, ()), ("C-1", "DEF", True, ("Drilling", "Quarterly"))]  # oldest first
    assert items[1].published_at == datetime(2024, 5, 8, tzinfo=UTC) and items[1].content == b"Hole 1: 4m @ 2 g/t Au"

    write_aged(tmp_path / "c3.pdf", PDF)
    csv_path.write_text(header + "".join(rows) + "C-3,GHI,Maiden resource,2024-05-09T08:00:00,true,,c3.pdf\n")
    age(csv_path, 60)
    assert [i.key for i in poll(source)] == ["C-3"]  # the grown manifest delivers only its new item
    assert poll(source) == []


def test_vendor_malformed_manifests_are_recorded_without_losing_good_items(tmp_path: Path) -> None:
    clock = Clock()
    write_aged(tmp_path / "good.json", json.dumps([
        {"id": "G-1", "headline": "Good", "file": "g1.pdf", "published": "yesterday"},
        {"headline": "No id", "file": "g1.pdf"},
        {"id": "G-3", "file": "../outside.pdf"},
    ]))
    write_aged(tmp_path / "g1.pdf", PDF)
    write_aged(tmp_path / "broken.json", '{"items": [{"id": "B-1", ')
    write_aged(tmp_path / "columns.csv", "id,headline\nX-1,No file column\n")

    source = vendor_source(tmp_path, clock)
    [good] = poll(source)
    assert good.key == "G-1" and good.published_at is None and good.headline == "Good"
    assert len(source.problems) == 5
    assert any(p.startswith("broken.json: bad JSON at line 1") for p in source.problems)
    assert "columns.csv: missing column(s) 'file' in the header row" in source.problems
    assert "good.json: item 2: no 'id'" in source.problems
    assert "good.json: G-3: file '../outside.pdf' is outside the drop folder" in source.problems
    assert any("'yesterday' is not an ISO 8601" in p for p in source.problems)

    (tmp_path / "broken.json").write_text(json.dumps({"items": [{"id": "B-1", "file": "g1.pdf"}]}))
    age(tmp_path / "broken.json", 10)
    assert [i.key for i in poll(source)] == ["B-1"]  # fixed: parsed again
    assert not any(p.startswith("broken.json") for p in source.problems)


def test_vendor_drop_with_only_broken_manifests_raises_once(tmp_path: Path) -> None:
    clock = Clock()
    write_aged(tmp_path / "a.json", "not json")
    write_aged(tmp_path / "b.json", '{"rows": []}')
    source = vendor_source(tmp_path, clock)
    with pytest.raises(SourceError, match=r"2 of 2 new manifest\(s\) unreadable.*a.json: bad JSON"):
        poll(source)
    assert poll(source) == []  # unchanged broken manifests: reported in problems, not raised again
    assert source.problems == ["a.json: bad JSON at line 1 column 1: Expecting value",
                               "b.json: a JSON manifest is a list of items or an object with an 'items' list"]
    with pytest.raises(BadInput, match="does not exist"):
        vendor_source(tmp_path / "nowhere", clock)
