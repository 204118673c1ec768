"""The assessment: discovery score per factor, types, reporting checklist, facts, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oresight.assess import assess
from oresight.assess.facts import appendix_5b_cash, read_facts
from oresight.assess.significance import weights
from oresight.exceptions import BadInput
from oresight.pipeline import analyse_text

ROOT = Path(__file__).resolve().parents[1]

BOILERPLATE = """
About the drilling
Holes were drilled by reverse circulation (RC) and diamond core. Samples were assayed by fire assay (gold) and
four-acid digest ICP-OES at an accredited laboratory. Intervals are length-weighted averages above a 0.3 g/t Au
lower cut-off with up to 2 m of internal dilution. Reported widths are down-hole lengths; true widths are
estimated at about 80% of down-hole width.

Table 2: Collar details (MGA94 zone 51)
Hole      Easting   Northing   RL    Dip   Azimuth   Depth
{hole}    412050    6620100    410   -60   090       320

Competent Person Statement
The information in this announcement that relates to Exploration Results is based on information compiled by
Ms Jane Example, a Member of the Australian Institute of Geoscientists and a full-time employee of the Company.
Ms Example has sufficient experience to qualify as a Competent Person as defined in the 2012 Edition of the
JORC Code and consents to the inclusion of the matters in the form and context in which they appear.

