"""Validate the labels of the text / Markdown / HTML samples (corpus ``nw-*``, holdout ``hx-*``).

    python samples/check_nw.py        # errors only, plus a summary
    python samples/check_nw.py -v     # also list warnings (values not found as printed)

For every ``nw-*.expected.json`` in samples/corpus and ``hx-*.expected.json`` in samples/holdout:

* exactly one document with the same stem (.txt, .md or .html) exists, and every such document has a
  label; ``id`` equals the stem and ``format`` matches the extension (text / markdown / html, the
  convention of samples/check_labels.py);
* schema: top-level keys, allowed ``type``, sorted canonical ``commodities``, ``companies`` as
  ticker/exchange pairs, intercept and resource keys, units, analytes, categories;
* arithmetic: ``width_m`` equals ``to_m - from_m`` within 0.05 when both ends are given, ``to_m`` >
  ``from_m``; an ``including`` row lies inside an earlier non-including row of the same hole and
  analyte; an optional ``true_width_m`` is not larger than the width; ``contained`` agrees with
  tonnes x grade within 6 % when units allow; no duplicate intercept rows;
* evidence (warnings): each hole id must occur in the document text (error if not), each grade should
  occur as printed (feet conversions and derived widths are expected exceptions).

Exit status 1 when any error is found. Standard library only.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = [(HERE / "corpus", "nw-"), (HERE / "holdout", "hx-")]
FORMATS = {".txt": "text", ".md": "markdown", ".html": "html"}
TYPES = {"drilling", "resource", "financing", "appointment", "exploration_target", "programme_update",
         "quarterly", "study", "newswire", "other"}
COMMODITIES = {"Au", "Ag", "Cu", "Ni", "Co", "Zn", "Pb", "Sn", "W", "Mo", "Sb", "PGE", "Pt", "Pd", "Fe", "Mn", "Li", "U",
               "REE", "C", "V", "Ti", "Nb", "Ta", "Sc", "Ga", "Ge", "Bi"}
EXCHANGES = {"ASX", "TSXV", "TSX", "OTCQB", "OTCQX", "CSE", "AIM", "NYSE American", "FSE", "NYSE", "NASDAQ", "LSE",
             "JSE"}
UNITS = {"g/t", "%", "ppm", "ppb", "oz/t", "lb/t", "kg/t"}
ANALYTES = {"Au", "Ag", "Cu", "Ni", "Co", "Zn", "Pb", "Sn", "W", "Mo", "Pt", "Pd", "Fe", "Mn", "Li", "Sb", "Li2O",
            "U3O8", "eU3O8", "TREO", "MREO", "NdPr", "Dy2O3", "Tb4O7", "V2O5", "WO3", "TiO2", "TGC", "3E", "PGE",
            "Ta2O5", "AuEq", "CuEq", "NiEq", "ZnEq", "AgEq"}
CATEGORIES = {None, "measured", "indicated", "inferred", "mi", "total", "proven", "probable"}
TOP = {"id", "format", "type", "commodities", "companies", "intercepts", "resources", "notes"}
INT_KEYS = {"hole_id", "from_m", "to_m", "width_m", "grade", "unit", "analyte", "including"}
INT_OPT = {"true_width_m"}
RES_KEYS = {"category", "tonnes", "grade", "unit", "analyte", "contained", "contained_unit"}
RES_OPT = {"kind", "deposit"}
OZ = 31.1034768
LB = 2204.62262


def is_num(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def doc_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return raw


def printed(v: float, text: str) -> bool:
    forms = {repr(v), f"{v:g}"}
    for d in range(5):
        s = f"{v:.{d}f}"
        if abs(float(s) - v) < 1e-9:
            forms |= {s, f"{v:,.{d}f}"}
    return any(re.search(r"(?<![\d.])" + re.escape(s) + r"(?![\d])", text) for s in forms)


def expected_contained(r: dict) -> float | None:
    t, g, u, cu = r["tonnes"], r["grade"], r["unit"], r["contained_unit"]
    if not (is_num(t) and is_num(g)):
        return None
    factor = {("g/t", "oz"): 1 / OZ, ("g/t", "t"): 1e-6, ("%", "t"): 1e-2, ("%", "lb"): LB / 100,
              ("ppm", "t"): 1e-6, ("ppm", "lb"): LB / 1e6, ("ppm", "oz"): 1 / OZ}.get((u, cu))
    return None if factor is None else t * g * factor


def check(label_path: Path, prefix: str, errors: list[str], warnings: list[str]) -> dict | None:
    where = f"{label_path.parent.name}/{label_path.name}"
    stem = label_path.name[: -len(".expected.json")]
    if not stem.startswith(prefix):
        errors.append(f"{where}: stem must start with {prefix}")
    try:
        lab = json.loads(label_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        errors.append(f"{where}: unreadable JSON: {exc}")
        return None
    docs = [label_path.parent / (stem + ext) for ext in FORMATS if (label_path.parent / (stem + ext)).exists()]
    if len(docs) != 1:
        errors.append(f"{where}: expected exactly one document, found {[d.name for d in docs]}")
        return lab
    doc = docs[0]
    if set(lab) != TOP:
        errors.append(f"{where}: keys missing {sorted(TOP - set(lab))} extra {sorted(set(lab) - TOP)}")
        return lab
    if lab["id"] != stem:
        errors.append(f"{where}: id {lab['id']!r} != {stem!r}")
    if lab["format"] != FORMATS[doc.suffix]:
        errors.append(f"{where}: format {lab['format']!r}, file is {doc.suffix}")
    if lab["type"] not in TYPES:
        errors.append(f"{where}: type {lab['type']!r}")
    com = lab["commodities"]
    if not isinstance(com, list) or com != sorted(com) or len(set(com)) != len(com) or not set(com) <= COMMODITIES:
        errors.append(f"{where}: commodities {com!r} must be sorted, unique, canonical")
    text = doc_text(doc)
    for c in lab["companies"]:
        if not isinstance(c, dict) or set(c) != {"ticker", "exchange"}:
            errors.append(f"{where}: company {c!r}")
            continue
        if c["exchange"] not in EXCHANGES:
            errors.append(f"{where}: exchange {c['exchange']!r}")
        if c["ticker"] not in text:
            errors.append(f"{where}: ticker {c['ticker']!r} not in document")
    if not isinstance(lab["notes"], str) or len(lab["notes"].strip()) < 20:
        errors.append(f"{where}: notes must explain what is tricky")

    seen: list[dict] = []
    for i, it in enumerate(lab["intercepts"]):
        w = f"{where} intercept {i}"
        if not isinstance(it, dict) or INT_KEYS - set(it) or set(it) - INT_KEYS - INT_OPT:
            errors.append(f"{w}: keys {sorted(it) if isinstance(it, dict) else it!r}")
            continue
        f, t, wd, g = it["from_m"], it["to_m"], it["width_m"], it["grade"]
        if it["unit"] not in UNITS:
            errors.append(f"{w}: unit {it['unit']!r}")
        if it["analyte"] not in ANALYTES:
            errors.append(f"{w}: analyte {it['analyte']!r}")
        if not is_num(g) or g <= 0:
            errors.append(f"{w}: grade {g!r}")
        if not isinstance(it["including"], bool):
            errors.append(f"{w}: including must be a boolean")
        for key in ("from_m", "to_m", "width_m", "true_width_m"):
            if it.get(key) is not None and not is_num(it[key]):
                errors.append(f"{w}: {key} {it[key]!r}")
        if is_num(f) and is_num(t):
            if t <= f:
                errors.append(f"{w}: to_m {t} <= from_m {f}")
            if is_num(wd) and abs((t - f) - wd) > 0.05:
                errors.append(f"{w}: width_m {wd} but to - from = {t - f:.3f}")
        elif (f is None) != (t is None) and not is_num(wd):
            errors.append(f"{w}: one end given without a width")
        if is_num(wd) and wd <= 0:
            errors.append(f"{w}: width_m {wd}")
        tw = it.get("true_width_m")
        if is_num(tw) and is_num(wd) and tw > wd + 0.05:
            errors.append(f"{w}: true_width_m {tw} > width_m {wd}")
        hid = it["hole_id"]
        if hid is not None:
            if not isinstance(hid, str) or not hid.strip():
                errors.append(f"{w}: hole_id {hid!r}")
            elif hid not in text:
                errors.append(f"{w}: hole_id {hid!r} not in document")
        if it["including"] is True:
            ok = False
            for p in seen:
                if p["including"] or p["hole_id"] != hid or p["analyte"] != it["analyte"]:
                    continue
                inside = True
                if is_num(f) and is_num(p["from_m"]) and f < p["from_m"] - 0.01:
                    inside = False
                if is_num(t) and is_num(p["to_m"]) and t > p["to_m"] + 0.01:
                    inside = False
                if is_num(wd) and is_num(p["width_m"]) and wd > p["width_m"] + 0.01:
                    inside = False
                ok = ok or inside
            if not ok:
                errors.append(f"{w}: including row not inside an earlier row of {hid} {it['analyte']}")
        seen.append(it)
        if is_num(g) and not printed(g, text):
            warnings.append(f"{w}: grade {g} not found as printed")
        if is_num(wd) and not printed(wd, text):
            warnings.append(f"{w}: width {wd} not found as printed (derived or converted)")
    rows = Counter((x.get("hole_id"), x.get("from_m"), x.get("to_m"), x.get("width_m"), x.get("analyte"),
                    x.get("grade")) for x in lab["intercepts"] if isinstance(x, dict))
    for k, n in rows.items():
        if n > 1:
            errors.append(f"{where}: duplicate intercept {k}")

    for i, r in enumerate(lab["resources"]):
        w = f"{where} resource {i}"
        if not isinstance(r, dict) or RES_KEYS - set(r) or set(r) - RES_KEYS - RES_OPT:
            errors.append(f"{w}: keys {sorted(r) if isinstance(r, dict) else r!r}")
            continue
        if r["category"] not in CATEGORIES:
            errors.append(f"{w}: category {r['category']!r}")
        if not is_num(r["tonnes"]) or r["tonnes"] <= 0:
            errors.append(f"{w}: tonnes {r['tonnes']!r}")
        if not is_num(r["grade"]) or r["unit"] not in UNITS or r["analyte"] not in ANALYTES:
            errors.append(f"{w}: grade/unit/analyte {r['grade']!r} {r['unit']!r} {r['analyte']!r}")
        if r["category"] in ("proven", "probable") and r.get("kind") != "reserve":
            errors.append(f"{w}: proven/probable rows need kind 'reserve'")
        if r.get("kind") not in (None, "resource", "reserve"):
            errors.append(f"{w}: kind {r['kind']!r}")
        c, cu = r["contained"], r["contained_unit"]
        if c is None:
            if cu is not None:
                errors.append(f"{w}: contained_unit without contained")
        elif cu not in ("oz", "t", "lb") or not is_num(c):
            errors.append(f"{w}: contained {c!r} {cu!r}")
        else:
            exp = expected_contained(r)
            if exp is None:
                errors.append(f"{w}: cannot check contained ({r['unit']} -> {cu})")
            elif abs(exp - c) > 0.06 * max(exp, c):
                errors.append(f"{w}: contained {c} {cu}, tonnes x grade gives {exp:.0f}")
        if is_num(r["grade"]) and not printed(r["grade"], text):
            warnings.append(f"{w}: grade {r['grade']} not found as printed")
    return lab


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    errors: list[str] = []
    warnings: list[str] = []
    for folder, prefix in SETS:
        labs = []
        for doc in sorted(folder.glob(prefix + "*")):
            if doc.suffix in FORMATS and not (folder / (doc.stem + ".expected.json")).exists():
                errors.append(f"{folder.name}/{doc.name}: no label")
        for lp in sorted(folder.glob(prefix + "*.expected.json")):
            lab = check(lp, prefix, errors, warnings)
            if lab:
                labs.append(lab)
        fmt = Counter(x.get("format") for x in labs)
        typ = Counter(x.get("type") for x in labs)
        neg = sum(1 for x in labs if not x.get("intercepts") and not x.get("resources"))
        print(f"{folder.name} ({prefix}*): {len(labs)} labels; formats {dict(sorted(fmt.items()))}")
        print(f"  types {dict(sorted(typ.items()))}")
        print(f"  {sum(len(x.get('intercepts', [])) for x in labs)} intercept rows, "
              f"{sum(len(x.get('resources', [])) for x in labs)} resource rows, {neg} documents with neither")
    if verbose:
        for w in warnings:
            print("warning:", w)
    elif warnings:
        print(f"{len(warnings)} warnings (-v to list)")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
