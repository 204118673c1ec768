"""Assessment against an archive: the novelty index built once from the store, company facts and
history looked up per ticker, each assessed announcement stored with its assessment and fingerprint.

    assessor = Assessor(store)                 # store may be None: no novelty, no history
    assessment = assessor.assess(analysis)     # pure assessment with archive context
    ann_id, created, assessment = assessor.ingest(analysis, source="file:a.pdf")
"""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import numpy as np

from oresight.assess import Assessment, assess
from oresight.assess.facts import CompanyFacts, parse_date
from oresight.assess.novelty import UNCHECKED, Novelty, NoveltyIndex, fingerprint
from oresight.model import Analysis, Document
from oresight.sanctions.screening import document_matcher, flag_document
from oresight.store import Store, StoredFacts

log = logging.getLogger(__name__)

CONTEXT_TTL = 60.0


def _main_ticker(analysis: Analysis) -> str | None:
    companies = analysis.extraction.companies
    return companies[0].ticker if companies else None


class Assessor:
    def __init__(self, store: Store | None = None, *, facts: dict[str, CompanyFacts] | None = None) -> None:
        self.store = store
        self.facts = dict(facts or {})
        self._index: NoveltyIndex | None = None
        self._context: dict[str, tuple[float, CompanyFacts | None, int | None]] = {}

    @property
    def index(self) -> NoveltyIndex | None:
        if self.store is None:
            return None
        if self._index is None:
            index = NoveltyIndex()
            for row in self.store.archive():
                fp = np.frombuffer(row.shingles, dtype=np.uint32) if row.shingles else np.zeros(0, dtype=np.uint32)
                index.add(str(row.id), fingerprint=fp, intercepts=row.intercepts, ticker=row.ticker,
                          published=row.published_at.date().isoformat() if row.published_at else None)
            self._index = index
        return self._index

    def company_facts(self, ticker: str | None, *, market_cap: float | None = None,
                      cash: float | None = None) -> CompanyFacts | None:
        base: CompanyFacts | None = None
        if ticker:
            base = self.facts.get(ticker)
            if base is None and self.store is not None:
                s = self.store.facts(ticker)
                if s is not None:
                    base = CompanyFacts(s.ticker, s.name, s.market_cap, s.shares_on_issue, s.cash, s.as_of,
                                        s.cash_as_of, s.source or "stored company facts")
        if market_cap is None and cash is None:
            return base
        base = base or CompanyFacts(ticker or "-", source="command line")
        return replace(base, market_cap=market_cap if market_cap is not None else base.market_cap,
                       cash=cash if cash is not None else base.cash, source="command line")

    def context(self, ticker: str | None) -> tuple[CompanyFacts | None, int | None]:
        """The company facts and result history an assessment of ``ticker`` uses (for assessing elsewhere,
        e.g. in a worker process, with :func:`oresight.assess.assess`). Cached for a minute per ticker (facts
        imported by another process show up within that time); an ingest for the ticker refreshes it."""
        if not ticker:
            return None, None
        now = time.monotonic()
        hit = self._context.get(ticker)
        if hit is not None and hit[0] > now:
            return hit[1], hit[2]
        facts = self.company_facts(ticker)
        history = self.store.results_before(ticker, None) if self.store is not None else None
        self._context[ticker] = (now + CONTEXT_TTL, facts, history)
        return facts, history

    def novelty(self, analysis: Analysis, *, exclude: int | None = None, published_at: datetime | None = None,
                shingles: np.ndarray | None = None) -> Novelty:
        index = self.index
        if index is None or not len(index):
            return UNCHECKED
        when = published_at or published_date(analysis.document)
        fp = shingles if shingles is not None else fingerprint(analysis.document.text)
        return index.check(fingerprint=fp, intercepts=analysis.extraction.intercepts,
                           ticker=_main_ticker(analysis), exclude=str(exclude) if exclude is not None else None,
                           published=when.date().isoformat() if when else None)

    def assess(self, analysis: Analysis, *, market_cap: float | None = None, cash: float | None = None,
               exclude: int | None = None, published_at: datetime | None = None,
               shingles: np.ndarray | None = None) -> Assessment:
        ticker = _main_ticker(analysis)
        facts = self.company_facts(ticker, market_cap=market_cap, cash=cash)
        if exclude is None and self.store is not None:
            exclude = self.store.find(analysis.document.sha256)  # a stored document is not new against itself
        novelty = self.novelty(analysis, exclude=exclude, published_at=published_at, shingles=shingles)
        history = None
        if self.store is not None and ticker:
            history = self.store.results_before(ticker, exclude)
        return assess(analysis, facts=facts, history=history, novelty=novelty)

    def ingest(self, analysis: Analysis, *, source: str, published_at: datetime | None = None,
               market_cap: float | None = None, cash: float | None = None, precomputed: Assessment | None = None,
               shingles: np.ndarray | None = None, checked: bool = False) -> tuple[int, bool, Assessment | None]:
        """Assess against the archive, then store the announcement, its assessment and fingerprint.

        An announcement already stored (same content) keeps its id and its stored assessment: ingesting a
        folder again changes nothing and returns no assessment (novelty is judged once, against what was
        stored before it)."""
        if self.store is None:
            raise ValueError("Assessor.ingest needs a store")
        published_at = published_at or published_date(analysis.document)
        existing = self.store.find(analysis.document.sha256)
        if existing is not None and self.store.assessment(existing) is not None:
            return existing, False, None
        fp = shingles if shingles is not None else fingerprint(analysis.document.text)
        assessment: Assessment | None = None
        if precomputed is not None and checked:
            assessment = precomputed  # assessed elsewhere with this archive's novelty verdict
        elif precomputed is not None and market_cap is None and cash is None:
            # assessed elsewhere with this archive's facts and history but without novelty: kept unless the
            # archive finds a repeat (then the score changes, so it is assessed again here)
            novelty = self.novelty(analysis, exclude=existing, published_at=published_at, shingles=fp)
            if not novelty.flagged:
                assessment = replace(precomputed, novelty=novelty)
        if assessment is None:
            assessment = self.assess(analysis, market_cap=market_cap, cash=cash, exclude=existing,
                                     published_at=published_at, shingles=fp)
        ann_id, created = self.store.add(analysis, source=source, published_at=published_at)
        if ticker_now := _main_ticker(analysis):
            self._context.pop(ticker_now, None)
        self.store.set_assessment(ann_id, assessment.to_json())
        if created:
            self.store.set_fingerprint(ann_id, fp.astype(np.uint32).tobytes())
            self._screen([(ann_id, analysis)])
            if self._index is not None:
                ticker = _main_ticker(analysis)
                self._index.add(str(ann_id), fingerprint=fp, intercepts=analysis.extraction.intercepts, ticker=ticker,
                                published=published_at.date().isoformat() if published_at else None)
        if assessment.cash is not None and (ticker := _main_ticker(analysis)):
            cash_aud, _, quarter = assessment.cash
            self.store.put_facts([StoredFacts(ticker, cash=cash_aud, cash_as_of=quarter,
                                              source=f"Appendix 5B ({source})")])
            self.facts.pop(ticker, None)
        return ann_id, created, assessment


    def ingest_assessed(self, batch: list[tuple[Analysis, str, datetime | None, Assessment, np.ndarray]]
                        ) -> list[tuple[int, bool, dict[str, Any] | None]]:
        """Store announcements assessed elsewhere (novelty included), in one transaction: each ``(analysis,
        source, published_at, assessment, fingerprint)``. Returns ``(id, created, stored assessment json)``;
        an announcement stored before keeps its first assessment (returned as stored)."""
        if self.store is None:
            raise ValueError("Assessor.ingest_assessed needs a store")
        rows = [(a, src, when or published_date(a.document), asm.to_json(), fp.astype(np.uint32).tobytes())
                for a, src, when, asm, fp in batch]
        stored = self.store.add_assessed(rows)
        out: list[tuple[int, bool, dict[str, Any] | None]] = []
        for (analysis, source, _when, assessment, fp), (ann_id, created), row in zip(batch, stored, rows, strict=True):
            ticker = _main_ticker(analysis)
            hit = self._context.get(ticker) if ticker else None
            if ticker and hit is not None and created and any(math.isfinite(i.grade) for i in analysis.extraction.intercepts):
                expires, facts, history = hit  # one more announcement with results: the count the store would give
                self._context[ticker] = (expires, facts, None if history is None else history + 1)
            if created and self._index is not None:
                self._index.add(str(ann_id), fingerprint=fp, intercepts=analysis.extraction.intercepts, ticker=ticker,
                                published=row[2].date().isoformat() if row[2] else None)
            if created and assessment.cash is not None and ticker:
                cash_aud, _, quarter = assessment.cash
                self.store.put_facts([StoredFacts(ticker, cash=cash_aud, cash_as_of=quarter,
                                                  source=f"Appendix 5B ({source})")])
                self.facts.pop(ticker, None)
                self._context.pop(ticker, None)
            out.append((ann_id, created, row[3] if created else self.store.assessment(ann_id)))
        self._screen([(ann_id, analysis) for (analysis, *_), (ann_id, created) in zip(batch, stored, strict=True)
                      if created])
        return out

    def _screen(self, stored: list[tuple[int, Analysis]]) -> None:
        """Flag newly stored announcements that name a sanctioned party (when a sanctions list is loaded).
        Screening never stops an announcement from being stored: a failure is logged."""
        if not stored or self.store is None:
            return
        try:
            if document_matcher(self.store) is None:  # no list loaded: one small query for the whole batch
                return
            for ann_id, analysis in stored:
                flag_document(self.store, "announcement", ann_id, [p.text for p in analysis.document.pages], new=True)
        except Exception as e:
            log.warning("sanctions screening of %d announcement(s) failed: %s: %s", len(stored), type(e).__name__, e)


def published_date(document: Document) -> datetime | None:
    """The release date: the document's date metadata (front matter, <meta>, PDF info), else the first date
    in the letterhead block at the top of page 1."""
    for key in ("date", "published", "article:published_time", "pubdate", "creationdate"):
        raw = document.meta(key)
        if raw:
            try:  # an ISO timestamp keeps its time: same-day releases stay in order
                stamp = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
                return stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
            except ValueError:
                pass
            d = parse_date(raw)
            if d is None and re.match(r"D:(\d{4})(\d\d)(\d\d)", raw):
                m = re.match(r"D:(\d{4})(\d\d)(\d\d)", raw)
                assert m is not None
                try:
                    d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    d = None
            if d is not None:
                return datetime(d.year, d.month, d.day, tzinfo=UTC)
    head = document.pages[0].text[:400] if document.pages else ""
    d = parse_date(head)
    return datetime(d.year, d.month, d.day, tzinfo=UTC) if d else None
