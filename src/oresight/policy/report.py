"""The values of a statement analysis: checklist items, claims, commitments, recycling, scores and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from oresight.model import Evidence, Span

Status = Literal["present", "vague", "missing"]


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence for a checklist item: what kind it is, where it is, and what was read from it."""

    kind: str  # amount, name, process, rate, date, relative, cue, ...
    evidence: Evidence
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = {"kind": self.kind, "quote": self.evidence.surface, **self.evidence.span.to_json()}
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True, slots=True)
class Item:
    """A substance checklist item: present (specified), vague (mentioned, not specified) or missing."""

    id: str
    label: str
    status: Status
    reason: str
    weight: float
    points: float
    evidence: tuple[Finding, ...] = ()  # the specific findings
    vague: tuple[Finding, ...] = ()  # mentions that specify nothing

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "status": self.status, "reason": self.reason,
                "weight": self.weight, "points": round(self.points, 2),
                "evidence": [f.to_json() for f in self.evidence], "vague": [f.to_json() for f in self.vague]}


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim about reserves, resources, production, a share of the world or a price, and its check."""

    metric: str  # reserves, resources, production, share, price
    measure: str | None  # for a share: what it is a share of (reserves, production, resources)
    commodity: str | None
    commodity_from: str  # sentence, statement, none
    country: str | None
    country_from: str  # sentence, statement, world, none
    value: float  # as stated, in its unit
    unit: str  # t, %, USD/t
    value_t: float | None  # tonnes claimed (for a share: the share of the independent world total)
    qualifier: str | None  # more than, up to, about, ...
    target: bool  # stated as a goal (a commitment), not as a fact about the present
    year: int | None
    evidence: Evidence  # the quantity
    sentence: Evidence
    status: str  # checked, unchecked
    reason: str  # "7.6x the USGS estimate (3.8 Mt, MCS 2026)" or why it could not be checked
    ratio: float | None = None
    check: dict[str, Any] | None = None  # the reference check (claimed, independent, ratio, shares, source, edition)
    within_rounding: bool = False  # the independent figure rounds to the number as printed ("about 1%" for 0.7%)

    @property
    def consistent(self) -> bool | None:
        """Whether the claim agrees with the independent figure (None: not checked, or a target)."""
        from oresight.policy._data import cues

        if self.ratio is None or self.target:
            return None
        low, high = cues()["agreement"]
        return self.within_rounding or bool(low <= self.ratio <= high)

    def to_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric, "measure": self.measure, "commodity": self.commodity,
            "commodity_from": self.commodity_from, "country": self.country, "country_from": self.country_from,
            "value": self.value, "unit": self.unit, "value_t": self.value_t, "qualifier": self.qualifier,
            "target": self.target, "year": self.year, "quote": self.evidence.surface, **self.evidence.span.to_json(),
            "sentence": self.sentence.surface, "status": self.status, "reason": self.reason,
            "ratio": _r(self.ratio), "consistent": self.consistent, "check": self.check,
        }


@dataclass(frozen=True, slots=True)
class Restatement:
    """The earlier commitment that a commitment restates."""

    statement_id: int
    issuer: str | None
    date: date | None
    title: str
    quote: str
    span: Span
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return {"statement_id": self.statement_id, "issuer": self.issuer,
                "date": self.date.isoformat() if self.date else None, "title": self.title, "quote": self.quote,
                **self.span.to_json(), "similarity": round(self.similarity, 4)}


@dataclass(frozen=True, slots=True)
class Commitment:
    """A sentence that promises or orders something; ``restates`` the earlier commitment it repeats, if any."""

    position: int
    evidence: Evidence
    cue: str
    fingerprint: bytes = field(repr=False, compare=False, default=b"")
    restates: Restatement | None = None
    best: Restatement | None = None  # the most similar earlier commitment, even below the threshold

    def to_json(self) -> dict[str, Any]:
        return {"position": self.position, "quote": self.evidence.surface, **self.evidence.span.to_json(),
                "cue": self.cue, "restates": self.restates.to_json() if self.restates else None,
                "closest": self.best.to_json() if self.best else None}


@dataclass(frozen=True, slots=True)
class PriorMatch:
    """An earlier stored statement compared with this one."""

    statement_id: int
    issuer: str | None
    date: date | None
    title: str
    route: str  # issuer, topic, issuer+topic
    similarity: float  # whole-text similarity (sampled 5-word shingles, novelty module)
    restated: int  # this statement's commitments that restate one of its commitments

    def to_json(self) -> dict[str, Any]:
        return {"statement_id": self.statement_id, "issuer": self.issuer,
                "date": self.date.isoformat() if self.date else None, "title": self.title, "route": self.route,
                "similarity": round(self.similarity, 4), "restated": self.restated}


@dataclass(frozen=True, slots=True)
class Recycled:
    status: str  # unchecked, new, partly_recycled, recycled, near_identical
    reason: str
    compared: int  # earlier statements compared
    share_restated: float | None  # commitments restating an earlier commitment / commitments
    priors: tuple[PriorMatch, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "reason": self.reason, "compared": self.compared,
                "share_restated": _r(self.share_restated), "priors": [p.to_json() for p in self.priors]}


@dataclass(frozen=True, slots=True)
class Scores:
    substance: float  # 0-100
    claims: float | None  # 0-100, None without a checked claim
    novelty: float | None  # 0-100, None without commitments or earlier statements

    def to_json(self) -> dict[str, Any]:
        return {"substance": round(self.substance, 1), "claims_consistency": _r(self.claims, 1),
                "novelty_of_commitments": _r(self.novelty, 1)}


@dataclass(frozen=True, slots=True)
class PolicyReport:
    source: str
    title: str
    sha256: str
    issuer: str | None
    issuer_from: str | None
    date: date | None
    date_from: str | None
    commodity: str | None  # the statement's main commodity
    country: str | None  # the statement's own country (issuer's, else the most named)
    commodities: tuple[str, ...]
    countries: tuple[str, ...]
    items: tuple[Item, ...]
    claims: tuple[Claim, ...]
    commitments: tuple[Commitment, ...]
    recycled: Recycled
    scores: Scores
    verdict: str
    label: str  # the verdict's first words (substantive, partly substantive, rhetoric over substance)
    fingerprint: bytes = field(repr=False, compare=False, default=b"")  # whole-text shingles (novelty module)
    summary: str | None = None  # written by the optional language-model adapter
    warnings: tuple[str, ...] = ()

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "title": self.title, "sha256": self.sha256,
            "issuer": self.issuer, "issuer_from": self.issuer_from,
            "date": self.date.isoformat() if self.date else None, "date_from": self.date_from,
            "commodity": self.commodity, "country": self.country,
            "commodities": list(self.commodities), "countries": list(self.countries),
            "verdict": self.verdict, "label": self.label, "scores": self.scores.to_json(),
            "substance": [i.to_json() for i in self.items],
            "claims": [c.to_json() for c in self.claims],
            "commitments": [c.to_json() for c in self.commitments],
            "recycled": self.recycled.to_json(),
            "summary": self.summary, "warnings": list(self.warnings),
        }
