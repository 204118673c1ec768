"""Analytics over reference rows: pure functions, every result carrying the rows it came from.

::

    world_shares(rows, "rare_earths", "mine_production")   # WorldShares: each country's share of the World
                                                             # total (the World row, else the sum), HHI, top-1/3
    stage_shares(rows, "rare_earths")                       # [StageShares] per supply-chain stage, in chain order
    concentration({"China": 92.0, "Malaysia": 5.0})         # Concentration(hhi=8489.0, top1_pct=92.0, ...)
    history(rows, "rare_earths", "reserves", "Russia")      # the figure of each edition, oldest first
    check_claim("rare earths", "reserves", 28.7e6, country="Russian Federation")   # ClaimCheck, ratio 7.55
    scenario("rare_earths", "mining", "China", 50)          # Scenario: shortfall at the cut and downstream

Formulas (docs/context.md):

- share of world (%) = country figure / world figure × 100, where the world figure is the edition's World row
  for the same data year when it has one (``world_basis == "world row"``), else the sum of the country rows
  (``"sum of countries"``, Other included; at least two countries). A World row printed as a lower bound (">75,000,000") makes the
  shares upper bounds (``world_qualifier``).
- HHI = Σ sᵢ² over the countries' percent shares (0-10,000); top-1 and top-3 are the largest share and the sum
  of the three largest; ``covered_pct`` is the sum of the shares it was computed on (aggregates such as
  "Other" are left out of the concentration).
- claim ratio = claimed / independent; share of world claimed = claimed / (world − independent + claimed) × 100
  (the world figure the claim implies); share of world independent = independent / world × 100.

Functions that take ``rows`` accept any iterable of :class:`ReferenceRow` (the shipped rows, the store's rows,
or rows a test builds); the commodity is a key (``rare_earths``) unless said otherwise.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from oresight._data import package_yaml

from .aliases import WORLD, commodity_key, commodity_name, commodity_slug, country_key, is_aggregate
from .model import (
    MINE_PRODUCTION,
    RESERVES,
    RESOURCES,
    STAGE_SHARE,
    ReferenceRow,
    edition_order,
    is_projection,
    year_of,
)

CLAIM_METRICS = {"reserves": RESERVES, "production": MINE_PRODUCTION, "resources": RESOURCES}

ASSUMPTION = (
    "Material flows one to one down the supply chain, with no stocks, spare capacity or substitution; each stage "
    "takes its feed from the stage before it. Where the data says what share of a country's feed comes from the "
    "cut country, that country's output falls by that share of the cut; every other producer draws its feed from "
    "the world pool in proportion and loses the same percentage as the stage before it. The global shortfall at a "
    "stage is the share-weighted sum of its producers' losses.")


# -- values ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Concentration:
    """Concentration of percent shares: HHI (0-10,000), the largest share and the three largest together."""

    hhi: float
    top1_pct: float
    top3_pct: float
    top1: str
    top3: tuple[str, ...]
    covered_pct: float
    countries: int


@dataclass(frozen=True, slots=True)
class CountryShare:
    """A country's figure and its share (percent) of the world, with the row it was read from."""

    country: str
    value: float | None
    share_pct: float | None
    row: ReferenceRow
    aggregate: bool = False


@dataclass(frozen=True, slots=True)
class WorldShares:
    """Every country's share of the world figure of one commodity, metric, edition and data year."""

    commodity: str
    metric: str
    edition: str
    data_year: str
    unit: str
    world_value: float | None
    world_basis: str  # "world row" or "sum of countries"
    world_qualifier: str  # the World row's qualifier (e.g. "lower_bound"), "" for a sum
    world_row: ReferenceRow | None
    shares: tuple[CountryShare, ...]
    concentration: Concentration | None

    def share_of(self, country: str) -> CountryShare | None:
        key = country_key(country)
        return next((s for s in self.shares if s.country == key), None)

    @property
    def rows(self) -> tuple[ReferenceRow, ...]:
        return ((self.world_row,) if self.world_row else ()) + tuple(s.row for s in self.shares)


