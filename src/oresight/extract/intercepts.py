"""Drill intercepts in prose: "13m @ 3.95g/t Au from 35m" and the many other ways they are written.

The reader works in small pure steps on folded text (offsets unchanged):

1. find every *grade* (number, grade unit, optional analyte: ``3.95g/t Au``, ``0.4% copper``);
2. chain adjacent grades into a *grade list* (``2.9% Ni, 1.1% Cu & 0.08% Co``);
3. attach a *width* before the list (``13m @``, ``13 metres at``, ``13m from 35m grading``) or after
   it (``over 13.0 m``); a list without a width is not an intercept (rock chips, cut-offs, ...);
4. read the depth clause (``from 35m``, ``from 18 meters to end-of-hole``, ``(35-48m)``), a true
   width, the hole, and whether it is an ``including`` sub-interval;
5. drop what the context says is not a result (``context.exclusion``), keeping it as Excluded.

Each step returns None when unsure rather than guessing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from oresight.extract.context import exclusion, paragraph_bounds, sentence_bounds
from oresight.extract.lexicon import NUMBER_RE, lexicon, parse_number
from oresight.model import Excluded, Intercept, Span

_L = lexicon()
N = NUMBER_RE

# "12.2 grams per tonne (g/t) gold (Au)": an abbreviation in brackets may follow a spelled-out word
_ABBR_UNIT = rf"(?:\s*\((?:{_L.unit_re})\))?"
_ABBR_AN = rf"(?:\s*\((?:{_L.analyte_re})\))?"
# a thousands separator written as a (thin) space is read only right before a unit: "1 120 ppm Co"
_SPACED_THOUSANDS = r"[1-9]\d{0,2}(?:[ \u202f]\d{3})+(?![\d.,])"
GRADE_RE = re.compile(
    rf"(?<![\w.,/])(?P<num>{_SPACED_THOUSANDS}(?=\s*(?:{_L.unit_re}))|{N})\s*(?P<unit>{_L.unit_re})(?![A-Za-z]){_ABBR_UNIT}"
    rf"(?:\s*(?:of\s+)?(?P<an>{_L.analyte_re})(?:(?<=[A-Za-z])[0-9*](?![0-9A-Za-z]))?{_ABBR_AN})?"
)
WIDTH = rf"(?P<w>{N})(?:\s*|-)(?P<wu>{_L.length_re})(?![A-Za-z0-9²³/])(?:\s*\((?:m|ft)\))?"
DEPTH = rf"(?:{N})\s*(?:{_L.length_re})?(?![A-Za-z0-9²³/])"

CONNECTOR = (
    r"(?:@|at|of|grading|grades?|averaging|assaying|returning|running|containing|"
    r"@\s*an\s+average\s+(?:grade\s+)?of|at\s+an\s+average\s+(?:grade\s+)?of|"
    r"(?:with|at|@)\s+(?:an?\s+)?(?:average\s+|mean\s+)?grade\s+of|grading\s+an\s+average\s+of|"
    r"averaging|at\s+a\s+grade\s+of|@\s*avg\.?)"
)
_TAIL_PAD = (
    r"(?:\s*\(\s*(?:down\s*hole|downhole|apparent|drilled)(?:\s+(?:width|length|thickness))?\s*\)"
    rf"|\s*\(\s*(?:~|approx\.?\s*)?(?:(?:est(?:imated)?\.?\s+)?(?:true\s+width|ETW|TW)\s*(?:of\s*)?~?\s*(?P<tw0>{N})\s*m"
    rf"|(?P<tw3>{N})\s*m\s+(?:est(?:imated)?\.?\s+)?(?:true\s+width|ETW))\s*\))?"
)
_DEPTH_CLAUSE = (
    rf"(?:\s*\((?![^()\n]{{0,40}}\bfrom\b)[^()\n]{{1,40}}\))?"  # an aside first: "(0.3g/t Au cut-off) from 2m"
    rf"\s*\)?\s*,?\s*\(?(?:from|(?:starting|beginning|commencing)\s+(?:at|from)|from\s+a\s+(?:down[\s-]?hole\s+)?depth\s+of|"
    rf"at\s+(?:a\s+)?(?:down[\s-]?hole\s+|vertical\s+)?depth\s+of)\s+"
    rf"(?:(?P<surface>surface)|(?P<frm>{N})\s*(?:{_L.length_re})?(?![A-Za-z0-9]))"
    rf"(?:\s*(?:down\s*hole|downhole|depth|deep|below\s+surface))?"
    rf"(?:(?:\s*(?:to|until)\s*|[ \t]*-[ \t]*)(?:(?P<to>{N})\s*(?:{_L.length_re})?(?![A-Za-z0-9])|"
    rf"(?P<eoh>(?:the\s+)?end[\s-]+of[\s-]+(?:the\s+)?hole|EOH|bottom\s+of\s+(?:the\s+)?hole|BOH)))?"
)
_BETWEEN_CLAUSE = rf"\s*\)?\s*,?\s*between\s+(?P<bfrm>{N})\s*(?:m|metres|meters|ft|feet)?\s+and\s+(?P<bto>{N})\s*(?:{_L.length_re})?(?![A-Za-z0-9])"
_RANGE_CLAUSE = rf"\s*[(\[]\s*(?:from\s+)?(?P<rfrm>{N})\s*(?:m|ft)?\s*(?:-|to)\s*(?P<rto>{N})\s*(?:m|ft|metres|meters)?\s*[)\]]"

# width [depth] connector  (anchored at the end of the left context)
_NOUN = r"(?:\s+(?:long\s+|wide\s+|thick\s+)?(?:down[\s-]?hole\s+)?(?:interval|intercept|intersection|zone|section|run|width)s?)?"
LEFT_RE = re.compile(rf"(?<![\w.,]){WIDTH}{_NOUN}{_TAIL_PAD}(?:{_DEPTH_CLAUSE})?\s*,?\s*{CONNECTOR}\s*", re.IGNORECASE)
# over width (anchored at the start of the right context)
RIGHT_RE = re.compile(
    rf"\s*,?\s*(?:over|across|along|for|across\s+a\s+width\s+of|over\s+an?\s+(?:downhole\s+|true\s+)?"
    rf"(?:length|width|interval|thickness)\s+of|over\s+a\s+(?:\w+\s+)?(?:length|width|interval)\s+of)\s+"
    rf"(?:(?:an?|the|its|their|final|last|first|upper|lower|further)\s+){{0,3}}{WIDTH}",
    re.IGNORECASE,
)
_NOT_INTERVAL_AFTER = re.compile(r"\s+(?:of\s+)?(?:drilling|RC|diamond|aircore|core\b|holes?|strike|trenching)",
                                 re.IGNORECASE)
_DEPTH_BEFORE = re.compile(r"\b(?:at|to|until|beyond|below|depth\s+of|ended\s+(?:in\s+\w+\s+)?at)\s*$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(
    rf"(?:from\s+(?P<rf>{N})\s*(?:m|metres|meters|ft|feet)?\s*(?:to|-)|between\s+(?P<rb>{N})\s*(?:m|metres|meters|ft|feet)?"
    rf"\s*and)\s*$",
    re.IGNORECASE,
)
DEPTH_RE = re.compile(rf"{_DEPTH_CLAUSE}", re.IGNORECASE)
RANGE_RE = re.compile(rf"{_RANGE_CLAUSE}", re.IGNORECASE)
BETWEEN_RE = re.compile(_BETWEEN_CLAUSE, re.IGNORECASE)
# "... over a core length of 4.6 m at 88.4 m depth"
AT_DEPTH_RE = re.compile(
    rf"\s*,?\s*at\s+(?P<frm>{N})\s*(?P<u>m|metres|meters|ft|feet)?\s+(?:down[\s-]?hole\s+|vertical\s+)?depth\b",
    re.IGNORECASE,
)
EOH_RE = re.compile(r"\s*,?\s*(?:to|until)\s+(?:the\s+)?(?:end[\s-]+of[\s-]+(?:the\s+)?hole|EOH|BOH)", re.IGNORECASE)
SEP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\+\s*|plus\s+|with\s+|/\s*)\s*$", re.IGNORECASE)
PAREN_OPEN_RE = re.compile(r"^\s*[(\[]\s*$")
INCLUDING_RE = re.compile(
    r"(?:\b(?:including|incl|inc|includes|which\s+includes?|within\s+which|with|containing|"
    r"comprising|encompassing|contains?|which\s+contains?|within\s+(?:this|that|the|it|which)(?:\s+(?:broader\s+|wider\s+)?"
    r"(?:zone|interval|intercept|intersection|envelope))?|(?:higher|high|very\s+high)[\s-]+grade\s+"
    r"(?:core|zone|interval|shoot|section)s?)\b\.?|\bincl\.)[^@\n;]{0,40}$",
    re.IGNORECASE,
)
TRUE_WIDTH_RE = re.compile(
    rf"[^.;\n]{{0,40}}?(?:\(|,|\s)\s*(?:(?:est(?:imated)?\.?\s+)?(?:true\s+width|ETW|TW)\s*(?:of|:|=|~|approx\.?|"
    rf"approximately|c\.|ca\.)?\s*~?\s*(?P<tw1>{N})\s*m\b|~?\s*(?P<tw2>{N})\s*m\s*(?:est(?:imated)?\.?\s+)?"
    rf"(?:true\s+width|ETW)\b)",
    re.IGNORECASE,
)
_HOLE_CORE = (
    r"(?:[A-Z]{1,6}\d{0,3}[-_]?\d{2,5}(?:[-_]\d{1,4})?(?:[A-Z]{1,2}\d{0,2})?|\d{2,4}[A-Z]{2,6}[-_]?\d{2,5}[A-Z]{0,2}"
    r"|[A-Z]{2,5}\d{2}[A-Z]{1,4}[-_]?\d{2,5}[A-Z]?"  # prefix, year, hole type, number: NB25RC-014
    r"|[A-Z]{2,6}[-_]\d{1,4}[-_]\d{1,4}[A-Z]?|[A-Z]{2,6}[-_]\d{1,5}[A-Z]?|\d{2}[-_][A-Z]{1,5}[-_]\d{2,4}[A-Z]?)"
)
HOLE_RE = re.compile(
    rf"(?<![A-Za-z0-9\-/.])(?:(?i:(?:drill\s*)?holes?)\s+(?:no\.?\s*)?(?P<h1>[A-Z0-9]+(?:[-_][A-Z0-9]+)*)|(?P<h2>{_HOLE_CORE}))"
    r"(?![A-Za-z0-9\-/])"
)
_NOT_HOLE = re.compile(
    r"^(?:FY|CY|JORC|NI|SK|ISO|MGA|GDA|AMG|UTM|EPSG|WGS|AHD|COVID|ASX|TSX|US|AU|AUD|USD|EL|ML|PL|EPM|MDL|EPL|"
    r"E|M|P|G|L|R|LOT|REF|NO|TEL|PH|ABN|ACN|ARBN|PFS|DFS|BFS|AISC|Q|H|RL|NSR|MRE|CP|IP|EM|AEM|TMI|DHEM|VTEM|"
    r"UAV|RC|DD|AC|RAB|HQ|NQ|PQ|BQ|RCD|ZONE|T|TABLE|FIGURE|FIG|SECTION|APPENDIX|PAGE|PART|ITEM|RULE|LR|"
    r"SAMREC|PERC|CIM|S|ESG|DTC|OTCQB|OTCQX|OTC|FSE|AIM|LSE|NYSE|CSE|TSXV|SEC)[-_]?\d",
)
_HOLE_NEEDS_DIGIT = re.compile(r"\d")


_REE_BASKETS = frozenset({"MREO", "HREO", "NdPr", "DyTb", "Nd2O3", "Pr6O11", "Dy2O3", "Tb4O7"})


@dataclass(frozen=True)
class Grade:
    value: float
    unit: str
    analyte: str | None
    start: int
    end: int


# a digit followed by a grade unit: cheap to find, and rare, so the full grade pattern runs only there
_NUM_UNIT = re.compile(rf"\d\s*{_L.unit_re}")


UNKNOWN = "?"  # the analyte of a grade whose element is named but not known: kept in place, never reported
# an element-like symbol right after a unit ("Te", "Cs", "As", "Rb2O"): when it is not a known analyte
_UNKNOWN_SYMBOL = re.compile(r"[ \t]*(?:[A-Z][a-z]?\d*){1,3}(?![A-Za-z])(?![ \t]*[(:])")


def has_grade(text: str) -> bool:
    """Whether the text has a number with a grade unit at all (a cheap test before the real reading)."""
    return _NUM_UNIT.search(text) is not None


def _grade_matches(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    last_end = -1
    for c in _NUM_UNIT.finditer(text):
        if c.start() < last_end:
            continue
        # the number ends at c.start(): step back over its digits, separators and a decimal point
        s = c.start()
        while s > 0 and s > c.start() - 24 and (
            text[s - 1].isdigit() or text[s - 1] in ".,"
            # a space between thousands: "1 120 ppm"
            or (text[s - 1] in " \u202f" and s >= 2 and text[s - 2].isdigit() and text[s : s + 3].isdigit()
                and (s + 3 >= len(text) or not text[s + 3].isdigit()))
        ):
            s -= 1
        m0 = GRADE_RE.match(text, s, min(len(text), c.end() + 160)) if s >= last_end else None
        if m0 is not None and m0.end() > c.start():
            out.append(m0)
            last_end = m0.end()
            continue
        for m in GRADE_RE.finditer(text, max(0, c.start() - 24), min(len(text), c.end() + 160)):
            if m.end() <= c.start():
                continue
            if m.start() <= c.start() and m.start() >= last_end:
                out.append(m)
                last_end = m.end()
            break
    return out


def find_grades(text: str) -> list[Grade]:
    """Every grade of a text (cached per text: intercepts and resources both read a page's grades)."""
    return list(_find_grades(text))


@lru_cache(maxsize=64)
def _find_grades(text: str) -> tuple[Grade, ...]:
    out: list[Grade] = []
    for m in _grade_matches(text):
        value = parse_number(m.group("num"))
        unit = _L.unit(m.group("unit"))
        if value is None or unit is None:
            continue
        an = _L.analyte(m.group("an")) if m.group("an") else None
        end = m.end()
        unknown = _UNKNOWN_SYMBOL.match(text, end) if an is None else None
        if unknown is not None:
            an, end = UNKNOWN, unknown.end()  # "35 g/t Te": an element Oresight does not know
        out.append(Grade(value, unit, an, m.start(), end))
    return tuple(out)


def chain(text: str, grades: list[Grade]) -> list[list[Grade]]:
    """Adjacent grades joined by a separator form one list; a parenthesis after an equivalent adds its parts."""
    groups: list[list[Grade]] = []
    for g in grades:
        if groups:
            prev = groups[-1][-1]
            between = text[prev.end : g.start]
            # a bracket joins a metal equivalent and its parts ("3.95 g/t AuEq (2.1 g/t Au, 1.2% Cu)",
            # "42g/t Ag (11.4% ZnEq)"), not a cut-off or a threshold in brackets ("(0.3g/t Au cut-off)")
            bracket = PAREN_OPEN_RE.match(between) and prev.analyte is not None and (
                prev.analyte.endswith("Eq") or (g.analyte or "").endswith("Eq"))
            if SEP_RE.match(between) or bracket:
                groups[-1].append(g)
                continue
        groups.append([g])
    return groups


_OBJECT_OF = re.compile(
    r"\b(?:from|of|than|near|beside|towards?|twinned|twinning|twin\s+of|parent|below|above|beneath|behind|off)\s+"
    r"(?:the\s+)?(?:(?:drill\s*|parent\s+)?holes?\s+)?$", re.IGNORECASE)


_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|where)\s+(?:also\s+)?(?:returned|intersected|intercepted|assayed|"
                       r"recorded|hit|yielded|delivered)\b", re.IGNORECASE)
