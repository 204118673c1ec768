"""Real-time figures: end-to-end latency (published on the fake ASX → webhook received) at a 1 s poll
interval, and throughput on a busy-day replay (2,000 announcements with PDFs), on SQLite.

Run: ``.venv/bin/python -m bench.realtime`` (part of ``make bench``). The watcher runs in this process
(its documents are read by a pool of worker processes, as in ``oresight watch``); the fake ASX server
and the webhook receiver run on 127.0.0.1. Prints figures only.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.asx_day import busy_day
from bench.run import pct
from oresight.assess.types import type_names
from oresight.store import Store
from oresight.testing.fake_asx import FakeASX


class Hook:
    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.count = 0
        self.lock = threading.Lock()
        outer = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver (and every chat service) offers

            def do_POST(self) -> None:
                import json

                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                now = time.time()
                with outer.lock:
                    outer.count += 1
                    outer.times.setdefault(body["announcement"].split(":", 1)[1], now)
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, int, float, float] | None:
    """(parent pid, nice, own CPU seconds, reaped children's CPU seconds) of a process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / _TICK
    children = (int(fields[13]) + int(fields[14])) / _TICK
    return int(fields[1]), int(fields[16]), own, children


def cpu_by_role(root: int) -> dict[str, float]:
    """CPU seconds used so far by the watcher's process tree, by role: the watcher's event loop, the reading
    processes, the OCR lane (its Python and the tesseract runs it waited for) and the fork server."""
    procs = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (st := _stat(int(name))) is not None:
            procs[int(name)] = st
    out = {"watcher": 0.0, "readers": 0.0, "ocr": 0.0, "forkserver": 0.0}
    for pid, (ppid, nice, own, children) in procs.items():
        if pid == root:
            out["watcher"] += own
        elif ppid == root:  # the fork server; its children are the pools' processes
            out["forkserver"] += own
        elif procs.get(ppid, (0,))[0] == root:
            out["ocr" if nice > 0 else "readers"] += own + children
        elif (parent := procs.get(ppid)) is not None and procs.get(parent[0], (0,))[0] == root:
            out["ocr"] += own  # a tesseract run still going
    return out


@contextmanager
def _watch(fake: FakeASX, hook: Hook, db: Path, interval: float, workers: int | None) -> Iterator[tuple[Store, int]]:
    """``oresight watch`` as its own process (as deployed), on a fresh SQLite file; yields a store on the same
    file for the measurements and the watcher's pid, once the watcher has polled the fake ASX."""
    cfg = db.with_suffix(".toml")
    rule_types = ", ".join(f'"{t}"' for t in type_names())
    cfg.write_text(f"""
[watch]
database = "sqlite:///{db}"
listen = ""
{f"workers = {workers}" if workers else ""}

[[sources]]
kind = "asx"
base_url = "{fake.base_url}"
interval = {interval}

[channels.hook]
kind = "webhook"
url = "{hook.url}"

[[rules]]
name = "all"
channels = ["hook"]
types = [{rule_types}]
""")
    proc = subprocess.Popen([sys.executable, "-m", "oresight.cli", "watch", "--config", str(cfg)],
                            stdout=subprocess.DEVNULL, stderr=(db.parent / "watch.log").open("wb"))
    store = Store(f"sqlite:///{db}")
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            if db.exists() and proc.poll() is None and _polled(store):
                break
            if proc.poll() is not None:
                raise RuntimeError(f"oresight watch exited: {(db.parent / 'watch.log').read_text()[-500:]}")
            time.sleep(0.2)
        yield store, proc.pid
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        store.close()


def _polled(store: Store) -> bool:
    try:
        return bool(store.source_health())
    except Exception:
        return False


def latency(n: int, interval: float, workers: int | None, seed: int) -> dict[str, float]:
    """Publish n announcements at random moments (never two within one poll), one at a time."""
    rng = random.Random(seed)
    day = busy_day(n, seed=seed + 1)
    hook = Hook()
    with tempfile.TemporaryDirectory() as tmp, FakeASX() as fake, \
            _watch(fake, hook, Path(tmp) / "latency.db", interval, workers) as (store, _):
        if True:
            time.sleep(interval * 2)
            for item in day:
                fake.publish(item.headline, item.pdf, symbol=item.symbol, price_sensitive=item.price_sensitive,
                             types=item.types)
                time.sleep(interval * rng.uniform(1.05, 2.0))
            deadline = time.time() + 60
            while len(hook.times) < n and time.time() < deadline:
                time.sleep(0.05)
            lat = [hook.times[k] - (fake.published_at(k) or 0) for k in fake.keys if k in hook.times]
            if os.environ.get("BENCH_DEBUG"):
                for k, item in zip(fake.keys, day, strict=False):
                    print(f"{hook.times.get(k, 0) - (fake.published_at(k) or 0):6.2f} s  {len(item.pdf):8d} B  {item.headline[:60]}")
            counts = store.item_counts()
            scanned = _scanned_keys(store)
    text = [hook.times[k] - (fake.published_at(k) or 0) for k in fake.keys if k in hook.times and k not in scanned]
    ocr = [hook.times[k] - (fake.published_at(k) or 0) for k in fake.keys if k in hook.times and k in scanned]
    return {"n": n, "received": len(lat), "p50": pct(lat, 50), "p99": pct(lat, 99), "max": max(lat),
            "failed": counts.get("failed", 0), "text_n": len(text), "text_p50": pct(text, 50) if text else 0.0,
            "text_p99": pct(text, 99) if text else 0.0, "ocr": ocr}


def _scanned_keys(store: Store) -> set[str]:
    """documentKeys of the items whose PDF needed OCR."""
    out = set()
    for item in store.source_items(limit=1_000_000):
        ann = store.get(item.announcement_id) if item.announcement_id else None
        if ann is not None and ann.ocr_pages:
            out.add(item.key)
    return out


def multipage_scan(pages: int = 4) -> bytes:
    """A scanned PDF of ``pages`` pages: each an image of page 1 of the sample scan (``corpus/ybg-002.pdf``)."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = pdfium.PdfDocument(Path(__file__).resolve().parents[1] / "samples" / "corpus" / "ybg-002.pdf")
    try:
        image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    png = io.BytesIO()
    image.save(png, format="PNG")
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return out.getvalue()


def scan_latency(runs: int, pages: int, interval: float, workers: int | None) -> list[float]:
    """Latency of a multi-page scanned PDF published alone (its pages are read by all the OCR processes)."""
    pdf = multipage_scan(pages)
    hook = Hook()
    out = []
    with tempfile.TemporaryDirectory() as tmp, FakeASX() as fake, \
            _watch(fake, hook, Path(tmp) / "scan.db", interval, workers) as _:
        time.sleep(interval * 2)
        for k in range(runs):
            fake.publish(f"Scanned letter {k}", pdf + f"\n%scan-{k}\n".encode(), symbol="YBG")
            key = fake.keys[-1]
            deadline = time.time() + 120
            while key not in hook.times and time.time() < deadline:
                time.sleep(0.02)
            out.append(hook.times.get(key, math.inf) - (fake.published_at(key) or 0))
            time.sleep(interval * 1.5)
    return out


def busy(n: int, interval: float, workers: int | None, seed: int) -> dict[str, float]:
    """Replay a busy day's n announcements at once (every PDF available) and time until every one is
    assessed, stored and its alert received."""
    day = [replace(i, pdf_delay=0.0) for i in busy_day(n, seed=seed)]
    hook = Hook()
    with tempfile.TemporaryDirectory() as tmp, FakeASX() as fake, \
            _watch(fake, hook, Path(tmp) / "busy.db", interval, workers) as (store, pid):
        if True:
            time.sleep(interval * 2)
            cpu0, own0 = cpu_by_role(pid), _own_cpu()
            t0 = time.time()
            fake.replay_all_now(day)
            deadline = t0 + 900
            done = 0
            while time.time() < deadline:
                counts = store.item_counts()
                done = counts.get("done", 0) + counts.get("failed", 0)
                pending = store.alert_counts()
                if done >= n and not pending.get("pending") and not pending.get("sending"):
                    break
                time.sleep(0.5)  # watching costs CPU that the watcher needs: look twice a second
            elapsed = time.time() - t0
            cpu1, own1 = cpu_by_role(pid), _own_cpu()
            counts = store.item_counts()
            alerts = store.alert_counts()
            finished = _finish_times(store, t0)
    text = [t for t, ocr in finished if not ocr]
    scans = [t for t, ocr in finished if ocr]
    return {"n": n, "seconds": elapsed, "per_second": done / elapsed, "done": counts.get("done", 0),
            "failed": counts.get("failed", 0), "alerts_delivered": alerts.get("delivered", 0),
            "text_n": len(text), "text_seconds": max(text, default=0.0),
            "text_per_second": len(text) / max(text) if text else 0.0, "ocr_n": len(scans),
            "ocr_seconds": max(scans, default=0.0),
            "cpu": {**{k: cpu1[k] - cpu0[k] for k in cpu0}, "bench (fake ASX, receiver)": own1 - own0}}


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system


def _finish_times(store: Store, t0: float) -> list[tuple[float, bool]]:
    """Seconds from the replay to each item's completion, and whether its document needed OCR."""
    out = []
    for item in store.source_items(limit=1_000_000):
        if item.done_at is None:
            continue
        ann = store.get(item.announcement_id) if item.announcement_id else None
        out.append((item.done_at.timestamp() - t0, bool(ann and ann.ocr_pages)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--latency-n", type=int, default=100)
    ap.add_argument("--busy-n", type=int, default=2000)
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=None, help="document-reading processes (default: CPU count)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scan-runs", type=int, default=3, help="latency of a 4-page scanned PDF, this many times")
    args = ap.parse_args(argv)
    cpus = os.cpu_count()
    print(f"## Real time ({cpus} CPUs, SQLite, fake ASX on 127.0.0.1, webhook receiver on 127.0.0.1)\n")
    if args.latency_n:
        lat = latency(args.latency_n, args.interval, args.workers, args.seed)
        print(f"- latency, published → webhook received, poll every {args.interval:g} s: "
              f"p50 {lat['p50']:.2f} s, p99 {lat['p99']:.2f} s, max {lat['max']:.2f} s "
              f"({lat['received']:.0f}/{lat['n']:.0f} received; target p99 ≤ {args.interval + 0.3:.1f} s)")
        ocr = ", ".join(f"{x:.2f} s" for x in lat["ocr"]) or "none in this sample"
        print(f"  - the {lat['text_n']:.0f} with a text layer: p50 {lat['text_p50']:.2f} s, p99 {lat['text_p99']:.2f} s; "
              f"image-only PDFs (OCR): {ocr}")
    if args.scan_runs:
        scans = scan_latency(args.scan_runs, 4, args.interval, args.workers)
        print(f"- a 4-page scanned PDF published alone (its pages OCR'd by all {cpus} OCR processes at once): "
              + ", ".join(f"{x:.2f} s" for x in scans))
    if args.busy_n:
        b = busy(args.busy_n, args.interval, args.workers, args.seed)
        print(f"- busy day: {b['n']:.0f} announcements with PDFs replayed at once: all stored, assessed and alerted "
              f"in {b['seconds']:.1f} s = {b['per_second']:.1f} announcements/s ({b['done']:.0f} stored, "
              f"{b['failed']:.0f} failed, {b['alerts_delivered']:.0f} alerts delivered; target ≥ 50/s)")
        print(f"  - the {b['text_n']:.0f} with a text layer: done within {b['text_seconds']:.1f} s = "
              f"{b['text_per_second']:.1f}/s; the {b['ocr_n']:.0f} image-only (OCR lane, lower priority): "
              f"last done at {b['ocr_seconds']:.1f} s")
        cpu = b["cpu"]
        print(f"  - CPU used during the replay: {sum(cpu.values()):.1f} s of the {b['seconds'] * (cpus or 1):.1f} s "
              f"that {cpus} CPUs had; per announcement: "
              + ", ".join(f"{k} {1000 * v / b['n']:.1f} ms" for k, v in cpu.items()))
    print(f"\nReproduce: .venv/bin/python -m bench.realtime --latency-n {args.latency_n} --busy-n {args.busy_n} "
          f"--scan-runs {args.scan_runs} --interval {args.interval:g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
