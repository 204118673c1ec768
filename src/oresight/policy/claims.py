"""Numeric claims: reserves, resources, production, shares of the world and prices, checked against the
reference data.

Each tonnage (``28.7 million tonnes``, ``3.8 Mt``, ``2,600 t``, a rate ``5,000 t/y``), each percentage next
to a world word ("20% of the world's reserves") and each price (``US$60/kg``) in a sentence is a candidate. It
becomes a claim when its sentence says what it measures: the metric word nearest to it (``metrics``:
reserves, resources, production; "share" for percentages; "price" for prices). The commodity is the one named
nearest in the sentence, else the statement's main commodity; the country the one named nearest in the
sentence, else none when the sentence speaks of the world ("world reserves"), else the statement's own country
(its issuer's, else the one it names most). A claim in a commitment sentence is a **target** ("will produce
12,000 t a year by 2030"): it is compared with the independent figure for context, not judged.

Tonnages go to :func:`oresight.context.analytics.check_claim` (the reference's independent estimate, its
ratio, share of the world, source and edition). A share of world reserves, resources or production is turned
into tonnes of the world figure the reference gives and checked the same way; a share of a supply-chain stage
("90% of global processing": ``stages`` in the cue data) is compared with the reference's stage shares
(:func:`oresight.context.analytics.stage_shares`). Tonnes of ore at a grade ("12.4 Mt at 2.1% TREO") are a
deposit, not a claim; a company's figures are compared only when a country is named as their holder. A price in US$ is compared with the reference price deck row that
values the commodity (``price_deck`` in the cue data; ``reference/data/price_deck.csv``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from oresight.context.analytics import ClaimCheck
from oresight.policy._data import commodities, countries, cue_list, cues
from oresight.policy._patterns import Money, Quantity, find_money, find_percents, find_tonnages
from oresight.policy.commitments import commitment_cues
from oresight.policy.report import Claim
from oresight.policy.text import Sentence, StatementText

CLAIM_METRICS = ("reserves", "resources", "production")
_YEAR = re.compile(r"(?<![\w$.,])(?:19|20)\d\d(?![\w%])")


class Checker(Protocol):
    """:func:`oresight.context.analytics.check_claim`'s signature."""

    def __call__(self, commodity: str, metric: str, value_t: float, *, country: str | None,
                 year: int | None = None) -> ClaimCheck | None: ...


class StageLookup(Protocol):
    """The reference's country shares of a commodity's supply-chain stages: (stage key, label, data year, source,
    {country key: share percent}) of the first of ``keys`` the data has, or None."""

    def __call__(self, commodity: str, keys: Sequence[str]) -> tuple[str, str, str, str, dict[str, float]] | None: ...


def stage_lookup(rows: Sequence[Any] | None = None) -> StageLookup:
    """Stage shares from :func:`oresight.context.analytics.stage_shares` on ``rows`` (default: the shipped rows)."""

    def look(commodity: str, keys: Sequence[str]) -> tuple[str, str, str, str, dict[str, float]] | None:
        from oresight.context.aliases import commodity_key
        from oresight.context.analytics import stage_shares
        from oresight.context.shipped import shipped_rows

        key = commodity_key(commodity)
        if key is None:
            return None
        found = {s.stage: s for s in stage_shares(rows if rows is not None else shipped_rows(), key)}
        for k in keys:
            s = found.get(k)
            if s is not None and s.shares:
                return (s.stage, s.label, s.data_year, s.source,
                        {c.country: float(c.share_pct) for c in s.shares if c.share_pct is not None})
        return None

    return look


def default_checker() -> Checker:
    from oresight.context.analytics import check_claim

    return check_claim


@dataclass(frozen=True)
class Context:
    text: StatementText
    commitments: frozenset[int]
    commodity: str | None  # the statement's main commodity
    country: str | None  # the statement's own country
    company: bool = False  # issued by a company: its unplaced figures are its projects', not its country's
    stage_shares: StageLookup | None = None  # the reference's supply-chain stage shares (default: shipped rows)


