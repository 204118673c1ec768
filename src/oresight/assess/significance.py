"""The discovery score: 0-100 with a band, from factors each shown with value, weight, points and reason.

score = 100 x sum(weight x value) / sum(weights of the factors that could be judged) - penalties.
Weights, bands and benchmark anchors live in ``data/weights.yaml`` (or the file ``ORESIGHT_WEIGHTS``
names, as written by ``oresight calibrate``); the rationale is in docs/scoring.md. Pure: the same
inputs always give the same score.
"""

from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from oresight.assess import values
from oresight.assess._text import Pages, compile_cues, load, quote
from oresight.exceptions import BadInput
from oresight.model import (
    AnnouncementType,
    Evidence,
    Extraction,
    Factor,
    Intercept,
    Reporting,
    ResourceEstimate,
    Significance,
    Span,
)
from oresight.reference import rows

FACTORS = ("best_intercept", "breadth", "depth", "true_width", "stage", "materiality", "criticality", "credibility")
PRECIOUS_NOT_CRITICAL = {"Au", "Ag"}


@dataclass(frozen=True)
class Weights:
    data: dict[str, Any]
    source: str

    @property
    def weights(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.data["weights"].items()}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in override.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _check_weights(data: dict[str, Any], where: str) -> None:
    def number(v: Any, what: str) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            raise BadInput(f"{where}: {what} must be a finite number >= 0, not {v!r}")
        return float(v)

    if not isinstance(data.get("weights"), dict):
        raise BadInput(f"{where}: not a weights file (no 'weights' mapping)")
    unknown = set(data["weights"]) - set(FACTORS)
    if unknown:
        raise BadInput(f"{where}: unknown factors {sorted(unknown)} (known: {', '.join(FACTORS)})")
    total = sum(number(v, f"weight of {k}") for k, v in data["weights"].items())
    if total <= 0:
        raise BadInput(f"{where}: the weights sum to zero")
    bands = data.get("bands")
    if not isinstance(bands, dict) or not bands:
        raise BadInput(f"{where}: 'bands' must map band names to lowest scores")
    if min(number(v, f"band {k}") for k, v in bands.items()) != 0:
        raise BadInput(f"{where}: one band must start at 0")
    pen = data.get("penalties")
    if not isinstance(pen, dict):
        raise BadInput(f"{where}: 'penalties' must be a mapping")
    for k, v in pen.items():
        number(v, f"penalty {k}")


@cache
def _load_weights(path: str) -> Weights:
    if not path:
        return Weights(load("weights.yaml"), "built-in (oresight/assess/data/weights.yaml)")
    where = f"ORESIGHT_WEIGHTS={path}"
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise BadInput(f"{where}: cannot read: {' '.join(str(e).split())[:160]}") from None
    if not isinstance(data, dict):
        raise BadInput(f"{where}: not a weights file (a YAML mapping with 'weights')")
    if not isinstance(data.get("weights"), dict):
        raise BadInput(f"{where}: not a weights file (no 'weights' mapping)")
    merged = _merge(dict(load("weights.yaml")), {k: v for k, v in data.items() if k != "calibration"})
    _check_weights(merged, where)
    w = Weights(merged, path)
    try:  # the nested anchors must be usable too: score a small result once
        from oresight.assess._text import Pages as _Pages
        from oresight.model import AnnouncementType as _AT
        from oresight.model import Document as _Doc
        from oresight.model import Page as _Page

        probe = Intercept(3.0, "g/t", "Au", 10.0, "10m @ 3g/t Au", Span(1, 0, 13), hole_id="P1", from_m=0.0, to_m=10.0)
        pages = _Pages(_Doc(kind="text", pages=(_Page(1, "10m @ 3g/t Au from 0m"),), sha256="probe"))
        score(pages, Extraction(("Au",), (probe,), ()), _AT("drilling", "drilling", False, ""),
              Reporting((), (), None), w=w)
    except BadInput:
        raise
    except Exception as e:  # any failure here means a malformed file: reported in one line
        raise BadInput(f"{where}: not usable: {type(e).__name__}: {' '.join(str(e).split())[:120]}") from None
    return w


def weights(path: str | None = None) -> Weights:
    return _load_weights(path if path is not None else os.environ.get("ORESIGHT_WEIGHTS", "").strip())


def _position(x: float, lo: float, hi: float) -> float:
    if x <= 0 or lo <= 0 or hi <= lo:
        return 0.0
    return min(1.0, max(0.0, math.log(x / lo) / math.log(hi / lo)))