_IN_HOLE_AFTER = re.compile(r"\b(?:in|from|for)\s+(?:the\s+)?(?:(?:RC|diamond|DD|aircore|drill)\s+)?(?:drill\s*)?"
                            r"(?:holes?\s+)?$", re.IGNORECASE)


def hole_later_in_sentence(text: str, end: int, s_hi: int) -> str | None:
    """A hole named after the result in its sentence: "... from 212m was returned in hole KRC001"."""
    for h_start, _h_end, hid, _obj in _holes(text):
        if h_start < end:
            continue
        if h_start >= s_hi:
            break
        if _IN_HOLE_AFTER.search(text, max(end, h_start - 40), h_start):
            return hid
    return None


@lru_cache(maxsize=32)
def _holes(text: str) -> list[tuple[int, int, str, bool]]:
    """Every hole identifier of a page: (start, end, id, named as the object of a preposition), found once."""
    out: list[tuple[int, int, str, bool]] = []
    for m in HOLE_RE.finditer(text):
        hid = m.group("h1") or m.group("h2")
        if hid and valid_hole(hid):
            is_object = bool(_OBJECT_OF.search(text, max(0, m.start() - 30), m.start())) and not _RELATIVE.match(
                text, m.end())  # "80m north of KRC111 which returned ...": the subject of its own clause
            out.append((m.start(), m.end(), hid, is_object))
    return out


