"""Rules: which announcements a user wants, and where. Pure: an announcement and a rule give a
:class:`Match` (with the reasons it matched) or None.

A rule's filters are all optional and all must hold: tickers, commodities, a minimum score, a minimum
band, announcement types, price-sensitive only, keywords (whole words or phrases, case-insensitive,
in the headline or the document). Routine filings and trading halts (the assessment's ``noise``) never
match unless the rule names their type.

A headline alone (the ASX lists an announcement before its PDF can be read) can be judged on ticker,
price sensitivity and headline keywords only; a rule with ``early = true`` gets an ``early`` alert when
those hold, and later a ``completed`` alert with the assessment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

BAND_ORDER = ("watch", "notable", "significant", "exceptional")
Mode = Literal["urgent", "digest"]


@dataclass(frozen=True)
class Candidate:
    """What a rule is judged on. ``assessment`` is ``Assessment.to_json()`` (None: headline only);
    ``text`` the document text (None: headline only)."""

    headline: str
    ticker: str | None = None
    price_sensitive: bool | None = None
    commodities: tuple[str, ...] = ()
    text: str | None = None
    assessment: Mapping[str, Any] | None = None

    @property
    def score(self) -> float | None:
        if self.assessment is None:
            return None
        return float(self.assessment["significance"]["score"])

    @property
    def band(self) -> str | None:
        return None if self.assessment is None else str(self.assessment["significance"]["band"])

    @property
    def type(self) -> str | None:
        return None if self.assessment is None else str(self.assessment["type"]["type"])

    @property
    def noise(self) -> bool:
        return bool(self.assessment and self.assessment["type"].get("noise"))


@dataclass(frozen=True)
class Match:
    rule: str
    reasons: tuple[str, ...]  # the conditions that held, e.g. "score 72 ≥ 50", "commodity Au"
    pending: tuple[str, ...] = ()  # conditions a headline could not decide (early alerts)

    @property
    def why(self) -> str:
        held = ", ".join(self.reasons) if self.reasons else "every announcement"
        wait = f"; awaiting the document for {', '.join(self.pending)}" if self.pending else ""
        return f"rule {self.rule!r}: {held}{wait}"


@dataclass(frozen=True)
class Rule:
    name: str
    channels: tuple[str, ...] = ()
    tickers: frozenset[str] = frozenset()
    commodities: frozenset[str] = frozenset()
    min_score: float | None = None
    min_band: str | None = None
    types: frozenset[str] = frozenset()
    price_sensitive_only: bool = False
    keywords: tuple[str, ...] = ()
    mode: Mode = "urgent"
    early: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.min_band is not None and self.min_band not in BAND_ORDER:
            raise ValueError(f"rule {self.name!r}: min_band must be one of {', '.join(BAND_ORDER)}")
        if self.mode not in ("urgent", "digest"):
            raise ValueError(f"rule {self.name!r}: mode must be urgent or digest")

    @cached_property
    def _keyword_patterns(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        out = []
        for kw in self.keywords:
            words = [re.escape(w) for w in kw.split()]
            if words:
                out.append((kw, re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)))
        return tuple(out)

    def match(self, c: Candidate) -> Match | None:
        """The match, or None. With ``c.assessment`` None (headline only), conditions that need the
        document are listed in ``pending`` instead of being judged."""
        reasons: list[str] = []
        pending: list[str] = []
        if self.tickers:
            if not c.ticker or c.ticker.upper() not in self.tickers:
                return None
            reasons.append(f"ticker {c.ticker.upper()}")
        if self.price_sensitive_only:
            if c.price_sensitive is False:
                return None
            if c.price_sensitive is None and c.assessment is None:
                pending.append("price sensitivity")
            elif c.price_sensitive:
                reasons.append("price-sensitive")
        if self._keyword_patterns:
            hits = [kw for kw, p in self._keyword_patterns if p.search(c.headline) or (c.text and p.search(c.text))]
            if not hits:
                if c.text is None and c.assessment is None:
                    pending.append("keywords")
                else:
                    return None
            else:
                reasons.append("keyword " + ", ".join(repr(h) for h in hits[:3]))
        if c.assessment is None:
            for label, needed in (("commodities", self.commodities), ("types", self.types),
                                  ("score", self.min_score is not None), ("band", self.min_band)):
                if needed:
                    pending.append(label)
            return Match(self.name, tuple(reasons), tuple(pending))
        # assessed
        if c.noise and (not self.types or c.type not in self.types):
            return None
        if self.commodities:
            hit = [x for x in c.commodities if x in self.commodities]
            if not hit:
                return None
            reasons.append("commodity " + ", ".join(hit))
        if self.types:
            if c.type not in self.types:
                return None
            reasons.append(f"type {c.type}")
        score, band = c.score, c.band
        if self.min_score is not None:
            if score is None or score < self.min_score:
                return None
            reasons.append(f"score {score:.0f} ≥ {self.min_score:g}")
        if self.min_band is not None:
            if band not in BAND_ORDER or BAND_ORDER.index(band) < BAND_ORDER.index(self.min_band):
                return None
            reasons.append(f"band {band} ≥ {self.min_band}")
        return Match(self.name, tuple(reasons))


def rule_from_mapping(data: Mapping[str, Any]) -> Rule:
    """A rule from a validated config mapping (see :mod:`oresight.config`)."""

    def upper(values: Iterable[str] | None) -> frozenset[str]:
        return frozenset(v.strip().upper() for v in values or () if v.strip())

    commodities = frozenset(_canonical(v) for v in data.get("commodities") or () if v.strip())
    return Rule(name=data["name"], channels=tuple(data.get("channels") or ()), tickers=upper(data.get("tickers")),
                commodities=commodities, min_score=data.get("min_score"), min_band=data.get("min_band"),
                types=frozenset(t.strip().lower() for t in data.get("types") or ()),
                price_sensitive_only=bool(data.get("price_sensitive_only")),
                keywords=tuple(k for k in data.get("keywords") or () if k.strip()),
                mode=data.get("mode") or "urgent", early=bool(data.get("early")))


_FAMILY = {
    "li2o": "Li", "lithium": "Li", "u3o8": "U", "uranium": "U", "treo": "REE", "mreo": "REE", "ndpr": "REE",
    "dy2o3": "REE", "tb4o7": "REE", "ree": "REE", "rare earths": "REE", "rare earth": "REE", "v2o5": "V",
    "vanadium": "V", "wo3": "W", "tungsten": "W", "tio2": "Ti", "titanium": "Ti", "tgc": "C", "graphite": "C",
    "3e": "Pt", "pge": "Pt", "platinum": "Pt", "palladium": "Pd", "gold": "Au", "silver": "Ag", "copper": "Cu",
    "nickel": "Ni", "cobalt": "Co", "zinc": "Zn", "lead": "Pb", "tin": "Sn", "molybdenum": "Mo", "antimony": "Sb",
    "manganese": "Mn", "iron": "Fe", "iron ore": "Fe", "niobium": "Nb", "tantalum": "Ta", "ta2o5": "Ta",
    "nb2o5": "Nb", "mn": "Mn", "fe": "Fe",
}


def _canonical(symbol: str) -> str:
    """A commodity as the extraction lists it (elements; ``REE`` for rare earths, ``C`` for graphite):
    ``au`` and ``gold`` → ``Au``, ``Li2O`` → ``Li``, ``TREO`` → ``REE``."""
    s = " ".join(symbol.split())
    if s.lower() in _FAMILY:
        return _FAMILY[s.lower()]
    return s[:1].upper() + s[1:].lower() if len(s) <= 2 else s