# ---------------------------------------------------------------- strength of one result


@dataclass(frozen=True)
class Strength:
    value: float
    reason: str
    rows: tuple[Intercept, ...]
    usd_per_t: float | None
    width_m: float


def _interval_groups(intercepts: tuple[Intercept, ...]) -> list[tuple[Intercept, ...]]:
    groups: dict[tuple[Any, ...], list[Intercept]] = defaultdict(list)
    for i in intercepts:
        if i.width_m is None or i.width_m <= 0:
            continue
        key = (i.hole_id, i.from_m, i.to_m, round(i.width_m, 2), i.including, i.source if i.from_m is None else "")
        groups[key].append(i)
    return [tuple(g) for g in groups.values()]


def _treo_style(pages: Pages, grade_ppm: float) -> str:
    clay = compile_cues([r"\bclays?\b", r"\bionic\b", r"saprolit", r"regolith", r"adsorption", r"\biac\b"])
    hard = compile_cues([r"carbonatit", r"monazite", r"hard[- ]rock", r"pegmatit", r"alkaline (intrusi|complex)"])
    if pages.first(clay):
        return "TREO_clay"
    if pages.first(hard) or grade_ppm >= 10000:
        return "TREO_hard_rock"
    return "TREO_clay"


def _benchmark(row: Intercept, pages: Pages, w: Weights) -> tuple[float, str] | None:
    """The row's position against its commodity's own benchmark (grade-thickness and grade)."""
    key = values.base_analyte(row.analyte)
    if key in ("eU3O8", "U"):
        key = "U3O8"
    if key == "TREO":
        ppm = values.convert(row.grade, row.unit, "ppm")
        if ppm is None:
            return None
        key = _treo_style(pages, ppm)
    bench = w.data["benchmarks"].get(key)
    if bench is None or row.width_m is None:
        return None
    grade = values.convert(row.grade, row.unit, bench["unit"])
    if row.analyte == "U" and grade is not None:
        grade *= 1.179  # U to U3O8
    if grade is None:
        return None
    gt = grade * row.width_m
    mix = w.data["strength_mix"]
    v = mix["thickness"] * _position(gt, bench["ordinary"], bench["exceptional"]) + mix["grade"] * _position(
        grade, bench["grade_ordinary"], bench["grade_exceptional"])
    unit = bench["unit"]
    style = {"TREO_clay": " (clay benchmark)", "TREO_hard_rock": " (hard-rock benchmark)"}.get(key, "")
    return v, f"{gt:,.0f} {unit}*m{style}" if gt >= 100 else f"{gt:,.3g} {unit}*m{style}"


def strength(group: tuple[Intercept, ...], pages: Pages, w: Weights) -> Strength:
    """A result's strength 0..1: the higher of its benchmark position and its gold-equivalent position."""
    width = group[0].width_m or 0.0
    parts = [r for r in group if not r.analyte.endswith("Eq")]
    eqs = [r for r in group if r.analyte.endswith("Eq")]
    valued = [(r, values.usd_per_t(r.grade, r.unit, r.analyte)) for r in (parts or eqs)]
    usd = sum(v for _, v in valued if v is not None) if any(v is not None for _, v in valued) else None
    if usd is None and eqs:
        usd = next((v for v in (values.usd_per_t(r.grade, r.unit, r.analyte) for r in eqs) if v is not None), None)
    best = 0.0
    reason = ""
    ge = w.data["gold_equivalent"]
    mix = w.data["strength_mix"]
    if usd is not None:
        aueq = usd / values.gold_usd_per_g()
        best = mix["thickness"] * _position(aueq * width, ge["ordinary"], ge["exceptional"]) + mix["grade"] * _position(
            aueq, ge["grade_ordinary"], ge["grade_exceptional"])
        reason = f"{aueq * width:,.0f} g*m gold-equivalent at deck prices"
    for r in group:
        b = _benchmark(r, pages, w)
        if b and b[0] > best:
            best, reason = b[0], b[1]
    return Strength(best, reason, group, usd, width)