def hole_before(text: str, start: int, floor: int) -> str | None:
    """The nearest hole identifier before ``start`` in the same paragraph (not before ``floor``).

    A hole named as the object of a preposition ("a wedge cut from TW-24-07A", "80m south of KRC002")
    gives way to an earlier one, the sentence's subject, when there is one."""
    lo, _ = paragraph_bounds(text, start, start)
    lo = max(lo, floor, start - 400)
    found: list[tuple[str, bool]] = []
    last_end = lo
    holes = _holes(text)
    first = bisect_left(holes, (lo,))
    for _h_start, h_end, hid, is_object in holes[first:]:
        if h_end > start:
            break
        found.append((hid, is_object))
        last_end = h_end
    if not found:
        return None
    # a hole right before the result ("... up-dip of YRC0254 (19m @ ...)") is its hole, whatever precedes it
    if found[-1][1] and re.search(r"[A-Za-z]", text[last_end:start]):
        for hid, is_object in reversed(found[:-1]):
            if not is_object:
                return hid
    return found[-1][0]


def subject_hole_before(text: str, start: int, floor: int) -> str | None:
    """The first hole named in the nearest earlier sentence of the paragraph that names one (its subject):
    "Diamond hole KMD0017 twinned KMR0455. Chemical assays returned 6.00m @ ..." is KMD0017."""
    lo, _ = paragraph_bounds(text, start, start)
    lo = max(lo, floor, start - 600)
    pos = start
    while pos > lo:
        s_lo, _ = sentence_bounds(text, pos - 1, pos - 1)
        s_lo = max(s_lo, lo)
        for m in HOLE_RE.finditer(text, s_lo, pos):
            hid = m.group("h1") or m.group("h2")
            if hid and valid_hole(hid):
                return hid
        if s_lo >= pos - 1:
            break
        pos = s_lo
    return None


