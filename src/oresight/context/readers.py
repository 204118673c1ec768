"""Reading a reference file a user loads with ``oresight reference update FILE``: a USGS Mineral Commodity
Summaries (MCS) data-release CSV in one of its published layouts, or a CSV of the user's own.

Layouts recognised by their header:

- **MCS per-commodity world table** (MCS 2022-2024 data releases, e.g. ``mcs2024-raree_world.csv``)::

      Source,Country,Type,Prod_t_est_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes

  The unit is in the column names (``t``, ``kt``, ``kg``, ``Mt``); the years of production are in the
  production columns' names; reserves are of the year before the edition (MCS 2024 → 2023, as USGS
  states them at the end of that year). ``Cap_`` (capacity) columns are not read.

- **MCS aggregated commodities data** (MCS 2026 data release, ``MCS2026_Commodities_Data.csv``)::

      MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,
      Is critical mineral 2025,Other notes

  Only the rows of the "World ..." sections are read (mine production and reserves by country); the
  edition comes from ``--edition`` or the file name (``MCS2026...`` → ``MCS 2026``).

- **A user's CSV**, columns ``commodity, country, metric, value, unit, year, edition, source`` (any order;
  optional ``edition_release, stage, qualifier, note, confidence``). Every row needs a commodity, country,
  metric, edition and source.

Values as USGS prints them: ``"1,900,000"``; ``NA`` (not available), ``W`` (withheld), ``—`` (zero),
``>85,000,000`` (a lower bound), ``<2,000`` (an upper bound), ``Large``, ``e4200`` (estimated). Masses
are converted to tonnes. A file that fits no layout, has a row it cannot read, or gives no figure raises
:class:`~oresight.exceptions.BadInput` with a one-line message: nothing is stored from it.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass

from oresight.exceptions import BadInput

from .aliases import commodity_from_mcs_code, commodity_key, commodity_slug, country_key
from .model import RESERVES, ReferenceRow

MAX_BYTES = 50_000_000
USER_COLUMNS = ("commodity", "country", "metric", "value", "unit", "year", "edition", "source")
MCS_AGGREGATED_COLUMNS = ("MCS chapter", "Section", "Commodity", "Country", "Statistics", "Statistics_detail",
                          "Unit", "Year", "Value")

# units → factor to tonnes (None: not a mass, kept as written)
_UNITS: dict[str, float] = {
    "t": 1.0, "tonnes": 1.0, "tonne": 1.0, "metric tons": 1.0, "metric ton": 1.0, "mt": 1.0,
    "kt": 1e3, "thousand metric tons": 1e3, "thousand tonnes": 1e3,
    "million metric tons": 1e6, "million tonnes": 1e6,
    "kg": 1e-3, "kilograms": 1e-3,
}
_MARKERS = {"na": "not_available", "xx": "not_available", "w": "withheld", "large": "large",
            "verysmall": "very_small", "categorizedaslarge": "large", "": "blank"}
_ZERO = {"—", "–", "-", "--", "0"}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """What a file gave: its layout (``usgs_mcs_world``, ``usgs_mcs_commodities`` or ``user``), its rows and
    how many records were passed over (other sections, blank cells), with one reason each kind."""

    layout: str
    rows: list[ReferenceRow]
    skipped: int


def parse_value(raw: str) -> tuple[float | None, str]:
    """A printed value as (number or None, qualifier): ``"1,900,000"`` → (1900000.0, ""), ``"—"`` → (0.0,
    "zero"), ``"NA"`` → (None, "not_available"), ``">85,000,000"`` → (85000000.0, "lower_bound"),
    ``"<2,000"`` → (2000.0, "upper_bound"), ``"e4200"`` → (4200.0, "estimated"); text that is no number
    → (None, "text: ...")."""
    text = (raw or "").strip()
    if text in _ZERO - {"0"}:
        return 0.0, "zero"
    marker = re.sub(r"[\s\"'“”.]+", "", text.lower())
    if marker in _MARKERS:
        return None, _MARKERS[marker]
    qualifier = ""
    body = text.replace(",", "").replace("\u00a0", "").replace(" ", "")
    if body.startswith(">"):
        qualifier, body = "lower_bound", body[1:]
    elif body.startswith("<"):
        qualifier, body = "upper_bound", body[1:]
    elif body[:1] in ("e", "E") and _NUMBER.fullmatch(body[1:]):
        qualifier, body = "estimated", body[1:]
    if _NUMBER.fullmatch(body):
        value = float(body)
        if math.isfinite(value):
            return value, qualifier or ("zero" if value == 0 else "")
    return None, f"text: {text[:60]}"


def to_tonnes(value: float | None, unit: str) -> tuple[float | None, str]:
    """(value in tonnes, "t") for a mass unit; (value, unit) unchanged otherwise."""
    u = " ".join(unit.strip().split())
    factor = 1e6 if u == "Mt" else _UNITS.get(u.lower())
    if factor is None:
        return value, u
    return (None if value is None else value * factor), "t"


def read_bytes(data: bytes, name: str, *, edition: str | None = None, commodity: str | None = None) -> ParsedFile:
    """The rows of a reference file's bytes (see the module's documentation for the layouts)."""
    if len(data) > MAX_BYTES:
        raise BadInput(f"{name}: {len(data)} bytes is over the limit of {MAX_BYTES} for a reference file")
    if b"\x00" in data[:4096]:
        raise BadInput(f"{name}: not a text CSV (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # some MCS files (e.g. mcs2022-garne_world.csv) are Latin-1
    return read_text(text, name, edition=edition, commodity=commodity)


def read_text(text: str, name: str, *, edition: str | None = None, commodity: str | None = None) -> ParsedFile:
    if not text.strip():
        raise BadInput(f"{name}: the file is empty")
    try:
        records = list(csv.reader(io.StringIO(text)))
    except csv.Error as e:
        raise BadInput(f"{name}: not a readable CSV ({e})") from None
    header = [h.strip().lstrip("\ufeff") for h in records[0]] if records else []
    body = records[1:]
    if all(c in header for c in MCS_AGGREGATED_COLUMNS):
        parsed = _mcs_aggregated(header, body, name, edition)
    elif "Country" in header and any(h.startswith(("Prod_", "Reserves_")) for h in header):
        parsed = _mcs_world(header, body, name, edition, commodity)
    elif all(c in [h.lower() for h in header] for c in USER_COLUMNS):
        parsed = _user(header, body, name, edition)
    else:
        shown = ", ".join(h for h in header[:8] if h) or "none"
        raise BadInput(f"{name}: not a USGS MCS data-release CSV nor a reference CSV with the columns "
                       f"{', '.join(USER_COLUMNS)} (its columns: {shown})")
    if not parsed.rows:
        raise BadInput(f"{name}: no production, reserves or other figure by country found in it")
    return parsed


def _edition_from_name(name: str) -> str | None:
    m = re.search(r"mcs[ _-]?(\d{4})", name, re.IGNORECASE)
    return f"MCS {m.group(1)}" if m else None


def _mcs_edition(raw: str) -> str:
    """``"MCS2024"`` → ``"MCS 2024"``."""
    m = re.fullmatch(r"\s*MCS\s*(\d{4})\s*", raw or "", re.IGNORECASE)
    return f"MCS {m.group(1)}" if m else " ".join((raw or "").split())


def _usgs_source(edition: str, name: str) -> str:
    year = edition.split()[-1] if edition.split() else ""
    return f"USGS Mineral Commodity Summaries {year} data release, file {name} (loaded with oresight reference update)"


def _cell(record: list[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    return (record[index] or "").strip()


# -- MCS per-commodity world tables (MCS 2022-2024) -------------------------------------------------------

_PROD = re.compile(r"Prod_(?P<unit>[A-Za-z]+?)(?:_(?:est|Est))?_(?P<year>\d{4})$")
_RES = re.compile(r"Reserves_(?P<unit>(?:ore_)?[A-Za-z]+)$")
_COLUMN_UNITS = {"t": "t", "kt": "kt", "kg": "kg", "Mt": "Mt", "mt": "Mt", "ore_kt": "kt", "mct": "million carats",
                 "mcm": "million cubic meters"}


def _mcs_world(header: list[str], body: list[list[str]], name: str, edition: str | None,
               commodity: str | None) -> ParsedFile:
    idx = {h: i for i, h in enumerate(header) if h}
    i_country, i_type, i_source = idx.get("Country"), idx.get("Type"), idx.get("Source")
    prod = [(i, m.group("unit"), m.group("year")) for h, i in idx.items() if (m := _PROD.match(h))]
    res = [(i, m.group("unit")) for h, i in idx.items() if (m := _RES.match(h))]
    i_prod_notes = idx.get("Prod_notes", idx.get("Prod_note", idx.get("Production_notes")))
    i_res_notes = idx.get("Reserves_notes")
    if not prod and not res:
        raise BadInput(f"{name}: no Prod_ or Reserves_ column with a unit (e.g. Prod_t_2023, Reserves_t)")
    code = re.search(r"mcs\d{4}-([a-z]+)", name, re.IGNORECASE)
    rows: list[ReferenceRow] = []
    skipped = 0
    for n, record in enumerate(body, start=2):
        country = _cell(record, i_country)
        if not country:
            skipped += 1
            continue
        ed = _mcs_edition(_cell(record, i_source)) if _cell(record, i_source) else (edition or _edition_from_name(name))
        if edition:
            ed = edition
        if not ed:
            raise BadInput(f"{name} line {n}: no Source (e.g. MCS2024) and none in the file name: pass --edition")
        kind = _cell(record, i_type)
        key = (commodity_key(commodity) or commodity_slug(commodity)) if commodity else None
        key = key or commodity_key(kind.split(",")[0]) or (commodity_from_mcs_code(code.group(1)) if code else None)
        if not key:
            raise BadInput(f"{name} line {n}: cannot tell the commodity from Type {kind[:60]!r} or the file name: "
                           "pass --commodity")
        low = kind.lower()
        prod_metric = ("refinery_production" if "refinery" in low else "smelter_production" if "smelter" in low
                       else "mine_production" if "mine" in low or not low else "production")
        source = _usgs_source(ed, name)
        year_of_edition = int(ed.split()[-1]) if ed.split()[-1].isdigit() else None
        for i, unit, year in prod:
            raw = _cell(record, i)
            if not raw:
                skipped += 1
                continue
            value, qualifier = parse_value(raw)
            value, u = to_tonnes(value, _COLUMN_UNITS.get(unit, unit))
            rows.append(ReferenceRow(
                dataset=name, line=n, edition=ed, edition_release="", data_year=year, commodity=key,
                country=country, country_key=country_key(country), metric=prod_metric, value=value, unit=u,
                source=source, qualifier="; ".join(q for q in (qualifier, "estimated" if "_est_" in header[i].lower()
                                                               else "") if q),
                note=_cell(record, i_prod_notes), basis=kind))
        for i, unit in res:
            raw = _cell(record, i)
            if not raw:
                skipped += 1
                continue
            value, qualifier = parse_value(raw)
            value, u = to_tonnes(value, _COLUMN_UNITS.get(unit, unit))
            rows.append(ReferenceRow(
                dataset=name, line=n, edition=ed, edition_release="",
                data_year=str(year_of_edition - 1) if year_of_edition else "", commodity=key, country=country,
                country_key=country_key(country), metric=RESERVES, value=value, unit=u, source=source,
                qualifier=qualifier, note=_cell(record, i_res_notes), basis="ore" if unit.startswith("ore") else kind))
    return ParsedFile("usgs_mcs_world", rows, skipped)


# -- MCS aggregated commodities data (MCS 2026) -------------------------------------------------------------


def _aggregated_metric(statistics: str, detail: str) -> str | None:
    stat = statistics.strip().lower()
    what = re.sub(r":\s*rounded\s*$", "", detail.strip(), flags=re.IGNORECASE).strip()
    if stat == "reserves":
        return RESERVES if what.lower() in ("reserves", "") else "reserves_" + commodity_slug(what)
    if stat == "production":
        if what.lower() == "mine production":
            return "mine_production"
        return commodity_slug(what) or "production"
    return None  # capacity, resources in words, import sources: not figures by country


def _mcs_aggregated(header: list[str], body: list[list[str]], name: str, edition: str | None) -> ParsedFile:
    idx = {h: i for i, h in enumerate(header) if h}
    ed = edition or _edition_from_name(name)
    if not ed:
        raise BadInput(f"{name}: the MCS aggregated layout does not name its edition: pass --edition 'MCS 2026' "
                       "(or keep the file name MCS2026_Commodities_Data.csv)")
    source = _usgs_source(ed, name)
    rows: list[ReferenceRow] = []
    skipped = 0
    for n, record in enumerate(body, start=2):
        section = _cell(record, idx["Section"])
        if not section.lower().startswith("world"):
            skipped += 1
            continue
        metric = _aggregated_metric(_cell(record, idx["Statistics"]), _cell(record, idx["Statistics_detail"]))
        country = _cell(record, idx["Country"])
        raw = _cell(record, idx["Value"])
        if metric is None or not country or not raw:
            skipped += 1
            continue
        value, qualifier = parse_value(raw)
        value, unit = to_tonnes(value, _cell(record, idx["Unit"]))
        commodity = _cell(record, idx["Commodity"]) or _cell(record, idx["MCS chapter"])
        rows.append(ReferenceRow(
            dataset=name, line=n, edition=ed, edition_release="", data_year=_cell(record, idx["Year"]),
            commodity=commodity_slug(commodity), country=country, country_key=country_key(country), metric=metric,
            value=value, unit=unit, source=source, qualifier=qualifier, note=_cell(record, idx.get("Notes")),
            basis=_cell(record, idx.get("Other notes"))[:300]))
    return ParsedFile("usgs_mcs_commodities", rows, skipped)


# -- a user's CSV ---------------------------------------------------------------------------------------------


def _user(header: list[str], body: list[list[str]], name: str, edition: str | None) -> ParsedFile:
    idx = {h.lower(): i for i, h in enumerate(header) if h}
    rows: list[ReferenceRow] = []
    skipped = 0
    for n, record in enumerate(body, start=2):
        if not any(c.strip() for c in record):
            skipped += 1
            continue

        def get(column: str, record: list[str] = record) -> str:
            return _cell(record, idx.get(column))

        missing = [c for c in ("commodity", "country", "metric", "source") if not get(c)]
        ed = edition or get("edition")
        if not ed:
            missing.append("edition")
        if missing:
            raise BadInput(f"{name} line {n}: no {', '.join(missing)}")
        raw = get("value")
        value, qualifier = parse_value(raw)
        if qualifier.startswith("text:"):
            raise BadInput(f"{name} line {n}: value {raw[:40]!r} is not a number (or NA, W, —, >N, <N)")
        value, unit = to_tonnes(value, get("unit") or "t")
        metric = commodity_slug(get("metric"))
        stage = get("stage") or None
        if metric == "stage_share" and not stage:
            raise BadInput(f"{name} line {n}: a stage_share row needs a stage (mining, refining_separation, ...)")
        rows.append(ReferenceRow(
            dataset=name, line=n, edition=ed, edition_release=get("edition_release"), data_year=get("year"),
            commodity=commodity_slug(get("commodity")), country=get("country"), country_key=country_key(get("country")),
            metric=metric, stage=stage, value=value, unit="%" if metric == "stage_share" else unit,
            source=get("source"), qualifier=get("qualifier") or qualifier, note=get("note"),
            confidence=get("confidence")))
    return ParsedFile("user", rows, skipped)
