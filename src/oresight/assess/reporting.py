"""Reporting quality: the JORC Code / ASX Listing Rules checklist read on the text (cues in
``data/reporting.yaml``), each item present, missing or n/a with the evidence that decided it, and the
red flags an analyst looks for first.

Applicability follows the rules: the checklist applies to documents that report exploration results or
estimates; drill-hole items only when there are drill intercepts; the metal-equivalent item only when an
equivalent grade is quoted; the headline item only when the headline quotes a grade.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from oresight.assess._text import Pages, compile_cues, load, quote
from oresight.extract import extract_text
from oresight.model import CheckItem, Evidence, Extraction, Intercept, RedFlag, Reporting, ResourceEstimate, Span

RESULT_EXCLUSIONS = {"visual", "sample"}  # set-aside results that still make the checklist apply
_VISUAL_FIGURE = re.compile(r"(?<![\d.])\d{1,4}(?:\.\d+)?\s?m\s+(?:of|@|at|with|grading)\s[^.\n]{0,40}?\d{1,3}(?:\.\d+)?\s?%",
                            re.IGNORECASE)
_GRADE = re.compile(r"(?<![\d.])\d{1,7}(?:\.\d{1,6})?\s?(?:g/t|ppm|ppb|%|oz/t)", re.IGNORECASE)


@cache
def _spec() -> dict[str, Any]:
    return load("reporting.yaml")


@cache
def _cue(item: str, key: str = "cues") -> re.Pattern[str] | None:
    return compile_cues(_spec()["items"][item].get(key) or ())


@cache
def _collar() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    c = _spec()["collar"]
    return compile_cues(c["coordinates"]), compile_cues(c["geometry"]), compile_cues(c["coordinates_text"])


def _item(item_id: str, status: str, reason: str, evidence: list[Evidence] | tuple[Evidence, ...] = (),
          value: str | None = None) -> CheckItem:
    spec = _spec()["items"][item_id]
    return CheckItem(item_id, spec["name"], status, reason, tuple(spec.get("refs", ())),  # type: ignore[arg-type]
                     tuple(evidence[:3]), value)


def _drillhole_table(pages: Pages) -> Evidence | None:
    coords, geometry, coords_text = _collar()
    assert coords is not None and geometry is not None and coords_text is not None
    for page in pages.document.pages:
        for table in page.tables:
            head = " ".join(table.header).lower()
            if coords.search(head) and geometry.search(head):
                spans = [c.span for row in table.rows[:1] for c in row if c.span is not None]
                if spans and all(sp.page == spans[0].page for sp in spans):
                    start, end = min(sp.start for sp in spans), max(sp.end for sp in spans)
                    text = dict(pages.pages).get(spans[0].page, "")
                    return Evidence(text[start:end], Span(spans[0].page, start, end))  # the table's first row
                return Evidence(" | ".join(table.header)[:120], Span(page.number, 0, 0))
    for number, text in pages.pages:
        for m in coords_text.finditer(text):
            window = text[m.start():m.start() + 400]
            g = geometry.search(window)
            if g:
                return Evidence(text[m.start():m.start() + g.end()][:120], Span(number, m.start(), m.start() + g.end()))
    return None


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2023\u2043>]|\d{1,2}[.)]|o\s)\s*\S")


def _headline_lines(pages: Pages) -> list[str]:
    """The title, the short lines at the top of page 1 and the highlight bullets of page 1."""
    lines = [pages.title] if pages.title else []
    lines += [ln.strip() for ln in pages.top.splitlines() if 0 < len(ln.strip()) <= 200]
    first = pages.pages[0][1][:3000] if pages.pages else ""
    lines += [ln.strip() for ln in first.splitlines() if _BULLET.match(ln) and len(ln.strip()) <= 300][:8]
    seen: set[str] = set()
    return [ln for ln in lines if not (ln in seen or seen.add(ln))]  # type: ignore[func-returns-value]


def _headline_figures(pages: Pages) -> list[tuple[Intercept | ResourceEstimate, str, bool]]:
    """Figures the headline quotes: (value, the line quoting it, whether the line is the title/top lines)."""
    top = {pages.title} | {ln.strip() for ln in pages.top.splitlines()}
    out: list[tuple[Intercept | ResourceEstimate, str, bool]] = []
    for line in _headline_lines(pages):
        ex = extract_text(line)
        for v in list(ex.intercepts)[:3] + list(ex.resources)[:2]:
            out.append((v, line, line in top))
    return out


def _close(a: float | None, b: float | None, rel: float = 0.06, absolute: float = 0.06) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(absolute, rel * max(abs(a), abs(b)))


_QUANTITY = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d{1,9}(?:\.\d+)?)\s?(mt\b|million\s+(?:tonnes?|ounces?|oz|pounds?|lbs?)|moz\b|koz\b|mlbs?\b|"
                       r"thousand\s+ounces|kt\b)", re.IGNORECASE)
_QUANTITY_UNITS = {"mt": (1e6, "t"), "moz": (1e6, "oz"), "koz": (1e3, "oz"), "mlb": (1e6, "lb"), "mlbs": (1e6, "lb"),
                   "kt": (1e3, "t")}


def _headline_quantities(pages: Pages, extraction: Extraction) -> tuple[list[Evidence], list[str]] | None:
    """Tonnage or contained metal quoted by the headline ("41.2Mt", "1.2 million ounces"), against the body."""
    hits = pages.headline_hits(_QUANTITY)
    if not hits or not extraction.resources:
        return None
    problems = []
    for ev in hits:
        m = _QUANTITY.search(ev.surface)
        if m is None:
            continue
        word = m.group(2).lower().split()
        key = word[0] if len(word) == 1 else ("m" + ("oz" if word[1].startswith(("ounce", "oz")) else
                                                     "lb" if word[1].startswith(("pound", "lb")) else "t"))
        if word[0] == "thousand":
            key = "koz"
        mult, unit = _QUANTITY_UNITS.get(key, (1e6, "t"))
        value = float(m.group(1).replace(",", "")) * mult
        known: list[float] = []
        for r in extraction.resources:
            if unit == "t":
                known.append(r.tonnes)
                if r.contained is not None and r.contained_unit == "t":
                    known.append(r.contained)
            elif r.contained is not None and r.contained_unit == unit:
                known.append(r.contained)
        by_cat: dict[str, float] = {}
        for r in extraction.resources:
            v = r.tonnes if unit == "t" else (r.contained if r.contained_unit == unit else None)
            if v is not None and r.category in ("measured", "indicated", "inferred"):
                by_cat[r.category] = by_cat.get(r.category, 0.0) + v
        if by_cat:
            known.append(sum(by_cat.values()))
        if not any(_close(value, k, rel=0.03, absolute=0.0) for k in known):
            problems.append(f"{ev.surface.strip()} is not a total the body reports")
    return hits, problems


def _balanced(pages: Pages, extraction: Extraction) -> tuple[CheckItem | None, RedFlag | None]:
    figures = _headline_figures(pages)
    if not figures:
        q = _headline_quantities(pages, extraction)
        if q is None:
            return None, None
        hits, wrong = q
        if wrong:
            return _item("balanced_headline", "missing", "; ".join(wrong), hits), None
        return _item("balanced_headline", "present", f"the headline figure matches the estimate: {quote(hits)}", hits), None
    body = extraction.intercepts
    problems: list[str] = []
    cherry = False
    for h, line, is_top in figures:
        if isinstance(h, ResourceEstimate):
            if not any(_close(r.tonnes, h.tonnes, rel=0.03, absolute=1.0) and (h.grade is None or _close(r.grade, h.grade))
                       for r in extraction.resources):
                problems.append(f"{h.surface.strip()} is not an estimate the body reports")
            continue
        same = [b for b in body if _close(b.grade, h.grade)
                and (h.width_m is None or _close(b.width_m, h.width_m, rel=0.06, absolute=0.15))]
        if not same:
            problems.append(f"{h.surface.strip()} is not a result the body reports")
            continue
        if (is_top and not h.including and all(b.including for b in same)
                and not re.search(r"\bincl|\bwithin\b|\bincluding\b|\bzone of\b|\bcore of\b", line, re.I)):
            parent = _parent(same[0], body)
            parent_quoted = parent is not None and any(
                isinstance(v, Intercept) and top and _close(v.grade, parent.grade) and _close(v.width_m, parent.width_m)
                for v, _, top in figures)
            if not parent_quoted:
                extra = f" (inside {parent.surface.strip()})" if parent else ""
                problems.append(f"the headline quotes {h.surface.strip()}, an 'including' sub-interval, as the result{extra}")
                cherry = True
    first_page = pages.pages[0][1] if pages.pages else ""
    ev = []
    for h, _, _ in figures[:3]:
        off = first_page.find(h.surface)
        ev.append(Evidence(h.surface, Span(pages.headline_page, off, off + len(h.surface)) if off >= 0 else h.span))
    if problems:
        reason = "; ".join(problems)
        flag = RedFlag("headline_cherry_pick", reason, ("JORC-T1-S2-08",), tuple(ev[:2])) if cherry else None
        return _item("balanced_headline", "missing", reason, ev), flag
    return _item("balanced_headline", "present", "the headline figures are ones the body reports: " + quote(ev), ev), None


def _parent(inc: Intercept, rows: tuple[Intercept, ...]) -> Intercept | None:
    for r in rows:
        if (not r.including and r.hole_id == inc.hole_id and r.analyte == inc.analyte
                and r.from_m is not None and inc.from_m is not None and r.to_m is not None and inc.to_m is not None
                and r.from_m <= inc.from_m + 0.01 and inc.to_m <= r.to_m + 0.01):
            return r
    return None


def _including_dominance(extraction: Extraction) -> RedFlag | None:
    rows = extraction.intercepts
    for inc in rows:
        if not inc.including or inc.width_m is None:
            continue
        parent = _parent(inc, rows)
        if parent is None or parent.width_m is None or parent.width_m <= inc.width_m or parent.grade <= 0:
            continue
        metal = parent.grade * parent.width_m
        share = inc.grade * inc.width_m / metal
        outside = (metal - inc.grade * inc.width_m) / (parent.width_m - inc.width_m)
        if share >= 0.85 and outside <= 0.25 * parent.grade:
            reason = (f"{share:.0%} of the metal of {parent.surface.strip()} sits in {inc.surface.strip()}; "
                      f"the rest grades {outside:.2f} {parent.unit}")
            return RedFlag("including_dominance", reason, ("FLAG-INCLUDING-DOMINANCE",),
                           (Evidence(inc.surface, inc.span), Evidence(parent.surface, parent.span)))
    return None


_NAMED = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z][a-z]+|\b(?:MAusIMM|FAusIMM|MAIG|FAIG|RPGeo|CP\s?\((?:Geo|Min)\)|"
    r"P\.\s?Geo(?:l)?\.?|P\.\s?Eng\.?|SME[- ]RM|Pr\.\s?Sci\.\s?Nat)\b|"
    r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]{2,},\s+(?:a|an|who|the|has|B\.?Sc|M\.?Sc|Ph\.?D|[A-Z][A-Z.()]{1,8})(?![a-z])|"
    r"(?:competent|qualified)\s+persons?\s*:\s*[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]{2,}")


def _competent_person(pages: Pages, results: bool, na: str) -> CheckItem:
    """A Competent / Qualified Person statement that names the person (an honorific, a professional
    membership or a name with credentials near the cue): a heading with nobody named is not one."""
    if not results:
        return _item("competent_person", "n/a", na)
    cue = _cue("competent_person")
    unnamed: Evidence | None = None
    for ev in pages.all(cue, limit=40):
        text = dict(pages.pages).get(ev.span.page, "")
        window = text[max(0, ev.span.start - 400):ev.span.end + 500]
        who = _NAMED.search(window)
        if who:
            return _item("competent_person", "present", f"found {quote([ev], 1)} naming {who.group().strip()!r}", [ev])
        unnamed = unnamed or ev
    if unnamed is not None:
        return _item("competent_person", "missing", f"{quote([unnamed], 1)} names no person", [unnamed])
    return _item("competent_person", "missing", "no Competent Person / Qualified Person statement")


def check(pages: Pages, extraction: Extraction, *, red_flag_penalty: float | None = None) -> Reporting:
    drill = bool(extraction.intercepts)
    set_aside = [e for e in extraction.excluded if e.kind in RESULT_EXCLUSIONS]
    results = drill or bool(extraction.resources) or bool(set_aside)
    if not results:
        # rock chips, soils and visual logging reported with grades are results too (not intercepts)
        sampled = pages.first(_cue("sample_type", "surface"), pages=2) or pages.first(_cue("assays", "visual"), pages=2)
        results = bool(sampled and pages.first(_GRADE, pages=2))
    items: list[CheckItem] = []
    flags: list[RedFlag] = []
    na_results = "no exploration result or estimate reported"
    na_drill = "no drill intercepts reported"

    def simple(item_id: str, applies: bool, na: str, missing: str) -> CheckItem:
        if not applies:
            return _item(item_id, "n/a", na)
        ev = pages.first(_cue(item_id))
        if ev:
            return _item(item_id, "present", f"found {quote([ev], 1)}", [ev])
        return _item(item_id, "missing", missing)

    cp = _competent_person(pages, results, na_results)
    items.append(cp)
    items.append(simple("code_reference", results, na_results, "no reporting code (JORC, NI 43-101, S-K 1300) named"))
    if drill:
        collar = _drillhole_table(pages)
        items.append(_item("drillhole_table", "present", f"collar information: {quote([collar], 1)}", [collar]) if collar
                     else _item("drillhole_table", "missing", "no collar table (coordinates with dip/azimuth or depth)"))
    else:
        items.append(_item("drillhole_table", "n/a", na_drill))
    # sample type
    if results:
        d = pages.first(_cue("sample_type", "drill"))
        s = pages.first(_cue("sample_type", "surface"))
        kind = "both" if d and s else "drill" if d else "surface" if s else "unstated"
        ev = [e for e in (d, s) if e]
        if kind == "unstated":
            items.append(_item("sample_type", "missing", "the sample or drill type is not stated", value=kind))
        else:
            what = {"drill": "drill samples", "surface": "surface samples only (not intercepts)",
                    "both": "drill and surface samples"}[kind]
            items.append(_item("sample_type", "present", f"{what}: {quote(ev)}", ev, value=kind))
    else:
        items.append(_item("sample_type", "n/a", na_results))
    items.append(simple("aggregation", drill, na_drill, "no aggregation method or interval cut-off stated"))
    # metal equivalents
    eq_rows = [i for i in extraction.intercepts if i.analyte.endswith("Eq")]
    eq_ev = [Evidence(eq_rows[0].surface, eq_rows[0].span)] if eq_rows else []
    if not eq_ev:
        hit = pages.first(_cue("metal_equivalent", "equivalent"))
        if hit and results:
            eq_ev = [hit]
    if eq_ev:
        p = pages.first(_cue("metal_equivalent", "prices"))
        r = pages.first(_cue("metal_equivalent", "recoveries"))
        if p and r:
            items.append(_item("metal_equivalent", "present", f"prices {quote([p], 1)} and recoveries {quote([r], 1)} given",
                               [eq_ev[0], p, r]))
        else:
            lacking = " and ".join(x for x, y in (("prices", p), ("recoveries", r)) if not y)
            item = _item("metal_equivalent", "missing", f"metal equivalent {quote(eq_ev, 1)} without {lacking}", eq_ev)
            items.append(item)
            flags.append(RedFlag("metal_eq_without_assumptions", item.reason, ("JORC-METAL-EQ", "FLAG-METAL-EQ-NO-ASSUMPTIONS"),
                                 tuple(eq_ev)))
    else:
        items.append(_item("metal_equivalent", "n/a", "no metal-equivalent grade quoted"))
    # true width
    if drill:
        t = pages.first(_cue("true_width", "given"))
        u = pages.first(_cue("true_width", "unknown"))
        given = any(i.true_width_m is not None for i in extraction.intercepts)
        if t or u or given:
            ev = [e for e in (t, u) if e]
            value = "given" if (given or t) else "stated_unknown"
            what = "true widths given" if value == "given" else "down-hole lengths, true widths not known"
            items.append(_item("true_width", "present", f"{what}: {quote(ev)}", ev, value=value))
        else:
            items.append(_item("true_width", "missing", "no statement on true widths vs down-hole lengths", value="not_stated"))
            flags.append(RedFlag("no_true_width", "intercepts without a statement on true widths vs down-hole lengths",
                                 ("JORC-T1-S2-06", "FLAG-NO-TRUE-WIDTH")))
    else:
        items.append(_item("true_width", "n/a", na_drill))
    # assays vs visual
    if results:
        lab = pages.first(_cue("assays", "lab"))
        vis = pages.first(_cue("assays", "visual"))
        visual_only = not drill and not extraction.resources and (vis is not None or any(e.kind == "visual" for e in set_aside))
        if visual_only:
            ev = [vis] if vis else [Evidence(e.surface, e.span) for e in set_aside if e.kind == "visual"][:1]
            items.append(_item("assays", "missing", f"visual or field estimates, no laboratory assays: {quote(ev, 1)}", ev))
            head = compile_cues(_spec()["items"]["assays"]["visual"])
            in_head = pages.headline_hits(head) if head else []
            figure = pages.headline_hits(_VISUAL_FIGURE)
            if in_head and figure:  # a headline that reads like an assay: "42 m of 20-25% spodumene"
                flags.append(RedFlag("visual_as_assays", "visual or field estimates are presented like assay results in "
                                     f"the headline ({quote(figure, 1)})", ("FLAG-VISUAL-ONLY",), tuple(figure)))
        elif lab:
            items.append(_item("assays", "present", f"laboratory assays: {quote([lab], 1)}", [lab]))
        elif drill or extraction.resources:
            first = extraction.intercepts[0] if drill else None
            ev = [Evidence(first.surface, first.span)] if first else []
            items.append(_item("assays", "present", "assay grades reported (the laboratory or method is not named)", ev))
        else:
            items.append(_item("assays", "missing", "grades without a laboratory or assay method"))
    else:
        items.append(_item("assays", "n/a", na_results))
    # balanced headline
    bal, flag = _balanced(pages, extraction) if results else (None, None)
    items.append(bal or _item("balanced_headline", "n/a", "the headline quotes no grade" if results else na_results))
    if flag:
        flags.append(flag)
    items.append(simple("table1", results, na_results, "no JORC Table 1 (sampling techniques and data) appended"))
    if results and cp.status == "missing":
        flags.append(RedFlag("missing_competent_person", "results or estimates without a Competent Person statement",
                             ("JORC-CP", "ASX-LR-5.22", "FLAG-MISSING-CP")))
    dom = _including_dominance(extraction)
    if dom:
        flags.append(dom)
    uranium_rows = any(i.analyte in ("U3O8", "eU3O8", "U") for i in extraction.intercepts)
    if not uranium_rows and "U" in extraction.commodities:  # counts per second only matter when no grades are given
        sc = pages.first(compile_cues([r"counts per second", r"\bcps\b", r"scintillometer"]))
        if sc:
            flags.append(RedFlag("scintillometer", f"uranium readings in counts per second: {quote([sc], 1)}",
                                 ("FLAG-SCINTILLOMETER",), (sc,)))
    applicable = [i for i in items if i.status != "n/a"]
    quality: float | None = None
    if applicable:
        penalty = float(load("weights.yaml")["credibility"]["red_flag_penalty"]) if red_flag_penalty is None else red_flag_penalty
        quality = max(0.0, sum(i.status == "present" for i in applicable) / len(applicable) - penalty * len(flags))
    return Reporting(tuple(items), tuple(flags), quality)