def hole_after(text: str, end: int) -> str | None:
    """A hole identifier right after an intercept on the same line: ``... from 35m (KRC001)`` / ``in KRC001``."""
    m = _AFTER_RE.match(text[end : end + 60])
    if not m:
        return None
    hm = HOLE_RE.match(text, end + m.end())
    if hm:
        hid = hm.group("h1") or hm.group("h2")
        if hid and valid_hole(hid):
            return hid
    return None


_AFTER_RE = re.compile(
    r"[^\n.;]{0,12}?(?:\(|\b(?:in|for|from)\s+(?:the\s+)?(?:(?:RC|diamond|DD|aircore|AC|RAB|drill|sonic|"
    r"reverse\s+circulation|core)\s+)?(?:drill\s*)?(?:holes?\s+)?|-\s+)", re.IGNORECASE)


_BARE_NUMBER = re.compile(r"\d{1,4}|(?:19|20)\d\d")


@lru_cache(maxsize=4096)
def valid_hole(hid: str) -> bool:
    if not _HOLE_NEEDS_DIGIT.search(hid) or len(hid) < 3 or len(hid) > 20:
        return False
    if _NOT_HOLE.match(hid.upper()):
        return False
    return not _BARE_NUMBER.fullmatch(hid)


def _length_factor(unit: str | None) -> float:
    return (_L.length(unit) if unit else None) or 1.0


