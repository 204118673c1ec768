"""Where a number stands: its sentence and paragraph, and the cues that say it is not a result.

Real announcements print many numbers shaped like results that are not: exploration targets,
cut-off grades, target grades, head grades of ore already milled, thresholds in a definition,
visual estimates, and figures about other companies' deposits. Each cue below is data, with the
kind of exclusion it signals; ``exclusion`` returns the first that applies, or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]%])[.!?](?=\s+[A-Z(\"'\u2022•\-])|\n\s*\n|\n\s*[\u2022•▪●◦■\-*>]\s|\n(?=\s*[A-Z0-9]{2,}[A-Za-z0-9\-]*\s*[:\-])")
_PARAGRAPH_END = re.compile(r"\n\s*\n")


@lru_cache(maxsize=32)
def _breaks(text: str, paragraph: bool) -> tuple[list[int], list[int]]:
    """Every sentence (or paragraph) break of a page: the starts and ends of the separators, found once."""
    pattern = _PARAGRAPH_END if paragraph else _SENTENCE_END
    starts: list[int] = []
    ends: list[int] = []
    for m in pattern.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _bounds(text: str, start: int, end: int, paragraph: bool, reach: int) -> tuple[int, int]:
    starts, ends = _breaks(text, paragraph)
    i = bisect_right(ends, start) - 1  # the last break that ends at or before start
    lo = ends[i] if i >= 0 else 0
    j = bisect_left(starts, end)  # the first break that starts at or after end
    hi = starts[j] if j < len(starts) else len(text)
    return max(lo, start - reach), min(hi, end + reach)


@lru_cache(maxsize=32)
def _verbs(text: str) -> tuple[list[int], list[int]]:
    """Where the result verbs of a page stand (found once per page)."""
    starts: list[int] = []
    ends: list[int] = []
    for m in RESULT_VERB.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or bullet, or table line) around ``text[start:end]`` (at most 600 characters each way)."""
    return _bounds(text, start, end, False, 600)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(text, start, end, True, 2000)


@dataclass(frozen=True)
class Cue:
    kind: str
    pattern: re.Pattern[str]
    reason: str
    scope: str  # "sentence": anywhere in the sentence; "left": in the left context after the last result verb;
    # "right": just after the value; "paragraph": anywhere in the paragraph
    unless: re.Pattern[str] | None = None  # the cue does not apply when the sentence also matches this
    triggers: tuple[str, ...] = ()  # lower-case substrings, one of which must be present (a cheap pre-check)


def _c(kind: str, scope: str, pattern: str, reason: str, unless: str | None = None,
       triggers: tuple[str, ...] = ()) -> Cue:
    return Cue(kind, re.compile(pattern, re.IGNORECASE), reason, scope,
               re.compile(unless, re.IGNORECASE) if unless else None, triggers)


# Verbs that introduce a result: a cue to the left of one of these does not apply to what follows.
RESULT_VERB = re.compile(
    r"\b(?:returned|returning|returns|intersected|intersecting|intersects|intercepted|intercepts?|"
    r"assayed|assays?|yielded|recorded|reported|delivered|produced an intercept|highlights?|cut(?![\s-]*of)|cuts|"
    r"results? (?:include|of)|included|including|incl|encountered|hit|confirmed|best)\b|:",
    re.IGNORECASE,
)

_DRILL = r"\b(?:holes?|drill\w*|RC|diamond|DD|aircore|AC|RAB|intercepts?|intersect\w*|core|downhole)\b"