@cache
def _metric_patterns() -> dict[str, re.Pattern[str]]:
    c = cues()
    out = {name: cue_list([rf"\b(?:{p})\b" for p in words]) for name, words in c["metrics"].items()}
    out["world"] = cue_list([rf"\b(?:{p})" for p in c["world"]])
    out["scope"] = cue_list(c["world_scope"])
    for k, stage in enumerate(c["stages"]):
        out[f"stage{k}"] = cue_list([rf"\b(?:{p})\b" for p in stage["words"]])
    out["price"] = cue_list([r"\bprices?\b", r"\bpriced\b", r"\bcosts?\b", r"\bvalued?\b", r"\bsells? for\b"])
    return out


def _nearest(spans: Sequence[tuple[str, int, int]], start: int, end: int) -> tuple[str, int, int] | None:
    """The span nearest to [start, end); a span after the quantity wins a tie ("28.7 Mt of reserves")."""
    best: tuple[int, int, tuple[str, int, int]] | None = None
    for item in spans:
        _, s, e = item
        if s < end and start < e:
            continue  # inside the quantity
        distance = s - end if s >= end else start - e
        key = (distance, 0 if s >= end else 1)
        if best is None or key < best[:2]:
            best = (key[0], key[1], item)
    return best[2] if best else None


def _metric_spans(text: str, names: Sequence[str]) -> list[tuple[str, int, int]]:
    pats = _metric_patterns()
    return [(n, m.start(), m.end()) for n in names for m in pats[n].finditer(text)]


def find_claims(ctx: Context, checker: Checker | None) -> tuple[Claim, ...]:
    out: list[Claim] = []
    for sent in ctx.text.sentences:
        metrics = _metric_spans(sent.text, CLAIM_METRICS)
        has_price = bool(_metric_patterns()["price"].search(sent.text))
        money = find_money(sent.text)
        if not metrics and not any(m.per for m in money) and "%" not in sent.text and "cent" not in sent.text:
            continue
        goods = commodities().find(sent.text)
        places = countries().find(sent.text)
        scopes = list(_metric_patterns()["scope"].finditer(sent.text))  # "world reserves", "reserves in the world"
        committed = sent.index in ctx.commitments
        if metrics:
            for q in find_tonnages(sent.text):
                metric = _nearest(metrics, q.start, q.end)
                if metric is None:
                    continue
                if q.unit == "t/y" and metric[0] != "production":
                    continue  # a rate is an output (or a capacity target), not a stock
                if _ORE_GRADE.match(sent.text, q.end):
                    continue  # "12.4 Mt at 2.1% TREO": tonnes of ore in a deposit, not a national figure
                world = any(metric[1] - 25 <= w.start() and w.end() <= metric[2] + 12 for w in scopes)
                out.append(_tonnage_claim(ctx, sent, q, metric[0], goods, places, world,
                                          committed and _is_target(sent.text, q.start), checker))
        if _metric_patterns()["world"].search(sent.text):
            measures = metrics + _metric_spans(sent.text, [f"stage{k}" for k in range(len(cues()["stages"]))])
            for q in find_percents(sent.text):
                after = [m for m in measures if 0 <= m[1] - q.end <= 50]  # "20% of the world's reserves"
                metric = min(after, key=lambda m: m[1]) if after else _nearest(measures, q.start, q.end)
                if metric is None:
                    continue
                target = committed and _is_target(sent.text, q.start)
                if metric[0] in CLAIM_METRICS:
                    out.append(_share_claim(ctx, sent, q, metric[0], goods, places, target, checker))
                else:
                    out.append(_stage_claim(ctx, sent, q, int(metric[0][5:]), goods, places, target))
        for m in money:
            if m.per and (has_price or goods):
                out.append(_price_claim(ctx, sent, m, goods, committed and _is_target(sent.text, m.start)))
    return tuple(out)


_ORE_GRADE = re.compile(r"\s*(?:of\s+ore\s+)?(?:@|at|grading|averaging|with)\s+(?:an?\s+(?:average\s+)?grade\s+of\s+)?"
                        r"(?:about\s+)?[\d.,]+\s?(?:%|g/t|ppm|kg/t|per\s?cent)", re.IGNORECASE)
_FACT = re.compile(r"\b(?:holds?|has|have|had|is|are|was|were|amounts? to|amounted to|totals?|totalled|totaled|stands? at|stood at|"
                   r"reach(?:es|ed)|contains?|possess(?:es)?|owns?|accounts? for|accounted for|produced|produces|mined|"
                   r"exported|estimated at|put at|currently)\b", re.IGNORECASE)


