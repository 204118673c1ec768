"""The JSON API over the store (FastAPI router, included by :func:`oresight.web.app.create_app`).

==============================================  ====================================================
``GET  /api/announcements``                     cards, newest first: filters, ``limit`` ≤ 200, ``offset``
``GET  /api/announcements/{id}``                one announcement: extraction, facts, assessment, related
``GET  /api/announcements/{id}/facts``          intercepts, resources and commodities, with their spans
``GET  /api/announcements/{id}/assessment``     type, score and factors, reporting checklist, novelty
``GET  /api/search?q=``                         full-text search (words, "phrases", OR)
``GET  /api/companies``                         tickers with their announcement count and best score
``GET  /api/companies/{ticker}``                timeline, best intercepts, resources
``GET  /api/commodities``                       commodities with their announcement count
``GET  /api/commodities/{symbol}``              the week's best intercepts of a commodity, normalised
``GET  /api/rules``                             the alert rules and their channels (no secrets)
``GET  /api/deliveries``                        the delivery log (``rule``, ``status``, ``channel``)
``POST /api/deliveries/{id}/retry``             put a dead letter back in the queue (token)
``GET  /api/sources``                           each source and its health
==============================================  ====================================================

Writes (every POST, PUT, PATCH or DELETE under ``/api``) need ``Authorization: Bearer <token>``: a token
from ``oresight tokens create NAME`` (stored as its SHA-256) or the configuration's ``watch.push_token``.
Errors are one line of JSON, ``{"detail": "..."}``: 4xx for bad input, 503 when the database fails.
See docs/api.md.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from oresight.model import Intercept, ResourceEstimate, Span
from oresight.sanctions.api import SanctionsFlagOut, flag_out
from oresight.store import ALERT_DEAD, StoredAnnouncement
from oresight.store._browse import (
    AnnouncementCard,
    BrowsePage,
    CommodityView,
    CompanyView,
    commodity_symbol,
)

if TYPE_CHECKING:
    from oresight.store import RankedIntercept, SourceHealth, StoredAlert
    from oresight.watch import Watcher

MAX_ID = 2_147_483_647  # ids are 32-bit integers in PostgreSQL
MAX_OFFSET = 2_147_483_647
TICKER = r"^[A-Za-z0-9][A-Za-z0-9.]{0,11}$"
SYMBOL = r"^[A-Za-z0-9]{1,12}$"
NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"  # rule and channel names (config.py)
TYPE = r"^[a-z_]{1,40}$"
Band = Literal["watch", "notable", "significant", "exceptional"]
DeliveryStatus = Literal["pending", "sending", "delivered", "dead", "queued", "digested"]

WRITES_DISABLED = "writes are disabled: create a token (oresight tokens create NAME) or set watch.push_token"
WRONG_TOKEN = "missing or wrong token (Authorization: Bearer <token>)"


# -- response models ------------------------------------------------------------------------------------


class ErrorOut(BaseModel):
    detail: str = Field(description="What was wrong, in one line.")


class SpanOut(BaseModel):
    page: int = Field(description="1-based page number")
    start: int = Field(description="start offset into the page's text")
    end: int = Field(description="end offset (exclusive)")


class EvidenceOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    surface: str
    span: SpanOut | None = None


class CardOut(BaseModel):
    id: int
    title: str
    ticker: str | None
    published_at: datetime | None
    ingested_at: datetime
    commodities: list[str]
    type: str | None
    score: float | None
    band: str | None
    reason: str | None
    best: str | None = Field(description="the best intercept in one line")
    novelty: str | None
    price_sensitive: bool | None


class AnnouncementPageOut(BaseModel):
    items: list[CardOut]
    total: int = Field(description="cards matching the filters")
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page; null on the last")


class InterceptOut(BaseModel):
    hole_id: str | None
    from_m: float | None
    to_m: float | None
    width_m: float | None
    grade: float
    unit: str
    analyte: str
    including: bool
    true_width_m: float | None
    to_eoh: bool
    source: str
    surface: str
    span: SpanOut


class ResourceOut(BaseModel):
    category: str | None
    tonnes: float
    grade: float | None
    unit: str | None
    analyte: str | None
    contained: float | None
    contained_unit: str | None
    cutoff: str | None
    code: str | None
    kind: str
    deposit: str | None
    surface: str
    span: SpanOut


class CompanyRefOut(BaseModel):
    name: str | None
    ticker: str
    exchange: str


class CommodityFactOut(BaseModel):
    symbol: str
    intercepts: int = Field(description="extracted intercepts in this commodity")
    resources: int = Field(description="extracted resource rows in this commodity")
    spans: list[SpanOut] = Field(description="where those intercepts and resources were read")


class FactsOut(BaseModel):
    id: int
    commodities: list[CommodityFactOut]
    intercepts: list[InterceptOut]
    resources: list[ResourceOut]
    companies: list[CompanyRefOut]
    reporting_code: str | None


class TypeOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    label: str | None = None
    noise: bool = False
    reason: str | None = None
    evidence: list[EvidenceOut] = []
    points: dict[str, float | None] = {}


class FactorOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    value: float | None = None
    weight: float | None = None
    contribution: float | None = None
    reason: str | None = None
    evidence: list[EvidenceOut] = []


class SignificanceOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    score: float | None
    band: str
    reason: str | None = None
    factors: list[FactorOut] = []
    weights: str | None = None


class CheckItemOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    name: str | None = None
    status: str
    reason: str | None = None
    refs: list[str] = []
    evidence: list[EvidenceOut] = []


class RedFlagOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    reason: str | None = None
    refs: list[str] = []
    evidence: list[EvidenceOut] = []


class ReportingOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    quality: float | None = None
    items: list[CheckItemOut] = []
    red_flags: list[RedFlagOut] = []


class NoveltyOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    status: str
    flagged: bool = False
    reason: str | None = None
    similar_announcement: str | None = None
    similarity: float | None = None
    share_repeated: float | None = None
    repeated: list[dict[str, Any]] = []


class AssessmentOut(BaseModel):
    """``Assessment.to_json()`` as stored (see docs/scoring.md)."""

    model_config = ConfigDict(extra="allow")
    type: TypeOut
    significance: SignificanceOut
    reporting: ReportingOut | None = None
    novelty: NoveltyOut | None = None


class AssessmentResponse(BaseModel):
    id: int
    assessment: AssessmentOut


class AnnouncementOut(BaseModel):
    id: int
    title: str
    ticker: str | None
    source: str
    published_at: datetime | None
    extraction: dict[str, Any] = Field(description="Extraction.to_json() as stored (the extraction contract)")
    assessment: AssessmentOut | None
    card: CardOut
    facts: FactsOut
    related: list[CardOut] = Field(description="earlier announcements of the ticker, then those it repeats")
    sanctions: list[SanctionsFlagOut] = Field(default_factory=list,
                                              description="sanctions screening flags (screening, not legal advice)")


class SearchHitOut(BaseModel):
    id: int
    title: str
    ticker: str | None
    score: float = Field(description="higher is better; comparable within one answer only")
    snippet: str = Field(description="plain text, each matched term between « and »")
    snippet_html: str = Field(description="the snippet HTML-escaped, matched terms in <mark>")


class SearchOut(BaseModel):
    query: str
    items: list[SearchHitOut]


class CompanyCardOut(BaseModel):
    ticker: str
    name: str | None
    announcements: int
    last_at: datetime
    best_score: float | None


class CompanyListOut(BaseModel):
    items: list[CompanyCardOut]
    limit: int
    offset: int
    next_offset: int | None


class RankedInterceptOut(BaseModel):
    announcement_id: int
    title: str
    ticker: str | None
    published_at: datetime | None
    commodity: str = Field(description='the comparison group, e.g. "Au g/t"')
    intercept: InterceptOut
    grade_x_width: float
    percentile: float = Field(description="share of stored intercepts of the group at or below this one")
    group_size: int


class CompanyResourceOut(BaseModel):
    announcement_id: int
    published_at: datetime | None
    title: str
    resource: ResourceOut


class CompanyOut(BaseModel):
    ticker: str
    name: str | None
    announcements: list[CardOut]
    best_intercepts: list[RankedInterceptOut]
    resources: list[CompanyResourceOut]


class CommodityCountOut(BaseModel):
    symbol: str
    announcements: int


class CommodityListOut(BaseModel):
    items: list[CommodityCountOut]


class CommodityInterceptOut(BaseModel):
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
    grade_x_width: float = Field(description="grade × width in the intercept's own unit")
    value: float | None = Field(description="grade-thickness in the page's metric (null: not expressible)")
    surface: str
    span: SpanOut | None


class CommodityOut(BaseModel):
    commodity: str
    since: datetime
    metric: str = Field(description='e.g. "g/t*m Au", "%*m Li2O", or "g*m AuEq" (gold equivalent)')
    items: list[CommodityInterceptOut]


class ChannelRefOut(BaseModel):
    name: str
    kind: str


class RuleOut(BaseModel):
    name: str
    mode: str
    early: bool
    channels: list[ChannelRefOut]
    tickers: list[str]
    commodities: list[str]
    min_score: float | None
    min_band: str | None
    types: list[str]
    price_sensitive_only: bool
    keywords: list[str]


class RuleListOut(BaseModel):
    items: list[RuleOut]


class DeliveryOut(BaseModel):
    id: int
    key: str
    rule: str
    channel: str
    phase: str
    source_item_id: int | None
    announcement_id: int | None
    payload: dict[str, Any]
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


class DeliveryListOut(BaseModel):
    items: list[DeliveryOut]
    limit: int
    offset: int
    next_offset: int | None
    counts: dict[str, int] = Field(description="alerts per status, all of them")


class AlertLogOut(BaseModel):
    """``/api/alerts``: the delivery log as it was before ``/api/deliveries`` (kept for its clients)."""

    items: list[DeliveryOut]
    limit: int
    offset: int
    counts: dict[str, int]


class RetryOut(BaseModel):
    id: int
    status: str


class SourceOut(BaseModel):
    name: str
    kind: str
    configured: bool = Field(description="named in the running configuration")
    healthy: bool
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    consecutive_errors: int
    items_seen: int
    updated_at: datetime | None


class SourceListOut(BaseModel):
    items: list[SourceOut]


class HealthOut(BaseModel):
    status: str
    sources: list[SourceOut]
    items: dict[str, int] = Field(description="source items per status")
    alerts: dict[str, int] = Field(description="alerts per status")


# -- conversions ----------------------------------------------------------------------------------------


def _span(span: Span) -> SpanOut:
    return SpanOut(page=span.page, start=span.start, end=span.end)


def card_out(c: AnnouncementCard) -> CardOut:
    return CardOut(id=c.id, title=c.title, ticker=c.ticker, published_at=c.published_at, ingested_at=c.ingested_at,
                   commodities=list(c.commodities), type=c.type, score=c.score, band=c.band, reason=c.reason,
                   best=c.best, novelty=c.novelty, price_sensitive=c.price_sensitive)


def page_out(p: BrowsePage) -> AnnouncementPageOut:
    return AnnouncementPageOut(items=[card_out(c) for c in p.items], total=p.total, limit=p.limit, offset=p.offset,
                               next_offset=p.next_offset)


def intercept_out(i: Intercept) -> InterceptOut:
    return InterceptOut(hole_id=i.hole_id, from_m=i.from_m, to_m=i.to_m, width_m=i.width_m, grade=i.grade,
                        unit=i.unit, analyte=i.analyte, including=i.including, true_width_m=i.true_width_m,
                        to_eoh=i.to_eoh, source=i.source, surface=i.surface, span=_span(i.span))


def resource_out(r: ResourceEstimate) -> ResourceOut:
    return ResourceOut(category=r.category, tonnes=r.tonnes, grade=r.grade, unit=r.unit, analyte=r.analyte,
                       contained=r.contained, contained_unit=r.contained_unit, cutoff=r.cutoff, code=r.code,
                       kind=r.kind, deposit=r.deposit, surface=r.surface, span=_span(r.span))


def facts_out(s: StoredAnnouncement) -> FactsOut:
    """The stored facts; each commodity with the spans of the intercepts and resources read in it."""
    from oresight.extract.lexicon import lexicon

    lex = lexicon()
    counts: dict[str, list[int]] = {c: [0, 0] for c in s.commodities}  # intercepts, resources
    spans: dict[str, list[SpanOut]] = {c: [] for c in s.commodities}
    rows = [(i.analyte, i.span, 0) for i in s.intercepts] + [(r.analyte, r.span, 1) for r in s.resources if r.analyte]
    for analyte, span, kind in rows:
        symbol = lex.commodity(analyte)
        counts.setdefault(symbol, [0, 0])[kind] += 1
        spans.setdefault(symbol, []).append(_span(span))
    commodities = [CommodityFactOut(symbol=sym, intercepts=n[0], resources=n[1], spans=spans[sym])
                   for sym, n in counts.items()]
    return FactsOut(id=s.id, commodities=commodities, intercepts=[intercept_out(i) for i in s.intercepts],
                    resources=[resource_out(r) for r in s.resources],
                    companies=[CompanyRefOut(name=c.name, ticker=c.ticker, exchange=c.exchange) for c in s.companies],
                    reporting_code=s.reporting_code)


def _ranked_out(r: RankedIntercept) -> RankedInterceptOut:
    return RankedInterceptOut(announcement_id=r.announcement_id, title=r.title, ticker=r.ticker,
                              published_at=r.published_at, commodity=r.commodity, intercept=intercept_out(r.intercept),
                              grade_x_width=r.grade_x_width, percentile=r.percentile, group_size=r.group_size)


def company_out(v: CompanyView) -> CompanyOut:
    return CompanyOut(ticker=v.ticker, name=v.name, announcements=[card_out(c) for c in v.announcements],
                      best_intercepts=[_ranked_out(r) for r in v.best_intercepts],
                      resources=[CompanyResourceOut(announcement_id=r.announcement_id, published_at=r.published_at,
                                                    title=r.title, resource=resource_out(r.resource))
                                 for r in v.resources])


def commodity_out(v: CommodityView) -> CommodityOut:
    items = [CommodityInterceptOut(**{k: getattr(i, k) for k in CommodityInterceptOut.model_fields if k != "span"},
                                   span=_span(i.span) if i.span else None) for i in v.intercepts]
    return CommodityOut(commodity=v.commodity, since=v.since, metric=v.metric, items=items)


def delivery_out(a: StoredAlert) -> DeliveryOut:
    return DeliveryOut(**asdict(a))


def source_out(h: SourceHealth | None, *, name: str, kind: str, configured: bool) -> SourceOut:
    if h is None:
        return SourceOut(name=name, kind=kind, configured=configured, healthy=False, last_success_at=None,
                         last_error_at=None, last_error=None, consecutive_errors=0, items_seen=0, updated_at=None)
    return SourceOut(name=h.name, kind=h.kind, configured=configured, healthy=h.healthy,
                     last_success_at=h.last_success_at, last_error_at=h.last_error_at, last_error=h.last_error,
                     consecutive_errors=h.consecutive_errors, items_seen=h.items_seen, updated_at=h.updated_at)


def sources_out(watcher: Watcher) -> list[SourceOut]:
    """Every configured source (with its health once it has run) and every source with recorded health."""
    health = {h.name: h for h in watcher.store.source_health()}
    out = [source_out(health.pop(name, None), name=name, kind=s.kind, configured=True)
           for name, s in watcher.sources.items()]
    out += [source_out(h, name=h.name, kind=h.kind, configured=False) for h in health.values()]
    return sorted(out, key=lambda s: s.name)


def _utc(value: datetime | None, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise HTTPException(422, f"{name}: {value.isoformat()} is out of range") from None


# -- authentication --------------------------------------------------------------------------------------

bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="An API token (oresight tokens create NAME) or the configuration's watch.push_token.")


def check_write(watcher: Watcher, secret: str | None) -> None:
    """Raise 401 (403 when no token exists at all) unless ``secret`` is the configured push token or an
    active API token. Both comparisons are constant-time."""
    configured = watcher.settings.push_token
    if secret:
        if configured and hmac.compare_digest(secret.encode(), configured.encode()):
            return
        if watcher.store.check_token(secret):
            return
    if not configured and not watcher.store.has_tokens():
        raise HTTPException(403, WRITES_DISABLED)
    raise HTTPException(401, WRONG_TOKEN, headers={"WWW-Authenticate": "Bearer"})


def write_access(watcher: Watcher) -> Callable[..., None]:
    """A dependency that lets a write through only with a valid token (see :func:`check_write`)."""

    def require(credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]) -> None:
        check_write(watcher, credentials.credentials.strip() if credentials else None)

    return require


def retry_delivery(watcher: Watcher, alert_id: int) -> RetryOut:
    """Put a dead letter back in the queue (due now) and hand it to the running watcher."""
    store = watcher.store
    if store.alert(alert_id) is None:
        raise HTTPException(404, f"no delivery {alert_id}")
    if not store.retry_alert(alert_id):
        raise HTTPException(409, f"delivery {alert_id} is not a dead letter")
    watcher.requeue(alert_id)
    return RetryOut(id=alert_id, status="pending")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorOut} for code in codes}


COMMON_ERRORS = _errors(422, 503)
WRITE_ERRORS = _errors(401, 403)

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="an id")]
Limit = Annotated[int, Query(ge=1, le=200, description="at most this many items")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]


# -- the router ------------------------------------------------------------------------------------------


def api_router(watcher: Watcher) -> APIRouter:
    """The read API over the watcher's store, and its write actions (behind :func:`write_access`)."""
    store = watcher.store
    router = APIRouter(prefix="/api", responses=COMMON_ERRORS)
    requires_token = [Security(write_access(watcher))]

    @router.get("/announcements", response_model=AnnouncementPageOut, summary="Announcements, newest first")
    def announcements(
        ticker: Annotated[str | None, Query(pattern=TICKER, description="exact ticker (any case)")] = None,
        commodity: Annotated[str | None, Query(pattern=SYMBOL, description='a commodity symbol, e.g. "Au", "Li"')] = None,
        band: Annotated[Band | None, Query()] = None,
        type: Annotated[str | None, Query(pattern=TYPE, description="announcement type, e.g. drilling")] = None,
        min_score: Annotated[float | None, Query(ge=0, le=100)] = None,
        since: Annotated[datetime | None, Query(description="published (else ingested) at or after; UTC if naive")] = None,
        until: Annotated[datetime | None, Query(description="published (else ingested) before; UTC if naive")] = None,
        q: Annotated[str | None, Query(max_length=1000, description='full text: words, "phrases", OR')] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> AnnouncementPageOut:
        if type is not None:
            from oresight.assess.types import type_names

            if type not in type_names():
                raise HTTPException(422, f"query.type: unknown type {type!r} (known: {', '.join(type_names())})")
        page = store.browse(ticker=ticker, commodity=commodity, band=band, type=type, min_score=min_score,
                            since=_utc(since, "query.since"), until=_utc(until, "query.until"), query=q, limit=limit,
                            offset=offset)
        return page_out(page)

    @router.get("/announcements/{announcement_id}", response_model=AnnouncementOut, responses=_errors(404),
                summary="One announcement: extraction, facts, assessment, related")
    def announcement(announcement_id: Id) -> AnnouncementOut:
        view = store.announcement_view(announcement_id)
        if view is None:
            raise HTTPException(404, f"no announcement {announcement_id}")
        s = view.stored
        return AnnouncementOut(id=s.id, title=s.title, ticker=s.ticker, source=s.source, published_at=s.published_at,
                               extraction=dict(s.extraction),
                               assessment=AssessmentOut.model_validate(view.assessment) if view.assessment else None,
                               card=card_out(view.card), facts=facts_out(s),
                               related=[card_out(c) for c in view.related],
                               sanctions=[flag_out(f) for f in store.sanctions_flags("announcement", s.id)])

    @router.get("/announcements/{announcement_id}/facts", response_model=FactsOut, responses=_errors(404),
                summary="What was extracted, with spans")
    def facts(announcement_id: Id) -> FactsOut:
        stored = store.get(announcement_id)
        if stored is None:
            raise HTTPException(404, f"no announcement {announcement_id}")
        return facts_out(stored)

    @router.get("/announcements/{announcement_id}/assessment", response_model=AssessmentResponse,
                responses=_errors(404), summary="The assessment: type, score, checklist, novelty")
    def assessment(announcement_id: Id) -> AssessmentResponse:
        data = store.assessment(announcement_id)
        if data is None:
            exists = store.get(announcement_id) is not None
            raise HTTPException(404, f"announcement {announcement_id} is not assessed" if exists
                                else f"no announcement {announcement_id}")
        return AssessmentResponse(id=announcement_id, assessment=AssessmentOut.model_validate(data))

    @router.get("/search", response_model=SearchOut, summary="Full-text search, best first")
    def search(q: Annotated[str, Query(min_length=1, max_length=1000, description='words, "phrases", OR')],
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> SearchOut:
        hits = store.search(q, limit=limit)
        return SearchOut(query=q, items=[SearchHitOut(id=h.id, title=h.title, ticker=h.ticker, score=h.score,
                                                      snippet=h.snippet, snippet_html=h.snippet_html())
                                         for h in hits])

    @router.get("/companies", response_model=CompanyListOut, summary="Companies, latest announcement first")
    def companies(limit: Limit = 100, offset: Offset = 0) -> CompanyListOut:
        rows = store.companies(limit=limit + 1, offset=offset)
        more = len(rows) > limit
        return CompanyListOut(items=[CompanyCardOut(**asdict(c)) for c in rows[:limit]], limit=limit, offset=offset,
                              next_offset=offset + limit if more else None)

    @router.get("/companies/{ticker}", response_model=CompanyOut, responses=_errors(404),
                summary="A company: timeline, best intercepts, resources")
    def company(ticker: Annotated[str, Path(pattern=TICKER)]) -> CompanyOut:
        view = store.company_view(ticker)
        if view is None:
            raise HTTPException(404, f"no announcement of {ticker.upper()}")
        return company_out(view)

    @router.get("/commodities", response_model=CommodityListOut, summary="Commodities, most announced first")
    def commodities() -> CommodityListOut:
        return CommodityListOut(items=[CommodityCountOut(symbol=s, announcements=n) for s, n in store.commodities()])

    @router.get("/commodities/{symbol}", response_model=CommodityOut, responses=_errors(404),
                summary="The best intercepts of a commodity since a time (default: 7 days), normalised")
    def commodity(symbol: Annotated[str, Path(pattern=SYMBOL)],
                  since: Annotated[datetime | None, Query(description="default: 7 days ago; UTC if naive")] = None,
                  limit: Limit = 50) -> CommodityOut:
        if commodity_symbol(symbol) is None:
            raise HTTPException(404, f"unknown commodity {symbol!r}")
        return commodity_out(store.commodity_view(symbol, since=_utc(since, "query.since"), limit=limit))

    @router.get("/rules", response_model=RuleListOut, summary="The alert rules and their channels")
    def rules() -> RuleListOut:
        channels = watcher.config.channels
        return RuleListOut(items=[
            RuleOut(name=r.name, mode=r.mode, early=r.early,
                    channels=[ChannelRefOut(name=c, kind=channels[c].kind) for c in r.channels if c in channels],
                    tickers=list(r.tickers), commodities=list(r.commodities), min_score=r.min_score,
                    min_band=r.min_band, types=list(r.types), price_sensitive_only=r.price_sensitive_only,
                    keywords=list(r.keywords))
            for r in watcher.config.rules])

    @router.get("/deliveries", response_model=DeliveryListOut, summary="The delivery log, newest first")
    def deliveries(rule: Annotated[str | None, Query(pattern=NAME)] = None,
                   status: Annotated[DeliveryStatus | None, Query()] = None,
                   channel: Annotated[str | None, Query(pattern=NAME)] = None,
                   limit: Limit = 50, offset: Offset = 0) -> DeliveryListOut:
        rows = store.alerts(rule=rule, status=status, channel=channel, limit=limit + 1, offset=offset)
        more = len(rows) > limit
        return DeliveryListOut(items=[delivery_out(a) for a in rows[:limit]], limit=limit, offset=offset,
                               next_offset=offset + limit if more else None, counts=store.alert_counts())

    @router.post("/deliveries/{delivery_id}/retry", response_model=RetryOut, dependencies=requires_token,
                 responses={**WRITE_ERRORS, **_errors(404, 409)}, summary=f"Retry a dead letter ({ALERT_DEAD})")
    async def retry(delivery_id: Id) -> RetryOut:  # on the event loop: it hands the alert to the watcher's queue
        return retry_delivery(watcher, delivery_id)

    @router.get("/sources", response_model=SourceListOut, summary="Sources and their health")
    def sources() -> SourceListOut:
        return SourceListOut(items=sources_out(watcher))

    return router
