"""`oresight sanctions load | list | check | scan` as a user runs them: real processes, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run

from oresight.store import Store

DATA = Path(__file__).parent / "data" / "sanctions"
RELEASE = """Kestrel Gold Limited (ASX: KGL)
Binding offtake agreement for Boomerang concentrate

Kestrel Gold Limited has signed a binding offtake agreement with Norvik Metals Trading, LLC for all of its
concentrate. Hole KRC001 returned 13m @ 3.95g/t Au from 35m.
"""


def test_load_list_check_and_scan(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    r = run("sanctions", "check", "Norvik Metals", "-d", db)
    assert r.returncode == 2 and b"no sanctions list is loaded" in r.stderr
    r = run("sanctions", "load", str(DATA / "SDN.CSV"), str(DATA / "ALT.CSV"), "-d", db)
    assert r.returncode == 0, r.stderr
    assert b"7 entries, 12 names and aliases loaded from SDN.CSV, ALT.CSV" in r.stdout
    assert b"refer to no entry" in r.stderr  # the notes
    r = run("sanctions", "load", str(DATA / "eu_consolidated.xml"), "--list", "eu", "-d", db)
    assert r.returncode == 0, r.stderr

    r = run("sanctions", "list", "-d", db)
    assert r.returncode == 0, r.stderr
    assert b"OFAC SDN list" in r.stdout and b"EU consolidated" in r.stdout and b"2026-11-28" in r.stdout

    r = run("sanctions", "check", "Sergey Kuznetzov", "-d", db)
    assert r.returncode == 0, r.stderr
    assert b"KUZNETSOV, Sergei Valentinovich" in r.stdout and b"91002" in r.stdout
    r = run("sanctions", "check", "Дмитрий Щербаков", "-d", db, "--format", "json")
    data = json.loads(r.stdout)
    assert [(m["list"], m["ref"]) for m in data["matches"]] == [("eu", "80002")]
    assert data["matches"][0]["score"] >= data["threshold"]
    r = run("sanctions", "check", "Sergei Petrov", "-d", db, "--format", "json")
    assert json.loads(r.stdout)["matches"] == []

    doc = tmp_path / "kgl.txt"
    doc.write_text(RELEASE)
    assert run("ingest", str(doc), "-d", db, "-q").returncode == 0
    r = run("sanctions", "scan", "-d", db, "-q")
    assert r.returncode == 0, r.stderr
    assert b"1 announcement(s) screened, 1 flagged" in r.stdout
    with Store(db) as store:
        (flag,) = store.sanctions_flags("announcement", 1)
    assert (flag.entry_ref, flag.role, flag.surface) == ("91001", "buyer", "Norvik Metals Trading, LLC")


def test_a_bad_file_is_one_line_exit_2_and_changes_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert run("sanctions", "load", str(DATA / "SDN.CSV"), "-d", db).returncode == 0
    bad = tmp_path / "SDN.CSV"
    bad.write_text('91001,"TRUNCATED ROW",-0- \r\n')
    for args in ([str(bad)], [str(DATA / "SDN.XML"), "--list", "eu"], [str(tmp_path / "missing.csv")]):
        r = run("sanctions", "load", *args, "-d", db)
        assert r.returncode == 2, (args, r.stderr)
        lines = r.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("oresight: ") and b"Traceback" not in r.stderr
    with Store(db) as store:
        assert len(store.sanctions_entries("ofac")) == 7
        assert len(store.sanctions_loads()) == 1