_LOCATION = re.compile(r"\b(?:in|at|near|across|throughout|from)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$")


def _located(text: str, place: tuple[str, int, int] | None) -> bool:
    """The country is named as a place ("a project in Western Australia"), not as the holder of the figure."""
    return place is not None and _LOCATION.search(text, max(0, place[1] - 30), place[1]) is not None


def _is_target(text: str, start: int) -> bool:
    """A quantity in a commitment sentence is a target when a commitment cue (or the directive verb that opens
    the sentence) stands before it with no verb of fact in between ("will raise output to 12,000 t" is a target;
    "holds 28.7 Mt ... and intends to" is a claim)."""
    cue, directive = commitment_cues()
    last = -1
    for m in cue.finditer(text, 0, start):
        last = m.end()
    if last < 0:
        d = directive.match(text)
        if d is None or d.end() > start:
            return False
        last = d.end()
    return _FACT.search(text, last, start) is None


def _subject(ctx: Context, sent: Sentence, start: int, end: int, goods: list[tuple[str, int, int]],
             places: list[tuple[str, int, int]], world: bool) -> tuple[str | None, str, str | None, str]:
    good = _nearest(goods, start, end)
    commodity, commodity_from = (good[0], "sentence") if good else (ctx.commodity, "statement" if ctx.commodity else "none")
    place = _nearest(places, start, end)
    if place:
        return commodity, commodity_from, place[0], "sentence"
    if world:
        return commodity, commodity_from, None, "world"
    return commodity, commodity_from, ctx.country, "statement" if ctx.country else "none"


def _year(sent: Sentence, start: int, end: int) -> int | None:
    years = [(m.group(), m.start(), m.end()) for m in _YEAR.finditer(sent.text)]
    near = _nearest(years, start, end)
    return int(near[0]) if near else None


def _short_source(check: ClaimCheck) -> str:
    m = re.search(r"\b[A-Z]{2,6}\b", check.source or "")
    return m.group() if m else (check.edition or "reference")


def tonnes(value: float) -> str:
    """``3.8 Mt``, ``270 kt``, ``2,600 t``."""
    if value >= 1e6:
        return f"{value / 1e6:,.3g} Mt" if value < 1e9 else f"{value / 1e6:,.0f} Mt"
    if value >= 1e4:
        return f"{value / 1e3:,.3g} kt"
    return f"{value:,.0f} t"


def _ratio_words(ratio: float) -> str:
    return f"{ratio:.1f}×" if ratio >= 0.95 else f"{ratio:.2f}×"


def _check(checker: Checker | None, commodity: str | None, metric: str, value_t: float, country: str | None,
           year: int | None, world: bool = False) -> tuple[ClaimCheck | None, str | None]:
    """The reference check, or why there is none."""
    if checker is None:
        return None, "no reference check available"
    if commodity is None:
        return None, "no commodity named in the sentence or the statement"
    if country is None and not world:
        return None, "no country named in the sentence, and the statement's own country is not known"
    try:
        result = checker(commodity, metric, value_t, country=country, year=year)
        if result is None and year is not None:
            result = checker(commodity, metric, value_t, country=country)
    except ValueError as e:
        return None, f"not checkable: {e}"
    if result is None:
        where = f" for {country}" if country else " for the world"
        return None, f"no independent {metric} figure for {commodity}{where} in the reference data"
    return result, None


