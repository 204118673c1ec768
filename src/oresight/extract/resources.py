"""Resource and reserve estimates in prose, reporting codes, cut-offs.

"a Mineral Resource Estimate of 12.4Mt @ 1.21% Li2O for 150kt Li2O", "Indicated Resource of
5.2 million tonnes at 1.3 g/t Au for 217,000 oz", "3.1Mt @ 1.5% Li2O Indicated and 9.3Mt @ 1.1%
Li2O Inferred". A tonnage at grade counts only in a sentence about a resource or reserve, and not
when the context says it is an exploration target, ore already processed, or someone else's deposit.
"""

from __future__ import annotations

import re
from typing import Literal

from oresight.extract.context import exclusion, sentence_bounds
from oresight.extract.intercepts import SEP_RE, find_grades
from oresight.extract.lexicon import NUMBER_RE, lexicon, parse_number
from oresight.model import Excluded, ResourceEstimate, Span

_L = lexicon()
N = NUMBER_RE

TONNAGE_RE = re.compile(
    rf"(?<![\w.,])(?P<t>{N})\s*(?P<tu>{_L.tonnage_re})(?![A-Za-z])(?:\s+of\s+ore)?\s*"
    rf"(?:@|at|grading|of|averaging|at\s+an\s+average\s+(?:grade\s+)?of|with\s+an\s+average\s+grade\s+of)\s*"
    rf"(?=\d|\.\d)"
)
CONTAINED_RE = re.compile(
    rf"\s*,?\s*\(?\s*(?:for|containing|for\s+a\s+total\s+of|for\s+contained|hosting|and)\s+(?:approximately\s+|~\s*)?"
    rf"(?P<c>{N})\s*(?P<cu>{_L.contained_re})(?![A-Za-z])(?:\s+(?:of\s+)?(?:contained\s+)?(?P<can>{_L.analyte_re}))?",
)
# "2.1 million ounces (31.5Mt @ 2.07g/t Au)": the contained metal first, the tonnage in brackets
_CONTAINED_BEFORE = re.compile(
    rf"(?<![\w.,])(?P<c>{N})\s*(?P<cu>{_L.contained_re})(?![A-Za-z])(?:\s+(?:of\s+)?(?:contained\s+)?[A-Za-z0-9]+)?\s*\(\s*$"
)
RESOURCE_WORDS = re.compile(r"\b(?:resources?|MRE|reserves?|inventory)\b", re.I)
RESERVE_WORDS = re.compile(r"\b(?:ore\s+reserves?|mineral\s+reserves?|reserves?)\b", re.I)
CUTOFF_RE = re.compile(
    rf"(?:(?:at|above|using)\s+(?:an?\s+)?(?P<c1>{N}\s*(?:{_L.unit_re})\s*(?:{_L.analyte_re})?)\s*(?:lower\s+)?"
    rf"cut[\s-]?off|cut[\s-]?off(?:\s+grade)?\s*(?:of|:)?\s*(?P<c2>{N}\s*(?:{_L.unit_re})\s*(?:{_L.analyte_re})?))",
    re.I,
)
CODE_RE = re.compile(rf"(?<![A-Za-z])(?:{_L.code_re})(?![A-Za-z])")


_CODE_KEYS = ("jorc", "43-101", "43101", "1300", "samrec", "perc", "cim definition")


def reporting_code(text: str) -> str | None:
    """The reporting code the document names first (JORC, NI 43-101, S-K 1300, ...)."""
    low = text.lower()
    first = min((i for i in (low.find(k) for k in _CODE_KEYS) if i >= 0), default=-1)
    if first < 0:
        return None  # none named: skip the pattern (a cheap test on long documents)
    m = CODE_RE.search(text, max(0, first - 40))
    return _L.code(m.group(0)) if m else None


def cutoff_in(text: str) -> str | None:
    m = CUTOFF_RE.search(text)
    if not m:
        return None
    return re.sub(r"\s+", " ", (m.group("c1") or m.group("c2"))).strip()


