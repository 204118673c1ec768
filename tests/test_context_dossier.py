"""Dossiers: every number equals the reference row it cites, or what the cited rows give by the formula it states.
Checked on the JSON of `oresight dossier ... --format json` and on the figures in the dashboard's dossier pages,
against the shipped CSV rows read with the csv module (no Oresight code in the expectation), plus the charts'
data, the scenario form and hostile names."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.browser_helpers import ingest_samples
from tests.realtime_helpers import config

from oresight.assess.service import Assessor
from oresight.pipeline import analyse_text
from oresight.store import Store
from oresight.watch import Watcher
from oresight.web.app import create_app
from oresight.web.security import CSP

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "oresight" / "reference" / "data"
RUSSIA_TEXT = ("Steppe Metals Limited (ASX: SML)\nRare earths update\n"
               "Drilling at the Kola project in Russia returned 12m @ 1.8% TREO from 40m (hole KR-01).\n")


# -- the CSV rows, read without Oresight ----------------------------------------------------------------------


@dataclass(frozen=True)
class CsvRow:
    dataset: str
    line: int
    country: str
    value: float | None
    record: dict[str, str]

    @property
    def is_world(self) -> bool:
        return self.country.lower().startswith("world total")

    @property
    def is_aggregate(self) -> bool:
        return self.is_world or self.country.lower().startswith(("other", "top-3"))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _load_csv() -> dict[tuple[str, int], CsvRow]:
    out = {}
    for name, column in (("rare_earths_usgs.csv", "value_t_reo"), ("supply_chain_stage_shares.csv", "share_pct")):
        with (DATA / name).open(newline="") as f:
            reader = csv.DictReader(f)
            for r in reader:
                out[(name, reader.line_num)] = CsvRow(name, reader.line_num, r["country"], _number(r[column]), r)
    return out


CSV = _load_csv()


def cited(refs: dict[str, Any], ids: list[int]) -> list[CsvRow]:
    rows = []
    for i in ids:
        ref = refs[str(i)]
        row = CSV[(ref["dataset"], int(ref["line"]))]
        # the dossier's copy of the row is the CSV row
        assert ref["value"] == row.value, (ref, row)
        if row.dataset == "rare_earths_usgs.csv":
            assert (ref["edition"], ref["country"], ref["metric"], ref["data_year"], ref["source"]) == (
                row.record["edition"], row.record["country"], row.record["metric"], row.record["data_year"],
                row.record["source"])
        else:
            assert (ref["stage"], ref["country"], ref["data_year"], ref["source"]) == (
                row.record["stage"], row.record["country"], row.record["data_year"], row.record["source"])
        rows.append(row)
    return rows


def _shares(rows: list[CsvRow]) -> list[float]:
    world = [r for r in rows if r.is_world]
    if world:
        assert len(world) == 1 and world[0].value
        return [r.value / world[0].value * 100 for r in rows if not r.is_aggregate and r.value is not None]
    return [r.value for r in rows if r.value is not None]


def expected(value: Any, unit: str, formula: str, rows: list[CsvRow]) -> float | None:
    """What a figure must be, from the CSV rows it cites and the formula it states."""
    vals = [r.value for r in rows]
    if not formula:
        assert len(rows) == 1, (value, formula)
        return rows[0].value
    if formula.startswith("sum of the countries"):
        return sum(v for v in vals if v is not None)
    if unit == "×":
        claim, independent = vals
        assert claim is not None and independent
        return claim / independent
    if "Σ share²" in formula:
        return sum(s * s for s in _shares(rows))
    if formula.startswith("largest share"):
        return max(_shares(rows))
    if formula.startswith("sum of the three largest"):
        return sum(sorted(_shares(rows), reverse=True)[:3])
    if formula.startswith("sum of the shares"):
        return sum(_shares(rows))
    if unit == "%" and "−" in formula:  # claimed / (world − independent + claimed) × 100
        claim, independent, world = vals[0], vals[1], vals[-1]
        assert claim is not None and independent is not None and world
        return claim / (world - independent + claim) * 100
    if unit == "%" and formula.endswith("× 100"):  # country / world × 100
        assert rows[-1].is_world and rows[-1].value
        assert vals[0] is not None
        return vals[0] / rows[-1].value * 100
    raise AssertionError(f"unknown formula {formula!r}")


def figures(node: Any) -> Iterator[dict[str, Any]]:
    """Every figure ({value, unit, refs, formula, qualifier}) in a dossier's JSON."""
    if isinstance(node, dict):
        if set(node) == {"value", "unit", "refs", "formula", "qualifier"}:
            yield node
            return
        for v in node.values():
            yield from figures(v)
    elif isinstance(node, list):
        for v in node:
            yield from figures(v)