@dataclass(frozen=True, slots=True)
class StageShares:
    """The country shares of one supply-chain stage: the set used (one source, one data year: the latest that is
    not a projection), its concentration, and the other estimates in the data."""

    commodity: str
    stage: str
    label: str
    data_year: str
    source: str
    confidence: str
    shares: tuple[CountryShare, ...]
    concentration: Concentration | None
    others: tuple[ReferenceRow, ...]

    def share_of(self, country: str) -> CountryShare | None:
        key = country_key(country)
        return next((s for s in self.shares if s.country == key), None)


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A claimed figure against the independent estimate (the latest edition that gives one).

    ``ratio`` = claimed / independent. ``share_of_world_claimed`` and ``share_of_world_independent`` are in
    percent (0-100): the claim as a share of the world figure it implies (world − independent + claimed), and
    the independent figure's share of the world figure; None for a claim about the world itself or when the
    edition has no world figure. ``history`` is the country's figure by edition, oldest first. ``world_t`` is
    the world figure used and ``world_basis`` says where it came from ("world row", "world row, lower bound" or
    "sum of countries"); ``row`` is the reference row of the independent figure."""

    commodity: str
    metric: str
    country: str | None
    claimed_t: float
    independent_t: float
    ratio: float
    share_of_world_claimed: float | None
    share_of_world_independent: float | None
    source: str
    edition: str
    data_year: str
    history: list[tuple[str, float]]
    world_t: float | None = None
    world_basis: str | None = None
    row: ReferenceRow | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"commodity": self.commodity, "metric": self.metric, "country": self.country,
                "claimed_t": self.claimed_t, "independent_t": self.independent_t, "ratio": self.ratio,
                "share_of_world_claimed": self.share_of_world_claimed,
                "share_of_world_independent": self.share_of_world_independent, "source": self.source,
                "edition": self.edition, "data_year": self.data_year,
                "history": [[e, v] for e, v in self.history], "world_t": self.world_t,
                "world_basis": self.world_basis}


@dataclass(frozen=True, slots=True)
class FeedShare:
    """The share of a country's feed at a stage that comes from another country (``data/feed_sources.csv``)."""

    commodity: str
    stage: str
    country: str
    upstream_country: str
    share_pct: float
    data_year: str
    source: str


@dataclass(frozen=True, slots=True)
class StageImpact:
    """One stage in a scenario: how it relates to the cut (``cut``, ``downstream``, ``upstream``, ``not
    dependent``); the cut country's share there (``share_rows``: the rows it was read or computed from); the
    global shortfall in percent of the stage's world output and in tonnes when the data gives that output in
    tonnes (``rows``: the rows it derives from; None for a stage the cut does not reach); the world output
    (``world_rows``); and how it was computed (``basis``)."""

    stage: str
    label: str
    relation: str
    country_share_pct: float | None
    shortfall_pct: float | None
    shortfall_t: float | None
    world_t: float | None
    basis: str
    rows: tuple[ReferenceRow, ...]
    share_rows: tuple[ReferenceRow, ...] = ()
    world_rows: tuple[ReferenceRow, ...] = ()


@dataclass(frozen=True, slots=True)
class Scenario:
    """A supply shock: ``country`` loses ``cut_pct``% of its output at ``stage`` of ``commodity``. ``impacts``
    lists every stage of the chain in order; ``depends`` the stages downstream of the cut."""

    commodity: str
    stage: str
    country: str
    cut_pct: float
    impacts: tuple[StageImpact, ...]
    depends: tuple[str, ...]
    assumption: str
    notes: tuple[str, ...]

    def impact(self, stage: str) -> StageImpact | None:
        return next((i for i in self.impacts if i.stage == stage), None)


# -- helpers -------------------------------------------------------------------------------------------------


def independent(rows: Iterable[ReferenceRow]) -> list[ReferenceRow]:
    """The rows that are estimates by an independent source (national claims left out)."""
    return [r for r in rows if not r.is_claim]


