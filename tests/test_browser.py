"""The dashboard in a real browser: Playwright driving Debian's Chromium (headless) against a running
watcher. The feed updates live when an announcement is pushed; a click on a value in the facts table
shows its highlight; the charts render under the strict CSP with no violation. Screenshots are saved in
test-artifacts/. Skipped with the reason when Chromium is absent, failed under CI=true."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.browser_helpers import (
    ARTIFACTS,
    Tab,
    chromium,
    in_ci,
    ingest_samples,
    need_chromium,
)
from tests.realtime_helpers import config, running, wait_until

from oresight.store import Store
from oresight.watch import Watcher
from oresight.web.dashboard import charts_installed


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Watcher, dict[str, int]]]:
    need_chromium()
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'dash.db'}")
    store.migrate()
    ids = ingest_samples(store)
    cfg = config(None, None, channels={"live": {"kind": "sse"}},
                 rules=[{"name": "gold", "channels": ["live"], "commodities": ["Au"]}])
    with running(cfg, store) as w:
        yield w, ids
    store.close()


@pytest.fixture(scope="module")
def browser(site: Any) -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def tab(browser: Any, request: pytest.FixtureRequest) -> Iterator[Tab]:
    t = Tab(browser, request.node.name)
    yield t
    t.close()


def test_feed_updates_live_when_an_announcement_is_pushed(site: Any, tab: Tab) -> None:
    from playwright.sync_api import expect

    w, _ = site
    page = tab.page
    page.goto(f"{w.public_url}/")
    expect(page.locator("#live-status")).to_have_text("live", timeout=10_000)  # the stream is open
    before = page.locator("#feed article.card").count()
    headline = "Live <script>window.__pwned = 1</script> drilling hits 31m @ 9.2 g/t Au"
    text = ("Skylark Gold Limited (ASX: SKY)\nDrilling results\n"
            "SKD014: 31m @ 9.2 g/t Au from 62m, including 8m @ 27.5 g/t Au.\n"
            "Competent Person statement: Ms Rowe (JORC Code 2012).\n")
    r = httpx.post(f"{w.public_url}/api/announcements", json={"headline": headline, "text": text, "ticker": "SKY"},
                   headers={"Authorization": "Bearer tok"}, timeout=10)
    assert r.status_code == 202, r.text
    card = page.locator("#feed article.card").first
    expect(card.locator("h3")).to_have_text(headline, timeout=20_000)  # the title shown as text
    expect(card.locator(".ticker")).to_have_text("SKY")
    expect(card.locator(".best")).to_contain_text("g/t Au")
    assert page.locator("#feed article.card").count() == before + 1
    assert page.evaluate("window.__pwned === undefined") and page.locator("#feed script").count() == 0
    card_id = card.get_attribute("id")
    assert card_id and re.fullmatch(r"card-\d+", card_id)
    tab.shot()
    # the card links to the stored announcement, whose page has the same title
    card.locator("h3 a").click()
    expect(page.locator("h1")).to_have_text(headline)
    assert not tab.violations(), tab.violations()


def test_clicking_a_value_in_the_facts_table_shows_its_highlight(site: Any, tab: Tab) -> None:
    from playwright.sync_api import expect

    w, ids = site
    page = tab.page
    page.goto(f"{w.public_url}/announcements/{ids['ybg-001.pdf']}")
    links = page.locator("#intercepts a.fact")
    assert links.count() >= 3
    link = links.nth(links.count() - 1)  # the last intercept: its mark is pages down the document
    target = link.get_attribute("href")
    assert target and target.startswith("#span-")
    mark = page.locator(f"mark{target}")
    expect(mark).not_to_be_in_viewport()
    link.click()
    expect(mark).to_have_class(re.compile(r"\bactive\b"))
    expect(mark).to_be_in_viewport()
    assert page.evaluate("location.hash") == target
    assert page.locator("mark.active").count() == 1
    tab.shot()
    # another value moves the highlight
    other = links.first
    other_target = other.get_attribute("href")
    other.click()
    expect(page.locator(f"mark{other_target}")).to_have_class(re.compile(r"\bactive\b"))
    expect(page.locator(f"mark{other_target}")).to_be_in_viewport()
    if other_target != target:
        expect(mark).not_to_have_class(re.compile(r"\bactive\b"))
    assert not tab.violations(), tab.violations()


@pytest.mark.parametrize("where", ["feed", "announcement", "commodity", "company"])
def test_charts_render_with_no_csp_violation(site: Any, tab: Tab, where: str) -> None:
    from playwright.sync_api import expect

    if not charts_installed():
        message = "the chart libraries are not installed (bash scripts/vendor-js.sh)"
        if in_ci():
            pytest.fail(f"{message} [CI=true]", pytrace=False)
        pytest.skip(message)
    w, ids = site
    url = {"feed": "/", "announcement": f"/announcements/{ids['acz-001.pdf']}", "commodity": "/commodities/Au",
           "company": "/companies/BRL"}[where]
    page = tab.page
    page.goto(f"{w.public_url}{url}")
    figures = page.locator("figure.chart")
    assert figures.count() >= 1
    for i in range(figures.count()):
        expect(figures.nth(i).locator(".chart-view svg")).to_be_visible(timeout=10_000)
        expect(figures.nth(i)).to_have_class(re.compile(r"\brendered\b"))
    # marks drawn: bars, points or lines
    assert page.locator("figure.chart svg path, figure.chart svg .mark-symbol path").count() > 0
    tab.shot()
    assert not tab.violations(), tab.violations()
    assert not [e for e in tab.errors if "error" in e], tab.errors


def test_pages_work_without_javascript(site: Any, browser: Any) -> None:
    w, ids = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{w.public_url}/announcements/{ids['acz-001.pdf']}")
        href = page.locator("#intercepts a.fact").first.get_attribute("href")
        page.locator("#intercepts a.fact").first.click()  # a plain anchor jump
        wait_until(lambda: page.evaluate("location.hash") == href, 5, "the anchor jump")
        assert page.locator(f"mark{href}").is_visible()
        page.goto(f"{w.public_url}/")
        page.select_option("select[name=band]", "significant")
        page.click("form.filters button[type=submit]")
        assert "band=significant" in page.url
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "test_pages_work_without_javascript.png"))
    finally:
        context.close()
