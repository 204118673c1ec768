"""The browse queries (oresight.store._browse) on real sample announcements, on SQLite and PostgreSQL.

One archive per backend is built for the module: sample announcements read, assessed and stored the way
``oresight ingest`` does it (release order, so the novelty check sees the originals first), one of them
listed by a source with a headline and the price-sensitive flag, one published yesterday. Every expected
value is computed from what was ingested, never written down.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from oresight.assess.service import Assessor, published_date
from oresight.exceptions import BadInput
from oresight.extract.lexicon import lexicon
from oresight.model import Analysis
from oresight.pipeline import analyse_path
from oresight.store import NewItem, Store
from oresight.store._browse import BANDS, AnnouncementCard, commodity_symbol
from oresight.watch import best_line

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
FILES = [CORPUS / n for n in ("kjg-001.txt", "kjg-002.pdf", "kjg-003.pdf", "kjg-005.md", "brl-001.txt",
                              "brl-002.txt", "brl-003.html", "brl-004.html", "acz-002.pdf", "drn-001.pdf")]
DUPLICATE = ROOT / "samples" / "novelty" / "nov-001.txt"  # kjg-001 lodged again (labelled a duplicate)
PARTNER = ROOT / "samples" / "novelty" / "nov-008.md"  # a JV partner (another ticker) re-announcing drn-001
RECENT = CORPUS / "acz-001.pdf"  # stored as published yesterday: this week's gold and antimony
HEADLINE = "Exceptional gold-antimony hits at Anzac <b>"


@dataclass
class Archive:
    store: Store
    ids: dict[str, int]  # file name -> announcement id
    analyses: dict[int, Analysis]
    published: dict[int, datetime | None]

    def ticker(self, ann_id: int) -> str | None:
        companies = self.analyses[ann_id].extraction.companies
        return companies[0].ticker if companies else None

    def when(self, ann_id: int) -> datetime:
        stored = self.store.get(ann_id)
        assert stored is not None
        return stored.published_at or stored.ingested_at


def _build(store: Store) -> Archive:
    store.migrate()
    assessor = Assessor(store)
    read = [(published_date(a.document), p, a) for p, a in ((p, analyse_path(p)) for p in [*FILES, DUPLICATE, PARTNER])]
    far = datetime.max.replace(tzinfo=UTC)
    read.sort(key=lambda r: (r[0] or far, r[1].name))
    yesterday = datetime.now(UTC) - timedelta(days=1)
    read.append((yesterday, RECENT, analyse_path(RECENT)))
    ids: dict[str, int] = {}
    analyses: dict[int, Analysis] = {}
    published: dict[int, datetime | None] = {}
    for when, path, analysis in read:
        ann_id, created, _ = assessor.ingest(analysis, source=str(path), published_at=when)
        assert created
        ids[path.name] = ann_id
        analyses[ann_id] = analysis
        published[ann_id] = when
    [item_id] = store.record_items([NewItem("asx", "acz-1", HEADLINE, "ACZ", yesterday, True, {}, None)])
    assert item_id is not None
    store.complete_item(item_id, announcement_id=ids[RECENT.name])
    return Archive(store, ids, analyses, published)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path_factory.mktemp('browse') / 'browse.db'}")
        yield _build(store)
        store.close()
        return
    engine: Engine = request.getfixturevalue("postgres_engine")
    schema = f"oresight_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{uuid.uuid4().hex[:12]}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    store = Store(engine.url.render_as_string(hide_password=False), schema=schema)
    try:
        yield _build(store)
    finally:
        store.close()
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _all(store: Store, **filters: Any) -> list[AnnouncementCard]:
    """Every card matching the filters, page by page (pages of 3)."""
    cards: list[AnnouncementCard] = []
    offset: int | None = 0
    while offset is not None:
        page = store.browse(**filters, limit=3, offset=offset)
        cards += page.items
        offset = page.next_offset
    return cards


# -- browse -------------------------------------------------------------------------------------------


def test_pages_cover_everything_once_newest_first(archive: Archive) -> None:
    store = archive.store
    first = store.browse(limit=3)
    assert first.total == len(archive.ids) and len(first.items) == 3 and first.next_offset == 3
    cards = _all(store)
    assert sorted(c.id for c in cards) == sorted(archive.ids.values())
    keys = [(archive.when(c.id), c.id) for c in cards]
    assert keys == sorted(keys, reverse=True)
    last = store.browse(limit=3, offset=len(cards) - 1)
    assert len(last.items) == 1 and last.next_offset is None
    past = store.browse(offset=len(cards) + 5)
    assert past.items == [] and past.total == len(cards) and past.next_offset is None
    assert store.browse(limit=10_000).limit == 200


def test_cards_carry_the_assessment_the_best_intercept_and_the_source_listing(archive: Archive) -> None:
    store = archive.store
    for card in _all(store):
        assessment = store.assessment(card.id)
        assert assessment is not None
        sig = assessment["significance"]
        assert (card.score, card.band, card.reason) == (pytest.approx(sig["score"]), sig["band"], sig["reason"])
        assert card.type == assessment["type"]["type"] and card.novelty == assessment["novelty"]["status"]
        assert card.best == best_line(assessment)
        assert card.commodities == tuple(archive.analyses[card.id].extraction.commodities)
        assert card.ticker == archive.ticker(card.id)
        if card.id == archive.ids[RECENT.name]:
            assert card.title == HEADLINE and card.price_sensitive is True
        else:
            stored = store.get(card.id)
            assert stored is not None and card.title == stored.title and card.price_sensitive is None
    assert any(c.best for c in _all(store))


def test_each_filter_matches_what_was_stored(archive: Archive) -> None:
    store, every = archive.store, _all(archive.store)
    assessments = {c.id: store.assessment(c.id) or {} for c in every}

    kjg = {i for i in archive.analyses if archive.ticker(i) == "KJG"}
    assert len(kjg) >= 4 and {c.id for c in _all(store, ticker="kjg")} == kjg

    lithium = {i for i, a in archive.analyses.items() if "Li" in a.extraction.commodities}
    assert lithium and {c.id for c in _all(store, commodity="li")} == lithium
    assert _all(store, commodity="L") == [] and _all(store, commodity="%") == []

    bands = {c.band for c in every}
    assert len(bands) >= 2
    for band in bands:
        assert {c.id for c in _all(store, band=band)} == {i for i, a in assessments.items()
                                                          if a["significance"]["band"] == band}
    assert {c.id for c in _all(store, type="drilling")} == {i for i, a in assessments.items()
                                                            if a["type"]["type"] == "drilling"}
    scores = sorted(a["significance"]["score"] for a in assessments.values())
    cut = scores[len(scores) // 2]
    assert {c.id for c in _all(store, min_score=cut)} == {i for i, a in assessments.items()
                                                          if a["significance"]["score"] >= cut}

    times = sorted({archive.when(c.id) for c in every})
    since, until = times[1], times[-2]
    window = {c.id for c in every if since <= archive.when(c.id) < until}
    assert window and {c.id for c in _all(store, since=since, until=until)} == window
    assert {c.id for c in _all(store, since=since.replace(tzinfo=None))} == {
        c.id for c in every if archive.when(c.id) >= since}  # naive: UTC


def test_filters_combine_with_and(archive: Archive) -> None:
    store = archive.store
    ticker_ids = {c.id for c in _all(store, ticker="KJG")}
    gold = {c.id for c in _all(store, commodity="Au")}
    good = {c.id for c in _all(store, min_score=40)}
    both = {c.id for c in _all(store, ticker="KJG", commodity="Au", min_score=40)}
    assert both == ticker_ids & gold & good and both != gold
    assert store.browse(ticker="KJG", commodity="Li").total == 0


def test_query_is_the_full_text_search_and_never_raw_syntax(archive: Archive) -> None:
    store = archive.store
    hits = {h.id for h in store.search("spodumene")}
    assert hits and {c.id for c in _all(store, query="spodumene")} == hits
    assert {c.id for c in _all(store, query="spodumene", ticker="BRL")} == hits & {
        c.id for c in _all(store, ticker="BRL")}
    for hostile in ('NEAR(gold', '"unbalanced', "gold* AND -", "x'); DROP TABLE announcements; --", "\x00gold"):
        store.browse(query=hostile)  # never raises
    assert store.browse(query="*** --").total == 0  # nothing to search for: nothing matches
    assert store.browse(query="   ").total == len(archive.ids)  # blank: no filter
    assert store.count() == len(archive.ids)


# -- one announcement ------------------------------------------------------------------------------


def test_announcement_view_has_text_assessment_and_related(archive: Archive) -> None:
    store = archive.store
    dup = archive.ids[DUPLICATE.name]
    view = store.announcement_view(dup)
    assert view is not None and view.card.id == dup
    assert view.stored.text and view.stored.id == dup and view.assessment == store.assessment(dup)
    assert view.assessment is not None and view.assessment["novelty"]["flagged"]
    related = [c.id for c in view.related]
    assert archive.ids["kjg-001.txt"] in related  # the original it repeats (and an earlier KJG release)
    earlier = [c for c in view.related if c.ticker == "KJG"]
    assert earlier and all((archive.when(c.id), c.id) < (archive.when(dup), dup) for c in earlier)
    assert [archive.when(c.id) for c in earlier] == sorted((archive.when(c.id) for c in earlier), reverse=True)

    partner = store.announcement_view(archive.ids[PARTNER.name])
    assert partner is not None and partner.card.novelty in ("reannounced", "partly_reannounced")
    original = archive.ids["drn-001.pdf"]
    assert archive.ticker(original) != partner.card.ticker
    assert original in [c.id for c in partner.related]  # only the novelty verdict points to it

    newest_brl = max((i for i in archive.analyses if archive.ticker(i) == "BRL"), key=lambda i: archive.when(i))
    brl = store.announcement_view(newest_brl)
    assert brl is not None
    assert {c.id for c in brl.related} == {i for i in archive.analyses if archive.ticker(i) == "BRL"} - {newest_brl}
    assert store.announcement_view(10**6) is None


# -- companies and commodities ----------------------------------------------------------------------------


def test_companies_and_a_company_page(archive: Archive) -> None:
    store = archive.store
    companies = store.companies()
    expected: dict[str, list[int]] = {}
    for i in archive.analyses:
        if archive.ticker(i):
            expected.setdefault(str(archive.ticker(i)), []).append(i)
    assert {c.ticker: c.announcements for c in companies} == {t: len(v) for t, v in expected.items()}
    for c in companies:
        scores = [(store.assessment(i) or {})["significance"]["score"] for i in expected[c.ticker]]
        assert c.best_score == pytest.approx(max(scores))
        assert c.last_at == max(archive.when(i) for i in expected[c.ticker])
    assert [c.last_at for c in companies] == sorted((c.last_at for c in companies), reverse=True)
    assert [c.ticker for c in store.companies(limit=1, offset=1)] == [companies[1].ticker]

    view = store.company_view("kjg")
    assert view is not None and view.ticker == "KJG" and view.name
    assert [c.id for c in view.announcements] == [c.id for c in _all(store, ticker="KJG")]
    best = [r for r in store.best_intercepts() if r.ticker == "KJG"]
    assert best and [r.announcement_id for r in view.best_intercepts] == [r.announcement_id for r in best]
    stored_resources = sum(len(store.get(i).resources) for i in expected["KJG"])  # type: ignore[union-attr]
    assert stored_resources and len(view.resources) == stored_resources
    assert all(r.announcement_id in expected["KJG"] for r in view.resources)
    assert store.company_view("NOPE") is None and store.company_view("  ") is None


def test_company_name_prefers_the_imported_facts(tmp_path: Path) -> None:
    from oresight.store import StoredFacts

    store = Store(f"sqlite:///{tmp_path / 'facts.db'}")
    store.migrate()
    analysis = analyse_path(CORPUS / "kjg-001.txt")
    Assessor(store).ingest(analysis, source="kjg-001")
    extracted = store.companies()[0].name
    assert extracted
    store.put_facts([StoredFacts("KJG", name="Koonjarra Gold (from the ASX list)", source="test")])
    assert store.companies()[0].name == "Koonjarra Gold (from the ASX list)" != extracted
    view = store.company_view("KJG")
    assert view is not None and view.name == "Koonjarra Gold (from the ASX list)"
    store.close()


def test_commodities_are_counted_per_announcement(archive: Archive) -> None:
    expected: dict[str, int] = {}
    for a in archive.analyses.values():
        for c in set(a.extraction.commodities):
            expected[c] = expected.get(c, 0) + 1
    got = archive.store.commodities()
    assert dict(got) == expected
    assert [n for _, n in got] == sorted(expected.values(), reverse=True)
    assert commodity_symbol("au") == "Au" and commodity_symbol("REE") == "REE" and commodity_symbol("xx") is None


def test_commodity_page_is_this_weeks_best_normalised(archive: Archive) -> None:
    store = archive.store
    recent = archive.ids[RECENT.name]
    gold = store.commodity_view("au")
    assert gold.commodity == "Au" and gold.metric == "g/t*m Au"
    assert gold.intercepts and {r.announcement_id for r in gold.intercepts} == {recent}  # the week: yesterday's only
    assert gold.intercepts[0].title == HEADLINE
    values = [r.value for r in gold.intercepts]
    assert all(v is not None for v in values) and values == sorted(values, reverse=True)  # type: ignore[type-var]
    stored = store.get(recent)
    assert stored is not None and stored.text is not None
    pages = stored.text.split("\n\f")
    for r in gold.intercepts:
        assert r.analyte in ("Au", "AuEq")
        if r.unit == "g/t":
            assert r.value == pytest.approx(r.grade * r.width_m)
        assert r.span is not None and pages[r.span.page - 1][r.span.start:r.span.end]
    intervals = [(r.hole_id, r.from_m, r.to_m, r.width_m) for r in gold.intercepts]
    assert len(intervals) == len(set(intervals))  # one row per interval (Au and AuEq are one)
    full = [i for i in stored.intercepts if i.analyte in ("Au", "AuEq") and not i.including and i.width_m]
    assert len(gold.intercepts) == len({(i.hole_id, i.from_m, i.to_m, i.width_m) for i in full})
    for r in gold.intercepts:  # the interval's best reading (AuEq over Au when both are given)
        same = [i.grade * (i.width_m or 0) for i in full if (i.hole_id, i.from_m, i.to_m) == (r.hole_id, r.from_m, r.to_m)
                and i.unit == "g/t"]
        assert r.value == pytest.approx(max(same))
    assert any(r.analyte == "AuEq" for r in gold.intercepts)

    old = store.commodity_view("Au", since=datetime(2000, 1, 1, tzinfo=UTC), limit=200)
    assert {r.announcement_id for r in old.intercepts} >= {recent, archive.ids["kjg-001.txt"]}
    assert len(store.commodity_view("Au", since=datetime(2000, 1, 1, tzinfo=UTC), limit=2).intercepts) == 2

    lithium = store.commodity_view("LI", since=datetime(2000, 1, 1))
    assert lithium.metric == "%*m Li2O" and lithium.intercepts
    assert all(r.analyte in {a for a, c in lexicon().analyte_commodity.items() if c == "Li"} for r in lithium.intercepts)

    antimony = store.commodity_view("Sb")  # no benchmark of its own: gold-equivalent gram-metres at deck prices
    assert antimony.metric == "g*m AuEq" and antimony.intercepts
    assert all(r.value is not None and r.value > 0 for r in antimony.intercepts)

    unknown = store.commodity_view("Unobtainium")
    assert unknown.intercepts == []


# -- scores -------------------------------------------------------------------------------------------


def test_score_distribution_and_band_counts(archive: Archive) -> None:
    store = archive.store
    every = {c.id: (store.assessment(c.id) or {})["significance"] for c in _all(store)}
    assert store.score_distribution() == pytest.approx(sorted(s["score"] for s in every.values()))
    counts = store.band_counts()
    assert list(counts) == list(BANDS)
    assert counts == {b: sum(1 for s in every.values() if s["band"] == b) for b in BANDS}
    since, until = datetime.now(UTC) - timedelta(days=2), datetime.now(UTC) + timedelta(hours=1)
    recent = archive.ids[RECENT.name]  # the only one published in the last two days (one sample is dated ahead)
    assert store.score_distribution(since=since, until=until) == pytest.approx([every[recent]["score"]])
    assert sum(store.band_counts(since=since, until=until).values()) == 1
    assert store.score_distribution(until=datetime(1990, 1, 1, tzinfo=UTC)) == []


# -- tokens -------------------------------------------------------------------------------------------


def test_tokens_are_hashed_at_rest_checked_and_revoked(archive: Archive) -> None:
    store = archive.store
    name = f"t{uuid.uuid4().hex[:8]}"
    secret = store.create_token(name)
    assert len(secret) >= 40
    with store.engine.connect() as conn:
        rows = [tuple(str(v) for v in r) for r in conn.execute(text("SELECT * FROM api_tokens"))]
    assert rows and not any(secret in v for r in rows for v in r)
    import hashlib

    assert any(hashlib.sha256(secret.encode()).hexdigest() in r for r in rows)
    assert store.check_token(secret) and not store.check_token(secret + "x") and not store.check_token("")
    token = next(t for t in store.tokens() if t.name == name)
    assert token.active and token.last_used_at is not None
    with pytest.raises(BadInput, match="exists already"):
        store.create_token(name)
    with pytest.raises(BadInput, match="token name"):
        store.create_token("no spaces")
    assert store.revoke_token(name) and not store.revoke_token(name)
    assert not store.check_token(secret)
    assert not next(t for t in store.tokens() if t.name == name).active
