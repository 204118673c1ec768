"""Rules (pure matching), the watch configuration, and the outbox/source-item storage on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from oresight.alerts.rules import Candidate, Rule, rule_from_mapping
from oresight.config import load_config, parse_config, quick_config
from oresight.exceptions import BadInput
from oresight.store import ALERT_DEAD, ALERT_DELIVERED, ALERT_PENDING, INTERRUPTED, NewItem, OutboxEntry, Store

ROOT = Path(__file__).resolve().parents[1]


def _assessment(score: float, band: str, type_: str = "drilling", noise: bool = False) -> dict[str, object]:
    return {"significance": {"score": score, "band": band, "reason": "r", "factors": []},
            "type": {"type": type_, "noise": noise}}


def cand(score: float = 60, band: str = "significant", **kw: object) -> Candidate:
    base: dict[str, object] = {"headline": "Drilling hits 36m @ 2.5 g/t Au at Kestrel", "ticker": "KGL",
                               "price_sensitive": True, "commodities": ("Au",), "text": "body text",
                               "assessment": _assessment(score, band)}
    base.update(kw)
    return Candidate(**base)  # type: ignore[arg-type]


def test_every_filter_must_hold_and_reasons_are_named() -> None:
    rule = rule_from_mapping({"name": "gold", "tickers": ["kgl"], "commodities": ["gold"], "min_score": 50,
                              "min_band": "significant", "types": ["drilling"], "price_sensitive_only": True,
                              "keywords": ["2.5 g/t"]})
    m = rule.match(cand())
    assert m is not None
    assert m.why == ("rule 'gold': ticker KGL, price-sensitive, keyword '2.5 g/t', commodity Au, type drilling, "
                     "score 60 ≥ 50, band significant ≥ significant")
    assert rule.match(cand(score=49)) is None
    assert rule.match(cand(ticker="ABC")) is None
    assert rule.match(cand(price_sensitive=False)) is None
    assert rule.match(cand(commodities=("Cu",))) is None
    assert rule.match(cand(headline="Quarterly report", text="nothing here")) is None
    assert rule.match(cand(band="notable")) is None


def test_commodity_families_and_names() -> None:
    rule = rule_from_mapping({"name": "batt", "commodities": ["Li2O", "TREO", "graphite"]})
    assert rule.commodities == {"Li", "REE", "C"}
    assert rule.match(cand(commodities=("Li",))) is not None
    assert rule.match(cand(commodities=("REE", "Nb"))) is not None
    assert rule.match(cand(commodities=("Au",))) is None


def test_keywords_are_whole_words_case_insensitive() -> None:
    rule = Rule("kw", keywords=("spodumene", "new zone"))
    assert rule.match(cand(headline="SPODUMENE confirmed", text="")) is not None
    assert rule.match(cand(headline="A New   Zone found", text="")) is not None
    assert rule.match(cand(headline="spodumenes", text="")) is None
    assert rule.match(cand(headline="x", text="the new zone at depth")) is not None


def test_noise_never_matches_unless_its_type_is_named() -> None:
    halt = cand(assessment=_assessment(0, "watch", "trading_halt", noise=True))
    assert Rule("all").match(halt) is None
    assert Rule("halts", types=frozenset({"trading_halt"})).match(halt) is not None


def test_headline_only_defers_what_needs_the_document() -> None:
    rule = Rule("early", tickers=frozenset({"KGL"}), min_score=50, commodities=frozenset({"Au"}), early=True)
    m = rule.match(Candidate("Drilling results", "KGL", True))
    assert m is not None and m.pending == ("commodities", "score")
    assert "awaiting the document for commodities, score" in m.why
    assert rule.match(Candidate("Drilling results", "ABC", True)) is None
    kw = Rule("kw", keywords=("lithium",))
    assert kw.match(Candidate("Drilling results", "KGL")).pending == ("keywords",)  # type: ignore[union-attr]


def test_config_errors_are_one_line_with_the_field(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"rules\.0\.min_score: Input should be less than or equal to 100"):
        parse_config({"rules": [{"name": "a", "min_score": 150}]})
    with pytest.raises(BadInput, match="unknown channel"):
        parse_config({"rules": [{"name": "a", "channels": ["nope"]}]})
    with pytest.raises(BadInput, match="unknown type"):
        parse_config({"rules": [{"name": "a", "types": ["gossip"]}]})
    with pytest.raises(BadInput, match="used twice"):
        parse_config({"rules": [{"name": "a"}, {"name": "a"}]})
    with pytest.raises(BadInput, match=r"watch\.timezone: unknown time zone"):
        parse_config({"watch": {"timezone": "Mars/Olympus"}})
    bad = tmp_path / "bad.toml"
    bad.write_text("[watch\nlisten=1")
    with pytest.raises(BadInput, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(BadInput, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_env_values_and_the_shipped_example(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ORESIGHT_PUSH_TOKEN", "DESK_WEBHOOK_SECRET", "SMTP_PASSWORD"):
        monkeypatch.setenv(var, "s3cret")
    monkeypatch.setenv("APPRISE_URL", "json://127.0.0.1:9/x")
    cfg = load_config(ROOT / "docs" / "watch.example.toml")
    assert cfg.watch.push_token == "s3cret"
    assert cfg.channels["desk"].options()["secret"] == "s3cret"
    assert [r.name for r in cfg.rules] == ["battery-metals", "watchlist", "morning"]
    monkeypatch.delenv("SMTP_PASSWORD")
    with pytest.raises(BadInput, match="SMTP_PASSWORD is not set"):
        load_config(ROOT / "docs" / "watch.example.toml")


def test_quick_path_flags() -> None:
    cfg = quick_config(asx_api="http://127.0.0.1:9/asx-research/1.0", interval=1, webhooks=["http://h/a", "http://h/b"],
                       min_score=40)
    assert [(s.kind, s.options()["base_url"], s.options()["interval"]) for s in cfg.sources] == [
        ("asx", "http://127.0.0.1:9/asx-research/1.0", 1)]
    assert {n: c.options()["url"] for n, c in cfg.channels.items()} == {"webhook-1": "http://h/a",
                                                                        "webhook-2": "http://h/b"}
    assert cfg.rule_objects()[0].min_score == 40
    base = parse_config({"sources": [{"kind": "feed", "url": "http://f/rss", "interval": 60}]})
    merged = quick_config(base, asx_api="http://x/asx", interval=2)
    assert [(s.kind, s.options()["interval"]) for s in merged.sources] == [("feed", 2), ("asx", 2)]
    with pytest.raises(BadInput, match="--interval"):
        quick_config(interval=0)


# -- storage: source items and the outbox ----------------------------------------------------------------


def _store(database: object) -> Store:
    store = Store(database.url, schema=database.schema)  # type: ignore[attr-defined]
    store.migrate()
    return store


def _new(key: str, content: bytes | None = None) -> NewItem:
    return NewItem("asx", key, f"Headline {key}", "ABC", datetime(2026, 11, 27, 1, tzinfo=UTC), True,
                   {"url": f"http://x/{key}", "filename": f"{key}.pdf"}, content)


def test_items_are_recorded_once_and_survive_as_pending(database: object) -> None:
    store = _store(database)
    try:
        first = store.record_items([_new("k1"), _new("k2", b"%PDF pushed")])
        assert all(isinstance(i, int) for i in first)
        again = store.record_items([_new("k1"), _new("k3")])
        assert again[0] is None and isinstance(again[1], int)
        pending = store.pending_items()
        assert [p.key for p in pending] == ["k1", "k2", "k3"]
        assert pending[1].content == b"%PDF pushed"
        k1 = pending[0].id
        store.retry_item(k1, error="404 not yet", next_attempt_at=datetime.now(UTC) + timedelta(hours=1))
        assert [p.key for p in store.pending_items()] == ["k2", "k3"]
        entry = OutboxEntry("r|c|asx:k2|final", "r", "c", "assessed", {"kind": "alert"}, pending[1].id)
        assert store.complete_item(pending[1].id, announcement_id=None, alerts=[entry, entry]) == 1
        assert store.complete_item(pending[1].id, announcement_id=None, alerts=[entry]) == 0  # idempotent
        assert [p.key for p in store.pending_items()] == ["k3"]
        assert store.item_counts() == {"pending": 2, "done": 1}
    finally:
        store.close()


def test_outbox_retry_dead_letter_and_requeue(database: object) -> None:
    store = _store(database)
    try:
        assert len(store.add_alerts([OutboxEntry(f"k{i}", "r", "c", "assessed", {"n": i}) for i in range(3)])) == 3
        assert store.add_alerts([OutboxEntry("k0", "r", "c", "assessed", {"n": 99})]) == []
        due = store.due_alerts()
        assert [a.key for a in due] == ["k0", "k1", "k2"] and due[0].payload == {"n": 0}
        # a sweep skips the alerts it already holds; the rest come whole, in due order
        assert store.due_alerts(skip={due[0].id, due[2].id}) == [due[1]]
        assert store.due_alerts(skip={a.id for a in due}) == []
        store.record_outcomes([due[0].id], [(due[1].id, "HTTP 503", datetime.now(UTC) + timedelta(minutes=5)),
                                            (due[2].id, "refused: HTTP 404", None)])
        assert store.due_alerts() == []
        assert store.alert_counts() == {ALERT_DELIVERED: 1, ALERT_PENDING: 1, ALERT_DEAD: 1}
        dead = store.alerts(status=ALERT_DEAD)
        assert dead[0].last_error == "refused: HTTP 404" and dead[0].attempts == 1
        assert store.retry_alert(dead[0].id) and not store.retry_alert(dead[0].id)
        assert [a.key for a in store.due_alerts()] == ["k2"]
        assert store.existing_keys(["k0", "k9"]) == {"k0"}
    finally:
        store.close()


def test_source_health(database: object) -> None:
    store = _store(database)
    try:
        assert store.source_failed("asx", "asx", error="HTTP 503\nfrom server") == 1
        assert store.source_failed("asx", "asx", error="HTTP 503") == 2
        h = store.source_health("asx")[0]
        assert not h.healthy and h.last_error == "HTTP 503" and h.consecutive_errors == 2
        store.source_ok("asx", "asx", state={"last_date": "2026-11-27T00:00:00+00:00"}, new_items=5)
        h = store.source_health("asx")[0]
        assert h.healthy and h.items_seen == 5 and h.state["last_date"].startswith("2026-11-27")
    finally:
        store.close()


def test_deliveries_cut_off_by_a_crash_are_never_silently_repeated(database: object) -> None:
    store = _store(database)
    try:
        store.add_alerts([OutboxEntry(f"k{i}", "r", "c", "assessed", {"n": i}) for i in range(2)])
        a, b = store.due_alerts()
        store.mark_sending([a.id, b.id])
        store.record_outcomes([b.id], [])
        assert store.due_alerts() == []  # in flight: not due again
        assert store.recover_interrupted(resend=False) == 1
        dead = store.alerts(status="dead")
        assert [d.key for d in dead] == ["k0"] and dead[0].last_error == INTERRUPTED
        store.mark_sending([a.id])
        assert store.recover_interrupted(resend=True) == 1
        assert [x.key for x in store.due_alerts()] == ["k0"]
    finally:
        store.close()
