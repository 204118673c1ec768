"""Reading the store the way people look at it: announcement cards with filters and pagination, one
announcement with its context, companies, commodities and the week's best intercepts per commodity, the
score distribution; and the API tokens (hashed at rest). A mixin of :class:`~oresight.store.Store`.

::

    page = store.browse(commodity="Li", band="significant", limit=20)   # BrowsePage: cards + total
    store.announcement_view(12)       # AnnouncementView: card, stored text and facts, assessment, related
    store.companies(); store.company_view("KGL")
    store.commodities(); store.commodity_view("Au")                     # this week's best, normalised
    store.score_distribution(since=day); store.band_counts(since=day)
    secret = store.create_token("ci"); store.check_token(secret)        # only the SHA-256 is stored

Every listing is one query for its rows (plus one for the rows' source items), never one per row. Cards
read only the score's factors from the stored assessment JSON (for the best intercept in one line).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, TextClause, and_, false, func, literal, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from oresight.assess.significance import best_line
from oresight.exceptions import BadInput
from oresight.model import ResourceEstimate, Span

from ._query import parse_query
from ._schema import (
    AnnouncementRow,
    ApiTokenRow,
    AssessmentRow,
    CompanyFactsRow,
    InterceptRow,
    ResourceRow,
    SourceItemRow,
)

if TYPE_CHECKING:
    from ._records import RankedIntercept, StoredAnnouncement

BANDS = ("watch", "notable", "significant", "exceptional")  # lowest to highest
MAX_PAGE = 200  # cards per page at most
TIMELINE = 200  # a company's timeline: its latest announcements
RELATED_EARLIER = 10  # an announcement's related: the latest earlier ones of its ticker
COMMODITY_WINDOW = timedelta(days=7)
COMMODITY_ROWS = 10_000  # intercepts read for a commodity page at most (largest grade x width first)
TOKEN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
TOKEN_TOUCH = timedelta(minutes=1)  # last_used_at is written at most this often per token


# -- values ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnnouncementCard:
    """An announcement as a list shows it. ``title`` is the headline its source listed (as the live feed
    shows it), else the document's title. Assessment fields are None when it was not assessed; ``best`` is
    the best intercept in one line; ``price_sensitive`` is None when the source did not say."""

    id: int
    title: str
    ticker: str | None
    published_at: datetime | None
    ingested_at: datetime
    commodities: tuple[str, ...]
    type: str | None
    score: float | None
    band: str | None
    reason: str | None
    best: str | None
    novelty: str | None
    price_sensitive: bool | None

    @property
    def when(self) -> datetime:
        """The time lists are ordered by: published, else ingested."""
        return self.published_at or self.ingested_at


@dataclass(frozen=True, slots=True)
class BrowsePage:
    """One page of cards, newest first; ``total`` counts every card matching the filters."""

    items: list[AnnouncementCard]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, or None on the last one."""
        after = self.offset + len(self.items)
        return after if self.items and after < self.total else None


@dataclass(frozen=True, slots=True)
class AnnouncementView:
    """One announcement: its card, the stored announcement with its text and facts, its assessment
    (``Assessment.to_json()``) and related cards: the latest earlier announcements of the same ticker, then
    any announcement its novelty verdict points to (the one it repeats)."""

    card: AnnouncementCard
    stored: StoredAnnouncement
    assessment: dict[str, Any] | None
    related: list[AnnouncementCard]


@dataclass(frozen=True, slots=True)
class CompanyCard:
    ticker: str
    name: str | None
    announcements: int
    last_at: datetime
    best_score: float | None


@dataclass(frozen=True, slots=True)
class CompanyResource:
    """A resource estimate with the announcement that reported it."""

    announcement_id: int
    published_at: datetime | None
    title: str
    resource: ResourceEstimate


@dataclass(frozen=True, slots=True)
class CompanyView:
    """A company: its timeline (newest first, up to 200 cards), each announcement's best intercept ranked
    across the archive (:meth:`Store.best_intercepts`) and its resource estimates (newest first)."""

    ticker: str
    name: str | None
    announcements: list[AnnouncementCard]
    best_intercepts: list[RankedIntercept]
    resources: list[CompanyResource]