def check_all(d: dict[str, Any]) -> int:
    n = 0
    for f in figures({k: v for k, v in d.items() if k != "refs"}):
        assert f["refs"], f
        rows = cited(d["refs"], f["refs"])
        want = expected(f["value"], f["unit"], f["formula"], rows)
        if want is None:
            assert f["value"] is None, f
        else:
            assert f["value"] == pytest.approx(want, rel=1e-12), (f, [(r.dataset, r.line) for r in rows])
        n += 1
    return n


# -- the CLI -----------------------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "oresight.cli", *args], capture_output=True, timeout=300, check=False,
                          env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('dossier') / 'o.db'}"
    with Store(url) as store:
        store.migrate()
        ingest_samples(store, ("krm-002.html",))
        Assessor(store).ingest(analyse_text(RUSSIA_TEXT, "russia.txt"), source="test:russia")
    return url


def test_commodity_dossier_json_cites_its_rows(db: str) -> None:
    r = run("dossier", "commodity", "rare-earth oxides", "--format", "json", "--database", db)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["commodity"] == "rare_earths" and d["symbol"] == "REE"
    assert check_all(d) > 100
    # what the sections hold, against the CSV directly
    reserves = d["reserves"]
    assert (reserves["edition"], reserves["data_year"], reserves["world_basis"]) == ("MCS 2026", "2025", "world row")
    china = next(c for c in reserves["countries"] if c["country"] == "China")
    assert china["value"]["value"] == 44_000_000 and china["share_pct"]["value"] == pytest.approx(44 / 75 * 100)
    russia = next(h for h in d["reserves_history"] if h["country"] == "Russia")
    assert [(p["edition"], p["value"]["value"]) for p in russia["points"]] == [
        ("MCS 2023", 21e6), ("MCS 2024", 10e6), ("MCS 2025", 3.8e6), ("MCS 2026", 3.8e6)]
    rosnedra = next(c for c in d["claims"] if "Rosnedra" in c["edition"])
    assert rosnedra["claim"]["value"] == 28.7e6 and round(rosnedra["check"]["ratio"]["value"], 2) == 7.55
    stages = [s["stage"] for s in d["stages"]]
    assert stages[0] == "mining" and stages[-1] == "magnet_manufacturing"
    assert [a["title"] for a in d["announcements"]]  # the stored rare-earth announcements


def test_country_dossier_json_cites_its_rows(db: str) -> None:
    r = run("dossier", "country", "Russian Federation", "--format", "json", "--database", db)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["country"] == "Russia"
    assert check_all(d) > 20
    rare = next(s for s in d["commodities"] if s["commodity"] == "rare_earths")
    latest = rare["reserves"]["latest"]
    assert latest["value"]["value"] == 3.8e6 and latest["edition"] == "MCS 2026"
    assert {c["edition"] for c in rare["claims"]} == {r.record["edition"] for r in CSV.values()
                                                      if r.record.get("metric") == "national_reserve_claim"}
    cobalt = next(s for s in d["commodities"] if s["commodity"] == "cobalt")
    assert cobalt["stages"][0]["share_pct"]["value"] == 2.5  # USGS-computed cobalt mining share, 2025 (estimate)
    assert any("Russia" in a["title"] or a["ticker"] == "SML" for a in d["announcements"])


def test_dossier_tables_and_unknown_names(db: str) -> None:
    r = run("dossier", "commodity", "REE", "--database", db)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Reserves: MCS 2026" in out and "Reference rows cited" in out and "HHI" in out
    c = run("dossier", "country", "PRC", "--database", db)
    assert c.returncode == 0 and b"China" in c.stdout
    bad = run("dossier", "commodity", "unobtainium", "--database", db)
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and b"unobtainium" in bad.stderr


# -- the pages -----------------------------------------------------------------------------------------------


