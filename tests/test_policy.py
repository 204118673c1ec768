"""Statement analysis (oresight.policy): sentences, date and issuer, the substance checklist, numeric claims,
commitments, recycled promises against the store, the verdict, and the optional language-model adapter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oresight.context.analytics import ClaimCheck, check_claim
from oresight.documents import read_path, read_text
from oresight.exceptions import BadInput
from oresight.model import Document
from oresight.policy import PolicyReport, analyse, llm, read
from oresight.policy._patterns import find_dates, find_money, find_tonnages
from oresight.policy.analyse import with_summary
from oresight.policy.meta import is_statement, parse_day
from oresight.policy.service import analyse_with_store, store_statement
from oresight.policy.text import split_sentences
from oresight.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "statements"


def doc(text: str) -> Document:
    return read_text(text, "statement.txt")


def statuses(r: PolicyReport) -> dict[str, str]:
    return {i.id: i.status for i in r.items}


def assert_spans(d: Document, r: PolicyReport) -> None:
    pages = {p.number: p.text for p in d.pages}
    for i in r.items:
        for f in i.evidence + i.vague:
            assert pages[f.evidence.span.page][f.evidence.span.start:f.evidence.span.end] == f.evidence.surface
    for c in r.claims:
        assert pages[c.evidence.span.page][c.evidence.span.start:c.evidence.span.end] == c.evidence.surface
    for k in r.commitments:
        assert pages[k.evidence.span.page][k.evidence.span.start:k.evidence.span.end] == k.evidence.surface


class FakeChecker:
    """A stand-in for the reference check that records its calls and answers from a table of figures."""

    def __init__(self, figures: dict[tuple[str, str, str | None], float], world: float | None = None) -> None:
        self.figures = figures
        self.world = world
        self.calls: list[tuple[str, str, float, str | None, int | None]] = []

    def __call__(self, commodity: str, metric: str, value_t: float, *, country: str | None,
                 year: int | None = None) -> ClaimCheck | None:
        self.calls.append((commodity, metric, value_t, country, year))
        independent = self.figures.get((commodity, metric, country))
        if independent is None:
            return None
        share_i = independent / self.world * 100 if self.world else None
        share_c = value_t / (self.world - independent + value_t) * 100 if self.world else None
        return ClaimCheck(commodity, metric, country, value_t, independent, value_t / independent, share_c, share_i,
                          "Test Survey (TS) figures", "TS 2030", "2029", [], self.world, "world row")


# ---------------------------------------------------------------- text


def test_sentences_split_at_stops_list_items_and_headings_but_not_abbreviations() -> None:
    text = ("DIRECTIVE ON MINERALS\nDate: 2024-01-02\n\n1. The Ministry shall act, e.g. by Dec. 2025. Mr. Ivanov\n"
            "agreed with the U.S. position.\n2. Ensure that 3.8 Mt is verified! Done?\n- a bullet item")
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["DIRECTIVE ON MINERALS", "Date: 2024-01-02", "The Ministry shall act, e.g. by Dec. 2025.",
                   "Mr. Ivanov\nagreed with the U.S. position.", "Ensure that 3.8 Mt is verified!", "Done?",
                   "a bullet item"]


def test_wrapped_paragraphs_stay_one_sentence() -> None:
    text = ("The ministry will build a separation plant at the Tomtor deposit, together with the regional\n"
            "government, and will report on the work by the end of 2027 to the Government of the country.\n")
    assert len(split_sentences(text)) == 1


def test_spans_on_later_pages() -> None:
    d = doc("Directive\n\nThe ministry will act soon.\fRussia has 28.7 million tonnes of rare-earth reserves.\n")
    r = analyse(d, checker=FakeChecker({}))
    (claim,) = r.claims
    assert claim.evidence.span.page == 2 and claim.evidence.surface == "28.7 million tonnes"
    assert_spans(d, r)


# ---------------------------------------------------------------- date and issuer


def test_date_and_issuer_from_header_lines_front_matter_and_the_command_line() -> None:
    r = analyse(doc("Statement\nDate: 12 March 2019\nIssued by: Ministry of Mines of Norland\n\nThe ministry will act.\n"))
    assert (r.date, r.date_from, r.issuer, r.issuer_from) == (date(2019, 3, 12), "header line",
                                                              "Ministry of Mines of Norland", "header line")
    assert all(k.evidence.surface != "Date: 12 March 2019" for k in r.commitments)
    md = doc("---\ntitle: Plan\ndate: 2021-06-30\nissuer: Norland Resources Office\n---\nThe office will act soon.\n")
    r = analyse(md)
    assert (r.date, r.issuer, r.issuer_from) == (date(2021, 6, 30), "Norland Resources Office", "document")
    r = analyse(md, date_arg=date(2022, 1, 5), issuer_arg="Someone Else")
    assert (r.date, r.date_from, r.issuer, r.issuer_from) == (date(2022, 1, 5), "command line", "Someone Else",
                                                              "command line")
    r = analyse(doc("The ministry will act.\n"))
    assert r.date is None and r.issuer is None and any("no date" in w for w in r.warnings)


def test_date_and_issuer_from_pdf_metadata(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "s.pdf"
    c = canvas.Canvas(str(path), invariant=1)  # invariant: CreationDate 2000-01-01
    c.setAuthor("Ministry of Mines of Norland")
    c.drawString(72, 720, "The ministry will publish a lithium strategy within weeks.")
    c.save()
    r = analyse(read_path(path))
    assert (r.issuer, r.issuer_from, r.date, r.date_from) == ("Ministry of Mines of Norland", "document",
                                                              date(2000, 1, 1), "document")


def test_parse_day() -> None:
    assert parse_day("2026-05-14") == date(2026, 5, 14)
    assert parse_day("14 May 2026") == date(2026, 5, 14)
    for bad in ("2026-13-01", "yesterday", "05/14"):
        with pytest.raises(BadInput):
            parse_day(bad)


def test_what_ingest_takes_for_a_statement() -> None:
    announcement = doc("---\ntitle: Drill results\nissuer: Corvus Peak Gold Corp.\n---\nHole CP-1 returned 3 m @ 2 g/t Au.\n")
    assert not is_statement(announcement)  # news-wire copies of announcements carry an issuer too
    assert is_statement(announcement, "Ministry of Mines")
    assert is_statement(doc("---\ntype: statement\n---\nThe ministry will act.\n"))
    assert is_statement(doc("Issuer: Ministry of Mines\n\nThe ministry will act.\n"))


# ---------------------------------------------------------------- quantities, money and dates


def test_money_amounts_and_prices() -> None:
    text = ("a ¥2 billion special fund, an A$50m grant, 10 billion roubles, RUB 5 bn, US$60/kg, $2 billion at the site, "
            "an outlay of Rs 16,300 crore")
    got = [(m.amount, m.currency, m.per) for m in find_money(text)]
    assert got == [(2e9, "CNY", None), (50e6, "AUD", None), (10e9, "RUB", None), (5e9, "RUB", None),
                   (60.0, "USD", "kg"), (2e9, "USD", None), (163e9, "INR", None)]


def test_tonnages_and_rates() -> None:
    text = "28.7 million tonnes, more than 3.8 Mt, 5,000 t/y, 10 ktpa, 2 Mtpa, 12,000 tonnes of oxide a year, 40 tpd"
    got = [(q.value, q.unit, q.qualifier) for q in find_tonnages(text)]
    assert got == [(28.7e6, "t", None), (3.8e6, "t", "more than"), (5000.0, "t/y", None), (1e4, "t/y", None),
                   (2e6, "t/y", None), (12000.0, "t/y", None), (40 * 365.0, "t/y", None)]


def test_dates_quarters_years_and_relative_periods() -> None:
    text = "by 1 March 2026, in Q3 2026, in the second half of 2027, by 2030, over 2025-2030, within three months"
    got = [(d.kind, d.due) for d in find_dates(text, date(2025, 1, 10))]
    assert got == [("date", date(2026, 3, 1)), ("quarter", date(2026, 9, 30)), ("quarter", date(2027, 12, 31)),
                   ("year", date(2030, 12, 31)), ("range", date(2030, 12, 31)), ("relative", date(2025, 4, 10))]
    assert [d.kind for d in find_dates("2000 tonnes of ore", None)] == []


# ---------------------------------------------------------------- the substance checklist


def test_named_and_vague_deposits() -> None:
    r = analyse(doc("The company will mine the Tomtor rare-earth deposit and the Kutessay II and Mount Weld mines."))
    found = r.item("deposits")
    assert found is not None and found.status == "present"
    assert [f.detail["names"] for f in found.evidence] == [["Tomtor"], ["Kutessay II", "Mount Weld"]]
    for text in ("The Government will develop deposits in the region.", "Siberian deposits will be developed.",
                 "The New Deposits will be explored.", "Russian deposits will be developed quickly."):
        item = analyse(doc(text)).item("deposits")
        assert item is not None and item.status == "vague", text


def test_partners_named_by_suffix_descriptor_or_partnership_word() -> None:
    r = analyse(doc("Ministry of Mines of Norland\nThe ministry will sign an agreement with China and cooperate "
                    "with miner Kestrel Metals and Halvorsen Magnetics GmbH."), issuer_arg="Ministry of Mines")
    item = r.item("partners")
    assert item is not None and item.status == "present"
    names = {n for f in item.evidence for n in f.detail["names"]}
    assert {"China", "Kestrel Metals", "Halvorsen Magnetics GmbH"} <= names
    vague = analyse(doc("The ministry will work with Chinese companies and strategic partners.")).item("partners")
    assert vague is not None and vague.status == "vague"
    own = analyse(doc("Kestrel Rare Metals Ltd will build a plant."), issuer_arg="Kestrel Rare Metals Ltd")
    assert statuses(own)["partners"] == "missing"  # the issuer is not its own partner


def test_responsible_bodies_named_or_vague() -> None:
    title = analyse(doc("Department of Energy Announces $150 Million for Rare Earth Separation\n\nThe award will fund a "
                        "plant.")).item("bodies")
    assert title is not None and [f.evidence.surface for f in title.evidence] == ["Department of Energy"]
    for text in ("The Ministry of Natural Resources shall prepare a plan.", "The industry ministry will act.",
                 "The Mission will be implemented by the Ministry of Mines.",
                 "Deputy Prime Minister Ivan Petrov will oversee the work.", "The Federal Subsoil Agency will act."):
        assert statuses(analyse(doc(text)))["bodies"] == "present", text
    for text in ("The Government will act.", "The relevant authorities shall act.", "The ministry said it would act."):
        assert statuses(analyse(doc(text)))["bodies"] == "vague", text


def test_deadlines_present_vague_and_past_dates_ignored() -> None:
    d = doc("Date: 2025-02-01\n\nIn 2019 the country adopted a strategy. The ministry will submit the plan by "
            "30 June 2025 and build the plant within three months.")
    item = analyse(d).item("deadlines")
    assert item is not None and item.status == "present"
    assert [(f.kind, f.detail["due"]) for f in item.evidence] == [("date", "2025-06-30"), ("relative", "2025-05-01")]
    vague = analyse(doc("The ministry will prepare a roadmap within weeks.")).item("deadlines")
    assert vague is not None and vague.status == "vague" and vague.vague[0].evidence.surface == "within weeks"
    past = analyse(doc("Date: 2025-02-01\n\nThe ministry will recall the plan of March 2019.")).item("deadlines")
    assert past is not None and past.status == "missing"


def test_contrasting_statements_score_apart() -> None:
    rich = read_path(SAMPLES / "2025-09-02-kestrel-downstream-strategy.md")
    poor = read_path(SAMPLES / "2026-05-14-directive-rare-earths.txt")
    r_rich, r_poor = analyse(rich), analyse(poor)
    assert set(statuses(r_rich).values()) == {"present"} and r_rich.scores.substance == 100
    assert r_rich.label == "substantive" and r_poor.label == "rhetoric over substance"
    assert r_poor.scores.substance < 40 and "present" not in statuses(r_poor).values()
    assert_spans(rich, r_rich)
    assert_spans(poor, r_poor)
    # a tonnage at a grade is a deposit's ore, not a national claim
    assert all(c.value != 12.4e6 for c in r_rich.claims)


def test_news_report_phrasing() -> None:
    d = read_path(SAMPLES / "2024-11-20-news-ministry-lithium.html")
    r = analyse(d)
    assert (r.date, r.issuer) == (date(2024, 11, 20), "Ministry of Mines and Energy of the Republic of Norland")
    quotes = [k.evidence.surface for k in r.commitments]
    assert any("said on Wednesday it would develop" in q for q in quotes)
    assert any("planned to attract foreign investors" in q for q in quotes)
    s = statuses(r)
    assert s["bodies"] == "present" and s["deadlines"] == "vague" and s["funding"] != "present"
    assert s["partners"] == "vague" and s["deposits"] == "vague"
    assert r.commodity == "lithium"
    assert_spans(d, r)


# ---------------------------------------------------------------- claims


def test_claims_go_to_the_reference_check_with_commodity_country_and_year() -> None:
    checker = FakeChecker({("rare earths", "reserves", "Russia"): 3.8e6, ("rare earths", "production", "Russia"): 2600.0},
                          world=75e6)
    d = doc("Russian Federation statement\n\nRussia holds 28.7 million tonnes of rare-earth reserves. "
            "Rare-earth production reached 2,600 tonnes in 2024. The country will raise output to 12,000 t a year.")
    r = analyse(d, checker=checker)
    assert [(c.metric, c.value_t, c.country, c.target) for c in r.claims] == [
        ("reserves", 28.7e6, "Russia", False), ("production", 2600.0, "Russia", False),
        ("production", 12000.0, "Russia", True)]
    assert checker.calls[0] == ("rare earths", "reserves", 28.7e6, "Russia", None)
    assert checker.calls[1] == ("rare earths", "production", 2600.0, "Russia", 2024)
    assert r.claims[0].consistent is False and r.claims[1].consistent is True and r.claims[2].consistent is None
    assert "reserves claim 28.7 Mt is 7.6× the TS estimate" in r.claims[0].reason
    assert "reserve claim 7.6× the TS estimate" in r.verdict and "production target" in r.verdict
    assert r.scores.claims is not None and r.scores.claims == pytest.approx((100 * (1 - 0.8781) + 100) / 2, abs=0.5)


def test_share_claims_and_the_world() -> None:
    checker = FakeChecker({("rare earths", "reserves", "Russia"): 3.8e6, ("rare earths", "reserves", None): 75e6},
                          world=75e6)
    r = analyse(doc("Russia holds 20% of the world's rare-earth reserves. World rare-earth reserves are 75 Mt."),
                checker=checker)
    share, world = r.claims
    assert (share.metric, share.measure, share.country) == ("share", "reserves", "Russia")
    assert share.ratio == pytest.approx(20 / (3.8 / 75 * 100))
    assert (world.country, world.country_from, world.ratio) == (None, "world", 1.0)


def test_stage_share_claims() -> None:
    asked: list[tuple[str, list[str]]] = []

    def lookup(commodity: str, keys: Any) -> tuple[str, str, str, str, dict[str, float]] | None:
        asked.append((commodity, list(keys)))
        return ("magnet_manufacturing", "Magnet manufacturing", "2025", "Test Agency (TA)", {"China": 90.0})

    r = analyse(doc("China makes 94% of the world's rare-earth magnets."), checker=FakeChecker({}),
                stage_shares=lookup)
    (claim,) = r.claims
    assert (claim.metric, claim.measure, claim.country, claim.value) == ("share", "Magnet manufacturing", "China", 94.0)
    assert asked == [("rare earths", ["magnet_manufacturing"])]
    assert claim.ratio == pytest.approx(94 / 90) and claim.consistent is True
    # against the shipped stage shares: "about 90%" of processing and 69% of mining
    r = analyse(doc("China controls about 90% of global rare earth processing and 69% of world rare-earth mining."))
    assert [(c.measure, c.consistent) for c in r.claims] == [("Refining / separation", True), ("Mining", True)]


def test_company_figures_are_not_compared_with_national_ones() -> None:
    checker = FakeChecker({("rare earths", "reserves", "Australia"): 6.3e6})
    r = analyse(doc("Kestrel Rare Metals Ltd (ASX: KRM) in Western Australia reports rare-earth reserves of "
                    "250,000 tonnes of REO."), checker=checker)
    (claim,) = r.claims
    assert claim.status == "unchecked" and "company" in claim.reason and checker.calls == []
    assert r.scores.claims is None


def test_price_claims_against_the_price_deck() -> None:
    r = analyse(doc("China's rare earths sell for US$110/kg of NdPr oxide, the ministry said."))
    (price,) = r.claims
    assert price.metric == "price" and price.status == "checked" and price.check is not None
    assert price.check["reference"] == "NdPr oxide" and price.ratio == pytest.approx(110 / float(price.check["price"]))


def test_the_real_reference_check() -> None:
    r = analyse(doc("Russia has 28.7 million tonnes of rare-earth reserves."), checker=check_claim)
    (claim,) = r.claims
    assert claim.check is not None and claim.check["independent_t"] == 3.8e6 and round(claim.ratio or 0, 1) == 7.6


# ---------------------------------------------------------------- commitments


def test_commitments_from_cues_directives_and_reported_speech() -> None:
    r = analyse(doc("1. Ensure the creation of a rare-earth cluster.\n2. The ministry said it would build a plant.\n"
                    "3. Russia holds large reserves.\n4. The agency is to report monthly.\n"
                    "5. Officials plan to open the mine.\n6. Will the plan work?"))
    assert [k.cue for k in r.commitments] == ["ensure", "said it would", "is to", "plan to"]


# ---------------------------------------------------------------- store and recycled promises


@pytest.fixture
def store(database: Any) -> Iterator[Store]:
    s = Store(database.url, schema=database.schema)
    s.migrate()
    yield s
    s.close()


def _ingest(store: Store, path: Path, **kw: Any) -> tuple[int, bool]:
    reading, report = analyse_with_store(read_path(path), store, **kw)
    return store_statement(store, reading, report)


def test_statements_stored_listed_and_recycled(store: Store, tmp_path: Path) -> None:
    early = SAMPLES / "2019-03-12-directive-rare-earths.txt"
    late = SAMPLES / "2026-05-14-directive-rare-earths.txt"
    sid, created = _ingest(store, early)
    assert created and _ingest(store, early) == (sid, False)
    reading, report = analyse_with_store(read_path(late), store)
    assert report.recycled.status == "near_identical" and report.recycled.compared == 1
    assert all(k.restates is not None and k.restates.statement_id == sid and k.restates.date == date(2019, 3, 12)
               for k in report.commitments)
    assert "100% of commitments restate a 2019 statement" in report.verdict
    late_id, _ = store_statement(store, reading, report)
    other = tmp_path / "lithium.txt"
    other.write_text("Date: 2020-01-01\nIssuer: Norland Mines Office\n\nThe office will develop lithium deposits.\n")
    _ingest(store, other)

    listed = store.statements(topic="rare earths")
    assert [s.id for s in listed] == [late_id, sid]  # newest first
    assert [s.id for s in store.statements(issuer="the STATE council on strategic minerals")] == [late_id, sid]
    assert [s.id for s in store.statements(topic="lithium")] == [sid + 2]
    assert [s.id for s in store.statements(country="Russia", before=date(2020, 1, 1))] == [sid]
    assert store.statements(topic="rare earths", limit=1)[0].id == late_id
    one = store.statement(late_id)
    assert one is not None and one.report is not None and one.report["verdict"] == report.verdict
    assert [c.text for c in one.commitments] == [k.evidence.surface for k in report.commitments]
    assert one.stated_on == date(2026, 5, 14) and one.novelty_score == 0.0
    priors = store.statement_priors(issuer_key=None, topic="rare earths", before=date(2026, 5, 14))
    assert [(p.id, route) for p, route in priors] == [(sid, "topic")]
    assert store.count_statements() == 3


def test_an_unrelated_earlier_statement_recycles_nothing(store: Store, tmp_path: Path) -> None:
    _ingest(store, SAMPLES / "2019-03-12-directive-rare-earths.txt")
    f = tmp_path / "new.txt"
    f.write_text("Date: 2027-01-01\nIssuer: State Council on Strategic Minerals\n\nThe council will fund a rare-earth "
                 "separation plant at the Tomtor deposit with a RUB 40 billion budget allocation by 2029.\n")
    _reading, report = analyse_with_store(read_path(f), store)
    assert report.recycled.status == "new" and report.scores.novelty == 100.0
    assert report.commitments and report.commitments[0].restates is None


# ---------------------------------------------------------------- the optional language-model adapter


class _Fake(BaseHTTPRequestHandler):
    answer: bytes = b""
    status = 200
    seen: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": json.loads(body)})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.answer)))
        self.end_headers()
        self.wfile.write(self.answer)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def fake_llm() -> Iterator[tuple[str, type[_Fake]]]:
    handler = type("Handler", (_Fake,), {"seen": [], "status": 200, "answer": json.dumps({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "tiny",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": "No money, no deposits, an old promise."}}]}).encode()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", handler
    server.shutdown()
    server.server_close()


def test_llm_adapter_is_off_by_default_and_writes_a_summary(fake_llm: tuple[str, type[_Fake]]) -> None:
    url, handler = fake_llm
    d = read_path(SAMPLES / "2026-05-14-directive-rare-earths.txt")
    r = analyse(d)
    assert llm.summarise(r, d.text, environ={}) == (None, None) and not llm.enabled({})
    env = {"ORESIGHT_LLM_URL": url, "ORESIGHT_LLM_MODEL": "tiny", "ORESIGHT_LLM_KEY": "sk-test"}
    summary, warning = llm.summarise(r, d.text, environ=env)
    assert (summary, warning) == ("No money, no deposits, an old promise.", None)
    (call,) = handler.seen
    assert call["path"] == "/v1/chat/completions" and call["auth"] == "Bearer sk-test"
    content = call["body"]["messages"][1]["content"]
    sent = json.loads(content.split("REPORT (JSON):\n", 1)[1].split("\n\nSTATEMENT TEXT", 1)[0])
    assert call["body"]["model"] == "tiny" and sent["verdict"] == r.verdict and "within weeks" in content
    assert with_summary(r, summary, warning).to_json()["summary"] == summary


@pytest.mark.parametrize("status,answer", [(500, b"{}"), (200, b"not json"), (200, b'{"choices": []}')])
def test_llm_failures_give_no_summary_and_one_warning(fake_llm: tuple[str, type[_Fake]], status: int,
                                                      answer: bytes) -> None:
    url, handler = fake_llm
    handler.status, handler.answer = status, answer
    r = analyse(doc("The ministry will act within weeks."))
    summary, warning = llm.summarise(r, "text", environ={"ORESIGHT_LLM_URL": url})
    assert summary is None and warning is not None and "\n" not in warning
    summary, warning = llm.summarise(r, "text", environ={"ORESIGHT_LLM_URL": "http://127.0.0.1:9"}, timeout=2)
    assert summary is None and warning is not None and "\n" not in warning


def test_cli_summary_and_its_failure(fake_llm: tuple[str, type[_Fake]]) -> None:
    url, handler = fake_llm
    path = str(SAMPLES / "2026-05-14-directive-rare-earths.txt")
    env = {k: v for k, v in os.environ.items() if k != "ORESIGHT_DATABASE_URL"}
    run = subprocess.run([sys.executable, "-m", "oresight.cli", "policy", path, "-f", "json"], capture_output=True,
                         timeout=300, check=False, env={**env, "ORESIGHT_LLM_URL": url})
    assert run.returncode == 0 and json.loads(run.stdout)["summary"] == "No money, no deposits, an old promise."
    handler.status = 503
    run = subprocess.run([sys.executable, "-m", "oresight.cli", "policy", path, "-f", "json"], capture_output=True,
                         timeout=300, check=False, env={**env, "ORESIGHT_LLM_URL": url})
    assert run.returncode == 0 and json.loads(run.stdout)["summary"] is None
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "warning" in lines[0] and "503" in lines[0]


# ---------------------------------------------------------------- robustness


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_analysis_never_raises(text: str) -> None:
    if not text.strip():
        return
    try:
        d = doc(text)
    except BadInput:
        return
    r = read(d)
    assert r.text.sentences is not None
    report = analyse(d, checker=FakeChecker({}))
    json.dumps(report.to_json())
    assert_spans(d, report)


def test_a_currency_is_not_a_country() -> None:
    text = ("Issuer: Ministry of Mines of the Republic of Sarenia\nDate: 2026-10-02\n\n"
            "The Ministry said Sarenia holds 2.1 million tonnes of lithium reserves. The government will allocate "
            "US$350 million and 40 million US dollars to a 25,000 tpa refinery at the Kora Salar project by 2028.\n")
    r = analyse(doc(text))
    assert r.countries == () or "United States" not in r.countries
    assert all(c.country != "United States" for c in r.claims)
    named = analyse(doc(text.replace("Sarenia holds", "the United States holds")))
    assert "United States" in named.countries