JORC Code, 2012 Edition - Table 1
Section 1: Sampling Techniques and Data
Criteria   JORC Code explanation   Commentary
Sampling techniques   RC chips were split at the rig.
"""


def announcement(headline: str, result: str, hole: str = "XRC001", extra: str = "") -> str:
    return (f"EXAMPLE RESOURCES LTD (ASX: EXR)   3 March 2026\n{headline}\n\nHighlights\n- {hole}: {result}\n\n"
            f"Example Resources Ltd (ASX: EXR) reports assays from hole {hole} at its Example project. "
            f"{hole} returned {result}. {extra}\n" + BOILERPLATE.format(hole=hole))


EXCEPTIONAL = {
    "gold": announcement("Discovery: 100m @ 3.0g/t Au from surface at Example", "100m @ 3.0g/t Au from 0m"),
    "copper": announcement("Discovery hole hits 20m @ 5.0% Cu at Example", "20m @ 5.0% Cu from 62m", "XDD001"),
    "lithium": announcement("Maiden drilling: 50m @ 1.5% Li2O at Example", "50m @ 1.5% Li2O from 40m", "XRC101",
                            "The spodumene pegmatite outcrops."),
    "rare earths": announcement("Discovery: 30m @ 3,000ppm TREO from surface in clay at Example",
                                "30m @ 3,000ppm TREO from 0m", "XAC010",
                                "Mineralisation sits in the ionic clay horizon of the regolith."),
}
ORDINARY = {
    "deep narrow gold": announcement("Drilling update at Example", "2m @ 1.2g/t Au from 300m"),
    "rock chips": ("EXAMPLE RESOURCES LTD (ASX: EXR)   3 March 2026\nRock chip sampling returns up to 15g/t Au\n\n"
                   "Rock chip samples collected from outcrop at the Example prospect returned up to 15 g/t Au. "
                   "Rock chip samples are selective by nature and are not representative of the mineralisation.\n"
                   + BOILERPLATE.format(hole="-")),
}


def run(text: str, **kw: object) -> dict:
    return assess(analyse_text(text, "t.txt"), **kw).to_json()  # type: ignore[arg-type]


def factor(result: dict, name: str) -> dict:
    return next(f for f in result["significance"]["factors"] if f["name"] == name)


@pytest.mark.parametrize("good", sorted(EXCEPTIONAL))
@pytest.mark.parametrize("poor", sorted(ORDINARY))
def test_exceptional_results_rank_above_ordinary_ones_across_commodities(good: str, poor: str) -> None:
    g, p = run(EXCEPTIONAL[good]), run(ORDINARY[poor])
    assert g["significance"]["score"] > p["significance"]["score"] + 25
    assert factor(g, "best_intercept")["value"] > factor(p, "best_intercept")["value"]


@pytest.mark.parametrize("name", sorted(EXCEPTIONAL))
def test_exceptional_results_land_in_the_top_band(name: str) -> None:
    r = run(EXCEPTIONAL[name])
    assert r["significance"]["band"] == "exceptional", r["significance"]["reason"]
    assert factor(r, "best_intercept")["value"] >= 0.8


@pytest.mark.parametrize("name", sorted(ORDINARY))
def test_ordinary_results_stay_low(name: str) -> None:
    r = run(ORDINARY[name])
    assert r["significance"]["band"] in ("watch", "notable"), r["significance"]["reason"]


def test_depth_factor_prefers_shallow() -> None:
    shallow = run(announcement("Results", "10m @ 2.0g/t Au from 0m"))
    deep = run(announcement("Results", "10m @ 2.0g/t Au from 300m"))
    assert factor(shallow, "depth")["value"] == 1.0
    assert factor(deep, "depth")["value"] < 0.3
    assert shallow["significance"]["score"] > deep["significance"]["score"]


def test_rock_chips_are_not_intercepts_and_say_so() -> None:
    r = run(ORDINARY["rock chips"])
    f = factor(r, "best_intercept")
    assert f["value"] == 0.0 and "surface samples" in f["reason"]
    item = next(i for i in r["reporting"]["items"] if i["id"] == "sample_type")
    assert item["value"] in ("surface", "both")


def test_stage_words_move_the_score() -> None:
    disc = run(announcement("New discovery at Example", "12m @ 2.0g/t Au from 40m"))
    infill = run(announcement("Infill drilling at Example", "12m @ 2.0g/t Au from 40m"))
    assert factor(disc, "stage")["value"] > factor(infill, "stage")["value"]
    assert disc["significance"]["score"] > infill["significance"]["score"]


def test_materiality_needs_market_cap_and_scales_with_it() -> None:
    text = announcement("Results", "20m @ 4.0g/t Au from 30m")
    unknown = run(text)
    assert factor(unknown, "materiality")["value"] is None
    assert "market capitalisation unknown" in factor(unknown, "materiality")["reason"]
    from oresight.assess.facts import CompanyFacts

    small = run(text, facts=CompanyFacts("EXR", market_cap=10e6, cash=2e6))
    large = run(text, facts=CompanyFacts("EXR", market_cap=5e9, cash=1e8))
    assert factor(small, "materiality")["value"] > factor(large, "materiality")["value"]
    assert small["significance"]["score"] > large["significance"]["score"]


def test_criticality_comes_from_reference_stage_shares() -> None:
    ree = run(EXCEPTIONAL["rare earths"])
    gold = run(EXCEPTIONAL["gold"])
    assert factor(ree, "criticality")["value"] > 0.85  # China refines ~90% of rare earths
    assert "China" in factor(ree, "criticality")["reason"]
    assert factor(gold, "criticality")["value"] == 0.0


def test_every_score_shows_its_factors_and_is_deterministic() -> None:
    text = EXCEPTIONAL["copper"]
    a, b = run(text), run(text)
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    sig = a["significance"]
    names = {f["name"] for f in sig["factors"]}
    assert {"best_intercept", "breadth", "depth", "true_width", "stage", "materiality", "criticality", "credibility"} <= names
    for f in sig["factors"]:
        assert f["reason"] and isinstance(f["weight"], (int, float))
    known = [f for f in sig["factors"] if f["value"] is not None]
    assert abs(sum(f["contribution"] for f in known) - sig["score"]) < 0.6  # the points add up to the score


def test_reannouncement_lowers_the_score_with_the_reason() -> None:
    from oresight.assess.novelty import NoveltyIndex, fingerprint

    first = analyse_text(EXCEPTIONAL["gold"], "a.txt")
    index = NoveltyIndex()
    index.add("1", fingerprint=fingerprint(first.document.text), intercepts=first.extraction.intercepts, ticker="EXR",
              published="2026-03-03")
    recap = analyse_text("EXAMPLE RESOURCES LTD (ASX: EXR) Quarterly report\nDuring the quarter hole XRC001 returned "
                         "100m @ 3.0g/t Au from 0m, as announced on 3 March.", "b.txt")
    nov = index.check(fingerprint=fingerprint(recap.document.text), intercepts=recap.extraction.intercepts, ticker="EXR")
    assert nov.flagged
    fresh = assess(recap).to_json()
    again = assess(recap, novelty=nov).to_json()
    assert again["significance"]["score"] < fresh["significance"]["score"] - 30
    pen = factor(again, "reannounced")
    assert pen["contribution"] < 0 and "before" in pen["reason"]


@pytest.mark.parametrize(("text", "kind"), [
    ("ABC LTD (ASX: ABC)\nTrading Halt\nThe Company requests a trading halt pending an announcement.", "trading_halt"),
    ("ABC LTD (ASX: ABC)\nReinstatement to Official Quotation\nThe suspension is lifted.", "trading_halt"),
    ("Appendix 3Y\nChange of Director's Interest Notice\nName of entity ABC Ltd\nDate of change 3 March 2026", "routine"),
    ("Notification of cessation of securities - ABC\nAppendix 2A Application for quotation of securities", "routine"),
    ("Form 604\nNotice of change of interests of substantial holder\nTo ABC Ltd", "routine"),
    ("ABC LTD (ASX: ABC)\n$12 million Placement to advance Example\nFirm commitments from sophisticated and "
     "professional investors at an issue price of $0.05.", "capital_raise"),
    ("ABC LTD (ASX: ABC)\nMetallurgical test work delivers 92% recovery\nFlotation test work on a composite returned "
     "a recovery of 92% to a 6% Li2O concentrate.", "metallurgy"),
    ("ABC LTD (ASX: ABC)\nABC to acquire the Example Copper Project\nBinding agreement; consideration of $2m in shares; "
     "conditions precedent include due diligence.", "acquisition"),
    ("ABC LTD (ASX: ABC)\nScoping Study confirms robust project\nPre-tax NPV8 of A$420m and IRR of 38%.", "study"),
])
def test_announcement_types(text: str, kind: str) -> None:
    r = run(text)
    assert r["type"]["type"] == kind, r["type"]
    assert r["type"]["noise"] == (kind in ("routine", "trading_halt"))


def test_drilling_type_and_noise_flag() -> None:
    r = run(EXCEPTIONAL["gold"])
    assert r["type"]["type"] == "drilling" and r["type"]["noise"] is False


def test_appendix_5b_cash_is_read_in_thousands() -> None:
    text = ("ABC LTD (ASX: ABC)\nQuarterly Activities and Cash Flow Report\nAppendix 5B\nMining exploration entity "
            "or oil and gas exploration entity quarterly cash flow report\nQuarter ended (\"current quarter\") "
            "30 September 2026\nConsolidated statement of cash flows  Current quarter $A'000  Year to date $A'000\n"
            "4.6 Cash and cash equivalents at end of period 4,215 4,215\n")
    a = assess(analyse_text(text, "q.txt"))
    assert a.type.type == "quarterly"
    assert a.cash is not None and a.cash[0] == 4_215_000
    assert appendix_5b_cash(analyse_text("no cash here", "x.txt").document) is None


def test_reporting_red_flags() -> None:
    eq = run("ABC LTD (ASX: ABC)\nDrilling hits 12m @ 4.1g/t AuEq\nHole ABC001 returned 12m @ 4.1g/t AuEq from 20m. "
             "Competent Person: Mr A Person, MAusIMM.")
    assert "metal_eq_without_assumptions" in {f["id"] for f in eq["reporting"]["red_flags"]}
    visual = run("ABC LTD (ASX: ABC)\nDrilling intersects 42m of 20-25% visual spodumene\nHole ABC002 intersected 42m "
                 "of pegmatite with visual estimates of 20-25% spodumene from 30m. Assays are pending. Visual estimates "
                 "should not be considered a proxy for laboratory analyses.")
    item = next(i for i in visual["reporting"]["items"] if i["id"] == "assays")
    assert item["status"] == "missing"
    assert "visual_as_assays" in {f["id"] for f in visual["reporting"]["red_flags"]}
    cherry = run("ABC LTD (ASX: ABC)\nDrilling hits 1m @ 45.0g/t Au\nHole ABC003 returned 20m @ 2.9g/t Au from 30m, "
                 "including 1m @ 45.0g/t Au from 41m. Competent Person: Ms B Person, MAIG.")
    assert "headline_cherry_pick" in {f["id"] for f in cherry["reporting"]["red_flags"]}
    ok = run(EXCEPTIONAL["gold"])
    statuses = {i["id"]: i["status"] for i in ok["reporting"]["items"]}
    assert statuses["competent_person"] == statuses["code_reference"] == statuses["drillhole_table"] == "present"
    assert statuses["true_width"] == statuses["aggregation"] == statuses["table1"] == "present"
    assert statuses["metal_equivalent"] == "n/a"
    for i in ok["reporting"]["items"]:
        if i["status"] == "present":
            assert i["evidence"], i  # every present item cites where it was read


def test_checklist_does_not_apply_to_a_capital_raise() -> None:
    r = run("ABC LTD (ASX: ABC)\n$5m Placement\nFirm commitments at an issue price of $0.10.")
    assert {i["status"] for i in r["reporting"]["items"]} == {"n/a"}
    assert r["reporting"]["quality"] is None


def test_company_facts_csv_layouts() -> None:
    own = read_facts("ticker,name,market_cap_aud,shares_on_issue,cash_aud,as_of\nEXR,Example,25m,500000000,"
                     "\"3,100,000\",2026-11-20\n")
    assert own[0].market_cap == 25e6 and own[0].cash == 3.1e6 and own[0].shares_on_issue == 5e8
    asx = read_facts('"ASX code","Company name","GICs industry group","Listing date","Market Cap"\n'
                     '"EXR","EXAMPLE RESOURCES LTD","Materials","03/05/2021","41250000"\n')
    assert asx[0].ticker == "EXR" and asx[0].market_cap == 41_250_000
    old = read_facts("ASX listed companies as at Mon Nov 23 2026\n\nCompany name,ASX code,GICS industry group\n"
                     "\"EXAMPLE RESOURCES LTD\",EXR,Materials\n")
    assert old[0].ticker == "EXR" and old[0].market_cap is None
    with pytest.raises(BadInput):
        read_facts("name,value\nx,1\n")
    with pytest.raises(BadInput):
        read_facts("ticker,market_cap_aud\nEXR,lots\n")


def test_weights_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "w.yaml"
    bad.write_text("weights: {made_up: 3}\n")
    with pytest.raises(BadInput):
        weights(str(bad))
    good = tmp_path / "g.yaml"
    good.write_text("weights: {best_intercept: 80, breadth: 0, depth: 0, true_width: 0, stage: 0, materiality: 0, "
                    "criticality: 0, credibility: 20}\n")
    w = weights(str(good))
    r = assess(analyse_text(EXCEPTIONAL["copper"], "c.txt"), weights=w).to_json()
    assert r["significance"]["weights"] == str(good)
    assert factor(r, "best_intercept")["weight"] == 80


# ---------------------------------------------------------------- CLI and store


def _cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    e = dict(os.environ)
    e.pop("ORESIGHT_DATABASE_URL", None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "oresight.cli", *args], capture_output=True, cwd=cwd, env=e,
                          input=stdin, timeout=300)


def test_cli_assess_json_contract_and_market_cap(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(EXCEPTIONAL["lithium"])
    r = _cli("assess", str(f))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    for key in ("commodities", "intercepts", "resources", "type", "significance", "reporting", "novelty"):
        assert key in data
    assert data["novelty"]["status"] == "unchecked"
    assert 0 <= data["significance"]["score"] <= 100
    r2 = _cli("assess", str(f), "--market-cap", "20000000", "--cash", "3000000")
    m = next(x for x in json.loads(r2.stdout)["significance"]["factors"] if x["name"] == "materiality")
    assert m["value"] is not None and "A$" in m["reason"]
    table = _cli("assess", str(f), "-f", "table")
    assert table.returncode == 0 and b"Discovery score factors" in table.stdout


@pytest.mark.parametrize("args", [("assess", "missing.pdf"), ("assess", "x.txt", "--market-cap", "lots"),
                                  ("calibrate", "missing.csv"), ("facts", "missing.csv")])
def test_cli_bad_input_is_one_line_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("hello")
    db = () if args[0] == "assess" else ("-d", f"sqlite:///{tmp_path / 'db.sqlite'}")
    r = _cli(*args, *db, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(b"oresight: ") and b"Traceback" not in r.stderr


def test_ingest_flags_reannouncements_and_calibrate(tmp_path: Path, database) -> None:  # type: ignore[no-untyped-def]
    """On both backends: assessments, fingerprints and company facts stored; novelty against the archive."""
    from oresight.assess.calibrate import calibrate, read_outcomes
    from oresight.assess.service import Assessor
    from oresight.store import Store, StoredFacts

    store = Store(database.url, schema=database.schema)
    store.migrate()
    try:
        store.put_facts([StoredFacts("EXR", market_cap=30e6, cash=4e6, as_of="2026-11-20", source="t")])
        assessor = Assessor(store)
        first = analyse_text(EXCEPTIONAL["gold"], "a.txt")
        ann, created, a = assessor.ingest(first, source="a.txt")
        assert created and a.novelty.status in ("new", "unchecked")
        assert store.assessment(ann)["significance"]["score"] == a.significance.score
        m = next(f for f in a.significance.factors if f.name == "materiality")
        assert m.value is not None  # the stored market cap was used
        recap = analyse_text("EXAMPLE RESOURCES LTD (ASX: EXR)\nResults recap\nAs announced, XRC001 returned "
                             "100m @ 3.0g/t Au from 0m at the Example project.", "b.txt")
        _, _, b = assessor.ingest(recap, source="b.txt")
        assert b.novelty.flagged and b.significance.score < a.significance.score
        # a fresh assessor rebuilds the index from the store
        again = Assessor(store).assess(recap)
        assert again.novelty.flagged
        ranked = store.ranked()
        assert ranked[0].id == ann
        # Appendix 5B cash updates the company's facts
        q = analyse_text("EXAMPLE RESOURCES LTD (ASX: EXR)\nQuarterly Activities Report\nAppendix 5B\nQuarter ended "
                         "(\"current quarter\") 30 September 2026\n$A'000\n4.6 Cash and cash equivalents at end of "
                         "period 2,950 2,950\n", "q.txt")
        assessor.ingest(q, source="q.txt")
        facts = store.facts("EXR")
        assert facts is not None and facts.cash == 2_950_000 and facts.market_cap == 30e6
        # calibrate: too few rows is bad input; with enough rows it reports an out-of-sample fit
        rows = [(f"{EXCEPTIONAL[k]}\nVariant {n}.", 1) for n, k in enumerate(sorted(EXCEPTIONAL) * 3)]
        rows += [(announcement("Drilling update", f"2m @ {1 + n / 10:.1f}g/t Au from {200 + n * 10}m") + f"\nRun {n}", 0)
                 for n in range(12)]
        ids = []
        for n, (text, label) in enumerate(rows):
            i, _, _ = assessor.ingest(analyse_text(text, f"c{n}.txt"), source=f"c{n}.txt")
            ids.append((i, label))
        csv_path = tmp_path / "outcomes.csv"
        csv_path.write_text("announcement_id,label\n" + "\n".join(f"{i},{lab}" for i, lab in ids) + "\n")
        report = calibrate(store, read_outcomes(csv_path), folds=3)
        assert report.rows == len(ids) and report.auc_cv > 0.8
        assert abs(sum(report.weights.values()) - 100) < 1
        assert "out of sample" in report.summary()
        # ordinal labels (ordinary < significant < exceptional) fit a cumulative-logit model
        levels = {1: "exceptional", 0: "ordinary"}
        mid = []
        for n in range(6):
            i, _, _ = assessor.ingest(analyse_text(announcement("Step-out drilling", f"{14 + n}m @ {2.2 + n / 10:.1f}g/t Au "
                                                                f"from {60 + n}m") + f"\nRun m{n}", f"m{n}.txt"), source=f"m{n}.txt")
            mid.append(i)
        ordinal_csv = tmp_path / "ordinal.csv"
        ordinal_csv.write_text("announcement_id,label\n" + "\n".join(f"{i},{levels[lab]}" for i, lab in ids)
                               + "\n" + "\n".join(f"{i},significant" for i in mid) + "\n")
        rep = calibrate(store, read_outcomes(ordinal_csv), folds=3)
        assert rep.model.startswith("ordinal") and rep.concordance_cv is not None and rep.concordance_cv > 0.75
        assert "concordance" in rep.summary()
        few = tmp_path / "few.csv"
        few.write_text("announcement_id,label\n1,1\n2,0\n")
        with pytest.raises(BadInput):
            calibrate(store, read_outcomes(few))
    finally:
        store.close()


def test_breadth_counts_holes_with_significant_results() -> None:
    one = announcement("Results", "20m @ 3.0g/t Au from 30m") + "\nA total of 15 drill holes were completed; the other 14 holes returned no significant intercepts."
    many = (announcement("Results", "20m @ 3.0g/t Au from 30m")
            + "\nXRC002 returned 18m @ 2.8g/t Au from 40m. XRC003 returned 25m @ 2.5g/t Au from 22m. "
              "XRC004 returned 16m @ 3.3g/t Au from 51m.\n")
    b1, b2 = factor(run(one), "breadth"), factor(run(many), "breadth")
    assert b2["value"] > b1["value"]
    assert "of 15 holes" in b1["reason"]


def test_true_width_and_credibility_factors() -> None:
    stated = run(announcement("Results", "20m @ 3.0g/t Au from 30m"))
    bare = run("EXAMPLE RESOURCES LTD (ASX: EXR)\nResults\nHole XRC001 returned 20m @ 3.0g/t Au from 30m.\n")
    assert factor(stated, "true_width")["value"] > factor(bare, "true_width")["value"]
    assert factor(stated, "credibility")["value"] > factor(bare, "credibility")["value"]
    flags = {f["id"] for f in bare["reporting"]["red_flags"]}
    assert {"missing_competent_person", "no_true_width"} <= flags
    assert "red flags" in factor(bare, "credibility")["reason"]


def test_resource_size_uses_minex_classes() -> None:
    big = run("EXAMPLE RESOURCES LTD (ASX: EXR)\nMaiden 1.2 Moz Mineral Resource at Example\nThe maiden Mineral Resource "
              "estimate is 28.4 Mt @ 1.32 g/t Au for 1,206,000 oz (Indicated and Inferred), reported under the JORC Code.\n")
    small = run("EXAMPLE RESOURCES LTD (ASX: EXR)\nMineral Resource update at Example\nThe Mineral Resource "
                "estimate is 0.6 Mt @ 1.5 g/t Au for 29,000 oz (Inferred), reported under the JORC Code.\n")
    fb, fs = factor(big, "best_intercept"), factor(small, "best_intercept")
    assert fb["value"] > 0.6 > fs["value"] and "MinEx" in fb["reason"]
    assert factor(big, "stage")["value"] > factor(small, "stage")["value"]  # maiden vs update
    assert big["type"]["type"] == "resource"


@pytest.mark.parametrize("kind", ["digits", "dots", "numbers", "percent", "metres"])
def test_assessment_time_is_linear_on_hostile_text(kind: str) -> None:
    """Cue patterns must not backtrack: long runs of digits, dots or numbers assess in well under a second."""
    import time

    body = {"digits": "1" * 30000, "dots": "." * 200000, "numbers": "1.1," * 50000, "percent": "12% " * 50000,
            "metres": "12 m " * 40000}[kind]
    analysis = analyse_text("ABC LTD (ASX: ABC)\nDrilling results\n" + body, "hostile.txt")
    t0 = time.perf_counter()
    assess(analysis)
    assert time.perf_counter() - t0 < 3.0


def test_stored_document_is_not_new_against_itself_and_reingest_keeps_scores(tmp_path: Path) -> None:
    folder = tmp_path / "day"
    folder.mkdir()
    (folder / "a.txt").write_text(EXCEPTIONAL["gold"])
    (folder / "b.txt").write_text(EXCEPTIONAL["copper"].replace("EXR", "EXC"))
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert _cli("ingest", str(folder), "-d", db, "-q").returncode == 0
    from oresight.store import Store

    store = Store(db)
    before = [(r.id, r.score, r.novelty) for r in store.ranked(include_noise=True)]
    store.close()
    r = _cli("assess", str(folder / "a.txt"), "-d", db)
    data = json.loads(r.stdout)
    assert data["novelty"]["status"] == "new", data["novelty"]
    assert data["significance"]["score"] == next(s for i, s, _ in before if i == 1)
    again = _cli("ingest", str(folder), "-d", db, "-q")
    assert b"0 stored, 2 already stored" in again.stdout
    store = Store(db)
    assert [(r.id, r.score, r.novelty) for r in store.ranked(include_noise=True)] == before
    # the release date is read from the letterhead, so outcomes can name ticker + date
    assert store.find_by_ticker_date("EXR", "2026-03-03") == [1]
    store.close()


def test_appendix_5b_wrapped_layout_and_dates(database) -> None:  # type: ignore[no-untyped-def]
    from oresight.assess.service import Assessor
    from oresight.store import Store

    def quarter(day: str, cash: str) -> str:
        return (f"EXAMPLE RESOURCES LTD (ASX: EXR)\nQuarterly Activities Report\nAppendix 5B\nMining exploration entity "
                f"quarterly cash flow report\nQuarter ended (\"current quarter\")   {day}\n"
                f"Consolidated statement of cash flows        Current quarter $A'000\n"
                f"4.6  Cash and cash equivalents at end of\n     period                     {cash}        {cash}\n")

    store = Store(database.url, schema=database.schema)
    store.migrate()
    try:
        a = Assessor(store)
        _, _, june = a.ingest(analyse_text(quarter("30 June 2025", "16,840"), "jun.txt"), source="jun.txt")
        assert june is not None and june.cash is not None and june.cash[0] == 16_840_000 and june.cash[2] == "2025-06-30"
        a.ingest(analyse_text(quarter("31 March 2025", "11,100"), "mar.txt"), source="mar.txt")
        facts = store.facts("EXR")
        assert facts is not None and facts.cash == 16_840_000 and facts.cash_as_of == "2025-06-30"  # older quarter ignored
    finally:
        store.close()


@pytest.mark.parametrize("text", ["weights: {best_intercept: abc}", "weights: {best_intercept: -1}", "- a\n- b",
                                  "weights: {best_intercept: .nan}", "weights: {made_up: 1}", "bands: []\nweights: {depth: 1}",
                                  "weights: {best_intercept: 0, breadth: 0, depth: 0, true_width: 0, stage: 0, "
                                  "materiality: 0, criticality: 0, credibility: 0}"])
def test_bad_weights_files_are_bad_input(text: str, tmp_path: Path) -> None:
    f = tmp_path / "w.yaml"
    f.write_text(text)
    doc = tmp_path / "a.txt"
    doc.write_text(EXCEPTIONAL["gold"])
    r = _cli("assess", str(doc), env={"ORESIGHT_WEIGHTS": str(f)})
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and b"ORESIGHT_WEIGHTS" in r.stderr


@pytest.mark.parametrize("value", ["0", "inf", "nan", "-5", "1e300"])
def test_market_cap_out_of_range_is_bad_input(value: str, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(EXCEPTIONAL["gold"])
    r = _cli("assess", str(doc), f"--market-cap={value}")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_points_add_up_when_there_is_no_result() -> None:
    r = run("ABC LTD (ASX: ABC)\nAcquisition of the Example project\nConsideration of $2m; conditions precedent.\n"
            "Competent Person statement: Mr A Person, MAusIMM, JORC Code.")
    sig = r["significance"]
    assert sig["score"] == 0 and all(f["contribution"] == 0 for f in sig["factors"])


def test_calibrate_rejects_odd_ids(tmp_path: Path) -> None:
    f = tmp_path / "o.csv"
    f.write_text("announcement_id,label\n\u00b2,1\n")
    r = _cli("calibrate", str(f), "-d", f"sqlite:///{tmp_path / 'db.sqlite'}")
    assert r.returncode == 2 and b"positive whole number" in r.stderr


def test_resource_totals_are_not_double_counted() -> None:
    text = ("EXAMPLE RESOURCES LTD (ASX: EXR)\nMineral Resource update\n\nTable 1: Mineral Resource by deposit\n\n"
            "| Deposit | Category | Tonnes (Mt) | Grade (g/t Au) | Contained (koz Au) |\n|---|---|---|---|---|\n"
            "| North | Indicated | 5.0 | 2.0 | 321 |\n| North | Inferred | 2.0 | 1.5 | 96 |\n"
            "| North | Total | 7.0 | 1.85 | 417 |\n| South | Inferred | 3.0 | 1.6 | 154 |\n"
            "| South | Total | 3.0 | 1.6 | 154 |\n| Grand total | Total | 10.0 | 1.78 | 571 |\n\n"
            "Reported under the JORC Code (2012).\n")
    r = run(text)
    reason = factor(r, "best_intercept")["reason"]
    assert "0.57 Moz" in reason or "0.58 Moz" in reason, reason


@pytest.mark.parametrize(("headline", "kind"), [
    ("Application for quotation of securities - EXR", "routine"),
    ("Notification regarding unquoted securities - EXR", "routine"),
    ("Proposed issue of securities - EXR", "routine"),
    ("Change of Director's Interest Notice", "routine"),
    ("Becoming a substantial holder", "routine"),
    ("Ceasing to be a substantial holder", "routine"),
    ("Cleansing Notice", "routine"),
    ("Results of Meeting", "routine"),
    ("Notice of Annual General Meeting/Proxy Form", "routine"),
    ("Appendix 4G and Corporate Governance Statement", "routine"),
    ("Response to ASX Price Query", "routine"),
    ("Trading Halt", "trading_halt"),
    ("Suspension from Quotation", "trading_halt"),
    ("Reinstatement to Quotation", "trading_halt"),
    ("Quarterly Activities/Appendix 5B Cash Flow Report", "quarterly"),
    ("Half Year Financial Report", "quarterly"),
    ("Investor Presentation", "other"),
    ("Placement and Share Purchase Plan to raise $8 million", "capital_raise"),
    ("Option to acquire high-grade copper project in Queensland", "acquisition"),
    ("Scoping Study confirms robust open pit", "study"),
    ("Maiden Mineral Resource Estimate for Example", "resource"),
])
def test_asx_form_headlines(headline: str, kind: str) -> None:
    r = run(f"EXAMPLE RESOURCES LTD (ASX: EXR)\n{headline}\n\nThe Company advises as attached.\n")
    assert r["type"]["type"] == kind, r["type"]["reason"]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from(["Appendix 5B", "4.6 Cash and cash equivalents at end of period", "12m @ 3.1g/t Au",
                          "from 40m", "including", "2m @ 45g/t Au", "CuEq", "Competent Person", "JORC", "Table 1",
                          "Mt @", "1.2%", "Li2O", "TREO", "ppm", "true width", "Easting", "Dip", "trading halt",
                          "Placement", "maiden", "discovery", "infill", "\n", "|", "•", "up to", "30 June 2025"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)), max_size=60))
def test_assess_never_raises_and_points_add_up(parts: list[str]) -> None:
    text = "ABC LTD (ASX: ABC) " + " ".join(parts)
    r = assess(analyse_text(text, "h.txt")).to_json()
    sig = r["significance"]
    assert 0 <= sig["score"] <= 100
    known = [f["contribution"] for f in sig["factors"] if f["value"] is not None and f["weight"] > 0]
    penalties = [f["contribution"] for f in sig["factors"] if f["weight"] < 0]
    assert sig["score"] == pytest.approx(max(0.0, min(100.0, sum(known) + sum(penalties))), abs=0.6)
    json.dumps(r)  # plain JSON


def test_cli_calibrate_on_the_labelled_corpus(tmp_path: Path) -> None:
    """End to end: ingest the sample day, name each announcement's labelled significance, refit."""
    from oresight.store import Store

    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert _cli("ingest", str(ROOT / "samples" / "corpus"), "-d", db, "-q").returncode == 0
    store = Store(db)
    by_source = {Path(a.source).stem: a.id for a in store.announcements(limit=500)}
    store.close()
    rows = []
    for lab in sorted((ROOT / "samples" / "corpus").glob("*.assess.json")):
        label = json.loads(lab.read_text())
        if label["significance"] and label["id"] in by_source:
            rows.append(f"{by_source[label['id']]},{label['significance']}")
    csv_path = tmp_path / "outcomes.csv"
    csv_path.write_text("announcement_id,label\n" + "\n".join(rows) + "\n")
    out = tmp_path / "w.yaml"
    r = _cli("calibrate", str(csv_path), "-d", db, "--out", str(out), "--force")
    assert r.returncode == 0, r.stderr
    text = r.stdout.decode()
    assert "ordinal regression" in text and "out of sample" in text and "current score AUC" in text
    assert out.exists()
    doc = tmp_path / "a.txt"
    doc.write_text(EXCEPTIONAL["gold"])
    r2 = _cli("assess", str(doc), env={"ORESIGHT_WEIGHTS": str(out)})
    assert r2.returncode == 0, r2.stderr
    assert json.loads(r2.stdout)["significance"]["weights"] == str(out)