@dataclass(frozen=True, slots=True)
class CommodityIntercept:
    """An intercept on a commodity page. ``value`` is its grade-thickness in the page's ``metric`` (None
    when it cannot be expressed in it); ``grade_x_width`` is grade × width in its own unit."""

    announcement_id: int
    ticker: str | None
    title: str
    published_at: datetime | None
    hole_id: str | None
    from_m: float | None
    to_m: float | None
    width_m: float
    grade: float
    unit: str
    analyte: str
    grade_x_width: float
    value: float | None
    surface: str
    span: Span | None


@dataclass(frozen=True, slots=True)
class CommodityView:
    """The best intercepts of one commodity published since ``since``, across companies, best first (one row
    per interval). ``metric`` says how they are normalised: the commodity's own benchmark grade-thickness
    (``"g/t*m Au"``, ``"%*m Li2O"``, ``"ppm*m TREO"``: the units of the discovery score's benchmarks) where
    it has one, else gold-equivalent gram-metres at the reference price deck (``"g*m AuEq"``)."""

    commodity: str
    since: datetime
    metric: str
    intercepts: list[CommodityIntercept]


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A stored API token (its secret is never stored, only its SHA-256)."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


# -- helpers --------------------------------------------------------------------------------------------


def commodity_symbol(symbol: str) -> str | None:
    """The canonical commodity symbol for ``symbol`` in any case (``"li"`` → ``"Li"``), or None if unknown."""
    from oresight.extract.lexicon import lexicon

    wanted = symbol.strip().lower()
    for known in sorted(set(lexicon().analyte_commodity.values())):
        if known.lower() == wanted:
            return known
    return None


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _newest() -> ColumnElement[datetime]:
    return func.coalesce(AnnouncementRow.published_at, AnnouncementRow.ingested_at)


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


