"""Intercepts written as one record per hole, key and value on each line.

Some releases list each hole as a block instead of a sentence or a table row::

    BN-24-019
        Interval ............ 331.4 to 346.0 m      (14.6 m core length)
        Nickel .............. 1.84 %
        Copper .............. 0.52 %
      which includes
        Interval ............ 336.2 to 340.9 m      (4.7 m core length)
        Nickel .............. 4.12 %

or, from an HTML ``<dl>``, ``HM-25-11`` / ``Interval: 45.0 – 61.5 m (16.5 m)`` / ``Gold: 3.88 g/t · Silver: 12 g/t``.
A block starts at a line that is a hole identifier (with an optional note), and holds the key-value
lines that follow it; a line starting "which includes" / "including" / "of which" opens a sub-interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oresight.extract.intercepts import HOLE_RE, valid_hole
from oresight.extract.lexicon import NUMBER_RE, lexicon, parse_number
from oresight.model import Intercept, Span

_L = lexicon()
N = NUMBER_RE

_HEAD = re.compile(r"^[ \t]*(?P<hole>[A-Z0-9][A-Za-z0-9\-_/]{2,20})[ \t]*(?:\([^)\n]{0,60}\))?[ \t]*:?[ \t]*$")
_SUB = re.compile(r"^[ \t]*(?:which\s+includes?|including|incl\.?|of\s+which|within\s+which|"
                  r"sub[\s-]?intervals?(?:[ \t]*(?:\.{2,}|…+|:))?)\b[ \t:]*", re.I)
_SEP = re.compile(r"[ \t]*(?:\.{2,}|…+|:|=)[ \t]*")
_RANGE = re.compile(rf"(?P<a>{N})\s*(?:m|ft|metres|meters)?\s*(?:-|to|–)\s*(?P<b>{N})\s*(?P<u>m|ft|metres|meters|feet)?", re.I)
_PAREN_WIDTH = re.compile(rf"\(\s*(?P<w>{N})\s*(?P<u>m|ft|metres|meters|feet)\b[^)]*\)", re.I)
_INTERVAL_KEY = re.compile(r"^(?:interval|depth|from\s*-\s*to|from/to|downhole\s+interval|intersection)\b", re.I)
_WIDTH_KEY = re.compile(r"^(?:core\s+length|length|width|thickness|downhole\s+(?:width|length)|apparent\s+width|"
                        r"interval\s+length|drilled\s+width)\b", re.I)
_TRUE_KEY = re.compile(r"^(?:true\s+width|true\s+thickness|estimated\s+true\s+width|etw)\b", re.I)
_GRADE = re.compile(rf"(?P<v>{N})\s*(?P<u>{_L.unit_re})(?![A-Za-z])(?:\s*(?P<an>{_L.analyte_re}))?")
_PROSE = re.compile(r"@|\b(?:returned|intersected|intercepted|assayed|starting|grading|averaging|over|including)\b"
                    r"|\b[a-z]+\s+[a-z]+\s+[a-z]+\s+[a-z]+\b")
_PARTS = re.compile(r"\s*[·•|;]\s*|\s{3,}|,\s+(?=[A-Za-z])")


@dataclass
class _Rec:
    hole: str
    start: int
    end: int
    including: bool = False
    frm: float | None = None
    to: float | None = None
    width: float | None = None
    true_width: float | None = None
    grades: list[tuple[float, str, str]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _read_value(rec: _Rec, key: str, value: str) -> bool:
    """Read one key and value into the record; True when it was a key-value pair Oresight knows."""
    key = key.strip()
    if _TRUE_KEY.match(key):
        m = re.search(N, value)
        rec.true_width = parse_number(m.group(0)) if m else None
        return m is not None
    if _INTERVAL_KEY.match(key) or (not key and _RANGE.search(value)):
        return _read_interval(rec, value)
    if _WIDTH_KEY.match(key):
        m = re.search(rf"({N})\s*(m|ft|metres|meters|feet)?", value, re.I)
        if m:
            v = parse_number(m.group(1))
            f = 0.3048 if m.group(2) and m.group(2).lower() in ("ft", "feet") else 1.0
            rec.width = round(v * f, 2) if v is not None else None
        return m is not None
    key_analyte = _L.analyte(key) if key else None
    found = False
    for g in _GRADE.finditer(value):
        v = parse_number(g.group("v"))
        unit = _L.unit(g.group("u"))
        analyte = _L.analyte(g.group("an")) if g.group("an") else key_analyte
        if v is not None and unit is not None and analyte is not None:
            rec.grades.append((v, unit, analyte))
            found = True
        key_analyte = None  # further grades on the line need their own analyte
    return found


def _read_interval(rec: _Rec, value: str) -> bool:
    m = _RANGE.search(value)
    if m:
        f = 0.3048 if (m.group("u") or "").lower() in ("ft", "feet") else 1.0
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is not None and b is not None and b > a:
            rec.frm, rec.to = round(a * f, 2), round(b * f, 2)
            rec.width = rec.width if rec.width is not None else round((b - a) * f, 2)
    pw = _PAREN_WIDTH.search(value)
    if pw:
        v = parse_number(pw.group("w"))
        f = 0.3048 if pw.group("u").lower() in ("ft", "feet") else 1.0
        if v is not None:
            rec.width = round(v * f, 2)
    return m is not None or pw is not None


def _read_line(rec: _Rec, line: str) -> bool:
    """Read one key-value line into the record; False when the line is not one."""
    if len(line) > 140 or _PROSE.search(line):
        return False  # a sentence, read by the prose reader
    found = False
    for part in _PARTS.split(line.strip()):
        if not part:
            continue
        sep = _SEP.search(part)
        if sep and sep.start() > 0 and _RANGE.search(part[: sep.start()]):
            # "30.0 – 33.0 m (3.0 m): Gold 4.02 g/t": the interval, then a grade
            found = _read_interval(rec, part[: sep.start()]) or found
            part = part[sep.end():]
            sep = _SEP.search(part)
        if sep and sep.start() > 0:
            key, value = part[: sep.start()], part[sep.end():]
        else:
            # "Gold 4.02 g/t" or "4.13 g/t AuEq" or "30.0 – 33.0 m (3.0 m)"
            m = re.match(r"^([A-Za-z][A-Za-z ]{0,30}?)\s+(?=\d)", part)
            key, value = (m.group(1), part[m.end():]) if m else ("", part)
        found = _read_value(rec, key, value) or found
    return found


_HEAD_ANYWHERE = re.compile(_HEAD.pattern, re.M)


def find_records(text: str, page: int) -> list[Intercept]:
    if _HEAD_ANYWHERE.search(text) is None:
        return []  # no line that is just a hole identifier: no record block on this page
    lines = _lines(text)
    out: list[Intercept] = []
    i = 0
    while i < len(lines):
        pos, line = lines[i]
        head = _HEAD.match(line)
        hm = HOLE_RE.match(line.strip()) if head else None
        if not head or hm is None or not valid_hole(head.group("hole")):
            i += 1
            continue
        hole = head.group("hole")
        recs = [_Rec(hole, pos, pos + len(line))]
        j = i + 1
        while j < len(lines) and j - i < 40:
            lpos, ltext = lines[j]
            if not ltext.strip():
                # a blank line ends the block unless a sub-interval follows
                if j + 1 < len(lines) and _SUB.match(lines[j + 1][1]):
                    j += 1
                    continue
                break
            sub = _SUB.match(ltext)
            if sub:
                recs.append(_Rec(hole, lpos, lpos + len(ltext), including=True))
                rest = ltext[sub.end():]
                if rest.strip():
                    _read_line(recs[-1], rest)
                j += 1
                continue
            nxt = _HEAD.match(ltext)
            if nxt and valid_hole(nxt.group("hole")):
                break  # the next hole's block
            if not _read_line(recs[-1], ltext):
                break
            recs[-1].end = lpos + len(ltext)
            j += 1
        for rec in recs:
            if rec.width is None or not rec.grades:
                continue
            span = Span(page, rec.start, rec.end)
            surface = re.sub(r"\s+", " ", text[rec.start : rec.end]).strip()[:300]
            for v, unit, analyte in rec.grades:
                out.append(Intercept(
                    grade=v, unit=unit, analyte=analyte, width_m=rec.width, surface=surface, span=span,
                    hole_id=rec.hole, from_m=rec.frm, to_m=rec.to, including=rec.including,
                    true_width_m=rec.true_width, source="table",
                ))
        i = max(j, i + 1)
    return out