def _num(v: float) -> str:
    if 0 < abs(v) < 1:
        return f"{v:.3g}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _describe(group: tuple[Intercept, ...]) -> str:
    """A result as an analyst writes it: "HOLE: 11 m @ 8.41 g/t Au, 0.5% Cu from 142 m"."""
    head = group[0]
    grades = ", ".join(f"{_num(r.grade)}{'' if r.unit == '%' else ' '}{r.unit} {r.analyte}" for r in group[:3])
    s = f"{_num(head.width_m or 0)} m @ {grades}"
    if head.from_m is not None:
        s += " from surface" if head.from_m == 0 else f" from {_num(head.from_m)} m"
    if head.including:
        s += " (an including sub-interval)"
    return f"{head.hole_id}: {s}" if head.hole_id else s


# ---------------------------------------------------------------- resources


def _resource_value(resources: tuple[ResourceEstimate, ...]) -> tuple[float, str, dict[str, float]] | None:
    """In-situ value (US$) of the estimate and the contained kilograms of each analyte.

    Per analyte: the largest single 'total' row when there is one (tables give a total per deposit and a
    grand total: summing them would double count); otherwise the sum of the distinct category rows
    (measured + indicated + inferred, or mi + inferred, or proven + probable, whichever is largest)."""
    has_resources = any(x.kind == "resource" for x in resources)
    has_parts = any(x.analyte and not x.analyte.endswith("Eq") for x in resources)
    totals: dict[str, list[tuple[float, float]]] = defaultdict(list)
    cats: dict[str, dict[str, dict[tuple[float, float | None], tuple[float, float]]]] = defaultdict(lambda: defaultdict(dict))
    for r in resources:
        if r.kind != "resource" and has_resources:
            continue
        if r.grade is None or r.unit is None or r.analyte is None:
            continue
        if r.analyte.endswith("Eq") and has_parts:
            continue  # the metals themselves are valued; their equivalent would count them twice
        kg = values.kg_per_t(r.grade, r.unit)
        v = values.usd_per_t(r.grade, r.unit, r.analyte)
        if v is None or kg is None:
            continue
        a = values.base_analyte(r.analyte)
        pair = (v * r.tonnes, kg * r.tonnes)
        if r.category in (None, "total"):
            totals[a].append(pair)
        else:
            cats[a][r.category][(round(r.tonnes), r.grade)] = pair  # the same row repeated in two tables counts once
    if not totals and not cats:
        return None
    total_usd = 0.0
    contained: dict[str, float] = {}
    for a in sorted(set(totals) | set(cats)):
        options = [max(totals[a])] if totals.get(a) else []
        c = {k: (sum(p[0] for p in rows_.values()), sum(p[1] for p in rows_.values())) for k, rows_ in cats[a].items()}

        def add(*names: str, c: dict[str, tuple[float, float]] = c) -> tuple[float, float]:
            return (sum(c.get(n, (0.0, 0.0))[0] for n in names), sum(c.get(n, (0.0, 0.0))[1] for n in names))

        if not options:
            options = [add("measured", "indicated", "inferred"), add("mi", "inferred"), add("proven", "probable")]
        best = max(options)
        total_usd += best[0]
        contained[a] = best[1]
    return total_usd, "+".join(sorted(contained)), contained


@cache
def _size_classes() -> dict[str, tuple[float, float]]:
    """MinEx classes by commodity: (minor lower bound, giant lower bound) in the file's units."""
    lo: dict[str, float] = {}
    hi: dict[str, float] = {}
    for r in rows("deposit_size_classes.csv"):
        try:
            low = float(r["min"])
        except ValueError:
            continue
        if r["class"] == "minor":
            lo[r["commodity"]] = low
        elif r["class"] == "giant":
            hi[r["commodity"]] = low
    return {c: (lo[c], hi[c]) for c in lo if c in hi}


def _resource_size(res: tuple[float, str, dict[str, float]], w: Weights) -> tuple[float, str]:
    size = w.data["resource_size"]
    cueq_mt = res[0] / values.copper_usd_per_t() / 1e6
    best = (_position(cueq_mt, size["ordinary"], size["exceptional"]) if cueq_mt > size["ordinary"] else 0.0,
            f"{cueq_mt:.2f} Mt copper-equivalent in situ ({res[1]}) on MinEx classes (minor 0.01, giant 5 Mt)")
    classes = _size_classes()
    for analyte, kg in res[2].items():
        spec = w.data.get("resource_classes", {}).get(analyte)
        if not spec or spec["commodity"] not in classes:
            continue
        lo, hi = classes[spec["commodity"]]
        amount = kg / float(spec["kg_per_unit"])
        v = _position(amount, lo, hi) if amount > lo else 0.0
        if v > best[0]:
            unit = {31103.5: "Moz", 1.0e9: "Mt", 1.0e6: "kt"}.get(float(spec["kg_per_unit"]), "")
            best = (v, f"{amount:,.2f} {unit} {analyte} contained on MinEx {spec['commodity']} classes "
                       f"(minor {lo:g}, giant {hi:g} {unit})")
    return best


