"""oresight.store on SQLite and PostgreSQL: every test using ``store`` runs on both backends."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from oresight.exceptions import StorageError
from oresight.model import (
    Analysis,
    Company,
    Document,
    Extraction,
    Intercept,
    Page,
    ResourceEstimate,
    Span,
)
from oresight.store import (
    DEFAULT_URL,
    ENV_VAR,
    MARK_END,
    MARK_START,
    SearchHit,
    Store,
    database_url,
)
from oresight.store._query import parse_query


@pytest.fixture
def store(database) -> Iterator[Store]:
    s = Store(database.url, schema=database.schema)
    s.migrate()
    yield s
    s.close()


# -- building test values --------------------------------------------------------------------------


def intercept(
    grade: float,
    width: float | None,
    analyte: str = "Au",
    unit: str = "g/t",
    *,
    hole: str = "RC001",
    including: bool = False,
    page: int = 1,
    start: int = 0,
) -> Intercept:
    surface = f"{width}m @ {grade}{unit} {analyte}"
    return Intercept(
        grade=grade,
        unit=unit,
        analyte=analyte,
        width_m=width,
        surface=surface,
        span=Span(page, start, start + len(surface)),
        hole_id=hole,
        from_m=10.0,
        to_m=None if width is None else 10.0 + width,
        including=including,
    )


def make_analysis(
    *pages: str,
    title: str = "",
    intercepts: tuple[Intercept, ...] = (),
    resources: tuple[ResourceEstimate, ...] = (),
    companies: tuple[Company, ...] = (),
    commodities: tuple[str, ...] = ("Au",),
    ocr: tuple[int, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Analysis:
    texts = pages or ("An announcement.",)
    digest = hashlib.sha256("\f".join((title, *texts)).encode("utf-8", "surrogatepass")).hexdigest()
    document = Document(
        kind="pdf",
        pages=tuple(Page(n, t, ocr=n in ocr) for n, t in enumerate(texts, start=1)),
        sha256=digest,
        title=title,
        source="test",
        size_bytes=sum(len(t) for t in texts),
    )
    extraction = Extraction(
        commodities=commodities,
        intercepts=intercepts,
        resources=resources,
        companies=companies,
        reporting_code="JORC",
    )
    return Analysis(document=document, extraction=extraction, seconds=0.25, warnings=warnings)


def row_count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# -- migrations ------------------------------------------------------------------------------------


def test_concurrent_migrations_of_a_fresh_database(database) -> None:
    stores = [Store(database.url, schema=database.schema) for _ in range(3)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(Store.migrate, stores))
    assert stores[0].count() == 0
    for s in stores:
        s.close()


def test_migrate_twice_is_fine(store: Store) -> None:
    store.migrate()
    store.migrate()
    tables = set(inspect(store.engine).get_table_names())
    assert {"announcements", "intercepts", "resources", "ingest_errors", "alembic_version"} <= tables
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0007"]


# -- add / get -------------------------------------------------------------------------------------


def test_add_get_roundtrip(store: Store) -> None:
    page1 = "Drilling at Bonanza returned 13m @ 3.95g/t Au from 35m including 2m @ 20.1g/t Au."
    page2 = "Mineral Resource of 5.2Mt @ 1.3% Li2O (Inferred), JORC 2012."
    intercepts = (
        Intercept(
            grade=3.95,
            unit="g/t",
            analyte="Au",
            width_m=13.0,
            surface="13m @ 3.95g/t Au from 35m",
            span=Span(1, 29, 54),
            hole_id="BON001",
            from_m=35.0,
            to_m=48.0,
            true_width_m=9.5,
        ),
        Intercept(
            grade=20.1,
            unit="g/t",
            analyte="Au",
            width_m=2.0,
            surface="2m @ 20.1g/t Au",
            span=Span(1, 65, 80),
            hole_id="BON001",
            including=True,
            source="table",
            to_eoh=True,
        ),
        Intercept(grade=0.4, unit="%", analyte="Cu", width_m=None, surface="0.4% Cu", span=Span(1, 0, 7)),
    )
    resources = (
        ResourceEstimate(
            tonnes=5_200_000.0,
            grade=1.3,
            unit="%",
            analyte="Li2O",
            surface="5.2Mt @ 1.3% Li2O",
            span=Span(2, 20, 37),
            category="inferred",
            contained=67_600.0,
            contained_unit="t",
            cutoff="0.5% Li2O",
            code="JORC",
            kind="resource",
            deposit="Bonanza",
        ),
        ResourceEstimate(
            tonnes=1e6, grade=None, unit=None, analyte=None, surface="1Mt", span=Span(2, 0, 3), kind="reserve"
        ),
    )
    companies = (Company("Bonanza Gold Ltd", "BNZ", "ASX", Span(1, 0, 3)), Company(None, "OTH", "TSXV"))
    analysis = make_analysis(
        page1,
        page2,
        title="Bonanza drilling results",
        intercepts=intercepts,
        resources=resources,
        companies=companies,
        commodities=("Au", "Cu", "Li2O"),
        ocr=(2,),
        warnings=("page 2 read by OCR",),
    )
    published = datetime(2025, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=10)))

    ann_id, created = store.add(analysis, source="asx:02900001", published_at=published)
    assert created

    got = store.get(ann_id)
    assert got is not None
    assert got.id == ann_id
    assert got.sha256 == analysis.document.sha256
    assert got.source == "asx:02900001"
    assert got.kind == "pdf"
    assert got.title == "Bonanza drilling results"
    assert (got.ticker, got.exchange, got.company_name) == ("BNZ", "ASX", "Bonanza Gold Ltd")
    assert got.published_at == published
    assert got.published_at is not None and got.published_at.utcoffset() == timedelta(0)
    assert got.ingested_at.tzinfo is not None
    assert abs(datetime.now(UTC) - got.ingested_at) < timedelta(minutes=5)
    assert got.page_count == 2
    assert got.ocr_pages == (2,)
    assert got.text == analysis.document.text
    assert got.size_bytes == analysis.document.size_bytes
    assert got.analysis_seconds == pytest.approx(0.25)
    assert got.commodities == ("Au", "Cu", "Li2O")
    assert got.intercepts == intercepts  # every field, spans included, in order
    assert got.resources == resources
    assert got.companies == (Company("Bonanza Gold Ltd", "BNZ", "ASX"), Company(None, "OTH", "TSXV"))
    assert got.extraction == analysis.extraction.to_json()
    assert got.reporting_code == "JORC"
    assert got.warnings == ("page 2 read by OCR",)
    assert got.error is None

    assert store.get(ann_id + 1000) is None
    assert store.find(analysis.document.sha256) == ann_id


def test_naive_published_at_is_taken_as_utc(store: Store) -> None:
    ann_id, _ = store.add(make_analysis("x"), source="s", published_at=datetime(2025, 1, 2, 3, 4, 5))
    got = store.get(ann_id)
    assert got is not None
    assert got.published_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_same_content_twice_is_stored_once(store: Store) -> None:
    analysis = make_analysis(
        "Same words.", title="Same", intercepts=(intercept(2.0, 5.0), intercept(1.0, 3.0))
    )
    first = store.add(analysis, source="feed-a")
    second = store.add(analysis, source="feed-b", published_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert first == (first[0], True)
    assert second == (first[0], False)
    assert store.count() == 1
    assert row_count(store, "intercepts") == 2
    got = store.get(first[0])
    assert got is not None and got.source == "feed-a" and got.published_at is None


def test_concurrent_adds_of_the_same_content_create_one_row(store: Store) -> None:
    analysis = make_analysis("Raced.", intercepts=(intercept(1.0, 1.0),))
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: store.add(analysis, source=f"worker-{n}"), range(8)))
    assert len({ann_id for ann_id, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    assert store.count() == 1
    assert row_count(store, "intercepts") == 1


def test_hostile_values_are_stored_cleanly(store: Store) -> None:
    nan_intercept = intercept(math.nan, 1.0)
    analysis = make_analysis(
        "NUL\x00 inside text, lone surrogate \ud800 too",
        title="Title\x00",
        intercepts=(nan_intercept, intercept(5.0, math.inf)),
    )
    ann_id, created = store.add(analysis, source="src\x00")
    assert created
    got = store.get(ann_id)
    assert got is not None
    assert got.title == "Title"
    assert got.text is not None and "\x00" not in got.text and "NUL inside text" in got.text
    assert len(got.intercepts) == 1 and got.intercepts[0].width_m is None  # infinite width dropped
    assert any("intercept not stored" in w for w in got.warnings)
    assert got.extraction["intercepts"][0]["grade"] is None


def test_add_requires_a_content_hash(store: Store) -> None:
    analysis = make_analysis("x")
    broken = Analysis(
        document=Document(kind="text", pages=analysis.document.pages, sha256=""),
        extraction=analysis.extraction,
    )
    with pytest.raises(ValueError, match="sha256"):
        store.add(broken, source="s")


# -- errors ----------------------------------------------------------------------------------------


def test_record_error_keeps_existing_rows(store: Store) -> None:
    analysis = make_analysis("Kept.", title="Kept", intercepts=(intercept(1.0, 2.0),))
    ann_id, _ = store.add(analysis, source="a")
    first = store.record_error(
        source="a", reason="encrypted PDF", kind="encrypted", sha256=analysis.document.sha256
    )
    second = store.record_error(source="b.pdf", reason="not a PDF, HTML or text file")

    errors = store.errors()
    assert [e.id for e in errors] == [second, first]  # newest first
    assert (errors[1].source, errors[1].reason, errors[1].kind) == ("a", "encrypted PDF", "encrypted")
    assert errors[1].sha256 == analysis.document.sha256
    assert errors[0].kind == "bad_input" and errors[0].sha256 is None
    assert errors[0].at.tzinfo is not None
    assert store.errors(limit=1) == errors[:1]

    got = store.get(ann_id)
    assert got is not None and got.title == "Kept" and len(got.intercepts) == 1
    assert store.count() == 1


# -- search ----------------------------------------------------------------------------------------


@pytest.fixture
def corpus(store: Store) -> dict[str, int]:
    docs = {
        "lithium": make_analysis(
            "The company drilled spodumene pegmatites. Lithium grades were high grade throughout. "
            "Lithium lithium.",
            title="Lithium drilling results",
            companies=(Company("Li Co", "LIC", "ASX"),),
        ),
        "mention": make_analysis(
            "Quarterly activities report. Exploration continued at the gold project. "
            "The company also holds a small lithium tenement. " + "Corporate matters. " * 40,
            title="Quarterly report",
            companies=(Company("Gold Co", "GLD", "ASX"),),
        ),
        "copper": make_analysis(
            "Porphyry copper intercepts at the Tintaya trend. Chalcopyrite observed.",
            title="Copper update",
        ),
    }
    return {key: store.add(a, source=key)[0] for key, a in docs.items()}


def test_search_finds_words_in_text_and_title(store: Store, corpus: dict[str, int]) -> None:
    hits = store.search("lithium")
    assert [h.id for h in hits] == [corpus["lithium"], corpus["mention"]]  # title and repeats rank first
    assert hits[0].score > hits[1].score
    assert hits[0].title == "Lithium drilling results" and hits[0].ticker == "LIC"
    assert all(isinstance(h, SearchHit) for h in hits)

    by_text = store.search("spodumene")
    assert [h.id for h in by_text] == [corpus["lithium"]]
    assert f"{MARK_START}spodumene{MARK_END}" in by_text[0].snippet
    assert "<mark>spodumene</mark>" in by_text[0].snippet_html()

    by_title = store.search("quarterly")
    assert [h.id for h in by_title] == [corpus["mention"]]

    assert [h.id for h in store.search("drilling")] == [corpus["lithium"]]  # stemmed: drilled, drilling
    assert [h.id for h in store.search('"high grade"')] == [corpus["lithium"]]
    assert store.search('"grade high"') == []
    assert {h.id for h in store.search("chalcopyrite OR spodumene")} == {corpus["copper"], corpus["lithium"]}
    assert store.search("chalcopyrite spodumene") == []  # words are ANDed
    assert store.search("molybdenum") == []
    assert len(store.search("lithium", limit=1)) == 1
    assert store.search("lithium", limit=0) == []


@pytest.mark.parametrize(
    ("query", "fts5", "websearch"),
    [
        ("lithium", '("lithium")', "lithium"),
        ('a "b c" OR d*', '("a" "b c") OR ("d")', 'a "b c" or d*'),
        ("13m @ 3.95g/t", '("13m" "3 95g t")', '13m "3.95g/t"'),
        ('NEAR(x, 2) -y "z', '("NEAR x" "2" "y" "z")', '"NEAR(x," 2) y z'),
        ("or OR", "", ""),
    ],
)
def test_queries_are_parsed_into_quoted_terms(query: str, fts5: str, websearch: str) -> None:
    parsed = parse_query(query)
    assert (parsed.fts5(), parsed.websearch()) == (fts5, websearch)


HOSTILE_QUERIES = [
    '"',
    '""',
    '"unbalanced lithium',
    "lithium\"'",
    "AND OR",
    "OR",
    "lithium OR",
    "NOT lithium",
    "lithium AND NOT",
    "*",
    "lith*",
    "NEAR(",
    "NEAR(lithium copper, 2)",
    "'; drop table announcements; --",
    "title:lithium",
    "{title text}: lithium",
    "(",
    ")",
    "-",
    "-lithium",
    "^lithium",
    "!",
    "&|<->:*",
    "\x00",
    "0\x00",
    "lithium\x00spodumene",
    "\ud800",
    "\ud800lithium",
    "\x1b[31mlithium",
    "锂 литий 🔥",
    "",
    "   ",
    "lithium " * 500,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_do_not_raise(store: Store, corpus: dict[str, int], query: str) -> None:
    hits = store.search(query)
    assert isinstance(hits, list)
    assert store.count() == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(HOSTILE_QUERIES))
def test_search_never_raises(store: Store, query: str) -> None:
    assert isinstance(store.search(query), list)


def test_deleting_an_announcement_cascades_and_leaves_the_index(store: Store, corpus: dict[str, int]) -> None:
    doomed_analysis = make_analysis("Gone soon: scandium.", intercepts=(intercept(1.0, 1.0),))
    doomed, _ = store.add(doomed_analysis, source="x")
    assert [h.id for h in store.search("scandium")] == [doomed]
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM announcements WHERE id = :id"), {"id": doomed})
    assert store.search("scandium") == []
    assert row_count(store, "intercepts") == 0
    assert [h.id for h in store.search("spodumene")] == [corpus["lithium"]]


# -- ranking ---------------------------------------------------------------------------------------


def test_best_intercepts_orders_across_commodities(store: Store) -> None:
    ids = {}

    def add(key: str, *intercepts: Intercept) -> None:
        ids[key] = store.add(make_analysis(key, title=key.title(), intercepts=intercepts), source=key)[0]

    # Au g/t population (gxw): 1, 10, 20, 100 -> cumulative shares 25, 50, 75, 100 %.
    add("gold-best", intercept(5.0, 2.0), intercept(10.0, 10.0))
    add("gold-mid", intercept(5.0, 4.0), intercept(50.0, 10.0, including=True))  # including: not ranked
    add("gold-low", intercept(1.0, 1.0))
    # Cu %: 1, 50 -> 50, 100 %.  Width unknown: not ranked.
    add("copper-best", intercept(1.0, 50.0, "Cu", "%"))
    add("copper-low", intercept(0.5, 2.0, "Cu", "%"), intercept(9.0, None, "Cu", "%"))
    # Groups of one: 100 % each, after larger groups; among themselves by grade x width.
    add("lithium", intercept(1.5, 20.0, "Li2O", "%"))
    add("gold-ppb", intercept(1000.0, 1.0, "Au", "ppb"))
    add("no-intercepts")

    ranked = store.best_intercepts()
    order = ["gold-best", "copper-best", "gold-ppb", "lithium", "gold-mid", "copper-low", "gold-low"]
    assert [r.announcement_id for r in ranked] == [ids[k] for k in order]
    summary = [(round(r.percentile, 6), r.group_size, round(r.grade_x_width, 6)) for r in ranked]
    assert summary == [
        (100, 4, 100),
        (100, 2, 50),
        (100, 1, 1000),
        (100, 1, 30),
        (75, 4, 20),
        (50, 2, 1),
        (25, 4, 1),
    ]
    best = ranked[0]
    assert best.intercept == intercept(10.0, 10.0)
    assert best.title == "Gold-Best" and best.commodity == "Au g/t"
    top_two = store.best_intercepts(limit=2)
    assert [r.announcement_id for r in top_two] == [ids["gold-best"], ids["copper-best"]]


def test_best_intercepts_rank_an_announcement_on_its_main_analyte(store: Store) -> None:
    # one lithium release with tantalum by-product grades: ranked on Li2O (same count, Li2O is primary),
    # even though its Ta2O5 intercept is the only one of its group (100th percentile)
    lithium = store.add(make_analysis("li", title="Li", intercepts=(
        intercept(1.2, 20.0, "Li2O", "%"), intercept(150.0, 20.0, "Ta2O5", "ppm"))), source="li")[0]
    store.add(make_analysis("li2", title="Li2", intercepts=(intercept(1.5, 30.0, "Li2O", "%"),)), source="li2")
    # a gold release that reports Au and AuEq on every interval: ranked on Au, not on the equivalent
    gold = store.add(make_analysis("au", title="Au", intercepts=(
        intercept(2.0, 10.0), intercept(2.5, 10.0, "AuEq"), intercept(1.0, 4.0), intercept(1.3, 4.0, "AuEq"))),
        source="au")[0]
    ranked = {r.announcement_id: r for r in store.best_intercepts()}
    assert ranked[lithium].intercept.analyte == "Li2O" and ranked[lithium].percentile == 50.0
    assert ranked[gold].intercept.analyte == "Au" and ranked[gold].grade_x_width == 20.0


# -- listing ---------------------------------------------------------------------------------------


def test_announcements_newest_first_with_pagination(store: Store) -> None:
    base = datetime(2025, 6, 1, tzinfo=UTC)
    ids = []
    for n in range(5):
        dated = make_analysis(f"doc {n}", title=f"Doc {n}")
        ids.append(store.add(dated, source="s", published_at=base + timedelta(days=n))[0])
    undated = store.add(make_analysis("undated"), source="s")[0]  # ingested now: newest
    expected = [undated, *reversed(ids)]

    assert [a.id for a in store.announcements()] == expected
    pages = [store.announcements(limit=2, offset=o) for o in (0, 2, 4, 6)]
    assert [[a.id for a in p] for p in pages] == [expected[0:2], expected[2:4], expected[4:6], []]
    assert store.announcements(limit=0) == []
    listed = store.announcements(limit=1, offset=1)[0]
    assert listed.text is None and listed.title == "Doc 4"
    assert store.count() == 6


# -- configuration and failures --------------------------------------------------------------------


def test_database_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert database_url() == DEFAULT_URL == "sqlite:///var/oresight.db"
    monkeypatch.setenv(ENV_VAR, "  ")
    assert database_url() == DEFAULT_URL
    monkeypatch.setenv(ENV_VAR, "postgresql://u@db/oresight")
    assert database_url() == "postgresql+psycopg://u@db/oresight"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_default_sqlite_file_is_created_under_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    with Store(database_url()) as store:
        store.migrate()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    assert (tmp_path / "var" / "oresight.db").is_file()


def test_unreachable_server_is_a_one_line_storage_error() -> None:
    store = Store("postgresql://oresight:s3cret@127.0.0.1:1/nowhere?connect_timeout=2")
    with pytest.raises(StorageError) as caught:
        store.migrate()
    message = str(caught.value)
    assert "\n" not in message and "127.0.0.1" in message and "s3cret" not in message
    store.close()


@pytest.mark.parametrize(
    ("url", "schema", "match"),
    [
        ("mysql://u@h/d", None, "unsupported database"),
        ("not a url", None, "not a database URL"),
        ("sqlite:///x.db", "s", "needs PostgreSQL"),
        ("postgresql://u@h/d", 'x"; drop', "schema name"),
    ],
)
def test_bad_configuration_is_a_storage_error(url: str, schema: str | None, match: str) -> None:
    with pytest.raises(StorageError, match=match):
        Store(url, schema=schema)


def test_sqlite_path_that_cannot_be_created_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StorageError, match="cannot open"):
        Store(f"sqlite:///{tmp_path / 'file' / 'sub' / 'x.db'}")


def _assessment(score: float) -> dict[str, object]:
    return {"significance": {"score": score, "band": "moderate", "reason": "r"},
            "type": {"type": "drilling", "noise": False}, "novelty": {"status": "new"}}


def test_add_assessed_stores_a_batch_once_each_with_repeats_and_earlier_rows(store: Store) -> None:
    earlier = make_analysis("Stored before, assessed later.")
    earlier_id, _ = store.add(earlier, source="old")
    a, b = make_analysis("First new one.", title="A"), make_analysis("Second new one.", title="B")
    batch = [(a, "s:a", None, _assessment(40.0), b"\x01\x00\x00\x00"),
             (earlier, "s:e", None, _assessment(30.0), b""),
             (b, "s:b", None, _assessment(50.0), b"\x02\x00\x00\x00"),
             (a, "s:a2", None, _assessment(99.0), b"")]  # the same document twice in one batch
    out = store.add_assessed(batch)
    assert out[0][1] is True and out[2][1] is True and out[1] == (earlier_id, False)
    assert out[3] == (out[0][0], False)
    assert len({out[0][0], out[2][0], earlier_id}) == 3
    assert store.count() == 3
    assert (store.assessment(out[0][0]) or {})["significance"]["score"] == 40.0  # the first one counts
    assert (store.assessment(earlier_id) or {})["significance"]["score"] == 30.0
    again = store.add_assessed([(b, "s:b", None, _assessment(1.0), b"")])
    assert again == [(out[2][0], False)] and (store.assessment(out[2][0]) or {})["significance"]["score"] == 50.0
    assert store.get(out[2][0]).title == "B"  # type: ignore[union-attr]
    assert store.add_assessed([]) == []


def test_add_assessed_stores_the_same_rows_as_add(store: Store) -> None:
    hits = (intercept(6.1, 24.0), intercept(18.2, 6.0, including=True, start=30), intercept(math.nan, 2.0, start=60))
    one = make_analysis("Drilling results.", title="One", intercepts=hits, commodities=("Au", "Ag"))
    two = make_analysis("Drilling results confirmed.", title="Two", intercepts=hits, commodities=("Au", "Ag"))
    by_add, _ = store.add(one, source="s:1")
    (by_batch, created), = store.add_assessed([(two, "s:2", None, _assessment(10.0), b"")])
    assert created
    a, b = store.get(by_add), store.get(by_batch)
    assert a is not None and b is not None
    assert a.intercepts == b.intercepts and len(b.intercepts) == 2  # the NaN grade is left out with a warning
    assert a.resources == b.resources and a.commodities == b.commodities
    assert a.warnings == b.warnings and any("grade nan" in w for w in b.warnings)
    assert [h.id for h in store.search("drilling")] and b.id in {h.id for h in store.search("confirmed")}
