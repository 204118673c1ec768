"""The JSON API (oresight.web.api, in create_app): filters and pagination, token auth, one-line 4xx errors,
and the retry of a dead letter through a running watcher. Real sample announcements, SQLite."""

from __future__ import annotations

import asyncio
import hashlib
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from tests.realtime_helpers import Receiver, config, running, wait_until

from oresight.alerts.model import Alert
from oresight.assess.service import Assessor, published_date
from oresight.config import Config
from oresight.pipeline import analyse_path
from oresight.store import ALERT_DEAD, ALERT_PENDING, OutboxEntry, Store
from oresight.watch import Watcher
from oresight.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
SAMPLES = [CORPUS / "kjg-001.txt", ROOT / "samples" / "novelty" / "nov-001.txt", CORPUS / "kjg-005.md",
           CORPUS / "brl-003.html", CORPUS / "brl-001.txt", CORPUS / "acz-001.pdf"]
CONFIG_TOKEN = "config-secret-token"
HOOK_SECRET = "webhook-signing-secret"


def ingest(store: Store, paths: list[Path]) -> dict[str, int]:
    store.migrate()
    assessor = Assessor(store)
    read = sorted(((published_date(a.document), p, a) for p, a in ((p, analyse_path(p)) for p in paths)),
                  key=lambda r: (r[0] or datetime.max.replace(tzinfo=UTC), r[1].name))
    ids = {}
    for when, path, analysis in read:
        ann_id, _, _ = assessor.ingest(analysis, source=str(path), published_at=when)
        ids[path.name] = ann_id
    return ids


def api_config(*, push_token: str | None = CONFIG_TOKEN) -> Config:
    return config(None, "http://127.0.0.1:9/hook", watch={"push_token": push_token},
                  channels={"hook": {"kind": "webhook", "url": "http://127.0.0.1:9/hook", "secret": HOOK_SECRET}},
                  rules=[{"name": "gold", "channels": ["hook"], "commodities": ["Au"], "min_score": 40}])


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}")
    ids = ingest(store, SAMPLES)
    yield store, ids
    store.close()


@pytest.fixture(scope="module")
def client(archive: tuple[Store, dict[str, int]]) -> Iterator[TestClient]:
    store, _ = archive
    watcher = Watcher(api_config(), store, workers=0)
    with TestClient(create_app(watcher)) as c:
        yield c
    asyncio.run(watcher.client.aclose())


