"""Issue 6, acceptance: a directive with no funding, vague deposits, a 28.7 Mt rare-earth reserve claim, transport
hubs on two borders and a deadline in weeks, against an earlier, nearly identical statement stored as from years
before. Run as a user runs it: real processes, a real SQLite database, the shipped reference data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from oresight.documents import read_path

ROOT = Path(__file__).resolve().parents[1]

EARLIER = """On the development of the rare-earth metals industry

1. The Government of the Russian Federation, jointly with the relevant federal executive bodies, shall within one
month prepare a roadmap for the extraction and processing of rare-earth metals.

2. The Government shall ensure the development of rare-earth deposits in the regions.

3. The Russian Federation has 28.7 million tonnes of rare-earth reserves, among the largest in the world.

4. The relevant ministries are instructed to build transport and logistics hubs on the eastern and southern
borders to serve the rare-earth industry.

5. Regional authorities shall attract strategic partners to develop the industry as soon as possible.
"""

LATER = """List of instructions on the development of the rare-earth metals industry

1. The Government of the Russian Federation, jointly with the relevant federal executive bodies, shall within
weeks prepare a roadmap for the extraction and processing of rare-earth metals.

2. The Government shall ensure the development of rare-earth deposits in the regions.

3. The Russian Federation has 28.7 million tonnes of rare-earth reserves, among the largest in the world.

4. The relevant ministries are instructed to build transport and logistics hubs on the eastern and southern
borders to serve the rare-earth industry.

5. Regional authorities shall attract strategic partners to develop the industry as soon as possible.
"""

SUBSTANTIVE = """Kestrel Rare Metals to build separation plant with A$50m grant
Date: 2025-09-02
Issuer: Kestrel Rare Metals Ltd

Kestrel Rare Metals Ltd (ASX: KRM) will build a rare-earth separation plant at its Mount Harlow project, funded by an
A$50m grant from the Department of Critical Industries and a US$120 million loan from Northbridge Export Finance Bank.

The solvent extraction circuit will have a capacity of 5,000 t/y of separated NdPr oxide, with commissioning in the
third quarter of 2027.

