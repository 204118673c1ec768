"""Validate the hand-written labels of the sample corpus.

    .venv/bin/python samples/check_labels.py            # corpus and holdout
    .venv/bin/python samples/check_labels.py -v         # also list the warnings

Checks, for every ``<id>.expected.json`` in samples/corpus and samples/holdout:

* the document exists (and every document has a label), ``id`` and ``format`` match the file;
* the schema: keys, types, allowed values of type, unit, analyte, category, commodity symbols;
* arithmetic: ``width_m == to_m - from_m`` (within 0.05) when both ends are given; an ``including``
  row sits inside an earlier row of the same hole and analyte; ``contained`` agrees with
  tonnes x grade (within 6 %) when both are given in convertible units;
* PDFs open with pypdfium2 and have the page count written in the label (``pages``);
* every labelled grade and width can be found as printed in the document's text (a warning only:
  OCR pages, feet conversions and derived values are legitimate exceptions).

Exit status 1 when an error is found.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIRS = [HERE / "corpus", HERE / "holdout", HERE / "holdout2"]

FORMATS = {".pdf": "pdf", ".html": "html", ".txt": "text", ".md": "markdown"}
TYPES = {"drilling", "resource", "financing", "appointment", "exploration_target", "programme_update",
         "quarterly", "study", "newswire", "other"}
COMMODITIES = {"Au", "Ag", "Cu", "Ni", "Co", "Zn", "Pb", "Sn", "W", "Mo", "Pt", "Pd", "Fe", "Mn", "Li", "U",
               "REE", "C", "V", "Ti", "Sb", "Bi", "Nb", "Ta", "Sc", "Ga", "Ge"}
UNITS = {"g/t", "%", "ppm", "ppb", "oz/t", "lb/t", "kg/t"}
ANALYTES = {"THM", "Au", "Ag", "Cu", "Ni", "Co", "Zn", "Pb", "Sn", "W", "Mo", "Pt", "Pd", "Fe", "Mn", "Li", "Sb", "Bi",
            "Li2O", "Ta2O5", "U3O8", "eU3O8", "TREO", "MREO", "NdPr", "Dy2O3", "Tb4O7", "V2O5", "WO3", "TiO2",
            "Nb2O5", "Sc2O3", "TGC", "3E", "PGE", "AuEq", "CuEq", "NiEq", "ZnEq", "AgEq", "Fe2O3", "Mn3O4"}
CATEGORIES = {None, "measured", "indicated", "inferred", "mi", "total", "proven", "probable"}
CONTAINED_UNITS = {"oz", "t", "lb"}
TOP_KEYS = {"id", "format", "type", "commodities", "companies", "intercepts", "resources", "notes"}
OPT_TOP = {"pages", "ocr_pages", "reporting_code"}
INT_KEYS = {"hole_id", "from_m", "to_m", "width_m", "grade", "unit", "analyte", "including"}
INT_OPT = {"true_width_m"}
RES_KEYS = {"category", "tonnes", "grade", "unit", "analyte", "contained"}
RES_OPT = {"contained_unit", "deposit", "kind"}
OZ = 31.1034768
LB = 2204.62262


def doc_text(path: Path) -> str:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        finally:
            pdf.close()
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return raw


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def num(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def forms(v: float) -> set[str]:
    """Ways a number may be printed: 3.95, 3.950, 1,840, and European 0,92 / 1 120."""
    out = {repr(v), f"{v:g}"}
    for d in (0, 1, 2, 3, 4):
        s = f"{v:.{d}f}"
        if float(s) == round(v, d) and abs(float(s) - v) < 1e-9:
            out.add(s)
            out.add(f"{v:,.{d}f}")
            out.add(f"{v:,.{d}f}".replace(",", " ").replace(".", ","))
    return {s for s in out if s}


def found(v: float, text: str) -> bool:
    return any(re.search(r"(?<![\d.])" + re.escape(s) + r"(?![\d])", text) for s in forms(v))


def found_width(w: float, text: str) -> bool:
    """A width as printed, or as printed in feet (the label holds metres = feet x 0.3048)."""
    if found(w, text):
        return True
    feet = w / 0.3048
    return any(abs(feet - round(feet, d)) < 0.02 and found(round(feet, d), text) for d in (0, 1, 2))


def check_contained(r: dict, where: str, errors: list[str]) -> None:
    t, g, u, c, cu = r["tonnes"], r["grade"], r["unit"], r["contained"], r.get("contained_unit")
    if c is None or g is None or t is None:
        return
    expect = None
    if u == "g/t" and cu == "oz":
        expect = t * g / OZ
    elif u == "g/t" and cu == "t":
        expect = t * g / 1e6
    elif u == "%" and cu == "t":
        expect = t * g / 100
    elif u == "%" and cu == "lb":
        expect = t * g / 100 * LB
    elif u == "ppm" and cu == "lb":
        expect = t * g / 1e6 * LB
    elif u == "ppm" and cu == "t":
        expect = t * g / 1e6
    elif u == "ppm" and cu == "oz":
        expect = t * g / OZ
    if expect is None:
        errors.append(f"{where}: cannot check contained ({u} vs {cu})")
        return
    if abs(expect - c) > 0.06 * max(expect, c):
        errors.append(f"{where}: contained {c} {cu} but tonnes x grade gives {expect:.0f}")


def check_label(label_path: Path, errors: list[str], warnings: list[str]) -> dict | None:
    where = str(label_path.relative_to(HERE))
    try:
        lab = json.loads(label_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        errors.append(f"{where}: invalid JSON: {exc}")
        return None
    stem = label_path.name[: -len(".expected.json")]
    docs = [p for p in label_path.parent.glob(stem + ".*") if p.suffix in FORMATS and p.name.startswith(stem + ".")
            and p.name.count(".") == stem.count(".") + 1]
    if len(docs) != 1:
        errors.append(f"{where}: expected one document for {stem}, found {[d.name for d in docs]}")
        return lab
    doc = docs[0]
    missing = TOP_KEYS - lab.keys()
    extra = lab.keys() - TOP_KEYS - OPT_TOP
    if missing or extra:
        errors.append(f"{where}: keys missing {sorted(missing)} extra {sorted(extra)}")
        return lab
    if lab["id"] != stem:
        errors.append(f"{where}: id {lab['id']!r} != {stem!r}")
    if lab["format"] != FORMATS[doc.suffix]:
        errors.append(f"{where}: format {lab['format']!r} but file is {doc.suffix}")
    if lab["type"] not in TYPES:
        errors.append(f"{where}: type {lab['type']!r}")
    com = lab["commodities"]
    if com != sorted(com) or len(set(com)) != len(com) or not set(com) <= COMMODITIES:
        errors.append(f"{where}: commodities {com} (sorted, unique, canonical)")
    for c in lab["companies"]:
        if set(c) != {"ticker", "exchange"} or not all(isinstance(v, str) and v for v in c.values()):
            errors.append(f"{where}: company {c}")
    if not isinstance(lab["notes"], str) or not lab["notes"].strip():
        errors.append(f"{where}: notes must say what is tricky")
    text = doc_text(doc)
    ocr = bool(lab.get("ocr_pages"))
    # intercepts
    seen: list[dict] = []
    for i, it in enumerate(lab["intercepts"]):
        w = f"{where} intercept {i}"
        if INT_KEYS - it.keys() or it.keys() - INT_KEYS - INT_OPT:
            errors.append(f"{w}: keys {sorted(it)}")
            continue
        if it["unit"] not in UNITS:
            errors.append(f"{w}: unit {it['unit']!r}")
        if it["analyte"] not in ANALYTES:
            errors.append(f"{w}: analyte {it['analyte']!r}")
        if not num(it["grade"]) or it["grade"] <= 0:
            errors.append(f"{w}: grade {it['grade']!r}")
        for key in ("from_m", "to_m", "width_m", "true_width_m"):
            if it.get(key) is not None and not num(it[key]):
                errors.append(f"{w}: {key} {it[key]!r}")
        if not isinstance(it["including"], bool):
            errors.append(f"{w}: including must be true/false")
        if it["hole_id"] is not None and not (isinstance(it["hole_id"], str) and it["hole_id"].strip()):
            errors.append(f"{w}: hole_id {it['hole_id']!r}")
        f, t, wd = it["from_m"], it["to_m"], it["width_m"]
        if num(f) and num(t):
            if t <= f:
                errors.append(f"{w}: to_m {t} <= from_m {f}")
            if num(wd) and abs((t - f) - wd) > 0.05:
                errors.append(f"{w}: width {wd} != to - from = {t - f:.3f}")
        if num(wd) and wd <= 0:
            errors.append(f"{w}: width {wd}")
        if it.get("true_width_m") is not None and num(wd) and it["true_width_m"] > wd + 0.05:
            errors.append(f"{w}: true width {it['true_width_m']} > width {wd}")
        if it["including"]:
            parents = [p for p in seen if not p["including"] and p["hole_id"] == it["hole_id"]
                       and p["analyte"] == it["analyte"]]
            ok = False
            for p in parents:
                inside = True
                if num(f) and num(p["from_m"]) and f < p["from_m"] - 0.01:
                    inside = False
                if num(t) and num(p["to_m"]) and t > p["to_m"] + 0.01:
                    inside = False
                if num(wd) and num(p["width_m"]) and wd > p["width_m"] + 0.01:
                    inside = False
                ok = ok or inside
            if not ok:
                errors.append(f"{w}: including row has no enclosing earlier row of {it['hole_id']} {it['analyte']}")
        elif num(f) and num(t):
            for p in seen:
                if (p["hole_id"] == it["hole_id"] and p["analyte"] == it["analyte"] and num(p["from_m"])
                        and num(p["to_m"]) and p["from_m"] <= f and t <= p["to_m"]
                        and (t - f) < (p["to_m"] - p["from_m"]) - 0.01):
                    warnings.append(f"{w}: lies inside an earlier interval of {it['hole_id']} but including=false")
                    break
        seen.append(it)
        if not ocr and num(it["grade"]) and not found(it["grade"], text):
            warnings.append(f"{w}: grade {it['grade']} not found as printed")
        if not ocr and num(wd) and not found_width(wd, text):
            warnings.append(f"{w}: width {wd} not found as printed (derived or converted?)")
    if not ocr:
        lines = [ln for ln in re.split(r"[\n\r]+|</tr>|</dl>|</li>", text) if ln.strip()]
        for i, it in enumerate(lab["intercepts"]):
            if not num(it["grade"]):
                continue
            anchors = [v for v in (it["width_m"], it["from_m"]) if num(v)]
            if not anchors:
                continue
            if isinstance(it["hole_id"], str) and it["hole_id"].lower() not in text.lower():
                warnings.append(f"{where} intercept {i}: hole id {it['hole_id']!r} not in the document")
            ok = any(found(it["grade"], ln) and any(found_width(a, ln) for a in anchors) for ln in lines)
            if not ok:
                warnings.append(f"{where} intercept {i}: no line holds grade {it['grade']} with its width or from")
    keys = [(x["hole_id"], x["from_m"], x["to_m"], x["analyte"], x["grade"]) for x in lab["intercepts"]]
    for k_, n in Counter(keys).items():
        if n > 1:
            errors.append(f"{where}: duplicate intercept {k_}")
    # resources
    for i, r in enumerate(lab["resources"]):
        w = f"{where} resource {i}"
        if RES_KEYS - r.keys() or r.keys() - RES_KEYS - RES_OPT:
            errors.append(f"{w}: keys {sorted(r)}")
            continue
        if r["category"] not in CATEGORIES:
            errors.append(f"{w}: category {r['category']!r}")
        if not num(r["tonnes"]) or r["tonnes"] <= 0:
            errors.append(f"{w}: tonnes {r['tonnes']!r}")
        if r["grade"] is not None and (not num(r["grade"]) or r["unit"] not in UNITS or r["analyte"] not in ANALYTES):
            errors.append(f"{w}: grade/unit/analyte {r['grade']!r} {r['unit']!r} {r['analyte']!r}")
        if r["contained"] is not None:
            if r.get("contained_unit") not in CONTAINED_UNITS:
                errors.append(f"{w}: contained needs contained_unit in {sorted(CONTAINED_UNITS)}")
            else:
                check_contained(r, w, errors)
        if r.get("kind") not in (None, "resource", "reserve"):
            errors.append(f"{w}: kind {r['kind']!r}")
        if r["category"] in ("proven", "probable") and r.get("kind") != "reserve":
            errors.append(f"{w}: proven/probable rows need kind 'reserve'")
        if not ocr and r["grade"] is not None and not found(r["grade"], text):
            warnings.append(f"{w}: grade {r['grade']} not found as printed")
    if doc.suffix == ".pdf":
        try:
            n = pdf_pages(doc)
        except Exception as exc:
            errors.append(f"{where}: PDF does not open: {exc}")
        else:
            if lab.get("pages") != n:
                errors.append(f"{where}: label says {lab.get('pages')} pages, PDF has {n}")
    return lab


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    errors: list[str] = []
    warnings: list[str] = []
    summary: dict[str, list[dict]] = {}
    for d in DIRS:
        labs = []
        if not d.exists():
            continue
        for doc in sorted(d.iterdir()):
            if doc.suffix in FORMATS and not (d / (doc.name.rsplit(".", 1)[0] + ".expected.json")).exists():
                errors.append(f"{doc.relative_to(HERE)}: no label")
        for lp in sorted(d.glob("*.expected.json")):
            lab = check_label(lp, errors, warnings)
            if lab:
                labs.append(lab)
        summary[d.name] = labs
    for name, labs in summary.items():
        fmt = Counter(x.get("format") for x in labs)
        typ = Counter(x.get("type") for x in labs)
        neg = sum(1 for x in labs if not x.get("intercepts") and not x.get("resources"))
        ni = sum(len(x.get("intercepts", [])) for x in labs)
        nr = sum(len(x.get("resources", [])) for x in labs)
        big = sum(1 for x in labs if (x.get("pages") or 0) >= 17)
        print(f"{name}: {len(labs)} documents; formats {dict(sorted(fmt.items()))}; types {dict(sorted(typ.items()))}")
        print(f"  {ni} intercepts, {nr} resource rows, {neg} documents with neither, {big} PDFs of 17+ pages")
    for w in warnings if verbose else []:
        print("warning:", w)
    if warnings and not verbose:
        print(f"{len(warnings)} warnings (run with -v to list)")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
