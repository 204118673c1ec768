"""The dashboard: server-rendered pages over the store (Jinja2, autoescaped), a live feed, charts.

==========================================  =====================================================
``GET  /``                                  the day's feed: cards, filters (a GET form), score histogram
``GET  /live``                              server-sent events: a card per newly assessed announcement
``GET  /announcements/{id}``                the text with every extracted value marked at its span,
                                            facts, score breakdown, checklist, novelty, related
``GET  /companies``, ``/companies/{t}``     companies; one company's timeline, best intercepts, resources
``GET  /commodities``, ``/commodities/{s}`` commodities; the week's best intercepts, normalised
``GET  /search?q=``                         full-text search (cards with the matching passages)
``GET  /rules``                             rules and channels; ``?test=ID`` tries every rule on a stored
                                            announcement
``POST /rules/{name}/enabled``              switch a rule off or on in this process (form, CSRF)
``GET  /deliveries``                        the delivery log (``status``, ``rule``, ``channel``), dead
                                            letters with their reasons, source health
``POST /deliveries/{id}/retry``             put a dead letter back in the queue (form, CSRF)
``GET  /static/...``                        the dashboard's CSS and JS; ``/static/vendor/`` the chart
                                            libraries (``scripts/vendor-js.sh``)
==========================================  =====================================================

Every page is complete without JavaScript; the script adds the live feed, the charts (Vega-Lite specs
embedded as JSON, drawn by vega-embed when its files are installed; a table shows the same numbers), and
smooth scrolling to a marked value. Announcement text is hostile input: it is escaped slice by slice
around the marks, never inserted raw. Security headers and CSRF: :mod:`oresight.web.security`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.staticfiles import StaticFiles

from oresight.alerts.channels.sse import sse_response
from oresight.alerts.rules import BAND_ORDER, Candidate, Rule
from oresight.web.security import Csrf, SecurityHeaders, install_secret, secret_path

if TYPE_CHECKING:
    from oresight.store import Store, StoredAnnouncement
    from oresight.store._browse import AnnouncementCard
    from oresight.watch import Watcher

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VENDOR = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
VL_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
PAGE_SIZE = 50
MAX_MARKS = 5000
BANDS = BAND_ORDER  # lowest to highest
TYPES = ("drilling", "resource", "study", "metallurgy", "acquisition", "capital_raise", "quarterly", "routine",
         "trading_halt", "other")
STATUSES = ("pending", "sending", "delivered", "dead", "queued", "digested")


# -- marking the text ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A ``<mark>`` around ``[start, end)`` of a page's text; ``kind`` is its CSS class."""

    page: int
    start: int
    end: int
    kind: str

    @property
    def id(self) -> str:
        return f"span-{self.page}-{self.start}-{self.end}"


MARK_KINDS = ("value", "company", "excluded", "evidence")