def _category_near(text: str, s_lo: int, start: int, end: int, s_hi: int) -> str | None:
    right = text[end : min(s_hi, end + 40)]
    rm = re.match(rf"^\s*[(,]?\s*(?:in\s+the\s+|category\s+)?(?P<cat>{_L.category_re})\b", right)
    left = text[max(s_lo, start - 90) : start]
    if rm and rm.group(0).lstrip().startswith("("):
        # "3.1 Mt @ 1.1 g/t Au for 110 koz (Inferred)": its own bracket wins over words before it
        return _right_category(right, rm)
    cats = list(re.finditer(rf"\b(?:{_L.category_re})\b", left))
    if cats:
        c = _L.category(cats[-1].group(0))
        if c == "measured" and re.search(r"indicated", left[cats[-1].end():cats[-1].end() + 20], re.I):
            return "mi"
        # "Indicated and Inferred Resource of X" is a total of both
        if len(cats) >= 2 and re.search(r"\band\b|&|\+", left[cats[-2].end():cats[-1].start()]) and \
                cats[-1].end() - cats[-2].start() < 40:
            pair = {_L.category(cats[-2].group(0)), c}
            if pair == {"measured", "indicated"}:
                return "mi"
            return "total"
        return c
    if rm:
        return _right_category(right, rm)
    return None


def _right_category(right: str, rm: re.Match[str]) -> str | None:
    first = _L.category(rm.group("cat"))
    both = re.match(rf"\s*(?:and|&|\+)\s*(?P<cat>{_L.category_re})\b", right[rm.end():])
    if both:
        pair = {first, _L.category(both.group("cat"))}
        return "mi" if pair == {"measured", "indicated"} else "total"
    return first


def _tonnages_before_grades(text: str) -> list[re.Match[str]]:
    """Each "tonnage at" that stands right before a grade (or a grade range): only there can a
    resource be, so the tonnage pattern runs in small windows, not over the page."""
    seen: set[int] = set()
    out: list[re.Match[str]] = []
    for g in find_grades(text):
        for m in TONNAGE_RE.finditer(text, max(0, g.start - 90), g.start + 2):
            if g.start - m.end() <= 8 and m.start() not in seen:
                seen.add(m.start())
                out.append(m)
    out.sort(key=lambda m: m.start())
    return out


def find_resources(text: str, page: int, code: str | None, raw_text: str | None = None,
                   others: re.Pattern[str] | None = None) -> tuple[list[ResourceEstimate], list[Excluded]]:
    surface_src = raw_text if raw_text is not None else text
    out: list[ResourceEstimate] = []
    excluded: list[Excluded] = []
    for m in _tonnages_before_grades(text):
        tonnes_v = parse_number(m.group("t"))
        factor = _L.tonnage(m.group("tu"))
        if tonnes_v is None or factor is None:
            continue
        # a range "10-15Mt" is an exploration target, never a resource
        rng = re.search(rf"{N}\s*(?:-|to)\s*$", text[max(0, m.start() - 12) : m.start()])
        if rng:
            r_lo = m.start() - len(rng.group(0))
            r_end = min(len(text), m.end() + 30)
            cue = exclusion(text, r_lo, m.end(), kinds=("exploration_target",))
            excluded.append(Excluded(
                "exploration_target" if cue else "range",
                re.sub(r"\s+", " ", surface_src[r_lo:r_end]).strip(), Span(page, r_lo, r_end),
                cue.reason if cue else "a range of tonnage, not an estimate"))
            continue
        grades = find_grades(text[m.end() : m.end() + 200])
        if not grades or grades[0].start != 0:
            continue
        chain = [grades[0]]
        for g in grades[1:]:
            if g.analyte is None and chain[-1].analyte is not None:
                break  # "..., 52g/t Ag, 29% in the Proved category": a share, not another grade
            if SEP_RE.match(text[m.end() + chain[-1].end : m.end() + g.start]):
                chain.append(g)
            else:
                break
        gend = m.end() + chain[-1].end
        cm = CONTAINED_RE.match(text, gend)
        end = cm.end() if cm else gend
        s_lo, s_hi = sentence_bounds(text, m.start(), end)
        sentence = text[s_lo:s_hi]
        span = Span(page, m.start(), end)
        surface = surface_src[m.start() : end]  # exactly the text the span points at
        if not RESOURCE_WORDS.search(sentence) and not RESOURCE_WORDS.search(text[max(0, s_lo - 200) : s_lo]):
            continue
        cue = exclusion(text, m.start(), end, kinds=("exploration_target", "head_grade", "other_company",
                                                     "target_grade", "price", "superseded", "subset"), value_end=gend,
                        others=others)
        if cue is not None:
            excluded.append(Excluded(cue.kind, surface, span, cue.reason))
            continue
        category = _category_near(text, s_lo, m.start(), end, s_hi)
        if category is None:
            # a resource stated without a category is the whole resource ("stands at 54.2Mt @ 9.8% TGC,
            # comprising an Indicated ... and an Inferred ...")
            category = "total"
        kind: Literal["resource", "reserve"] = "reserve" if (category in ("proven", "probable") or RESERVE_WORDS.search(sentence)) and not \
            re.search(r"\bmineral\s+resources?\b", sentence, re.I) else "resource"
        contained = None
        contained_unit = None
        before = None if cm else _CONTAINED_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if cm or before:
            found = cm or before
            assert found is not None
            cv = parse_number(found.group("c"))
            cu = _L.contained_unit(found.group("cu"))
            if cv is not None and cu is not None:
                contained = round(cv * cu[1], 2)
                contained_unit = cu[0]
        cut = cutoff_in(sentence)
        can = _L.analyte(cm.group("can")) if cm and cm.group("can") else None
        owner = next((g for g in chain if can and g.analyte and _L.commodity(g.analyte) == _L.commodity(can)), chain[0])
        for g in chain:
            if g.analyte is None or g.analyte == "?":
                continue
            mine = g is owner
            out.append(ResourceEstimate(
                tonnes=round(tonnes_v * factor, 2), grade=g.value, unit=g.unit, analyte=g.analyte, surface=surface, span=span,
                category=category, contained=contained if mine else None,
                contained_unit=contained_unit if mine else None, cutoff=cut, code=code, kind=kind))
    out.extend(_contained_first(text, page, code, surface_src, others, excluded))
    return out, excluded