def _year(row: ReferenceRow) -> int:
    return year_of(row.data_year) or 0


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def concentration(shares: Mapping[str, float]) -> Concentration | None:
    """HHI (Σ of squared percent shares, 0-10,000), top-1 and top-3 shares of the shares given (None when
    there are none)."""
    ranked = sorted(((k, v) for k, v in shares.items() if _finite(v)), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    top3 = ranked[:3]
    return Concentration(hhi=sum(v * v for _, v in ranked), top1_pct=ranked[0][1], top3_pct=sum(v for _, v in top3),
                         top1=ranked[0][0], top3=tuple(k for k, _ in top3), covered_pct=sum(v for _, v in ranked),
                         countries=len(ranked))


def _conc_of(shares: Sequence[CountryShare]) -> Concentration | None:
    return concentration({s.country: s.share_pct for s in shares if not s.aggregate and s.share_pct is not None})


def latest_edition(rows: Iterable[ReferenceRow], *, numeric: bool = True) -> str | None:
    """The newest edition among the rows (with a number, when ``numeric``)."""
    pool = [r for r in rows if not numeric or _finite(r.value)]
    order = edition_order(pool)
    return max(order, key=lambda e: order[e]) if order else None


# -- shares of the world --------------------------------------------------------------------------------------


def world_shares(rows: Iterable[ReferenceRow], commodity: str, metric: str, *, edition: str | None = None,
                 data_year: str | None = None) -> WorldShares | None:
    """Each country's share of the world figure (see the module's formulas). Without ``edition``, the newest
    edition with a figure; without ``data_year``, that edition's latest year with a figure. None when there is
    no row."""
    pool = [r for r in independent(rows) if r.commodity == commodity and r.metric == metric]
    if data_year is not None:
        pool = [r for r in pool if r.data_year == data_year]
    edition = edition or latest_edition(pool)
    if edition is None:
        return None
    pool = [r for r in pool if r.edition == edition]
    if data_year is None:
        numeric = [r for r in pool if _finite(r.value)]
        if not numeric:
            return None
        data_year = max(numeric, key=_year).data_year
    pool = [r for r in pool if r.data_year == data_year]
    world_row = next((r for r in pool if r.country_key == WORLD and _finite(r.value)), None)
    unit = world_row.unit if world_row else _common_unit(pool)
    seen: set[str] = set()
    countries: list[ReferenceRow] = []
    for r in pool:
        if r.country_key == WORLD or r.unit != unit or r.country_key in seen:
            continue
        seen.add(r.country_key)
        countries.append(r)
    if world_row is not None:
        world: float | None = world_row.value
        basis, qualifier = "world row", world_row.qualifier
    else:
        numbers = [r.value for r in countries if r.value is not None and _finite(r.value)]
        world = sum(numbers) if len(numbers) >= 2 else None  # one country's own figure is no world total
        basis, qualifier = "sum of countries", ""
    shares = []
    for r in countries:
        share = r.value / world * 100 if r.value is not None and world else None
        shares.append(CountryShare(r.country_key, r.value, share, r, is_aggregate(r.country)))
    shares.sort(key=lambda s: (s.aggregate, s.value is None, -(s.value or 0.0), s.country))
    return WorldShares(commodity, metric, edition, data_year, unit, world, basis, qualifier, world_row,
                       tuple(shares), _conc_of(shares))


def _common_unit(rows: Sequence[ReferenceRow]) -> str:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.unit] = counts.get(r.unit, 0) + 1
    return max(counts, key=lambda u: (counts[u], u == "t")) if counts else "t"


def history(rows: Iterable[ReferenceRow], commodity: str, metric: str, country: str, *,
            data_year: str | None = None) -> list[ReferenceRow]:
    """A country's figure in each independent edition, oldest first: the row for ``data_year`` when given,
    else each edition's latest year with a number."""
    key = country_key(country)
    pool = [r for r in independent(rows) if r.commodity == commodity and r.metric == metric
            and r.country_key == key and _finite(r.value)]
    if data_year is not None:
        pool = [r for r in pool if r.data_year == data_year]
    by_edition: dict[str, ReferenceRow] = {}
    for r in pool:
        kept = by_edition.get(r.edition)
        if kept is None or _year(r) > _year(kept):
            by_edition[r.edition] = r
    order = edition_order(by_edition.values())
    return sorted(by_edition.values(), key=lambda r: order[r.edition])


# -- supply-chain stages -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stage:
    key: str
    label: str
    order: int
    upstream: str | None
    tonnage_metric: str | None


@cache
def stages() -> dict[str, Stage]:
    """The supply-chain stages (``data/stages.yaml``)."""
    data = package_yaml("oresight.context", "stages.yaml")
    return {str(k): Stage(str(k), str(v["label"]), int(v["order"]), v.get("upstream"), v.get("tonnage_metric"))
            for k, v in data["stages"].items()}


def stage_label(stage: str) -> str:
    known = stages().get(stage)
    return known.label if known else stage.replace("_", " ").capitalize()