def _pages(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        r = client.get("/api/announcements", params={**params, "limit": 2, "offset": offset})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        assert body["offset"] == offset and body["limit"] == 2
        offset = body["next_offset"]
    return items


# -- reading ------------------------------------------------------------------------------------------


def test_announcements_pages_and_filters_agree_with_the_store(client: TestClient,
                                                               archive: tuple[Store, dict[str, int]]) -> None:
    store, ids = archive
    every = _pages(client)
    assert [c["id"] for c in every] == [c.id for c in store.browse(limit=200).items]
    assert sorted(c["id"] for c in every) == sorted(ids.values())
    first = client.get("/api/announcements", params={"limit": 2}).json()
    assert first["total"] == len(ids) and first["next_offset"] == 2
    for params in ({"commodity": "au"}, {"ticker": "kjg"}, {"band": "significant"}, {"type": "drilling"},
                   {"min_score": 50}, {"q": "spodumene"}, {"since": "2025-01-01T00:00:00Z"},
                   {"until": "2025-01-01T00:00:00"}, {"ticker": "KJG", "min_score": 30, "commodity": "Au"}):
        got = [c["id"] for c in _pages(client, **params)]
        kwargs = {("query" if k == "q" else k): v for k, v in params.items()}
        for k in ("since", "until"):
            if k in kwargs:
                kwargs[k] = datetime.fromisoformat(str(kwargs[k]).replace("Z", "+00:00"))
        assert got == [c.id for c in store.browse(**kwargs, limit=200).items], params
    assert {c["id"] for c in _pages(client, commodity="Au")} < set(ids.values())
    assert _pages(client, commodity="Au") and _pages(client, ticker="KJG")


def test_announcement_detail_keeps_its_contract_and_adds_facts_and_related(
        client: TestClient, archive: tuple[Store, dict[str, int]]) -> None:
    store, ids = archive
    dup = ids["nov-001.txt"]
    body = client.get(f"/api/announcements/{dup}").json()
    stored = store.get(dup)
    assert stored is not None and stored.text is not None
    assert {"id", "title", "ticker", "source", "published_at", "extraction", "assessment"} <= set(body)
    assert body["extraction"] == dict(stored.extraction) and body["assessment"] == store.assessment(dup)
    assert body["card"]["id"] == dup and body["card"]["novelty"] == "duplicate"
    assert ids["kjg-001.txt"] in [c["id"] for c in body["related"]]
    facts = client.get(f"/api/announcements/{dup}/facts").json()
    assert facts == body["facts"] and len(facts["intercepts"]) == len(stored.intercepts) > 0
    pages = stored.text.split("\n\f")
    for i in facts["intercepts"]:
        assert pages[i["span"]["page"] - 1][i["span"]["start"]:i["span"]["end"]] == i["surface"]
    gold = next(c for c in facts["commodities"] if c["symbol"] == "Au")
    assert gold["intercepts"] == len(stored.intercepts) and len(gold["spans"]) == len(stored.intercepts)
    assessment = client.get(f"/api/announcements/{dup}/assessment").json()
    assert assessment == {"id": dup, "assessment": store.assessment(dup)}


def test_search_companies_commodities_rules_sources(client: TestClient, archive: tuple[Store, dict[str, int]]) -> None:
    store, _ = archive
    hits = client.get("/api/search", params={"q": "spodumene"}).json()
    assert [h["id"] for h in hits["items"]] == [h.id for h in store.search("spodumene")] and hits["items"]
    assert "<mark>" in hits["items"][0]["snippet_html"]
    companies = client.get("/api/companies", params={"limit": 1}).json()
    assert len(companies["items"]) == 1 and companies["next_offset"] == 1
    rest = client.get("/api/companies", params={"offset": 1}).json()
    assert [c["ticker"] for c in companies["items"] + rest["items"]] == [c.ticker for c in store.companies()]
    kjg = client.get("/api/companies/kjg").json()
    assert kjg["ticker"] == "KJG" and len(kjg["announcements"]) == store.browse(ticker="KJG").total
    assert kjg["best_intercepts"] and all(r["ticker"] == "KJG" for r in kjg["best_intercepts"])
    commodities = client.get("/api/commodities").json()["items"]
    assert [(c["symbol"], c["announcements"]) for c in commodities] == store.commodities()
    gold = client.get("/api/commodities/au", params={"since": "2000-01-01"}).json()
    assert gold["commodity"] == "Au" and gold["metric"] == "g/t*m Au" and gold["items"]
    values = [r["value"] for r in gold["items"]]
    assert values == sorted(values, reverse=True)
    rules = client.get("/api/rules").json()["items"]
    assert rules == [{"name": "gold", "mode": "urgent", "early": False, "channels": [{"name": "hook", "kind": "webhook"}],
                      "tickers": [], "commodities": ["Au"], "min_score": 40.0, "min_band": None, "types": [],
                      "price_sensitive_only": False, "keywords": []}]
    assert HOOK_SECRET not in client.get("/api/rules").text
    store.source_ok("feed-x", "feed", state={}, new_items=3)
    sources = client.get("/api/sources").json()["items"]
    shown = {k: sources[0][k] for k in ("name", "kind", "configured", "healthy")}
    assert shown == {"name": "feed-x", "kind": "feed", "configured": False, "healthy": True}
    assert sources[0]["items_seen"] == 3


# -- errors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "params", "status", "says"), [
    ("/api/announcements", {"limit": 0}, 422, "limit"),
    ("/api/announcements", {"limit": 201}, 422, "limit"),
    ("/api/announcements", {"offset": -1}, 422, "offset"),
    ("/api/announcements", {"band": "huge"}, 422, "band"),
    ("/api/announcements", {"type": "nonsense"}, 422, "unknown type 'nonsense'"),
    ("/api/announcements", {"ticker": "K;G"}, 422, "ticker"),
    ("/api/announcements", {"min_score": "nan"}, 422, "min_score"),
    ("/api/announcements", {"since": "yesterday"}, 422, "since"),
    ("/api/announcements", {"since": "0001-01-01T00:00:00+05:00"}, 422, "since"),
    ("/api/announcements", {"q": "x" * 1001}, 422, "q"),
    ("/api/announcements/0", {}, 422, "announcement_id"),
    ("/api/announcements/99999999999", {}, 422, "announcement_id"),
    ("/api/announcements/abc", {}, 422, "announcement_id"),
    ("/api/announcements/999999", {}, 404, "no announcement 999999"),
    ("/api/announcements/999999/facts", {}, 404, "no announcement 999999"),
    ("/api/announcements/999999/assessment", {}, 404, "no announcement 999999"),
    ("/api/search", {}, 422, "q"),
    ("/api/companies/NOPE", {}, 404, "no announcement of NOPE"),
    ("/api/commodities/Kryptonite", {}, 404, "unknown commodity 'Kryptonite'"),
    ("/api/deliveries", {"status": "lost"}, 422, "status"),
    ("/api/deliveries", {"rule": "a b"}, 422, "rule"),
])
def test_bad_input_is_a_one_line_4xx(client: TestClient, path: str, params: dict[str, Any], status: int,
                                     says: str) -> None:
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and says in detail
    assert set(r.json()) == {"detail"}