def _tonnage_claim(ctx: Context, sent: Sentence, q: Quantity, metric: str, goods: list[tuple[str, int, int]],
                   places: list[tuple[str, int, int]], world: bool, target: bool, checker: Checker | None) -> Claim:
    commodity, commodity_from, country, country_from = _subject(ctx, sent, q.start, q.end, goods, places, world)
    year = _year(sent, q.start, q.end) if metric == "production" else None
    evidence = ctx.text.hit(sent, q.start, q.end)
    result: ClaimCheck | None = None
    why: str | None = "a company's figure (its projects), not compared with national figures"
    if not (ctx.company and (country_from == "statement" or _located(sent.text, _nearest(places, q.start, q.end)))):
        result, why = _check(checker, commodity, metric, q.value, country, year, country_from == "world")
    if result is None:
        return Claim(metric, None, commodity, commodity_from, country, country_from, q.value, q.unit, q.value,
                     q.qualifier, target, year, evidence, sent.evidence, "unchecked", why or "not checked")
    src = _short_source(result)
    what = "target" if target else "claim"
    reason = (f"{metric} {what} {tonnes(q.value)} is {_ratio_words(result.ratio)} the {src} estimate "
              f"({tonnes(result.independent_t)}, {result.edition}, data year {result.data_year})")
    if result.share_of_world_claimed is not None and result.share_of_world_independent is not None:
        reason += (f"; as a share of the world {result.share_of_world_claimed:.1f}% claimed against "
                   f"{result.share_of_world_independent:.1f}%")
    return Claim(metric, None, commodity, commodity_from, country, country_from, q.value, q.unit, q.value,
                 q.qualifier, target, year, evidence, sent.evidence, "checked", reason, result.ratio,
                 _check_json(result))


def _share_claim(ctx: Context, sent: Sentence, q: Quantity, measure: str, goods: list[tuple[str, int, int]],
                 places: list[tuple[str, int, int]], target: bool, checker: Checker | None) -> Claim:
    commodity, commodity_from, country, country_from = _subject(ctx, sent, q.start, q.end, goods, places, False)
    evidence = ctx.text.hit(sent, q.start, q.end)
    year = _year(sent, q.start, q.end) if measure == "production" else None

    def unchecked(why: str) -> Claim:
        return Claim("share", measure, commodity, commodity_from, country, country_from, q.value, "%", None,
                     q.qualifier, target, year, evidence, sent.evidence, "unchecked", why)

    if country is None:
        return unchecked("a share of the world needs a country")
    probe, why = _check(checker, commodity, measure, 1.0, country, year)
    if probe is None:
        return unchecked(why or "not checked")
    if not probe.world_t or probe.share_of_world_independent is None:
        return unchecked(f"the reference gives no world {measure} figure for {commodity}")
    # the claimed share of the world, in tonnes: x = s (W - I + x)  =>  x = s (W - I) / (1 - s)
    s = q.value / 100.0
    if s >= 1.0:
        return unchecked("a share of 100% or more")
    value_t = s * (probe.world_t - probe.independent_t) / (1.0 - s)
    result, why = _check(checker, commodity, measure, value_t, country, year)
    if result is None:
        return unchecked(why or "not checked")
    ratio = q.value / probe.share_of_world_independent if probe.share_of_world_independent else None
    src = _short_source(result)
    reason = (f"share {q.value:g}% of world {measure} against {probe.share_of_world_independent:.1f}% in the {src} "
              f"figures ({result.edition}, data year {result.data_year}): {tonnes(value_t)} against "
              f"{tonnes(result.independent_t)}")
    if ratio is not None:
        reason += f", {_ratio_words(ratio)}"
    printed = re.search(r"\d[\d,]*(?:\.(\d+))?", evidence.surface)
    decimals = len(printed.group(1) or "") if printed else 0
    rounds = abs(probe.share_of_world_independent - q.value) <= 0.5 * 10 ** -decimals + 1e-9
    return Claim("share", measure, commodity, commodity_from, country, country_from, q.value, "%", value_t,
                 q.qualifier, target, year, evidence, sent.evidence, "checked", reason, ratio, _check_json(result),
                 rounds)