def test_company_facts_odd_but_valid_and_invalid_csvs() -> None:
    semi = read_facts("ticker;market_cap_aud;cash_aud;as_of\nEXR;1.2e8;4e6;31/03/2026\n")
    assert semi[0].market_cap == 1.2e8 and semi[0].cash == 4e6 and semi[0].as_of == "2026-03-31"
    for bad in ("ticker,market_cap_aud,as_of\nEXR,1e400,2026-01-01\n", "ticker,market_cap_aud,as_of\nEXR,5e6,2025-13-45\n",
                "ticker,market_cap_aud\nEXR,nan\n", "ticker,market_cap_aud\nEX R!,5\n"):
        with pytest.raises(BadInput):
            read_facts(bad)


@pytest.mark.parametrize("name", ["corpus/ybg-001.pdf", "corpus/pdq-001.pdf", "holdout2/a-003.pdf", "assess/as-029.md",
                                  "assess/as-041.md", "corpus/nw-004.html"])
def test_evidence_spans_point_at_their_text(name: str) -> None:
    """Every evidence span of the reporting checklist and of the factors is the text it quotes (for highlighting)."""
    from oresight.extract.lexicon import fold
    from oresight.pipeline import analyse_path

    analysis = analyse_path(ROOT / "samples" / name)
    pages = {p.number: p.text for p in analysis.document.pages}
    r = assess(analysis)
    evidence = [e for i in r.reporting.items for e in i.evidence] + [e for f in r.significance.factors for e in f.evidence]
    evidence += [e for f in r.reporting.red_flags for e in f.evidence]
    assert evidence
    for e in evidence:
        if e.span.end == e.span.start == 0:
            continue  # a table cell without a position
        got = fold(pages[e.span.page][e.span.start:e.span.end])
        assert " ".join(got.split()) == " ".join(fold(e.surface).split()), (name, e)


