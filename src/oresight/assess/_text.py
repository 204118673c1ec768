"""Small text helpers shared by the assessment steps: compiled cue lists, searching pages with spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from oresight._data import package_yaml
from oresight.extract.lexicon import fold
from oresight.model import Document, Evidence, Span

HEADLINE_CHARS = 700  # the headline: the title and the start of page 1 (letterhead, headline, sub-headline)


@cache
def load(name: str) -> dict[str, Any]:
    return package_yaml("oresight.assess", name)


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


_NO_FAST = object()
_FAST: dict[re.Pattern[str], re.Pattern[str] | None] = {}


def _case_sensitive_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a case-insensitive pattern written in lower case, the same pattern without IGNORECASE: on
    lower-cased ASCII text it matches exactly where the original matches the text (same offsets), at a
    third of the cost (Python's ``re`` is slow with IGNORECASE). None when that does not hold: a pattern
    with an upper-case letter outside an escape, a local flag group, or not case-insensitive at all."""
    twin = _FAST.get(pattern, _NO_FAST)
    if twin is not _NO_FAST:
        return twin  # type: ignore[return-value]
    src = pattern.pattern
    ok = bool(pattern.flags & re.IGNORECASE) and "(?-" not in src
    i = 0
    while ok and i < len(src):
        c = src[i]
        if c == "\\":
            ok = src[i + 1:i + 2] not in ("N", "x", "u", "U", "0")  # \N{NAME} and code points may be letters
            i += 2
            continue
        if c.isupper() or not c.isascii():
            ok = False
        i += 1
    result = re.compile(src, pattern.flags & ~re.IGNORECASE) if ok else None
    if len(_FAST) > 4096:  # patterns built at run time: keep the cache bounded
        _FAST.clear()
    _FAST[pattern] = result
    return result


def _lowered(text: str) -> str | None:
    """``text`` lower-cased when that keeps every offset (ASCII text), else None."""
    return text.lower() if text.isascii() else None


class Pages:
    """The document's pages folded to ASCII once (same offsets), searched with spans.

    Each text is also kept lower-cased, so case-insensitive cues written in lower case are searched without
    IGNORECASE (see :func:`_case_sensitive_twin`); the evidence quotes the original text."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.pages: tuple[tuple[int, str], ...] = tuple((p.number, fold(p.text)) for p in document.pages)
        self._lower = tuple(_lowered(text) for _, text in self.pages)
        first = self.pages[0][1] if self.pages else ""
        self.title = fold(document.title or "")
        self.headline = first[:HEADLINE_CHARS]
        self.headline_page = self.pages[0][0] if self.pages else 1
        # the headline proper: the short lines at the top of page 1, up to the first paragraph
        self.top = _top_lines(self.headline)
        self._title_lower = _lowered(self.title)
        self._top_lower = _lowered(self.top)

    @staticmethod
    def _search(pattern: re.Pattern[str], text: str, lower: str | None) -> tuple[int, int] | None:
        twin = _case_sensitive_twin(pattern) if lower is not None else None
        m = twin.search(lower) if twin is not None and lower is not None else pattern.search(text)
        return m.span() if m else None

    def headline_hits(self, pattern: re.Pattern[str]) -> list[Evidence]:
        out: list[Evidence] = []
        if self.title:
            hit = self._search(pattern, self.title, self._title_lower)
            if hit:
                found = self.title[hit[0]:hit[1]]
                # the title is usually also on page 1; cite it there when it is
                pos = self.headline.find(self.title[:60]) if self.title else -1
                start = (pos + hit[0]) if pos >= 0 else hit[0]
                out.append(Evidence(found, Span(self.headline_page, start, start + len(found))))
                return out
        hit = self._search(pattern, self.top, self._top_lower)
        if hit:
            out.append(Evidence(self.top[hit[0]:hit[1]], Span(self.headline_page, hit[0], hit[1])))
        return out

    def first(self, pattern: re.Pattern[str] | None, *, pages: int | None = None) -> Evidence | None:
        if pattern is None:
            return None
        for (number, text), lower in zip(self.pages[:pages], self._lower, strict=False):
            hit = self._search(pattern, text, lower)
            if hit:
                found = text[hit[0]:hit[1]]
                return Evidence(found.strip() or found, Span(number, hit[0], hit[1]))
        return None

    def all(self, pattern: re.Pattern[str] | None, *, limit: int = 50) -> list[Evidence]:
        out: list[Evidence] = []
        if pattern is None:
            return out
        for (number, text), lower in zip(self.pages, self._lower, strict=True):
            twin = _case_sensitive_twin(pattern) if lower is not None else None
            found = twin.finditer(lower) if twin is not None and lower is not None else pattern.finditer(text)
            for m in found:
                out.append(Evidence(text[m.start():m.end()], Span(number, m.start(), m.end())))
                if len(out) >= limit:
                    return out
        return out


def quote(evidence: Sequence[Evidence], n: int = 2) -> str:
    return ", ".join(f'"{e.surface.strip()[:60]}" (p{e.span.page})' for e in evidence[:n])