class Marker:
    """Places marks on a document's pages: identical spans share one mark; a span that crosses one already
    placed (partly overlapping, not nested) is not placed and its links go to the mark it crosses."""

    def __init__(self, pages: Sequence[str]) -> None:
        self.pages = pages
        self.placed: dict[int, list[Mark]] = {}
        self._ids: dict[tuple[int, int, int], str] = {}

    def place(self, span: Mapping[str, Any] | Sequence[int] | None, kind: str) -> str | None:
        """The id of the mark that shows ``span`` ({page, start, end} or a (page, start, end) tuple), or None
        when the span does not fit the text."""
        if span is None:
            return None
        try:
            if isinstance(span, Mapping):
                page, start, end = int(span["page"]), int(span["start"]), int(span["end"])
            else:
                page, start, end = (int(x) for x in span)
        except (KeyError, TypeError, ValueError):
            return None
        if not 1 <= page <= len(self.pages) or not 0 <= start < end <= len(self.pages[page - 1]):
            return None
        key = (page, start, end)
        if key in self._ids:
            return self._ids[key]
        on_page = self.placed.setdefault(page, [])
        for m in on_page:
            if m.start < start < m.end < end or start < m.start < end < m.end:
                self._ids[key] = m.id
                return m.id
        if sum(len(v) for v in self.placed.values()) >= MAX_MARKS:
            return None
        mark = Mark(page, start, end, kind if kind in MARK_KINDS else "value")
        on_page.append(mark)
        self._ids[key] = mark.id
        return mark.id

    def find(self, pattern: re.Pattern[str], kind: str) -> str | None:
        """Mark the first match of ``pattern`` in the text (values that carry no span: companies)."""
        for n, text in enumerate(self.pages, 1):
            m = pattern.search(text)
            if m and m.end() > m.start():
                return self.place((n, m.start(), m.end()), kind)
        return None

    def html(self, page: int) -> Markup:
        """The page's text, escaped slice by slice, with its marks (nested where spans nest)."""
        text = self.pages[page - 1]
        out: list[str] = []
        pos = 0
        stack: list[Mark] = []

        def close() -> None:
            nonlocal pos
            top = stack.pop()
            out.append(escape(text[pos:top.end]))
            out.append("</mark>")
            pos = top.end

        for m in sorted(self.placed.get(page, ()), key=lambda m: (m.start, -m.end)):
            while stack and stack[-1].end <= m.start:
                close()
            out.append(escape(text[pos:m.start]))
            out.append(f'<mark id="{m.id}" class="{m.kind}">')
            pos = m.start
            stack.append(m)
        while stack:
            close()
        out.append(escape(text[pos:]))
        return Markup("".join(out))


def split_pages(text: str, page_count: int) -> list[str]:
    """The pages of a stored text (pages are joined with ``"\\n\\f"``); one page when that does not fit."""
    pages = text.split("\n\f")
    return pages if len(pages) == page_count else [text]


# -- view models -----------------------------------------------------------------------------------------


@dataclass
class Fact:
    """A row of the facts table: cells, and the mark id its value links to."""

    kind: str
    cells: list[str]
    target: str | None
    surface: str = ""
    note: str = ""


@dataclass
class DocumentView:
    pages: list[tuple[int, Markup]]
    intercepts: list[Fact] = field(default_factory=list)
    resources: list[Fact] = field(default_factory=list)
    companies: list[Fact] = field(default_factory=list)
    commodities: list[Fact] = field(default_factory=list)
    excluded: list[Fact] = field(default_factory=list)
    factors: list[dict[str, Any]] = field(default_factory=list)
    checklist: list[dict[str, Any]] = field(default_factory=list)
    red_flags: list[dict[str, Any]] = field(default_factory=list)
    type_evidence: list[tuple[str, str | None]] = field(default_factory=list)
    repeated: list[dict[str, Any]] = field(default_factory=list)


def num(value: Any, digits: int = 3) -> str:
    """A number as people read it: no trailing zeros, thousands separated; "" for None or non-numbers."""
    if value is None or isinstance(value, bool):
        return ""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(x):
        return ""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}" if abs(x) < 1 else f"{round(x, digits):g}"


def tonnes(value: float | None) -> str:
    if value is None:
        return ""
    if value >= 1e6:
        return f"{num(value / 1e6)} Mt"
    if value >= 1e3:
        return f"{num(value / 1e3)} kt"
    return f"{num(value)} t"


def interval(hole: str | None, from_m: float | None, to_m: float | None) -> str:
    parts = [hole or ""]
    if from_m is not None and to_m is not None:
        parts.append(f"{num(from_m)}–{num(to_m)} m")
    elif from_m is not None:
        parts.append(f"from {num(from_m)} m")
    return " ".join(p for p in parts if p)