def test_a_presentation_repeating_results_is_other() -> None:
    text = ("EXAMPLE RESOURCES LTD (ASX: EXR)\nInvestor Presentation - Mines and Money Conference\n\n"
            "Our 2026 drilling at Example returned 20m @ 3.0g/t Au from 30m in XRC001 and 12m @ 2.1g/t Au from 8m in "
            "XRC002 (see ASX release of 3 March 2026).\n")
    assert run(text)["type"]["type"] == "other"


@pytest.mark.parametrize("name", ["acz-001.pdf", "brl-001.txt"])
def test_rescore_equals_a_full_assessment(name: str) -> None:
    """The watcher assesses in a worker first and scores again when the archive has a verdict: the result
    must be exactly what a full assessment with the same facts, history and novelty gives."""
    from oresight.assess import CompanyFacts, Novelty, assess, rescore
    from oresight.pipeline import analyse_path

    analysis = analyse_path(Path(__file__).resolve().parents[1] / "samples" / "corpus" / name)
    first = assess(analysis)
    facts = CompanyFacts("ACZ", market_cap=30e6, cash=4e6, source="test")
    repeat = Novelty("reannounced", "6 of 12 results were announced before (#7)", "7", 0.4, share_repeated=0.5)
    for kwargs in ({}, {"facts": facts}, {"history": 3}, {"novelty": repeat},
                   {"facts": facts, "history": 0, "novelty": repeat}):
        assert rescore(analysis, first, **kwargs).to_json() == assess(analysis, **kwargs).to_json()  # type: ignore[arg-type]


def test_cached_company_history_follows_what_is_stored(tmp_path: Path) -> None:
    from oresight.assess import assess, fingerprint
    from oresight.assess.service import Assessor, _main_ticker
    from oresight.pipeline import analyse_path
    from oresight.store import Store

    store = Store(f"sqlite:///{tmp_path / 'ctx.db'}")
    store.migrate()
    assessor = Assessor(store)
    corpus = Path(__file__).resolve().parents[1] / "samples" / "corpus"
    analysis = analyse_path(corpus / "acz-001.pdf")
    ticker = _main_ticker(analysis)
    assert ticker and analysis.extraction.intercepts
    assert assessor.context(ticker)[1] == 0  # cached now
    [(_ann_id, created, _)] = assessor.ingest_assessed(
        [(analysis, "test", None, assess(analysis), fingerprint(analysis.document.text))])
    assert created and assessor.context(ticker)[1] == store.results_before(ticker) == 1
    # the same document again changes nothing
    assessor.ingest_assessed([(analysis, "test", None, assess(analysis), fingerprint(analysis.document.text))])
    assert assessor.context(ticker)[1] == store.results_before(ticker) == 1
    store.close()