class ApiTokenStore:
    """Mixin: API tokens. The secret is shown once by :meth:`create_token`; only its SHA-256 is stored."""

    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    def _errors(self, action: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # provided by Store

    def create_token(self, name: str) -> str:
        """A new token named ``name``; returns its secret (shown once: only its hash is kept)."""
        if not TOKEN_NAME.fullmatch(name):
            raise BadInput(f"token name {name!r}: use letters, digits, '-', '_' or '.' (at most 64)")
        secret = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        with self._errors("creating a token"):
            try:
                with self._write.begin() as session:
                    session.add(ApiTokenRow(name=name, sha256=_token_hash(secret), created_at=now,
                                            last_used_at=None, revoked_at=None))
            except IntegrityError:
                raise BadInput(f"a token named {name!r} exists already (revoked tokens keep their name)") from None
        return secret

    def tokens(self) -> list[ApiToken]:
        """Every token, active and revoked, oldest first."""
        with self._errors("listing tokens"), self._read() as session:
            return [ApiToken(r.id, r.name, r.created_at, r.last_used_at, r.revoked_at)
                    for r in session.scalars(select(ApiTokenRow).order_by(ApiTokenRow.id))]

    def revoke_token(self, name: str) -> bool:
        """Revoke the active token ``name``; False when there is none."""
        with self._errors("revoking a token"), self._write.begin() as session:
            result = session.execute(update(ApiTokenRow)
                                     .where(ApiTokenRow.name == name, ApiTokenRow.revoked_at.is_(None))
                                     .values(revoked_at=datetime.now(UTC)))
            return bool(getattr(result, "rowcount", 0))

    def has_tokens(self) -> bool:
        """Whether any active token exists."""
        with self._errors("reading tokens"), self._read() as session:
            return session.scalar(select(ApiTokenRow.id).where(ApiTokenRow.revoked_at.is_(None)).limit(1)) is not None

    def check_token(self, secret: str) -> bool:
        """Whether ``secret`` is an active token. Its hash is compared with every active token's hash in
        constant time (no early exit); a match records when the token was last used."""
        digest = _token_hash(secret).encode()
        with self._errors("checking a token"), self._read() as session:
            rows = list(session.execute(select(ApiTokenRow.id, ApiTokenRow.sha256, ApiTokenRow.last_used_at)
                                        .where(ApiTokenRow.revoked_at.is_(None))))
        match: tuple[int, datetime | None] | None = None
        for token_id, stored, last_used in rows:
            if hmac.compare_digest(digest, stored.encode()):
                match = (token_id, last_used)
        if match is None:
            return False
        now = datetime.now(UTC)
        if match[1] is None or now - match[1] >= TOKEN_TOUCH:
            with self._errors("recording a token's use"), self._write.begin() as session:
                session.execute(update(ApiTokenRow).where(ApiTokenRow.id == match[0]).values(last_used_at=now))
        return True


# -- the mixin ------------------------------------------------------------------------------------------


class BrowseStore(ApiTokenStore):
    """Mixin: needs ``backend``, ``_read``, ``_errors``, :meth:`get`, :meth:`assessment` and
    :meth:`best_intercepts` from Store."""

    backend: str

    def get(self, announcement_id: int) -> StoredAnnouncement | None:
        raise NotImplementedError  # provided by Store

    def assessment(self, announcement_id: int) -> dict[str, Any] | None:
        raise NotImplementedError  # provided by Store

    def best_intercepts(self, limit: int | None = None, *, ticker: str | None = None) -> list[RankedIntercept]:
        raise NotImplementedError  # provided by Store

    # -- announcements ---------------------------------------------------------------------------------

    def browse(self, *, ticker: str | None = None, commodity: str | None = None, band: str | None = None,
               type: str | None = None, min_score: float | None = None, since: datetime | None = None,
               until: datetime | None = None, query: str | None = None, limit: int = 50,
               offset: int = 0) -> BrowsePage:
        """Announcement cards matching every filter given, newest first (published, else ingested).

        ``ticker`` exact (any case); ``commodity`` a commodity symbol among the extracted ones (any case:
        ``"li"``); ``band``/``type`` the assessment's; ``min_score`` at least; ``since`` inclusive and
        ``until`` exclusive on the published (else ingested) time, naive values taken as UTC; ``query`` the
        full-text search language of :meth:`Store.search` (words, ``"phrases"``, ``OR``; never raw syntax:
        a query with nothing to search for matches nothing). ``limit`` is capped at 200.
        """
        limit = max(0, min(limit, MAX_PAGE))
        offset = max(0, offset)
        conds = self._filters(ticker=ticker, commodity=commodity, band=band, type=type, min_score=min_score,
                              since=since, until=until, query=query)
        if conds is None:
            return BrowsePage([], 0, limit, offset)
        with self._errors("browsing announcements"), self._read() as session:
            stmt = self._card_select(func.count().over().label("total")).where(*conds)
            rows = list(session.execute(stmt.order_by(_newest().desc(), AnnouncementRow.id.desc())
                                        .limit(limit).offset(offset))) if limit else []
            if rows:
                total = int(rows[0].total)
            else:  # past the end (or limit 0): count apart
                counted = (select(func.count()).select_from(AnnouncementRow)
                           .outerjoin(AssessmentRow, AssessmentRow.announcement_id == AnnouncementRow.id)
                           .where(*conds))
                total = int(session.scalar(counted) or 0)
            return BrowsePage(self._cards(session, rows), total, limit, offset)

    def announcement_view(self, announcement_id: int) -> AnnouncementView | None:
        """One announcement with its text, facts, assessment and related announcements, or None."""
        stored = self.get(announcement_id)
        if stored is None:
            return None
        assessment = self.assessment(announcement_id)
        pointers = _novelty_pointers(assessment) - {announcement_id}
        with self._errors("reading an announcement"), self._read() as session:
            rows = list(session.execute(self._card_select().where(AnnouncementRow.id == announcement_id)))
            if not rows:
                return None  # deleted in between
            card = self._cards(session, rows)[0]
            related: list[AnnouncementCard] = []
            if card.ticker:
                when = card.when
                earlier = (self._card_select()
                           .where(AnnouncementRow.ticker == card.ticker,
                                  or_(_newest() < when, and_(_newest() == when, AnnouncementRow.id < card.id)))
                           .order_by(_newest().desc(), AnnouncementRow.id.desc()).limit(RELATED_EARLIER))
                related = self._cards(session, list(session.execute(earlier)))
            pointers -= {c.id for c in related}
            if pointers:
                pointed = self._card_select().where(AnnouncementRow.id.in_(sorted(pointers)))
                related += self._cards(session, list(session.execute(
                    pointed.order_by(_newest().desc(), AnnouncementRow.id.desc()))))
        return AnnouncementView(card, stored, assessment, related)

    # -- companies -------------------------------------------------------------------------------------

    def companies(self, limit: int = 100, offset: int = 0) -> list[CompanyCard]:
        """Every ticker with announcements: the last one first (then by ticker)."""
        if limit <= 0:
            return []
        a = AnnouncementRow
        last = func.max(_newest()).label("last_at")
        stmt = (select(a.ticker, func.coalesce(func.max(CompanyFactsRow.name), func.max(a.company_name)),
                       func.count(a.id), last, func.max(AssessmentRow.score))
                .outerjoin(AssessmentRow, AssessmentRow.announcement_id == a.id)
                .outerjoin(CompanyFactsRow, CompanyFactsRow.ticker == a.ticker)
                .where(a.ticker.is_not(None))
                .group_by(a.ticker)
                .order_by(last.desc(), a.ticker)
                .limit(limit).offset(max(0, offset)))
        with self._errors("listing companies"), self._read() as session:
            return [CompanyCard(str(ticker), name, int(n), _as_utc(last_at), _finite(best))
                    for ticker, name, n, last_at, best in session.execute(stmt)]

    def company_view(self, ticker: str) -> CompanyView | None:
        """A company's timeline, best intercepts and resource estimates; None when it has no announcement.

        The best intercepts are ranked across the whole archive (percentiles need every intercept of the
        analyte), then filtered to this ticker."""
        from ._store import _resource  # the one row-to-value conversion (imported late: _store imports us)

        t = ticker.strip().upper()
        if not t:
            return None
        a = AnnouncementRow
        with self._errors("reading a company"), self._read() as session:
            rows = list(session.execute(self._card_select().where(a.ticker == t)
                                        .order_by(_newest().desc(), a.id.desc()).limit(TIMELINE)))
            if not rows:
                return None
            cards = self._cards(session, rows)
            name = session.scalar(select(CompanyFactsRow.name).where(CompanyFactsRow.ticker == t))
            if not name:
                name = session.scalar(select(a.company_name).where(a.ticker == t, a.company_name.is_not(None))
                                      .order_by(_newest().desc(), a.id.desc()).limit(1))
            res = session.execute(select(ResourceRow, a.id, a.published_at, a.title)
                                  .join(a, a.id == ResourceRow.announcement_id).where(a.ticker == t)
                                  .order_by(_newest().desc(), a.id.desc(), ResourceRow.id))
            resources = [CompanyResource(ann_id, published, title, _resource(row))
                         for row, ann_id, published, title in res]
        best = self.best_intercepts(ticker=t)
        return CompanyView(t, name, cards, best, resources)

    # -- commodities -----------------------------------------------------------------------------------

    def commodities(self) -> list[tuple[str, int]]:
        """Each extracted commodity with how many announcements name it, most first."""
        stmt = select(AnnouncementRow.commodities, func.count()).group_by(AnnouncementRow.commodities)
        counts: dict[str, int] = {}
        with self._errors("counting commodities"), self._read() as session:
            for joined, n in session.execute(stmt):
                for symbol in {s for s in str(joined or "").split(",") if s}:
                    counts[symbol] = counts.get(symbol, 0) + int(n)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def commodity_view(self, commodity: str, *, since: datetime | None = None, limit: int = 50) -> CommodityView:
        """The best intercepts of a commodity (any case: ``"au"``) published since ``since`` (default: the
        last 7 days), across companies, normalised (see :class:`CommodityView`); one row per interval, those
        that cannot be normalised last. Sub-intervals reported as "including" are left out."""
        from oresight.extract.lexicon import lexicon

        since = _aware(since) if since is not None else datetime.now(UTC) - COMMODITY_WINDOW
        canonical = commodity_symbol(commodity)
        limit = max(0, min(limit, MAX_PAGE))
        if canonical is None:
            return CommodityView(commodity, since, _GOLD_METRIC, [])
        analytes = sorted(an for an, c in lexicon().analyte_commodity.items() if c == canonical)
        metric, value_of = _normaliser(canonical)
        i, a = InterceptRow, AnnouncementRow
        stmt = (select(i, a.ticker, a.title, a.published_at)
                .join(a, a.id == i.announcement_id)
                .where(i.analyte.in_(analytes), i.including.is_(false()), i.width_m > 0,
                       i.grade_x_width.is_not(None), _newest() >= since)
                .order_by(i.grade_x_width.desc(), i.id).limit(COMMODITY_ROWS))
        with self._errors("reading a commodity"), self._read() as session:
            found = list(session.execute(stmt))
            headlines = self._source_items(session, {row.announcement_id for row, *_ in found})
        best: dict[tuple[Any, ...], CommodityIntercept] = {}
        for row, ticker, title, published in found:
            value = value_of(row.grade, row.unit, row.analyte, row.width_m or 0.0)
            span = Span(row.page, row.start, row.end) if 0 <= row.start < row.end else None
            card = CommodityIntercept(row.announcement_id, ticker, headlines.get(row.announcement_id, (None,))[0]
                                      or title, published, row.hole_id, row.from_m, row.to_m, row.width_m or 0.0,
                                      row.grade, row.unit, row.analyte, row.grade_x_width or 0.0, value,
                                      row.surface, span)
            key = (row.announcement_id, row.hole_id, row.from_m, row.to_m, round(row.width_m or 0.0, 2))
            kept = best.get(key)
            if kept is None or _rank(card) < _rank(kept):
                best[key] = card
        ranked = sorted(best.values(), key=_rank)
        return CommodityView(canonical, since, metric, ranked[:limit])

    # -- scores ----------------------------------------------------------------------------------------

    def score_distribution(self, *, since: datetime | None = None, until: datetime | None = None) -> list[float]:
        """The discovery scores of the assessed announcements published (else ingested) in the window,
        lowest first."""
        stmt = (select(AssessmentRow.score).join(AnnouncementRow, AnnouncementRow.id == AssessmentRow.announcement_id)
                .where(*_window(since, until)).order_by(AssessmentRow.score))
        with self._errors("reading scores"), self._read() as session:
            return [float(s) for s in session.scalars(stmt)]

    def band_counts(self, *, since: datetime | None = None, until: datetime | None = None) -> dict[str, int]:
        """How many assessed announcements in the window fall in each band (every band, lowest first)."""
        stmt = (select(AssessmentRow.band, func.count())
                .join(AnnouncementRow, AnnouncementRow.id == AssessmentRow.announcement_id)
                .where(*_window(since, until)).group_by(AssessmentRow.band))
        counts = dict.fromkeys(BANDS, 0)
        with self._errors("counting bands"), self._read() as session:
            for band, n in session.execute(stmt):
                counts[str(band)] = counts.get(str(band), 0) + int(n)
        return counts

    # -- internals -------------------------------------------------------------------------------------

    def _filters(self, *, ticker: str | None, commodity: str | None, band: str | None, type: str | None,
                 min_score: float | None, since: datetime | None, until: datetime | None,
                 query: str | None) -> list[ColumnElement[bool] | TextClause] | None:
        """The WHERE conditions, or None when nothing can match."""
        a, s = AnnouncementRow, AssessmentRow
        conds: list[ColumnElement[bool] | TextClause] = list(_window(since, until))
        if ticker is not None:
            conds.append(a.ticker == ticker.strip().upper())
        if commodity is not None:
            wrapped = literal(",") + func.lower(a.commodities) + literal(",")
            conds.append(wrapped.contains(f",{commodity.strip().lower()},", autoescape=True))
        if band is not None:
            conds.append(s.band == band)
        if type is not None:
            conds.append(s.type == type)
        if min_score is not None:
            conds.append(s.score >= min_score)
        if query is not None and query.strip():
            parsed = parse_query(query)
            if not parsed:
                return None
            if self.backend == "sqlite":
                conds.append(text("announcements.id IN (SELECT rowid FROM announcements_fts "
                                  "WHERE announcements_fts MATCH :browse_query)").bindparams(browse_query=parsed.fts5()))
            else:
                conds.append(text("announcements.search_vector @@ websearch_to_tsquery('english', :browse_query)")
                             .bindparams(browse_query=parsed.websearch()))
        return conds

    @staticmethod
    def _card_select(*extra: Any) -> Select[*tuple[Any, ...]]:
        a, s = AnnouncementRow, AssessmentRow
        return (select(a.id, a.title, a.ticker, a.published_at, a.ingested_at, a.commodities, s.type, s.score,
                       s.band, s.reason, s.novelty, s.data[("significance", "factors")].label("factors"), *extra)
                .select_from(a).outerjoin(s, s.announcement_id == a.id))

    @staticmethod
    def _source_items(session: Session, ids: Iterable[int]) -> dict[int, tuple[str | None, bool | None]]:
        """Each announcement's first source item: (headline, price-sensitive)."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        out: dict[int, tuple[str | None, bool | None]] = {}
        stmt = (select(SourceItemRow.announcement_id, SourceItemRow.headline, SourceItemRow.price_sensitive)
                .where(SourceItemRow.announcement_id.in_(wanted)).order_by(SourceItemRow.id))
        for ann_id, headline, sensitive in session.execute(stmt):
            if ann_id is not None and ann_id not in out:
                out[ann_id] = (headline or None, sensitive)
        return out

    def _cards(self, session: Session, rows: Sequence[Any]) -> list[AnnouncementCard]:
        items = self._source_items(session, (r.id for r in rows))
        cards = []
        for r in rows:
            headline, sensitive = items.get(r.id, (None, None))
            factors = r.factors if isinstance(r.factors, list) else []
            best = best_line({"significance": {"factors": factors}}) if factors else None
            cards.append(AnnouncementCard(
                id=r.id, title=headline or r.title, ticker=r.ticker, published_at=r.published_at,
                ingested_at=r.ingested_at, commodities=tuple(c for c in (r.commodities or "").split(",") if c),
                type=r.type, score=_finite(r.score), band=r.band, reason=r.reason, best=best, novelty=r.novelty,
                price_sensitive=sensitive))
        return cards


# -- module helpers -------------------------------------------------------------------------------------


_GOLD_METRIC = "g*m AuEq"


def _as_utc(value: Any) -> datetime:
    """A datetime from an aggregate (SQLite returns max() of a timestamp as text)."""
    if isinstance(value, datetime):
        return _aware(value)
    return _aware(datetime.fromisoformat(str(value)))


def _window(since: datetime | None, until: datetime | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if since is not None:
        conds.append(_newest() >= _aware(since))
    if until is not None:
        conds.append(_newest() < _aware(until))
    return conds


def _novelty_pointers(assessment: dict[str, Any] | None) -> set[int]:
    """The stored announcements a flagged novelty verdict names: the similar one and those it repeats."""
    novelty = (assessment or {}).get("novelty") or {}
    if not novelty.get("flagged"):
        return set()
    keys = [novelty.get("similar_announcement")]
    keys += [(r.get("previously") or {}).get("announcement") for r in novelty.get("repeated") or ()
             if isinstance(r, dict)]
    return {int(k) for k in keys if isinstance(k, str | int) and str(k).isdigit() and 0 < int(k) < 2**31}


def _rank(row: CommodityIntercept) -> tuple[int, float, float, int]:
    """Best first: normalised rows by value, then the rest by grade × width."""
    if row.value is not None:
        return (0, -row.value, -row.grade_x_width, row.announcement_id)
    return (1, 0.0, -row.grade_x_width, row.announcement_id)


def _normaliser(commodity: str) -> tuple[str, Any]:
    """The metric of a commodity page and the function giving an intercept's value in it.

    The discovery score's benchmarks (``assess/data/weights.yaml``) name the analyte and grade unit in which
    the industry judges each commodity's grade-thickness; an intercept of that analyte (or its equivalent,
    as the score reads it) is converted to that unit. Commodities without a benchmark use gold-equivalent
    gram-metres through the reference price deck, as the score's second route does."""
    from oresight.assess import values
    from oresight.assess.significance import weights
    from oresight.extract.lexicon import lexicon

    lex = lexicon()
    benchmarks: dict[str, Any] = weights().data["benchmarks"]
    for key, bench in benchmarks.items():
        analyte = key.split("_")[0]  # TREO_clay, TREO_hard_rock: TREO
        if lex.commodity(analyte) != commodity:
            continue
        unit = str(bench["unit"])

        def benchmark_value(grade: float, g_unit: str, row_analyte: str, width: float,
                            analyte: str = analyte, unit: str = unit) -> float | None:
            base = values.base_analyte(row_analyte)
            if base in ("eU3O8", "U"):  # as the score reads uranium (significance._benchmark)
                base = "U3O8"
            factor = 1.179 if row_analyte == "U" else 1.0  # U to U3O8
            if base != analyte:
                return None
            converted = values.convert(grade, g_unit, unit)
            return None if converted is None else _finite(converted * factor * width)

        return f"{unit}*m {analyte}", benchmark_value

    def gold_equivalent(grade: float, g_unit: str, row_analyte: str, width: float) -> float | None:
        usd = values.usd_per_t(grade, g_unit, row_analyte)
        return None if usd is None else _finite(usd / values.gold_usd_per_g() * width)

    return _GOLD_METRIC, gold_equivalent
