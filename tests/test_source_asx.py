"""The ``asx`` source against the local fake ASX server (real HTTP on 127.0.0.1, no internet)."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest

from oresight._http import HttpClient
from oresight.exceptions import BadInput
from oresight.sources.asx import OVERLAP, AsxSource, parse_size
from oresight.sources.base import NotReady, SourceError
from oresight.testing.fake_asx import DayItem, FakeASX, RequestRecord

T = TypeVar("T")
PDF = b"%PDF-1.4\n% test document\n%%EOF\n"
LIST = "/asx-research/1.0/markets/announcements"


_SSL = ssl.create_default_context()  # made once: loading the CA bundle per client costs ~0.1 s


@pytest.fixture(scope="module")
def server() -> Iterator[FakeASX]:
    with FakeASX(seed=1) as fake:
        yield fake


@pytest.fixture
def asx(server: FakeASX) -> FakeASX:
    server.reset()
    return server


def run(scenario: Callable[[HttpClient], Awaitable[T]]) -> T:
    """Run an async scenario with a fresh HTTP client (one event loop per test)."""

    async def main() -> T:
        async with HttpClient(timeout=5, verify=_SSL) as client:
            return await scenario(client)

    return asyncio.run(main())


def source(asx: FakeASX, client: HttpClient, **options: Any) -> AsxSource:
    return AsxSource("asx", {"base_url": asx.base_url, **options}, client)


def lists(asx: FakeASX) -> list[RequestRecord]:
    return [r for r in asx.requests if r.path.endswith("/announcements")]


def publish_many(asx: FakeASX, n: int, prefix: str = "Item", **kw: Any) -> list[str]:
    return [asx.publish(f"{prefix} {i}", PDF + str(i).encode(), symbol="ABC", **kw)["documentKey"] for i in range(n)]


def test_parses_items_into_announcements(asx: FakeASX) -> None:
    at = datetime(2026, 11, 27, 22, 31, 5, tzinfo=UTC)
    item = asx.publish("  Drilling   intersects 12 m @ 4.1 g/t Au ", PDF, symbol="abc", price_sensitive=True,
                       types=("Progress Report", "Drilling Results"), at=at)

    async def scenario(client: HttpClient) -> Any:
        return await source(asx, client).fetch()

    (got,) = run(scenario)
    key = item["documentKey"]
    assert item["date"] == "2026-11-27T22:31:05.000Z"
    assert got.source == "asx" and got.key == key and got.uid == f"asx:{key}"
    assert got.headline == "Drilling intersects 12 m @ 4.1 g/t Au"
    assert got.published_at == at and got.published_at.tzinfo is not None
    assert got.ticker == "ABC" and got.price_sensitive is True
    assert got.types == ("Progress Report", "Drilling Results")
    assert got.url == f"{asx.base_url}/file/{key}" and got.filename == f"{key}.pdf"
    assert got.size == len(PDF) and got.content is None


def test_tolerates_odd_items_and_text_file_sizes(asx: FakeASX) -> None:
    body = {"data": {"items": [
        {"documentKey": "K-1", "headline": "Quarterly Activities Report", "date": "2026-11-27T01:00:00",
         "companyInfo": [{"symbol": "xyz", "displayName": "Xyz Metals Ltd"}], "fileSize": "240KB",
         "announcementTypes": "Quarterly Activities Report", "isPriceSensitive": "false"},
        {"documentKey": "K-2", "headline": "Appendix 2A", "fileSize": "1.5 MB"},
        {"headline": "no key"}, {"documentKey": "K-3"}, {"documentKey": "K-4", "headline": "   "}, "junk", None,
    ]}}
    asx.respond_next(1, body=json.dumps(body))

    async def scenario(client: HttpClient) -> Any:
        return await source(asx, client).fetch()

    got = {a.key: a for a in run(scenario)}
    assert sorted(got) == ["K-1", "K-2"]
    assert got["K-1"].ticker == "XYZ" and got["K-1"].size == 240 * 1024
    assert got["K-1"].published_at == datetime(2026, 11, 27, 1, tzinfo=UTC)
    assert got["K-1"].types == ("Quarterly Activities Report",) and got["K-1"].price_sensitive is False
    assert dict(got["K-1"].meta) == {"company": "Xyz Metals Ltd"}
    assert got["K-2"].ticker is None and got["K-2"].published_at is None and got["K-2"].price_sensitive is None
    assert got["K-2"].size == int(1.5 * 1024 * 1024) and got["K-2"].types == ()


def test_parse_size() -> None:
    assert parse_size(245760) == 245760
    assert parse_size("245760") == 245760
    assert parse_size("240KB") == 245760
    assert parse_size("2 mb") == 2 * 1024 * 1024
    assert parse_size("12B") == 12
    assert parse_size("about a megabyte") is None
    assert parse_size(True) is None and parse_size(None) is None and parse_size(-3) is None


def test_first_run_takes_page_zero_only_then_only_new_items(asx: FakeASX) -> None:
    keys = publish_many(asx, 7)
    got: dict[str, list[str]] = {}

    async def scenario(client: HttpClient) -> list[RequestRecord]:
        src = source(asx, client, items_per_page=3)
        got["first"] = [a.key for a in await src.fetch()]
        first_requests = lists(asx)
        got["later"] = publish_many(asx, 2, prefix="Later")
        got["second"] = [a.key for a in await src.fetch()]
        got["third"] = [a.key for a in await src.fetch()]
        return first_requests

    first_requests = run(scenario)
    assert got["first"] == keys[4:], "first run: the newest page only, oldest first"
    assert [(r.query["page"], r.query["itemsPerPage"]) for r in first_requests] == [("0", "3")]
    assert got["second"] == got["later"], "later polls: only what is new"
    assert got["third"] == []


def test_pages_back_when_a_whole_page_is_new(asx: FakeASX) -> None:
    publish_many(asx, 2, prefix="Old")

    async def scenario(client: HttpClient) -> tuple[list[str], list[str]]:
        src = source(asx, client, items_per_page=3)
        await src.fetch()
        asx.clear_requests()
        burst = publish_many(asx, 7, prefix="Burst")
        return burst, [a.key for a in await src.fetch()]

    burst, got = run(scenario)
    assert got == burst, "every new item, oldest first, none twice"
    assert [r.query["page"] for r in lists(asx)] == ["0", "1", "2"]  # page 2 holds an already-seen item


def test_state_survives_a_restart_without_duplicates(asx: FakeASX) -> None:
    publish_many(asx, 4)

    async def scenario(client: HttpClient) -> list[str]:
        first = source(asx, client)
        await first.fetch()
        state = json.loads(json.dumps(first.state))  # what the runtime stores
        state.pop("etags")
        state.pop("modified")  # no conditional request: the seen keys alone must de-duplicate
        again = source(asx, client)
        again.restore(state)
        return [a.key for a in await again.fetch()]

    assert run(scenario) == []
    assert [r.status for r in lists(asx)] == [200, 200]


def test_conditional_request_gets_304(asx: FakeASX) -> None:
    publish_many(asx, 2)

    async def scenario(client: HttpClient) -> list[Any]:
        src = source(asx, client)
        await src.fetch()
        return list(await src.fetch())

    assert run(scenario) == []
    first, second = lists(asx)
    assert first.status == 200 and "if-none-match" not in first.headers
    assert second.status == 304 and second.headers["if-none-match"].startswith('"')
    assert "if-modified-since" in second.headers


def test_catch_up_by_date_range_after_an_outage(asx: FakeASX) -> None:
    now = datetime.now(UTC)
    asx.publish("Before the outage", PDF, symbol="ABC", at=now - timedelta(hours=1))
    state: dict[str, Any] = {}

    async def before(client: HttpClient) -> None:
        src = source(asx, client, items_per_page=3)
        assert len(await src.fetch()) == 1
        state.update(json.loads(json.dumps(src.state)))

    run(before)
    state["polled_at"] = (now - timedelta(hours=1)).isoformat()  # the last good poll was an hour ago
    missed = [asx.publish(f"During {i}", PDF, symbol="DEF", at=now - timedelta(minutes=50 - 5 * i))["documentKey"]
              for i in range(8)]
    asx.publish("Back-dated, before the cursor", PDF, symbol="GHI", at=now - timedelta(hours=3))
    asx.clear_requests()

    async def after(client: HttpClient) -> tuple[list[str], list[Any]]:
        src = source(asx, client, items_per_page=3)
        src.restore(state)
        caught = [a.key for a in await src.fetch()]
        return caught, list(await src.fetch())

    caught, next_poll = run(after)
    assert caught == missed
    ranged = [r for r in lists(asx) if "dateStart" in r.query]
    assert [r.query["page"] for r in ranged] == ["0", "1", "2", "3"]  # 9 items in range: 3 full pages
    start = datetime.fromisoformat(ranged[0].query["dateStart"])
    assert start == datetime.fromisoformat(state["last_date"]) - OVERLAP
    assert datetime.fromisoformat(ranged[0].query["dateEnd"]) >= now
    assert next_poll == [] and lists(asx)[-1].status == 304  # then normal (conditional) polling resumes


def test_catch_up_never_reaches_further_back_than_catch_up_hours(asx: FakeASX) -> None:
    async def scenario(client: HttpClient) -> None:
        src = source(asx, client, catch_up_hours=2)
        src.restore({"last_date": "2020-01-01T00:00:00.000Z", "polled_at": "2020-01-01T00:00:00.000Z"})
        await src.fetch()

    run(scenario)
    start = datetime.fromisoformat(lists(asx)[0].query["dateStart"])
    assert abs((datetime.now(UTC) - timedelta(hours=2) - start).total_seconds()) < 5


def test_429_reports_retry_after_and_keeps_state(asx: FakeASX) -> None:
    publish_many(asx, 1)
    asx.fail_next(1, status=429, retry_after=7)

    async def scenario(client: HttpClient) -> tuple[SourceError, dict[str, Any], int]:
        src = source(asx, client)
        with pytest.raises(SourceError) as err:
            await src.fetch()
        state = dict(src.state)
        return err.value, state, len(await src.fetch())

    error, state, later = run(scenario)
    assert error.status == 429 and error.retry_after == pytest.approx(7)
    assert "429" in str(error) and "\n" not in str(error)
    assert state == {} and later == 1


def test_503_and_outage_raise_source_error(asx: FakeASX) -> None:
    asx.fail_next(1, status=503)

    async def scenario(client: HttpClient) -> list[SourceError]:
        src = source(asx, client)
        errors = []
        for _ in range(2):
            try:
                await src.fetch()
            except SourceError as e:
                errors.append(e)
            asx.down()
        asx.up()
        await src.fetch()
        return errors

    errors = run(scenario)
    assert [e.status for e in errors] == [503, 503] and errors[0].retry_after is None
    assert [r.status for r in lists(asx)] == [503, 503, 200]


@pytest.mark.parametrize("body, content_type, message", [
    ("<html><body>Service temporarily unavailable</body></html>", "text/html", "not JSON"),
    ('{"data": {"items": [', "application/json", "not JSON"),
    ('{"data": 5}', "application/json", "unexpected response shape"),
    ('[1, 2]', "application/json", "unexpected response shape"),
    ('{"data": {"items": {"a": 1}}}', "application/json", "unexpected response shape"),
])
def test_malformed_body_raises_one_line_source_error(asx: FakeASX, body: str, content_type: str,
                                                     message: str) -> None:
    asx.respond_next(1, body=body, content_type=content_type)

    async def scenario(client: HttpClient) -> SourceError:
        with pytest.raises(SourceError) as err:
            await source(asx, client).fetch()
        return err.value

    error = run(scenario)
    assert message in str(error) and "\n" not in str(error) and str(error).startswith("asx: /markets")


def test_network_error_raises_source_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there

    async def scenario(client: HttpClient) -> SourceError:
        src = AsxSource("asx", {"base_url": f"http://127.0.0.1:{port}/asx-research/1.0"}, client)
        with pytest.raises(SourceError) as err:
            await src.fetch()
        return err.value

    error = run(scenario)
    assert "ConnectError" in str(error) and error.status is None


def test_pdf_lag_gives_not_ready_then_the_bytes(asx: FakeASX) -> None:
    asx.publish("Large PDF", PDF, symbol="ABC", pdf_delay=0.3)

    async def scenario(client: HttpClient) -> bytes:
        src = source(asx, client)
        (item,) = await src.fetch()
        with pytest.raises(NotReady):
            await src.download(item)
        await asyncio.sleep(0.35)
        return await src.download(item)

    assert run(scenario) == PDF
    assert [r.status for r in asx.requests if "/file/" in r.path] == [404, 200]


def test_access_token_is_sent_with_every_request() -> None:
    with FakeASX(access_token="s3cret") as asx:
        asx.publish("Tokened", PDF, symbol="ABC")

        async def scenario(client: HttpClient) -> tuple[str | None, bytes, SourceError]:
            src = source(asx, client, access_token="s3cret")
            (item,) = await src.fetch()
            data = await src.download(item)
            with pytest.raises(SourceError) as err:
                await source(asx, client).fetch()
            return item.url, data, err.value

        url, data, refused = run(scenario)
        assert data == PDF and url is not None and "s3cret" not in url  # stored URLs carry no token
        assert refused.status == 403
        assert [r.query.get("access_token") for r in asx.requests] == ["s3cret", "s3cret", None]


def test_price_sensitive_only_is_passed_through(asx: FakeASX) -> None:
    sensitive = asx.publish("Maiden resource", PDF, symbol="ABC", price_sensitive=True)["documentKey"]
    asx.publish("Appendix 3Y", PDF, symbol="ABC", price_sensitive=False)

    async def scenario(client: HttpClient) -> list[str]:
        return [a.key for a in await source(asx, client, price_sensitive_only=True).fetch()]

    assert run(scenario) == [sensitive]
    assert lists(asx)[0].query["priceSensitiveOnly"] == "true"


def test_per_company_lists_when_tickers_are_set(asx: FakeASX) -> None:
    abc = asx.publish("ABC drilling", PDF, symbol="ABC")["documentKey"]
    asx.publish("Other company", PDF, symbol="ZZZ")
    asx.replay([DayItem(offset=0, headline="DEF placement", symbol="DEF", pdf=PDF, price_sensitive=True)])

    async def scenario(client: HttpClient) -> list[Any]:
        src = source(asx, client, tickers="abc, DEF")
        got = list(await src.fetch())
        got += await src.fetch()
        return got

    got = run(scenario)
    assert {a.ticker for a in got} == {"ABC", "DEF"} and len(got) == 2 and abc in {a.key for a in got}
    paths = [r.path for r in lists(asx)]
    assert paths[:2] == ["/asx-research/1.0/companies/ABC/announcements", "/asx-research/1.0/companies/DEF/announcements"]
    assert LIST not in paths and [r.status for r in lists(asx)][2:] == [304, 304]


def test_replay_schedules_items(asx: FakeASX) -> None:
    t0 = time.time()
    asx.replay([DayItem(offset=3600, headline="Later", symbol="ABC", pdf=PDF)], speed=3600 / 0.2)
    key = asx.keys[0]
    assert asx.published_at(key) == pytest.approx(t0 + 0.2, abs=0.05)

    async def scenario(client: HttpClient) -> tuple[int, int]:
        src = source(asx, client)
        early = len(await src.fetch())
        await asyncio.sleep(0.25)
        return early, len(await src.fetch())

    assert run(scenario) == (0, 1)


@pytest.mark.parametrize("options, message", [
    ({"items_per_page": 0}, "items_per_page"),
    ({"items_per_page": "many"}, "items_per_page"),
    ({"price_sensitive_only": "perhaps"}, "price_sensitive_only"),
    ({"tickers": ["ABC", "not a ticker"]}, "tickers"),
    ({"catch_up_hours": -1}, "catch_up_hours"),
    ({"base_url": "ftp://x"}, "base_url"),
    ({"itemsPerPage": 5}, "unknown option"),
])
def test_bad_options_raise_bad_input(options: dict[str, Any], message: str) -> None:
    async def scenario(client: HttpClient) -> None:
        AsxSource("asx", options, client)

    with pytest.raises(BadInput, match=message):
        run(scenario)


def test_pdfs_can_come_from_another_host() -> None:
    async def scenario(client: HttpClient) -> None:
        src = AsxSource("asx", {"base_url": "http://127.0.0.1:9/asx-research/1.0",
                                "file_base_url": "http://127.0.0.1:8/cdn/asx-research/1.0/"}, client)
        assert src.file_url("2924-02900123-3A6543210") == \
            "http://127.0.0.1:8/cdn/asx-research/1.0/file/2924-02900123-3A6543210"
        with pytest.raises(BadInput, match="file_base_url"):
            AsxSource("asx", {"file_base_url": "ftp://x"}, client)

    run(scenario)
