"""The dossier pages in a real browser (Playwright driving Debian's Chromium, headless) against a running watcher:
every chart renders (an svg with marks) under the strict CSP with no violation and no console error, and the
scenario form updates its result table and chart on submit, also without JavaScript. Screenshots go to
test-artifacts/. Skipped with the reason when Chromium is absent, failed under CI=true (tests/browser_helpers.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from tests.browser_helpers import (
    Tab,
    chromium,
    in_ci,
    ingest_samples,
    need_chromium,
)
from tests.realtime_helpers import config, running

from oresight.store import Store
from oresight.watch import Watcher
from oresight.web.dashboard import charts_installed


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Watcher]:
    need_chromium()
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('dossier-browser') / 'dash.db'}")
    store.migrate()
    ingest_samples(store, ("krm-002.html",))
    cfg = config(None, None, channels={"live": {"kind": "sse"}}, rules=[{"name": "all", "channels": ["live"]}])
    with running(cfg, store) as w:
        yield w
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


def need_charts() -> None:
    if not charts_installed():
        message = "the chart libraries are not installed (bash scripts/vendor-js.sh)"
        if in_ci():
            pytest.fail(f"{message} [CI=true]", pytrace=False)
        pytest.skip(message)


def charts_render(tab: Tab, expected: set[str]) -> None:
    from playwright.sync_api import expect

    page = tab.page
    figures = page.locator("figure.chart")
    ids = {figures.nth(i).get_attribute("id") for i in range(figures.count())}
    assert expected <= ids, ids
    for i in range(figures.count()):
        figure = figures.nth(i)
        expect(figure.locator(".chart-view svg")).to_be_visible(timeout=15_000)
        expect(figure).to_have_class(re.compile(r"\brendered\b"))
        # marks drawn: bars, lines or points
        assert figure.locator("svg path, svg .mark-symbol path, svg .mark-rect path").count() > 0, figure.get_attribute("id")
    assert not tab.violations(), tab.violations()
    assert not [e for e in tab.errors if "error" in e], tab.errors


@pytest.mark.parametrize("where,expected", [
    ("commodity", {"chart-reserves-share", "chart-reserves-history", "chart-production-share", "chart-stages"}),
    ("country", {"chart-reserves-rare_earths", "chart-country-stages"}),
    ("scenario", {"chart-scenario"}),
], ids=["commodity", "country", "scenario"])
def test_every_dossier_chart_renders_with_no_csp_violation(site: Watcher, tab: Tab, where: str, expected: set[str]) -> None:
    need_charts()
    url = {"commodity": "/dossiers/commodity/rare_earths", "country": "/dossiers/country/Russia",
           "scenario": "/dossiers/scenario?mineral=rare_earths&stage=mining&country=China&cut=50"}[where]
    tab.page.goto(f"{site.public_url}{url}")
    charts_render(tab, expected)
    tab.page.locator("figure.chart").first.scroll_into_view_if_needed()
    tab.shot()


def test_scenario_form_updates_table_and_chart_on_submit(site: Watcher, tab: Tab) -> None:
    from playwright.sync_api import expect

    need_charts()
    page = tab.page
    page.goto(f"{site.public_url}/dossiers/commodity/rare_earths#scenario")
    form = page.locator("#scenario-form")
    form.locator("select[name=stage]").select_option("refining_separation")
    form.locator("input[name=country]").fill("PRC")
    form.locator("input[name=cut]").fill("50")
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/dossiers/scenario\?mineral=rare_earths&stage=refining_separation&country=PRC&cut=50"))
    row = page.locator('#table-scenario tr[data-stage="refining_separation"]')
    expect(row).to_have_attribute("data-relation", "cut")
    # China holds 92 % of refining/separation (2024): a 50 % cut is 46 % of world output, and 46 % downstream
    expect(row.locator("td.fig").nth(1)).to_have_attribute("data-value", re.compile(r"^46(\.0+)?$"))
    magnets = page.locator('#table-scenario tr[data-stage="magnet_manufacturing"]')
    expect(magnets).to_have_attribute("data-relation", "downstream")
    expect(magnets.locator("td.fig").nth(1)).to_have_attribute("data-value", re.compile(r"^46(\.0+)?$"))
    charts_render(tab, {"chart-scenario"})
    tab.shot()
    # a second run from the result page changes the result
    page.locator("#scenario-form input[name=cut]").fill("10")
    page.locator("#scenario-form button[type=submit]").click()
    expect(page.locator('#table-scenario tr[data-stage="refining_separation"] td.fig').nth(1)).to_have_attribute(
        "data-value", re.compile(r"^9\.2\d*$"))
    charts_render(tab, {"chart-scenario"})


def test_scenario_form_works_without_javascript(site: Watcher, browser: Any) -> None:
    tab = Tab(browser, "test_scenario_form_works_without_javascript", javascript=False)
    try:
        page = tab.page
        page.goto(f"{site.public_url}/dossiers/scenario")
        page.select_option("#scenario-form select[name=mineral]", "rare_earths")
        page.select_option("#scenario-form select[name=stage]", "mining")
        page.fill("#scenario-form input[name=country]", "China")
        page.fill("#scenario-form input[name=cut]", "25")
        page.click("#scenario-form button[type=submit]")
        assert "cut=25" in page.url
        cells = page.locator('#table-scenario tr[data-stage="mining"] td.fig')
        assert cells.count() >= 2
        assert page.locator("#table-scenario").is_visible()
        assert page.locator("figure.chart details.numbers").count() == 1  # the chart's numbers stay readable
        tab.shot()
    finally:
        tab.close()