def _stage_order(stage: str) -> tuple[int, str]:
    known = stages().get(stage)
    return (known.order if known else 99, stage)


_CONFIDENCE = (("high", 4), ("medium", 3), ("low-medium", 2), ("low", 1))


def _confidence(text: str) -> int:
    low = (text or "").strip().lower()
    return next((rank for word, rank in _CONFIDENCE if low.startswith(word)), 0)


def stage_set(rows: Iterable[ReferenceRow], commodity: str, stage: str) -> StageShares | None:
    """The shares of one stage: among the sets of rows that share a source and data year (countries with a
    number, projections left out), the latest year, then the higher confidence, then the most countries."""
    pool = [r for r in rows if r.metric == STAGE_SHARE and r.commodity == commodity and r.stage == stage]
    if not pool:
        return None
    groups: dict[tuple[str, str], list[ReferenceRow]] = {}
    for r in pool:
        if _finite(r.value) and not is_projection(r.data_year) and not is_aggregate(r.country):
            groups.setdefault((r.data_year, r.source), []).append(r)
    chosen: list[ReferenceRow] = []
    if groups:
        chosen = max(groups.values(), key=lambda g: (_year(g[0]), _confidence(g[0].confidence), len(g)))
    shares = [CountryShare(r.country_key, r.value, r.value, r) for r in chosen]
    shares.sort(key=lambda s: (-(s.share_pct or 0.0), s.country))
    others = tuple(r for r in pool if r not in chosen)
    first = chosen[0] if chosen else None
    return StageShares(commodity, stage, stage_label(stage), first.data_year if first else "",
                       first.source if first else "", first.confidence if first else "", tuple(shares),
                       _conc_of(shares), others)


def stage_shares(rows: Iterable[ReferenceRow], commodity: str) -> list[StageShares]:
    """Every stage of a commodity with shares in the data, in supply-chain order."""
    pool = [r for r in rows if r.metric == STAGE_SHARE and r.commodity == commodity]
    out = []
    for stage in sorted({r.stage for r in pool if r.stage}, key=_stage_order):
        found = stage_set(pool, commodity, stage)
        if found is not None:
            out.append(found)
    return out


# -- claims ---------------------------------------------------------------------------------------------------


def check_claim(commodity: str, metric: str, value_t: float, *, country: str | None, year: int | None = None,
                rows: Iterable[ReferenceRow] | None = None) -> ClaimCheck | None:
    """A claimed figure (tonnes; of REO for rare earths) against the independent estimate.

    ``commodity`` any name the alias table knows ("rare earths", "REE", "TREO"); ``metric`` one of
    ``reserves``, ``production``, ``resources``; ``country`` any alias ("Russian Federation"), None for a claim
    about the world. The estimate is the newest edition with a non-zero figure for the country (for data year
    ``year`` when given; else its latest year). ``rows`` defaults to the shipped reference rows; pass the
    store's rows (``store.reference_rows()``) to include loaded editions. None when the commodity is unknown
    or no independent non-zero figure exists.
    """
    if metric not in CLAIM_METRICS:
        raise ValueError(f"metric must be one of {', '.join(CLAIM_METRICS)}, not {metric!r}")
    if not math.isfinite(value_t) or value_t < 0:
        raise ValueError(f"a claimed figure must be a finite number of tonnes ≥ 0, not {value_t!r}")
    key = commodity_key(commodity)
    if key is None:
        return None
    if rows is None:
        from .shipped import shipped_rows

        rows = shipped_rows()
    wanted = CLAIM_METRICS[metric]
    place = country_key(country) if country else WORLD
    pool = [r for r in independent(rows) if r.commodity == key and r.metric == wanted]
    data_year = str(year) if year is not None else None
    mine = [r for r in pool if r.country_key == place and _finite(r.value) and r.value
            and (data_year is None or r.data_year == data_year)]
    if not mine:
        return None
    order = edition_order(pool)
    chosen = max(mine, key=lambda r: (order[r.edition], _year(r)))
    independent_t = float(chosen.value or 0.0)
    shares = world_shares(pool, key, wanted, edition=chosen.edition, data_year=chosen.data_year)
    world = shares.world_value if shares else None
    basis = None
    if shares and world:
        basis = shares.world_basis + (", lower bound" if shares.world_qualifier == "lower_bound" else "")
    share_claimed = share_independent = None
    if world and place != WORLD:
        share_independent = independent_t / world * 100
        implied = world - independent_t + value_t
        share_claimed = value_t / implied * 100 if implied > 0 else None
    past = history(pool, key, wanted, place, data_year=data_year)
    return ClaimCheck(
        commodity=key, metric=metric, country=None if place == WORLD else place, claimed_t=float(value_t),
        independent_t=independent_t, ratio=value_t / independent_t, share_of_world_claimed=share_claimed,
        share_of_world_independent=share_independent, source=chosen.source, edition=chosen.edition,
        data_year=chosen.data_year, history=[(r.edition, float(r.value or 0.0)) for r in past], world_t=world,
        world_basis=basis, row=chosen)


