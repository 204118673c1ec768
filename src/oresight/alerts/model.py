"""The values that alerting passes around: an :class:`Alert` (one announcement for one rule, in one
phase) and a :class:`Digest` (a rule's alerts of a period, sent as one message).

Phases of an alert:

* ``early`` — headline only, sent at once to a rule with ``early = true`` while the PDF is still coming;
* ``completed`` — the follow-up of an early alert once the document has been assessed;
* ``assessed`` — the normal alert, sent when the assessed document matches the rule.

``key`` is the idempotency key (rule, channel, announcement, phase). A receiver that sees the same key
twice (possible only if Oresight was killed between a receiver's answer and recording it) must treat
the second as a repeat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Phase = Literal["early", "completed", "assessed"]
PHASES: tuple[Phase, ...] = ("early", "completed", "assessed")


@dataclass(frozen=True)
class Alert:
    """One announcement for one rule. ``why`` says in one line why the rule fired; ``links`` point to the
    evidence (``announcement``: the dashboard page of the assessed announcement; ``document``: the
    source's document)."""

    key: str
    rule: str
    phase: Phase
    announcement: str  # source:key of the announcement
    headline: str
    why: str
    ticker: str | None = None
    published_at: datetime | None = None
    price_sensitive: bool | None = None
    announcement_id: int | None = None  # the stored announcement (None for an early alert)
    score: float | None = None
    band: str | None = None
    type: str | None = None
    commodities: tuple[str, ...] = ()
    best: str | None = None  # the best result in one line, e.g. "36 m @ 2.5 g/t Au from 68 m (OSD-014)"
    reason: str | None = None  # the score's reason
    links: tuple[tuple[str, str], ...] = ()
    created_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def title(self) -> str:
        """A short title line: ``[SIGNIFICANT 62] ABC — Drilling hits 36 m @ 2.5 g/t Au``."""
        tag = {"early": "EARLY", "completed": "UPDATE"}.get(self.phase)
        score = f"{self.band.upper()} {self.score:.0f}" if self.band and self.score is not None else None
        head = " ".join(f"[{t}]" for t in (tag, score) if t)
        who = f"{self.ticker} — " if self.ticker else ""
        return f"{head} {who}{self.headline}".strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "alert", "key": self.key, "rule": self.rule, "phase": self.phase,
            "announcement": self.announcement, "announcement_id": self.announcement_id,
            "ticker": self.ticker, "headline": self.headline, "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "price_sensitive": self.price_sensitive, "score": self.score, "band": self.band, "type": self.type,
            "commodities": list(self.commodities), "best": self.best, "why": self.why, "reason": self.reason,
            "links": dict(self.links),
            "created_at": self.created_at.isoformat() if self.created_at else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Alert:
        def when(v: Any) -> datetime | None:
            return datetime.fromisoformat(v) if isinstance(v, str) and v else None

        return cls(key=data["key"], rule=data["rule"], phase=data["phase"], announcement=data["announcement"],
                   headline=data["headline"], why=data["why"], ticker=data.get("ticker"),
                   published_at=when(data.get("published_at")), price_sensitive=data.get("price_sensitive"),
                   announcement_id=data.get("announcement_id"), score=data.get("score"), band=data.get("band"),
                   type=data.get("type"), commodities=tuple(data.get("commodities") or ()), best=data.get("best"),
                   reason=data.get("reason"), links=tuple((data.get("links") or {}).items()),
                   created_at=when(data.get("created_at")))


@dataclass(frozen=True)
class Digest:
    """A rule's alerts over a period (the morning digest), sent as one message per channel."""

    key: str
    rule: str
    period_start: datetime
    period_end: datetime
    alerts: tuple[Alert, ...]

    @property
    def title(self) -> str:
        n = len(self.alerts)
        return f"Oresight digest — {self.rule}: {n} announcement{'s' if n != 1 else ''} ({self.period_end:%Y-%m-%d})"

    def to_json(self) -> dict[str, Any]:
        return {"kind": "digest", "key": self.key, "rule": self.rule, "title": self.title,
                "period_start": self.period_start.isoformat(), "period_end": self.period_end.isoformat(),
                "alerts": [a.to_json() for a in self.alerts]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Digest:
        return cls(key=data["key"], rule=data["rule"], period_start=datetime.fromisoformat(data["period_start"]),
                   period_end=datetime.fromisoformat(data["period_end"]),
                   alerts=tuple(Alert.from_json(a) for a in data.get("alerts", ())))


Message = Alert | Digest


def message_from_json(data: dict[str, Any]) -> Message:
    return Digest.from_json(data) if data.get("kind") == "digest" else Alert.from_json(data)
