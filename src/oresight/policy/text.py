"""A statement's text: pages folded once (same offsets), cut into sentences with spans, searched with evidence.

Sentences are cut at blank lines, list items, short heading-like lines, and at ``.``/``!``/``?`` followed by a
capital, a digit or a quote, except after an abbreviation (``data/cues.yaml``: ``abbreviations``) or an
initial. Each :class:`Sentence` keeps its page and ``[start, end)`` offsets into that page's text, and its
evidence quotes the original text: ``page.text[start:end] == evidence.surface``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from oresight.assess._text import Pages, _case_sensitive_twin, _lowered
from oresight.model import Document, Evidence, Span
from oresight.policy._data import cues

MAX_SENTENCE = 1200  # a run of text without punctuation is cut into pieces of at most this many characters
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u25cf\u25aa\u2013>]|\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))[ \t]+")
_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,5})\.+$")
_RUNS_ON = re.compile(r"\b(?:and|or|of|the|to|a|an|in|on|at|with|for|by|from|its|their)$", re.IGNORECASE)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(str(a).lower() for a in cues()["abbreviations"])


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    page: int
    start: int
    end: int
    text: str  # folded text (ASCII look-alikes; same length and offsets as the original)
    original: str  # the text as printed
    lower: str | None = None  # the folded text lower-cased when that keeps offsets (ASCII), for fast cue search

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.original, Span(self.page, self.start, self.end))


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph-like blocks: cut at blank lines, before list items, after lines ending in a colon and after
    short lines (headings, header lines: under 60 % of the page's usual line length) that do not run on."""
    lines = text.split("\n")
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    usual = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    short = max(20.0, 0.6 * usual)
    pos = 0
    start = 0
    for k, line in enumerate(lines):
        end = pos + len(line)
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        stripped = line.strip()
        runs_on = stripped.endswith((",", "-", "(", "/")) or _RUNS_ON.search(stripped) is not None
        cut = (
            not stripped
            or not nxt.strip()
            or _LIST_ITEM.match(nxt) is not None
            or stripped.endswith(":")
            or (len(stripped) < short and not runs_on)
        )
        if cut:
            if text[start:end].strip():
                yield start, end
            start = end + 1
        pos = end + 1
    if start < len(text) and text[start:].strip():
        yield start, len(text)


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block = text[start:end]
    m = _LIST_ITEM.match(block)
    offset = m.end() if m else 0
    s = offset
    for e in _END.finditer(block, offset):
        before = _WORD_BEFORE.search(block, max(s, e.start() - 8), e.start() + 1)
        if before:
            word = before.group(1).rstrip(".").lower()
            if word in _abbreviations() or (len(word) == 1 and block[before.start(1)].isupper()):
                continue
        yield start + s, start + e.end()
        s = e.end()
    yield start + s, end


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) trimmed of white space, long runs cut at a space near MAX_SENTENCE."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of one page's (folded) text."""
    out: list[tuple[int, int]] = []
    for b_start, b_end in _blocks(text):
        for s, e in _split_block(text, b_start, b_end):
            out.extend(_pieces(text, s, e))
    return out


class StatementText:
    """The document's pages, folded (via :class:`oresight.assess._text.Pages`) and cut into sentences."""

    def __init__(self, document: Document, *, skip: tuple[Span, ...] = ()) -> None:
        self.document = document
        self.pages = Pages(document)
        self.originals = {p.number: p.text for p in document.pages}
        sentences: list[Sentence] = []
        for number, folded in self.pages.pages:
            original = self.originals[number]
            for s, e in split_sentences(folded):
                if any(sp.page == number and sp.start < e and s < sp.end for sp in skip):
                    continue  # header lines read as metadata (Date:, Issuer:) are not statements
                sentences.append(Sentence(len(sentences), number, s, e, folded[s:e], original[s:e],
                                          _lowered(folded[s:e])))
        self.sentences: tuple[Sentence, ...] = tuple(sentences)
        self._starts: dict[int, list[int]] = {}
        for sent in self.sentences:
            self._starts.setdefault(sent.page, []).append(sent.index)

    def evidence(self, page: int, start: int, end: int) -> Evidence:
        """Evidence quoting the original text at a span."""
        return Evidence(self.originals[page][start:end], Span(page, start, end))

    def sentence_at(self, page: int, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` on ``page``."""
        for idx in self._starts.get(page, ()):
            s = self.sentences[idx]
            if s.start <= offset < s.end:
                return s
            if s.start > offset:
                return None
        return None

    def search(self, pattern: re.Pattern[str], *, limit: int = 200) -> list[tuple[Sentence, re.Match[str]]]:
        """Every match inside a sentence, with its sentence (offsets of the match are sentence-relative)."""
        out: list[tuple[Sentence, re.Match[str]]] = []
        twin = _case_sensitive_twin(pattern)  # case-insensitive cues in lower case: searched without IGNORECASE
        for sent in self.sentences:
            found = twin.finditer(sent.lower) if twin is not None and sent.lower is not None else pattern.finditer(sent.text)
            for m in found:
                out.append((sent, m))
                if len(out) >= limit:
                    return out
        return out

    def hit(self, sent: Sentence, start: int, end: int) -> Evidence:
        """Evidence for sentence-relative offsets."""
        return self.evidence(sent.page, sent.start + start, sent.start + end)