@dataclass
class _Raw:
    start: int
    end: int
    grades: list[Grade]
    width_m: float
    from_m: float | None
    to_m: float | None
    eoh: bool
    including: bool
    hole_id: str | None
    true_width_m: float | None
    grades_end: int


def _read_depth(text: str, pos: int, factor: float) -> tuple[float | None, float | None, bool, int]:
    m = DEPTH_RE.match(text, pos)
    if m:
        frm = 0.0 if m.group("surface") else _num(m.group("frm"), factor)
        to = _num(m.group("to"), factor)
        return frm, to, bool(m.group("eoh")), m.end()
    m = RANGE_RE.match(text, pos)
    if m:
        return _num(m.group("rfrm"), factor), _num(m.group("rto"), factor), False, m.end()
    m = BETWEEN_RE.match(text, pos)
    if m:
        return _num(m.group("bfrm"), factor), _num(m.group("bto"), factor), False, m.end()
    m = AT_DEPTH_RE.match(text, pos)
    if m:
        return _num(m.group("frm"), factor), None, False, m.end()
    m = EOH_RE.match(text, pos)
    if m:
        return None, None, True, m.end()
    return None, None, False, pos


def _num(s: str | None, factor: float) -> float | None:
    if s is None:
        return None
    v = parse_number(s)
    return None if v is None else round(v * factor, 2)


