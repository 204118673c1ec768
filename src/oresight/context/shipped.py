"""The reference rows shipped with Oresight (package data ``oresight/reference/data``), every row with its
source: USGS rare-earth production and reserves by edition with national claims (``rare_earths_usgs.csv``)
and supply-chain stage shares (``supply_chain_stage_shares.csv``).

::

    rows = shipped_rows()        # tuple of ReferenceRow, read once (no store needed)
    shipped_files()              # [(dataset, sha256, text)] as loaded into the store by ensure_shipped
"""

from __future__ import annotations

import csv
import hashlib
import io
from functools import cache

from oresight import reference

from .aliases import commodity_slug, country_key
from .model import NATIONAL_CLAIM, STAGE_SHARE, ReferenceRow
from .readers import parse_value

RARE_EARTHS_FILE = "rare_earths_usgs.csv"
STAGE_SHARES_FILE = "supply_chain_stage_shares.csv"
SHIPPED = (RARE_EARTHS_FILE, STAGE_SHARES_FILE)


def shipped_files() -> list[tuple[str, str, str]]:
    """The shipped reference files: (name, SHA-256 of the text, text)."""
    out = []
    for name in SHIPPED:
        text = reference.read_text(name)
        out.append((name, hashlib.sha256(text.encode("utf-8")).hexdigest(), text))
    return out


def rows_of(name: str, text: str) -> list[ReferenceRow]:
    """The reference rows of one shipped file."""
    if name == RARE_EARTHS_FILE:
        return _rare_earths(text)
    if name == STAGE_SHARES_FILE:
        return _stage_shares(text)
    raise KeyError(name)


@cache
def shipped_rows() -> tuple[ReferenceRow, ...]:
    """Every shipped reference row (read once)."""
    out: list[ReferenceRow] = []
    for name, _, text in shipped_files():
        out.extend(rows_of(name, text))
    return tuple(out)


def _records(text: str) -> list[tuple[int, dict[str, str]]]:
    """(line number in the file, record) for each CSV record."""
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, {k: (v or "").strip() for k, v in record.items() if k}) for record in reader]


def _rare_earths(text: str) -> list[ReferenceRow]:
    rows = []
    for line, r in _records(text):
        raw = r["value_t_reo"]
        value, parsed = parse_value(raw)
        qualifier = r["qualifier"] or parsed
        metric = r["metric"]
        rows.append(ReferenceRow(
            dataset=RARE_EARTHS_FILE, line=line, edition=r["edition"], edition_release=r["edition_release"],
            data_year=r["data_year"], commodity="rare_earths", country=r["country"],
            country_key=country_key(r["country"]), metric=metric, value=value, unit="t", source=r["source"],
            qualifier=qualifier, note=r["note"], confidence=r["confidence"],
            basis="claimed by the country's government" if metric == NATIONAL_CLAIM else "rare-earth-oxide (REO) equivalent"))
    return rows


def _stage_shares(text: str) -> list[ReferenceRow]:
    rows = []
    for line, r in _records(text):
        raw = r["share_pct"]
        value, qualifier = parse_value(raw)
        if value is None and raw:
            qualifier = f"range or text: {raw}"
        rows.append(ReferenceRow(
            dataset=STAGE_SHARES_FILE, line=line, edition=_short_source(r["source"]), edition_release="",
            data_year=r["data_year"], commodity=commodity_slug(r["mineral"]), country=r["country"],
            country_key=country_key(r["country"]), metric=STAGE_SHARE, stage=r["stage"], value=value, unit="%",
            source=r["source"], qualifier=qualifier, note=r["note"], confidence=r["confidence"], basis=r["basis"]))
    return rows


def _short_source(source: str) -> str:
    """A stage-share row's edition: the first clause of its source (``"IEA Global Critical Minerals Outlook
    2024"``), at most 80 characters."""
    head = source.split(" (")[0].split(", ")[0].strip()
    return head[:80] or "unknown source"
