"""Assessment of analysed announcements: what a result means for a reader.

``assess(analysis)`` is pure: it takes the document and its extraction (plus, when known, company facts,
the company's history and a novelty verdict against the archive) and returns an :class:`Assessment`:
the announcement type, the discovery score with every factor, the reporting checklist and the novelty.

    types.py         announcement types (rules in data/types.yaml)
    reporting.py     JORC / ASX reporting checklist and red flags (data/reporting.yaml)
    significance.py  the discovery score (data/weights.yaml; values.py prices grades from the reference deck)
    novelty.py       near-duplicate documents and re-announced intercepts against the archive
    facts.py         company facts: market capitalisation, shares, cash (CSV, ASX directory, Appendix 5B)
    calibrate.py     refits the weights from a user's outcomes
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oresight.assess._text import Pages
from oresight.assess.facts import CompanyFacts, appendix_5b_cash
from oresight.assess.novelty import UNCHECKED, Novelty, NoveltyIndex, fingerprint
from oresight.assess.reporting import check
from oresight.assess.significance import Facts, Weights, score
from oresight.assess.significance import weights as active_weights
from oresight.assess.types import classify
from oresight.model import Analysis, AnnouncementType, Evidence, Reporting, Significance

__all__ = ["Assessment", "CompanyFacts", "Novelty", "NoveltyIndex", "assess", "fingerprint", "rescore"]


@dataclass(frozen=True)
class Assessment:
    type: AnnouncementType
    significance: Significance
    reporting: Reporting
    novelty: Novelty
    cash: tuple[float, Evidence, str | None] | None = None  # quarter-end cash read from an Appendix 5B (A$)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type.to_json(), "significance": self.significance.to_json(),
                               "reporting": self.reporting.to_json(), "novelty": self.novelty.to_json()}
        if self.cash is not None:
            out["appendix_5b_cash"] = {"cash_aud": self.cash[0], "quarter_ended": self.cash[2],
                                       "evidence": self.cash[1].to_json()}
        return out


def assess(analysis: Analysis, *, facts: CompanyFacts | None = None, history: int | None = None,
           novelty: Novelty | None = None, weights: Weights | None = None) -> Assessment:
    """The assessment of one analysed announcement (pure; deterministic)."""
    pages = Pages(analysis.document)
    extraction = analysis.extraction
    kind = classify(pages, extraction)
    w = weights or active_weights()
    reporting = check(pages, extraction, red_flag_penalty=float(w.data["credibility"]["red_flag_penalty"]))
    nov = novelty or UNCHECKED
    sig = _score(pages, analysis, kind, reporting, facts, history, nov, w)
    cash = appendix_5b_cash(analysis.document) if kind.type == "quarterly" or "5b" in pages.headline.lower() else None
    return Assessment(kind, sig, reporting, nov, cash)


def rescore(analysis: Analysis, assessment: Assessment, *, facts: CompanyFacts | None = None,
            history: int | None = None, novelty: Novelty | None = None, weights: Weights | None = None) -> Assessment:
    """``assess`` again with other company facts, history or novelty: the type and the reporting checklist
    do not depend on them, so only the score is computed again (the result equals ``assess``'s)."""
    w = weights or active_weights()
    nov = novelty or UNCHECKED
    sig = _score(Pages(analysis.document), analysis, assessment.type, assessment.reporting, facts, history, nov, w)
    return Assessment(assessment.type, sig, assessment.reporting, nov, assessment.cash)


def _score(pages: Pages, analysis: Analysis, kind: AnnouncementType, reporting: Reporting,
           facts: CompanyFacts | None, history: int | None, nov: Novelty, w: Weights) -> Significance:
    f = Facts(facts.market_cap, facts.cash, facts.source or facts.ticker) if facts else None
    return score(pages, analysis.extraction, kind, reporting, facts=f, history=history,
                 repeated_share=nov.share_repeated if nov.flagged else 0.0,
                 duplicate=nov.status == "duplicate", novelty_reason=nov.reason, w=w)
