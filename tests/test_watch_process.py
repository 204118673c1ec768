"""`oresight watch` as a process: kill -9 in the middle of a replay and restart (nothing lost, nothing
delivered twice), and a clean shutdown on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from tests.realtime_helpers import Receiver, wait_until

from oresight.store import INTERRUPTED, Store
from oresight.testing.fake_asx import FakeASX

ROOT = Path(__file__).resolve().parents[1]
OREsIGHT = [sys.executable, "-m", "oresight.cli"]


def _config(tmp_path: Path, fake_url: str, hook: str) -> Path:
    cfg = tmp_path / "watch.toml"
    cfg.write_text(f"""
[watch]
database = "sqlite:///{tmp_path / 'watch.db'}"
listen = ""
workers = 1
backoff_base = 0.05
backoff_max = 0.5

[[sources]]
kind = "asx"
base_url = "{fake_url}"
interval = 0.2
jitter = 0

[channels.hook]
kind = "webhook"
url = "{hook}"

[[rules]]
name = "all"
channels = ["hook"]
""")
    return cfg


def _start(cfg: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([*OREsIGHT, "watch", "--config", str(cfg)], cwd=ROOT, env=env,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)


def _day(n: int) -> list[tuple[str, bytes, str]]:
    pdfs = sorted((ROOT / "samples" / "corpus").glob("*.pdf"))
    out = []
    for i in range(n):
        p = pdfs[i % len(pdfs)]
        data = p.read_bytes() + f"\n%oresight-kill-test-{i}\n".encode()  # same document, distinct bytes
        out.append((f"Release {i:03d} {p.stem}", data, p.stem[:3].upper()))
    return out


@pytest.mark.slow
def test_kill_9_mid_replay_then_restart_loses_nothing_and_repeats_nothing(tmp_path: Path) -> None:
    hook = Receiver()
    day = _day(40)
    log = tmp_path / "watch.log"
    with FakeASX() as fake:
        cfg = _config(tmp_path, fake.base_url, hook.url)
        proc = _start(cfg, log)
        try:
            store = Store(f"sqlite:///{tmp_path / 'watch.db'}")
            wait_until(lambda: (tmp_path / "watch.db").exists() and bool(_health(store)), timeout=60,
                       what=f"the first poll ({log.read_text()[-500:]})")
            for i, (headline, pdf, symbol) in enumerate(day):
                fake.publish(headline, pdf, symbol=symbol)
                time.sleep(0.05)
                if i == len(day) // 2:
                    # the harshest moment: right after a receiver saw a delivery, before Oresight recorded it
                    wait_until(lambda: len(hook.received) >= 5, timeout=60, what="some deliveries before the kill")
                    helpers = _descendants(proc.pid)
                    assert helpers, "the watcher reads documents in helper processes"
                    proc.send_signal(signal.SIGKILL)
                    proc.wait(10)
                    killed_after = len(hook.received)
                    # its fork server and workers die with it (no orphans after a crash)
                    wait_until(lambda helpers=helpers: not any(_alive(p) for p in helpers), timeout=10,  # type: ignore[misc]
                               what=f"helper processes {helpers} to exit")
            assert 5 <= killed_after < len(day), "the kill must land mid-replay"
            proc = _start(cfg, log)
            wait_until(lambda: store.item_counts() == {"done": len(day)}, timeout=120, what="every item done")
            wait_until(lambda: sum(store.alert_counts().get(s, 0) for s in ("delivered", "dead")) == len(day),
                       timeout=60, what="every alert delivered or dead-lettered")
            time.sleep(1.0)  # anything delivered twice would arrive now
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(20)
    per_announcement = Counter(b["announcement"] for b in hook.bodies())
    keys = {f"asx:{k}" for k in fake.keys}
    assert len(keys) == len(day)
    repeated = {k: n for k, n in per_announcement.items() if n > 1}
    assert not repeated, f"delivered twice: {repeated}"
    # every announcement was assessed and stored; its alert reached the receiver, or (only a delivery cut
    # off by the kill itself) is a dead letter saying so
    dead = store.alerts(status="dead")
    print(f"dead letters after the kill: {len(dead)}")
    assert all(a.last_error == INTERRUPTED for a in dead)
    assert len(dead) <= 16  # at most the deliveries in flight at the kill
    assert set(per_announcement) | {a.payload["announcement"] for a in dead} == keys, "an announcement was lost"
    assert len(store.announcements(limit=100)) == len(day)
    store.close()


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _health(store: Store) -> list[object]:
    try:
        return list(store.source_health())
    except Exception:
        return []


def test_sigterm_stops_cleanly_with_a_summary(tmp_path: Path) -> None:
    hook = Receiver()
    log = tmp_path / "watch.log"
    with FakeASX() as fake:
        cfg = _config(tmp_path, fake.base_url, hook.url)
        proc = _start(cfg, log)
        store = Store(f"sqlite:///{tmp_path / 'watch.db'}")
        wait_until(lambda: (tmp_path / "watch.db").exists() and bool(_health(store)), timeout=60, what="first poll")
        pdf = (ROOT / "samples" / "corpus" / "acz-001.pdf").read_bytes()
        fake.publish("Drilling results", pdf, symbol="ACZ")
        hook.wait_for(1, timeout=30)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
    text = log.read_text()
    assert "oresight watch stopped: 1 new items, 1 assessed, 0 failed, 1 alerts recorded, 1 delivered" in text
    assert "Traceback" not in text
    store.close()


def test_bad_configuration_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rules]]\nname = "x"\nmin_score = "high"\n')
    r = subprocess.run([*OREsIGHT, "watch", "--config", str(bad)], cwd=ROOT, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "rules.0.min_score" in r.stderr