def document_view(stored: StoredAnnouncement, assessment: Mapping[str, Any] | None) -> DocumentView:
    """The document's pages with every extracted value and piece of evidence marked, and the tables that
    link to the marks. Values are placed before evidence, so a value keeps its own mark."""
    from oresight.extract.lexicon import lexicon

    marker = Marker(split_pages(stored.text or "", stored.page_count))
    view = DocumentView(pages=[])
    extraction = stored.extraction or {}
    for i in stored.intercepts:
        width = f"{num(i.width_m)} m" if i.width_m is not None else "(no width)"
        view.intercepts.append(Fact(
            "intercept", [interval(i.hole_id, i.from_m, i.to_m), width, f"{num(i.grade)} {i.unit}", i.analyte,
                          "including" if i.including else "", i.source],
            marker.place(tuple(i.span), "value"), i.surface,
            "true width " + num(i.true_width_m) + " m" if i.true_width_m is not None else ""))
    for r in stored.resources:
        grade = f"{num(r.grade)} {r.unit or ''}".strip() if r.grade is not None else ""
        contained = f"{num(r.contained)} {r.contained_unit or ''}".strip() if r.contained is not None else ""
        view.resources.append(Fact(
            r.kind, [r.category or "", tonnes(r.tonnes), grade, r.analyte or "", contained, r.cutoff or "",
                     r.code or ""], marker.place(tuple(r.span), "value"), r.surface, r.deposit or ""))
    for c in stored.companies:
        target = None
        if c.name:
            target = marker.find(re.compile(re.escape(c.name), re.IGNORECASE), "company")
        if target is None and c.ticker:
            target = marker.find(re.compile(r"(?<![A-Za-z0-9])" + re.escape(c.ticker) + r"(?![A-Za-z0-9])"),
                                 "company")
        view.companies.append(Fact("company", [c.name or "", c.ticker, c.exchange], target))
    lex = lexicon()
    for symbol in stored.commodities:
        target = next((f.target for f, i in zip(view.intercepts, stored.intercepts, strict=True)
                       if f.target and lex.commodity(i.analyte) == symbol), None)
        target = target or next((f.target for f, r in zip(view.resources, stored.resources, strict=True)
                                 if f.target and r.analyte and lex.commodity(r.analyte) == symbol), None)
        if target is None:
            names = [s for s, a in lex.symbol_to_analyte.items() if lex.commodity(a) == symbol]
            words = [w for w, a in lex.word_to_analyte.items() if lex.commodity(a) == symbol]
            alts = [re.escape(s) for s in sorted(names, key=len, reverse=True)]
            alts += ["(?i:" + re.escape(w) + ")" for w in sorted(words, key=len, reverse=True)]
            if alts:
                target = marker.find(re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(alts) + r")(?![A-Za-z0-9])"),
                                     "value")
        view.commodities.append(Fact("commodity", [symbol], target))
    for e in extraction.get("excluded") or ():
        if isinstance(e, Mapping):
            view.excluded.append(Fact("excluded", [str(e.get("kind") or ""), str(e.get("reason") or "")],
                                      marker.place(e.get("span"), "excluded"), str(e.get("surface") or "")))
    a = assessment or {}
    for f in (a.get("significance") or {}).get("factors") or ():
        if isinstance(f, Mapping):
            view.factors.append({**f, "links": _evidence(marker, f.get("evidence"))})
    reporting = a.get("reporting") or {}
    for item in reporting.get("items") or ():
        if isinstance(item, Mapping):
            view.checklist.append({**item, "links": _evidence(marker, item.get("evidence"))})
    for flag in reporting.get("red_flags") or ():
        if isinstance(flag, Mapping):
            view.red_flags.append({**flag, "links": _evidence(marker, flag.get("evidence"))})
    view.type_evidence = _evidence(marker, (a.get("type") or {}).get("evidence"))
    for r in (a.get("novelty") or {}).get("repeated") or ():
        if not isinstance(r, Mapping):
            continue
        now, before = r.get("intercept") or {}, r.get("previously") or {}
        if not isinstance(now, Mapping) or not isinstance(before, Mapping):
            continue
        prior = str(before.get("announcement") or "")
        view.repeated.append({
            "surface": str(now.get("surface") or ""), "target": marker.place(now.get("span"), "value"),
            "before": " ".join(str(x) for x in (interval(before.get("hole_id"), before.get("from_m"), before.get("to_m")),
                                                before.get("analyte"), num(before.get("grade")),
                                                before.get("ticker"), before.get("published")) if x),
            "id": int(prior) if prior.isdigit() and 0 < int(prior) < 2**63 else None, "key": prior})
    view.pages = [(n, marker.html(n)) for n in range(1, len(marker.pages) + 1)]
    return view


