"""Context analytics over the shipped reference rows, checked against numbers worked out by hand from the rows of
src/oresight/reference/data/rare_earths_usgs.csv and supply_chain_stage_shares.csv (quoted in each test)."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from oresight.context import check_claim, concentration, history, scenario, shipped_rows, stage_shares, world_shares
from oresight.context.aliases import commodity_key, country_key, is_aggregate
from oresight.context.analytics import FeedShare, chain, stage_set
from oresight.context.model import ReferenceRow
from oresight.context.readers import parse_value, to_tonnes

DATA = Path(__file__).resolve().parents[1] / "src" / "oresight" / "reference" / "data"
ROWS = shipped_rows()


def csv_value(edition: str, country: str, metric: str, data_year: str | None = None) -> float:
    """A figure straight from rare_earths_usgs.csv (no Oresight code involved)."""
    with (DATA / "rare_earths_usgs.csv").open(newline="") as f:
        found = [float(r["value_t_reo"]) for r in csv.DictReader(f)
                 if r["edition"] == edition and r["country"] == country and r["metric"] == metric
                 and (data_year is None or r["data_year"] == data_year) and r["value_t_reo"]]
    assert len(found) == 1, (edition, country, metric, data_year, found)
    return found[0]


def csv_line(edition: str, country: str, metric: str, data_year: str | None = None) -> int:
    """The line of a row in rare_earths_usgs.csv."""
    with (DATA / "rare_earths_usgs.csv").open(newline="") as f:
        reader = csv.DictReader(f)
        found = [reader.line_num for r in reader if r["edition"] == edition and r["country"] == country
                 and r["metric"] == metric and (data_year is None or r["data_year"] == data_year)]
    assert len(found) == 1
    return found[0]


# -- names ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["rare earths", "REE", "rare-earth oxides", "TREO", "Rare Earths", "rare_earths"])
def test_commodity_aliases(name: str) -> None:
    assert commodity_key(name) == "rare_earths"


@pytest.mark.parametrize("name,key", [("Russian Federation", "Russia"), ("Russia", "Russia"), ("PRC", "China"),
                                      ("China", "China"), ("Myanmar", "Burma"), ("Burma", "Burma"),
                                      ("Burma (Myanmar)", "Burma"), ("DRC", "Congo (Kinshasa)"),
                                      ("World total (rounded)", "World"), ("Atlantis ", "Atlantis")])
def test_country_aliases(name: str, key: str) -> None:
    assert country_key(name) == key


def test_aggregates_are_not_countries() -> None:
    assert is_aggregate("World total (rounded)") and is_aggregate("Other countries")
    assert is_aggregate("top-3 countries combined") and is_aggregate("Other (all remaining countries, as grouped by re-publisher)")
    assert not is_aggregate("China") and not is_aggregate("Congo (Kinshasa)")


@pytest.mark.parametrize("raw,expected", [("1,900,000", (1_900_000.0, "")), ("—", (0.0, "zero")), ("NA", (None, "not_available")),
                                          (">85,000,000", (85_000_000.0, "lower_bound")), ("<2,000", (2000.0, "upper_bound")),
                                          ("W", (None, "withheld")), ("Large", (None, "large")), ("e4200", (4200.0, "estimated")),
                                          ("0", (0.0, "zero")), ("abc", (None, "text: abc"))])
def test_values_as_usgs_prints_them(raw: str, expected: tuple[float | None, str]) -> None:
    assert parse_value(raw) == expected


def test_units_to_tonnes() -> None:
    assert to_tonnes(3.5, "Mt") == (3_500_000.0, "t")
    assert to_tonnes(2.0, "thousand metric tons") == (2000.0, "t")
    assert to_tonnes(400_000.0, "kilograms") == (400.0, "t")
    assert to_tonnes(5.0, "million carats") == (5.0, "million carats")


# -- shares of the world ----------------------------------------------------------------------------------


def test_production_shares_use_the_world_row() -> None:
    # MCS 2026, 2025: China 270,000 t, United States 51,000 t, Australia 29,000 t; World total (rounded) 390,000 t
    ws = world_shares(ROWS, "rare_earths", "mine_production")
    assert ws is not None
    assert (ws.edition, ws.data_year, ws.world_basis, ws.world_value) == ("MCS 2026", "2025", "world row", 390_000)
    china = ws.share_of("PRC")
    assert china is not None and china.value == 270_000
    assert china.share_pct == pytest.approx(270_000 / 390_000 * 100)  # 69.23 %
    assert ws.concentration is not None
    assert ws.concentration.top1 == "China" and ws.concentration.top1_pct == pytest.approx(69.2308, abs=1e-4)
    # top 3: China, United States, Australia = (270,000 + 51,000 + 29,000) / 390,000 = 89.74 %
    assert ws.concentration.top3 == ("China", "United States", "Australia")
    assert ws.concentration.top3_pct == pytest.approx(350_000 / 390_000 * 100)
    # HHI over every country with a figure in MCS 2026 for 2025 ("Other", 550 t, is an aggregate: left out)
    by_hand = [270_000, 51_000, 29_000, 22_000, 4_800, 2_900, 2_700, 2_600, 2_000, 1_500, 150, 110, 0, 0, 0, 0]
    assert ws.concentration.hhi == pytest.approx(sum((v / 390_000 * 100) ** 2 for v in by_hand))
    assert ws.concentration.hhi == pytest.approx(5054.42, abs=0.01)
    assert ws.concentration.countries == len(by_hand)


def test_reserve_shares_against_a_lower_bound_world_row() -> None:
    # MCS 2026 reserves: Russia 3,800,000 t; World ">75,000,000" (lower bound)
    ws = world_shares(ROWS, "rare_earths", "reserves")
    assert ws is not None and ws.edition == "MCS 2026" and ws.world_value == 75_000_000
    assert ws.world_qualifier == "lower_bound"
    russia = ws.share_of("Russia")
    assert russia is not None and russia.share_pct == pytest.approx(3.8 / 75 * 100)  # 5.07 %
    burma = ws.share_of("Burma")
    assert burma is not None and burma.value is None and burma.share_pct is None  # NA in MCS 2026


def test_an_older_edition_and_year_on_request() -> None:
    # MCS 2025, 2024 production: Australia 13,000 t of 390,000 t (revised to 29,000 of 380,000 in MCS 2026)
    old = world_shares(ROWS, "rare_earths", "mine_production", edition="MCS 2025", data_year="2024")
    new = world_shares(ROWS, "rare_earths", "mine_production", edition="MCS 2026", data_year="2024")
    assert old is not None and new is not None
    a_old, a_new = old.share_of("Australia"), new.share_of("Australia")
    assert a_old is not None and a_new is not None
    assert (a_old.value, old.world_value) == (13_000, 390_000) and (a_new.value, new.world_value) == (29_000, 380_000)
    assert a_new.share_pct == pytest.approx(29_000 / 380_000 * 100)


def test_world_is_the_sum_of_countries_without_a_world_row() -> None:
    rows = [ReferenceRow("t.csv", n, "Test 2030", "", "2029", "rare_earths", c, country_key(c), "reserves", v, "t", "test")
            for n, (c, v) in enumerate([("Aland", 60.0), ("Borduria", 30.0), ("Other countries", 10.0)], start=2)]
    ws = world_shares(rows, "rare_earths", "reserves")
    assert ws is not None and ws.world_basis == "sum of countries" and ws.world_value == 100.0
    assert ws.world_row is None
    aland = ws.share_of("Aland")
    assert aland is not None and aland.share_pct == pytest.approx(60.0)
    assert ws.concentration is not None
    assert ws.concentration.hhi == pytest.approx(60**2 + 30**2)  # Other is an aggregate
    assert ws.concentration.covered_pct == pytest.approx(90.0)


# -- concentration and stages -----------------------------------------------------------------------------


def test_concentration_by_hand() -> None:
    c = concentration({"China": 92.0, "Malaysia": 5.0})
    assert c is not None
    assert (c.hhi, c.top1, c.top1_pct, c.top3_pct, c.covered_pct) == (92**2 + 5**2, "China", 92.0, 97.0, 97.0)
    assert concentration({}) is None


def test_stage_shares_pick_one_source_and_the_latest_year() -> None:
    by_stage = {s.stage: s for s in stage_shares(ROWS, "rare_earths")}
    # mining 2025 (estimate), computed from USGS MCS 2026: China 69.2, US 13.1, Australia 7.4, Burma 5.6, Thailand 1.2
    mining = by_stage["mining"]
    assert mining.data_year == "2025 (estimate)" and mining.source.startswith("Computed from USGS")
    assert [(s.country, s.share_pct) for s in mining.shares] == [("China", 69.2), ("United States", 13.1), ("Australia", 7.4),
                                                                 ("Burma", 5.6), ("Thailand", 1.2)]
    assert mining.concentration is not None
    assert mining.concentration.hhi == pytest.approx(69.2**2 + 13.1**2 + 7.4**2 + 5.6**2 + 1.2**2)  # 5047.81
    assert mining.concentration.top3_pct == pytest.approx(69.2 + 13.1 + 7.4)
    # refining/separation: the latest year is 2024 (Automotive World citing IEA: China 92); the 2030 projection
    # (China 77) is never used, only listed
    refining = by_stage["refining_separation"]
    assert refining.data_year == "2024" and [(s.country, s.share_pct) for s in refining.shares] == [("China", 92.0)]
    assert refining.concentration is not None and refining.concentration.hhi == pytest.approx(8464.0)
    assert any("projection" in r.data_year and r.value == 77 for r in refining.others)
    # magnets: c.2025, Rare Earth Exchanges: China 90
    magnets = by_stage["magnet_manufacturing"]
    assert magnets.data_year == "c.2025" and magnets.shares[0].share_pct == 90.0
    order = list(by_stage)
    assert order[0] == "mining" and order[-1] == "magnet_manufacturing"


def test_graphite_mining_and_refining_are_one_chain() -> None:
    assert chain(ROWS, "graphite") == ["mining", "refining_battery_grade"]
    mining = stage_set(ROWS, "graphite", "mining")
    assert mining is not None and mining.shares[0].country == "China" and mining.shares[0].share_pct == 77.8


def test_reserves_history_by_edition() -> None:
    past = history(ROWS, "rare_earths", "reserves", "Russian Federation")
    assert [(r.edition, r.value) for r in past] == [
        ("MCS 2023", csv_value("MCS 2023", "Russia", "reserves")), ("MCS 2024", csv_value("MCS 2024", "Russia", "reserves")),
        ("MCS 2025", csv_value("MCS 2025", "Russia", "reserves")), ("MCS 2026", csv_value("MCS 2026", "Russia", "reserves"))]
    assert [r.value for r in past] == [21_000_000, 10_000_000, 3_800_000, 3_800_000]


# -- claims -------------------------------------------------------------------------------------------------


def test_claim_of_28_7_mt_against_usgs() -> None:
    usgs = csv_value("MCS 2026", "Russia", "reserves")
    world = csv_value("MCS 2026", "World total (rounded)", "reserves")
    c = check_claim("rare earths", "reserves", 28.7e6, country="Russian Federation")
    assert c is not None
    assert (c.commodity, c.metric, c.country, c.edition, c.data_year) == ("rare_earths", "reserves", "Russia", "MCS 2026", "2025")
    assert c.independent_t == usgs == 3_800_000
    assert c.ratio == pytest.approx(28.7 / 3.8) and round(c.ratio, 2) == 7.55
    assert c.share_of_world_independent == pytest.approx(usgs / world * 100)  # 5.07 %
    assert c.share_of_world_claimed == pytest.approx(28.7e6 / (world - usgs + 28.7e6) * 100)  # 28.73 %
    assert c.world_t == world and c.world_basis == "world row, lower bound"
    assert c.history == [("MCS 2023", 21e6), ("MCS 2024", 10e6), ("MCS 2025", 3.8e6), ("MCS 2026", 3.8e6)]
    assert c.source.startswith("USGS Mineral Commodity Summaries 2026")
    assert c.row is not None and c.row.line == csv_line("MCS 2026", "Russia", "reserves")


def test_claim_aliases_give_the_same_check() -> None:
    a = check_claim("REE", "reserves", 28.7e6, country="Russia")
    b = check_claim("TREO", "reserves", 28.7e6, country="Russian Federation")
    assert a is not None and a == b


def test_claim_for_a_year_uses_that_year() -> None:
    # reserves for data year 2024 are MCS 2025's (Russia 3.8 Mt; World >90 Mt)
    c = check_claim("rare earths", "reserves", 28.7e6, country="Russia", year=2024)
    assert c is not None and c.edition == "MCS 2025" and c.data_year == "2024"
    assert c.world_t == csv_value("MCS 2025", "World total (rounded)", "reserves") == 90_000_000
    # reserves for data year 2022 (MCS 2023): Russia 21 Mt
    old = check_claim("rare earths", "reserves", 28.7e6, country="Russia", year=2022)
    assert old is not None and old.independent_t == 21e6 and old.ratio == pytest.approx(28.7 / 21)


def test_claim_falls_back_to_the_newest_edition_with_a_figure() -> None:
    # India: NA in MCS 2026, 6.9 Mt in MCS 2025
    c = check_claim("rare earths", "reserves", 6.9e6, country="India")
    assert c is not None and c.edition == "MCS 2025" and c.ratio == pytest.approx(1.0)


def test_production_and_world_claims() -> None:
    c = check_claim("rare earths", "production", 300_000, country="PRC")
    assert c is not None and c.independent_t == 270_000 and c.data_year == "2025"
    assert c.share_of_world_claimed == pytest.approx(300_000 / (390_000 - 270_000 + 300_000) * 100)
    world = check_claim("rare earths", "reserves", 130e6, country=None)
    assert world is not None and world.country is None and world.ratio == pytest.approx(130 / 75)
    assert world.share_of_world_claimed is None and world.share_of_world_independent is None


def test_claims_without_an_independent_figure() -> None:
    assert check_claim("unobtainium", "reserves", 1e6, country="Russia") is None
    assert check_claim("rare earths", "resources", 1e6, country="Russia") is None  # no resource rows
    assert check_claim("rare earths", "reserves", 1e6, country="Atlantis") is None
    assert check_claim("rare earths", "production", 1e3, country="Canada") is None  # USGS prints zero
    with pytest.raises(ValueError):
        check_claim("rare earths", "output", 1e6, country="Russia")
    with pytest.raises(ValueError):
        check_claim("rare earths", "reserves", math.nan, country="Russia")


def test_claim_check_reads_the_rows_given() -> None:
    newer = ReferenceRow("mine.csv", 2, "MCS 2031", "2031-01", "2030", "rare_earths", "Russia", "Russia", "reserves",
                         2_000_000.0, "t", "a later edition")
    c = check_claim("rare earths", "reserves", 28.7e6, country="Russia", rows=[*ROWS, newer])
    assert c is not None and c.edition == "MCS 2031" and c.ratio == pytest.approx(14.35)
    assert c.share_of_world_independent is None  # that edition has no world figure besides Russia's own
    assert c.history[-1] == ("MCS 2031", 2e6)


# -- scenario ------------------------------------------------------------------------------------------------


def test_scenario_cut_at_mining_flows_downstream() -> None:
    # MCS 2026, 2025: China 270,000 t of 390,000 t. A 50 % cut removes 135,000 t = 34.6 % of world mining
    s = scenario("rare earths", "mining", "PRC", 50)
    cut = s.impact("mining")
    assert cut is not None and cut.relation == "cut"
    assert cut.shortfall_t == pytest.approx(135_000) and cut.world_t == 390_000
    assert cut.shortfall_pct == pytest.approx(135_000 / 390_000 * 100)
    assert {r.line for r in cut.rows} == {csv_line("MCS 2026", "China", "mine_production", "2025"),
                                          csv_line("MCS 2026", "World total (rounded)", "mine_production", "2025")}
    assert set(s.depends) == {"refining_separation", "heavy_REE_separation", "magnet_manufacturing"}
    for stage in s.depends:
        down = s.impact(stage)
        assert down is not None and down.relation == "downstream"
        assert down.shortfall_pct == pytest.approx(cut.shortfall_pct)  # proportional feed: the same percentage
        assert down.rows == cut.rows  # derived from the cut's rows
    assert "proportion" in s.assumption


def test_scenario_cut_at_refining_leaves_mining_alone() -> None:
    s = scenario("rare_earths", "refining_separation", "China", 50)
    cut, mining, magnets = s.impact("refining_separation"), s.impact("mining"), s.impact("magnet_manufacturing")
    assert cut is not None and mining is not None and magnets is not None
    assert cut.country_share_pct == 92.0 and cut.shortfall_pct == pytest.approx(46.0)
    assert cut.shortfall_t is None  # no refinery output in tonnes in the data
    assert mining.relation == "upstream" and mining.shortfall_pct is None and mining.rows == ()
    assert mining.country_share_pct == 69.2  # listed for context, from the 2025 (estimate) mining shares
    assert magnets.relation == "downstream" and magnets.shortfall_pct == pytest.approx(46.0)
    heavy = s.impact("heavy_REE_separation")
    assert heavy is not None and heavy.relation == "not dependent" and heavy.shortfall_pct is None


def test_scenario_feed_shares_when_the_data_has_them() -> None:
    # a fictitious feed table: Japan's magnet makers (a fictitious 7 % of the stage, in the same source's set)
    # take 80 % of their separated oxide from China
    magnets = stage_set(ROWS, "rare_earths", "magnet_manufacturing")
    assert magnets is not None
    first = magnets.shares[0].row
    japan = ReferenceRow("t.csv", 2, first.edition, "", first.data_year, "rare_earths", "Japan", "Japan", "stage_share",
                         7.0, "%", first.source, stage="magnet_manufacturing", confidence=first.confidence)
    rows = [*ROWS, japan]
    feeds = [FeedShare("rare_earths", "magnet_manufacturing", "Japan", "China", 80.0, "2025", "test feed table")]
    s = scenario("rare_earths", "refining_separation", "China", 50, rows=rows, feeds=feeds)
    m = s.impact("magnet_manufacturing")
    assert m is not None
    # Japan (7 %) loses 80 % x 50 % = 40 % of its output; the other 93 % of the stage loses 46 % in proportion
    assert m.shortfall_pct == pytest.approx(7 * 0.40 + 93 * 0.46)
    assert "Japan sources 80%" in m.basis


def test_scenario_rejects_what_it_cannot_compute() -> None:
    with pytest.raises(ValueError):
        scenario("rare earths", "smelting", "China", 10)
    with pytest.raises(ValueError):
        scenario("rare earths", "mining", "China", 150)
    with pytest.raises(ValueError):
        scenario("unobtainium", "mining", "China", 10)
    s = scenario("rare earths", "refining_separation", "Atlantis", 50)
    cut = s.impact("refining_separation")
    assert cut is not None and cut.shortfall_pct == 0 and s.notes
