"""Values that cross stages.

Every value is immutable and named for its stage::

    bytes/path ──► Document (pages, text, tables) ──► Intercept / ResourceEstimate / Company ──► Extraction

Each extracted value keeps its ``surface`` (the text it was read from) and its ``span``
(1-based page number, start and end character offsets into that page's ``text``), so a
reader can always be shown where a number came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NamedTuple

DocumentKind = Literal["pdf", "html", "text", "markdown"]


class Span(NamedTuple):
    """Where a value was read: ``page`` (1-based) and ``[start, end)`` offsets into that page's text.

    A named tuple rather than a dataclass: table rebuilding makes one per cell, and a tuple is
    several times cheaper to create than a frozen dataclass."""

    page: int
    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        return {"page": self.page, "start": self.start, "end": self.end}


class Cell(NamedTuple):
    """One table cell: its text and where that text stands in the page text (None when unknown)."""

    text: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table rebuilt from a page (PDF word positions, HTML ``<table>``, or aligned plain text).

    ``header`` holds one string per column; multi-line and merged header cells are already
    joined (for example ``"Au (g/t)"`` or ``"TREO ppm"``), footnote markers kept as printed.
    ``rows`` are the body rows, each with exactly ``len(header)`` cells (empty text for blanks).
    ``title`` is the caption or the line just above the table when there is one.
    """

    page: int
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""
    continued: bool = False  # True when this table continues one from the previous page


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    text: str
    tables: tuple[Table, ...] = ()
    ocr: bool = False  # the text came from OCR of a page image


@dataclass(frozen=True, slots=True)
class Document:
    """A read announcement: its pages (text and tables), independent of the source format."""

    kind: DocumentKind
    pages: tuple[Page, ...]
    sha256: str
    title: str = ""
    source: str = ""
    metadata: tuple[tuple[str, str], ...] = ()  # front matter, PDF info, <meta> tags (key, value)
    size_bytes: int = 0

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> tuple[int, ...]:
        return tuple(p.number for p in self.pages if p.ocr)

    def meta(self, key: str, default: str = "") -> str:
        for k, v in self.metadata:
            if k.lower() == key.lower():
                return v
        return default


@dataclass(frozen=True, slots=True)
class Intercept:
    """One assay interval for one analyte (a multi-element interval gives one per analyte)."""

    grade: float
    unit: str  # g/t, %, ppm, ppb, oz/t, lb/t, kg/t
    analyte: str  # canonical symbol, see extract/data/analytes.yaml
    width_m: float | None
    surface: str
    span: Span
    hole_id: str | None = None
    from_m: float | None = None
    to_m: float | None = None
    including: bool = False
    true_width_m: float | None = None
    source: Literal["text", "table"] = "text"
    to_eoh: bool = False  # the interval ends at end of hole

    def to_json(self) -> dict[str, Any]:
        return {
            "hole_id": self.hole_id,
            "from_m": self.from_m,
            "to_m": self.to_m,
            "width_m": self.width_m,
            "grade": self.grade,
            "unit": self.unit,
            "analyte": self.analyte,
            "including": self.including,
            "surface": self.surface,
            "span": self.span.to_json(),
            "true_width_m": self.true_width_m,
            "source": self.source,
        }


ResourceCategory = Literal["measured", "indicated", "inferred", "mi", "total", "proven", "probable"]


@dataclass(frozen=True, slots=True)
class ResourceEstimate:
    """Tonnes at grade for one category and analyte of a mineral resource or ore reserve."""

    tonnes: float
    grade: float | None
    unit: str | None
    analyte: str | None
    surface: str
    span: Span
    category: str | None = None
    contained: float | None = None  # contained metal in ``contained_unit``
    contained_unit: str | None = None  # t, oz, lb, ct
    cutoff: str | None = None  # the cut-off as printed, e.g. "0.5 g/t Au"
    code: str | None = None  # JORC, NI 43-101, S-K 1300, PERC, SAMREC
    kind: Literal["resource", "reserve"] = "resource"
    deposit: str | None = None
    source: Literal["text", "table"] = "text"

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "tonnes": self.tonnes,
            "grade": self.grade,
            "unit": self.unit,
            "analyte": self.analyte,
            "contained": self.contained,
            "contained_unit": self.contained_unit,
            "cutoff": self.cutoff,
            "code": self.code,
            "kind": self.kind,
            "source": self.source,
            "surface": self.surface,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Company:
    name: str | None
    ticker: str
    exchange: str
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ticker": self.ticker, "exchange": self.exchange}