def _evidence(marker: Marker, evidence: Any) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for e in evidence or ():
        if isinstance(e, Mapping):
            out.append((str(e.get("surface") or ""), marker.place(e.get("span"), "evidence")))
    return out


# -- charts ----------------------------------------------------------------------------------------------


def breakdown_spec(factors: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Vega-Lite: the points each factor adds to the score (bar; penalties below zero)."""
    values = [{"factor": str(f.get("name")), "points": float(f.get("contribution") or 0.0)} for f in factors]
    return {"$schema": VL_SCHEMA, "description": "Score breakdown: points per factor",
            "data": {"values": values}, "width": 420, "mark": "bar",
            "encoding": {"y": {"field": "factor", "type": "nominal", "sort": None, "title": None},
                         "x": {"field": "points", "type": "quantitative", "title": "points"},
                         "color": {"condition": {"test": "datum.points < 0", "value": "#b3362b"},
                                   "value": "#2f6f9f"}}}


def histogram(scores: Sequence[float]) -> list[tuple[str, int]]:
    """Scores in ten bins of ten points (the last one includes 100)."""
    counts = [0] * 10
    for s in scores:
        counts[min(9, max(0, int(s // 10)))] += 1
    return [(f"{10 * i}–{10 * i + 10}", n) for i, n in enumerate(counts)]


def histogram_spec(scores: Sequence[float]) -> dict[str, Any]:
    """Vega-Lite: the distribution of discovery scores (bins of ten points from 0 to 100)."""
    return {"$schema": VL_SCHEMA, "description": "Distribution of the day's discovery scores",
            "data": {"values": [{"score": s} for s in scores]}, "width": 420, "height": 160, "mark": "bar",
            "encoding": {"x": {"field": "score", "type": "quantitative", "bin": {"extent": [0, 100], "step": 10},
                               "title": "discovery score"},
                         "y": {"aggregate": "count", "type": "quantitative", "title": "announcements"}}}


def scatter_spec(points: list[dict[str, Any]], grade_title: str) -> dict[str, Any]:
    """Vega-Lite: grade against width, both on log scales, one colour per company."""
    return {"$schema": VL_SCHEMA, "description": "Grade against width (log scales)",
            "data": {"values": points}, "width": 420, "height": 300, "mark": {"type": "point", "filled": True},
            "encoding": {"x": {"field": "width", "type": "quantitative", "scale": {"type": "log"},
                               "title": "width (m)"},
                         "y": {"field": "grade", "type": "quantitative", "scale": {"type": "log"},
                               "title": grade_title},
                         "color": {"field": "ticker", "type": "nominal", "title": "company"}}}


def timeline_spec(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Vega-Lite: a company's discovery scores over time."""
    return {"$schema": VL_SCHEMA, "description": "Discovery score of each announcement over time",
            "data": {"values": points}, "width": 420, "height": 160,
            "mark": {"type": "line", "point": True},
            "encoding": {"x": {"field": "when", "type": "temporal", "title": None},
                         "y": {"field": "score", "type": "quantitative", "scale": {"domain": [0, 100]},
                               "title": "discovery score"}}}


# -- request parsing -------------------------------------------------------------------------------------


def _text(value: str | None, limit: int = 200) -> str | None:
    value = " ".join((value or "").split())[:limit]
    return value or None


def _number(value: str | None) -> float | None:
    try:
        x = float(value) if value not in (None, "") else None
    except ValueError:
        return None
    return x if x is not None and math.isfinite(x) else None


def _offset(value: str | None) -> int:
    try:
        return max(0, min(int(value or 0), 1_000_000))
    except ValueError:
        return 0


@dataclass
class Filters:
    ticker: str | None = None
    commodity: str | None = None
    band: str | None = None
    type: str | None = None
    min_score: float | None = None
    q: str | None = None
    day: date | None = None
    offset: int = 0
    problems: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> Filters:
        f = cls(ticker=(_text(params.get("ticker"), 20) or "").upper() or None,
                commodity=_text(params.get("commodity"), 20), q=_text(params.get("q"), 500),
                offset=_offset(params.get("offset")))
        band, kind = _text(params.get("band"), 20), _text(params.get("type"), 30)
        f.band = band if band in BANDS else None
        f.type = kind if kind in TYPES else None
        if band and f.band is None:
            f.problems.append(f"unknown band {band!r} ignored")
        if kind and f.type is None:
            f.problems.append(f"unknown type {kind!r} ignored")
        raw = params.get("min_score")
        f.min_score = _number(raw)
        if raw and f.min_score is None:
            f.problems.append(f"min_score {raw[:20]!r} is not a number: ignored")
        raw_day = _text(params.get("day"), 20)
        if raw_day:
            try:
                f.day = date.fromisoformat(raw_day)
            except ValueError:
                f.problems.append(f"day {raw_day!r} is not a date (YYYY-MM-DD): today shown")
        return f

    def query(self, **override: Any) -> str:
        """This filter set as a query string (for pagination links)."""
        values = {"day": self.day.isoformat() if self.day else None, "ticker": self.ticker,
                  "commodity": self.commodity, "band": self.band, "type": self.type,
                  "min_score": f"{self.min_score:g}" if self.min_score is not None else None, "q": self.q,
                  "offset": self.offset or None}
        values.update(override)
        return urlencode({k: v for k, v in values.items() if v not in (None, "", 0)})


# -- the routes ------------------------------------------------------------------------------------------


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = num
    env.filters["tonnes"] = tonnes
    env.filters["path"] = lambda v: quote(str(v), safe="")
    env.filters["band_class"] = lambda v: v if v in BANDS else "none"
    env.globals["BANDS"] = BANDS
    env.globals["TYPES"] = TYPES
    env.globals["STATUSES"] = STATUSES
    return env


def charts_installed() -> bool:
    return all((STATIC / "vendor" / name).is_file() for name in VENDOR)


def mount_dashboard(app: FastAPI, watcher: Watcher) -> None:
    """Add the dashboard's pages, its live stream and its static files to ``app``, and the security
    headers to every response of the app."""
    store: Store = watcher.store
    env = _environment()
    csrf = Csrf(install_secret(secret_path(store)))
    tz: tzinfo = ZoneInfo(watcher.settings.timezone)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    all_rules: list[Rule] = list(watcher.rules)
    disabled: set[str] = set()

    def when(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        if value is None:
            return ""
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(tz).strftime(fmt)

    env.filters["when"] = when

    def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        token, new_nonce = csrf.issue(request)
        charts = ctx.pop("charts", [])
        html = env.get_template(name).render(
            csrf_token=token, charts=charts, charts_js=bool(charts) and charts_installed(), path=request.url.path,
            timezone=watcher.settings.timezone, **ctx)
        response = HTMLResponse(html, status_code=status_code)
        if new_nonce:
            csrf.set_cookie(response, new_nonce, request)
        return response

    def not_found(request: Request, message: str) -> HTMLResponse:
        return render(request, "message.html", status_code=404, title="Not found", message=message)

    def day_window(day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
        return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)

    # -- feed ----------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def feed(request: Request) -> HTMLResponse:
        f = Filters.parse(request.query_params)
        today = datetime.now(tz).date()
        day = f.day
        # without a day: the latest announcements, newest first, whatever their day (a live feed, and a sample
        # or backfilled archive shows at once); with a day: that day's, with the day's score distribution
        since, until = day_window(day) if day is not None else (None, None)
        page = store.browse(ticker=f.ticker, commodity=f.commodity, band=f.band, type=f.type,
                            min_score=f.min_score, since=since, until=until, query=f.q, limit=PAGE_SIZE,
                            offset=f.offset)
        if day is not None:
            scores = store.score_distribution(since=since, until=until)
            bands = store.band_counts(since=since, until=until)
            title = f"Score distribution, {day.isoformat()}"
        else:
            scores = sorted(c.score for c in page.items if c.score is not None)
            bands = {b: sum(1 for c in page.items if c.band == b) for b in BANDS}
            title = f"Score distribution of these {len(page.items)} announcements"
        chart = {"id": "chart-scores", "title": title, "spec": histogram_spec(scores)}
        shown = day or today
        return render(request, "feed.html", title="Feed", filters=f, page=page, day=day, today=today,
                      live=day is None or day == today, note=None, bands=bands,
                      bins=histogram(scores), scores=scores, commodities=store.commodities(), charts=[chart],
                      newer=f.query(offset=max(0, f.offset - PAGE_SIZE)) if f.offset else None,
                      older=f.query(offset=page.next_offset) if page.next_offset is not None else None,
                      prev_day=(shown - timedelta(days=1)).isoformat(), next_day=(shown + timedelta(days=1)).isoformat())

    @app.get("/live", include_in_schema=False)
    async def live(request: Request) -> Response:
        return sse_response(watcher.live, request)

    # -- one announcement ------------------------------------------------------------------------------

    @app.get("/announcements/{announcement_id:int}", response_class=HTMLResponse, include_in_schema=False)
    async def announcement(request: Request, announcement_id: int) -> HTMLResponse:
        view = store.announcement_view(announcement_id) if 0 < announcement_id < 2**63 else None
        if view is None:
            return not_found(request, f"No announcement {announcement_id}.")
        doc = document_view(view.stored, view.assessment)
        a = view.assessment or {}
        charts = []
        if doc.factors:
            charts.append({"id": "chart-breakdown", "title": "Score breakdown", "spec": breakdown_spec(doc.factors)})
        novelty = a.get("novelty") or {}
        similar = novelty.get("similar_announcement")
        return render(request, "announcement.html", title=view.card.title, card=view.card, stored=view.stored,
                      doc=doc, assessment=a, significance=a.get("significance") or {},
                      kind=a.get("type") or {}, reporting=a.get("reporting") or {}, novelty=novelty,
                      similar_id=int(similar) if isinstance(similar, str | int) and str(similar).isdigit() else None,
                      related=view.related, charts=charts,
                      sanctions_flags=store.sanctions_flags("announcement", announcement_id))

    # -- companies -----------------------------------------------------------------------------------

    @app.get("/companies", response_class=HTMLResponse, include_in_schema=False)
    async def companies(request: Request) -> HTMLResponse:
        offset = _offset(request.query_params.get("offset"))
        rows = store.companies(limit=PAGE_SIZE + 1, offset=offset)
        return render(request, "companies.html", title="Companies", companies=rows[:PAGE_SIZE], offset=offset,
                      more=len(rows) > PAGE_SIZE, page_size=PAGE_SIZE)

    @app.get("/companies/{ticker}", response_class=HTMLResponse, include_in_schema=False)
    async def company(request: Request, ticker: str) -> HTMLResponse:
        view = store.company_view(ticker[:20])
        if view is None:
            return not_found(request, f"No announcement of {ticker[:20]!r} is stored.")
        points = [{"when": c.when.isoformat(), "score": c.score, "title": c.title}
                  for c in view.announcements if c.score is not None]
        charts = [{"id": "chart-timeline", "title": "Scores over time", "spec": timeline_spec(points)}] if points else []
        return render(request, "company.html", title=view.ticker, company=view, charts=charts)

    # -- commodities ---------------------------------------------------------------------------------

    @app.get("/commodities", response_class=HTMLResponse, include_in_schema=False)
    async def commodities(request: Request) -> HTMLResponse:
        return render(request, "commodities.html", title="Commodities", commodities=store.commodities())

    @app.get("/commodities/{symbol}", response_class=HTMLResponse, include_in_schema=False)
    async def commodity(request: Request, symbol: str) -> HTMLResponse:
        from oresight.store._browse import COMMODITY_WINDOW, commodity_symbol

        canonical = commodity_symbol(symbol[:20])
        if canonical is None:
            return not_found(request, f"{symbol[:20]!r} is not a commodity Oresight knows.")
        view = store.commodity_view(canonical)
        note = None
        if not view.intercepts:
            latest = store.browse(commodity=canonical, limit=1)
            if latest.items and latest.items[0].when < view.since:
                end = latest.items[0].when
                view = store.commodity_view(canonical, since=end - COMMODITY_WINDOW)
                note = (f"Nothing in the last 7 days: showing the 7 days up to {when(end, '%Y-%m-%d')}, the latest "
                        f"announcement naming {canonical}.")
        points = [{"ticker": r.ticker or "?", "width": r.width_m, "grade": r.value / r.width_m, "hole": r.hole_id,
                   "id": r.announcement_id}
                  for r in view.intercepts if r.value is not None and r.value > 0 and r.width_m > 0]
        unit = view.metric.replace("*m", "")
        charts = [{"id": "chart-scatter", "title": f"Grade × width, {canonical}",
                   "spec": scatter_spec(points, f"grade ({unit})")}] if points else []
        return render(request, "commodity.html", title=canonical, view=view, note=note, unit=unit, charts=charts)

    # -- search --------------------------------------------------------------------------------------

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search(request: Request) -> HTMLResponse:
        f = Filters.parse(request.query_params)
        page = None
        snippets: dict[int, Markup] = {}
        if f.q:
            page = store.browse(query=f.q, ticker=f.ticker, commodity=f.commodity, band=f.band, type=f.type,
                                min_score=f.min_score, limit=PAGE_SIZE, offset=f.offset)
            snippets = {h.id: Markup(h.snippet_html()) for h in store.search(f.q, limit=200)}
        return render(request, "search.html", title=f"Search {f.q}" if f.q else "Search", filters=f, page=page,
                      snippets=snippets, commodities=store.commodities(),
                      newer=f.query(offset=max(0, f.offset - PAGE_SIZE)) if f.offset else None,
                      older=f.query(offset=page.next_offset) if page and page.next_offset is not None else None)

    # -- rules and channels --------------------------------------------------------------------------

    def rule_rows(test: tuple[AnnouncementCard, Candidate] | None) -> list[dict[str, Any]]:
        rows = []
        for rule in all_rules:
            row: dict[str, Any] = {"rule": rule, "enabled": rule.name not in disabled,
                                   "conditions": describe_rule(rule)}
            if test is not None:
                m = rule.match(test[1])
                row["test"] = m.why if m else None
            rows.append(row)
        return rows

    @app.get("/rules", response_class=HTMLResponse, include_in_schema=False)
    async def rules(request: Request) -> HTMLResponse:
        raw = request.query_params.get("test", "").strip()
        test = None
        problem = None
        if raw:
            view = store.announcement_view(int(raw)) if raw.isdigit() and 0 < int(raw) < 2**63 else None
            if view is None:
                problem = f"No stored announcement {raw[:20]!r} to test the rules on."
            else:
                s = view.stored
                test = (view.card, Candidate(view.card.title, view.card.ticker or s.ticker, view.card.price_sensitive,
                                             s.commodities, s.text, view.assessment))
        channels = [{"name": name, "kind": ch.kind,
                     "rules": [r.name for r in all_rules if name in r.channels]}
                    for name, ch in sorted(watcher.channels.items())]
        return render(request, "rules.html", title="Rules", rows=rule_rows(test), channels=channels,
                      tested=test[0] if test else None, test_value=raw[:20], problem=problem,
                      changed=request.query_params.get("changed"))

    @app.post("/rules/{name}/enabled", include_in_schema=False)
    async def toggle_rule(request: Request, name: str) -> Response:
        refused = await csrf.check(request)
        if refused is not None:
            return refused
        if name not in {r.name for r in all_rules}:
            return not_found(request, f"No rule {name[:80]!r}.")
        form = await request.form()
        if form.get("enabled") == "1":
            disabled.discard(name)
        else:
            disabled.add(name)
        watcher.rules = [r for r in all_rules if r.name not in disabled]
        return RedirectResponse(f"/rules?changed={quote(name, safe='')}", status_code=303)

    # -- deliveries ----------------------------------------------------------------------------------

    @app.get("/deliveries", response_class=HTMLResponse, include_in_schema=False)
    async def deliveries(request: Request) -> HTMLResponse:
        qp = request.query_params
        status = qp.get("status") if qp.get("status") in STATUSES else None
        rule = _text(qp.get("rule"), 80)
        channel = _text(qp.get("channel"), 80)
        offset = _offset(qp.get("offset"))
        rows = store.alerts(rule=rule, status=status, channel=channel, limit=PAGE_SIZE + 1, offset=offset)
        base = {"status": status, "rule": rule, "channel": channel}

        def link(**override: Any) -> str:
            return urlencode({k: v for k, v in {**base, **override}.items() if v not in (None, "", 0)})

        retried = qp.get("retried")
        return render(request, "deliveries.html", title="Deliveries", alerts=rows[:PAGE_SIZE],
                      counts=store.alert_counts(), status=status, rule=rule, channel=channel,
                      rules=[r.name for r in all_rules], channel_names=sorted(watcher.channels),
                      sources=store.source_health(), retried=retried if retried and retried.isdigit() else None,
                      newer=link(offset=max(0, offset - PAGE_SIZE)) if offset else None,
                      older=link(offset=offset + PAGE_SIZE) if len(rows) > PAGE_SIZE else None,
                      here="/deliveries" + (f"?{link()}" if link() else ""))

    @app.post("/deliveries/{alert_id:int}/retry", include_in_schema=False)
    async def retry(request: Request, alert_id: int) -> Response:
        refused = await csrf.check(request)
        if refused is not None:
            return refused
        alert = store.alert(alert_id) if 0 < alert_id < 2**63 else None
        if alert is None:
            return not_found(request, f"No delivery {alert_id}.")
        if not store.retry_alert(alert_id):
            return render(request, "message.html", status_code=409, title="Not a dead letter",
                          message=f"Delivery {alert_id} is {alert.status}, not a dead letter: nothing to retry.")
        watcher.requeue(alert_id)
        form = await request.form()
        back = form.get("next")
        target = back if isinstance(back, str) and re.fullmatch(r"/deliveries(\?[\w=&%.+-]*)?", back) else "/deliveries"
        sep = "&" if "?" in target else "?"
        return RedirectResponse(f"{target}{sep}retried={alert_id}", status_code=303)


def describe_rule(rule: Rule) -> list[str]:
    """A rule's conditions in words (all must hold)."""
    out = []
    if rule.tickers:
        out.append("ticker " + " or ".join(sorted(rule.tickers)))
    if rule.commodities:
        out.append("commodity " + " or ".join(sorted(rule.commodities)))
    if rule.min_score is not None:
        out.append(f"score ≥ {num(rule.min_score)}")
    if rule.min_band:
        out.append(f"band {rule.min_band} or higher")
    if rule.types:
        out.append("type " + " or ".join(sorted(rule.types)))
    if rule.price_sensitive_only:
        out.append("price-sensitive only")
    if rule.keywords:
        out.append("keywords " + ", ".join(repr(k) for k in rule.keywords))
    return out or ["every announcement (routine filings and halts left out)"]
