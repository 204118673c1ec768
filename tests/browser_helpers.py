"""Shared parts of the dashboard tests: a store holding real sample announcements, the app with the
dashboard mounted, and Debian's Chromium for the browser tests (skipped with the reason when it is
absent, failed under ``CI=true``)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from oresight.assess.service import Assessor
from oresight.pipeline import analyse_path, analyse_text
from oresight.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("ORESIGHT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# real sample announcements: gold-antimony drilling (PDF), gold drilling with JORC Table 1 (PDF, 20 pages,
# intercepts on pages 1, 11 and 12), two lithium releases of one company, zinc-lead-silver drilling (HTML)
# and a Markdown release
SAMPLES = ("acz-001.pdf", "ybg-001.pdf", "brl-001.txt", "brl-002.txt", "bzc-002.html", "cvp-001.md")

HOSTILE_TITLE = 'Drilling <script>alert("title")</script> results'
HOSTILE_TEXT = (HOSTILE_TITLE + "\nHostile Gold Limited (ASX: HGL)\n"
                "Drilling <script>alert(1)</script> results </pre></mark><img src=x onerror=alert(2)>\n"
                "HGD001: 24m @ 6.1 g/t Au from 40m, including 6m @ 18.2 g/t Au.\n")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def ingest_samples(store: Store, names: tuple[str, ...] = SAMPLES) -> dict[str, int]:
    """Ingest sample announcements (assessed against the archive as `oresight ingest` does); their ids."""
    assessor = Assessor(store)
    ids = {}
    for name in names:
        ann_id, _, _ = assessor.ingest(analyse_path(CORPUS / name), source=f"sample:{name}")
        ids[name] = ann_id
    return ids


def ingest_hostile(store: Store) -> int:
    analysis = analyse_text(HOSTILE_TEXT, "hostile.txt")
    ann_id, _, _ = Assessor(store).ingest(analysis, source="test:hostile")
    return ann_id


# records every CSP violation the page reports (an init script runs outside the page's CSP)
CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '')));
"""


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, headless, with the project's flags."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Tab:
    """A browser tab that records console errors, page errors and CSP violations."""

    def __init__(self, browser: Any, name: str, *, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.name = re.sub(r"[^\w.-]+", "_", name)
        self.errors: list[str] = []
        self.page.add_init_script(CSP_PROBE)
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    def violations(self) -> list[str]:
        found = list(self.page.evaluate("window.__csp || []"))
        return found + [e for e in self.errors if "Content Security Policy" in e]

    def shot(self, suffix: str = "") -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.name}{suffix}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def close(self) -> None:
        self.context.close()


def need_chromium() -> None:
    """Skip (or fail under CI) when Debian's Chromium or the playwright package is missing."""
    problem = None
    if not os.access(CHROMIUM, os.X_OK):
        problem = f"Chromium not found at {CHROMIUM} (install it with `bash scripts/system-deps.sh`)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem:
        if in_ci():
            pytest.fail(f"{problem} [CI=true: the browser tests must run]", pytrace=False)
        pytest.skip(problem)
