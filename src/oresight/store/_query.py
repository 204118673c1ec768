"""Search input made safe: a user's query becomes terms and phrases, never raw FTS syntax.

The accepted language is small and the same on both backends:

- words are ANDed: ``lithium drilling``;
- ``"double quotes"`` make a phrase (an unbalanced quote is just dropped);
- a bare ``OR`` (any case) between terms separates alternatives: ``lithium OR spodumene``.

Everything else (``*``, ``NEAR(``, ``AND``/``NOT`` as operators, ``-``, ``:`` column filters, SQL)
is treated as text: punctuation is dropped and the remaining words are searched for. The parsed query
is rendered for SQLite FTS5 with every term double-quoted, and for PostgreSQL as a normalised
``websearch_to_tsquery`` string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32

_CHUNK = re.compile(r'"([^"]*)"|([^\s"]+)')
_TOKEN = re.compile(r"[^\W_]+")  # letters and digits, like FTS5's unicode61 tokenizer
_WEB_UNSAFE = re.compile(r'["\s]+')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Term:
    raw: str  # the text as typed (quotes removed), for PostgreSQL's own parser
    tokens: tuple[str, ...]  # its words, for FTS5


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    groups: tuple[tuple[Term, ...], ...]  # OR of groups; the terms of a group are ANDed

    def __bool__(self) -> bool:
        return bool(self.groups)

    def fts5(self) -> str:
        """An FTS5 MATCH expression in which every term is a quoted string (no syntax errors)."""
        parts = []
        for group in self.groups:
            quoted = " ".join('"' + " ".join(t.tokens) + '"' for t in group)
            parts.append(f"({quoted})")
        return " OR ".join(parts)

    def websearch(self) -> str:
        """A ``websearch_to_tsquery`` input: terms, ``"phrases"`` and ``or`` only."""
        parts = []
        for group in self.groups:
            words = []
            for term in group:
                raw = _WEB_UNSAFE.sub(" ", term.raw).strip().lstrip("-").strip()
                if len(term.tokens) > 1 or " " in raw:
                    words.append(f'"{raw}"')
                else:
                    words.append(raw)
            parts.append(" ".join(words))
        return " or ".join(parts)


def parse_query(query: str) -> ParsedQuery:
    """Parse untrusted input; never raises. An empty result means there is nothing to search for."""
    # Lone surrogates cannot be encoded and PostgreSQL rejects NUL: drop them with other controls.
    query = query[:MAX_QUERY_CHARS].encode("utf-8", "ignore").decode("utf-8")
    query = _CONTROL.sub(" ", query)
    groups: list[tuple[Term, ...]] = []
    current: list[Term] = []
    count = 0
    for match in _CHUNK.finditer(query):
        phrase, bare = match.group(1), match.group(2)
        raw = phrase if phrase is not None else bare
        if phrase is None and raw.upper() == "OR":
            if current:
                groups.append(tuple(current))
                current = []
            continue
        tokens = tuple(_TOKEN.findall(raw))
        if not tokens:
            continue
        current.append(Term(raw=raw, tokens=tokens))
        count += 1
        if count >= MAX_TERMS:
            break
    if current:
        groups.append(tuple(current))
    return ParsedQuery(tuple(groups))
