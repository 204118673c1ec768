"""`oresight watch` in process: ASX source → assessment → rules → outbox → channels, against local servers."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import httpx
import pytest
from tests.realtime_helpers import Receiver, config, running, wait_until

from oresight.alerts.channels.webhook import verify_signature
from oresight.store import Store
from oresight.testing.fake_asx import FakeASX

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
DRILL = CORPUS / "acz-001.pdf"  # exceptional gold-antimony drilling results


def _pdfs(n: int) -> list[Path]:
    return sorted(CORPUS.glob("*.pdf"))[:n]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'watch.db'}")
    s.migrate()
    return s


def test_published_announcements_reach_the_webhook_once_signed_with_reasons(store: Store) -> None:
    hook = Receiver()
    with FakeASX() as fake:
        cfg = config(fake.base_url, hook.url)
        with running(cfg, store) as w:
            wait_until(lambda: bool(store.source_health()), what="first poll")
            for p in _pdfs(3):
                fake.publish(f"Drilling update {p.stem}", p.read_bytes(), symbol=p.stem[:3].upper(),
                             price_sensitive=True)
            bodies = hook.wait_for(3)
            wait_until(lambda: store.alert_counts().get("delivered") == 3, what="delivered recorded")
            public = w.public_url
    assert sorted(b["headline"] for b in bodies) == sorted(f"Drilling update {p.stem}" for p in _pdfs(3))
    assert len({b["key"] for b in bodies}) == 3
    for r in hook.received:
        assert r.headers["Idempotency-Key"] == r.json["key"]
        assert verify_signature("test-secret", r.headers["X-Oresight-Timestamp"], r.body,
                                r.headers["X-Oresight-Signature"])
        assert not verify_signature("test-secret", r.headers["X-Oresight-Timestamp"], r.body + b" ",
                                    r.headers["X-Oresight-Signature"])
    drill = next(b for b in bodies if "acz-001" in b["headline"])
    assert drill["phase"] == "assessed" and drill["band"] == "exceptional" and drill["score"] >= 70
    assert drill["why"] == "rule 'all': every announcement"
    assert "g/t Au" in drill["best"]
    assert drill["links"]["announcement"] == f"{public}/api/announcements/{drill['announcement_id']}"
    assert drill["links"]["document"].endswith(".pdf") or "/file/" in drill["links"]["document"]
    assert store.item_counts() == {"done": 3}
    health = store.source_health("asx")[0]
    assert health.healthy and health.items_seen == 3


def test_min_score_rule_filters_and_says_why(store: Store) -> None:
    hook = Receiver()
    routine = b"Appendix 3Y\nChange of Director's Interest Notice\nName of entity: Kestrel Gold Limited\n"
    with FakeASX() as fake:
        cfg = config(fake.base_url, hook.url, rules=[{"name": "big", "channels": ["hook"], "min_score": 70}])
        with running(cfg, store):
            wait_until(lambda: bool(store.source_health()), what="first poll")
            fake.publish("Exceptional drilling", DRILL.read_bytes(), symbol="ACZ")
            fake.publish("Appendix 3Y", _text_pdf(routine), symbol="KGL")
            wait_until(lambda: store.item_counts().get("done", 0) + store.item_counts().get("failed", 0) == 2,
                       what="both processed")
            bodies = hook.wait_for(1)
    assert len(bodies) == 1 and bodies[0]["headline"] == "Exceptional drilling"
    assert bodies[0]["why"].startswith("rule 'big': score ") and "≥ 70" in bodies[0]["why"]


def _text_pdf(text: bytes) -> bytes:
    from tests.pdfgen import text_pdf

    return text_pdf(text.decode())


def test_a_receiver_that_is_down_gets_every_alert_when_back(store: Store) -> None:
    hook = Receiver()
    hook.stop()  # down: connection refused
    with FakeASX() as fake:
        cfg = config(fake.base_url, hook.url, watch={"max_attempts": 50})
        with running(cfg, store):
            wait_until(lambda: bool(store.source_health()), what="first poll")
            for p in _pdfs(4):
                fake.publish(f"Results {p.stem}", p.read_bytes(), symbol=p.stem[:3].upper())
            wait_until(lambda: store.item_counts().get("done") == 4, what="processing")
            wait_until(lambda: len(store.alerts()) == 4 and all(a.attempts >= 2 for a in store.alerts()),
                       what="failed attempts")
            assert all(a.status in ("pending", "sending") and a.last_error for a in store.alerts())
            assert "connect" in (store.alerts()[0].last_error or "").lower()
            hook.start()  # back on the same port
            bodies = hook.wait_for(4)
            wait_until(lambda: store.alert_counts() == {"delivered": 4}, what="all delivered")
    assert len(bodies) == 4 and len({b["key"] for b in bodies}) == 4


def test_refusals_and_exhausted_retries_become_dead_letters_with_reasons(store: Store) -> None:
    hook = Receiver()
    hook.status = 404
    flaky = Receiver()
    flaky.status = 503
    with FakeASX() as fake:
        cfg = config(fake.base_url, None, watch={"max_attempts": 3},
                     channels={"gone": {"kind": "webhook", "url": hook.url},
                               "flaky": {"kind": "webhook", "url": flaky.url}},
                     rules=[{"name": "all", "channels": ["gone", "flaky"]}])
        with running(cfg, store) as w:
            wait_until(lambda: bool(store.source_health()), what="first poll")
            fake.publish("Results", DRILL.read_bytes(), symbol="ACZ")
            wait_until(lambda: store.alert_counts().get("dead") == 2, timeout=30, what="two dead letters")
            dead = {a.channel: a for a in store.alerts(status="dead")}
            assert dead["gone"].attempts == 1 and "refused" in (dead["gone"].last_error or "")
            assert "404" in (dead["gone"].last_error or "")
            assert dead["flaky"].attempts == 3 and "gave up after 3 attempts" in (dead["flaky"].last_error or "")
            assert "503" in (dead["flaky"].last_error or "")
            # the retry action puts a dead letter back; the receiver is fine now
            flaky.status = 200
            r = httpx.post(f"{w.public_url}/api/alerts/{dead['flaky'].id}/retry", headers={"Authorization": "Bearer tok"})
            assert r.status_code == 200
            flaky.wait_for(1)
            assert httpx.post(f"{w.public_url}/api/alerts/{dead['flaky'].id}/retry").status_code == 401


def test_early_rules_get_the_headline_first_then_the_completed_alert(store: Store) -> None:
    hook = Receiver()
    with FakeASX() as fake:
        cfg = config(fake.base_url, hook.url, rules=[
            {"name": "fast", "channels": ["hook"], "tickers": ["ACZ"], "min_score": 50, "early": True},
            {"name": "patient", "channels": ["hook"], "tickers": ["ACZ"], "min_score": 50}])
        with running(cfg, store):
            wait_until(lambda: bool(store.source_health()), what="first poll")
            fake.publish("Bonanza grades at Acacia", DRILL.read_bytes(), symbol="ACZ", pdf_delay=1.5)
            first = hook.wait_for(1)[0]
            assert first["rule"] == "fast" and first["phase"] == "early" and first["score"] is None
            assert "awaiting the document for score" in first["why"]
            assert first["title"].startswith("[EARLY] ACZ")
            bodies = hook.wait_for(3)
    later = {(b["rule"], b["phase"]) for b in bodies[1:]}
    assert later == {("fast", "completed"), ("patient", "assessed")}
    completed = next(b for b in bodies if b["phase"] == "completed")
    assert completed["band"] == "exceptional" and completed["announcement_id"]
    assert len(hook.received) == 3


def test_a_scanned_document_gets_early_alerts_while_it_waits_for_ocr(store: Store) -> None:
    hook = Receiver()
    scan = CORPUS / "ybg-002.pdf"  # page 1 is an image: the text layer alone is not the document
    with FakeASX() as fake:
        cfg = config(fake.base_url, hook.url, rules=[
            {"name": "fast", "channels": ["hook"], "tickers": ["YBG"], "early": True},
            {"name": "patient", "channels": ["hook"], "tickers": ["YBG"]}])
        with running(cfg, store):
            wait_until(lambda: bool(store.source_health()), what="first poll")
            fake.publish("Harriet's Find diamond drilling", scan.read_bytes(), symbol="YBG")
            bodies = hook.wait_for(3)
    assert (bodies[0]["rule"], bodies[0]["phase"]) == ("fast", "early") and bodies[0]["score"] is None
    assert {(b["rule"], b["phase"]) for b in bodies[1:]} == {("fast", "completed"), ("patient", "assessed")}
    completed = next(b for b in bodies if b["phase"] == "completed")
    assert "g/t Au" in completed["best"]  # read from the OCR'd page
    assert len(hook.received) == 3


def test_push_endpoint_token_bad_input_and_documents(store: Store) -> None:
    hook = Receiver()
    cfg = config(None, hook.url)
    with running(cfg, store) as w:
        url = f"{w.public_url}/api/announcements"
        auth = {"Authorization": "Bearer tok"}
        assert httpx.post(url, json={"headline": "x", "text": "y"}).status_code == 401
        assert httpx.post(url, json={"headline": "x", "text": "y"}, headers={"Authorization": "Bearer no"}).status_code == 401
        r = httpx.post(url, content=b"{not json", headers={**auth, "content-type": "application/json"})
        assert r.status_code == 400 and r.json() == {"detail": "the body is not valid JSON"}
        r = httpx.post(url, json={"text": "no headline"}, headers=auth)
        assert r.status_code == 400 and "headline" in r.json()["detail"]
        r = httpx.post(url, files={"file": ("a.exe", b"MZ", "application/octet-stream")}, data={"headline": "h"},
                       headers=auth)
        assert r.status_code == 415
        errors = store.errors()
        assert {e.reason for e in errors} >= {"the body is not valid JSON", "'headline' is required"}
        text = ("Kestrel Gold Limited (ASX: KGL)\nDrilling <script>alert(1)</script> results\n"
                "KRC001: 24m @ 6.1 g/t Au from 40m, including 6m @ 18.2 g/t Au.\n")
        r = httpx.post(url, json={"headline": "Push <script>alert(1)</script>", "text": text, "ticker": "kgl",
                                  "price_sensitive": True}, headers=auth)
        assert r.status_code == 202 and r.json()["created"] is True
        again = httpx.post(url, json={"headline": "Push <script>alert(1)</script>", "text": text}, headers=auth)
        assert again.json()["created"] is False
        r = httpx.post(url, files={"file": ("acz.pdf", DRILL.read_bytes(), "application/pdf")},
                       data={"headline": "Uploaded PDF", "ticker": "ACZ"}, headers=auth)
        assert r.status_code == 202
        bodies = hook.wait_for(2)
        ann = httpx.get(bodies[0]["links"]["announcement"]).json()
    assert {b["headline"] for b in bodies} == {"Push <script>alert(1)</script>", "Uploaded PDF"}
    pushed = next(b for b in bodies if b["headline"].startswith("Push"))
    assert pushed["ticker"] == "KGL" and pushed["price_sensitive"] is True
    assert "assessment" in ann and ann["assessment"]["significance"]["score"] >= 0


def test_sse_stream_and_atom_feed(store: Store) -> None:
    cfg = config(None, None, channels={"live": {"kind": "sse"}, "feed": {"kind": "atom"}},
                 rules=[{"name": "gold", "channels": ["live", "feed"], "commodities": ["Au"]}])
    with running(cfg, store) as w:
        events: list[dict[str, object]] = []
        with httpx.Client(timeout=10) as client, client.stream("GET", f"{w.public_url}/api/stream/live") as resp:
            assert resp.status_code == 200
            assert resp.headers["content-type"].startswith("text/event-stream")
            r = httpx.post(f"{w.public_url}/api/announcements", headers={"Authorization": "Bearer tok"},
                           files={"file": ("acz.pdf", DRILL.read_bytes(), "application/pdf")},
                           data={"headline": "Live <b>gold</b> hit", "ticker": "ACZ"})
            assert r.status_code == 202
            for line in resp.iter_lines():
                if line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    break
        assert events[0]["headline"] == "Live <b>gold</b> hit" and events[0]["rule"] == "gold"
        wait_until(lambda: store.alert_counts().get("delivered") == 2, what="both channels")
        feed = feedparser.parse(httpx.get(f"{w.public_url}/feeds/gold.atom").content)
        assert httpx.get(f"{w.public_url}/feeds/nope.atom").status_code == 404
        assert httpx.get(f"{w.public_url}/api/stream/feed").status_code == 404
    assert feed.bozo == 0 and len(feed.entries) == 1
    assert "Live <b>gold</b> hit" in feed.entries[0].title
    assert feed.entries[0].link.endswith(f"/api/announcements/{events[0]['announcement_id']}")


def test_digest_rules_queue_then_send_one_digest(store: Store) -> None:
    hook = Receiver()
    cfg = config(None, hook.url, rules=[{"name": "morning", "channels": ["hook"], "mode": "digest"}])
    with running(cfg, store) as w:
        for i, p in enumerate(_pdfs(2)):
            r = httpx.post(f"{w.public_url}/api/announcements", headers={"Authorization": "Bearer tok"},
                           files={"file": (p.name, p.read_bytes(), "application/pdf")},
                           data={"headline": f"Release {i}", "ticker": p.stem[:3].upper()})
            assert r.status_code == 202
        wait_until(lambda: store.alert_counts().get("queued") == 2, what="queued for the digest")
        assert hook.received == []
        assert w.queue_digests() == 1
        body = hook.wait_for(1)[0]
        wait_until(lambda: store.alert_counts() == {"digested": 2, "delivered": 1}, what="digest delivered")
    assert body["kind"] == "digest" and body["rule"] == "morning"
    assert sorted(a["headline"] for a in body["alerts"]) == ["Release 0", "Release 1"]


def test_next_digest_time_is_local_morning(store: Store) -> None:
    from datetime import UTC, datetime

    from oresight.watch import Watcher

    cfg = config(None, None, rules=[], watch={"digest_at": "07:30", "timezone": "Australia/Sydney", "listen": ""})
    w = Watcher(cfg, store, workers=0)
    # 2026-11-27 is summer time in Sydney (UTC+11): 07:30 local is 20:30 UTC the day before
    assert w.next_digest(datetime(2026, 11, 27, 19, 0, tzinfo=UTC)) == datetime(2026, 11, 27, 20, 30, tzinfo=UTC)
    assert w.next_digest(datetime(2026, 11, 27, 21, 0, tzinfo=UTC)) == datetime(2026, 11, 28, 20, 30, tzinfo=UTC)


def test_a_pushed_document_left_pending_by_a_crash_is_processed_after_restart(store: Store) -> None:
    from oresight.store import NewItem

    hook = Receiver()
    pdf = DRILL.read_bytes()
    # accepted (202) by a process that then died: recorded as pending with its document, nothing else
    (item_id,) = store.record_items([NewItem("push", "k-1", "Pushed before the crash", "ACZ", None, True,
                                             {"filename": "acz.pdf", "url": None}, pdf)])
    assert item_id is not None and [p.key for p in store.pending_items()] == ["k-1"]
    with running(config(None, hook.url), store):
        body = hook.wait_for(1)[0]
        wait_until(lambda: store.item_counts() == {"done": 1}, what="item done")
    assert body["headline"] == "Pushed before the crash" and body["band"] == "exceptional"
    assert store.item_content(item_id) is None  # the copy is dropped once the announcement is stored


def test_a_repeat_is_flagged_and_scored_as_a_full_assessment_would(store: Store) -> None:
    """The watcher scores repeats again in its own process (rescore): the stored assessment equals what
    ``Assessor.assess`` gives against the same archive, and the repeat scores below the first release."""
    from oresight.assess.service import Assessor
    from oresight.pipeline import analyse_bytes

    hook = Receiver()
    data = DRILL.read_bytes()
    with FakeASX() as fake, running(config(fake.base_url, hook.url), store):
        wait_until(lambda: bool(store.source_health()), what="first poll")
        fake.publish("Exceptional drilling", data, symbol="ACZ")
        hook.wait_for(1)
        fake.publish("Exceptional drilling (again)", data + b"\n%repeat\n", symbol="ACZ")
        bodies = hook.wait_for(2)
    first, again = sorted(bodies, key=lambda b: b["announcement_id"])
    stored = store.assessment(again["announcement_id"])
    assert stored is not None and stored["novelty"]["flagged"] and stored["novelty"]["status"] == "duplicate"
    assert again["score"] < first["score"]
    analysis = analyse_bytes(data + b"\n%repeat\n", "again.pdf")
    ann = store.get(again["announcement_id"])
    assert ann is not None
    expected = Assessor(store).assess(analysis, exclude=ann.id, published_at=ann.published_at).to_json()
    assert stored["significance"] == expected["significance"]


def test_a_multi_page_scan_is_spread_over_the_ocr_lane(store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Each OCR process takes some of a scan's pages; read_job then assembles the document from them."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import pdfgen
    from oresight import watch as watch_module
    from oresight.documents import _ocr
    from oresight.reading import read_job

    if not _ocr.available():
        pytest.skip("tesseract is not available here")
    scan = pdfgen.image_only(tmp_path / "letter.pdf", ["Falcon drilling results"], ["Kestrel Gold assays received"],
                             ["12 m @ 5.0 g/t Au from 30 m"]).read_bytes()
    chunks: list[tuple[int, ...]] = []
    real = watch_module.ocr_job
    monkeypatch.setattr(watch_module, "ocr_job", lambda d, f, lim, pages: chunks.append(pages) or real(d, f, lim, pages))
    w = watch_module.Watcher(config(None, None, rules=[]), store, workers=2)
    w._ocr_executor = ThreadPoolExecutor(max_workers=2)
    try:
        done = asyncio.run(w._ocr_spread(scan, "letter.pdf", (1, 2, 3)))
        assert sorted(chunks) == [(1, 3), (2,)] and sorted(done) == [1, 2, 3]
        assert asyncio.run(w._ocr_spread(scan, "letter.pdf", (2,))) == {}  # one page: read_job reads it
    finally:
        w._ocr_executor.shutdown()
    read = read_job(scan, "letter.pdf", w.limits, None, None, False, done)
    assert read.analysis is not None and read.analysis.document.ocr_pages == (1, 2, 3)
    assert read.analysis.extraction.intercepts[0].grade == 5.0