# -- scenario ---------------------------------------------------------------------------------------------------


@cache
def shipped_feeds() -> tuple[FeedShare, ...]:
    """The feed-sourcing shares shipped in ``data/feed_sources.csv`` (none yet: no sourced figure)."""
    text = resources.files("oresight.context").joinpath("data", "feed_sources.csv").read_text(encoding="utf-8")
    out = []
    for r in csv.DictReader(io.StringIO(text)):
        out.append(FeedShare(commodity_slug(r["mineral"]), r["stage"], country_key(r["country"]),
                             country_key(r["upstream_country"]), float(r["share_pct"]), r["data_year"], r["source"]))
    return tuple(out)


def chain(rows: Iterable[ReferenceRow], commodity: str) -> list[str]:
    """The stages of a commodity's supply chain that the data covers (stage shares, or tonnage rows of a
    stage), in order."""
    present: set[str] = set()
    by_metric = {s.tonnage_metric: s.key for s in stages().values() if s.tonnage_metric}
    for r in rows:
        if r.commodity != commodity or r.is_claim:
            continue
        if r.metric == STAGE_SHARE and r.stage:
            present.add(r.stage)
        elif r.metric in by_metric and _finite(r.value):
            present.add(by_metric[r.metric])
    return sorted(present, key=_stage_order)


def _ancestors(stage: str) -> list[str]:
    out: list[str] = []
    current = stages().get(stage)
    while current is not None and current.upstream and current.upstream not in out:
        out.append(current.upstream)
        current = stages().get(current.upstream)
    return out


def _tonnage(rows: Sequence[ReferenceRow], commodity: str, stage: str) -> WorldShares | None:
    known = stages().get(stage)
    if known is None or not known.tonnage_metric:
        return None
    shares = world_shares(rows, commodity, known.tonnage_metric)
    return shares if shares is not None and shares.unit == "t" and shares.world_value else None


