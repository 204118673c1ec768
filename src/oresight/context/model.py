"""The values of the context package: a reference row (one figure with its source) and how editions and
years are ordered."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

# metrics of the reference rows
RESERVES = "reserves"
MINE_PRODUCTION = "mine_production"
RESOURCES = "resources"
NATIONAL_CLAIM = "national_reserve_claim"
STAGE_SHARE = "stage_share"


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """One figure of the reference data, with where it was read.

    ``commodity`` and ``country_key`` are canonical keys (:mod:`oresight.context.aliases`); ``country`` is the
    name as the source prints it. ``metric`` is ``reserves``, ``mine_production``, ``national_reserve_claim``,
    ``stage_share`` (then ``stage`` names the supply-chain stage and ``value`` is a percent share) or another
    metric a loaded file brings. ``value`` is None when the source prints no number (``qualifier`` says why:
    ``not_available``, ``withheld``, ...); masses are in tonnes (``unit`` ``"t"``). ``dataset`` and ``line``
    locate the row in the file it was loaded from; ``id`` is its id in the store (None before it is stored).
    """

    dataset: str
    line: int
    edition: str
    edition_release: str
    data_year: str
    commodity: str
    country: str
    country_key: str
    metric: str
    value: float | None
    unit: str
    source: str
    stage: str | None = None
    qualifier: str = ""
    note: str = ""
    confidence: str = ""
    basis: str = ""
    id: int | None = None

    @property
    def is_claim(self) -> bool:
        """A national claim (not an independent estimate)."""
        return self.metric == NATIONAL_CLAIM or self.edition.lower().startswith("national claim")

    @property
    def citation(self) -> str:
        """One line: the source, edition and data year of this figure, and where it sits in its file."""
        parts = [self.source, f"edition: {self.edition}"]
        if self.data_year:
            parts.append(f"data year: {self.data_year}")
        parts.append(f"{self.dataset} line {self.line}")
        return "; ".join(p for p in parts if p)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "dataset": self.dataset, "line": self.line, "edition": self.edition,
                "edition_release": self.edition_release, "data_year": self.data_year, "commodity": self.commodity,
                "country": self.country, "country_key": self.country_key, "metric": self.metric,
                "stage": self.stage, "value": self.value, "unit": self.unit, "qualifier": self.qualifier,
                "note": self.note, "source": self.source, "confidence": self.confidence, "basis": self.basis}


_DATE = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def year_of(text: str) -> int | None:
    """The last four-digit year in ``text`` (``"2025 (estimate)"`` → 2025, ``"c.2021-2022"`` → 2022)."""
    found = _YEAR.findall(text or "")
    return int(found[-1]) if found else None


def is_projection(data_year: str) -> bool:
    """Whether a data year labels a projection (``"2030 (IEA base-case projection)"``), not a statistic."""
    return "project" in (data_year or "").lower() or "forecast" in (data_year or "").lower()


def release_key(edition: str, edition_release: str) -> tuple[int, int, int]:
    """A sortable date for an edition: its release date (``"2026-02-06 (v1.3 ...)"``, ``"2025-01"``,
    ``"2024 (data through ...)"``), else the year in its name (``"MCS 2027"``), else (0, 0, 0)."""
    m = _DATE.search(edition_release or "")
    if m:
        return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    year = year_of(edition)
    return (year, 0, 0) if year else (0, 0, 0)


def edition_order(rows: Iterable[ReferenceRow]) -> dict[str, tuple[tuple[int, int, int], str]]:
    """Each edition's sort key (oldest first): the latest release date among its rows, then its name."""
    best: dict[str, tuple[int, int, int]] = {}
    for r in rows:
        key = release_key(r.edition, r.edition_release)
        if r.edition not in best or key > best[r.edition]:
            best[r.edition] = key
    return {edition: (key, edition) for edition, key in best.items()}


def row_key(row: ReferenceRow) -> str:
    """The identity of a figure: its edition, commodity, country, metric, stage and data year (and, for a stage
    share, its source, since several sources share a year). A figure already stored under the same key is never
    overwritten: a new edition adds rows."""
    parts = [row.edition, row.commodity, row.country_key, row.metric, row.stage or "", row.data_year,
             row.source if row.metric == STAGE_SHARE else ""]
    return hashlib.sha256("\x1f".join(" ".join(p.split()).lower() for p in parts).encode("utf-8")).hexdigest()
