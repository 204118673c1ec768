"""Scores and the plain-words verdict, built from the parts.

- **substance** (0-100): the checklist's points over its weights; a present item earns its weight, a vague one
  ``scores.vague_credit`` of it, a missing one nothing (weights in ``data/cues.yaml``).
- **claims consistency** (0-100, None without a checked claim that is not a target): the mean over checked
  claims of ``100 × max(0, 1 − |log10 ratio|)``: 100 for agreement, 70 at 2× (or ½×), 0 at 10× or more.
- **novelty of commitments** (0-100, None without commitments or earlier statements): the share of
  commitments that restate no earlier commitment.

The verdict opens with the substance band (``scores.bands``), then lists what is missing or vague, the claims
that disagree with the reference, and the earlier statement the commitments restate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from oresight.policy._data import cues
from oresight.policy.claims import tonnes
from oresight.policy.report import Claim, Commitment, Item, Recycled, Scores


def scores(items: Sequence[Item], claims: Sequence[Claim], commitments: Sequence[Commitment],
           recycled: Recycled) -> Scores:
    total = sum(i.weight for i in items)
    substance = 100.0 * sum(i.points for i in items) / total if total else 0.0
    judged = [c for c in claims if c.ratio is not None and not c.target and c.ratio > 0]
    claims_score = (sum(100.0 * max(0.0, 1.0 - abs(math.log10(c.ratio or 1.0))) for c in judged) / len(judged)
                    if judged else None)
    novelty = None
    if commitments and recycled.status != "unchecked":
        novelty = 100.0 * sum(1 for c in commitments if c.restates is None) / len(commitments)
    return Scores(substance, claims_score, novelty)


def band(substance: float) -> str:
    for threshold, label in cues()["scores"]["bands"]:
        if substance >= float(threshold):
            return str(label)
    return str(cues()["scores"]["bands"][-1][1])


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _claim_words(c: Claim) -> str | None:
    if c.ratio is None or c.check is None:
        return None
    src = str(c.check.get("source_short") or c.check.get("source") or "reference")
    if c.metric == "price":
        src = "reference"
    what = {"reserves": "reserve", "resources": "resource", "production": "production", "share": "share",
            "price": "price"}.get(c.metric, c.metric)
    noun = "target" if c.target else "claim"
    if c.consistent:
        return f"{what} {noun} agrees with the {src} figure ({c.ratio:.2f}×)"
    if c.target:
        return f"{what} target {c.ratio:.1f}× the {src} figure for today"
    if c.ratio >= 1:
        return f"{what} {noun} {c.ratio:.1f}× the {src} estimate"
    return f"{what} {noun} only {c.ratio:.2f}× the {src} estimate"


def verdict(items: Sequence[Item], claims: Sequence[Claim], commitments: Sequence[Commitment], recycled: Recycled,
            s: Scores, issuer: str | None = None) -> tuple[str, str]:
    """(the verdict, its first words)."""
    spec = cues()["items"]
    label = band(s.substance)
    parts: list[str] = []
    lacking = []
    for i in items:  # in checklist order
        if i.status == "missing":
            lacking.append(str(spec[i.id]["missing_words"]))
        elif i.status == "vague":
            words = str(spec[i.id]["vague_words"])
            if spec[i.id].get("quote_in_verdict") and i.vague:
                first = min(i.vague, key=lambda f: (f.detail.get("cue", 99), f.evidence.span))  # the most telling cue
                quote = first.evidence.surface
                words += f' ("{" ".join(quote.split())[:40]}")'
            lacking.append(words)
    present = [str(spec[i.id]["present_words"]) for i in items if i.status == "present"]
    if lacking:
        parts.append(", ".join(lacking))
    if present:
        parts.append("states " + _join(present))
    # claims: the ones that disagree first, then agreement
    checked = [c for c in claims if c.ratio is not None]
    off = [c for c in checked if c.consistent is False]
    targets = [c for c in checked if c.target]
    agree = [c for c in checked if c.consistent]
    shown = [w for w in (_claim_words(c) for c in off[:3] + targets[:1]) if w]
    if not off and agree:
        shown.append(_claim_words(agree[0]) or "")
    unchecked = [c for c in claims if c.ratio is None and c.metric != "price"]
    if shown:
        parts.append("; ".join(w for w in shown if w))
    elif unchecked:
        parts.append(f"{len(unchecked)} numeric claim(s) not checkable against the reference")
    # recycled promises
    parts.append(_recycled_words(commitments, recycled, issuer))
    text = f"{label}: " + "; ".join(p for p in parts if p)
    if s.claims is not None and s.claims < 50 and label == "substantive":
        text += " (but the figures do not agree with the reference)"
    return text, label


def _recycled_words(commitments: Sequence[Commitment], recycled: Recycled, issuer: str | None) -> str:
    if recycled.status == "unchecked":
        return "no earlier statement stored to compare the commitments with"
    if not commitments:
        words = "no commitments"
        if recycled.priors and recycled.status == "near_identical":
            p = recycled.priors[0]
            words += f"; text near-identical to a {p.date.year if p.date else 'stored'} statement"
        return words
    restating = [c for c in commitments if c.restates is not None]
    if not restating:
        return f"commitments new against {recycled.compared} earlier statement(s)"
    counts: dict[int, list[Commitment]] = {}
    for c in restating:
        assert c.restates is not None
        counts.setdefault(c.restates.statement_id, []).append(c)

    def weight(kv: tuple[int, list[Commitment]]) -> tuple[int, int]:
        r = kv[1][0].restates
        return len(kv[1]), -(r.date.toordinal() if r is not None and r.date else 0)  # more, then earlier

    top_id, top = max(counts.items(), key=weight)
    first = top[0].restates
    assert first is not None
    share = round(100 * len(restating) / len(commitments))
    when = f"a {first.date.year} statement" if first.date else f"statement #{top_id}"
    from oresight.store._statements import issuer_key  # only reached with a store: there are earlier statements

    if first.issuer and issuer_key(first.issuer) != issuer_key(issuer):
        when += f" by {first.issuer}"
    if len(counts) == 1:
        return f"{share}% of commitments restate {when}"
    return f"{share}% of commitments restate earlier statements, most of them {when}"


def describe_claim(c: Claim) -> str:
    """One line for tables: what was claimed."""
    q = f"{c.qualifier} " if c.qualifier else ""
    if c.metric == "share":
        return f"{q}{c.value:g}% of world {c.measure}"
    if c.metric == "price":
        return f"{c.value:,.6g} {c.unit}"
    return f"{q}{tonnes(c.value)}{'/y' if c.unit == 't/y' else ''} {c.metric}"