CUES: tuple[Cue, ...] = (
    _c("exploration_target", "sentence", r"\bexploration\s+targets?\b",
       "part of an Exploration Target (conceptual, not a resource or a result)",
       triggers=("target",)),
    _c("visual", "left", r"\bvisual(?:ly)?\b|\bvisible\b|\blogged\b|\bestimated?\s+(?:modal\s+)?abundance|"
       r"\bp-?XRF\b|\bportable XRF\b|\bhandheld XRF\b|\bXRF readings?\b|\bobserved\b",
       "a visual or field estimate, not a laboratory assay",
       triggers=("visual", "visib", "logged", "abundance", "xrf", "observed")),
    _c("visual", "right", r"^[^.;\n]{0,25}\b(?:visual|visually|logged|p-?XRF|estimated? (?:abundance|percentage))\b",
       "a visual or field estimate, not a laboratory assay",
       triggers=("visual", "logged", "xrf", "estimate")),
    _c("cutoff", "right", r"^\s*\)?\s*(?:lower\s+|bottom\s+)?(?:cut(?:[\s-]?of+)?\b|cutoff|COG\b|lower cut|reporting cut|top[\s-]?cut)",
       "a cut-off grade",
       triggers=("cut", "cog")),
    _c("cutoff", "left", r"(?:cut[\s-]?of+(?:\s+grade)?|cutoff|lower cut|COG|using a|above a|minimum(?: grade)? of|"
       r"greater than|more than|at least|>\s*=?|≥|in excess of|exceeding)\s*(?:of\s*)?$",
       "a threshold or cut-off, not a result",
       triggers=("cut", "cog", "using", "above", "minimum", "greater", "more than", "at least", ">", "≥", "excess", "exceed")),
    _c("threshold", "left", r"(?:e\.g\.|for example|for instance|defined as|definition of|equivalent to|i\.e\.|"
       r"threshold of|minimum of)\W*$",
       "an example in a reporting threshold or definition",
       triggers=("e.g", "example", "instance", "defined", "definition", "equivalent", "i.e", "threshold", "minimum")),
    _c("target_grade", "left", r"\b(?:targeting|targeted|targets?\s+(?:grades?|of|widths?|intercepts?)|expected|expects?|anticipated?|potential|conceptual|"
       r"hope|aim(?:s|ing)?|envisag\w*|would|could|(?-i:may)|might|budget(?:ed)?|planned|"
       r"forecast|guidance|range of|ranging|designed to)\b",
       "a target, expected or modelled grade, not a result",
       triggers=("target", "expect", "anticipat", "potential", "conceptual", "hope", "aim", "envisag", "would", "could", "may", "might", "budget", "plan", "forecast", "guidance", "rang", "designed")),
    _c("head_grade", "sentence", r"\b(?:head\s+grades?|mill(?:ed|ing)?\s+(?:feed|grade)|milled|processed|treated|"
       r"feed grade|ore mined|tonnes mined|mined at|reconcil\w+|recovered grade|"
       r"ounces poured|gold poured|sold|stockpiles?|run[\s-]of[\s-]mine|ROM|mill|Mtpa|ore\s+(?:treated|hauled))\b",
       "a production or head grade of ore already mined", unless=_DRILL,
       triggers=("head", "mill", "process", "treat", "feed", "mined", "reconcil", "recovered", "poured", "sold", "stockpile", "run", "rom", "mtpa", "ore ")),
    _c("price", "sentence", r"(?:US|A|C|AU|CA)?\$\s*\d[\d,.]*\s*/\s*(?:oz|t|lb|dmtu|mtu)\b",
       "a price", unless=_DRILL,
       triggers=("$",)),
    _c("other_company", "sentence", r"\b(?:neighbou?ring|adjacent|nearby|next[\s-]door)\s+(?:[\w'-]+\s+){0,4}?"
       r"(?:deposit|mine|project|operation|discovery|tenure|company)\b|\b(?:owned|operated|held) by\b|"
       r"\bpeers?\b|\banalog(?:ous|ue)\b|\bbenchmark\b|\banother\s+(?:company|explorer|miner|operator)(?:'s)?\b|"
       r"\bthird[\s-]party\b|"
       r"\b(?:her|his|their)\s+(?:career|previous|prior|former)\b|\bformerly\b|\bmost recently\b|\bled the team\b|"
       r"\bpreviously (?:held|served|worked|led)\b",
       "a figure about another company's or a neighbouring deposit",
       triggers=("neighbo", "adjacent", "nearby", "next", "owned", "operated", "held by", "peer", "analog", "benchmark", "career", "previous", "prior", "former", "recently", "led the team", "another", "third")),
    _c("historical", "sentence", r"\b(?:previous|prior|earlier)\s+(?:explorers?|operators?|owners?|companies)\b|"
       r"\bunverified\b|\bnot\s+(?:been\s+)?verified\b|\bcannot\s+be\s+verified\b|\bnon[\s-]JORC\b|"
       r"\bforeign\s+estimates?\b|\bhistorical\s+estimates?\b",
       "a historical figure from another explorer that the company has not verified",
       triggers=("previous", "prior", "earlier", "verified", "jorc", "foreign", "historical")),
    _c("historical", "sentence", r"\bhistor(?:ic|ical)\s+(?:drilling|results?|intercepts?|holes?)\s+(?:by|from)\b",
       "a historical result of an earlier explorer", triggers=("histor",)),
    _c("target_grade", "right", r"^[^.;\n]{0,15}\btargets?\b(?!\s+(?:was|were)\s+(?:hit|intersected))",
       "a target, not a result", triggers=("target",)),
    _c("historical", "paragraph", r"\bnot\s+(?:been\s+)?reported\s+in\s+accordance\s+with\b|"
       r"\bnot\s+in\s+accordance\s+with\s+the\s+JORC\b|\bnon[\s-]JORC\b|\bhave\s+not\s+been\s+verified\b|"
       r"\bhas\s+not\s+(?:independently\s+)?verified\b|\bcannot\s+be\s+verified\b",
       "a historical figure the paragraph says was not reported under the JORC Code or not verified",
       triggers=("accordance", "jorc", "verified")),
    _c("superseded", "left", r"\b(?:up\s+from|increased?\s+from|(?:grew|grown)\s+from|previous(?:ly)?|prior|superseded|"
       r"former|replac\w+|compared\s+(?:with|to)|from\s+the\s+(?:maiden|previous|prior|last))\b[^.;]{0,60}$",
       "an earlier, superseded estimate quoted for comparison",
       triggers=("from", "previous", "prior", "supersed", "former", "replac", "compared")),
    _c("subset", "left", r"\b(?:higher|high|very\s+high)[\s-]+grade\s+(?:core|zone|portion|component|subset|"
       r"shoot|domain)s?\s+of\s*$",
       "a higher-grade part quoted within a larger resource",
       triggers=("grade",)),
    _c("subset", "right", r"^[^.;]{0,30}\b(?:within|inside|part\s+of|contained\s+in|included\s+in)\s+the\s+"
       r"(?:[\w&+]+\s+){0,3}(?:mineral\s+)?(?:resource|reserve)s?\b",
       "a part quoted within a larger resource",
       triggers=("within", "inside", "part of", "contained in", "included in")),
    _c("sample", "sentence", r"\b(?:rock[\s-]?chips?|soils?|grab samples?|stream sediments?|lag samples?|"
       r"float samples?|outcrop samples?|termite mound)\b",
       "a surface sample, not a drill intercept", unless=_DRILL,
       triggers=("rock", "soil", "grab", "stream", "lag", "float", "outcrop", "termite")),
)


