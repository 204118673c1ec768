"""The repository: :class:`Store` keeps analysed announcements in SQLite or PostgreSQL."""

from __future__ import annotations

import json
import math
import re
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, case, create_engine, event, false, func, insert, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import selectinload, sessionmaker, undefer

from oresight.exceptions import StorageError
from oresight.model import Analysis, Company, Intercept, ResourceEstimate, Span

from ._browse import BrowseStore
from ._context import ContextStore
from ._query import parse_query
from ._realtime import RealtimeStore
from ._records import (
    MARK_END,
    MARK_START,
    ArchivedResult,
    IngestError,
    RankedAnnouncement,
    RankedIntercept,
    SearchHit,
    StoredAnnouncement,
    StoredFacts,
)
from ._sanctions import SanctionsStore
from ._schema import (
    AnnouncementRow,
    AssessmentRow,
    CompanyFactsRow,
    FingerprintRow,
    IngestErrorRow,
    InterceptRow,
    ResourceRow,
)
from ._statements import StatementStore
from ._text import clean as _clean
from ._url import normalise_url

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 10_000
POSTGRES_CONNECT_TIMEOUT_S = 10
MAX_SEARCH_RESULTS = 200

_SCHEMA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
_SQLITE_BEGIN = "oresight_sqlite_begin"  # execution option: DEFERRED (reads) or IMMEDIATE (writes)
_BACKGROUND = re.compile(r"\(Background on this error at: [^)]*\)")

_SQLITE_SEARCH = text(
    """
    SELECT a.id AS id, a.title AS title, a.ticker AS ticker,
           -bm25(announcements_fts, 5.0, 1.0) AS score,
           snippet(announcements_fts, -1, :mark_start, :mark_end, '…', 24) AS snippet
    FROM announcements_fts JOIN announcements AS a ON a.id = announcements_fts.rowid
    WHERE announcements_fts MATCH :query
    ORDER BY bm25(announcements_fts, 5.0, 1.0), a.id DESC
    LIMIT :limit
    """
)

