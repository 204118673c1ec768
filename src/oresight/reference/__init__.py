"""Reference data shipped with Oresight, every row with its source (see ``data/SOURCES.md``).

A copy of the project's shared reference set: the USGS price deck, significance benchmarks, deposit-size
classes, supply-chain stage shares, USGS rare-earth figures and the JORC / ASX reporting checklist.
Loaded once, read-only. ``oresight reference`` lists the files, their rows and where they came from.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import Any

import yaml

FILES = (
    "price_deck.csv",
    "significance_benchmarks.csv",
    "deposit_size_classes.csv",
    "supply_chain_stage_shares.csv",
    "rare_earths_usgs.csv",
    "reporting_checklist.yaml",
)


def read_text(name: str) -> str:
    if name not in FILES and name != "SOURCES.md":
        raise KeyError(name)
    return resources.files("oresight.reference").joinpath("data", name).read_text(encoding="utf-8")


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of one CSV file, as dicts of strings (blank cells are empty strings)."""
    return tuple(csv.DictReader(io.StringIO(read_text(name))))


@cache
def checklist() -> dict[str, Any]:
    data = yaml.safe_load(read_text("reporting_checklist.yaml"))
    assert isinstance(data, dict)
    return data


def checklist_ids() -> set[str]:
    """Every item id of the reporting checklist (JORC Table 1, clauses, ASX rules, red flags, NI 43-101)."""
    ids: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "id" in node:
                ids.add(str(node["id"]))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(checklist())
    return ids
