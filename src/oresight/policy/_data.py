"""The statement cues (``data/cues.yaml``) loaded once and compiled.

Case-insensitive cue lists are compiled by :func:`oresight.assess._text.compile_cues` (a space matches any
run of white space); the case-sensitive name patterns get the same space handling and their placeholders
(``{NAME}``, ``{PERSON}``, ``{MODIFIER}``, ``{PORTFOLIO}``, ``{ORG}``, ``{BODY}``) expanded here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oresight._data import package_yaml
from oresight.assess._text import _flexible_spaces, compile_cues

# A capitalised word ("Tomtor", "ABC", "X-1", "O'Neill"), never a lower-case one; names may join words with
# "of", "de", ... ("Ministry of Natural Resources", "Lac de Gras") and end in a number ("Kutessay II").
_CAP = r"(?:[A-Z][A-Za-z0-9'\-]*[A-Za-z0-9]|[A-Z])"
_JOIN = r"(?:of|de|du|la|le|del|da|dos|do|van|von|al|el|and|y)"
NAME = rf"(?<![A-Za-z0-9'\-]){_CAP}(?:[ \-](?:{_JOIN} (?:the )?)?{_CAP}){{0,5}}(?: (?:[IVX]{{1,4}}|[0-9]{{1,3}})(?![A-Za-z0-9]))?"
PERSON = r"(?<![A-Za-z0-9'\-])[A-Z][a-z'\-]+(?: [A-Z]\.)?(?: [A-Z][a-z'\-]+){1,2}(?![A-Za-z])"


@cache
def cues() -> dict[str, Any]:
    return package_yaml("oresight.policy", "cues.yaml")


def _alternation(words: list[str], escape: bool = True) -> str:
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in uniq)


@cache
def _placeholders() -> dict[str, str]:
    c = cues()
    return {
        "{NAME}": NAME,
        "{PERSON}": PERSON,
        "{MODIFIER}": "(?:" + _alternation(c["deposit_modifiers"]) + ")",
        "{PORTFOLIO}": "(?i:" + _alternation(c["portfolios"], escape=False) + ")",
        "{ORG}": "(?:" + _alternation(c["org_suffixes"], escape=False) + ")",
        "{BODY}": "(?:" + _alternation(c["body_words"], escape=False) + ")",
    }


def compile_named(pattern: str) -> re.Pattern[str]:
    """A case-sensitive name pattern with its placeholders expanded (spaces flexible, as in the cues)."""
    out = _flexible_spaces(pattern)
    for key, value in _placeholders().items():
        out = out.replace(key, value)
    return re.compile(out)


def cue_list(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive alternation of cues (never None: an empty list matches nothing)."""
    compiled = compile_cues(patterns)
    return compiled if compiled is not None else re.compile(r"(?!x)x")


@dataclass(frozen=True)
class Vocabulary:
    """Names of things: commodities and countries, each a compiled alternation with a group per entry."""

    names: tuple[str, ...]
    pattern: re.Pattern[str]

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """Every mention: (canonical name, start, end)."""
        out: list[tuple[str, int, int]] = []
        for m in self.pattern.finditer(text):
            group = m.lastgroup  # the entry's own group closes last (aliases' inner groups close inside it)
            if group is None:
                continue
            out.append((self.names[int(group[1:])], m.start(), m.end()))
        return out


def _vocabulary(table: dict[str, list[str]], *, case_sensitive: bool, tail: str = "") -> Vocabulary:
    names = tuple(table)
    parts = []
    firsts: set[str] = set()
    for k, name in enumerate(names):
        alias = "|".join(f"(?:{_flexible_spaces(a)})" for a in table[name])
        parts.append(f"(?P<g{k}>{alias})")
        for a in table[name]:
            first = a.removeprefix("\\b")[:1]
            firsts.add(first if first.isalpha() else "")
    flags = 0 if case_sensitive else re.IGNORECASE
    # a word start and, when every alias starts with a letter, one of those letters: most positions fail at once
    head = "(?<![A-Za-z])" + (f"(?=[{''.join(sorted(firsts))}])" if "" not in firsts else "")
    return Vocabulary(names, re.compile(head + "(?:" + "|".join(parts) + ")(?![A-Za-z])" + tail, flags))


@cache
def commodities() -> Vocabulary:
    return _vocabulary(cues()["commodities"], case_sensitive=False)


@cache
def countries() -> Vocabulary:
    # a currency is not a country: "US$350 million", "US dollars", "Australian dollars"
    return _vocabulary(cues()["countries"], case_sensitive=True, tail=r"(?!\$)(?!\s+dollars?\b)")


@cache
def generic_words() -> frozenset[str]:
    return frozenset(cues()["generic_words"])


def country_of(text: str) -> str | None:
    """The first country named in ``text`` (an issuer's name, a header), or None."""
    found = countries().find(text)
    return found[0][0] if found else None
