"""Statements and the store: earlier statements in, the report out, the statement stored (the only I/O here)."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from oresight.model import Document
from oresight.policy._data import cues
from oresight.policy.analyse import Reading, read, report
from oresight.policy.claims import Checker, StageLookup, stage_lookup
from oresight.policy.report import PolicyReport

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from oresight.store import Store
    from oresight.store._statements import NewStatement


def checker_for(store: Store | None) -> tuple[Checker, StageLookup]:
    """The reference checks (claims, stage shares): on the store's reference rows (loaded editions included) when
    there is a store, else on the shipped rows."""
    from oresight.context.analytics import check_claim

    if store is None:
        return check_claim, stage_lookup()
    from oresight.context.loader import store_rows

    rows = store_rows(store)
    return partial(check_claim, rows=rows), stage_lookup(rows)


def report_with_store(reading: Reading, store: Store | None) -> PolicyReport:
    """The report of a read statement, compared with the store's earlier statements (none without a store)."""
    earlier = []
    if store is not None:
        from oresight.store._statements import issuer_key

        earlier = store.statement_priors(
            issuer_key=issuer_key(reading.meta.issuer), topic=reading.commodity, before=reading.meta.date,
            exclude_sha256=reading.document.sha256, limit=int(cues()["recycled"]["max_priors"]))
    checker, stages = checker_for(store)
    return report(reading, priors=earlier, checker=checker, stage_shares=stages)


def analyse_with_store(document: Document, store: Store | None, *, date_arg: date | None = None,
                       issuer_arg: str | None = None) -> tuple[Reading, PolicyReport]:
    """Read a statement, compare it with the store's earlier statements (none without a store), check its claims."""
    reading = read(document, date_arg=date_arg, issuer_arg=issuer_arg)
    return reading, report_with_store(reading, store)


def new_statement(reading: Reading, r: PolicyReport) -> NewStatement:
    from oresight.store._statements import NewCommitment, NewStatement, issuer_key

    coms = tuple(NewCommitment(c.position, c.evidence.surface, c.cue, c.evidence.span, c.fingerprint)
                 for c in r.commitments)
    return NewStatement(
        sha256=r.sha256, source=r.source, title=r.title, issuer=r.issuer, issuer_key=issuer_key(r.issuer),
        stated_on=r.date, commodities=r.commodities, countries=r.countries, text=reading.document.text,
        fingerprint=r.fingerprint, substance=r.scores.substance, claims_score=r.scores.claims,
        novelty_score=r.scores.novelty, label=r.label, verdict=r.verdict, report=r.to_json(), commitments=coms)


def store_statement(store: Store, reading: Reading, r: PolicyReport) -> tuple[int, bool]:
    """Store the statement with its date, issuer, report and commitments; ``(id, created)``. A new statement is
    screened against the loaded sanctions lists (a failure is logged: the statement stays stored)."""
    from oresight.sanctions.screening import flag_document

    statement_id, created = store.add_statement(new_statement(reading, r))
    if created:
        try:
            flag_document(store, "statement", statement_id, [p.text for p in reading.document.pages], new=True)
        except Exception as e:
            log.warning("sanctions screening of statement %d failed: %s: %s", statement_id, type(e).__name__, e)
    return statement_id, created
