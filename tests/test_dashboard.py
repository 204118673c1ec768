"""The dashboard without a browser: every page over real sample announcements, escaping of hostile text,
the security headers, CSRF, the retry and rule actions, the live stream, and the text marker."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from tests.browser_helpers import (
    HOSTILE_TITLE,
    ingest_hostile,
    ingest_samples,
)
from tests.realtime_helpers import config, running, wait_until

from oresight.store import OutboxEntry, Store
from oresight.watch import Watcher
from oresight.web import dashboard
from oresight.web.app import create_app
from oresight.web.dashboard import Marker
from oresight.web.security import COOKIE, CSP

RULES = [{"name": "gold", "channels": ["hook"], "commodities": ["Au"]},
         {"name": "lithium", "channels": ["hook"], "commodities": ["Li"], "min_score": 40}]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Watcher, dict[str, int]]]:
    """An app (API + dashboard) over a store with sample announcements, a hostile one and a dead letter."""
    where = tmp_path_factory.mktemp("dash")
    store = Store(f"sqlite:///{where / 'dash.db'}")
    store.migrate()
    ids = ingest_samples(store)
    ids["hostile"] = ingest_hostile(store)
    added = store.add_alerts([
        OutboxEntry("gold|hook|x|final", "gold", "hook", "assessed", {"headline": "<b>Gold</b> alert"},
                    announcement_id=ids["acz-001.pdf"]),
        OutboxEntry("gold|hook|y|final", "gold", "hook", "assessed", {"headline": "Second"},
                    announcement_id=ids["ybg-001.pdf"])])
    store.record_outcomes([added[1][0]], [(added[0][0], "refused: HTTP 410 <Gone>", None)])
    w = Watcher(config(None, "http://127.0.0.1:9/hook", rules=RULES), store, workers=0)
    with TestClient(create_app(w)) as client:
        yield client, w, {**ids, "dead": added[0][0], "delivered": added[1][0]}
    store.close()


def esc(text: str) -> str:
    """Text as the autoescaped templates write it."""
    return str(escape(text))


def page(client: TestClient, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    return r.text


def form_token(text: str) -> str:
    m = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', text)
    assert m, "no CSRF token in the page"
    return m.group(1)


# -- pages ------------------------------------------------------------------------------------------------


def test_feed_shows_the_latest_and_each_day_with_cards_filters_and_the_score_histogram(site: Any) -> None:
    client, w, ids = site
    text = page(client, "/")
    # without a day: the latest announcements of every day, newest first (the hostile one, stored today with
    # no date in its text, and the sample day's), live
    assert f'id="card-{ids["hostile"]}"' in text and "<small>latest</small>" in text
    shown = [int(i) for i in re.findall(r'<article class="card band-\w+" id="card-(\d+)">', text)]
    latest = w.store.browse(limit=len(shown))
    assert shown == [c.id for c in latest.items] and len({c.when.date() for c in latest.items}) > 1
    assert 'data-live="/live"' in text and "/static/dashboard.js" in text
    # the sample day: cards with band, ticker, commodity, best intercept and reason
    text = page(client, "/?day=2025-12-03")
    assert "BRL" in text and "Li" in text
    cards = re.findall(r'<article class="card band-(\w+)" id="card-(\d+)">', text)
    assert cards and all(band in ("watch", "notable", "significant", "exceptional") for band, _ in cards)
    card = store_card(w, int(cards[0][1]))
    assert esc(card.reason) in text
    # the histogram: a Vega-Lite spec as JSON data (not a script), and the same numbers in a table
    spec = chart_spec(text, "chart-scores")
    assert spec["mark"] == "bar" and spec["encoding"]["x"]["bin"]["extent"] == [0, 100]
    scores = [v["score"] for v in spec["data"]["values"]]
    assert sorted(scores) == w.store.score_distribution(since=day_start(w, "2025-12-03"),
                                                        until=day_start(w, "2025-12-04"))
    row = text.split('<th scope="row">announcements</th>')[1].split("</tr>")[0]
    assert [int(n) for n in re.findall(r"<td>(\d+)</td>", row)] == [n for _, n in dashboard.histogram(scores)]
    assert sum(n for _, n in dashboard.histogram(scores)) == len(scores) == len(cards)


def store_card(w: Watcher, ann_id: int) -> Any:
    view = w.store.announcement_view(ann_id)
    assert view is not None
    return view.card


def day_start(w: Watcher, day: str) -> Any:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(day).replace(tzinfo=ZoneInfo(w.settings.timezone))


def chart_spec(text: str, chart_id: str) -> dict[str, Any]:
    m = re.search(rf'<figure class="chart" id="{chart_id}">.*?<script type="application/json" class="chart-spec">'
                  r"(.*?)</script>", text, re.S)
    assert m, f"no chart {chart_id}"
    return dict(json.loads(m.group(1)))


def test_feed_filters_work_as_a_plain_get_form(site: Any) -> None:
    client, _, _ = site
    # the two sample PDFs carry the date 2000-01-01 (their PDF metadata): one exceptional, one significant
    everything = re.findall(r'<article class="card band-(\w+)"', page(client, "/?day=2000-01-01"))
    wanted = everything[-1]
    text = page(client, f"/?day=2000-01-01&band={wanted}")
    assert set(re.findall(r'<article class="card band-(\w+)"', text)) == {wanted}
    assert f'<option value="{wanted}" selected>' in text
    assert len(re.findall(r'<article class="card', text)) == everything.count(wanted) < len(everything)
    text = page(client, "/?day=2025-12-03&ticker=brl")
    tickers = set(re.findall(r'class="ticker" href="/companies/(\w+)"', text))
    assert tickers == {"BRL"}
    text = page(client, "/?min_score=abc&band=nonsense&day=yesterday")
    assert "is not a number: ignored" in text and "unknown band" in text and "is not a date" in text
    text = page(client, "/?day=2025-12-03&min_score=99.5")
    assert "No announcement matches these filters" in text


def test_announcement_page_marks_every_value_at_its_span(site: Any) -> None:
    client, w, ids = site
    ann_id = ids["ybg-001.pdf"]
    text = page(client, f"/announcements/{ann_id}")
    stored = w.store.get(ann_id)
    assert stored is not None and stored.text is not None
    pages = stored.text.split("\n\f")
    marks = dict(re.findall(r'<mark id="(span-\d+-\d+-\d+)" class="\w+">([^<]*)', text))
    links = re.findall(r'<a class="fact" href="#(span-\d+-\d+-\d+)">', text)
    assert len(links) >= len(stored.intercepts)
    assert set(links) <= set(marks), "every fact links to a mark on the page"
    for i in stored.intercepts:
        mark_id = f"span-{i.span.page}-{i.span.start}-{i.span.end}"
        assert mark_id in links
        if mark_id in marks:  # (a span crossing another links to the mark it crosses)
            assert html.unescape(marks[mark_id]).startswith(pages[i.span.page - 1][i.span.start:i.span.end][:5])
    # the resource, the company and the commodity link to marks too
    r = stored.resources[0]
    assert f"span-{r.span.page}-{r.span.start}-{r.span.end}" in links
    assert re.search(r'<a class="fact" href="#span-[\d-]+">Yarrabee Gold Ltd \(ASX: YBG\)</a>', text)
    # score breakdown (factors with points and reasons), checklist, novelty, chart spec
    a = w.store.assessment(ann_id)
    assert a is not None
    for f in a["significance"]["factors"]:
        assert f'<th scope="row">{f["name"]}</th>' in text
        assert esc(f["reason"]) in text
    for item in a["reporting"]["items"]:
        assert esc(item["name"]) in text
    assert "<h2>Novelty</h2>" in text and a["novelty"]["status"] in text
    spec = chart_spec(text, "chart-breakdown")
    assert [v["factor"] for v in spec["data"]["values"]] == [f["name"] for f in a["significance"]["factors"]]
    assert text.count('<div class="page" id="page-') == stored.page_count == 20


def test_related_earlier_announcements_are_linked(site: Any) -> None:
    client, _, ids = site
    text = page(client, f"/announcements/{ids['brl-002.txt']}")
    related = text.split('<section id="related">')[1].split("</section>")[0]
    assert f'href="/announcements/{ids["brl-001.txt"]}"' in related


def test_hostile_text_shows_as_text(site: Any) -> None:
    client, _, ids = site
    for url in (f"/announcements/{ids['hostile']}", "/", "/companies/HGL", "/search?q=hostile",
                "/deliveries"):
        text = page(client, url)
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>Gold</b>" not in text, url
    text = page(client, f"/announcements/{ids['hostile']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;/pre&gt;&lt;/mark&gt;&lt;img src=x onerror=alert(2)&gt;" in text
    assert esc(HOSTILE_TITLE) in text
    # the only scripts are the page's own files and JSON data
    scripts = re.findall(r"<script([^>]*)>", text)
    assert scripts and all('src="/static/' in s or 'type="application/json"' in s for s in scripts)
    # a title inside a chart's JSON cannot close its <script> element
    company = page(client, "/companies/HGL")
    spec = chart_spec(company, "chart-timeline")
    assert spec["data"]["values"][0]["title"] == HOSTILE_TITLE
    assert "\\u003c/script\\u003e" in company


def test_company_commodity_and_search_pages(site: Any) -> None:
    client, w, ids = site
    text = page(client, "/companies")
    assert 'href="/companies/YBG"' in text and 'href="/companies/BRL"' in text
    text = page(client, "/companies/brl")
    assert "Brolga Lithium" in text and "12.4 Mt" in text and "1.21 % Li2O" in text
    assert f'href="/announcements/{ids["brl-001.txt"]}"' in text and f'href="/announcements/{ids["brl-002.txt"]}"' in text
    text = page(client, "/companies/YBG")
    assert "Best intercepts" in text and re.search(r'href="/announcements/\d+#span-\d+-\d+-\d+"', text)
    text = page(client, "/commodities")
    assert 'href="/commodities/Au"' in text
    # the sample day is older than a week: the page shows the week up to its latest announcement
    text = page(client, "/commodities/au")
    assert "Nothing in the last 7 days" in text or "HGL" in text
    view = w.store.commodity_view("Au")
    assert view.intercepts, "today's hostile gold announcement is within the week"
    assert "g/t*m Au" in text
    spec = chart_spec(text, "chart-scatter")
    assert spec["encoding"]["x"]["scale"]["type"] == "log" and spec["encoding"]["y"]["scale"]["type"] == "log"
    assert all(p["width"] > 0 and p["grade"] > 0 for p in spec["data"]["values"])
    text = page(client, "/search?q=spodumene OR lithium")
    assert f'id="card-{ids["brl-001.txt"]}"' in text and "<mark>" in text
    assert page(client, "/search").count('class="card') == 0


def test_missing_things_are_404_pages(site: Any) -> None:
    client, _, _ = site
    for url in ("/announcements/999999", "/companies/NOPE", "/commodities/Unobtainium"):
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert r.headers["content-security-policy"] == CSP
    assert client.get("/announcements/abc").status_code == 404


def test_security_headers_on_every_response(site: Any) -> None:
    client, _, _ = site
    for url in ("/", "/rules", "/static/dashboard.css", "/api/health"):
        r = client.get(url)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe" not in CSP and "frame-ancestors 'none'" in CSP
    # no inline script or style anywhere in the pages
    for url in ("/", "/rules", "/deliveries", "/companies/YBG"):
        text = page(client, url)
        assert " style=" not in text and "<style" not in text and " on" + "click=" not in text
        for attrs in re.findall(r"<script([^>]*)>", text):
            assert "src=" in attrs or 'type="application/json"' in attrs


# -- actions: CSRF, retry, rules ---------------------------------------------------------------------------


def test_retry_needs_a_valid_csrf_token_and_requeues_the_dead_letter(site: Any) -> None:
    client, w, ids = site
    dead = ids["dead"]
    text = page(client, "/deliveries?status=dead")
    assert "refused: HTTP 410 &lt;Gone&gt;" in text and f'action="/deliveries/{dead}/retry"' in text
    token = form_token(text)
    assert client.cookies.get(COOKIE)
    # refused: no token, a wrong token, a token for another cookie, a cross-site request
    for data, headers in (({}, {}), ({"csrf_token": "0" * 64}, {}),
                          ({"csrf_token": token}, {"Origin": "https://evil.example"}),
                          ({"csrf_token": token}, {"Sec-Fetch-Site": "cross-site"})):
        r = client.post(f"/deliveries/{dead}/retry", data=data, headers=headers, follow_redirects=False)
        assert r.status_code == 403 and r.text.startswith("CSRF check failed") and r.text.count("\n") == 1
    with TestClient(client.app) as stranger:  # another browser: its own cookie, our token
        stranger.get("/")
        r = stranger.post(f"/deliveries/{dead}/retry", data={"csrf_token": token}, follow_redirects=False)
        assert r.status_code == 403
    alert = w.store.alert(dead)
    assert alert is not None and alert.status == "dead"
    r = client.post(f"/deliveries/{dead}/retry", data={"csrf_token": token, "next": "/deliveries?status=dead"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/deliveries?status=dead&retried={dead}"
    alert = w.store.alert(dead)
    assert alert is not None and alert.status == "pending"
    assert f"Delivery {dead} is queued again" in page(client, r.headers["location"])
    # a delivered alert is not a dead letter
    r = client.post(f"/deliveries/{ids['delivered']}/retry", data={"csrf_token": token})
    assert r.status_code == 409
    assert client.post("/deliveries/999999/retry", data={"csrf_token": token}).status_code == 404


def test_deliveries_filter_by_status_and_list_sources(site: Any) -> None:
    client, _, ids = site
    text = page(client, "/deliveries?status=delivered")
    assert f'id="alert-{ids["delivered"]}"' in text and f'id="alert-{ids["dead"]}"' not in text
    assert "<h2>Sources</h2>" in text


def test_rules_page_lists_rules_channels_and_tests_a_rule_on_a_stored_announcement(site: Any) -> None:
    client, _, ids = site
    text = page(client, "/rules")
    assert 'id="rule-gold"' in text and "commodity Au" in text and "score ≥ 40" in text
    assert "<th scope=\"row\">hook</th>" in text and "webhook" in text
    assert "127.0.0.1:9" not in text, "channel settings are not shown"
    text = page(client, f"/rules?test={ids['brl-001.txt']}")
    gold = text.split('id="rule-gold"')[1].split("</tr>")[0]
    lithium = text.split('id="rule-lithium"')[1].split("</tr>")[0]
    assert "does not fire" in gold
    assert "fires: rule &#39;lithium&#39;: commodity Li" in lithium and "score" in lithium
    assert "No stored announcement" in page(client, "/rules?test=999999")


def test_a_rule_is_switched_off_and_on_at_runtime(site: Any) -> None:
    client, w, _ = site
    token = form_token(page(client, "/rules"))
    assert client.post("/rules/gold/enabled", data={"enabled": "0"}).status_code == 403
    r = client.post("/rules/gold/enabled", data={"csrf_token": token, "enabled": "0"}, follow_redirects=False)
    assert r.status_code == 303
    assert [r.name for r in w.rules] == ["lithium"]
    text = page(client, "/rules")
    assert 'class="disabled" id="rule-gold"' in text and "Switch on" in text
    client.post("/rules/gold/enabled", data={"csrf_token": token, "enabled": "1"})
    assert [r.name for r in w.rules] == ["gold", "lithium"]
    assert client.post("/rules/nope/enabled", data={"csrf_token": token, "enabled": "0"}).status_code == 404


def test_charts_fall_back_to_tables_without_the_vendor_files(site: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    client, _, _ = site
    monkeypatch.setattr(dashboard, "charts_installed", lambda: False)
    text = page(client, "/?day=2025-12-03")
    assert "/static/vendor/" not in text and 'class="compact"' in text
    monkeypatch.undo()
    text = page(client, "/?day=2025-12-03")
    if dashboard.charts_installed():
        assert '<script src="/static/vendor/vega-embed.min.js" defer></script>' in text
        assert client.get("/static/vendor/vega-embed.min.js").status_code == 200


# -- the live stream and a pushed document, through a running watcher ------------------------------------


def test_pushed_hostile_document_is_escaped_and_streamed_live(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'live.db'}")
    store.migrate()
    cfg = config(None, None, channels={"live": {"kind": "sse"}}, rules=[{"name": "all", "channels": ["live"]}])
    with running(cfg, store) as w:
        url = w.public_url
        events: list[dict[str, Any]] = []
        with httpx.Client(timeout=15) as client, client.stream("GET", f"{url}/live") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            wait_until(lambda: w.live.subscribers == 1, 5, "the live subscriber")
            text = ("Kestrel Gold Limited (ASX: KGL)\nDrilling <script>alert(1)</script> results\n"
                    "KRC001: 24m @ 6.1 g/t Au from 40m, including 6m @ 18.2 g/t Au.\n")
            r = client.post(f"{url}/api/announcements", headers={"Authorization": "Bearer tok"},
                            json={"headline": "Push <script>alert(1)</script>", "text": text, "ticker": "KGL"})
            assert r.status_code == 202
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    break
        card = events[0]
        assert card["title"] == "Push <script>alert(1)</script>" and card["ticker"] == "KGL"
        assert card["band"] and card["best"] and "Au" in card["commodities"]
        page_text = httpx.get(f"{url}/announcements/{card['id']}").text
        feed = httpx.get(f"{url}/")
        store.close()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_text and "<script>alert" not in page_text
    assert "Push &lt;script&gt;alert(1)&lt;/script&gt;" in feed.text and "<script>alert" not in feed.text
    assert feed.headers["content-security-policy"] == CSP


# -- the marker ---------------------------------------------------------------------------------------------


def test_marker_escapes_every_slice_and_nests_or_redirects_overlapping_spans() -> None:
    m = Marker(["a <b> 1.5 g/t Au & c", "page two"])
    outer = m.place({"page": 1, "start": 2, "end": 16}, "value")
    inner = m.place((1, 6, 9), "value")
    same = m.place((1, 6, 9), "evidence")
    crossing = m.place((1, 15, 19), "evidence")  # crosses the outer mark: links to it
    assert same == inner and crossing == outer
    assert m.place((1, 5, 5), "value") is None and m.place((3, 0, 1), "value") is None
    assert m.place((1, 0, 21), "value") is None and m.place({"page": "x"}, "value") is None
    assert m.place((2, 0, 4), "nonsense") == "span-2-0-4"
    assert str(m.html(1)) == ('a <mark id="span-1-2-16" class="value">&lt;b&gt; <mark id="span-1-6-9" '
                              'class="value">1.5</mark> g/t Au</mark> &amp; c')
    assert str(m.html(2)) == '<mark id="span-2-0-4" class="value">page</mark> two'


def test_marker_places_nested_marks_that_end_together() -> None:
    m = Marker(["0123456789"])
    m.place((1, 2, 8), "value")
    m.place((1, 5, 8), "evidence")
    m.place((1, 0, 1), "value")
    assert str(m.html(1)) == ('<mark id="span-1-0-1" class="value">0</mark>1<mark id="span-1-2-8" class="value">234'
                              '<mark id="span-1-5-8" class="evidence">567</mark></mark>89')


def test_the_csrf_secret_is_kept_per_install_so_forms_survive_a_restart(tmp_path: Path) -> None:
    import stat

    store = Store(f"sqlite:///{tmp_path / 'db' / 'x.db'}")
    store.migrate()
    ingest_samples(store, ("brl-001.txt",))
    clients = []
    for _ in range(2):  # the same install started twice
        w = Watcher(config(None, None, rules=[{"name": "all"}]), store, workers=0)
        clients.append(TestClient(create_app(w)))
    secret = tmp_path / "db" / "oresight.secret"
    assert secret.is_file() and stat.S_IMODE(secret.stat().st_mode) == 0o600
    first, second = clients
    token = form_token(page(first, "/rules"))
    second.cookies.set(COOKIE, first.cookies[COOKIE])
    r = second.post("/rules/all/enabled", data={"csrf_token": token, "enabled": "0"}, follow_redirects=False)
    assert r.status_code == 303
    store.close()
