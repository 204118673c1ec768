"""Names of organisations and persons in a document's text, with the role a nearby cue gives them.

::

    find_mentions(page_text, page=1)   # [Mention(surface, span, role, cue)]

A *run* is a sequence of capitalised words (Latin or Cyrillic) joined by spaces or by the lower-case words that
stand inside names ("Bank of China", "Compagnie de ..."), a legal form after a comma ("Norvik Metals, LLC"),
a quoted name («Кварц-Ресурс», "Kvarts-Resurs"), or a run of Chinese characters. A run is kept when it
looks like an organisation (a company suffix of :mod:`oresight.extract.companies` such as Resources, Mining,
Limited, or an organisation word of ``data/mentions.yaml`` such as LLC, JSC, OOO, Bank, Holdings), when a title
stands before it (Mr, Dr), when it is in Cyrillic or Chinese script, or when a role cue (offtake, partner,
shareholder, financier, ... : ``data/mentions.yaml``) stands in the same sentence. The nearest such cue gives
its role: ``buyer``, ``partner``, ``shareholder`` or ``financier`` (None when no cue is near).

The text is folded one character for one (:func:`oresight.extract.lexicon.fold`) to be searched, so every span
points into the page text as stored, and each surface is the page's own text there. Pure; linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oresight._data import package_yaml
from oresight.extract.companies import _SUFFIX as COMPANY_SUFFIX
from oresight.extract.lexicon import fold
from oresight.model import Span

from .model import Mention

MAX_PAGE = 300_000  # characters of a page read (as the extraction does)
MAX_RUN_WORDS = 12  # a longer run is read in overlapping pieces of this many words
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ"
_WORD = rf"[{_UPPER}][\w'.&-]*"
_QUOTED = r"«[^»\n]{1,100}»|\"[^\"\n]{1,100}\""
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,200}")
_LEGAL_AFTER_COMMA = {"llc", "l.l.c.", "llp", "ltd", "ltd.", "limited", "plc", "inc", "inc.", "corp", "corp.", "co.",
                      "gmbh", "ag", "s.a.", "sa", "b.v.", "bv", "n.v.", "nv", "s.p.a.", "spa", "srl", "jsc", "pjsc",
                      "pty", "pte", "fze"}
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n")


@cache
def _data() -> dict[str, Any]:
    return package_yaml("oresight.sanctions", "mentions.yaml")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    run: re.Pattern[str]
    organisation: re.Pattern[str]
    cue: re.Pattern[str]
    roles: dict[str, str]
    title: re.Pattern[str]
    han_ending: re.Pattern[str]
    han_max: int
    distance: int
    leading: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    d = _data()
    connectors = _alt([str(c) for c in d["connectors"]])
    org = [str(w) for w in d["organisation_words"]]
    after_comma = _alt([w for w in org if w.lower() in _LEGAL_AFTER_COMMA])
    unit = rf"(?:{_WORD}|{_QUOTED})"
    run = re.compile(
        rf"(?<![\w'\"«]){unit}(?:(?:[ ]{{1,3}}(?:(?:{connectors})[ ]{{1,3}})?|[ ]*,[ ]*(?=(?i:{after_comma})(?!\w)))"
        rf"{unit})*")
    roles: dict[str, str] = {}
    for role, cues in d["roles"].items():
        for cue in cues:
            roles.setdefault(" ".join(str(cue).lower().split()), str(role))
    return _Patterns(
        run=run,
        organisation=re.compile(rf"(?<![\w.])(?:{_alt(org)})(?!\w)", re.IGNORECASE),
        cue=re.compile(rf"(?<![\w-])(?:{_alt(list(roles))})(?![\w-])", re.IGNORECASE),
        roles=roles,
        title=re.compile(rf"(?<!\w)(?:{_alt([str(t) for t in d['titles']])})[ ]+$"),
        han_ending=re.compile(_alt([str(e) for e in d["han_organisation_endings"]])),
        han_max=int(d["han_max_chars"]),
        distance=int(d["cue_distance"]),
        leading=re.compile(rf"(?:(?:{_alt([str(w) for w in d['leading_words']])})(?:[ ]+|$))+", re.IGNORECASE),
    )


def find_mentions(text: str, page: int = 1) -> list[Mention]:
    """The runs of a page worth screening, in text order (see the module doc)."""
    raw = text[:MAX_PAGE]
    text = fold(raw)  # one character for one: offsets into the folded text are offsets into the page
    p = _patterns()
    cues = [(m.start(), m.end(), " ".join(m.group().lower().split())) for m in p.cue.finditer(text)]
    cue_starts = [c[0] for c in cues]
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    def role_at(start: int, end: int) -> tuple[str | None, str | None]:
        best: tuple[int, str] | None = None
        here = bisect.bisect_right(ends, start)
        lo = bisect.bisect_left(cue_starts, start - p.distance)
        hi = bisect.bisect_right(cue_starts, end + p.distance)
        for cs, ce, cue in cues[lo:hi]:
            if cs < end and ce > start:
                continue  # a cue word inside the name ("Offtake Holdings Ltd") says nothing of its role
            if bisect.bisect_right(ends, cs) != here:
                continue
            gap = start - ce if ce <= start else cs - end
            if best is None or gap < best[0]:
                best = (gap, cue)
        return (p.roles.get(best[1]), best[1]) if best else (None, None)

    out: list[Mention] = []
    for m in p.run.finditer(text):
        surface = _trim(m.group())
        start = m.start()
        lead = p.leading.match(surface)
        if lead:
            surface = surface[lead.end() :]
            start += lead.end()
        if not any(len(w) > 1 for w in surface.split()) or p.cue.fullmatch(surface):  # also: nothing left
            continue  # an initial, or a cue word starting a sentence ("Funding for the plant ...")
        role, cue = role_at(start, m.end())
        keep = (role is not None or _CYRILLIC.search(surface) or p.organisation.search(surface)
                or COMPANY_SUFFIX.search(surface) or p.title.search(text[max(0, start - 12) : start]))
        if not keep:
            continue
        for offset, piece in _pieces(surface):
            a = start + offset
            out.append(Mention(raw[a : a + len(piece)], Span(page, a, a + len(piece)), role, cue))
    for m in _HAN.finditer(text):
        for a, b in _han_names(m.group(), p):
            role, cue = role_at(m.start() + a, m.start() + b)
            out.append(Mention(raw[m.start() + a : m.start() + b], Span(page, m.start() + a, m.start() + b), role, cue))
    out.sort(key=lambda x: x.span.start)
    return out


def _trim(run: str) -> str:
    """A run without the full stop that ends its sentence (abbreviations such as "Co." or "S.A." keep theirs)."""
    last = run.rsplit(None, 1)[-1]
    if run.endswith(".") and len(last) > 5 and last.count(".") == 1:
        return run[:-1]
    return run


def _han_names(run: str, p: _Patterns) -> list[tuple[int, int]]:
    """A short run of Chinese characters as it is (a name quoted in another language's text); in a longer one,
    each organisation name ending (公司, 集团, ...) with up to ``han_max_chars`` characters before it."""
    if len(run) <= p.han_max:
        return [(0, len(run))]
    out = []
    for e in p.han_ending.finditer(run):
        out.append((max(0, e.start() - p.han_max), e.end()))
    return out


def _pieces(surface: str) -> list[tuple[int, str]]:
    """A run of at most MAX_RUN_WORDS words as it is; a longer one in overlapping pieces."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", surface)]
    if len(words) <= MAX_RUN_WORDS:
        return [(0, surface)]
    step = MAX_RUN_WORDS // 2
    out = []
    for i in range(0, len(words) - step, step):
        chunk = words[i : i + MAX_RUN_WORDS]
        out.append((chunk[0][0], surface[chunk[0][0] : chunk[-1][1]]))
    return out