def ocr_hole_fix(hole: str) -> str:
    """OCR reads a zero inside a hole id as the letter O (``YDDO025``): put the zero back."""
    return re.sub(r"(?<=[A-Z])[O](?=\d)|(?<=\d)[O](?=\d)", "0", hole)


def find_intercepts(
    text: str, page: int, raw_text: str | None = None, *, ocr: bool = False,
    default_analytes: dict[str, str] | None = None, others: re.Pattern[str] | None = None,
) -> tuple[list[Intercept], list[Excluded]]:
    """All prose intercepts of one page of (folded) text. ``raw_text`` (same length) gives the surfaces."""
    surface_src = raw_text if raw_text is not None else text
    grades = find_grades(text)
    groups = chain(text, grades)
    raws: list[_Raw] = []
    # each "width [depth] connector" that ends where a grade list starts
    lefts: dict[int, re.Match[str]] = {}
    for group in groups:
        s = group[0].start
        for m in LEFT_RE.finditer(text, max(0, s - 160), s):
            if m.end() == s:
                lefts[s] = m
    by_start = {g.start: g for g in grades}
    for group in groups:
        g0, gn = group[0], group[-1]
        raw = _attach_width(text, group, g0.start, gn.end, lefts)
        if raw is not None:
            _extend_after_depth(text, raw, by_start)
            raws.append(raw)
    intercepts: list[Intercept] = []
    excluded: list[Excluded] = []
    prev: _Raw | None = None
    prev_by_unit: dict[str, str] = {}
    floor = 0
    respective = _respectively(text, raws)
    for index, raw in enumerate(raws):
        if index in respective:
            raw.hole_id = respective[index]
        # including: a keyword just before, and a parent intercept shortly before
        if prev is not None:
            left = text[max(prev.end, raw.start - 60) : raw.start]
            inc_kw = INCLUDING_RE.search(left)
            between = text[prev.end : raw.start]
            other_holes = {
                h for m in HOLE_RE.finditer(between) if valid_hole(h := (m.group("h1") or m.group("h2") or ""))
            } - {prev.hole_id}
            if inc_kw and not other_holes:
                gap = max(prev.end, raw.start - 60) + inc_kw.start() - prev.end
                # "with" and "containing" join a sub-interval only right after its parent
                weak = inc_kw.group(0).split()[0].lower().rstrip(".") in (
                    "with", "containing", "comprising", "contains", "contain", "which")
                if gap <= (25 if weak else 120):
                    raw.including = True
        if raw.hole_id is None:
            after = hole_after(text, raw.end)
            if after is not None:
                raw.hole_id = after
                floor = raw.end
            elif raw.including and prev is not None and prev.hole_id is not None:
                raw.hole_id = prev.hole_id
            else:
                s_lo, s_hi = sentence_bounds(text, raw.start, raw.end)
                raw.hole_id = (hole_before(text, raw.start, max(s_lo, floor))
                               or hole_later_in_sentence(text, raw.end, s_hi)
                               or subject_hole_before(text, s_lo, floor))
        if ocr and raw.hole_id:
            raw.hole_id = ocr_hole_fix(raw.hole_id)
        cue = exclusion(text, raw.start, raw.end, value_end=raw.grades_end, others=others)
        span = Span(page, raw.start, raw.end)
        surface = surface_src[raw.start : raw.end]  # exactly the text the span points at
        if cue is not None:
            excluded.append(Excluded(cue.kind, surface, span, cue.reason))
            continue
        for g in raw.grades:
            if g.analyte == UNKNOWN:
                continue
            analyte = g.analyte
            if analyte is None and raw.including and prev is not None:
                analyte = next((p.analyte for p in prev.grades if p.unit == g.unit and p.analyte), None)
            if analyte is None:
                analyte = prev_by_unit.get(g.unit)
            if analyte is None:
                analyte = _next_analyte(text, raw.end, g.unit)
            if analyte is None and default_analytes:
                analyte = default_analytes.get(g.unit)
            if analyte is None:
                continue
            if not _plausible(g.value, g.unit, analyte):
                continue
            if analyte in _REE_BASKETS and g.unit == "%" and any(
                    o.unit == "ppm" and o.analyte == "TREO" for o in raw.grades):
                continue  # "3,000ppm TREO with 26% MREO": the share of TREO, not a grade
            to_m = raw.to_m
            if to_m is not None and raw.from_m is not None and to_m <= raw.from_m:
                to_m = None  # "from 38m - 21m ..." read across a list: not an end depth
            if to_m is None and raw.from_m is not None:
                to_m = round(raw.from_m + raw.width_m, 2)
            intercepts.append(
                Intercept(
                    grade=g.value, unit=g.unit, analyte=analyte, width_m=raw.width_m, surface=surface, span=span,
                    hole_id=raw.hole_id, from_m=raw.from_m, to_m=to_m, including=raw.including,
                    true_width_m=raw.true_width_m, source="text", to_eoh=raw.eoh,
                )
            )
            prev_by_unit[g.unit] = analyte
        # remember resolved analytes on the raw grades for including inheritance
        raw.grades = [
            Grade(g.value, g.unit, g.analyte or prev_by_unit.get(g.unit), g.start, g.end) for g in raw.grades
        ]
        if not raw.including or prev is None:
            prev = raw
    return intercepts, excluded