# ---------------------------------------------------------------- stage

_STAGE_CUES: tuple[tuple[str, str], ...] = (
    ("discovery", r"\bnew discovery\b|\bdiscovery hole\b|\bdiscover(s|ed|y)\b|\bmaiden (drill|drilling|hole|program)|first[- ](pass|ever) drill|first (drill )?holes? (at|into|ever)|\bmaiden\b(?! (jorc )?(mineral )?resource)|greenfield"),
    ("new_zone", r"\bnew (zone|lode|shoot|target|prospect|horizon|system)\b|\bparallel (lode|zone)\b"),
    ("extension", r"\bstep[- ]?outs?\b|\bextension(al)? (drill|hole)|\bextends?\b|\bextended\b|along strike|down[- ]?(plunge|dip) (extension|of)|at depth|depth extension"),
    ("infill", r"\binfill\b|\bgrade control\b|\btwin(ned)? holes?\b|\bresource definition\b|\bclose[- ]spaced\b"),
)


def _stage(pages: Pages, extraction: Extraction, history: int | None, w: Weights) -> tuple[float | None, str, list[Evidence]]:
    sv = w.data["stage_values"]
    if extraction.resources and not extraction.intercepts:
        maiden = pages.first(compile_cues([r"maiden\b[^.\n]{0,40}?\b(resource|reserve|mre|estimate)",
                                            r"\b(first|initial|inaugural)\s+(jorc\s+|pit[- ]constrained\s+)?(mineral\s+)?(resource|mre)\b"]), pages=2)
        if maiden:
            return sv["maiden_resource"], f"maiden estimate: {quote([maiden], 1)}", [maiden]
        return sv["resource_update"], "a resource update or restatement", []
    # headline words first, then the first two pages
    for scope in ("headline", "body"):
        for name, pat in _STAGE_CUES:
            p = re.compile(pat, re.IGNORECASE)
            hits = pages.headline_hits(p) if scope == "headline" else [e for e in [pages.first(p, pages=2)] if e]
            if hits:
                key = "resource_definition" if name == "infill" and "resource definition" in hits[0].surface.lower() else name
                where = "headline" if scope == "headline" else "text"
                return sv[key], f"{name.replace('_', ' ')} ({where}: {quote(hits, 1)})", hits
    if history is not None:
        if history == 0:
            return sv["first_results"], "first results stored for this company", []
        return sv["continuing"], f"{history} earlier results announcements stored for this company", []
    return None, "no stage wording (discovery, new zone, step-out, infill) and no company history", []


# ---------------------------------------------------------------- criticality


@cache
def _concentration() -> dict[str, tuple[float, str]]:
    """Top-country share by mineral: the largest share of any stage in the latest data year."""
    out: dict[str, tuple[float, str]] = {}
    for r in rows("supply_chain_stage_shares.csv"):
        try:
            share = float(r["share_pct"])
        except ValueError:
            continue
        if "projection" in r["data_year"]:
            continue
        m = r["mineral"]
        cur = out.get(m)
        text = f"{r['country']} {share:g}% of {m.replace('_', ' ')} {r['stage'].replace('_', ' ')} ({r['data_year']})"
        if cur is None or share > cur[0]:
            out[m] = (share, text)
    return out


MINERAL_OF = {"TREO": "rare_earths", "MREO": "rare_earths", "NdPr": "rare_earths", "Dy2O3": "rare_earths",
              "Tb4O7": "rare_earths", "Nd2O3": "rare_earths", "Pr6O11": "rare_earths", "REE": "rare_earths",
              "Li2O": "lithium", "Li": "lithium", "Co": "cobalt", "TGC": "graphite", "C": "graphite", "Ni": "nickel",
              "Cu": "copper"}


def _criticality(analytes: list[str]) -> tuple[float | None, str]:
    conc = _concentration()
    best: tuple[float, str] | None = None
    for a in analytes:
        a = values.base_analyte(a)
        if a in PRECIOUS_NOT_CRITICAL:
            cand = (0.0, f"{a} is a precious metal, not a supply-concentrated critical mineral")
        else:
            m = MINERAL_OF.get(a)
            if m is None:
                continue
            hit = conc.get(m) or (conc.get("graphite_natural") if m == "graphite" else None)
            if hit is None:
                continue
            cand = (hit[0] / 100.0, f"supply concentration: {hit[1]}")
        if best is None or cand[0] > best[0]:
            best = cand
    if best is None:
        return None, f"no supply-concentration data for {', '.join(sorted(set(analytes))) or 'this commodity'}"
    return best