Kestrel has signed an offtake agreement with Halvorsen Magnetics GmbH for 60% of the oxide.
"""


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORESIGHT_LLM")}
    env.pop("ORESIGHT_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "oresight.cli", *args], capture_output=True, timeout=300,
                          check=False, env=env)


def policy_json(path: Path, *args: str) -> dict[str, Any]:
    r = run("policy", str(path), "--format", "json", *args)
    assert r.returncode == 0, r.stderr.decode()
    data: dict[str, Any] = json.loads(r.stdout)
    return data


def _spans_quote_the_text(path: Path, data: dict[str, Any]) -> None:
    pages = {p.number: p.text for p in read_path(path).pages}
    quoted = 0
    for item in data["substance"]:
        for f in item["evidence"] + item["vague"]:
            assert pages[f["page"]][f["start"]:f["end"]] == f["quote"]
            quoted += 1
    for c in data["claims"] + data["commitments"]:
        assert pages[c["page"]][c["start"]:c["end"]] == c["quote"]
        quoted += 1
    assert quoted >= 8


@pytest.fixture
def archive(tmp_path: Path) -> str:
    """A database holding the earlier statement, ingested as from seven years before."""
    db = f"sqlite:///{tmp_path / 'statements.db'}"
    earlier = tmp_path / "instructions-2019.txt"
    earlier.write_text(EARLIER)
    r = run("ingest", str(earlier), "--date", "2019-03-12", "--issuer", "Presidential Administration", "-d", db, "-q")
    assert r.returncode == 0, r.stderr.decode()
    assert b"1 statement(s): 1 stored" in r.stdout
    return db


def test_directive_against_its_earlier_twin(tmp_path: Path, archive: str) -> None:
    later = tmp_path / "instructions-2026.txt"
    later.write_text(LATER)
    data = policy_json(later, "-d", archive, "--date", "2026-05-14", "--issuer", "Presidential Administration")
    items = {i["id"]: i for i in data["substance"]}

    # the missing elements
    assert items["funding"]["status"] == "missing"
    assert items["deposits"]["status"] == "vague"
    assert "rare-earth deposits" in [f["quote"] for f in items["deposits"]["vague"]]
    assert items["partners"]["status"] == "vague"  # "strategic partners", none named
    assert items["capacity"]["status"] == "missing"
    assert items["deadlines"]["status"] == "vague"
    assert "within weeks" in [" ".join(f["quote"].split()) for f in items["deadlines"]["vague"]]
    assert items["bodies"]["status"] == "vague"
    assert data["scores"]["substance"] < 40

    # the 7.6x gap to the USGS 3.8 Mt
    (claim,) = data["claims"]
    assert (claim["metric"], claim["commodity"], claim["country"], claim["value_t"]) == (
        "reserves", "rare earths", "Russia", 28_700_000.0)
    assert claim["check"]["independent_t"] == 3_800_000.0
    assert claim["check"]["edition"] == "MCS 2026" and "USGS" in claim["check"]["source"]
    assert round(claim["ratio"], 1) == 7.6 and claim["consistent"] is False

    # the recycled commitments with their earlier dates
    commitments = data["commitments"]
    assert len(commitments) >= 4
    restated = [c for c in commitments if c["restates"]]
    assert len(restated) == len(commitments)
    assert {c["restates"]["date"] for c in restated} == {"2019-03-12"}
    hubs = next(c for c in commitments if "hubs" in c["quote"])
    assert "eastern and southern" in hubs["restates"]["quote"] and hubs["restates"]["similarity"] > 0.9
    weeks = next(c for c in commitments if "within" in c["quote"] and "weeks" in c["quote"])
    assert "within one month" in " ".join(weeks["restates"]["quote"].split())
    assert data["recycled"]["share_restated"] == 1.0 and data["scores"]["novelty_of_commitments"] == 0.0
    assert data["recycled"]["priors"][0]["date"] == "2019-03-12"

    # the verdict, in plain words, from those parts
    verdict = data["verdict"]
    assert verdict.startswith("rhetoric over substance: no funding")
    assert "no named deposits" in verdict and "no named partners" in verdict and '"within weeks"' in verdict
    assert "reserve claim 7.6× the USGS estimate" in verdict
    assert "100% of commitments restate a 2019 statement" in verdict
    assert (data["date"], data["date_from"], data["issuer"]) == ("2026-05-14", "command line", "Presidential Administration")
    _spans_quote_the_text(later, data)


def test_the_same_directive_without_an_archive_is_unchecked_for_recycling(tmp_path: Path) -> None:
    later = tmp_path / "instructions.txt"
    later.write_text(LATER)
    data = policy_json(later)
    assert data["recycled"]["status"] == "unchecked" and data["scores"]["novelty_of_commitments"] is None
    assert "no earlier statement stored" in data["verdict"]
    assert "reserve claim 7.6× the USGS estimate" in data["verdict"]


def test_a_later_statement_is_not_an_earlier_one(tmp_path: Path, archive: str) -> None:
    """Stored statements dated after the one analysed are not the promises it recycles."""
    later = tmp_path / "instructions.txt"
    later.write_text(LATER)
    data = policy_json(later, "-d", archive, "--date", "2018-01-10", "--issuer", "Presidential Administration")
    assert data["recycled"]["status"] == "unchecked"
    assert all(c["restates"] is None for c in data["commitments"])


def test_a_substantive_statement_scores_high(tmp_path: Path) -> None:
    f = tmp_path / "kestrel.txt"
    f.write_text(SUBSTANTIVE)
    data = policy_json(f)
    statuses = {i["id"]: i["status"] for i in data["substance"]}
    assert statuses == {k: "present" for k in statuses}, statuses
    assert data["scores"]["substance"] == 100.0 and data["label"] == "substantive"
    funding = next(i for i in data["substance"] if i["id"] == "funding")
    amounts = {(f["detail"]["currency"], f["detail"]["amount"]) for f in funding["evidence"]}
    assert amounts == {("AUD", 50e6), ("USD", 120e6)}
    assert (data["issuer"], data["date"]) == ("Kestrel Rare Metals Ltd", "2025-09-02")
    _spans_quote_the_text(f, data)


def test_ingest_keeps_announcements_as_announcements(tmp_path: Path) -> None:
    """Without --issuer (and without an Issuer: line or type: statement), ingest stores an announcement as before."""
    db = f"sqlite:///{tmp_path / 'o.db'}"
    ann = tmp_path / "ann.txt"
    ann.write_text("Kestrel Gold Limited (ASX: KGL)\nDrilling hits gold\n\nHole KRC001 returned 13m @ 3.95g/t Au from 35m.\n")
    r = run("ingest", str(ann), "-d", db, "-q", "--date", "2025-01-02")
    assert r.returncode == 0, r.stderr.decode()
    assert b"1 stored" in r.stdout and b"statement" not in r.stdout
    from oresight.store import Store

    with Store(db) as store:
        assert store.count() == 1 and store.count_statements() == 0
        (stored,) = store.announcements()
        assert stored.published_at is not None and stored.published_at.date().isoformat() == "2025-01-02"


@pytest.mark.parametrize("args,needle", [
    (("policy", "missing.txt"), b"missing.txt"),
    (("policy", "{bin}"), b"junk.txt"),
    (("policy", "{txt}", "--date", "14/05/2026x"), b"--date"),
    (("policy", "{txt}", "--date", "2026-02-30"), b"--date"),
    (("policy", "{txt}", "--issuer", "  "), b"--issuer"),
    (("ingest", "{txt}", "--date", "yesterday"), b"--date"),
    (("policy", "{txt}", "--format", "xml"), b"xml"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...], needle: bytes) -> None:
    txt = tmp_path / "s.txt"
    txt.write_text(LATER)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02\x03" * 100)
    r = run(*(a.format(bin=junk, txt=txt) for a in args))
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and b"Traceback" not in r.stderr
