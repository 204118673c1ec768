"""Reference data in the store: the shipped rows loaded once (SQLite and PostgreSQL), `oresight reference update`
with small fictitious files in the published USGS MCS data-release layouts and a user's CSV (new editions add rows,
stored figures are never overwritten), and bad files (one line, exit 2, nothing stored lost).

The MCS files below are fictitious (invented figures for invented editions), written in the exact column layouts
of the USGS data releases: the per-commodity world tables of MCS 2022-2024 (e.g. mcs2024-raree_world.csv) and the
aggregated commodities data of MCS 2026 (MCS2026_Commodities_Data.csv)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from oresight.context import check_claim
from oresight.context.analytics import history, world_shares
from oresight.context.loader import ensure_shipped, store_rows, update_from_file
from oresight.exceptions import BadInput
from oresight.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "oresight" / "reference" / "data"

NOTE = ("\"(Data in metric tons, rare-earth-oxide (REO) equivalent, unless otherwise specified) -- Data include "
        "lanthanides and yttrium but exclude most scandium.\"")
HEAD = "MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,Is critical mineral 2025,Other notes"
W = "RARE EARTHS,World Mine Production and Reserves,Rare Earths"
# fictitious MCS 2027 in the MCS 2026 aggregated layout
MCS2027 = "\n".join([
    HEAD,
    "RARE EARTHS,Salient Statistics—United States,Rare Earths,United States,Production,\"Production, mineral concentrates\","
    f"metric tons,2026,\"55,000\",Estimated.,Yes,{NOTE}",
    f"{W},United States,Production,Mine production,metric tons,2026,\"55,000\",Estimated.,Yes,{NOTE}",
    f"{W},China,Production,Mine production,metric tons,2026,\"280,000\",Estimated.,Yes,{NOTE}",
    f"{W},Russia,Production,Mine production,metric tons,2026,\"2,700\",Estimated.,Yes,{NOTE}",
    f"{W},Canada,Production,Mine production,metric tons,2026,—,,Yes,{NOTE}",
    f"{W},World total,Production,Mine production: rounded,metric tons,2026,\"400,000\",Estimated.,Yes,{NOTE}",
    f"{W},China,Reserves,Reserves,metric tons,2026,\"44,000,000\",See Appendix C.,Yes,{NOTE}",
    f"{W},Russia,Reserves,Reserves,metric tons,2026,\"3,100,000\",See Appendix C.,Yes,{NOTE}",
    f"{W},Burma,Reserves,Reserves,metric tons,2026,NA,See Appendix C.,Yes,{NOTE}",
    f"{W},World total,Reserves,Reserves: rounded,metric tons,2026,\">74,000,000\",See Appendix C.,Yes,{NOTE}",
    "LITHIUM,World Mine Production and Reserves,Lithium,Australia,Production,Mine production,metric tons,2026,"
    "\"90,000\",Estimated.,Yes,\"(Data in metric tons, lithium content, unless otherwise specified)\"",
    "LITHIUM,World Mine Production and Reserves,Lithium,Australia,Reserves,Reserves,thousand metric tons,2026,"
    "\"7,000\",,Yes,\"(Data in metric tons, lithium content, unless otherwise specified)\"",
]) + "\n"

TYPE = "\"Rare earths, mine production, rare-earth-oxide equivalent, metric tons\""
WORLD_HEAD = "Source,Country,Type,Prod_t_est_2027,Prod_t_est_2028,Prod_notes,Reserves_t,Reserves_notes"
# fictitious MCS 2028 in the per-commodity world layout (trailing empty columns as in the published files)
MCS2028_WORLD = "\n".join([
    WORLD_HEAD + ",,,",
    f"MCS2028,United States,{TYPE},\"56,000\",\"57,000\",,\"1,900,000\",,,,",
    f"MCS2028,Russia,{TYPE},\"2,700\",\"2,800\",,\"3,000,000\",\"Reserves for Russia were revised.\",,,",
    f"MCS2028,Burma,{TYPE},W,\"20,000\",,NA,,,,",
    f"MCS2028,World total (rounded),{TYPE},\"410,000\",\"420,000\",,\">73,000,000\",,,,",
    ",,,,,,,,,,",
]) + "\n"
# the per-commodity layout claiming to be MCS 2024 with another Russian figure: the stored one must stay
MCS2024_CONFLICT = "\n".join([
    "Source,Country,Type,Prod_t_est_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes",
    f"MCS2024,Russia,{TYPE},2600,2600,,99000000,",
    f"MCS2024,China,{TYPE},210000,240000,,44000000,",
]) + "\n"
USER = ("commodity,country,metric,value,unit,year,edition,source,note\n"
        "rare-earth oxides,Russian Federation,reserves,3.5,Mt,2026,Analyst review 2026,\"Our reading of the Rosnedra "
        "balance, A. Analyst (test)\",fictitious\n"
        "REE,PRC,reserves,40,Mt,2026,Analyst review 2026,Analyst notes (test),\n")


@pytest.fixture
def store(database) -> Iterator[Store]:
    s = Store(database.url, schema=database.schema)
    s.migrate()
    yield s
    s.close()


def csv_records(name: str) -> dict[int, dict[str, str]]:
    """Each record of a shipped CSV by its line number (read with the csv module only)."""
    with (DATA / name).open(newline="") as f:
        reader = csv.DictReader(f)
        out = {}
        for record in reader:
            out[reader.line_num] = record
        return out


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the shipped rows ------------------------------------------------------------------------------------


def test_shipped_rows_are_stored_once_with_their_sources(store: Store) -> None:
    loads = ensure_shipped(store)
    assert [(ld.dataset, ld.kind) for ld in loads] == [("rare_earths_usgs.csv", "shipped"),
                                                        ("supply_chain_stage_shares.csv", "shipped")]
    assert ensure_shipped(store) == []  # idempotent
    rows = store.reference_rows()
    rare, stages = csv_records("rare_earths_usgs.csv"), csv_records("supply_chain_stage_shares.csv")
    assert len(rows) == len(rare) + len(stages)
    for r in rows:
        assert r.id is not None and r.source
        if r.dataset == "rare_earths_usgs.csv":
            record = rare[r.line]
            assert (r.edition, r.country, r.metric, r.data_year) == (record["edition"], record["country"],
                                                                    record["metric"], record["data_year"])
            assert r.value == (float(record["value_t_reo"]) if record["value_t_reo"] else None)
            assert r.source == record["source"] and r.confidence == record["confidence"]
        else:
            record = stages[r.line]
            assert (r.stage, r.country, r.data_year, r.source) == (record["stage"], record["country"],
                                                                  record["data_year"], record["source"])
            assert r.value == (float(record["share_pct"]) if record["share_pct"].replace(".", "").isdigit() else None)


# -- reference update ---------------------------------------------------------------------------------------


def test_a_new_mcs_edition_adds_rows_and_keeps_the_history(store: Store, tmp_path: Path) -> None:
    ensure_shipped(store)
    before = {r.id: r for r in store.reference_rows()}
    report = update_from_file(store, write(tmp_path, "MCS2027_Commodities_Data.csv", MCS2027))
    assert report.layout == "usgs_mcs_commodities" and report.load.editions == ("MCS 2027",)
    assert report.load.rows_added == 11 and report.load.conflicts_count == 0
    assert report.skipped == 1  # the salient-statistics row
    after = store.reference_rows()
    # nothing stored before changed
    assert {r.id: r for r in after if r.id in before} == before
    rows = store_rows(store)
    # Russia's reserves by edition: 21 → 10 → 3.8 → 3.8 → 3.1 Mt
    assert [(r.edition, r.value) for r in history(rows, "rare_earths", "reserves", "Russia")] == [
        ("MCS 2023", 21e6), ("MCS 2024", 10e6), ("MCS 2025", 3.8e6), ("MCS 2026", 3.8e6), ("MCS 2027", 3.1e6)]
    check = check_claim("rare earths", "reserves", 28.7e6, country="Russia", rows=rows)
    assert check is not None and check.edition == "MCS 2027" and check.ratio == pytest.approx(28.7 / 3.1)
    assert check.world_t == 74e6 and check.world_basis == "world row, lower bound"
    # the newest production shares come from the new edition; Canada's "—" is a zero, not a gap
    ws = world_shares(rows, "rare_earths", "mine_production")
    assert ws is not None and (ws.edition, ws.data_year, ws.world_value) == ("MCS 2027", "2026", 400_000)
    canada = ws.share_of("Canada")
    assert canada is not None and canada.value == 0 and canada.row.qualifier == "zero"
    # thousand metric tons converted to tonnes; a commodity new to the store
    lithium = [r for r in rows if r.commodity == "lithium" and r.metric == "reserves"]
    assert [(r.country, r.value, r.unit) for r in lithium] == [("Australia", 7_000_000.0, "t")]
    # loading the same file again adds nothing
    again = update_from_file(store, write(tmp_path, "MCS2027_Commodities_Data.csv", MCS2027))
    assert again.loaded_before and again.load.rows_added == 0 and again.load.rows_kept == 11


def test_the_per_commodity_world_layout(store: Store, tmp_path: Path) -> None:
    report = update_from_file(store, write(tmp_path, "mcs2028-raree_world.csv", MCS2028_WORLD))
    assert report.layout == "usgs_mcs_world" and report.load.editions == ("MCS 2028",)
    rows = [r for r in store.reference_rows() if r.edition == "MCS 2028"]
    got = {(r.country_key, r.metric, r.data_year): (r.value, r.qualifier) for r in rows}
    assert got[("Russia", "reserves", "2027")] == (3_000_000, "")  # reserves: the year before the edition
    assert got[("Russia", "mine_production", "2028")] == (2_800, "estimated")
    assert got[("Burma", "mine_production", "2027")] == (None, "withheld; estimated")
    assert got[("World", "reserves", "2027")] == (73_000_000, "lower_bound")
    assert all(r.commodity == "rare_earths" and r.source.startswith("USGS Mineral Commodity Summaries 2028") for r in rows)
    assert {r.line for r in rows if r.country_key == "Russia"} == {3}


def test_a_stored_figure_is_never_overwritten(store: Store, tmp_path: Path) -> None:
    ensure_shipped(store)
    report = update_from_file(store, write(tmp_path, "mcs2024-raree_world.csv", MCS2024_CONFLICT))
    # Russia's MCS 2024 reserves differ (99 Mt in the file, 10 Mt stored): the stored figure is kept and reported
    conflicts = {(new.country_key, new.metric): (new.value, old.value) for new, old in report.load.conflicts}
    assert conflicts == {("Russia", "reserves"): (99e6, 10e6)}
    stored = [r for r in store.reference_rows(commodity="rare_earths", country_key="Russia", metric="reserves")
              if r.edition == "MCS 2024"]
    assert [r.value for r in stored] == [10e6]
    # China's MCS 2024 reserves (44 Mt) and 2023 production (240,000 t) agree with the stored rows: kept; MCS 2024
    # rows for Russia's production and China's 2022 production were not stored: added
    assert report.load.rows_kept == 2 and report.load.rows_added == 3


def test_a_users_csv(store: Store, tmp_path: Path) -> None:
    report = update_from_file(store, write(tmp_path, "analyst.csv", USER))
    assert report.layout == "user"
    rows = {r.country_key: r for r in store.reference_rows() if r.edition == "Analyst review 2026"}
    assert rows["Russia"].value == 3_500_000 and rows["Russia"].unit == "t" and rows["Russia"].note == "fictitious"
    assert rows["China"].source == "Analyst notes (test)" and rows["China"].commodity == "rare_earths"


@pytest.mark.parametrize("name,content,needle", [
    ("empty.csv", "", "empty"),
    ("blank.csv", "\n\n", "empty"),
    ("junk.csv", "\x00\x01\x02garbage" * 50, "binary"),
    ("other.csv", "a,b,c\n1,2,3\n", "not a USGS MCS data-release CSV"),
    ("no-source.csv", "commodity,country,metric,value,unit,year,edition,source\nREE,Russia,reserves,3,Mt,2026,X,\n",
     "line 2: no source"),
    ("bad-value.csv", "commodity,country,metric,value,unit,year,edition,source\nREE,Russia,reserves,lots,Mt,2026,X,Y\n",
     "line 2: value 'lots' is not a number"),
    ("MCS_Commodities_Data.csv", HEAD + "\n" + f"{W},Russia,Reserves,Reserves,metric tons,2026,\"3,100,000\",,Yes,x\n",
     "pass --edition"),
    ("MCS2027_Commodities_Data.csv", HEAD + "\n" + "RARE EARTHS,Salient Statistics—United States,Rare Earths,"
     "United States,Production,Production,metric tons,2026,\"55,000\",,Yes,x\n", "no production, reserves or other figure"),
    ("missing.csv", None, "missing.csv"),
])
def test_bad_files_exit_2_and_lose_nothing(tmp_path: Path, name: str, content: str | None, needle: str) -> None:
    db = f"sqlite:///{tmp_path / 'o.db'}"
    with Store(db) as s:
        s.migrate()
        ensure_shipped(s)
        before = (s.reference_rows(), s.reference_loads())
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="latin-1" if "\x00" in content else "utf-8")
    r = run("reference", "update", str(path), "--database", db)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], lines
    assert b"Traceback" not in r.stderr
    with Store(db) as s:
        assert (s.reference_rows(), s.reference_loads()) == before


def test_bad_input_is_raised_before_anything_is_written(store: Store, tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        update_from_file(store, write(tmp_path, "x.csv", "commodity,country\nREE,Russia\n"))
    assert store.reference_loads() == [] and store.reference_rows() == []


# -- the commands --------------------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "oresight.cli", *args], capture_output=True, timeout=300, check=False,
                          env={**os.environ, "COLUMNS": "200"})


def test_reference_commands(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'o.db'}"
    bare = run("reference")
    assert bare.returncode == 0, bare.stderr
    assert b"rare_earths_usgs.csv" in bare.stdout and b"supply_chain_stage_shares.csv" in bare.stdout
    path = write(tmp_path, "MCS2027_Commodities_Data.csv", MCS2027)
    r = run("reference", "update", str(path), "--database", db)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "MCS 2027" in out and "11 figures added" in out
    listed = run("reference", "list", "--database", db)
    assert listed.returncode == 0, listed.stderr
    text = listed.stdout.decode()
    assert "MCS2027_Commodities_Data.csv" in text and "rare_earths_usgs.csv" in text
    conflict = run("reference", "update", str(write(tmp_path, "mcs2024-raree_world.csv", MCS2024_CONFLICT)), "--database", db)
    assert conflict.returncode == 0, conflict.stderr
    assert "1 differ from the stored figure" in conflict.stdout.decode()
    # the dossier now shows the new edition's figure for Russia
    d = run("dossier", "country", "Russian Federation", "--format", "json", "--database", db)
    assert d.returncode == 0, d.stderr
    data = json.loads(d.stdout)
    rare = next(s for s in data["commodities"] if s["commodity"] == "rare_earths")
    assert rare["reserves"]["latest"]["edition"] == "MCS 2027" and rare["reserves"]["latest"]["value"]["value"] == 3.1e6
    assert [p["edition"] for p in rare["reserves"]["history"]][-2:] == ["MCS 2026", "MCS 2027"]


def test_csv_module_reads_the_fictitious_files_as_published() -> None:
    """The fictitious files keep the published column layouts exactly (the header fields)."""
    aggregated = next(csv.reader(io.StringIO(MCS2027)))
    assert aggregated == ["MCS chapter", "Section", "Commodity", "Country", "Statistics", "Statistics_detail", "Unit",
                          "Year", "Value", "Notes", "Is critical mineral 2025", "Other notes"]
    world = next(csv.reader(io.StringIO(MCS2028_WORLD)))
    assert world[:8] == ["Source", "Country", "Type", "Prod_t_est_2027", "Prod_t_est_2028", "Prod_notes", "Reserves_t",
                         "Reserves_notes"]
