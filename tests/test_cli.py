"""The CLI as a user runs it: real processes, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANN = """Kestrel Gold Limited (ASX: KGL)
Drilling hits high-grade gold at Boomerang

Hole KRC001 returned 13m @ 3.95g/t Au from 35m, including 2m @ 12.1g/t Au from 40m.
An Exploration Target of 1-2 Mt at 2-3 g/t Au has been defined.
"""


def run(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "oresight.cli", *args], input=data, capture_output=True,
                          cwd=cwd, timeout=300, check=False, env=full_env)


def test_extract_json_contract(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ANN)
    r = run("extract", str(f), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert list(data)[:3] == ["commodities", "intercepts", "resources"]
    assert data["commodities"] == ["Au"]
    first = data["intercepts"][0]
    for key in ("hole_id", "from_m", "to_m", "width_m", "grade", "unit", "analyte", "including", "surface", "span"):
        assert key in first
    assert (first["hole_id"], first["from_m"], first["to_m"], first["width_m"], first["grade"], first["unit"],
            first["analyte"], first["including"]) == ("KRC001", 35.0, 48.0, 13.0, 3.95, "g/t", "Au", False)
    assert first["surface"] == "13m @ 3.95g/t Au from 35m"
    assert set(first["span"]) == {"page", "start", "end"}
    assert data["intercepts"][1]["including"] is True
    assert data["companies"][0]["ticker"] == "KGL"
    assert [e["kind"] for e in data["excluded"]] == ["exploration_target"]


def test_extract_stdin_and_table() -> None:
    r = run("extract", "-", "--format", "table", stdin=ANN)
    assert r.returncode == 0, r.stderr
    assert b"KRC001" in r.stdout and b"3.95" in r.stdout


@pytest.mark.parametrize("name,content,needle", [
    ("missing.pdf", None, b"No such file"),
    ("junk.txt", b"\x00\x01\x02\x03" * 200, b"junk.txt"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated", b"broken.pdf"),
    ("empty.html", b"", b"empty.html"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"image.png"),
])
def test_bad_files_exit_2_with_one_line(tmp_path: Path, name: str, content: bytes | None, needle: bytes) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_bytes(content)
    r = run("extract", str(f))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert b"Traceback" not in r.stderr


def test_ingest_search_show_and_bad_file_recorded(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'o.db'}"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ANN)
    (folder / "b.md").write_text("---\ntitle: Lithium results\n---\nHole LPD019 returned 25m @ 1.45% Li2O from 102m.\n")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    r = run("ingest", str(folder), "-d", db, "-q")
    assert r.returncode == 0, r.stderr
    assert b"2 stored" in r.stdout and b"1 rejected" in r.stdout
    r = run("ingest", str(folder), "-d", db, "-q")
    assert b"0 stored, 2 already stored" in r.stdout
    r = run("search", "lithium", "-d", db)
    assert r.returncode == 0 and b"Lithium" in r.stdout
    r = run("show", "1", "-d", db, "--format", "json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["intercepts"][0]["hole_id"] == "KRC001"
    r = run("show", "999", "-d", db)
    assert r.returncode == 2 and b"no announcement" in r.stderr
    from oresight.store import Store

    store = Store(db)
    try:
        errors = store.errors()
        assert len(errors) >= 1 and "bad.pdf" in errors[0].source
        assert store.count() == 2
    finally:
        store.close()


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    r = run("demo", "-d", f"sqlite:///{tmp_path / 'demo.db'}", "--top", "10", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "ranked by discovery score" in out
    assert "exceptional" in out and "best intercept" in out  # bands and reasons shown
    assert "oresight search" in out


def test_limits_from_the_environment() -> None:
    pdf = ROOT / "samples" / "corpus" / "ybg-003.pdf"
    r = run("extract", str(pdf), env={"ORESIGHT_MAX_PAGES": "1"})
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and b"page" in r.stderr
    r = run("extract", str(pdf), env={"ORESIGHT_MAX_PAGES": "lots"})
    assert r.returncode == 2 and b"ORESIGHT_MAX_PAGES" in r.stderr and b"Traceback" not in r.stderr
    r = run("extract", str(pdf), env={"ORESIGHT_MAX_PAGES": "50"})
    assert r.returncode == 0


@pytest.mark.parametrize("args", [("show", "abc"), ("extract", "x", "--format", "xml"), ("extract",)])
def test_usage_errors_are_one_line_exit_2(args: tuple[str, ...]) -> None:
    r = run(*args)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(b"oresight: ")
