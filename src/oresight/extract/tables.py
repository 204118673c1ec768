"""Intercepts and resources read from tables rebuilt by the document readers.

A table is read by the roles of its columns, found from the header text:
``Hole ID | From (m) | To (m) | Interval (m) | Au (g/t) | Cu (%)`` is an intercepts table;
``Hole ID | Easting | Northing | RL | Dip | Azimuth | Depth`` is a collar table and gives nothing;
``Category | Tonnes (Mt) | Grade (% Li2O) | Contained Li2O (kt)`` is a resource table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from oresight.extract.context import CUES
from oresight.extract.intercepts import HOLE_RE, find_intercepts, valid_hole
from oresight.extract.lexicon import fold, lexicon, parse_number
from oresight.model import Cell, Excluded, Intercept, ResourceEstimate, Span, Table

_L = lexicon()
_REE_BASKETS = frozenset({"MREO", "HREO", "NdPr", "DyTb", "Nd2O3", "Pr6O11", "Dy2O3", "Tb4O7"})

_HOLE_H = re.compile(r"\b(?:hole|drill\s*hole|drillhole|bhid|hole[\s_]*(?:id|no|number|name)|borehole|trench|sample\s*id)\b"
                     r"|^id$|^hole$", re.I)
# a spanning header is joined before its sub-header ("Interval (m) From"), so "from"/"to" may stand last
_FROM_H = re.compile(r"^\s*(?:depth\s+)?from\b|\bfrom\s*(?:\((?:m|ft|metres|feet)\))?\s*$|^\s*start\b|^\s*m\s*from\b", re.I)
# "Depth (ft)" beside a thickness column: the top of the interval (US uranium tables)
_DEPTH_TOP_H = re.compile(r"^\s*(?:depth|top|depth\s+to\s+top)\s*(?:\((?:m|ft|metres|feet)\))?\s*$", re.I)
_TO_H = re.compile(r"^\s*(?:depth\s+)?to\b|\bto\s*(?:\((?:m|ft|metres|feet)\))?\s*$|^\s*end\b", re.I)
_WIDTH_H = re.compile(r"\b(?:interval|width|length|thickness|intercept|intersection|down\s*hole|downhole|"
                      r"apparent|core length|drilled)\b|^\s*m\s*$|^\s*\(m\)\s*$", re.I)
_TRUE_H = re.compile(r"\b(?:true\s+width|true\s+thickness|etw|est\.?\s+true)\b", re.I)
_COLLAR_H = re.compile(r"\b(?:easting|northing|east|north|rl|elevation|dip|azimuth|azi|az|mga|grid|collar|"
                       r"eoh|total\s+depth|max\s+depth|hole\s+depth|final\s+depth)\b", re.I)
_SKIP_H = re.compile(r"(?:[:/]\s*TREO|\bof\s+TREO|\bratio\b|\bproportion\b|\bshare\b|\bpercent\s+of\b|cut[\s-]?off|\bCOG\b|lower\s+cut|gram\s*[-x*×]?\s*met|g\s*[x*×.]\s*m|%\s*[x*×.]\s*m|\bgxm\b|\bm\s*[x*×]\s*%|"
                     r"metal\s+content|ppm\s*[x*×]\s*m|\bGT\b|grade\s*x\s*thickness|recovery|price)", re.I)
_CATEGORY_H = re.compile(r"\b(?:category|classification|class|resource|reserve|jorc)\b", re.I)
_TONNES_H = re.compile(r"\b(?:tonnes|tonnage|tons|quantity)\b|\b(?:mt|kt)\b|^\s*ore\s*\((?:m|k|\'000\s*)?t\)", re.I)
_CONTAINED_H = re.compile(r"\b(?:contained|metal|ounces|oz|koz|moz|mlb|content)\b", re.I)
_NEG_TITLE = re.compile(r"exploration\s+target|rock[\s-]?chip|soil|historic(?:al)?\s+(?:production|mining)|"
                        r"collar|drill\s*hole\s+(?:location|details|information)|hole\s+locations?|"
                        r"production\s+(?:summary|statistics|results|data|figures|history)|\bmined\b|\bprocessed\b|"
                        r"sensitivity|grade[\s-]+tonnage|cut-?off\s+sensitivity", re.I)
_INCL_CELL = re.compile(r"^[^A-Za-z0-9]*(?:incl\.?|including|inc\.?|includes|and\s+incl\.?|with)\b", re.I)
_NSI = re.compile(r"^\s*(?:nsi|nsr|no\s+significant|n\.?s\.?i\.?|bdl|na|n/a|-+|—|–|nil|pending|awaiting|"
                  r"assays?\s+pending|results?\s+pending)\b", re.I)
_EOH_MARK = re.compile(r"\(?\s*\b(?:EOH|BOH|end\s+of\s+hole)\b\s*\)?", re.I)
_EOH = re.compile(r"\b(?:eoh|end\s+of\s+hole)\b", re.I)
_FOOTNOTE = re.compile(r"[*†‡§¹²³⁴⁵⁶⁷⁸⁹#^]+$")


@dataclass
class GradeColumn:
    index: int
    analyte: str | None
    unit: str


@dataclass
class Roles:
    hole: int | None = None
    frm: int | None = None
    to: int | None = None
    width: int | None = None
    true_width: int | None = None
    grades: list[GradeColumn] = field(default_factory=list)
    category: int | None = None
    tonnes: int | None = None
    tonnes_factor: float = 1.0
    contained: list[tuple[int, str | None, str, float]] = field(default_factory=list)  # (col, analyte, base, f)
    length_factor: float = 1.0
    bare: list[GradeColumn] = field(default_factory=list)  # headers naming only an analyte ("Au")


def _clean_header(h: str) -> str:
    h = fold(h).replace("\n", " ")
    h = re.sub(r"\s+", " ", h).strip()
    return _FOOTNOTE.sub("", h).strip()


_SYMBOL_H = re.compile(r"(?<![A-Za-z])[A-Z][a-z]?\d*(?:[A-Z][a-z]?\d*){0,2}(?![A-Za-z])")


def grade_column(header: str) -> tuple[str | None, str] | None:
    """(analyte, unit) of a grade column header such as ``Au (g/t)``, ``TREO ppm``, ``Grade (% Li2O)``."""
    h = _clean_header(header)
    if _SKIP_H.search(h) or re.search(r"\b(?:contained|content|metal)\b", h, re.I):
        return None
    um = re.search(rf"(?<![A-Za-z])(?:{_L.unit_re})(?![A-Za-z])", h)
    if not um:
        return None
    unit = _L.unit(um.group(0))
    if unit is None:
        return None
    am = re.search(_L.analyte_re, h)
    analyte = _L.analyte(am.group(0)) if am else None
    if analyte is None and _SYMBOL_H.search(h[: um.start()] + " " + h[um.end() :]):
        return None  # "Te (g/t)": an element Oresight does not know; never give it another's name
    return analyte, unit


def roles(header: tuple[str, ...]) -> Roles:
    """The role of each column, from its header (cached: a header repeats across pages and documents).
    The result is shared: treat it as read-only."""
    return _roles(tuple(header))


@lru_cache(maxsize=512)
def _roles(header: tuple[str, ...]) -> Roles:
    r = Roles()
    for i, raw in enumerate(header):
        h = _clean_header(raw)
        if not h:
            continue
        if r.hole is None and _HOLE_H.search(h) and not _WIDTH_H.search(h) and "depth" not in h.lower():
            r.hole = i
            continue
        if r.category is None and _CATEGORY_H.search(h) and not re.search(r"\d|%|g/t|ppm", h):
            r.category = i
            continue
        if _TRUE_H.search(h):
            r.true_width = i
            continue
        if r.frm is None and (_FROM_H.search(h) or _DEPTH_TOP_H.search(h)):
            r.frm = i
            if re.search(r"\bft\b|feet", h, re.I):
                r.length_factor = 0.3048
            continue
        if r.to is None and _TO_H.search(h) and not _TONNES_H.search(h):
            r.to = i
            continue
        if _COLLAR_H.search(h) and not grade_column(h):
            continue  # easting, northing, RL, dip, azimuth: a collar column, never a result
        gc = grade_column(h)
        if gc is not None and not _TONNES_H.search(re.sub(r"(?i)\bgrade\b", "", h)):
            r.grades.append(GradeColumn(i, gc[0], gc[1]))
            continue
        if _CONTAINED_H.search(h):
            cu = re.search(rf"(?<![A-Za-z])(?:{_L.contained_re})(?![A-Za-z])", h)
            if cu:
                base, f = _L.contained_unit(cu.group(0)) or ("t", 1.0)
                am = re.search(_L.analyte_re, h)
                r.contained.append((i, _L.analyte(am.group(0)) if am else None, base, f))
            continue
        if r.tonnes is None and _TONNES_H.search(h):
            r.tonnes = i
            tm = re.search(rf"(?<![A-Za-z])(?:{_L.tonnage_re})(?![A-Za-z])", h.replace("Tonnes", "").replace("tonnes", ""))
            if tm:
                r.tonnes_factor = _L.tonnage(tm.group(0)) or 1.0
            elif re.search(r"million", h, re.I):
                r.tonnes_factor = 1e6
            continue
        if r.width is None and _WIDTH_H.search(h):
            r.width = i
            if re.search(r"\bft\b|feet", h, re.I):
                r.length_factor = 0.3048
            continue
        bare = _L.analyte(h) if len(h) <= 8 else None
        if bare is not None and bare in _L.bare_units:
            r.bare.append(GradeColumn(i, bare, _L.bare_units[bare]))
    # "Au g/t (uncut)" beside "Au g/t (cut)": one grade per analyte, the uncut one (as reported first)
    kept: dict[tuple[str | None, str], GradeColumn] = {}
    for g in r.grades:
        key = (g.analyte, g.unit)
        if key not in kept or (re.search(r"\b(?:cut|capped|top[\s-]?cut)\b", _clean_header(header[kept[key].index]), re.I)
                               and not re.search(r"\bun(?:cut|capped)\b", _clean_header(header[kept[key].index]), re.I)):
            kept[key] = g
    if len(kept) < len(r.grades):
        r.grades = sorted(kept.values(), key=lambda g: g.index)
    if not r.grades and r.bare and (r.width is not None or (r.frm is not None and r.to is not None)):
        # "Hole | From | To | Width | Au": an interval table whose grade header names only the analyte
        r.grades = list(r.bare)
    return r


_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _cell_number(cell: Cell) -> float | None:
    if _PLAIN_NUMBER.fullmatch(cell.text):  # the common case: "35", "3.95"
        return float(cell.text)
    t = fold(cell.text).strip()
    t = _FOOTNOTE.sub("", t).strip()
    t = re.sub(r"^~", "", t)
    t = _INCL_CELL.sub("", t).strip()  # "incl. 618.0": a label the layout joined to the number
    t = _EOH_MARK.sub("", t).strip()
    if not t or _NSI.match(t):
        return None
    m = re.fullmatch(r"\(?\s*([\d,]*\.?\d+)\s*(?:m|ft|%|g/t|ppm)?\s*\)?", t)
    if not m:
        return None
    return parse_number(m.group(1))


_RANGE_CELL = re.compile(r"^\s*([\d,]*\.?\d+)\s*(?:m|ft)?\s*(?:-|to|–)\s*([\d,]*\.?\d+)\s*(?:m|ft)?\s*$", re.I)


def _hole_of(cell_text: str) -> str:
    """The hole identifier in a hole cell ("TW-24-09 (wedge)" is TW-24-09), else the cell without spaces."""
    for m in HOLE_RE.finditer(cell_text):
        hid = m.group("h1") or m.group("h2")
        if hid and valid_hole(hid):
            return hid
    return re.sub(r"\s+", "", _FOOTNOTE.sub("", cell_text))


def _cell_range(cell: Cell) -> tuple[float, float] | None:
    m = _RANGE_CELL.match(fold(cell.text))
    if not m:
        return None
    a, b = parse_number(m.group(1)), parse_number(m.group(2))
    if a is None or b is None or b <= a:
        return None
    return a, b


def _other_width_cols(header: tuple[str, ...], r: Roles) -> list[int]:
    """Columns besides the interval column that give a length ("Interval (m) | Length (m)")."""
    taken = {r.width, r.frm, r.to, r.hole, r.true_width} | {g.index for g in r.grades}
    return [i for i, h in enumerate(header) if i not in taken and _WIDTH_H.search(_clean_header(h))]


def _doc_analyte(unit: str, doc_analytes: dict[str, str]) -> str | None:
    return doc_analytes.get(unit)


def table_title_excluded(table: Table) -> Excluded | None:
    title = fold(table.title)
    if _NEG_TITLE.search(title):
        for cue in CUES:
            if cue.pattern.search(title):
                return Excluded(cue.kind, table.title[:120], Span(table.page, 0, 0), cue.reason)
        return Excluded("table", table.title[:120], Span(table.page, 0, 0), "not a table of drill results")
    return None


def intercepts_from_table(table: Table, doc_analytes: dict[str, str]) -> list[Intercept]:
    r = roles(table.header)
    if not r.grades:
        return _intercept_text_cells(table, r, doc_analytes)
    has_depths = r.width is not None or (r.frm is not None and r.to is not None)
    if not has_depths:
        return []
    if r.tonnes is not None or r.category is not None:
        return []
    if table_title_excluded(table) is not None:
        return []
    out: list[Intercept] = []
    hole: str | None = None
    last_parent: tuple[str | None, float | None, float | None] | None = None
    f = r.length_factor
    for row in table.rows:
        cells = list(row)
        texts = [fold(c.text).strip() for c in cells]
        if not any(texts):
            continue
        including = any(_INCL_CELL.match(t) for t in texts)
        hole_cell = texts[r.hole] if r.hole is not None and r.hole < len(texts) else ""
        if hole_cell and not _INCL_CELL.match(hole_cell) and re.search(r"\d", hole_cell):
            hole = _hole_of(hole_cell)
        elif (hole_cell and not _INCL_CELL.match(hole_cell) and not re.search(r"\d", hole_cell)
              and not any(_cell_number(c) is not None for c in cells)):
            continue  # a heading row inside the table (prospect name): not a hole
        if any(_NSI.match(t) for t in texts if t) and not any(
            _cell_number(cells[g.index]) for g in r.grades if g.index < len(cells)
        ):
            continue
        frm = _cell_number(cells[r.frm]) if r.frm is not None and r.frm < len(cells) else None
        to_cell = texts[r.to] if r.to is not None and r.to < len(texts) else ""
        to = _cell_number(cells[r.to]) if r.to is not None and r.to < len(cells) else None
        eoh = bool(_EOH.search(to_cell))
        width = _cell_number(cells[r.width]) if r.width is not None and r.width < len(cells) else None
        for col in (r.width, r.frm, r.to):
            # one cell may hold the whole interval: "112.0 – 356.0" or "331.4 to 346.0 m"
            rng = _cell_range(cells[col]) if col is not None and col < len(cells) else None
            if rng is not None:
                frm = rng[0] if frm is None or col == r.frm else frm
                to = rng[1] if to is None or col in (r.frm, r.to) else to
                if col == r.width:
                    width = None
                    for other in _other_width_cols(table.header, r):
                        width = width if width is not None else _cell_number(cells[other]) if other < len(cells) else None
        if frm is not None:
            frm = round(frm * f, 3)
        if to is not None:
            to = round(to * f, 3)
        if width is not None:
            width = round(width * f, 3)
        if width is None and frm is not None and to is not None and to > frm:
            width = round(to - frm, 3)
        if width is None or width <= 0:
            continue
        if to is None and frm is not None:
            to = round(frm + width, 3)
        tw = _cell_number(cells[r.true_width]) if r.true_width is not None and r.true_width < len(cells) else None
        if including is False and last_parent is not None and frm is not None:
            # a row nested inside the previous interval of the same hole is a sub-interval
            ph, pf, pt = last_parent
            if ph == hole and pf is not None and pt is not None and pf <= frm and to is not None and to <= pt and (
                    to - frm) < (pt - pf):
                including = True
        if not including:
            last_parent = (hole, frm, to)
        row_text = " | ".join(t for t in texts if t)
        for g in r.grades:
            if g.index >= len(cells):
                continue
            value = _cell_number(cells[g.index])
            if value is None or value <= 0:
                continue
            analyte = g.analyte or _doc_analyte(g.unit, doc_analytes)
            if analyte is None:
                continue
            if analyte in _REE_BASKETS and g.unit == "%" and any(
                    o.unit == "ppm" and o.analyte == "TREO" for o in r.grades):
                continue  # "MREO %" beside "TREO ppm" is the magnet share of TREO, not a grade
            span = cells[g.index].span or _row_span(table.page, cells)
            out.append(
                Intercept(
                    grade=value, unit=g.unit, analyte=analyte, width_m=width, surface=row_text, span=span,
                    hole_id=hole, from_m=frm, to_m=to, including=including, true_width_m=tw, source="table",
                    to_eoh=eoh,
                )
            )
    return out


def _intercept_text_cells(table: Table, r: Roles, doc_analytes: dict[str, str]) -> list[Intercept]:
    """Rows whose intercept is written in a cell ("12 m @ 2.40 g/t Au") beside hole and depth columns."""
    if r.hole is None or table_title_excluded(table) is not None:
        return []
    out: list[Intercept] = []
    hole: str | None = None
    for row in table.rows:
        cells = list(row)
        texts = [fold(c.text).strip() for c in cells]
        hole_cell = texts[r.hole] if r.hole < len(texts) else ""
        including = any(_INCL_CELL.match(t) for t in texts)
        if hole_cell and not _INCL_CELL.match(hole_cell) and re.search(r"\d", hole_cell):
            hole = _hole_of(hole_cell)
        frm = _cell_number(cells[r.frm]) if r.frm is not None and r.frm < len(cells) else None
        for i, cell in enumerate(cells):
            if i in (r.hole, r.frm, r.to) or ("@" not in cell.text and not re.search(r"\bover\b|\bat\b", cell.text)):
                continue
            found, _exc = find_intercepts(fold(cell.text), table.page, default_analytes=doc_analytes)
            for it in found:
                from_m = it.from_m if it.from_m is not None else (round(frm * r.length_factor, 3) if frm is not None else None)
                to_m = it.to_m if it.to_m is not None else (
                    round(from_m + it.width_m, 3) if from_m is not None and it.width_m is not None else None)
                out.append(Intercept(
                    grade=it.grade, unit=it.unit, analyte=it.analyte, width_m=it.width_m, surface=" | ".join(
                        t for t in texts if t), span=cell.span or _row_span(table.page, cells), hole_id=hole,
                    from_m=from_m, to_m=to_m, including=including or it.including,
                    true_width_m=it.true_width_m, source="table", to_eoh=it.to_eoh))
    return out


def _row_span(page: int, cells: list[Cell]) -> Span:
    spans = [c.span for c in cells if c.span is not None]
    if not spans:
        return Span(page, 0, 0)
    return Span(page, min(s.start for s in spans), max(s.end for s in spans))


def transposed(table: Table) -> Table:
    """A resource table laid out with the categories as columns (``| Indicated | Inferred | Total``)
    turned the usual way round (one row per category), or the table unchanged."""
    cats = [_category_of(h) for h in table.header[1:]]
    if sum(c is not None for c in cats) < 2 or _category_of(table.header[0]) is not None:
        return table
    if not all(r and r[0].text.strip() for r in table.rows):
        return table
    header = ("Category", *(r[0].text for r in table.rows))
    rows = tuple(
        (Cell(table.header[j]), *(r[j] if j < len(r) else Cell("") for r in table.rows))
        for j in range(1, len(table.header))
    )
    return Table(page=table.page, header=header, rows=rows, title=table.title, continued=table.continued)


def resources_from_table(table: Table, doc_analytes: dict[str, str], code: str | None,
                         cutoff: str | None) -> list[ResourceEstimate]:
    table = transposed(table)
    r = roles(table.header)
    if r.tonnes is None:
        return []
    if table_title_excluded(table) is not None:
        return []
    title = fold(table.title)
    is_reserve = bool(re.search(r"\breserves?\b", title, re.I)) or any(
        re.search(r"\breserve\b", fold(h), re.I) for h in table.header)
    out: list[ResourceEstimate] = []
    section_category: str | None = None
    for row in table.rows:
        cells = list(row)
        texts = [fold(c.text).strip() for c in cells]
        category = None
        cat_cells = [texts[r.category]] if r.category is not None and r.category < len(texts) else []
        cat_cells += [t for i, t in enumerate(texts) if i != r.tonnes and not re.search(r"\d", t)]
        for t in cat_cells:
            category = _category_of(t)
            if category:
                break
        tonnes = _cell_number(cells[r.tonnes]) if r.tonnes < len(cells) else None
        if tonnes is None:
            if category:
                section_category = category
            continue
        category = category or section_category
        if category is None:
            continue
        tonnes = round(tonnes * r.tonnes_factor, 2)
        kind: Literal["resource", "reserve"] = "reserve" if category in ("proven", "probable") or is_reserve else "resource"
        row_text = " | ".join(t for t in texts if t)
        grades = [(g, _cell_number(cells[g.index])) for g in r.grades if g.index < len(cells)]
        grades = [(g, v) for g, v in grades if v is not None]
        if not grades:
            out.append(ResourceEstimate(
                tonnes=tonnes, grade=None, unit=None, analyte=None, surface=row_text,
                span=_row_span(table.page, cells), category=category, code=code, cutoff=cutoff, kind=kind,
                source="table"))
            continue
        for g, v in grades:
            analyte = g.analyte or _doc_analyte(g.unit, doc_analytes)
            contained = None
            contained_unit = None
            for ci, can, base, f in r.contained:
                if ci < len(cells) and (can is None or can == analyte or len(r.contained) == 1 or
                                        (analyte and _L.commodity(can) == _L.commodity(analyte))):
                    cv = _cell_number(cells[ci])
                    if cv is not None and (can == analyte or len(grades) == 1 or can is None):
                        contained = round(cv * f, 2)
                        contained_unit = base
                        break
            out.append(ResourceEstimate(
                tonnes=tonnes, grade=v, unit=g.unit, analyte=analyte, surface=row_text,
                span=cells[g.index].span or _row_span(table.page, cells), category=category,
                contained=contained, contained_unit=contained_unit, code=code, cutoff=cutoff, kind=kind,
                source="table"))
    return out


def _category_of(text: str) -> str | None:
    t = re.sub(r"\s+", " ", _FOOTNOTE.sub("", fold(text))).strip().lower()
    if not t:
        return None
    direct = _L.category(t)
    if direct:
        return direct
    m = re.match(rf"^(?:{_L.category_re})\b", t)
    if m:
        return _L.category(m.group(0))
    m = re.search(rf"\b(?:{_L.category_re})\b", t)
    if m and len(t) < 40:
        return _L.category(m.group(0))
    return None