# cues that apply only where a reader asks for them (an earlier estimate matters for resources only)
OPT_IN = frozenset({"superseded", "subset"})
OTHER_COMPANY = Cue("other_company", re.compile("$^"), "a figure about another company's deposit or drilling", "sentence")


@lru_cache(maxsize=256)
def _paragraph_hit(text: str, lo: int, hi: int, index: int) -> bool:
    cue = CUES[index]
    para = text[lo:hi]
    low = para.lower()
    if cue.triggers and not any(t in low for t in cue.triggers):
        return False
    return cue.pattern.search(para) is not None


def exclusion(
    text: str, start: int, end: int, *, kinds: tuple[str, ...] | None = None, value_end: int | None = None,
    others: re.Pattern[str] | None = None,
) -> Cue | None:
    """The first cue that makes ``text[start:end]`` not a result, or None.

    ``value_end`` is where the grade itself ends (for the cues that read just after it)."""
    s_lo, s_hi = sentence_bounds(text, start, end)
    sentence = text[s_lo:s_hi]
    # only the part of the left context after the last result verb counts for "left" cues
    starts, ends = _verbs(text)
    k = bisect_right(ends, start) - 1
    tail_lo = ends[k] if k >= 0 and starts[k] >= s_lo else s_lo
    left_tail = text[tail_lo:start]
    r0 = end if value_end is None else value_end
    right = text[r0 : min(len(text), r0 + 40)]
    lowered = {"sentence": sentence.lower(), "left": left_tail.lower(), "right": right.lower()}
    if others is not None and (kinds is None or "other_company" in kinds) and others.search(sentence):
        return OTHER_COMPANY
    for cue in CUES:
        if kinds is not None and cue.kind not in kinds:
            continue
        if kinds is None and cue.kind in OPT_IN:
            continue
        if cue.scope == "paragraph":
            # the same for every value of the paragraph: computed once per paragraph of the page
            p_lo, p_hi = paragraph_bounds(text, start, end)
            if _paragraph_hit(text, p_lo, p_hi, CUES.index(cue)) and not (
                    cue.unless is not None and cue.unless.search(sentence)):
                return cue
            continue
        low = lowered.get(cue.scope)
        if cue.triggers and low is not None and not any(t in low for t in cue.triggers):
            continue
        if cue.scope == "sentence":
            hit = cue.pattern.search(sentence)
        elif cue.scope == "left":
            hit = cue.pattern.search(left_tail[-40:] if cue.kind == "cutoff" else left_tail)
        elif cue.scope == "right":
            hit = cue.pattern.search(right)
        else:
            hit = None
        if hit and not (cue.unless is not None and cue.unless.search(sentence)):
            return cue
    return None