# ---------------------------------------------------------------- the score


@dataclass(frozen=True)
class Facts:
    """What the score knows of the company (A$): market capitalisation and cash, when known."""

    market_cap: float | None = None
    cash: float | None = None
    source: str = ""


def _holes_reported(pages: Pages, extraction: Extraction) -> int:
    holes = {i.hole_id for i in extraction.intercepts if i.hole_id}
    counted = 0
    pat = compile_cues([r"\b(\d{1,3}) (?:\w+ ){0,3}(?:drill ?)?holes\b"])
    for e in pages.all(pat, limit=20)[:20]:
        m = re.match(r"(\d+)", e.surface)
        if m:
            counted = max(counted, int(m.group(1)))
    nsi = pages.all(compile_cues([r"\bNSI\b", r"no significant (intercepts?|results|assays|mineralisation)"]), limit=200)
    return max(len(holes), min(counted, 500), len(holes) + len(nsi))


def score(pages: Pages, extraction: Extraction, kind: AnnouncementType, reporting: Reporting, *,
          facts: Facts | None = None, history: int | None = None, repeated_share: float = 0.0,
          duplicate: bool = False, novelty_reason: str = "", w: Weights | None = None) -> Significance:
    w = w or weights()
    wt = w.weights
    factors: list[Factor] = []
    groups = _interval_groups(extraction.intercepts)
    strengths = sorted((strength(g, pages, w) for g in groups), key=lambda s: -s.value)
    top = strengths[0] if strengths else None
    res_value = _resource_value(extraction.resources) if extraction.resources else None

    def add(name: str, value: float | None, reason: str, evidence: list[Evidence] | tuple[Evidence, ...] = ()) -> None:
        weight = wt.get(name, 0.0)
        factors.append(Factor(name, value, weight, 0.0 if value is None else weight * value, reason, tuple(evidence[:3])))

    # best result
    if top is not None and (res_value is None or top.value > 0):
        ev = [Evidence(top.rows[0].surface, top.rows[0].span)]
        add("best_intercept", top.value, f"best result {_describe(top.rows)} = {top.reason}", ev)
    elif res_value is not None:
        v, why = _resource_size(res_value, w)
        best_row = max(extraction.resources, key=lambda r: r.tonnes)
        add("best_intercept", v, f"resource: {why}", [Evidence(best_row.surface, best_row.span)])
    else:
        set_aside = [e for e in extraction.excluded if e.kind in ("sample", "visual")]
        st = reporting.item("sample_type")
        surface = st is not None and st.value in ("surface", "both")
        why = ("no drill intercepts: " + ("surface samples and visual estimates are not intercepts"
               if set_aside or surface else "nothing to score")) if kind.type not in ("resource",) else "no estimate read"
        add("best_intercept", 0.0, why, [Evidence(e.surface, e.span) for e in set_aside[:1]])
    # breadth
    if strengths:
        sig = float(w.data["significant_result"])
        sig_holes = {s.rows[0].hole_id or f"#{k}" for k, s in enumerate(strengths) if s.value >= sig and not s.rows[0].including}
        reported = max(_holes_reported(pages, extraction), len(sig_holes), 1)
        ratio = len(sig_holes) / reported
        count = min(1.0, math.log1p(len(sig_holes)) / math.log1p(8))
        add("breadth", 0.6 * ratio + 0.4 * count,
            f"{len(sig_holes)} of {reported} holes with a significant result (strength >= {sig:g})")
    # depth
    if top is not None:
        d = w.data["depth"]
        frm = top.rows[0].from_m
        if frm is None:
            add("depth", None, "depth of the best result not stated")
        else:
            v = 1.0 if frm <= d["best_within_m"] else max(0.0, 1 - math.log(frm / d["best_within_m"]) / math.log(
                d["worthless_below_m"] / d["best_within_m"]))
            add("depth", v, "from surface" if frm == 0 else f"best result from {frm:g} m down hole")
    # true width
    if extraction.intercepts:
        tw = reporting.item("true_width")
        tv = w.data["true_width_values"]
        if any(i.true_width_m is not None for i in extraction.intercepts):
            add("true_width", tv["given"], "true widths given")
        elif tw is not None and tw.status == "present":
            key = "given" if tw.value == "given" else "stated_unknown"
            add("true_width", tv[key], tw.reason, tw.evidence)
        else:
            add("true_width", tv["not_stated"], "no statement on true widths: down-hole lengths may overstate them")
    # stage
    if top is not None or res_value is not None:
        sv, sreason, sev = _stage(pages, extraction, history, w)
        add("stage", sv, sreason, sev)
    # materiality
    insitu_usd: float | None = None
    what = ""
    m = w.data["materiality"]
    if top is not None and top.usd_per_t is not None and top.value > 0:
        blk = m["notional_block"]
        width = top.rows[0].true_width_m or top.width_m
        insitu_usd = top.usd_per_t * width * blk["strike_m"] * blk["dip_extent_m"] * blk["density_t_m3"]
        what = f"a notional {blk['strike_m']} m x {blk['dip_extent_m']} m block at the best result's width and grade"
    elif res_value is not None:
        insitu_usd, what = res_value[0], "the estimate's in-situ value"
    if insitu_usd is None or (top is None and res_value is None):
        add("materiality", None, "nothing to value")
    elif facts is None or not facts.market_cap:
        add("materiality", None, "market capitalisation unknown (give --market-cap or a company facts file)")
    else:
        ev_aud = max(facts.market_cap - (facts.cash or 0.0), m["ev_floor_share"] * facts.market_cap)
        market = insitu_usd * m["market_value_of_insitu"] * values.aud_per_usd()
        ratio = market / ev_aud
        v = _position(ratio, m["ratio_zero"], m["ratio_one"]) if ratio > m["ratio_zero"] else 0.0
        add("materiality", v, f"{what}: A${market / 1e6:,.1f}m at {m['market_value_of_insitu']:.0%} of in-situ value, "
            f"{ratio:.0%} of enterprise value A${ev_aud / 1e6:,.1f}m" + (f" ({facts.source})" if facts.source else ""))
    # criticality
    if top is not None or res_value is not None:
        analytes = [r.analyte for r in (top.rows if top else ())] or [r.analyte for r in extraction.resources if r.analyte]
        cv, creason = _criticality([a for a in analytes if a])
        add("criticality", cv, creason)
    # credibility
    if reporting.quality is not None:
        present = sum(i.status == "present" for i in reporting.items)
        applicable = sum(i.status != "n/a" for i in reporting.items)
        flags = ", ".join(f.id for f in reporting.red_flags)
        add("credibility", reporting.quality, f"{present} of {applicable} checklist items present"
            + (f"; red flags: {flags}" if flags else ""))
    known = [f for f in factors if f.value is not None]
    denominator = sum(f.weight for f in known)
    raw = 100.0 * sum(f.contribution for f in known) / denominator if denominator > 0 and (top or res_value) else 0.0
    scale = 100.0 / denominator if denominator > 0 and (top or res_value) else 0.0
    factors = [Factor(f.name, f.value, f.weight, round(f.contribution * scale, 2), f.reason, f.evidence) for f in factors]
    # penalties
    pen = float(w.data["penalties"]["reannounced"])
    share = 1.0 if duplicate else repeated_share
    if share > 0:
        factors.append(Factor("reannounced", share, -pen, -pen * share, novelty_reason or f"{share:.0%} of the results were announced before"))
    total = max(0.0, min(100.0, raw - (pen * share if share > 0 else 0.0)))
    total = round(total, 1)
    band = next(name for name, low in sorted(w.data["bands"].items(), key=lambda kv: -kv[1]) if total >= low)
    if kind.noise:
        reason = f"{kind.label}: not scored as a result"
    else:
        ranked = sorted((f for f in factors if f.value is not None), key=lambda f: -abs(f.contribution))
        reason = "; ".join(f"{f.name.replace('_', ' ')} {f.contribution:+.0f}: {f.reason}" for f in ranked[:3])
    return Significance(total, band, reason, tuple(factors), w.source)


def best_line(assessment: dict[str, Any]) -> str | None:
    """The best result in one line, from an assessment JSON's best-result factor (alerts, live feed, cards)."""
    for f in assessment.get("significance", {}).get("factors", ()):
        if f.get("name") == "best_intercept" and f.get("value") is not None:
            reason = str(f.get("reason") or "")
            reason = reason.removeprefix("best result ").split(" = ")[0]
            return reason[:160] or None
    return None
