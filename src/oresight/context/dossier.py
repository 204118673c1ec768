"""Dossiers: everything the reference data says about one commodity or one country, every number with the
reference rows it came from. The CLI (``oresight dossier``) prints them as tables or JSON and the dashboard
(``/dossiers/...``) renders the same structure.

A number is a *figure*: ``{"value", "unit", "refs", "formula", "qualifier"}``. ``refs`` are the store ids of
the reference rows it was read from (one row) or computed from (``formula`` says how); the dossier's ``refs``
maps each id to its row (source, edition, data year, dataset and line).

::

    commodity_dossier(rows, "rare earths", announcements=cards)   # dict, or None for an unknown commodity
    country_dossier(rows, "Russian Federation", announcements=cards)
    scenario_view(rows, "rare_earths", "mining", "China", 50)     # the scenario with figures
    index(rows)                                                   # commodities and countries with figures
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .aliases import (
    OTHER,
    WORLD,
    commodity_key,
    commodity_name,
    commodity_slug,
    commodity_symbol,
    country_key,
    is_aggregate,
)
from .analytics import (
    Concentration,
    StageShares,
    WorldShares,
    chain,
    check_claim,
    history,
    scenario,
    stage_shares,
    world_shares,
)
from .model import MINE_PRODUCTION, NATIONAL_CLAIM, RESERVES, STAGE_SHARE, ReferenceRow, edition_order

Json = dict[str, Any]


class Refs:
    """Collects the rows the figures of a dossier cite."""

    def __init__(self) -> None:
        self.rows: dict[int, ReferenceRow] = {}

    def fig(self, value: float | None, unit: str, rows: Iterable[ReferenceRow | None], formula: str = "",
            qualifier: str = "") -> Json:
        ids = []
        for r in rows:
            if r is None or r.id is None:
                continue
            self.rows[r.id] = r
            if r.id not in ids:
                ids.append(r.id)
        return {"value": value, "unit": unit, "refs": ids, "formula": formula, "qualifier": qualifier}

    def row(self, r: ReferenceRow) -> Json:
        """A figure read from one row as it stands."""
        return self.fig(r.value, r.unit, [r], "", r.qualifier)

    def to_json(self) -> Json:
        return {str(i): self.rows[i].to_json() for i in sorted(self.rows)}


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.4g}"


def _shares(refs: Refs, ws: WorldShares | None) -> Json | None:
    if ws is None:
        return None
    world_rows: list[ReferenceRow | None] = [ws.world_row] if ws.world_row else [s.row for s in ws.shares]
    world = refs.fig(ws.world_value, ws.unit, world_rows,
                     "" if ws.world_row else "sum of the countries' rows", ws.world_qualifier)
    countries = []
    for s in ws.shares:
        share = None
        if s.share_pct is not None:
            share = refs.fig(s.share_pct, "%", [s.row, *world_rows],
                             f"{_num(s.value)} / {_num(ws.world_value)} × 100",
                             "upper bound (the World figure is a lower bound)" if ws.world_qualifier == "lower_bound" else "")
        countries.append({"country": s.country, "printed": s.row.country, "aggregate": s.aggregate,
                          "value": refs.row(s.row), "share_pct": share})
    used = [s.row for s in ws.shares if not s.aggregate and s.share_pct is not None] + world_rows
    return {"metric": ws.metric, "edition": ws.edition, "data_year": ws.data_year, "unit": ws.unit, "world": world,
            "world_basis": ws.world_basis, "world_qualifier": ws.world_qualifier, "countries": countries,
            "concentration": _concentration(refs, ws.concentration, used)}


def _concentration(refs: Refs, c: Concentration | None, rows: Sequence[ReferenceRow | None]) -> Json | None:
    if c is None:
        return None
    return {"hhi": refs.fig(c.hhi, "HHI", rows, f"Σ share² over {c.countries} countries (percent shares)"),
            "top1_pct": refs.fig(c.top1_pct, "%", rows, f"largest share ({c.top1})"), "top1": c.top1,
            "top3_pct": refs.fig(c.top3_pct, "%", rows, "sum of the three largest shares"), "top3": list(c.top3),
            "covered_pct": refs.fig(c.covered_pct, "%", rows, "sum of the shares computed on"),
            "countries": c.countries}


def _stage(refs: Refs, st: StageShares) -> Json:
    rows = [s.row for s in st.shares]
    return {"stage": st.stage, "label": st.label, "data_year": st.data_year, "source": st.source,
            "confidence": st.confidence,
            "shares": [{"country": s.country, "printed": s.row.country, "share_pct": refs.row(s.row)} for s in st.shares],
            "concentration": _concentration(refs, st.concentration, rows),
            "other_estimates": [{"country": r.country_key, "printed": r.country, "data_year": r.data_year,
                                 "source": r.source, "share_pct": refs.row(r)} for r in st.others]}


def _history(refs: Refs, rows: Sequence[ReferenceRow], commodity: str, metric: str, country: str) -> list[Json]:
    return [{"edition": r.edition, "data_year": r.data_year, "value": refs.row(r)}
            for r in history(rows, commodity, metric, country)]


def _claims(refs: Refs, rows: Sequence[ReferenceRow], commodity: str, country: str | None = None) -> list[Json]:
    out = []
    for r in rows:
        if r.commodity != commodity or r.metric != NATIONAL_CLAIM or r.value is None:
            continue
        if country is not None and r.country_key != country:
            continue
        check = check_claim(commodity, "reserves", r.value, country=r.country_key, rows=rows)
        entry: Json = {"country": r.country_key, "edition": r.edition, "release": r.edition_release,
                       "claim": refs.row(r), "note": r.note, "check": None}
        if check is not None and check.row is not None:
            world_rows: list[ReferenceRow | None] = []
            ws = world_shares(rows, commodity, RESERVES, edition=check.edition, data_year=check.data_year)
            if ws is not None:
                world_rows = [ws.world_row] if ws.world_row else [s.row for s in ws.shares]
            entry["check"] = {
                "edition": check.edition, "data_year": check.data_year, "source": check.source,
                "independent": refs.row(check.row),
                "ratio": refs.fig(check.ratio, "×", [r, check.row], f"{_num(check.claimed_t)} / {_num(check.independent_t)}"),
                "world": refs.fig(check.world_t, "t", world_rows, "" if ws and ws.world_row else "sum of the countries' rows",
                                  check.world_basis or ""),
                "share_of_world_claimed": refs.fig(
                    check.share_of_world_claimed, "%", [r, check.row, *world_rows],
                    f"{_num(check.claimed_t)} / ({_num(check.world_t)} − {_num(check.independent_t)} + "
                    f"{_num(check.claimed_t)}) × 100") if check.share_of_world_claimed is not None else None,
                "share_of_world_independent": refs.fig(
                    check.share_of_world_independent, "%", [check.row, *world_rows],
                    f"{_num(check.independent_t)} / {_num(check.world_t)} × 100")
                if check.share_of_world_independent is not None else None,
                "history": [[e, v] for e, v in check.history]}
        out.append(entry)
    return out


def _cards(announcements: Iterable[Any]) -> list[Json]:
    return [{"id": c.id, "title": c.title, "ticker": c.ticker, "when": c.when.isoformat(), "score": c.score,
             "band": c.band} for c in announcements]


def resolve_commodity(rows: Sequence[ReferenceRow], name: str) -> str | None:
    """The key of a commodity the rows have figures for, from any name the alias table knows, or None."""
    wanted = commodity_key(name) or commodity_slug(name)
    return wanted if any(r.commodity == wanted for r in rows) else None


def resolve_country(rows: Sequence[ReferenceRow], name: str) -> str | None:
    wanted = country_key(name)
    if wanted in (WORLD, OTHER):
        return None
    return wanted if any(r.country_key == wanted for r in rows) else None


def commodity_dossier(rows: Sequence[ReferenceRow], name: str, *, announcements: Iterable[Any] = ()) -> Json | None:
    """A commodity's dossier (see the module's documentation); None when the rows have nothing on it."""
    key = resolve_commodity(rows, name)
    if key is None:
        return None
    refs = Refs()
    mine = [r for r in rows if r.commodity == key]
    reserves = world_shares(mine, key, RESERVES)
    countries = sorted({r.country_key for r in mine if r.metric == RESERVES and not r.is_claim
                        and not is_aggregate(r.country) and r.value is not None})
    order = edition_order(r for r in mine if r.metric == RESERVES and not r.is_claim)
    return {
        "kind": "commodity", "commodity": key, "name": commodity_name(key), "symbol": commodity_symbol(key),
        "reserves": _shares(refs, reserves),
        "reserves_history": [{"country": c, "points": _history(refs, mine, key, RESERVES, c)} for c in countries],
        "world_reserves_history": _history(refs, mine, key, RESERVES, WORLD),
        "editions": sorted(order, key=lambda e: order[e]),
        "claims": _claims(refs, mine, key),
        "production": _shares(refs, world_shares(mine, key, MINE_PRODUCTION)),
        "stages": [_stage(refs, st) for st in stage_shares(mine, key)],
        "chain": chain(mine, key),
        "announcements": _cards(announcements),
        "refs": refs.to_json(),
    }


def country_dossier(rows: Sequence[ReferenceRow], name: str, *, announcements: Iterable[Any] = ()) -> Json | None:
    """A country's dossier: for each commodity with figures for it, its reserves and production (latest, with
    the share of world, and by edition), national claims checked against them and its stage shares."""
    key = resolve_country(rows, name)
    if key is None:
        return None
    refs = Refs()
    sections = []
    counts: dict[str, int] = {}
    for r in rows:
        if r.country_key == key:
            counts[r.commodity] = counts.get(r.commodity, 0) + 1
    for commodity in sorted(counts, key=lambda c: (-counts[c], c)):  # the commodity with most figures first
        mine = [r for r in rows if r.commodity == commodity]
        section: Json = {"commodity": commodity, "name": commodity_name(commodity)}
        for metric, label in ((RESERVES, "reserves"), (MINE_PRODUCTION, "production")):
            ws = world_shares(mine, commodity, metric)
            latest = None
            if ws is not None:
                shares = _shares(refs, ws)
                latest = next((c for c in (shares or {}).get("countries", []) if c["country"] == key), None)
                if latest is not None and shares is not None:
                    latest = {**latest, "edition": ws.edition, "data_year": ws.data_year, "world": shares["world"],
                              "world_basis": ws.world_basis, "rank": _rank(ws, key)}
            section[label] = {"latest": latest, "history": _history(refs, mine, commodity, metric, key)}
        section["claims"] = _claims(refs, mine, commodity, key)
        stages = []
        for st in stage_shares(mine, commodity):
            share = st.share_of(key)
            others = [r for r in st.others if r.country_key == key]
            if share is None and not others:
                continue
            stages.append({"stage": st.stage, "label": st.label, "data_year": st.data_year, "source": st.source,
                           "share_pct": refs.row(share.row) if share else None,
                           "rank": 1 + [s.country for s in st.shares].index(key) if share else None,
                           "concentration": _concentration(refs, st.concentration, [s.row for s in st.shares]),
                           "other_estimates": [{"data_year": r.data_year, "source": r.source,
                                                "share_pct": refs.row(r)} for r in others]})
        section["stages"] = stages
        if any(section[k]["latest"] or section[k]["history"] for k in ("reserves", "production")) or stages or section["claims"]:
            sections.append(section)
    return {"kind": "country", "country": key, "commodities": sections, "announcements": _cards(announcements),
            "refs": refs.to_json()}


def _rank(ws: WorldShares, key: str) -> int | None:
    ranked = [s.country for s in ws.shares if not s.aggregate and s.value is not None]
    return ranked.index(key) + 1 if key in ranked else None


def index(rows: Sequence[ReferenceRow]) -> Json:
    """The commodities and countries the reference rows have figures for (with how many rows each)."""
    commodities: dict[str, int] = {}
    countries: dict[str, int] = {}
    for r in rows:
        commodities[r.commodity] = commodities.get(r.commodity, 0) + 1
        if not is_aggregate(r.country):
            countries[r.country_key] = countries.get(r.country_key, 0) + 1
    editions = edition_order(r for r in rows if r.metric != STAGE_SHARE)
    return {"commodities": [{"commodity": k, "name": commodity_name(k), "rows": n, "chain": chain(rows, k)}
                            for k, n in sorted(commodities.items(), key=lambda kv: (-kv[1], kv[0]))],
            "countries": [{"country": k, "rows": n} for k, n in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))],
            "editions": sorted(editions, key=lambda e: editions[e])}


def scenario_view(rows: Sequence[ReferenceRow], mineral: str, stage: str, country: str, cut_pct: float) -> Json:
    """The scenario (:func:`~oresight.context.analytics.scenario`) with every number as a figure. Raises
    ValueError for an unknown mineral or stage, or a cut outside 0-100."""
    result = scenario(mineral, stage, country, cut_pct, rows=rows)
    refs = Refs()
    impacts = []
    for i in result.impacts:
        share_formula = "" if len(i.share_rows) <= 1 else f"{result.country} / world × 100"
        impacts.append({
            "stage": i.stage, "label": i.label, "relation": i.relation,
            "country_share_pct": refs.fig(i.country_share_pct, "%", i.share_rows, share_formula)
            if i.country_share_pct is not None else None,
            "shortfall_pct": refs.fig(i.shortfall_pct, "%", i.rows, i.basis) if i.shortfall_pct is not None else None,
            "shortfall_t": refs.fig(i.shortfall_t, "t", i.rows, i.basis) if i.shortfall_t is not None else None,
            "world_t": refs.fig(i.world_t, "t", i.world_rows, "" if len(i.world_rows) == 1 else "sum of the countries' rows")
            if i.world_t is not None else None,
            "basis": i.basis})
    return {"commodity": result.commodity, "name": commodity_name(result.commodity), "stage": result.stage,
            "country": result.country, "cut_pct": result.cut_pct, "impacts": impacts, "depends": list(result.depends),
            "assumption": result.assumption, "notes": list(result.notes), "refs": refs.to_json()}