def _stage_claim(ctx: Context, sent: Sentence, q: Quantity, stage: int, goods: list[tuple[str, int, int]],
                 places: list[tuple[str, int, int]], target: bool) -> Claim:
    """A country's share of the world at a supply-chain stage, against the reference's stage shares."""
    commodity, commodity_from, country, country_from = _subject(ctx, sent, q.start, q.end, goods, places, False)
    keys = [str(k) for k in cues()["stages"][stage]["keys"]]
    evidence = ctx.text.hit(sent, q.start, q.end)

    def claim(status: str, reason: str, ratio: float | None = None, check: dict[str, Any] | None = None,
              label: str | None = None, rounds: bool = False) -> Claim:
        return Claim("share", label or keys[0].replace("_", " "), commodity, commodity_from, country, country_from,
                     q.value, "%", None, q.qualifier, target, None, evidence, sent.evidence, status, reason, ratio,
                     check, rounds)

    if commodity is None or country is None:
        return claim("unchecked", "a stage share needs a commodity and a country")
    found = (ctx.stage_shares or stage_lookup())(commodity, keys)
    if found is None:
        return claim("unchecked", f"no reference stage shares for {commodity} ({', '.join(keys)})")
    key, label, data_year, source, shares = found
    from oresight.context.aliases import country_key

    independent = shares.get(country_key(country))
    if independent is None or independent <= 0:
        return claim("unchecked", f"the reference gives no {label.lower()} share for {country}", label=label)
    ratio = q.value / independent
    printed = re.search(r"\d[\d,]*(?:\.(\d+))?", evidence.surface)
    rounds = abs(independent - q.value) <= 0.5 * 10 ** -(len(printed.group(1) or "") if printed else 0) + 1e-9
    src = re.search(r"\b[A-Z]{2,6}\b", source)
    reason = (f"share {q.value:g}% of world {label.lower()} against {independent:g}% in the reference "
              f"({src.group() if src else 'stage shares'}, data year {data_year}), {_ratio_words(ratio)}")
    check = {"stage": key, "label": label, "country": country, "claimed_pct": q.value, "independent_pct": independent,
             "data_year": data_year, "source": source, "source_short": src.group() if src else "reference"}
    return claim("checked", reason, ratio, check, label, rounds)


def _check_json(result: ClaimCheck) -> dict[str, Any]:
    data = result.to_json()
    data["source_short"] = _short_source(result)
    return data


# ---------------------------------------------------------------- prices


_DECK_UNITS = {"usd/t": 1.0, "usd/kg": 1000.0, "usd/lb": 1.0 / 0.00045359237, "us cents/lb": 0.01 / 0.00045359237,
               "usd/troy oz": 1.0 / 0.0000311034768}


def _deck_price(commodity: str) -> tuple[float, dict[str, str]] | None:
    """The newest price-deck row (US$ a tonne) for the commodity, with the row."""
    from oresight import reference

    names = cues()["price_deck"].get(commodity) or []
    best: tuple[float, dict[str, str]] | None = None
    for row in reference.rows("price_deck.csv"):
        if row.get("commodity") not in names:
            continue
        factor = _DECK_UNITS.get(row.get("unit", "").strip().lower())
        try:
            price = float(row.get("price", ""))
        except ValueError:
            continue
        if factor is None:
            continue
        if best is None or row.get("period_or_date", "") >= best[1].get("period_or_date", ""):
            best = (price * factor, row)
    return best


def _price_claim(ctx: Context, sent: Sentence, m: Money, goods: list[tuple[str, int, int]], target: bool) -> Claim:
    good = _nearest(goods, m.start, m.end)
    commodity, commodity_from = (good[0], "sentence") if good else (ctx.commodity, "statement" if ctx.commodity else "none")
    units = {str(k): float(v) for k, v in cues()["price_units"].items()}
    per = units.get(m.per or "", 1.0)
    per_t = m.amount / per
    evidence = ctx.text.hit(sent, m.start, m.end)
    base = ("price", None, commodity, commodity_from, None, "none", m.amount, f"{m.currency}/{m.per}", None, None,
            target, None, evidence, sent.evidence)
    if commodity is None:
        return Claim(*base, "unchecked", "no commodity named")
    if m.currency != "USD":
        return Claim(*base, "unchecked", f"the reference prices are in US$, not {m.currency}")
    deck = _deck_price(commodity)
    if deck is None:
        return Claim(*base, "unchecked", f"no reference price for {commodity}")
    ref, row = deck
    ratio = per_t / ref if ref else None
    reason = (f"price US${m.amount:,.6g}/{m.per} against the reference {row.get('commodity')} "
              f"{row.get('price')} {row.get('unit')} ({row.get('period_or_date')}, {row.get('price_type')})")
    if ratio is not None:
        reason += f": {_ratio_words(ratio)}"
    check = {"reference": row.get("commodity"), "product": row.get("product_spec"), "price": row.get("price"),
             "unit": row.get("unit"), "period": row.get("period_or_date"), "source": row.get("source"),
             "claimed_usd_per_t": per_t, "reference_usd_per_t": ref}
    return Claim(*base, "checked", reason, ratio, check)
