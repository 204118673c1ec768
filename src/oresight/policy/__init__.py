"""Statement analysis: what a government directive, a ministry statement or a company strategy announcement
actually commits to, whether its numbers agree with independent data, and whether it repeats earlier promises.

::

    Document ─► read()  ─► Reading: date and issuer (meta.py), sentences (text.py), commitments,
                            commodities, countries, fingerprint
            ─► report() ─► PolicyReport
                  substance.py    checklist: funding, named deposits, partners, technology, capacity,
                                  deadlines, responsible bodies (present / vague / missing, with evidence)
                  claims.py       reserves, resources, production, shares, prices → context.analytics.check_claim
                  commitments.py  commitments; recycled promises against earlier stored statements
                  verdict.py      scores (substance, claims consistency, novelty) and the plain-words verdict
    service.py   the store: earlier statements in, the statement stored
    llm.py       optional written summary (OpenAI-compatible endpoint; off by default)

The cues are data: ``data/cues.yaml``. Everything but ``service.py`` and ``llm.py`` is pure.
"""

from __future__ import annotations

from oresight.policy.analyse import Reading, analyse, read, report
from oresight.policy.report import Claim, Commitment, Finding, Item, PolicyReport, Recycled, Scores

__all__ = ["Claim", "Commitment", "Finding", "Item", "PolicyReport", "Reading", "Recycled", "Scores", "analyse",
           "read", "report"]
