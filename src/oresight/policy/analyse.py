"""Reading a statement and building its report (pure: no I/O; the earlier statements come in as values)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from oresight.model import Document
from oresight.policy import claims as claims_mod
from oresight.policy import substance
from oresight.policy._data import commodities, countries, country_of, cues
from oresight.policy.commitments import (
    find_commitments,
    from_bytes,
    recycled,
    sentence_fingerprint,
    statement_fingerprint,
    to_bytes,
)
from oresight.policy.meta import Meta, read_meta
from oresight.policy.report import Commitment, PolicyReport
from oresight.policy.text import StatementText
from oresight.policy.verdict import scores, verdict

if TYPE_CHECKING:  # the store is imported only by the code that uses one (service.py)
    from oresight.store._statements import StoredStatement


@dataclass(frozen=True)
class Reading:
    """What is read from a statement before it is compared with anything: its date and issuer, sentences,
    commitments, commodities and countries, and its whole-text fingerprint."""

    document: Document
    meta: Meta
    text: StatementText
    commitments: tuple[Commitment, ...]
    commitment_ids: frozenset[int]
    commodities: tuple[str, ...]  # most named first
    countries: tuple[str, ...]  # the statement's own country first, then most named
    commodity: str | None
    country: str | None
    fingerprint: bytes
    company: bool = False  # issued by a company (an organisation suffix in its name, or a stock ticker)


_OBJECT = re.compile(r"\b(?:with|between|from|to|against|versus|than|and|including|like|as)\s+(?:the\s+)?$", re.IGNORECASE)
_TICKER = re.compile(r"\((?:ASX|TSX|TSXV|TSX-V|NYSE|NYSE American|NASDAQ|Nasdaq|LSE|AIM|JSE|HKEX|SGX|OTCQX|FSE|CSE)\s?:\s?[A-Z0-9.]{1,6}\)")


@cache
def _org_issuer() -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(cues()["company_suffixes"]) + r")(?![A-Za-z])")


def _ranked(found: Sequence[tuple[str, int, int]]) -> list[str]:
    counts = Counter(name for name, _, _ in found)
    first: dict[str, int] = {}
    for k, (name, _, _) in enumerate(found):
        first.setdefault(name, k)
    return sorted(counts, key=lambda n: (-counts[n], first[n]))


def read(document: Document, *, date_arg: date | None = None, issuer_arg: str | None = None) -> Reading:
    meta = read_meta(document, date_arg=date_arg, issuer_arg=issuer_arg)
    text = StatementText(document, skip=meta.header_spans)
    found = find_commitments(text)
    coms = tuple(Commitment(k, s.evidence, cue, to_bytes(sentence_fingerprint(s.text))) for k, (s, cue) in enumerate(found))
    body = "\n".join(s.text for s in text.sentences)
    title = document.title or ""
    goods = _ranked(commodities().find(title + "\n" + body))
    # the statement's own country: its issuer's, else the one it names most as a subject ("with China", "from
    # China", "than China" name a partner or a comparison, not the statement's country)
    mentions = countries().find(body)
    subjects = _ranked([f for f in mentions if not _OBJECT.search(body, max(0, f[1] - 30), f[1])])
    places = subjects + [p for p in _ranked(mentions) if p not in subjects]
    home = country_of(meta.issuer) if meta.issuer else None
    if home is None and subjects:
        home = subjects[0]
    if home is not None:
        places = [home, *[p for p in places if p != home]]
    first = document.pages[0].text[:3000] if document.pages else ""
    company = bool(meta.issuer and _org_issuer().search(meta.issuer)) or _TICKER.search(first) is not None
    return Reading(document, meta, text, coms, frozenset(s.index for s, _ in found), tuple(goods), tuple(places),
                   goods[0] if goods else None, home, to_bytes(statement_fingerprint(body)), company)


def report(reading: Reading, *, priors: Sequence[tuple[StoredStatement, str]] = (),
           checker: claims_mod.Checker | None = None,
           stage_shares: claims_mod.StageLookup | None = None) -> PolicyReport:
    """The report of a read statement, compared with ``priors`` (earlier stored statements with their route, as
    :meth:`oresight.store.Store.statement_priors` gives them), its claims checked with ``checker`` (default:
    :func:`oresight.context.analytics.check_claim` on the shipped reference data) and ``stage_shares`` (default:
    the shipped supply-chain stage shares)."""
    meta = reading.meta
    items = substance.check(substance.Context(reading.text, reading.commitment_ids, meta.date, meta.issuer,
                                              reading.country))
    found = claims_mod.find_claims(
        claims_mod.Context(reading.text, reading.commitment_ids, reading.commodity, reading.country, reading.company,
                           stage_shares),
        checker if checker is not None else claims_mod.default_checker())
    earlier = [(p, route) for p, route in priors if p.sha256 != reading.document.sha256
               and (meta.date is None or (p.stated_on is not None and p.stated_on < meta.date))]
    coms, rec = recycled(commitments=reading.commitments, fingerprint=from_bytes(reading.fingerprint),
                         statement_date=meta.date, priors=earlier)
    s = scores(items, found, coms, rec)
    text, label = verdict(items, found, coms, rec, s, meta.issuer)
    doc = reading.document
    return PolicyReport(
        source=doc.source, title=doc.title, sha256=doc.sha256, issuer=meta.issuer, issuer_from=meta.issuer_from,
        date=meta.date, date_from=meta.date_from, commodity=reading.commodity, country=reading.country,
        commodities=reading.commodities, countries=reading.countries, items=items, claims=found, commitments=coms,
        recycled=rec, scores=s, verdict=text, label=label, fingerprint=reading.fingerprint,
        warnings=() if meta.date else ("no date found: give --date YYYY-MM-DD (or a 'Date:' line) so earlier "
                                       "statements can be told from later ones",),
    )


def analyse(document: Document, *, date_arg: date | None = None, issuer_arg: str | None = None,
            priors: Sequence[tuple[StoredStatement, str]] = (), checker: claims_mod.Checker | None = None,
            stage_shares: claims_mod.StageLookup | None = None) -> PolicyReport:
    """Read and report in one step (see :func:`read` and :func:`report`)."""
    return report(read(document, date_arg=date_arg, issuer_arg=issuer_arg), priors=priors, checker=checker,
                  stage_shares=stage_shares)


def with_summary(r: PolicyReport, summary: str | None, warning: str | None) -> PolicyReport:
    return replace(r, summary=summary, warnings=r.warnings + ((warning,) if warning else ()))