def scenario(mineral: str, stage: str, country: str, cut_pct: float, *, rows: Iterable[ReferenceRow] | None = None,
             feeds: Iterable[FeedShare] | None = None) -> Scenario:
    """Cut ``country``'s output at ``stage`` of ``mineral`` by ``cut_pct`` percent: the global shortfall at
    that stage and at each stage downstream of it (see :data:`ASSUMPTION`), with the rows used.

    At the cut stage the country's share comes from tonnage rows when the data has them for the stage (mine
    production for mining: the newest edition's latest year), else from the stage's shares. Raises ValueError
    for an unknown mineral or stage, or a cut outside 0-100.
    """
    if rows is None:
        from .shipped import shipped_rows

        rows = shipped_rows()
    pool = list(rows)
    key = commodity_key(mineral) or commodity_slug(mineral)
    stages_here = chain(pool, key)
    if not stages_here:
        raise ValueError(f"no supply-chain figures for {mineral!r}")
    if stage not in stages_here:
        raise ValueError(f"no {stage!r} figures for {commodity_name(key)}: use one of {', '.join(stages_here)}")
    if not math.isfinite(cut_pct) or not 0 <= cut_pct <= 100:
        raise ValueError(f"the cut must be a percentage from 0 to 100, not {cut_pct!r}")
    place = country_key(country)
    feed_list = [f for f in (shipped_feeds() if feeds is None else feeds) if f.commodity == key]
    cut = cut_pct / 100
    notes: list[str] = []
    shortfall: dict[str, float] = {}
    feeding: dict[str, tuple[ReferenceRow, ...]] = {}  # the rows each affected stage's shortfall derives from
    impacts: list[StageImpact] = []
    depends = tuple(s for s in stages_here if stage in _ancestors(s))
    upstream_of_cut = set(_ancestors(stage))
    for s in stages_here:
        label = stage_label(s)
        tonnage = _tonnage(pool, key, s)
        world_t = tonnage.world_value if tonnage else None
        world_rows: tuple[ReferenceRow, ...] = (tonnage.world_row,) if tonnage and tonnage.world_row else ()
        if tonnage and not tonnage.world_row:
            world_rows = tuple(x.row for x in tonnage.shares)
        shares = stage_set(pool, key, s)
        listed = shares.share_of(place) if shares else None
        listed_rows: tuple[ReferenceRow, ...] = (listed.row,) if listed else ()
        if s == stage:
            mine = tonnage.share_of(place) if tonnage else None
            if tonnage and mine and mine.value is not None and mine.share_pct is not None:
                lost = mine.value * cut
                pct = mine.share_pct * cut
                basis = (f"{place}: {_n(mine.value)} t of the world's {_n(world_t)} t ({tonnage.edition}, "
                         f"{tonnage.data_year}); cutting {_n(cut_pct)}% removes {_n(lost)} t = {_n(pct)}% of world "
                         f"output")
                used = (mine.row, *world_rows)
                impacts.append(StageImpact(s, label, "cut", mine.share_pct, pct, lost, world_t, basis, used,
                                           used, world_rows))
            else:
                share = listed.share_pct if listed and listed.share_pct is not None else 0.0
                if listed is None:
                    notes.append(f"{place} has no listed share at {label}: nothing is cut")
                pct = share * cut
                basis = (f"{place} holds {_n(share)}% of {label.lower()} ({shares.source if shares else 'no data'}, "
                         f"{shares.data_year if shares else ''}); cutting {_n(cut_pct)}% removes {_n(pct)}% of world "
                         f"output")
                impacts.append(StageImpact(s, label, "cut", share if listed else None, pct,
                                           pct / 100 * world_t if world_t else None, world_t, basis,
                                           listed_rows + (world_rows if world_t else ()), listed_rows, world_rows))
            shortfall[s] = pct
            feeding[s] = impacts[-1].rows
        elif s in depends:
            up = next((a for a in _ancestors(s) if a in shortfall), None)  # the nearest stage in the chain
            loss_up = shortfall.get(up or "", 0.0)
            up_rows = feeding.get(up or "", ())
            mine_feeds = {f.country: f for f in feed_list if f.stage == s and f.upstream_country == place}
            fed = [x for x in shares.shares if x.country in mine_feeds and x.share_pct is not None] if shares else []
            if fed:
                direct = sum((x.share_pct or 0.0) * mine_feeds[x.country].share_pct * cut / 100 for x in fed)
                rest = 100 - sum(x.share_pct or 0.0 for x in fed)
                pct = direct + max(rest, 0.0) * loss_up / 100
                parts = "; ".join(f"{x.country} sources {_n(mine_feeds[x.country].share_pct)}% of its feed from "
                                  f"{place} ({mine_feeds[x.country].source})" for x in fed)
                basis = (f"{parts}: it loses that share of the cut; the other {_n(max(rest, 0.0))}% of the stage "
                         f"loses {_n(loss_up)}% in proportion")
                used = up_rows + tuple(x.row for x in fed)
            else:
                pct = loss_up
                basis = (f"depends on {stage_label(up or '').lower()}: every producer draws its feed from the world "
                         f"pool in proportion and loses {_n(loss_up)}% of its output")
                used = up_rows
            shortfall[s] = pct
            feeding[s] = used
            impacts.append(StageImpact(s, label, "downstream", listed.share_pct if listed else None, pct,
                                       pct / 100 * world_t if world_t else None, world_t, basis,
                                       used + (world_rows if world_t else ()), listed_rows, world_rows))
        else:
            relation = "upstream" if s in upstream_of_cut else "not dependent"
            basis = ("upstream of the cut: its output is not reduced (the cut lowers the demand for its output)"
                     if relation == "upstream" else "does not take its feed from the cut stage")
            impacts.append(StageImpact(s, label, relation, listed.share_pct if listed else None, None, None, world_t,
                                       basis, (), listed_rows, world_rows))
    return Scenario(key, stage, place, float(cut_pct), tuple(impacts), depends, ASSUMPTION, tuple(notes))


def _n(value: float | None) -> str:
    """A number for an explanation: thousands separated, at most three significant decimals."""
    if value is None:
        return "?"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"
