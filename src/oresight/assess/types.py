"""Announcement types from the headline and the body (rules in ``data/types.yaml``).

Points: each headline cue of a type scores ``points.headline`` once, each body cue ``points.body`` once
(body cues are read on the first pages, where the subject is). The extraction adds structural evidence:
drill intercepts point to drilling, resource rows to a resource, an Appendix 5B cash table to a quarterly.
The type with most points wins; a tie goes to the type listed first in the data file (halts and routine
filings first: their headlines are unambiguous). No cue at all gives ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from oresight.assess._text import Pages, compile_cues, load, quote
from oresight.model import AnnouncementType, Evidence, Extraction

BODY_PAGES = 3
_RESULT_IN_HEADLINE = re.compile(r"(?<![\d.,])\d{1,6}(?:\.\d+)?\s?(?:m|metres|meters|ft|feet)\s?(?:@|at|of|grading)\s?\d", re.IGNORECASE)


@dataclass(frozen=True)
class _Rule:
    name: str
    label: str
    noise: bool
    headline: tuple[re.Pattern[str], ...]
    body: tuple[re.Pattern[str], ...]


@cache
def _rules() -> tuple[tuple[_Rule, ...], float, float]:
    data = load("types.yaml")
    rules = []
    for name, spec in data["types"].items():
        rules.append(_Rule(name, spec.get("label", name), bool(spec.get("noise", False)),
                           tuple(re.compile(p, re.IGNORECASE) for p in spec.get("headline") or ()),
                           tuple(re.compile(p, re.IGNORECASE) for p in spec.get("body") or ())))
    pts = data["points"]
    return tuple(rules), float(pts["headline"]), float(pts["body"])


def type_names() -> tuple[str, ...]:
    return tuple(r.name for r in _rules()[0])


def classify(pages: Pages, extraction: Extraction) -> AnnouncementType:
    rules, head_pts, body_pts = _rules()
    scores: dict[str, float] = {}
    head_counts: dict[str, int] = {}
    evidence: dict[str, list[Evidence]] = {}
    for rule in rules:
        s = 0.0
        ev: list[Evidence] = []
        head_hits = 0
        for pat in rule.headline:
            hits = pages.headline_hits(pat)
            if hits:
                head_hits += 1
                ev.extend(hits)
        if head_hits:
            s += min(2.0, 1.0 + 0.25 * (head_hits - 1)) * head_pts  # one clear headline cue is what counts
        head_counts[rule.name] = head_hits
        for pat in rule.body:
            hit = pages.first(pat, pages=BODY_PAGES)
            if hit:
                s += body_pts
                ev.append(hit)
        scores[rule.name] = s
        evidence[rule.name] = ev
    # a headline naming another subject ("raises $12m to drill", "acquires drill-ready project") is about that
    # subject unless it quotes a result itself
    others = [r.name for r in rules if r.name != "drilling" and head_counts.get(r.name)]
    if others and head_counts.get("drilling") and not pages.headline_hits(_RESULT_IN_HEADLINE):
        scores["drilling"] -= 0.7 * min(2.0, 1.0 + 0.25 * (head_counts["drilling"] - 1)) * head_pts
    # structural evidence from the extraction
    drill = [i for i in extraction.intercepts if not i.including]
    holes = {i.hole_id for i in drill if i.hole_id}
    if drill:
        scores["drilling"] = scores.get("drilling", 0.0) + min(3.0, 1.0 + len(holes) * 0.5)
    if extraction.resources:
        scores["resource"] = scores.get("resource", 0.0) + min(4.0, 1.0 + len(extraction.resources) * 0.25)
    pat_5b = compile_cues([r"4\.6\s+cash and cash equivalents at end of (the )?(period|quarter)"])
    if pages.first(pat_5b):
        scores["quarterly"] = scores.get("quarterly", 0.0) + 3.0
    order = {r.name: k for k, r in enumerate(rules)}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    best, pts = ranked[0]
    if pts <= 0:
        best = "other"
    rule = next(r for r in rules if r.name == best)
    ev = evidence.get(best, [])
    if pts <= 0:
        reason = "no cue of any type in the headline or body"
    else:
        parts = []
        if ev:
            parts.append("cues " + quote(ev, 3))
        if best == "drilling" and drill:
            parts.append(f"{len(drill)} intercepts in {len(holes) or 'unnamed'} holes extracted")
        if best == "resource" and extraction.resources:
            parts.append(f"{len(extraction.resources)} resource rows extracted")
        runner = next(((k, v) for k, v in ranked[1:] if v > 0), None)
        if runner:
            parts.append(f"ahead of {runner[0]} ({runner[1]:g} vs {pts:g} points)")
        reason = "; ".join(parts)
    return AnnouncementType(best, rule.label, rule.noise, reason, tuple(ev[:5]),
                            tuple((k, v) for k, v in ranked if v > 0))