def test_hostile_filters_never_reach_the_database_as_errors(client: TestClient) -> None:
    for params in ({"q": "\x00NEAR(gold"}, {"q": '"'}, {"q": "' OR 1=1 --"}):
        assert client.get("/api/announcements", params=params).status_code == 200
        assert client.get("/api/search", params=params).status_code == 200
    assert client.get("/api/alerts", params={"rule": "\x00"}).status_code == 200


# -- writes and tokens --------------------------------------------------------------------------------


def _write_routes(app: Any) -> list[tuple[str, str]]:
    """Every write operation under /api the app declares (path parameters filled in)."""
    routes = []
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            if path.startswith("/api") and method.upper() in ("POST", "PUT", "PATCH", "DELETE"):
                routes.append((method.upper(), path.replace("{delivery_id}", "1").replace("{alert_id}", "1")))
    return routes


def test_every_write_needs_a_valid_token_hashed_at_rest(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'tokens.db'}")
    store.migrate()
    watcher = Watcher(api_config(push_token=None), store, workers=0)
    app = create_app(watcher)
    writes = _write_routes(app)
    assert {p for _, p in writes} >= {"/api/announcements", "/api/deliveries/1/retry", "/api/alerts/1/retry"}
    with TestClient(app) as c:
        for method, path in writes:  # no token exists at all: writes are off
            r = c.request(method, path)
            assert r.status_code == 403 and "oresight tokens create" in r.json()["detail"]
        secret = store.create_token("ci")
        for method, path in writes:
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {secret}"},
                            {"Authorization": f"Bearer {secret}x"}):
                r = c.request(method, path, headers=headers)
                assert r.status_code == 401, (method, path, headers)
                assert r.json() == {"detail": "missing or wrong token (Authorization: Bearer <token>)"}
                assert r.headers["www-authenticate"] == "Bearer"
            r = c.request(method, path, headers={"Authorization": f"Bearer {secret}"})
            assert r.status_code not in (401, 403), (method, path)  # past the gate: 404, 415, ...
        ok = c.post("/api/announcements", headers={"Authorization": f"Bearer {secret}"},
                    json={"headline": "Pushed", "text": "Kestrel Gold Limited (ASX: KGL)\nKRC001: 24m @ 6.1 g/t Au."})
        assert ok.status_code == 202 and ok.json()["created"] is True
        assert store.revoke_token("ci")
        assert c.post("/api/announcements", headers={"Authorization": f"Bearer {secret}"},
                      json={"headline": "x", "text": "y"}).status_code == 403  # no active token left
    with store.engine.connect() as conn:
        stored = [" ".join(str(v) for v in row) for row in conn.execute(text("SELECT * FROM api_tokens"))]
    assert stored and not any(secret in row for row in stored)
    assert hashlib.sha256(secret.encode()).hexdigest() in stored[0]
    assert store.tokens()[0].last_used_at is not None
    asyncio.run(watcher.client.aclose())
    store.close()


