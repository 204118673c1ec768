"""Frozen values the store returns (never ORM rows)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from oresight.model import Company, Intercept, ResourceEstimate

MARK_START = "\u00ab"  # «  opens a matched term in SearchHit.snippet
MARK_END = "\u00bb"  # »  closes it


@dataclass(frozen=True, slots=True)
class StoredAnnouncement:
    """One stored announcement with what was extracted from it.

    ``intercepts``, ``resources`` and ``companies`` are the model values as extracted (companies
    without their span). ``extraction`` is the full ``Extraction.to_json()`` as stored.
    ``text`` is the whole document text from :meth:`Store.get`, and None in listings
    (:meth:`Store.announcements`), which leave the text in the database.
    """

    id: int
    sha256: str
    source: str
    kind: str
    title: str
    ticker: str | None
    exchange: str | None
    company_name: str | None
    published_at: datetime | None
    ingested_at: datetime
    page_count: int
    ocr_pages: tuple[int, ...]
    size_bytes: int
    analysis_seconds: float
    commodities: tuple[str, ...]
    intercepts: tuple[Intercept, ...]
    resources: tuple[ResourceEstimate, ...]
    companies: tuple[Company, ...]
    extraction: Mapping[str, Any] = field(hash=False, repr=False)
    warnings: tuple[str, ...] = ()
    error: str | None = None
    text: str | None = field(default=None, repr=False)

    @property
    def reporting_code(self) -> str | None:
        code = self.extraction.get("reporting_code")
        return code if isinstance(code, str) else None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text match. ``score``: higher is better, comparable only within one result list.

    ``snippet`` is plain text with each matched term between :data:`MARK_START` and :data:`MARK_END`;
    use :meth:`snippet_html` to show it in a page.
    """

    id: int
    title: str
    ticker: str | None
    score: float
    snippet: str

    def snippet_html(self, tag: str = "mark") -> str:
        """The snippet HTML-escaped, with matched terms wrapped in ``<tag>``."""
        escaped = html.escape(self.snippet)
        return escaped.replace(MARK_START, f"<{tag}>").replace(MARK_END, f"</{tag}>")


@dataclass(frozen=True, slots=True)
class IngestError:
    """An input that could not be stored as an announcement, kept with its reason."""

    id: int
    source: str
    sha256: str | None
    kind: str
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class RankedIntercept:
    """An announcement's best intercept, ranked against every stored intercept of its commodity.

    ``percentile`` (0 < p ≤ 100) is the share of ranked intercepts of the same ``analyte`` and
    ``unit`` whose grade × width is at or below this one (``cume_dist``); ``group_size`` is how
    many intercepts that comparison group holds (a percentile over 3 intercepts says little).
    Ranked intercepts are those with a width that are not "including" sub-intervals.
    """

    announcement_id: int
    title: str
    ticker: str | None
    exchange: str | None
    published_at: datetime | None
    intercept: Intercept
    grade_x_width: float
    percentile: float
    group_size: int

    @property
    def commodity(self) -> str:
        """The comparison group, e.g. ``"Au g/t"``."""
        return f"{self.intercept.analyte} {self.intercept.unit}"


@dataclass(frozen=True)
class RankedAnnouncement:
    """An assessed announcement in the ranking by discovery score."""

    id: int
    title: str
    ticker: str | None
    source: str
    published_at: datetime | None
    type: str
    score: float
    band: str
    reason: str
    novelty: str


@dataclass(frozen=True)
class ArchivedResult:
    """A stored announcement as the novelty index needs it."""

    id: int
    ticker: str | None
    published_at: datetime | None
    shingles: bytes | None
    intercepts: tuple[Intercept, ...]


@dataclass(frozen=True)
class StoredFacts:
    """Company facts (A$) as stored: market capitalisation, shares on issue, cash and their dates."""

    ticker: str
    name: str | None = None
    market_cap: float | None = None
    shares_on_issue: float | None = None
    cash: float | None = None
    as_of: str | None = None
    cash_as_of: str | None = None
    source: str = ""
