"""The substance checklist: funding, named deposits or projects, named partners, a technology or processing
route, capacity targets, dates and deadlines, responsible bodies. Each is present (specified, with its
evidence), vague (mentioned without specifics, with those mentions) or missing.

The cues are data (``data/cues.yaml``: ``items``); what needs more than a cue is read here:

- funding: an amount of money (``¥2 billion``, ``A$50m``, ``10 billion roubles``; not a price per unit) in a
  sentence that names a way of paying (fund, grant, loan, budget, investment, ...);
- deposits, partners, bodies: proper names next to a deposit word, an organisation suffix or descriptor, a
  partnership word, a body word or an official's title; a name made only of generic words, countries or
  regions names nothing (``Siberian deposits`` is vague, ``the Tomtor deposit`` is named);
- capacity: a mass per year (``5,000 t/y``, ``10 ktpa``, ``12,000 tonnes of oxides a year``);
- deadlines: a date, month, quarter, year or bounded period ("within three months") in a commitment sentence
  or after a deadline word, not before the statement's own date; "within weeks", "soon" are vague.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from oresight.policy._data import compile_named, countries, cue_list, cues, generic_words
from oresight.policy._patterns import find_dates, find_money, find_tonnages
from oresight.policy.report import Finding, Item, Status
from oresight.policy.text import Sentence, StatementText

MAX_FINDINGS = 12  # evidence kept per item and kind


@dataclass(frozen=True)
class Context:
    """What the checklist needs to know besides the text."""

    text: StatementText
    commitments: frozenset[int]  # indices of commitment sentences
    date: date | None
    issuer: str | None
    country: str | None  # the statement's own country


@cache
def _compiled() -> dict[str, Any]:
    items = cues()["items"]
    out: dict[str, Any] = {}
    for key, spec in items.items():
        out[key] = {
            "named": [(p, compile_named(p)) for p in spec.get("named", [])],
            "present": cue_list(spec["present"]) if spec.get("present") else None,
            "vague": [cue_list([p]) for p in spec.get("vague", [])],  # one by one: the first cues are the telling ones
        }
    out["funding"]["mechanism"] = cue_list([rf"\b(?:{p})\b" for p in items["funding"]["mechanism"]])
    out["deadlines"]["before"] = re.compile(
        r"(?:\b(?:" + "|".join(items["deadlines"]["deadline_words"]) + r"))\s+(?:the\s+)?(?:end\s+of\s+|beginning\s+of\s+)?$",
        re.IGNORECASE)
    out["deadlines"]["strong"] = re.compile(
        r"\b(?:by|before|until|till|no later than|not later than|deadline(?: of| is| for)?|due(?: in| by| on)?)\s+(?:the\s+)?"
        r"(?:end\s+of\s+|beginning\s+of\s+|middle\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
    out["deadlines"]["context"] = re.compile(r"\b(?:deadline|due|target(?:ed)?|timeline|timetable|schedule[d]?|milestone)\b",
                                             re.IGNORECASE)
    return out


# ---------------------------------------------------------------- names


_JOINERS = frozenset({"of", "de", "du", "la", "le", "del", "da", "dos", "do", "van", "von", "al", "el", "and", "y", "the", "&"})


_FUNCTION_WORDS = frozenset({"and", "or", "to", "in", "on", "for", "by", "with", "at", "as", "the", "a", "an", "which",
                            "that", "is", "was", "will", "has", "had", "have", "would", "of", "over", "under", "from",
                            "who", "said", "says", "signed", "agreed", "after", "before", "since", "until", "while"})


def clean_name(name: str) -> str | None:
    """The name without leading generic words; None when only generic words, joiners or countries remain."""
    tokens = name.replace("\u2019", "'").split()
    generic = generic_words()
    while tokens and (tokens[0] in generic or tokens[0].lower() in _JOINERS or tokens[0].rstrip("'s") in generic):
        tokens.pop(0)
    while tokens and tokens[-1].lower() in _JOINERS:
        tokens.pop()
    if not tokens:
        return None
    meaningful = [t for t in tokens if t.lower() not in _JOINERS]
    if all(t in generic or t.rstrip(",") in generic for t in meaningful):
        return None
    rest = " ".join(tokens)
    found = countries().find(rest)
    if found and sum(e - s for _, s, e in found) >= len(rest.replace(" and ", "").replace(", ", "")) - 2:
        return None  # only countries or their adjectives
    return rest


def trim_verbs(name: str) -> str:
    """A name without the verbs a title-case headline puts after it ("Department of Energy Announces")."""
    verbs = frozenset(cues()["headline_verbs"])
    tokens = name.split(" ")
    while len(tokens) > 1 and tokens[-1] in verbs:
        tokens.pop()
    return " ".join(tokens)


def _is_country_only(name: str) -> str | None:
    found = countries().find(name)
    if found and found[0][1] == 0 and found[0][2] == len(name):
        return found[0][0]
    return None


def _same_org(a: str, b: str | None) -> bool:
    if not b:
        return False
    ka = " ".join(re.findall(r"[a-z0-9]+", a.lower()))
    kb = " ".join(re.findall(r"[a-z0-9]+", b.lower()))
    return bool(ka) and bool(kb) and (ka in kb or kb in ka)


# ---------------------------------------------------------------- items


def check(ctx: Context) -> tuple[Item, ...]:
    items = cues()["items"]
    vague_credit = float(cues()["scores"]["vague_credit"])
    readers: dict[str, Callable[[Context], tuple[list[Finding], list[Finding]]]] = {
        "funding": _funding, "deposits": _deposits, "partners": _partners, "technology": _technology,
        "capacity": _capacity, "deadlines": _deadlines, "bodies": _bodies,
    }
    out: list[Item] = []
    for key, spec in items.items():
        present, vague = readers[key](ctx)
        present = _dedupe(present)[:MAX_FINDINGS]
        taken = {(p.evidence.span.page, k) for p in present for k in range(p.evidence.span.start, p.evidence.span.end)}
        vague = [v for v in _dedupe(vague) if (v.evidence.span.page, v.evidence.span.start) not in taken
                 and (v.evidence.span.page, v.evidence.span.end - 1) not in taken][:MAX_FINDINGS]
        weight = float(spec["weight"])
        status: Status
        if present:
            status, points = "present", weight
            shown = list({_show(f).lower(): _show(f) for f in reversed(present)}.values())[::-1]
            reason = f"{spec['label']}: " + "; ".join(shown[:3])
        elif vague:
            status, points = "vague", weight * vague_credit
            quotes = list(dict.fromkeys(_clip(f.evidence.surface).lower() for f in vague))
            reason = f"{spec['vague_words']}: " + "; ".join(f'"{q}"' for q in quotes[:4])
        else:
            status, points = "missing", 0.0
            reason = f"{spec['missing_words']}: nothing on {spec['label']} in the text"
        out.append(Item(key, spec["label"], status, reason, weight, points, tuple(present), tuple(vague)))
    return tuple(out)


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _show(f: Finding) -> str:
    return f'"{_clip(f.evidence.surface)}" (p{f.evidence.span.page})'


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in text order, an overlapping one dropped (the earlier, then the longer, is kept)."""
    out: list[Finding] = []
    reach = (0, -1)  # (page, end) of the text the kept findings cover so far
    for f in sorted(findings, key=lambda f: (f.evidence.span.page, f.evidence.span.start, -f.evidence.span.end)):
        span = f.evidence.span
        if span.page == reach[0] and span.start < reach[1]:
            continue
        out.append(f)
        reach = (span.page, span.end)
    return out


