"""Grades to money: US dollars per kilogram of each analyte from the reference price deck
(``data/values.yaml`` says which deck row values which analyte), and grade units to kg per tonne."""

from __future__ import annotations

import os
import re
from functools import cache

from oresight.assess._text import load
from oresight.reference import rows

KG_PER_T = {"g/t": 0.001, "ppm": 0.001, "ppb": 1e-6, "%": 10.0, "kg/t": 1.0, "lb/t": 0.453592,
            "oz/t": 0.0342857}  # oz/t: troy ounces per short ton (34.2857 g/t)
TO_USD_PER_KG = {"USD/troy oz": 32.1507, "US cents/lb": 0.0220462, "USD/lb": 2.20462, "USD/lb U3O8": 2.20462,
                 "USD/t": 0.001, "USD/kg": 1.0, "USD per dry mtu WO3": 0.1}


def kg_per_t(grade: float, unit: str) -> float | None:
    f = KG_PER_T.get(unit)
    return None if f is None else grade * f


def convert(grade: float, unit: str, to: str) -> float | None:
    kg = kg_per_t(grade, unit)
    f = KG_PER_T.get(to)
    return None if kg is None or f is None else kg / f


def base_analyte(analyte: str) -> str:
    return str(load("values.yaml")["equivalents"].get(analyte, analyte))


@cache
def _deck_price(commodity: str) -> tuple[float, str] | None:
    """The deck's price of a commodity in USD/kg, preferring the configured period; with its citation."""
    period = str(load("values.yaml").get("period", ""))
    best: tuple[int, float, str] | None = None
    for row in rows("price_deck.csv"):
        if row["commodity"] != commodity:
            continue
        factor = TO_USD_PER_KG.get(row["unit"])
        try:
            price = float(row["price"])
        except ValueError:
            continue
        if factor is None:
            continue
        when = row["period_or_date"]
        rank = (2 if period and period in when else 0) + (1 if "estimate" in row["price_type"] or "spot" in row["price_type"] else 0)
        if "2023" in when:
            rank -= 3  # historic reference points, not today's deck
        cite = f"{commodity} {row['price']} {row['unit']} ({when}; {re.split(r'[;(]', row['source'])[0].strip()})"
        if best is None or rank > best[0]:
            best = (rank, price * factor, cite)
    return None if best is None else (best[1], best[2])


@cache
def usd_per_kg(analyte: str) -> tuple[float, str] | None:
    spec = load("values.yaml")["analytes"].get(base_analyte(analyte))
    if spec is None:
        return None
    names = spec["commodity"] if isinstance(spec["commodity"], list) else [spec["commodity"]]
    prices = [_deck_price(n) for n in names]
    if not all(prices):
        return None
    got = [p for p in prices if p]
    value = sum(p[0] for p in got) / len(got) * float(spec.get("factor", 1))
    return value, "; ".join(p[1] for p in got)


def usd_per_t(grade: float, unit: str, analyte: str) -> float | None:
    kg = kg_per_t(grade, unit)
    price = usd_per_kg(analyte)
    if kg is None or price is None:
        return None
    return kg * price[0]


def aud_per_usd() -> float:
    raw = os.environ.get("ORESIGHT_AUD_PER_USD", "").strip()
    if raw:
        try:
            v = float(raw)
            if v > 0:
                return v
        except ValueError:
            pass
    return float(load("values.yaml")["aud_per_usd"])


def gold_usd_per_g() -> float:
    p = usd_per_kg("Au")
    assert p is not None
    return p[0] / 1000.0


def copper_usd_per_t() -> float:
    p = usd_per_kg("Cu")
    assert p is not None
    return p[0] * 1000.0