def test_the_configured_push_token_still_works(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {CONFIG_TOKEN}"}
    assert client.post("/api/deliveries/999999/retry", headers=auth).status_code == 404
    assert client.post("/api/deliveries/999999/retry").status_code == 401


def _dead_letter(store: Store, rule: str, channel: str, ann_id: int | None = None) -> int:
    alert = Alert(key=f"{rule}|{channel}|test:1|final", rule=rule, phase="assessed", announcement="test:1",
                  headline="Retried <b>alert</b>", why=f"rule {rule!r}: every announcement", ticker="KJG",
                  announcement_id=ann_id, created_at=datetime.now(UTC))
    [(alert_id, _)] = store.add_alerts([OutboxEntry(alert.key, rule, channel, "assessed", alert.to_json(),
                                                    None, ann_id)])
    store.record_outcomes([], [(alert_id, "refused: HTTP 404", None)])
    assert store.alert(alert_id).status == ALERT_DEAD  # type: ignore[union-attr]
    return alert_id


def test_retrying_a_dead_letter_delivers_it(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'retry.db'}")
    ids = ingest(store, [CORPUS / "kjg-001.txt"])
    hook = Receiver()
    cfg = config(None, hook.url, rules=[{"name": "all", "channels": ["hook"]}])
    secret = store.create_token("ops")
    dead = _dead_letter(store, "all", "hook", ids["kjg-001.txt"])
    with running(cfg, store) as w:
        base = w.public_url
        listing = httpx.get(f"{base}/api/deliveries", params={"status": "dead"}).json()
        assert [d["id"] for d in listing["items"]] == [dead] and listing["counts"] == {"dead": 1}
        assert listing["items"][0]["last_error"] == "refused: HTTP 404"
        assert httpx.post(f"{base}/api/deliveries/{dead}/retry").status_code == 401
        r = httpx.post(f"{base}/api/deliveries/{dead}/retry", headers={"Authorization": f"Bearer {secret}"})
        assert r.status_code == 200 and r.json() == {"id": dead, "status": ALERT_PENDING}
        [body] = hook.wait_for(1)
        wait_until(lambda: store.alert(dead).status == "delivered", what="the retry recorded")  # type: ignore[union-attr]
        again = httpx.post(f"{base}/api/deliveries/{dead}/retry", headers={"Authorization": f"Bearer {secret}"})
        assert again.status_code == 409 and again.json() == {"detail": f"delivery {dead} is not a dead letter"}
        log = httpx.get(f"{base}/api/alerts").json()  # the old route keeps its shape
        assert set(log) == {"items", "limit", "offset", "counts"} and log["items"][0]["status"] == "delivered"
    assert body["headline"] == "Retried <b>alert</b>" and body["announcement_id"] == ids["kjg-001.txt"]
    store.close()


def test_deliveries_paginate_and_filter(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'log.db'}")
    store.migrate()
    made = [_dead_letter(store, rule, "hook") for rule in ("r1", "r2", "r3")]
    [(delivered, _)] = store.add_alerts([OutboxEntry("r1|hook|x|final", "r1", "hook", "assessed", {"k": 1})])
    store.record_outcomes([delivered], [])
    watcher = Watcher(api_config(), store, workers=0)
    with TestClient(create_app(watcher)) as c:
        seen: list[int] = []
        offset: int | None = 0
        while offset is not None:
            page = c.get("/api/deliveries", params={"limit": 2, "offset": offset}).json()
            seen += [d["id"] for d in page["items"]]
            offset = page["next_offset"]
        assert seen == sorted([*made, delivered], reverse=True)
        assert [d["id"] for d in c.get("/api/deliveries", params={"rule": "r1"}).json()["items"]] == [delivered, made[0]]
        dead = c.get("/api/deliveries", params={"status": "dead", "channel": "hook"}).json()
        assert [d["id"] for d in dead["items"]] == made[::-1] and dead["counts"] == {"dead": 3, "delivered": 1}
    asyncio.run(watcher.client.aclose())
    store.close()


def test_openapi_schema_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/announcements", "/api/announcements/{announcement_id}", "/api/announcements/{announcement_id}/facts",
                 "/api/announcements/{announcement_id}/assessment", "/api/search", "/api/companies",
                 "/api/companies/{ticker}", "/api/commodities", "/api/commodities/{symbol}", "/api/rules",
                 "/api/deliveries", "/api/deliveries/{delivery_id}/retry", "/api/sources"):
        assert path in paths, path
    listing = paths["/api/announcements"]["get"]
    assert listing["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/AnnouncementPageOut"}
    assert listing["responses"]["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}
    assert paths["/api/deliveries/{delivery_id}/retry"]["post"]["security"] == [{"token": []}]
    assert paths["/api/announcements"]["post"]["security"] == [{"token": []}]
    assert "security" not in listing
    limit = next(p for p in listing["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 200


def test_naive_and_aware_times_mean_the_same_instant(client: TestClient) -> None:
    aware = _pages(client, since="2025-07-21T10:00:00+10:00")
    naive = _pages(client, since="2025-07-21T00:00:00")
    assert [c["id"] for c in aware] == [c["id"] for c in naive] and aware
    assert all(datetime.fromisoformat(c["published_at"].replace("Z", "+00:00")) >= datetime(2025, 7, 21, tzinfo=UTC)
               for c in aware if c["published_at"])


# -- the commands ---------------------------------------------------------------------------------------


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "oresight.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_tokens_commands(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    created = _cli("tokens", "create", "deploy", "--database", db)
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    assert len(secret) >= 40 and "not shown again" in created.stderr
    listed = _cli("tokens", "list", "--database", db)
    assert listed.returncode == 0 and "deploy" in listed.stdout and secret not in listed.stdout
    again = _cli("tokens", "create", "deploy", "--database", db)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "exists already" in again.stderr
    with Store(db) as store:
        assert store.check_token(secret)
    assert _cli("tokens", "revoke", "deploy", "--database", db).returncode == 0
    gone = _cli("tokens", "revoke", "deploy", "--database", db)
    assert gone.returncode == 2 and "no active token named 'deploy'" in gone.stderr
    with Store(db) as store:
        assert not store.check_token(secret)


def test_serve_serves_the_api_and_stops_cleanly(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    with Store(db) as store:
        ingest(store, [CORPUS / "kjg-001.txt"])
    proc = subprocess.Popen([sys.executable, "-m", "oresight.cli", "serve", "--listen", "127.0.0.1:0", "--database",
                             db, "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("Oresight dashboard: http://127.0.0.1:") and line.endswith("/\n"), line
        base = line.split(": ", 1)[1].strip()
        listing = httpx.get(f"{base}api/announcements", timeout=10).json()
        assert listing["total"] == 1 and listing["items"][0]["ticker"] == "KJG"
        assert httpx.post(f"{base}api/deliveries/1/retry", timeout=10).status_code == 403  # no token at all
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert "oresight serve stopped" in stderr


@pytest.mark.parametrize(("args", "says"), [
    (["--listen", "nowhere"], "is not HOST:PORT"),
    (["--listen", ""], "needs HOST:PORT"),
    (["--database", "mysql://db/x"], "unsupported database"),
    (["--workers", "0"], "--workers"),
])
def test_serve_rejects_bad_options_in_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    r = _cli("serve", "--database", f"sqlite:///{tmp_path / 'x.db'}", "--listen", "127.0.0.1:0", *args)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and says in r.stderr, r.stderr


def test_serve_refuses_an_address_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = _cli("serve", "--database", f"sqlite:///{tmp_path / 'x.db'}", "--listen", f"127.0.0.1:{port}")
    assert r.returncode == 2 and "cannot listen there" in r.stderr and r.stderr.count("\n") == 1


def test_serve_listens_where_the_file_says_unless_told(tmp_path: Path) -> None:
    from oresight.cli import DEFAULT_SERVE_LISTEN, _serve_config

    file = tmp_path / "watch.toml"
    file.write_text('[watch]\nlisten = "127.0.0.1:9911"\n')
    assert _serve_config(file, listen=None, database=None).watch.listen == "127.0.0.1:9911"
    assert _serve_config(file, listen="127.0.0.1:9912", database="sqlite:///x.db").watch.database == "sqlite:///x.db"
    assert _serve_config(None, listen=None, database=None).watch.listen == DEFAULT_SERVE_LISTEN == "127.0.0.1:8000"
    assert _serve_config(None, listen=None, database=None).sources == []  # no source unless configured