_MORE_RE = re.compile(r"\s*,?\s*(?:and|with|plus|&|together\s+with|along\s+with|as\s+well\s+as|accompanied\s+by)\s+")


def _extend_after_depth(text: str, raw: _Raw, by_start: dict[int, Grade]) -> None:
    """Grades named after the depth clause belong to the same interval: "15m @ 1,420ppm TREO from 0m with 384ppm MREO"."""
    pos = raw.end
    while True:
        m = _MORE_RE.match(text, pos)
        g = by_start.get(m.end()) if m else None
        if g is None or g.analyte is None or any(o.analyte == g.analyte for o in raw.grades):
            return
        raw.grades.append(g)
        raw.end = g.end
        pos = g.end


_JOIN = re.compile(r"\s*(?:,|;)?\s*(?:and|&)?\s*$", re.IGNORECASE)


def _respectively(text: str, raws: list[_Raw]) -> dict[int, str]:
    """"KRC011 and KRC012 returned 4m @ 2.1g/t Au and 9m @ 1.4g/t Au respectively": the results just before
    "respectively" (joined by "and" or commas) take the holes named just before them, in order."""
    out: dict[int, str] = {}
    if "respectively" not in text:
        return out
    for m in re.finditer(r"\brespectively\b", text):
        before = [k for k, raw in enumerate(raws) if raw.end <= m.start() and not raw.including]
        if not before or m.start() - raws[before[-1]].end > 40:
            continue
        run = [before[-1]]
        for k in reversed(before[:-1]):
            if _JOIN.fullmatch(text[raws[k].end : raws[run[0]].start]):
                run.insert(0, k)
            else:
                break
        if len(run) < 2:
            continue
        first = raws[run[0]].start
        s_lo, _ = sentence_bounds(text, first, first)
        holes = [hid for h_start, h_end, hid, _obj in _holes(text) if max(s_lo, first - 300) <= h_start and h_end <= first]
        if len(holes) >= len(run):
            out.update(zip(run, holes[-len(run):], strict=True))
    return out