@dataclass(frozen=True, slots=True)
class Excluded:
    """A number that looks like a result but is not one, kept with the reason (never an assay)."""

    kind: str  # visual, exploration_target, cutoff, programme, target_grade, head_grade, threshold, price, other_company
    surface: str
    span: Span
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "surface": self.surface, "span": self.span.to_json(), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Extraction:
    commodities: tuple[str, ...]
    intercepts: tuple[Intercept, ...]
    resources: tuple[ResourceEstimate, ...]
    companies: tuple[Company, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    reporting_code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "commodities": list(self.commodities),
            "intercepts": [i.to_json() for i in self.intercepts],
            "resources": [r.to_json() for r in self.resources],
            "companies": [c.to_json() for c in self.companies],
            "excluded": [e.to_json() for e in self.excluded],
            "reporting_code": self.reporting_code,
        }


@dataclass(frozen=True, slots=True)
class DocumentError:
    """Why a document could not be read; stored with the announcement, never raised to a user."""

    source: str
    reason: str
    kind: str = "bad_input"


@dataclass(frozen=True)
class Analysis:
    """A document and what was extracted from it (the unit stored per announcement)."""

    document: Document
    extraction: Extraction
    seconds: float = 0.0
    warnings: tuple[str, ...] = field(default_factory=tuple)


def as_plain(value: Any) -> Any:
    """A dataclass value as plain JSON-able data (for debugging and storage)."""
    return asdict(value)


# ---------------------------------------------------------------- assessment values (assess/)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the document a judgement was read: the matched text and its span."""

    surface: str
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {"surface": self.surface, "span": self.span.to_json()}


@dataclass(frozen=True, slots=True)
class AnnouncementType:
    type: str  # drilling, resource, study, metallurgy, acquisition, capital_raise, quarterly, routine, trading_halt, other
    label: str
    noise: bool  # routine filings and halts: filtered out of rankings and alerts by default
    reason: str
    evidence: tuple[Evidence, ...] = ()
    points: tuple[tuple[str, float], ...] = ()  # every type with points, best first

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "label": self.label, "noise": self.noise, "reason": self.reason,
                "evidence": [e.to_json() for e in self.evidence],
                "points": {k: v for k, v in self.points}}


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor of the discovery score: its value 0..1 (None when it cannot be judged), its weight,
    the points it adds (negative for penalties) and a one-line reason."""

    name: str
    value: float | None
    weight: float
    contribution: float
    reason: str
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "value": None if self.value is None else round(self.value, 3),
                "weight": self.weight, "contribution": round(self.contribution, 2), "reason": self.reason,
                "evidence": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Significance:
    score: float  # 0..100
    band: str  # exceptional, significant, notable, watch
    reason: str  # the main reasons in one line
    factors: tuple[Factor, ...]
    weights_source: str = "built-in"

    def to_json(self) -> dict[str, Any]:
        return {"score": self.score, "band": self.band, "reason": self.reason,
                "factors": [f.to_json() for f in self.factors], "weights": self.weights_source}


@dataclass(frozen=True, slots=True)
class CheckItem:
    """One reporting-checklist item: present, missing or n/a, with the evidence that decided it."""

    id: str
    name: str
    status: Literal["present", "missing", "n/a"]
    reason: str
    refs: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    value: str | None = None  # e.g. sample type: drill, surface, both, unstated

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "status": self.status, "reason": self.reason,
                               "refs": list(self.refs), "evidence": [e.to_json() for e in self.evidence]}
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass(frozen=True, slots=True)
class RedFlag:
    id: str
    reason: str
    refs: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "reason": self.reason, "refs": list(self.refs),
                "evidence": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Reporting:
    items: tuple[CheckItem, ...]
    red_flags: tuple[RedFlag, ...]
    quality: float | None  # share of applicable items present, less red flags (None: nothing applies)

    def item(self, item_id: str) -> CheckItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def to_json(self) -> dict[str, Any]:
        return {"quality": None if self.quality is None else round(self.quality, 3),
                "items": [i.to_json() for i in self.items], "red_flags": [f.to_json() for f in self.red_flags]}
