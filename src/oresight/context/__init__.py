"""Context: critical-minerals reference data and the analytics over it.

Reference rows (USGS production and reserves by edition, national claims, supply-chain stage shares), every
row with its source, shipped as package data and loaded into the store (``oresight reference update FILE``
adds newer USGS editions or a user's figures, keeping every edition). Over them, pure functions:

::

    from oresight.context import check_claim, scenario, world_shares, stage_shares, shipped_rows

    check_claim("rare earths", "reserves", 28.7e6, country="Russia")   # ClaimCheck: ratio 7.55 to USGS MCS 2026
    world_shares(shipped_rows(), "rare_earths", "mine_production")     # shares of world, HHI, top-1, top-3
    scenario("rare_earths", "mining", "China", 50)                     # global shortfall at each stage

Modules: ``model`` (ReferenceRow), ``aliases`` (commodity and country names), ``shipped`` (the package's rows),
``readers`` (USGS MCS data-release layouts and the user's CSV), ``analytics``, ``loader`` (into the store),
``dossier`` (country and commodity dossiers for the CLI and the dashboard). See docs/context.md.
"""

from .aliases import commodity_key, country_key
from .analytics import (
    ClaimCheck,
    Concentration,
    Scenario,
    StageImpact,
    StageShares,
    WorldShares,
    check_claim,
    concentration,
    history,
    scenario,
    stage_shares,
    world_shares,
)
from .model import ReferenceRow
from .shipped import shipped_rows

__all__ = [
    "ClaimCheck",
    "Concentration",
    "ReferenceRow",
    "Scenario",
    "StageImpact",
    "StageShares",
    "WorldShares",
    "check_claim",
    "commodity_key",
    "concentration",
    "country_key",
    "history",
    "scenario",
    "shipped_rows",
    "stage_shares",
    "world_shares",
]
