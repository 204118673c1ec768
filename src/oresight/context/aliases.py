"""Names of commodities and countries, normalised to the keys of the reference rows (``data/aliases.yaml``).

::

    commodity_key("rare-earth oxides")   # "rare_earths" (also "REE", "TREO", "rare earths")
    commodity_key("tin")                 # None: not in the alias table (see commodity_slug)
    country_key("Russian Federation")    # "Russia"; "PRC" → "China"; "Myanmar" → "Burma"
    country_key("Atlantis")              # "Atlantis": an unknown name stays as written (trimmed)
    is_aggregate("World total (rounded)")   # True: World, Other and "top-3 countries combined" are groups
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from oresight._data import package_yaml

WORLD = "World"
OTHER = "Other"


def _norm(name: str) -> str:
    """Lower case without spaces, hyphens, dots, underscores or apostrophes: the form aliases are matched in."""
    return re.sub(r"[\s\-._'’]+", "", (name or "").strip().lower())


@dataclass(frozen=True, slots=True)
class Commodity:
    key: str
    name: str
    symbol: str | None
    mcs_codes: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Tables:
    commodities: dict[str, Commodity]
    commodity_alias: dict[str, str]  # normalised alias -> key
    mcs_code: dict[str, str]
    country_alias: dict[str, str]  # normalised alias -> key
    aggregate_prefixes: tuple[str, ...]


@cache
def _tables() -> _Tables:
    data = package_yaml("oresight.context", "aliases.yaml")
    commodities: dict[str, Commodity] = {}
    commodity_alias: dict[str, str] = {}
    mcs_code: dict[str, str] = {}
    for key, spec in data["commodities"].items():
        c = Commodity(str(key), str(spec["name"]), spec.get("symbol"), tuple(spec.get("mcs_codes") or ()),
                      tuple(str(a) for a in spec.get("aliases") or ()))
        commodities[c.key] = c
        for alias in (c.key, c.name, *c.aliases):
            commodity_alias[_norm(alias)] = c.key
        for code in c.mcs_codes:
            mcs_code[code.lower()] = c.key
    country_alias: dict[str, str] = {}
    for key, names in data["countries"].items():
        for alias in (key, *(names or ())):
            country_alias[_norm(str(alias))] = str(key)
    prefixes = tuple(_norm(p) for p in data.get("aggregate_prefixes") or ())
    return _Tables(commodities, commodity_alias, mcs_code, country_alias, prefixes)


def commodity_key(name: str) -> str | None:
    """The key of a commodity named any way the alias table knows (``"REE"``, ``"rare-earth oxides"``), or
    None."""
    return _tables().commodity_alias.get(_norm(name))


def commodity_slug(name: str) -> str:
    """A key for any commodity name: the alias table's key when it knows the name, else the name in lower
    case with ``_`` between words (``"Graphite (Natural)"`` → ``"graphite"``, ``"Tin"`` → ``"tin"``)."""
    known = commodity_key(name)
    if known:
        return known
    return re.sub(r"[^a-z0-9]+", "_", (name or "").strip().lower()).strip("_")


def commodity_from_mcs_code(code: str) -> str | None:
    """The commodity of a USGS MCS file-name code (``"raree"`` → ``"rare_earths"``), or None."""
    return _tables().mcs_code.get(code.lower())


def commodity_name(key: str) -> str:
    """How a commodity is shown: its name in the alias table, else its key in words."""
    known = _tables().commodities.get(key)
    return known.name if known else key.replace("_", " ").capitalize()


def commodity_symbol(key: str) -> str | None:
    """The commodity symbol extracted announcements carry for this commodity (``"rare_earths"`` → ``"REE"``)."""
    known = _tables().commodities.get(key)
    return known.symbol if known else None


def known_commodities() -> list[Commodity]:
    return list(_tables().commodities.values())


def country_key(name: str) -> str:
    """The key of a country named any way the alias table knows; World and Other for the aggregates
    (``"World total (rounded)"``, ``"Other countries"``); else the name as written, trimmed."""
    t = _tables()
    norm = _norm(name)
    if norm in t.country_alias:
        return t.country_alias[norm]
    if norm.startswith("worldtotal"):
        return WORLD
    if norm.startswith("other"):
        return OTHER
    return " ".join((name or "").split())


def is_aggregate(name: str) -> bool:
    """Whether a country name stands for a group (World, Other countries, "top-3 countries combined")."""
    key = country_key(name)
    if key in (WORLD, OTHER):
        return True
    norm = _norm(name)
    return any(norm.startswith(p) for p in _tables().aggregate_prefixes)