def _vague(ctx: Context, key: str) -> list[Finding]:
    """Vague mentions, each with the index of its cue (``detail["cue"]``: lower is more telling)."""
    out: list[Finding] = []
    for k, pattern in enumerate(_compiled()[key]["vague"]):
        out.extend(Finding("cue", ctx.text.hit(s, m.start(), m.end()), {"cue": k})
                   for s, m in ctx.text.search(pattern) if m.end() > m.start())
    return out


def _funding(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    mechanism = _compiled()["funding"]["mechanism"]
    present: list[Finding] = []
    for sent in ctx.text.sentences:
        amounts = [m for m in find_money(sent.text) if m.per is None]
        if not amounts:
            continue
        words = list(mechanism.finditer(sent.text))
        if not words:
            continue
        for amount in amounts:
            nearest = min(words, key=lambda w: min(abs(w.start() - amount.end), abs(amount.start - w.end())))
            start, end = amount.start, amount.end
            gap = nearest.start() - amount.end
            if 0 <= gap <= 40 and "." not in sent.text[amount.end:nearest.start()]:
                end = nearest.end()  # "¥2 billion special fund": the amount and its mechanism
            present.append(Finding("amount", ctx.text.hit(sent, start, end),
                                   {"amount": amount.amount, "currency": amount.currency,
                                    "mechanism": nearest.group().lower()}))
    return present, _vague(ctx, "funding")


def _named(ctx: Context, key: str) -> list[tuple[str, Sentence, re.Match[str]]]:
    """Matches of the item's name patterns: (the pattern as written in the data, sentence, match)."""
    out: list[tuple[str, Sentence, re.Match[str]]] = []
    for raw, pattern in _compiled()[key]["named"]:
        out.extend((raw, s, m) for s, m in ctx.text.search(pattern))
    return out


def _deposits(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    present: list[Finding] = []
    vague: list[Finding] = []
    for _raw, sent, m in _named(ctx, "deposits"):
        raw = m.group("name")
        kind = m.group("kind").lower()
        parts = [p for p in re.split(r",\s*|\s+and\s+|\s*&\s*", raw) if p.strip()]
        names = [n for n in (clean_name(p) for p in parts) if n]
        evidence = ctx.text.hit(sent, m.start(), m.end())
        plural = kind.endswith("s") and not kind.endswith(("ss", "us"))
        if not names:
            if any(countries().find(p) for p in parts):
                vague.append(Finding("cue", evidence))  # "Siberian deposits", "Russian deposits": a place, no deposit
            continue  # "The mines", "New projects": the vague cues say what is vague
        if plural and len(names) == 1 and len(names[0].split()) == 1:
            vague.append(Finding("cue", evidence))  # "Yakutia deposits": a region, no deposit
            continue
        present.append(Finding("name", evidence, {"names": names, "kind": kind.rstrip("s") if plural else kind}))
    vague.extend(_vague(ctx, "deposits"))
    return present, vague


def _partners(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    present: list[Finding] = []
    vague: list[Finding] = []
    body_first = re.compile(r"^(?:" + "|".join(cues()["body_words"]) + r"|Government|Cabinet|Parliament|President|Minister)\b")
    for _raw, sent, m in _named(ctx, "partners"):
        raw = m.group("name")
        suffix = m.groupdict().get("suffix")
        evidence = ctx.text.hit(sent, m.start(), m.end())
        if suffix and suffix[:1].isupper() and m.start("suffix") > m.start("name"):
            raw = f"{raw} {suffix}"
        names: list[str] = []
        known = False  # a part names the issuer or the country's own body: not a partner, and not vague either
        for part in (p for p in re.split(r",\s*|\s+and\s+|\s*&\s*", raw) if p.strip()):  # "X Ltd and Y GmbH"
            name = clean_name(trim_verbs(part))
            if name is None:
                country = _is_country_only(part.split(" ", 1)[-1] if part.split(" ", 1)[0] in generic_words() else part)
                nxt = re.match(r"\s+([a-z]+)", sent.text[m.end():m.end() + 30])
                adjective = nxt is not None and nxt.group(1) not in _FUNCTION_WORDS  # "Chinese companies"
                if country and country != ctx.country and not suffix and not adjective:
                    names.append(country)  # "an agreement with China" (not "with Chinese companies")
                continue
            if body_first.match(name):
                named = countries().find(name)
                if not named or named[0][0] == ctx.country:
                    known = True
                    continue  # the country's own bodies are responsible bodies, not partners
            if _same_org(name, ctx.issuer):
                known = True
                continue
            names.append(name)
        if names:
            present.append(Finding("name", evidence, {"names": names}))
        elif not known:
            vague.append(Finding("cue", evidence))
    vague.extend(_vague(ctx, "partners"))
    return present, vague


def _technology(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    pattern = _compiled()["technology"]["present"]
    present = [Finding("process", ctx.text.hit(s, m.start(), m.end()), {"process": m.group().lower()})
               for s, m in ctx.text.search(pattern)]
    return present, _vague(ctx, "technology")


def _capacity(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    present: list[Finding] = []
    for sent in ctx.text.sentences:
        for q in find_tonnages(sent.text):
            if q.unit == "t/y":
                present.append(Finding("rate", ctx.text.hit(sent, q.start, q.end),
                                       {"tonnes_per_year": q.value, "target": sent.index in ctx.commitments}))
    return present, _vague(ctx, "capacity")


def _deadlines(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    compiled = _compiled()["deadlines"]
    present: list[Finding] = []
    for sent in ctx.text.sentences:
        committed = sent.index in ctx.commitments or compiled["context"].search(sent.text) is not None
        for d in find_dates(sent.text, ctx.date):
            before = sent.text[max(0, d.start - 40):d.start]
            strong = compiled["strong"].search(before) is not None
            if not (strong or (committed and (d.kind != "year" or compiled["before"].search(before)))):
                continue
            if ctx.date is not None and d.due is not None and d.due < ctx.date:
                continue  # a past date: history, not a deadline
            detail: dict[str, Any] = {"kind": d.kind, "due": d.due.isoformat() if d.due else None}
            if d.relative:
                detail["relative"] = f"{d.relative[0]} {d.relative[1]}"
            lead = compiled["before"].search(before)
            start = d.start - (len(before) - lead.start()) if lead else d.start  # "by the end of 2027"
            present.append(Finding("date" if d.kind != "relative" else "relative",
                                   ctx.text.hit(sent, start, d.end), detail))
    return present, _vague(ctx, "deadlines")


def _bodies(ctx: Context) -> tuple[list[Finding], list[Finding]]:
    present: list[Finding] = []
    vague: list[Finding] = []
    generic = generic_words()
    for raw, sent, m in _named(ctx, "bodies"):
        name = m.group("name")
        body = m.group("body")
        evidence = ctx.text.hit(sent, m.start(), m.end())
        if "{PERSON}" in raw:  # "Deputy Prime Minister Ivan Petrov"
            if any(t in generic for t in name.split()):
                continue
            present.append(Finding("official", evidence, {"title": body, "name": name}))
        elif "{PORTFOLIO}" in raw:  # "the industry ministry"
            present.append(Finding("name", evidence, {"name": f"{name} {body}".lower()}))
        elif m.start("body") < m.start("name"):  # "Ministry of Mines": the portfolio names the body
            trimmed = trim_verbs(name)
            evidence = ctx.text.hit(sent, m.start(), m.start("name") + len(trimmed))
            present.append(Finding("name", evidence, {"name": " ".join(evidence.surface.split())}))
        elif clean_name(name) is None:
            vague.append(Finding("cue", evidence))  # "The Council", "Regional Authority"
        else:
            present.append(Finding("name", evidence, {"name": " ".join(evidence.surface.split())}))
    vague.extend(_vague(ctx, "bodies"))
    return present, vague
