"""Intercept tables read from the text lines themselves, when no table was rebuilt from the layout.

A PDF's text keeps a table's row as one line ("64.00 71.00 7.00 3.12 1.4 North lode") under a header
line ("From (m) To (m) Length (m) Au (ppm) Ag (ppm) Comment"), and plain-text releases align their
tables with spaces. When the document reader found no table there (an unusual layout, section rows
such as "Hole BWD-118 (346120E ...)" inside the table, units in every cell), the header's column
phrases are recognised in order and each row's numbers are given to the numeric columns in order. A
row whose count of numbers does not fit the columns is left alone rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oresight.extract.intercepts import HOLE_RE, valid_hole
from oresight.extract.lexicon import NUMBER_RE, lexicon, parse_number
from oresight.model import Cell, Intercept, Span, Table

_L = lexicon()
N = NUMBER_RE

_U = r"(?:\s*\((?P<{g}>m|ft|metres|feet)\))?"
_COLUMN = re.compile(
    r"(?P<hole>\b(?:hole\s*(?:id|no\.?|number|name)?|drill\s*hole(?:\s*id)?|drillhole(?:\s*id)?|bhid)\b)"
    r"|(?P<true>\b(?:true\s+width|true\s+thickness|etw)\b" + _U.format(g="tu") + ")"
    r"|(?P<frm>\b(?:(?:depth\s+)?from|starting\s+depth|from\s+depth|top)\b" + _U.format(g="fu") + ")"
    r"|(?P<to>\b(?:to|end\s+depth|bottom)\b" + _U.format(g="ou") + ")"
    r"|(?P<width>\b(?:interval|width|length|intercept|thickness|core\s+length|down[\s-]?hole\s+(?:width|length))\b"
    + _U.format(g="wu") + ")"
    rf"|(?P<grade>(?P<an1>{_L.analyte_re})\s*\(?\s*(?P<u1>{_L.unit_re})\s*\)?"
    rf"|\(?(?P<u2>{_L.unit_re})\)?\s*(?P<an2>{_L.analyte_re}))",
    re.IGNORECASE,
)
_SKIP = re.compile(r"gram|g\s*[x*×]\s*m|%\s*[x*×]\s*m|\bGT\b|metal\s+factor|m\.?ppm", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(rf"^(?:{N}|-|–|—|n/?a|nsi|bdl|<{N})$", re.IGNORECASE)
_INCL = re.compile(r"\b(?:incl\.?|inc\.?|including|includes|within(?:\s+above)?|of\s+which)(?![A-Za-z])", re.IGNORECASE)
_UNIT_HINTS = ("g/t", "ppm", "ppb", "%", "oz/t", "opt", "lb/t", "kg/t", "gpt", "grams", "per cent", "percent")
_DEPTH_HINTS = ("from", "interval", "width", "length", "depth", "thickness", "intercept")
_ROW_LIKE = re.compile(r"^[ \t|]*[^\s|]{1,20}[ \t|]+[-<]?\d[\d.,]*(?:[ \t]*m)?[ \t|]+[-<]?\d", re.M)
_CSV_ROW = re.compile(r"^[^,\n]{1,40},[ \t]*[-<>]?\d[\d.]*[ \t]*,[ \t]*[-<>]?\d", re.M)
_NO_RESULT = re.compile(r"\b(?:no\s+significant|nsi|nsr|not\s+sampled|pending|abandoned)\b", re.IGNORECASE)


@dataclass
class _Col:
    role: str  # hole, frm, to, width, true, grade
    analyte: str | None = None
    unit: str | None = None
    factor: float = 1.0


def _header(line: str) -> list[_Col] | None:
    """The columns of a header line, or None when it is not an intercepts header."""
    if _SKIP.search(line) and not re.search(r"\bfrom\b", line, re.I):
        return None
    cols: list[_Col] = []
    pos = 0
    covered = 0
    for m in _COLUMN.finditer(line):
        if line[pos : m.start()].strip() and cols and not re.fullmatch(r"[\s|,;:]*", line[pos : m.start()]):
            # an unrecognised column between two recognised ones: the numbers could not be lined up
            gap = line[pos : m.start()].strip()
            if re.search(r"[A-Za-z]{3,}", gap):
                cols.append(_Col("text"))
        kind = next(k for k in ("hole", "true", "frm", "to", "width", "grade") if m.group(k))
        if kind == "grade":
            analyte = _L.analyte(m.group("an1") or m.group("an2"))
            unit = _L.unit(m.group("u1") or m.group("u2"))
            if analyte is None or unit is None:
                return None
            cols.append(_Col("grade", analyte, unit))
        else:
            u = m.group({"true": "tu", "frm": "fu", "to": "ou", "width": "wu"}.get(kind, "tu")) if kind != "hole" else None
            cols.append(_Col(kind, factor=0.3048 if u and u.lower() in ("ft", "feet") else 1.0))
        covered += m.end() - m.start()
        pos = m.end()
    roles = [c.role for c in cols]
    if "grade" not in roles or not ("width" in roles or ("frm" in roles and "to" in roles)):
        return None
    if roles.count("frm") > 1 or roles.count("to") > 1 or roles.count("width") > 1:
        return None
    return cols


def _tokens(line: str) -> list[str]:
    # "17 m" and "54 m" keep their number; a unit written in the cell is dropped
    return [t for t in re.split(r"\s+|\s*\|\s*", re.sub(rf"({N})\s*(?:m|ft|%|g/t|ppm)\b", r"\1", line).strip()) if t]


def csv_tables(text: str, page: int) -> list[Table]:
    """Comma-separated blocks in a text release ("Hole,From (m),To (m),..."): one Table each, cells
    in place (an empty field stays an empty cell, so columns never shift)."""
    if text.count(",") < 8 or _CSV_ROW.search(text) is None:
        return []  # no line that looks like a comma-separated row of numbers
    out: list[Table] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        n = lines[i].count(",")
        if n < 3 or not re.search(r"[A-Za-z]", lines[i]) or re.search(r"[.!?]\s*$", lines[i].strip()):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].count(",") == n:
            j += 1
        if j - i >= 2:
            header = tuple(c.strip() for c in lines[i].split(","))
            rows = []
            for k in range(i + 1, j):
                cells = []
                start = offsets[k]
                for field_text in lines[k].split(","):
                    lead = len(field_text) - len(field_text.lstrip())
                    value = field_text.strip()
                    span = Span(page, start + lead, start + lead + len(value)) if value else None
                    cells.append(Cell(value, span))
                    start += len(field_text) + 1
                rows.append(tuple(cells))
            title = lines[i - 1].strip() if i > 0 else ""
            out.append(Table(page=page, header=header, rows=tuple(rows), title=title))
        i = max(j, i + 1)
    return out


def find_line_tables(text: str, page: int) -> list[Intercept]:
    """Intercepts from header-and-rows text tables of one page (folded text)."""
    # a table needs rows: at least two lines that start with a hole id or a number and hold three numbers
    rows = _ROW_LIKE.finditer(text)
    if next(rows, None) is None or next(rows, None) is None:
        return []
    out: list[Intercept] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        line_low = lines[i].lower()
        cols = (
            _header(lines[i])
            if len(lines[i]) < 200 and any(u in line_low for u in _UNIT_HINTS) and any(w in line_low for w in _DEPTH_HINTS)
            else None
        )
        if cols is None:
            i += 1
            continue
        numeric = [c for c in cols if c.role not in ("hole", "text")]
        has_hole_col = any(c.role == "hole" for c in cols)
        hole: str | None = None
        parents: list[tuple[str | None, float, float]] = []
        j = i + 1
        misses = 0
        while j < len(lines) and misses < 2:
            line = lines[j].strip()
            j += 1
            if not line:
                continue
            section = HOLE_RE.search(line)
            toks = _tokens(line)
            if has_hole_col and toks and section and section.start() == 0:
                hid = section.group("h1") or section.group("h2")
                if hid and valid_hole(hid):
                    hole = hid
                    toks = toks[1:] if toks and toks[0].rstrip(":") == hid else _tokens(line[section.end():])
            elif section and not has_hole_col and not _NUMBER_TOKEN.match(toks[0] if toks else ""):
                hid = section.group("h1") or section.group("h2")
                if hid and valid_hole(hid):
                    hole = hid  # a section line "Hole BWD-118 (...)"
                    misses = 0
                    continue
            if _NO_RESULT.search(line):
                misses = 0
                continue
            values = []
            for t in toks:
                if _NUMBER_TOKEN.match(t):
                    values.append(t)
                else:
                    break
            if len(values) < len(numeric):
                if _INCL.match(line) and len(values) == 0:
                    # "incl. 66.00 68.00 ..." : the keyword first
                    toks2 = _tokens(_INCL.sub("", line, count=1))
                    values = [t for t in toks2[: len(numeric)] if _NUMBER_TOKEN.match(t)]
                if len(values) < len(numeric):
                    misses += 1
                    continue
            misses = 0
            row = dict(zip((id(c) for c in numeric), values[: len(numeric)], strict=True))
            got: dict[str, float | None] = {}
            grades: list[tuple[float, _Col]] = []
            for c in numeric:
                v = parse_number(row[id(c)])
                if c.role == "grade":
                    if v is not None and v > 0:
                        grades.append((v, c))
                else:
                    got[c.role] = round(v * c.factor, 3) if v is not None else None
            frm, to, width = got.get("frm"), got.get("to"), got.get("width")
            if width is None and frm is not None and to is not None and to > frm:
                width = round(to - frm, 3)
            if width is None or width <= 0 or not grades:
                continue
            if to is None and frm is not None:
                to = round(frm + width, 3)
            including = bool(_INCL.search(line))
            if not including and frm is not None and to is not None:
                including = any(h == hole and pf <= frm and to <= pt and (to - frm) < (pt - pf)
                                for h, pf, pt in parents)
            if not including and frm is not None and to is not None:
                parents.append((hole, frm, to))
            start = offsets[j - 1]
            span = Span(page, start, start + len(lines[j - 1]))
            for v, c in grades:
                out.append(Intercept(
                    grade=v, unit=c.unit or "", analyte=c.analyte or "", width_m=width, surface=line[:200],
                    span=span, hole_id=hole, from_m=frm, to_m=to, including=including,
                    true_width_m=got.get("true"), source="table",
                ))
        i = j
    return out