_POSTGRES_SEARCH = text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
    top AS (
        SELECT a.id AS id, ts_rank(a.search_vector, q.query) AS score
        FROM announcements AS a CROSS JOIN q
        WHERE a.search_vector @@ q.query
        ORDER BY score DESC, a.id DESC
        LIMIT :limit
    )
    SELECT a.id AS id, a.title AS title, a.ticker AS ticker, top.score AS score,
           ts_headline('english', a.title || ' ' || a.text, q.query, :options) AS snippet
    FROM top JOIN announcements AS a ON a.id = top.id CROSS JOIN q
    ORDER BY top.score DESC, a.id DESC
    """
)
_HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, "
    'MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
)


PRIMARY_ANALYTES = ("Au", "Cu", "Ni", "Li2O", "U3O8", "eU3O8", "TREO", "Zn", "Sn", "WO3", "V2O5", "TGC", "3E")


class Store(RealtimeStore, BrowseStore, ContextStore, StatementStore, SanctionsStore):
    """Analysed announcements in a database, stored once by content hash.

    ``url`` is an SQLAlchemy URL (``sqlite:///path.db`` or ``postgresql://…``; see
    :func:`oresight.store.database_url`). ``schema`` (PostgreSQL only) keeps every table, including
    Alembic's version table, in that schema: tests use it for isolation. No connection is made
    until first use; call :meth:`migrate` before anything else (it is idempotent and cheap).

    Every database failure is raised as :class:`~oresight.exceptions.StorageError` with a one-line
    message.
    """

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        self.url = normalise_url(url)
        try:
            parsed = make_url(self.url)
        except SQLAlchemyError as exc:
            raise StorageError(f"not a database URL: {_one_line(exc)}") from exc
        self.display_url = parsed.render_as_string(hide_password=True)
        backend = parsed.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise StorageError(
                f"unsupported database {backend!r} in {self.display_url}: use sqlite or postgresql"
            )
        self.backend: Literal["sqlite", "postgresql"] = "sqlite" if backend == "sqlite" else "postgresql"
        if schema is not None:
            if self.backend != "postgresql":
                raise StorageError(f"a schema ({schema!r}) needs PostgreSQL, not {self.display_url}")
            if not _SCHEMA_NAME.fullmatch(schema):
                raise StorageError(f"not a plain schema name: {schema!r}")
        self.schema = schema
        try:
            if self.backend == "sqlite":
                _create_sqlite_parent(parsed)
                self._engine = _sqlite_engine(parsed)
                self._write_engine: Engine = self._engine.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
            else:
                self._engine = _postgres_engine(parsed, schema)
                self._write_engine = self._engine
        except (SQLAlchemyError, OSError) as exc:
            raise StorageError(f"cannot open {self.display_url}: {_one_line(exc)}") from exc
        self._read = sessionmaker(self._engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for health checks and tests; prefer the methods)."""
        return self._engine

    def migrate(self) -> None:
        """Bring the schema to the newest revision (``alembic upgrade heads``). Idempotent.

        Concurrent callers are serialised (an advisory lock on PostgreSQL, ``BEGIN IMMEDIATE`` on
        SQLite), so every process may call it at start.
        """
        with self._errors("migrating the database"), self._write_engine.begin() as conn:
            if self.backend == "postgresql":
                key = zlib.crc32(f"oresight.store.migrate:{self.schema or ''}".encode())
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
                if self.schema is not None:
                    conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            command.upgrade(self.alembic_config(conn), "heads")

    def alembic_config(self, connection: Connection) -> Config:
        """An Alembic config that runs this package's migrations on ``connection``.

        For developers writing the next migration, e.g.
        ``command.revision(store.alembic_config(conn), "message", autogenerate=True, rev_id="0002")``.
        """
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
        config.attributes["connection"] = connection
        config.attributes["schema"] = self.schema
        return config

    def close(self) -> None:
        """Release every pooled connection. The store can be used again (it reconnects)."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        schema = f", schema={self.schema!r}" if self.schema else ""
        return f"Store({self.display_url!r}{schema})"

    # -- writing -----------------------------------------------------------------------------

    def add(
        self, analysis: Analysis, *, source: str, published_at: datetime | None = None
    ) -> tuple[int, bool]:
        """Store an analysed document once; returns ``(announcement id, created)``.

        The document's ``sha256`` identifies it: adding the same content again (from any source)
        returns the existing id with ``created=False`` and changes nothing. Naive ``published_at``
        values are taken as UTC.
        """
        sha256 = analysis.document.sha256
        if not sha256:
            raise ValueError("analysis.document.sha256 is empty: cannot identify the document")
        with self._errors("storing an announcement"):
            existing = self._find(sha256)
            if existing is not None:
                return existing, False
            row = _announcement_row(analysis, source=source, published_at=published_at)
            try:
                with self._write.begin() as session:
                    session.add(row)
                    session.flush()
                    new_id = row.id
            except IntegrityError:
                existing = self._find(sha256)  # a concurrent writer stored the same content first
                if existing is None:
                    raise
                return existing, False
            return new_id, True

    def add_assessed(
        self, batch: list[tuple[Analysis, str, datetime | None, dict[str, Any], bytes]]
    ) -> list[tuple[int, bool]]:
        """Store several assessed announcements in one transaction: each ``(analysis, source, published_at,
        assessment json, fingerprint bytes)``. A document already stored keeps its row and assessment
        (``created`` False). Returns ``(id, created)`` per entry, in order."""
        if not batch:
            return []
        with self._errors("storing announcements"), self._write.begin() as session:
            shas = list({analysis.document.sha256 for analysis, *_ in batch})
            stored: dict[str, int] = dict(session.execute(
                select(AnnouncementRow.sha256, AnnouncementRow.id).where(AnnouncementRow.sha256.in_(shas))).all())
            assessed = set(session.scalars(select(AssessmentRow.announcement_id).where(
                AssessmentRow.announcement_id.in_(list(stored.values()))))) if stored else set()
            new: dict[str, tuple[Analysis, str, datetime | None, dict[str, Any], bytes]] = {}
            later: list[dict[str, Any]] = []  # assessments of documents stored before without one
            for analysis, source, published_at, assessment, shingles in batch:
                sha256 = analysis.document.sha256
                if sha256 in stored:
                    if stored[sha256] not in assessed:
                        later.append(_assessment_values(stored[sha256], assessment))
                        assessed.add(stored[sha256])
                elif sha256 not in new:
                    new[sha256] = (analysis, source, published_at, assessment, shingles)
            created: dict[str, int] = {}
            if new:
                # Core statements, one batched INSERT per table (the ORM's unit of work costs more than the
                # rest of storing an announcement; the full-text index follows by its triggers)
                values = {sha: _announcement_values(a, source=src, published_at=when)
                          for sha, (a, src, when, _, _) in new.items()}
                table = _table(AnnouncementRow)
                created = {sha: int(i) for i, sha in session.execute(
                    insert(table).returning(table.c.id, table.c.sha256), [v[0] for v in values.values()])}
                intercepts = [{**i, "announcement_id": created[sha]} for sha, v in values.items() for i in v[1]]
                resources = [{**r, "announcement_id": created[sha]} for sha, v in values.items() for r in v[2]]
                if intercepts:
                    session.execute(insert(_table(InterceptRow)), intercepts)
                if resources:
                    session.execute(insert(_table(ResourceRow)), resources)
                later += [_assessment_values(created[sha], asm) for sha, (_, _, _, asm, _) in new.items()]
                session.execute(insert(_table(FingerprintRow)),
                                [{"announcement_id": created[sha], "shingles": fp} for sha, (*_, fp) in new.items()])
            if later:
                session.execute(insert(_table(AssessmentRow)), later)
        out: list[tuple[int, bool]] = []
        for analysis, *_ in batch:
            sha256 = analysis.document.sha256
            if sha256 in created:
                out.append((created.pop(sha256), True))
                stored[sha256] = out[-1][0]
            else:
                out.append((stored[sha256], False))
        return out

    def record_error(
        self, *, source: str, reason: str, kind: str = "bad_input", sha256: str | None = None
    ) -> int:
        """Keep an input that could not be stored, with its reason; returns the error's id."""
        with self._errors("recording an ingest error"), self._write.begin() as session:
            row = IngestErrorRow(
                source=_clean(source),
                sha256=sha256 or None,
                kind=_clean(kind),
                reason=_clean(reason),
                at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            return row.id

    # -- reading -----------------------------------------------------------------------------

    def get(self, announcement_id: int) -> StoredAnnouncement | None:
        """One announcement with its text, intercepts, resources and companies, or None."""
        with self._errors("reading an announcement"), self._read() as session:
            row = session.get(
                AnnouncementRow,
                announcement_id,
                options=[
                    selectinload(AnnouncementRow.intercepts),
                    selectinload(AnnouncementRow.resources),
                    undefer(AnnouncementRow.text),
                ],
            )
            return None if row is None else _stored(row, with_text=True)

    def find(self, sha256: str) -> int | None:
        """The id of the announcement with this content hash, if stored."""
        with self._errors("looking up an announcement"):
            return self._find(sha256)

    def announcements(self, limit: int = 100, offset: int = 0) -> list[StoredAnnouncement]:
        """Newest first (published time, else ingestion time); ``text`` is None in these values."""
        if limit <= 0:
            return []
        newest = func.coalesce(AnnouncementRow.published_at, AnnouncementRow.ingested_at)
        stmt = (
            select(AnnouncementRow)
            .options(selectinload(AnnouncementRow.intercepts), selectinload(AnnouncementRow.resources))
            .order_by(newest.desc(), AnnouncementRow.id.desc())
            .limit(limit)
            .offset(max(offset, 0))
        )
        with self._errors("listing announcements"), self._read() as session:
            return [_stored(row, with_text=False) for row in session.scalars(stmt)]

    def count(self) -> int:
        """How many announcements are stored."""
        with self._errors("counting announcements"), self._read() as session:
            return session.scalar(select(func.count()).select_from(AnnouncementRow)) or 0

    def errors(self, limit: int = 100) -> list[IngestError]:
        """Recorded ingest errors, newest first."""
        if limit <= 0:
            return []
        stmt = select(IngestErrorRow).order_by(IngestErrorRow.id.desc()).limit(limit)
        with self._errors("listing ingest errors"), self._read() as session:
            return [
                IngestError(id=r.id, source=r.source, sha256=r.sha256, kind=r.kind, reason=r.reason, at=r.at)
                for r in session.scalars(stmt)
            ]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, best first.

        ``query`` is untrusted: it is parsed into words, ``"phrases"`` and ``OR`` (see
        ``oresight.store._query``) and never reaches the database as syntax, so it cannot fail.
        """
        parsed = parse_query(query)
        if not parsed or limit <= 0:
            return []
        limit = min(limit, MAX_SEARCH_RESULTS)
        with self._errors("searching"), self._engine.connect() as conn:
            if self.backend == "sqlite":
                statement = _SQLITE_SEARCH
                params = {"query": parsed.fts5(), "mark_start": MARK_START, "mark_end": MARK_END}
            else:
                statement = _POSTGRES_SEARCH
                params = {"query": parsed.websearch(), "options": _HEADLINE_OPTIONS}
            rows = conn.execute(statement, {**params, "limit": limit}).all()
        return [
            SearchHit(id=r.id, title=r.title, ticker=r.ticker, score=float(r.score), snippet=r.snippet or "")
            for r in rows
        ]

    def best_intercepts(self, limit: int | None = None, *, ticker: str | None = None) -> list[RankedIntercept]:
        """Each announcement's best intercept in its main commodity, ranked across commodities (``ticker``:
        only that company's announcements, still ranked against the whole archive).

        Every stored intercept with a width (sub-intervals reported as "including" left out: they
        repeat metres already counted) gets the percentile of its grade × width among the stored
        intercepts of the same analyte and unit. An announcement's main analyte is the one it reports
        most intercepts in (an element before its metal equivalent, then the larger grade × width):
        a lithium release is ranked on Li2O, not on its tantalum by-product. Each announcement is
        represented by its best intercept in that analyte; the list is ordered by the percentile, then
        by the size of the comparison group, then by grade × width.
        """
        i = InterceptRow
        a = AnnouncementRow
        group = (i.analyte, i.unit)
        counted = (
            select(
                i.announcement_id.label("announcement_id"),
                i.analyte.label("analyte"),
                i.unit.label("unit"),
                func.count().label("cnt"),
                func.sum(i.grade_x_width).label("total"),
            )
            .where(i.grade_x_width.is_not(None), i.including.is_(false()))
            .group_by(i.announcement_id, i.analyte, i.unit)
            .subquery("counted")
        )
        is_equivalent = case((counted.c.analyte.like("%Eq"), 1), else_=0)
        # on a tie, the metal a deposit is usually mined for before its by-products (Li2O before Ta2O5)
        by_product = case((counted.c.analyte.in_(PRIMARY_ANALYTES), 0), else_=1)
        main = (
            select(
                counted.c.announcement_id,
                counted.c.analyte,
                counted.c.unit,
                func.row_number()
                .over(
                    partition_by=counted.c.announcement_id,
                    order_by=(counted.c.cnt.desc(), is_equivalent, by_product, counted.c.total.desc(),
                              counted.c.analyte),
                )
                .label("rank"),
            )
            .subquery("main")
        )
        ranked_all = (
            select(
                i.id.label("id"),
                i.announcement_id.label("announcement_id"),
                i.analyte.label("analyte"),
                i.unit.label("unit"),
                i.grade_x_width.label("gxw"),
                func.cume_dist().over(partition_by=group, order_by=i.grade_x_width).label("pct"),
                func.count().over(partition_by=group).label("n"),
            )
            .where(i.grade_x_width.is_not(None), i.including.is_(false()))
            .subquery("ranked_all")
        )
        ranked = (
            select(ranked_all)
            .join(
                main,
                (main.c.announcement_id == ranked_all.c.announcement_id)
                & (main.c.analyte == ranked_all.c.analyte)
                & (main.c.unit == ranked_all.c.unit)
                & (main.c.rank == 1),
            )
            .subquery("ranked")
        )
        best = select(
            ranked,
            func.row_number()
            .over(
                partition_by=ranked.c.announcement_id,
                order_by=(ranked.c.pct.desc(), ranked.c.gxw.desc(), ranked.c.id),
            )
            .label("rn"),
        ).subquery("best")
        stmt = (
            select(best.c.pct, best.c.n, i, a.title, a.ticker, a.exchange, a.published_at)
            .join(i, i.id == best.c.id)
            .join(a, a.id == i.announcement_id)
            .where(best.c.rn == 1)
            .order_by(best.c.pct.desc(), best.c.n.desc(), best.c.gxw.desc(), a.id)
        )
        if ticker is not None:
            stmt = stmt.where(a.ticker == ticker)
        if limit is not None:
            stmt = stmt.limit(max(limit, 0))
        with self._errors("ranking intercepts"), self._read() as session:
            return [
                RankedIntercept(
                    announcement_id=row.announcement_id,
                    title=title,
                    ticker=ticker,
                    exchange=exchange,
                    published_at=published_at,
                    intercept=_intercept(row),
                    grade_x_width=row.grade_x_width or 0.0,
                    percentile=float(pct) * 100.0,
                    group_size=int(n),
                )
                for pct, n, row, title, ticker, exchange, published_at in session.execute(stmt)
            ]

    # -- assessments, novelty archive, company facts -------------------------------------------

    def set_assessment(self, announcement_id: int, assessment: dict[str, Any]) -> None:
        """Store (or replace) an announcement's assessment (``Assessment.to_json()``)."""
        sig = assessment["significance"]
        kind = assessment["type"]
        with self._errors("storing an assessment"), self._write.begin() as session:
            row = session.get(AssessmentRow, announcement_id)
            if row is None:
                row = AssessmentRow(announcement_id=announcement_id)
                session.add(row)
            row.type = _clean(str(kind["type"]))
            row.noise = bool(kind["noise"])
            row.score = float(sig["score"])
            row.band = _clean(str(sig["band"]))
            row.reason = _clean(str(sig["reason"]))
            row.novelty = _clean(str(assessment["novelty"]["status"]))
            row.data = _clean_json(assessment)
            row.assessed_at = datetime.now(UTC)

    def assessment(self, announcement_id: int) -> dict[str, Any] | None:
        with self._errors("reading an assessment"), self._read() as session:
            row = session.get(AssessmentRow, announcement_id)
            return None if row is None else dict(row.data)

    def ranked(self, limit: int = 50, *, include_noise: bool = False, min_score: float = 0.0) -> list[RankedAnnouncement]:
        """Assessed announcements by discovery score, highest first (routine filings and halts left out
        unless ``include_noise``)."""
        stmt = (
            select(AssessmentRow, AnnouncementRow.title, AnnouncementRow.ticker, AnnouncementRow.source,
                   AnnouncementRow.published_at)
            .join(AnnouncementRow, AnnouncementRow.id == AssessmentRow.announcement_id)
            .where(AssessmentRow.score >= min_score)
            .order_by(AssessmentRow.score.desc(), AssessmentRow.announcement_id)
            .limit(max(limit, 0))
        )
        if not include_noise:
            stmt = stmt.where(AssessmentRow.noise == false())
        with self._errors("ranking announcements"), self._read() as session:
            return [RankedAnnouncement(a.announcement_id, title, ticker, source, published, a.type, a.score, a.band,
                                       a.reason, a.novelty) for a, title, ticker, source, published in session.execute(stmt)]

    def set_fingerprint(self, announcement_id: int, shingles: bytes) -> None:
        with self._errors("storing a fingerprint"), self._write.begin() as session:
            row = session.get(FingerprintRow, announcement_id)
            if row is None:
                session.add(FingerprintRow(announcement_id=announcement_id, shingles=shingles))
            else:
                row.shingles = shingles

    def archive(self) -> Iterator[ArchivedResult]:
        """Every stored announcement with its fingerprint and intercepts, oldest first (for the novelty index)."""
        stmt = (
            select(AnnouncementRow.id, AnnouncementRow.ticker, AnnouncementRow.published_at, FingerprintRow.shingles)
            .outerjoin(FingerprintRow, FingerprintRow.announcement_id == AnnouncementRow.id)
            .order_by(AnnouncementRow.id)
        )
        with self._errors("reading the archive"), self._read() as session:
            rows = list(session.execute(stmt))
            inter: dict[int, list[Intercept]] = {}
            for r in session.scalars(select(InterceptRow).order_by(InterceptRow.id)):
                inter.setdefault(r.announcement_id, []).append(_intercept(r))
        for ann_id, ticker, published, shingles in rows:
            yield ArchivedResult(ann_id, ticker, published, shingles, tuple(inter.get(ann_id, ())))

    def results_before(self, ticker: str, announcement_id: int | None = None) -> int:
        """How many stored announcements of this ticker (before the given one) reported results."""
        has_results = (
            select(InterceptRow.announcement_id).where(InterceptRow.announcement_id == AnnouncementRow.id).exists()
        )
        stmt = select(func.count()).select_from(AnnouncementRow).where(AnnouncementRow.ticker == ticker, has_results)
        if announcement_id is not None:
            stmt = stmt.where(AnnouncementRow.id < announcement_id)
        with self._errors("reading company history"), self._read() as session:
            return session.scalar(stmt) or 0

    def find_by_ticker_date(self, ticker: str, day: str) -> list[int]:
        """Ids of announcements of a ticker published on a day (ISO date, UTC), oldest first."""
        try:
            start = datetime.fromisoformat(day).replace(tzinfo=UTC)
        except ValueError:
            return []
        end = start + timedelta(days=1)
        stmt = (select(AnnouncementRow.id)
                .where(AnnouncementRow.ticker == ticker.upper(), AnnouncementRow.published_at >= start,
                       AnnouncementRow.published_at < end)
                .order_by(AnnouncementRow.id))
        with self._errors("finding announcements"), self._read() as session:
            return list(session.scalars(stmt))

    def put_facts(self, facts: list[StoredFacts]) -> int:
        """Insert or update company facts by ticker; a value given replaces the stored one, an older
        cash figure never replaces a newer one. Returns how many tickers were written."""
        now = datetime.now(UTC)
        with self._errors("storing company facts"), self._write.begin() as session:
            for f in facts:
                row = session.get(CompanyFactsRow, f.ticker)
                if row is None:
                    row = CompanyFactsRow(ticker=f.ticker, source=f.source)
                    session.add(row)
                if f.name:
                    row.name = f.name
                if f.market_cap is not None:
                    row.market_cap = f.market_cap
                    row.as_of = f.as_of
                    row.source = f.source
                if f.shares_on_issue is not None:
                    row.shares_on_issue = f.shares_on_issue
                if f.cash is not None and (row.cash_as_of is None or f.cash_as_of is None or f.cash_as_of >= row.cash_as_of):
                    row.cash = f.cash
                    row.cash_as_of = f.cash_as_of
                row.updated_at = now
        return len({f.ticker for f in facts})

    def facts(self, ticker: str) -> StoredFacts | None:
        with self._errors("reading company facts"), self._read() as session:
            row = session.get(CompanyFactsRow, ticker.upper())
            if row is None:
                return None
            return StoredFacts(row.ticker, row.name, row.market_cap, row.shares_on_issue, row.cash, row.as_of,
                               row.cash_as_of, row.source)

    # -- internals ---------------------------------------------------------------------------

    def _find(self, sha256: str) -> int | None:
        with self._read() as session:
            return session.scalar(select(AnnouncementRow.id).where(AnnouncementRow.sha256 == sha256))

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except (SQLAlchemyError, CommandError) as exc:
            raise StorageError(f"{action} failed ({self.display_url}): {_one_line(exc)}") from exc


# -- engines -------------------------------------------------------------------------------------


def _create_sqlite_parent(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:") or url.query.get("mode"):
        return
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _set_wal(cursor: Any) -> None:
    """Switch to WAL. The first switch of a new file needs an exclusive lock and SQLite does not wait for it
    (the busy timeout does not apply), so connections opening a fresh database together retry briefly."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (below): sqlite3's legacy implicit transactions would leave
        # DDL and reads outside transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _set_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_SQLITE_BEGIN, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")

    return engine


def _postgres_engine(url: URL, schema: str | None) -> Engine:
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT_S
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if schema is not None:

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            autocommit = dbapi_connection.autocommit
            dbapi_connection.autocommit = True
            cursor = dbapi_connection.cursor()
            cursor.execute(f'SET search_path TO "{schema}"')
            cursor.close()
            dbapi_connection.autocommit = autocommit

    return engine


def _one_line(exc: BaseException) -> str:
    detail: BaseException = exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        detail = exc.orig
    message = _BACKGROUND.sub("", str(detail))
    message = " ".join(message.split()) or type(detail).__name__
    return message if len(message) <= 300 else message[:299] + "…"


# -- rows <-> values -------------------------------------------------------------------------------




def _clean_opt(value: str | None) -> str | None:
    return None if value is None else _clean(value)


def _finite(value: float | None) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


# in json.dumps output: a NUL, a surrogate (lone ones are refused; a pair only costs the slow path), NaN, ±Infinity
_UNCLEAN_JSON = re.compile(r"\\u0000|\\ud[89a-f]|NaN|Infinity")


def _clean_json(value: Any) -> Any:
    """JSON every backend accepts: cleaned strings, NaN and infinities as null.

    The common case (nothing to clean) is found by one pass of the C JSON encoder and returns ``value`` as
    it is; only a document with a NUL, a lone surrogate, a non-finite number or a non-JSON value is walked."""
    try:
        encoded = json.dumps(value, allow_nan=True)
    except (TypeError, ValueError):
        return _clean_json_walk(value)
    if _UNCLEAN_JSON.search(encoded):
        return _clean_json_walk(value)
    return value


def _clean_json_walk(value: Any) -> Any:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return _finite(value)
    if isinstance(value, dict):
        return {_clean(str(k)): _clean_json_walk(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_json_walk(v) for v in value]
    return _clean(str(value))


def _table(row: type[Any]) -> Any:
    """The Core table of an ORM row class (typed loosely: SQLAlchemy types ``__table__`` as a FromClause)."""
    return row.__table__


def _assessment_values(announcement_id: int, assessment: dict[str, Any]) -> dict[str, Any]:
    sig, kind = assessment["significance"], assessment["type"]
    return {"announcement_id": announcement_id, "type": _clean(str(kind["type"])), "noise": bool(kind["noise"]),
            "score": float(sig["score"]), "band": _clean(str(sig["band"])), "reason": _clean(str(sig["reason"])),
            "novelty": _clean(str(assessment["novelty"]["status"])), "data": _clean_json(assessment),
            "assessed_at": datetime.now(UTC)}


def _assessment_row(announcement_id: int, assessment: dict[str, Any]) -> AssessmentRow:
    return AssessmentRow(**_assessment_values(announcement_id, assessment))


def _announcement_values(analysis: Analysis, *, source: str, published_at: datetime | None
                         ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The announcement's column values, and its intercepts' and resources' (without the announcement id)."""
    document, extraction = analysis.document, analysis.extraction
    company = extraction.companies[0] if extraction.companies else None
    warnings = [_clean(w) for w in analysis.warnings]

    intercepts: list[dict[str, Any]] = []
    for item in extraction.intercepts:
        grade, width = _finite(item.grade), _finite(item.width_m)
        if grade is None:
            warnings.append(f"intercept not stored (grade {item.grade!r}): {_clean(item.surface)[:120]}")
            continue
        intercepts.append(
            dict(
                hole_id=_clean_opt(item.hole_id),
                from_m=_finite(item.from_m),
                to_m=_finite(item.to_m),
                width_m=width,
                grade=grade,
                unit=_clean(item.unit),
                analyte=_clean(item.analyte),
                including=item.including,
                to_eoh=item.to_eoh,
                true_width_m=_finite(item.true_width_m),
                source=item.source,
                surface=_clean(item.surface),
                page=item.span.page,
                start=item.span.start,
                end=item.span.end,
                grade_x_width=None if width is None else _finite(grade * width),
            )
        )

    resources: list[dict[str, Any]] = []
    for res in extraction.resources:
        tonnes = _finite(res.tonnes)
        if tonnes is None:
            warnings.append(f"resource not stored (tonnes {res.tonnes!r}): {_clean(res.surface)[:120]}")
            continue
        resources.append(
            dict(
                category=_clean_opt(res.category),
                tonnes=tonnes,
                grade=_finite(res.grade),
                unit=_clean_opt(res.unit),
                analyte=_clean_opt(res.analyte),
                contained=_finite(res.contained),
                contained_unit=_clean_opt(res.contained_unit),
                cutoff=_clean_opt(res.cutoff),
                code=_clean_opt(res.code),
                kind=res.kind,
                deposit=_clean_opt(res.deposit),
                surface=_clean(res.surface),
                page=res.span.page,
                start=res.span.start,
                end=res.span.end,
            )
        )

    return dict(
        sha256=document.sha256,
        source=_clean(source),
        kind=document.kind,
        title=_clean(document.title),
        ticker=_clean_opt(company.ticker) if company else None,
        exchange=_clean_opt(company.exchange) if company else None,
        company_name=_clean_opt(company.name) if company else None,
        published_at=published_at,
        ingested_at=datetime.now(UTC),
        page_count=document.page_count,
        ocr_pages=",".join(str(n) for n in document.ocr_pages),
        text=_clean(document.text),
        size_bytes=document.size_bytes,
        analysis_seconds=_finite(analysis.seconds) or 0.0,
        commodities=",".join(_clean(c) for c in extraction.commodities),
        extraction=_clean_json(extraction.to_json()),
        warnings=warnings,
        error=None,
    ), intercepts, resources


def _announcement_row(analysis: Analysis, *, source: str, published_at: datetime | None) -> AnnouncementRow:
    values, intercepts, resources = _announcement_values(analysis, source=source, published_at=published_at)
    return AnnouncementRow(**values, intercepts=[InterceptRow(**i) for i in intercepts],
                           resources=[ResourceRow(**r) for r in resources])


def _intercept(row: InterceptRow) -> Intercept:
    return Intercept(
        grade=row.grade,
        unit=row.unit,
        analyte=row.analyte,
        width_m=row.width_m,
        surface=row.surface,
        span=Span(row.page, row.start, row.end),
        hole_id=row.hole_id,
        from_m=row.from_m,
        to_m=row.to_m,
        including=row.including,
        true_width_m=row.true_width_m,
        source="table" if row.source == "table" else "text",
        to_eoh=row.to_eoh,
    )


def _resource(row: ResourceRow) -> ResourceEstimate:
    return ResourceEstimate(
        tonnes=row.tonnes,
        grade=row.grade,
        unit=row.unit,
        analyte=row.analyte,
        surface=row.surface,
        span=Span(row.page, row.start, row.end),
        category=row.category,
        contained=row.contained,
        contained_unit=row.contained_unit,
        cutoff=row.cutoff,
        code=row.code,
        kind="reserve" if row.kind == "reserve" else "resource",
        deposit=row.deposit,
    )


def _companies(extraction: dict[str, Any]) -> tuple[Company, ...]:
    companies = []
    for item in extraction.get("companies") or ():
        if isinstance(item, dict) and isinstance(item.get("ticker"), str):
            name = item.get("name")
            companies.append(
                Company(
                    name=name if isinstance(name, str) else None,
                    ticker=item["ticker"],
                    exchange=str(item.get("exchange") or ""),
                )
            )
    return tuple(companies)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split(",") if part)


def _stored(row: AnnouncementRow, *, with_text: bool) -> StoredAnnouncement:
    return StoredAnnouncement(
        id=row.id,
        sha256=row.sha256,
        source=row.source,
        kind=row.kind,
        title=row.title,
        ticker=row.ticker,
        exchange=row.exchange,
        company_name=row.company_name,
        published_at=row.published_at,
        ingested_at=row.ingested_at,
        page_count=row.page_count,
        ocr_pages=tuple(int(n) for n in _split(row.ocr_pages)),
        size_bytes=row.size_bytes,
        analysis_seconds=row.analysis_seconds,
        commodities=_split(row.commodities),
        intercepts=tuple(_intercept(i) for i in row.intercepts),
        resources=tuple(_resource(r) for r in row.resources),
        companies=_companies(row.extraction),
        extraction=row.extraction,
        warnings=tuple(row.warnings or ()),
        error=row.error,
        text=row.text if with_text else None,
    )