def _next_analyte(text: str, pos: int, unit: str) -> str | None:
    """An analyte named with the same unit shortly after (for a first grade written without one)."""
    for g in find_grades(text[pos : pos + 300]):
        if g.unit == unit and g.analyte:
            return g.analyte
    return None


def _plausible(value: float, unit: str, analyte: str) -> bool:
    if value <= 0:
        return False
    if unit == "%" and value > 100:
        return False
    if unit in ("ppm", "ppb") and value > 1_000_000:
        return False
    return not (unit == "g/t" and value > 100_000)


def _attach_width(
    text: str, group: list[Grade], gstart: int, gend: int, lefts: dict[int, re.Match[str]]
) -> _Raw | None:
    # width before: "13m @ <grades>"
    lm = lefts.get(gstart)
    if (lm is not None and _DEPTH_BEFORE.search(text, max(0, lm.start() - 24), lm.start())
            and not _RANGE_BEFORE.search(text, max(0, lm.start() - 40), lm.start())):
        lm = None  # "ended in mineralisation at 24m, returning ...": a depth, not a width
    if lm is not None:
        factor = _length_factor(lm.group("wu"))
        width = _num(lm.group("w"), factor)
        frm = _num(lm.group("frm"), factor)
        to = _num(lm.group("to"), factor)
        rng = _RANGE_BEFORE.search(text, max(0, lm.start() - 40), lm.start())
        if rng is not None and width is not None:
            # "from 35m to 48m averaging 0.44% Cu": the number before the connector is the end depth
            start_depth = _num(rng.group("rf") or rng.group("rb"), factor)
            if start_depth is not None and width > start_depth:
                frm, to, width = start_depth, width, round(width - start_depth, 2)
                tw, end = _true_width(text, gend)
                return _Raw(rng.start(), end, group, width, frm, to, False, False, None, tw, gend)
        eoh = bool(lm.group("eoh"))
        if lm.group("surface"):
            frm = 0.0
        end = gend
        if frm is None:
            frm, to2, eoh2, end = _read_depth(text, gend, factor)
            to = to if to is not None else to2
            eoh = eoh or eoh2
        if width is None or width <= 0 or width > 3000:
            return None
        tw, end = _true_width(text, end)
        if tw is None and (lm.group("tw0") or lm.group("tw3")):
            tw = parse_number(lm.group("tw0") or lm.group("tw3"))
        return _Raw(lm.start(), end, group, width, frm, to, eoh, False, None, tw, gend)
    # width after: "<grades> over 13 m"
    rm = RIGHT_RE.match(text, gend)
    if rm is not None and (re.search(r"\bstrike\b", rm.group(0), re.I)
                           or _NOT_INTERVAL_AFTER.match(text, rm.end())):
        rm = None  # "over a strike length of 400m", "over 350m of drilling": not a drilled interval
    if rm is not None:
        factor = _length_factor(rm.group("wu"))
        width = _num(rm.group("w"), factor)
        if width is None or width <= 0 or width > 3000:
            return None
        frm, to, eoh, end = _read_depth(text, rm.end(), factor)
        tw, end = _true_width(text, max(end, rm.end()))
        return _Raw(gstart, end, group, width, frm, to, eoh, False, None, tw, gend)
    return None


def _true_width(text: str, pos: int) -> tuple[float | None, int]:
    m = TRUE_WIDTH_RE.match(text, pos)
    if not m:
        return None, pos
    v = parse_number(m.group("tw1") or m.group("tw2"))
    return v, pos