_CONTAINED_AT = re.compile(
    rf"(?<![\w.,])(?P<c>{N})\s*(?P<cu>{_L.contained_re})(?![A-Za-z])(?:\s+(?:of\s+)?(?:contained\s+)?[A-Za-z][A-Za-z0-9]*)?"
    rf"\s*(?:@|at|grading|at\s+a\s+grade\s+of)\s*$"
)
_TONNES_AFTER = re.compile(rf"\s*\(\s*(?P<t>{N})\s*(?P<tu>{_L.tonnage_re})(?![A-Za-z])\s*(?:of\s+ore\s*)?\)")


def _contained_first(text: str, page: int, code: str | None, surface_src: str, others: re.Pattern[str] | None,
                     excluded: list[Excluded]) -> list[ResourceEstimate]:
    """"a Mineral Resource of 1.13Moz at 1.40g/t Au (25.1Mt)": contained metal, grade, then the tonnage."""
    out: list[ResourceEstimate] = []
    for g in find_grades(text):
        if g.analyte is None or g.analyte == "?":
            continue
        cm = _CONTAINED_AT.search(text, max(0, g.start - 60), g.start)
        tm = _TONNES_AFTER.match(text, g.end) if cm else None
        if cm is None or tm is None:
            continue
        cv, cu = parse_number(cm.group("c")), _L.contained_unit(cm.group("cu"))
        tv, tf = parse_number(tm.group("t")), _L.tonnage(tm.group("tu"))
        if cv is None or cu is None or tv is None or tf is None:
            continue
        start, end = cm.start(), tm.end()
        s_lo, s_hi = sentence_bounds(text, start, end)
        sentence = text[s_lo:s_hi]
        if not RESOURCE_WORDS.search(sentence):
            continue
        span = Span(page, start, end)
        surface = surface_src[start:end]
        cue = exclusion(text, start, end, kinds=("exploration_target", "head_grade", "other_company",
                                                 "target_grade", "price", "superseded", "subset"), others=others)
        if cue is not None:
            excluded.append(Excluded(cue.kind, surface, span, cue.reason))
            continue
        category = _category_near(text, s_lo, start, end, s_hi) or "total"
        kind: Literal["resource", "reserve"] = "reserve" if category in ("proven", "probable") or (
            RESERVE_WORDS.search(sentence) and not re.search(r"\bmineral\s+resources?\b", sentence, re.I)
        ) else "resource"
        out.append(ResourceEstimate(
            tonnes=round(tv * tf, 2), grade=g.value, unit=g.unit, analyte=g.analyte, surface=surface, span=span,
            category=category, contained=round(cv * cu[1], 2), contained_unit=cu[0], cutoff=cutoff_in(sentence),
            code=code, kind=kind))
    return out
