"""Small text helpers shared by the assessment steps: compiled cue lists, searching pages with spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import yaml

from oresight.extract.lexicon import fold
from oresight.model import Document, Evidence, Span

HEADLINE_CHARS = 700  # the headline: the title and the start of page 1 (letterhead, headline, sub-headline)


@cache
def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load(resources.files("oresight.assess").joinpath("data", name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _flexible_spaces(pattern: str) -> str:
    """A literal space in a cue matches any run of white space (text wraps across lines in PDFs and plain
    text); " ?" matches optional white space. Spaces inside character classes are left alone."""
    out: list[str] = []
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
        if c == " " and depth == 0:
            if pattern[i + 1:i + 2] == "?":
                out.append(r"\s*")
                i += 2
                continue
            if pattern[i + 1:i + 2] not in ("*", "+", "{"):
                out.append(r"\s+")
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


def compile_cues(patterns: Iterable[str]) -> re.Pattern[str] | None:
    pats = [_flexible_spaces(p) for p in patterns if p]
    if not pats:
        return None
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)


_SENTENCES = re.compile(r"[a-z0-9)][.;]\s+[A-Z]")
_HIGHLIGHTS = re.compile(r"^\W*(highlights|key points|summary)\W*$", re.IGNORECASE)


def _top_lines(head: str) -> str:
    """The headline block: the first non-empty lines of page 1, up to the highlights or the first paragraph
    (a line of two sentences, a line over 160 characters, a long line ending in a full stop, or a line wrapped
    into the next)."""
    lines = head.splitlines(keepends=True)
    end = 0
    kept = 0
    for k, line in enumerate(lines):
        text = line.strip()
        if not text:
            end += len(line)
            continue
        following = next((ln.strip() for ln in lines[k + 1:] if ln.strip()), "")
        paragraph = len(text) > 100 and text.endswith(".")  # a one-line paragraph, not a headline
        if (_HIGHLIGHTS.match(text) or len(text) > 160 or _SENTENCES.search(text) or paragraph
                or (following[:1].islower() and len(text) > 50) or kept >= 5):
            break
        end += len(line)
        kept += 1
    return head[:end]


class Pages:
    """The document's pages folded to ASCII once (same offsets), searched with spans."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.pages: tuple[tuple[int, str], ...] = tuple((p.number, fold(p.text)) for p in document.pages)
        first = self.pages[0][1] if self.pages else ""
        self.title = fold(document.title or "")
        self.headline = first[:HEADLINE_CHARS]
        self.headline_page = self.pages[0][0] if self.pages else 1
        # the headline proper: the short lines at the top of page 1, up to the first paragraph
        self.top = _top_lines(self.headline)

    def headline_hits(self, pattern: re.Pattern[str]) -> list[Evidence]:
        out: list[Evidence] = []
        if self.title:
            m = pattern.search(self.title)
            if m:
                # the title is usually also on page 1; cite it there when it is
                pos = self.headline.find(self.title[:60]) if self.title else -1
                start = (pos + m.start()) if pos >= 0 else m.start()
                out.append(Evidence(m.group(), Span(self.headline_page, start, start + len(m.group()))))
                return out
        m = pattern.search(self.top)
        if m:
            out.append(Evidence(m.group(), Span(self.headline_page, m.start(), m.end())))
        return out

    def first(self, pattern: re.Pattern[str] | None, *, pages: int | None = None) -> Evidence | None:
        if pattern is None:
            return None
        for number, text in self.pages[:pages]:
            m = pattern.search(text)
            if m:
                return Evidence(m.group().strip() or m.group(), Span(number, m.start(), m.end()))
        return None

    def all(self, pattern: re.Pattern[str] | None, *, limit: int = 50) -> list[Evidence]:
        out: list[Evidence] = []
        if pattern is None:
            return out
        for number, text in self.pages:
            for m in pattern.finditer(text):
                out.append(Evidence(m.group(), Span(number, m.start(), m.end())))
                if len(out) >= limit:
                    return out
        return out


def quote(evidence: Sequence[Evidence], n: int = 2) -> str:
    return ", ".join(f'"{e.surface.strip()[:60]}" (p{e.span.page})' for e in evidence[:n])