class FigureCells(HTMLParser):
    """The figures of a page (cells with data-refs) and its reference-rows table."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, str]] = []
        self.refs: dict[str, dict[str, str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "data-refs" in a and "fig" in a.get("class", "").split():
            self.figures.append(a)
        if tag == "tr" and a.get("id", "").startswith("ref-"):
            self.refs[a["id"][4:]] = a


@pytest.fixture(scope="module")
def site(db: str) -> Iterator[TestClient]:
    store = Store(db)
    w = Watcher(config(None, None, rules=[]), store, workers=0)
    with TestClient(create_app(w)) as client:
        yield client
    store.close()


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-security-policy"] == CSP
    return r.text


SCENARIO_STEPS = ("cutting", "depends on", "upstream of the cut", "does not take its feed")


def check_page(text: str) -> tuple[int, list[dict[str, str]]]:
    """Check every figure of a page against the CSV rows it cites; returns how many, and the scenario's own
    computations (a cut applied to the cited rows), which the scenario test checks by hand."""
    parser = FigureCells()
    parser.feed(text)
    assert parser.figures
    n = 0
    steps = []
    for f in parser.figures:
        ids = [int(i) for i in f["data-refs"].split()]
        assert ids, f
        rows = []
        for i in ids:
            ref = parser.refs[str(i)]  # every cited row is listed on the page
            rows.append(CSV[(ref["data-dataset"], int(ref["data-line"]))])
        formula = html.unescape(f.get("data-formula", ""))
        if any(step in formula for step in SCENARIO_STEPS):
            steps.append({**f, "rows": rows})
            continue
        want = expected(None, f.get("data-unit", ""), formula, rows)
        if f["data-value"] == "":
            assert want is None, f
        else:
            assert want is not None and float(f["data-value"]) == pytest.approx(want, rel=1e-12), (f, rows)
        n += 1
    return n, steps


def chart(text: str, chart_id: str) -> dict[str, Any]:
    m = re.search(rf'<figure class="chart" id="{chart_id}">.*?<script type="application/json" class="chart-spec">'
                  r"(.*?)</script>", text, re.S)
    assert m, chart_id
    spec: dict[str, Any] = json.loads(html.unescape(m.group(1)))
    return spec


def test_commodity_page_numbers_equal_their_rows(site: TestClient) -> None:
    text = page(site, "/dossiers/commodity/rare%20earths")
    assert check_page(text)[0] > 100
    for section in ("reserves", "reserves-history", "claims", "production", "stages", "scenario", "announcements", "refs"):
        assert f'id="{section}"' in text
    # charts: Vega-Lite specs as JSON data; their numbers are the tables' numbers
    spec = chart(text, "chart-reserves-share")
    shares = {v["country"]: v["share"] for v in spec["data"]["values"]}
    assert shares["China"] == pytest.approx(44 / 75 * 100) and "World" not in shares
    history = chart(text, "chart-reserves-history")
    russia = [(v["edition"], v["value"]) for v in history["data"]["values"] if v["country"] == "Russia"]
    assert russia == [("MCS 2023", 21e6), ("MCS 2024", 10e6), ("MCS 2025", 3.8e6), ("MCS 2026", 3.8e6)]
    order = history["encoding"]["x"]["sort"]
    assert order.index("MCS 2023") < order.index("MCS 2024") < order.index("MCS 2025") < order.index("MCS 2026")
    production = chart(text, "chart-production-share")
    assert {v["country"]: v["share"] for v in production["data"]["values"]}["China"] == pytest.approx(270_000 / 390_000 * 100)
    stages = chart(text, "chart-stages")
    assert {(v["stage"], v["country"], v["share"]) for v in stages["data"]["values"]} >= {("Mining", "China", 69.2),
                                                                                          ("Refining / separation", "China", 92.0)}
    # the scenario form is a GET form to the scenario page, preset to this mineral
    assert '<form class="filters" id="scenario-form" method="get" action="/dossiers/scenario">' in text
    assert '<option value="rare_earths" selected>' in text
    assert 'href="#ref-' in text and "<script>" not in text.replace('<script type="application/json"', "")


@pytest.mark.parametrize("name", ["lithium", "cobalt", "graphite", "nickel", "copper"])
def test_other_commodity_pages_cite_their_rows(site: TestClient, name: str) -> None:
    text = page(site, f"/dossiers/commodity/{name}")
    assert check_page(text)[0] >= 3
    assert 'id="chart-stages"' in text


def test_country_page_numbers_equal_their_rows(site: TestClient) -> None:
    text = page(site, "/dossiers/country/Myanmar")
    assert "<h1>Burma <small>" in text
    assert check_page(text)[0] > 5
    text = page(site, "/dossiers/country/Russian%20Federation")
    assert check_page(text)[0] > 20
    spec = chart(text, "chart-reserves-rare_earths")
    assert [v["value"] for v in spec["data"]["values"]] == [21e6, 10e6, 3.8e6, 3.8e6]
    assert "chart-country-stages" in text
    assert "Steppe Metals" in text or "SML" in text  # the stored announcement that names Russia


def test_index_page(site: TestClient) -> None:
    text = page(site, "/dossiers")
    assert 'href="/dossiers/commodity/rare_earths"' in text and 'href="/dossiers/country/Russia"' in text
    assert "rare_earths_usgs.csv" in text and "MCS 2026" in text
    assert 'href="/dossiers" aria-current="page"' in text


def test_scenario_form_result_and_chart(site: TestClient) -> None:
    text = page(site, "/dossiers/scenario")
    assert 'id="scenario-form"' in text and 'id="table-scenario"' not in text
    text = page(site, "/dossiers/scenario?mineral=REE&stage=mining&country=PRC&cut=50")
    n, steps = check_page(text)
    assert n >= 3  # the country's shares and the world output, straight from their rows
    cells = re.findall(r'<tr data-stage="(\w+)" data-relation="([\w ]+)">.*?</tr>', text, re.S)
    assert ("mining", "cut") in cells and ("magnet_manufacturing", "downstream") in cells
    china, world = (CSV[k].value for k in CSV if CSV[k].record.get("edition") == "MCS 2026"
                    and CSV[k].record.get("metric") == "mine_production" and CSV[k].record.get("data_year") == "2025"
                    and CSV[k].country in ("China", "World total (rounded)"))
    assert china is not None and world
    # the cut: China's 2025 mine production halved, as tonnes and as a share of the world's
    cut = [f for f in steps if "cutting" in html.unescape(f["data-formula"])]
    got = sorted((f["data-unit"], float(f["data-value"])) for f in cut)
    assert got == [("%", pytest.approx(china * 0.5 / world * 100)), ("t", pytest.approx(china * 0.5))]
    assert all({r.value for r in f["rows"]} == {china, world} for f in cut)
    # downstream: the same percentage (proportional feed)
    down = [f for f in steps if "depends on" in html.unescape(f["data-formula"])]
    assert len(down) == 3 and all(float(f["data-value"]) == pytest.approx(china * 0.5 / world * 100) for f in down)
    spec = chart(text, "chart-scenario")
    by_stage = {v["stage"]: v["shortfall"] for v in spec["data"]["values"]}
    assert by_stage["Mining"] == pytest.approx(china * 0.5 / world * 100)
    assert by_stage["Magnet manufacturing"] == pytest.approx(china * 0.5 / world * 100)
    assert "Dependence model." in text and "in proportion" in text
    # the form keeps what was asked
    assert 'value="PRC"' in text and 'value="50"' in text


@pytest.mark.parametrize("query,needle", [
    ("mineral=rare_earths&stage=mining&country=China&cut=lots", "is not a number"),
    ("mineral=rare_earths&stage=mining&country=China&cut=150", "from 0 to 100"),
    ("mineral=rare_earths&stage=smelting&country=China&cut=10", "no &#39;smelting&#39; figures"),
    ("mineral=rare_earths&stage=mining", "Give a mineral, a stage, a country and a cut"),
])
def test_scenario_form_problems(site: TestClient, query: str, needle: str) -> None:
    text = page(site, f"/dossiers/scenario?{query}", status=400)
    assert 'id="scenario-problem"' in text and needle in text


def test_hostile_and_unknown_names(site: TestClient) -> None:
    text = page(site, "/dossiers/country/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", status=404)
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    page(site, "/dossiers/commodity/unobtainium", status=404)
    text = page(site, "/dossiers/scenario?mineral=%3Cb%3E&stage=mining&country=%3Cimg%20src%3Dx%3E&cut=5", status=400)
    assert "<img src=x>" not in text and "<b>" not in text.split("<main>")[1]


def test_dossiers_list_the_stored_statements_about_them(tmp_path: Path) -> None:
    from oresight.pipeline import analyse_path
    from oresight.policy.service import analyse_with_store, store_statement

    store = Store(f"sqlite:///{tmp_path / 'statements.db'}")
    store.migrate()
    sample = Path(__file__).resolve().parents[1] / "samples" / "statements" / "2019-03-12-directive-rare-earths.txt"
    reading, report = analyse_with_store(analyse_path(sample).document, store)
    store_statement(store, reading, report)
    w = Watcher(config(None, None, rules=[]), store, workers=0)
    with TestClient(create_app(w)) as client:
        commodity = page(client, "/dossiers/commodity/rare_earths")
        country = page(client, f"/dossiers/country/{report.countries[0]}")
        lithium = page(client, "/dossiers/commodity/lithium")
    store.close()
    for text in (commodity, country):
        section = html.unescape(text.split('<section id="statements">')[1].split("</section>")[0])
        assert (report.issuer or "") in section and report.verdict in section
        assert (report.date.isoformat() if report.date else "") in section
    assert "No stored statement is about" in lithium.split('<section id="statements">')[1]
