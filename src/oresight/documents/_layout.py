"""Tables rebuilt from positioned words (PDF text, OCR words, or aligned plain text).

The same steps serve every source, in its own units (PDF points, image pixels, or text columns)::

    words ──► lines (vertical overlap) ──► chunks (words split at wide gaps)
          ──► numeric rows ──► clusters of rows ──► columns (x-projection of the rows)
          ──► header lines above (multi-line cells joined, spanning group labels spread)
          ──► body rows (cells with spans into the page text) ──► Table

Nothing here raises on odd input: a cluster that does not make a sound table is dropped.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import add, attrgetter, sub
from typing import NamedTuple, cast

from oresight.model import Cell, Span, Table

__all__ = ["Found", "Geometry", "Word", "find_tables", "header_text", "is_numeric_cell"]


class Word(NamedTuple):
    """A word with its box (``top`` < ``bottom``: y grows downwards) and its offsets in the page text.

    A named tuple: the PDF reader makes a page's words in one C-level pass (``tuple.__new__``).
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Geometry:
    """How to read positions in one source's units.

    ``gap`` splits a line into chunks where the horizontal gap between words exceeds ``gap`` × line
    height (``gap_abs`` is added, for character grids). ``row_gap`` is the largest vertical gap,
    in line heights, between rows of one table; ``header_gap`` the same above the first row.
    """

    gap: float = 0.45
    gap_abs: float = 0.0
    row_gap: float = 3.0
    header_gap: float = 2.2
    title_gap: float = 3.5
    min_cols: int = 3


PDF = Geometry()
OCR = Geometry(gap=0.9)
TEXT = Geometry(gap=0.0, gap_abs=1.5, row_gap=2.0, header_gap=2.0, title_gap=2.0)


class _Chunk(NamedTuple):
    """Words of a line that stand close together: a cell, a header piece, or a run of prose."""

    words: list[Word]
    x0: float
    x1: float
    text: str
    numeric: bool  # one word that reads as a number
    filler: bool  # "-", "NSI", "n/a" and the like, standing for a value


class _Line:
    """Words of one line, left to right; chunks and the candidate test are worked out when first asked.

    Most lines of a page are prose that no table step ever looks at: splitting them into chunks
    would be wasted work, so a line that cannot be a candidate row (fewer words than columns, or
    fewer than two words with a digit) is only split if a step reads its chunks.
    """

    __slots__ = ("_candidate", "_chunks", "_text", "bottom", "geo", "top", "words")

    def __init__(self, words: list[Word], top: float, bottom: float, geo: Geometry) -> None:
        self.words = words
        self.top = top
        self.bottom = bottom
        self.geo = geo
        self._chunks: list[_Chunk] | None = None
        self._candidate: bool | None = None
        self._text: str | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(map(_TEXT, self.words))
        return self._text

    @property
    def chunks(self) -> list[_Chunk]:
        if self._chunks is None:
            self._chunks = _chunk(self.words, self.geo) or []
        return self._chunks

    @property
    def candidate(self) -> bool:
        """A numeric row: three or more chunks, two or more numeric, at least half numbers or fillers.

        No chunk may hold more than eight words: the split stops at the ninth word of a chunk.
        """
        if self._candidate is None:
            geo = self.geo
            ok = len(self.words) >= geo.min_cols and _TWO_DIGIT_WORDS.search(self.text) is not None
            if ok:
                if self._chunks is None:
                    self._chunks = _chunk(self.words, geo, most=8)
                ok = self._chunks is not None and _is_candidate(self._chunks, geo)
            self._candidate = ok
        return self._candidate


@dataclass(frozen=True, slots=True)
class Found:
    """A rebuilt table with what is needed to join it to a table continued on the next page."""

    table: Table
    columns: tuple[tuple[float, float], ...]
    headerless: bool
    top: float
    bottom: float


_NUMERIC = re.compile(
    r"[<>≤≥~±+\-−–]?\(?[$A-Z]?\$?\d[\d,]*(?:\.\d+)?\)?"
    r"(?:%|[*†‡#^]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[a-zA-Z]{1,3}(?:/[a-zA-Z]{1,2})?|\d)?"
)
_FILLER = frozenset(
    {"-", "–", "—", "--", "nsi", "n/a", "na", "nsr", "bdl", "nd", "ns", "nr", "…", "...", "tbc", "tba", "eoh"}
)
_BREAK = re.compile(
    r"^\s*(?:Table|Figure|Fig\.|Appendix|Notes?|Source|Footnotes?)\b[\s:.\d-]*", re.IGNORECASE
)
_TITLE = re.compile(r"^\s*(?:Table|Figure|Appendix)\s*[\dA-Z]", re.IGNORECASE)
_ID_LIKE = re.compile(r"^[A-Za-z]{1,6}[-_ ]?[A-Za-z]?\d{2,}[A-Za-z]?$")
# Group labels that say nothing a column's own header does not: dropped from per-column headers.
_GENERIC_GROUPS = frozenset(
    {
        "grade", "grades", "assay", "assays", "assay results", "intercept", "intercepts", "interval",
        "intervals", "significant intercept", "significant intercepts", "downhole intercept",
        "downhole intercepts", "downhole interval", "results", "analyses", "analysis", "width",
        "mineralised interval", "mineralised intercept",
    }
)


def header_text(groups: list[str], parts: list[str]) -> str:
    """One column's header: its group labels (generic ones such as "Grade" dropped), then its own lines.

    Repeated pieces (a cell spanning two header rows is seen twice) are kept once.
    """
    pieces: list[str] = []
    for g in groups:
        if g.lower().strip(" :") not in _GENERIC_GROUPS and g not in pieces:
            pieces.append(g)
    for p in parts:
        if not pieces or pieces[-1] != p:
            pieces.append(p)
    return " ".join(" ".join(pieces).split())


def is_numeric_cell(text: str) -> bool:
    return _NUMERIC.fullmatch(text) is not None


def _line_gap(upper: _Line, lower: _Line) -> float:
    return lower.top - upper.bottom


def _group_lines(words: Iterable[Word], geo: Geometry) -> list[_Line]:
    """Words into lines by vertical overlap with the line's first word, each line left to right.

    Overlap is judged against the first word's box, not the growing line box, so a superscript or a
    cell centred between two lines cannot chain two rows together.
    """
    # Sorted by (top + bottom, x0): two stable sorts, the second on the list of middles (made and
    # sorted by C code: no Python call per word).
    by_x = sorted(words, key=_X0)
    middles = list(map(add, map(_TOP, by_x), map(_BOTTOM, by_x)))
    ordered = list(map(by_x.__getitem__, sorted(range(len(by_x)), key=middles.__getitem__)))
    lines: list[_Line] = []
    cur: _Line | None = None
    cur_words: list[Word] = []
    core_top = core_bottom = cur_top = cur_bottom = 0.0
    for w in ordered:
        top = w.top
        bottom = w.bottom
        if cur is not None:
            # min() and max() spelled out (same results, NaN included): this loop sees every word.
            low = bottom if bottom < core_bottom else core_bottom
            high = top if top > core_top else core_top
            height = bottom - top
            core_height = core_bottom - core_top
            if low - high >= 0.5 * (core_height if core_height < height else height):
                cur_words.append(w)
                if top < cur_top:
                    cur_top = top
                if bottom > cur_bottom:
                    cur_bottom = bottom
                continue
            cur.top, cur.bottom = cur_top, cur_bottom
        cur_words = [w]
        cur = _Line(cur_words, top, bottom, geo)
        core_top = cur_top = top
        core_bottom = cur_bottom = bottom
        lines.append(cur)
    if cur is not None:
        cur.top, cur.bottom = cur_top, cur_bottom
    for line in lines:
        if len(line.words) > 1:
            line.words.sort(key=_X0)
    return lines


_X0 = attrgetter("x0")
_TOP = attrgetter("top")
_BOTTOM = attrgetter("bottom")
_TEXT = attrgetter("text")


# Two words holding a digit: a candidate row has them (its numeric chunks are single words).
# The match runs from a digit to the end of its word, over a space, then to a digit in a later word.
_TWO_DIGIT_WORDS = re.compile(r"\d\S*\s\D*\d")


def _chunk(words: list[Word], geo: Geometry, most: int = 1 << 30) -> list[_Chunk] | None:
    """A line's words split where the gap between two words is wide for the line's text height.

    With ``most``, None as soon as one chunk holds more than ``most`` words (a sentence: the line
    is no candidate row, and its chunks may never be needed).
    """
    first = words[0]
    if len(words) == 1:
        return [_make_chunk(words, first.x0, first.x1)]
    heights = sorted(map(sub, map(_BOTTOM, words), map(_TOP, words)))
    limit = geo.gap * heights[len(heights) // 2] + geo.gap_abs
    chunks: list[_Chunk] = []
    append = chunks.append
    new_chunk = _new_chunk
    numeric = _NUMERIC.fullmatch
    cur = [first]
    x0 = first.x0
    x1 = first.x1
    count = 1
    for w in itertools.islice(words, 1, None):
        wx0 = w.x0
        if wx0 - x1 <= limit:
            cur.append(w)
            wx1 = w.x1
            if wx1 > x1:
                x1 = wx1
            count += 1
            if count > most:
                return None
            continue
        if count == 1:  # a one-word chunk (most cells), made here: _make_chunk's work, inline
            text = cur[0].text
            num = numeric(text) is not None
            append(new_chunk((cur, x0, x1, text, num, not num and text.lower() in _FILLER)))
        else:
            append(_make_chunk(cur, x0, x1))
        cur = [w]
        x0 = wx0
        x1 = w.x1
        count = 1
    append(_make_chunk(cur, x0, x1))
    return chunks


def _make_chunk(words: list[Word], x0: float, x1: float) -> _Chunk:
    if len(words) == 1:
        text = words[0].text
        numeric = _NUMERIC.fullmatch(text) is not None
    else:
        text = " ".join(map(_TEXT, words))
        numeric = False  # a number is one word (_NUMERIC matches no space)
    return _new_chunk((words, x0, x1, text, numeric, not numeric and text.lower() in _FILLER))


# _Chunk(*fields), made in C.
_new_chunk = cast("Callable[[tuple[list[Word], float, float, str, bool, bool]], _Chunk]", partial(tuple.__new__, _Chunk))


def _is_candidate(chunks: list[_Chunk], geo: Geometry) -> bool:
    if len(chunks) < geo.min_cols:
        return False
    numeric = filler = 0
    for c in chunks:
        if len(c.words) > 8:
            return False
        numeric += c.numeric
        filler += c.filler
    return numeric >= 2 and (numeric + filler) * 2 >= len(chunks)


def _breaker(line: _Line) -> bool:
    """A line that cannot sit inside a table: a new header, prose, a footnote or a caption."""
    if len(line.chunks) >= 3 and not any(c.numeric or c.filler for c in line.chunks):
        return True
    if len(line.chunks) == 1 and len(line.words) >= 5:
        return True
    return _BREAK.match(line.text) is not None


def _clusters(lines: list[_Line], geo: Geometry) -> list[list[int]]:
    out: list[list[int]] = []
    cur: list[int] = []
    for i, line in enumerate(lines):
        if not line.candidate:
            continue
        if cur:
            j = cur[-1]
            h = max(lines[j].height, line.height)
            between = lines[j + 1 : i]
            joined = (
                len(between) <= 4
                and not any(_breaker(b) for b in between)
                and all(_line_gap(a, b) <= geo.row_gap * h for a, b in itertools.pairwise(lines[j : i + 1]))
            )
            if joined:
                cur.append(i)
                continue
            out.append(cur)
        cur = [i]
    if cur:
        out.append(cur)
    return out


def _columns(rows: Sequence[_Line]) -> list[tuple[float, float]]:
    counts = Counter(len(r.chunks) for r in rows)
    mode = max(counts, key=lambda k: (counts[k], k))
    spans = sorted((c.x0, c.x1) for r in rows if len(r.chunks) == mode for c in r.chunks)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    # Chunks of the other rows that stand in a gap between columns open a column of their own.
    for r in rows:
        if len(r.chunks) == mode:
            continue
        for c in r.chunks:
            if not any(_overlap(c.x0, c.x1, a, b) > 0 for a, b in cols):
                cols.append([c.x0, c.x1])
                cols.sort()
    return [(a, b) for a, b in cols]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _nearest(x0: float, x1: float, cols: Sequence[tuple[float, float]]) -> int:
    mid = (x0 + x1) / 2
    best = 0
    best_d = float("inf")
    for j, (a, b) in enumerate(cols):
        d = 0.0 if a <= mid <= b else min(abs(mid - a), abs(mid - b))
        if d < best_d:
            best, best_d = j, d
    return best


def _hits(
    x0: float, x1: float, cols: Sequence[tuple[float, float]], rights: Sequence[float] | None = None
) -> list[int]:
    """Columns a box overlaps by a meaningful share of the smaller of the two (columns sorted by x).

    ``rights`` (the columns' right edges, when they never decrease) lets the scan start at the
    first column that ends right of ``x0`` instead of at the first column.
    """
    out = []
    width = x1 - x0
    j = 0 if rights is None else bisect_right(rights, x0)
    n = len(cols)
    while j < n:
        a, b = cols[j]
        if b <= x0:
            j += 1
            continue
        if a >= x1:
            break
        ov = (x1 if x1 < b else b) - (x0 if x0 > a else a)
        if ov > 0 and ov >= 0.15 * (width if width < b - a else b - a):
            out.append(j)
        j += 1
    return out


def _rights(cols: Sequence[tuple[float, float]]) -> list[float] | None:
    """The columns' right edges if they never decrease (columns of _columns do), for _hits."""
    rights = [b for _, b in cols]
    if all(p <= q for p, q in itertools.pairwise(rights)):
        return rights
    return None


def _place(chunk: _Chunk, cols: Sequence[tuple[float, float]]) -> list[tuple[int, list[Word]]] | None:
    """Where a chunk's words go: one column, several (split at word level), or None if it spans."""
    hits = _hits(chunk.x0, chunk.x1, cols)
    if len(hits) <= 1:
        return [(hits[0] if hits else _nearest(chunk.x0, chunk.x1, cols), chunk.words)]
    placed: dict[int, list[Word]] = {}
    for w in chunk.words:
        wh = _hits(w.x0, w.x1, cols)
        if len(wh) > 1:
            return None
        placed.setdefault(wh[0] if wh else _nearest(w.x0, w.x1, cols), []).append(w)
    return sorted(placed.items())


def _header_columns(
    header_lines: list[_Line], cols: Sequence[tuple[float, float]], h: float
) -> tuple[list[list[str]], list[list[str]]]:
    """Each column's header pieces (top to bottom) and the group labels spanning it.

    A chunk over the values of several columns is split at word level or, if a word itself spans,
    taken as a group label. A chunk centred in the gap between the sub-headers of two columns below
    it (and aligned with neither) is a group label too ("Grade" over "Au g/t" and "Cu %"). Other
    chunks go to the nearest column, left to right, never two chunks of one line to one column.
    """
    n = len(cols)
    parts: list[list[str]] = [[] for _ in range(n)]
    groups: list[list[str]] = [[] for _ in range(n)]
    centres = [(a + b) / 2 for a, b in cols]
    tol = 0.3 * h
    for li, line in enumerate(header_lines):
        below = [c for lower in header_lines[li + 1 :] for c in lower.chunks]
        previous = -1
        for c in line.chunks:
            hits = _hits(c.x0, c.x1, cols)
            if len(hits) > 1:
                # Over sub-headers of two or more of its columns it is a group label; otherwise
                # it may be two headers printed close together, split at word level.
                under = {_nearest(b.x0, b.x1, cols) for b in below if hits[0] <= _nearest(b.x0, b.x1, cols)}
                placed = None if len(under & set(hits)) >= 2 else _place(c, cols)
                if placed is None:
                    hits = _widen(c, hits, below, cols, 0.5 * h)
                    for j in hits:
                        groups[j].append(c.text)
                    previous = hits[-1]
                else:
                    for j, ws in placed:
                        parts[j].append(" ".join(w.text for w in ws))
                    previous = placed[-1][0]
                continue
            span = _centred_over(c, below, cols, tol)
            if span is not None:
                for j in range(span[0], span[1] + 1):
                    groups[j].append(c.text)
                previous = span[1]
                continue
            if hits:
                j = hits[0]
            else:
                mid = (c.x0 + c.x1) / 2
                j = min(range(n), key=lambda k: abs(centres[k] - mid))
            if j <= previous < n - 1 and c.x0 > cols[previous][0]:
                j = previous + 1
            parts[j].append(c.text)
            previous = j
    return parts, groups


def _widen(
    c: _Chunk, hits: list[int], below: list[_Chunk], cols: Sequence[tuple[float, float]], tol: float
) -> list[int]:
    """A group label's columns, plus a neighbour whose sub-header starts (or ends) at the label's edge."""
    first, last = hits[0], hits[-1]
    for b in below:
        j = _nearest(b.x0, b.x1, cols)
        if j == last + 1 and b.x0 - c.x1 <= tol:
            last = j
        elif j == first - 1 and c.x0 - b.x1 <= tol:
            first = j
    return list(range(first, last + 1))


def _centred_over(
    c: _Chunk, below: list[_Chunk], cols: Sequence[tuple[float, float]], tol: float
) -> tuple[int, int] | None:
    """The columns (first, last) a label is centred over, judged by the sub-headers below it."""
    if len(below) < 2:
        return None
    mid = (c.x0 + c.x1) / 2
    left: _Chunk | None = None
    right: _Chunk | None = None
    for b in below:
        if abs(b.x0 - c.x0) <= tol or abs(b.x1 - c.x1) <= tol or b.x0 <= mid <= b.x1:
            return None  # aligned with, or standing over, one sub-header: it heads that column
        if b.x1 < mid and (left is None or b.x1 > left.x1):
            left = b
        if b.x0 > mid and (right is None or b.x0 < right.x0):
            right = b
    if left is None or right is None:
        return None
    extent = right.x1 - left.x0
    if c.x1 - c.x0 >= extent or abs(mid - (left.x0 + right.x1) / 2) > 0.25 * extent:
        return None
    first = _nearest(left.x0, left.x1, cols)
    last = _nearest(right.x0, right.x1, cols)
    if first >= last:
        return None
    for x0, x1 in cols:  # aligned with the values of one column: it heads that column
        if (abs(x0 - c.x0) <= tol or abs(x1 - c.x1) <= tol) and x0 <= mid <= x1:
            return None
    return first, last


_EMPTY = Cell("")


def _cell(words: list[Word], page: int) -> Cell:
    if not words:
        return _EMPTY
    if len(words) == 1:
        w = words[0]
        return Cell(w.text, Span(page, w.start, w.end))
    start = min(w.start for w in words)
    end = max(w.end for w in words)
    return Cell(" ".join(w.text for w in words), Span(page, start, end))


def _header_line_ok(line: _Line, cols: Sequence[tuple[float, float]], h: float) -> bool:
    # Header text may stand out of the values' extent (left-aligned "Depth (m)" over short numbers).
    width = cols[-1][1] - cols[0][0]
    left, right = cols[0][0] - max(2 * h, 0.05 * width), cols[-1][1] + max(4 * h, 0.15 * width)
    if line.candidate or _TITLE.match(line.text):
        return False
    for c in line.chunks:
        if c.x0 < left or c.x1 > right or len(c.words) > 6:
            return False
    if len(line.chunks) == 1:
        c = line.chunks[0]
        hits = _hits(c.x0, c.x1, cols)
        # One chunk reaching out of the first column is a caption or a sentence, not a header cell.
        if len(hits) > 1 and hits[0] == 0:
            return False
        first = cols[0]
        if hits == [0] and c.x0 < first[0] and c.x1 - first[1] > max(first[1] - first[0], 2 * h):
            return False
    return True


def _build(
    lines: list[_Line], cluster: list[int], geo: Geometry, page: int, floor: int
) -> tuple[Found, int] | None:
    rows_c = [lines[i] for i in cluster]
    cols = _columns(rows_c)
    if len(cols) < geo.min_cols:
        return None
    h = sorted(r.height for r in rows_c)[len(rows_c) // 2]
    first, last = cluster[0], cluster[-1]
    # Trailing rows without numbers ("KRC031  NSI") that still sit in the columns.
    while last + 1 < len(lines):
        nxt = lines[last + 1]
        if (
            len(nxt.chunks) >= 2
            and not _breaker(nxt)
            and _line_gap(lines[last], nxt) <= geo.row_gap * h
            and _hits(nxt.chunks[0].x0, nxt.chunks[0].x1, cols)[:1] == [0]
            and all(len(_hits(c.x0, c.x1, cols)) == 1 for c in nxt.chunks)
        ):
            last += 1
        else:
            break
    # Leading rows that hold an ID in the first column and no numbers are body rows too.
    while first - 1 > floor:
        prv = lines[first - 1]
        if (
            len(prv.chunks) >= 2
            and _ID_LIKE.match(prv.chunks[0].text)
            and _hits(prv.chunks[0].x0, prv.chunks[0].x1, cols)[:1] == [0]
            and _line_gap(prv, lines[first]) <= geo.row_gap * h
        ):
            first -= 1
        else:
            break

    # Header lines above the first body row, and the caption above them.
    header_lines: list[_Line] = []
    k = first - 1
    upper = lines[first]
    while k > floor and len(header_lines) < 6:
        cand = lines[k]
        if _line_gap(cand, upper) > geo.header_gap * h or not _header_line_ok(cand, cols, h):
            break
        header_lines.insert(0, cand)
        upper = cand
        k -= 1
    title = ""
    if k > floor:
        cand = lines[k]
        if _line_gap(cand, upper) <= geo.title_gap * h and (len(cand.chunks) == 1 or _TITLE.match(cand.text)):
            title = cand.text

    body: list[list[list[Word]]] = []
    rights = _rights(cols)
    n_cols = len(cols)
    for i in range(first, last + 1):
        line = lines[i]
        cells: list[list[Word]] = [[] for _ in cols]
        for c in line.chunks:
            x0, x1 = c.x0, c.x1
            if rights is not None:
                # The common case without _hits: the chunk overlaps one column only (the next one
                # starts at or after its end), by the share _hits asks for.
                j = bisect_right(rights, x0)
                if j < n_cols:
                    a, b = cols[j]
                    if a < x1 and (j + 1 == n_cols or cols[j + 1][0] >= x1):
                        ov = (x1 if x1 < b else b) - (x0 if x0 > a else a)
                        width = x1 - x0
                        if ov > 0 and ov >= 0.15 * (width if width < b - a else b - a):
                            cells[j].extend(c.words)
                            continue
            hits = _hits(x0, x1, cols, rights)
            if len(hits) == 1:  # the common case, as _place would place it
                cells[hits[0]].extend(c.words)
                continue
            placed = _place(c, cols)
            if placed is None:
                hits = _hits(c.x0, c.x1, cols)
                placed = [(hits[0], c.words)]
            for j, ws in placed:
                cells[j].extend(ws)
        continuation = (
            body
            and not line.candidate
            and not cells[0]
            and not any(c.numeric for c in line.chunks)
        )
        if continuation:
            for j, ws in enumerate(cells):
                body[-1][j].extend(ws)
        else:
            body.append(cells)
    parts, groups = _header_columns(header_lines, cols, h)
    header = [header_text(groups[j], parts[j]) for j in range(len(cols))]
    if not body or (len(body) < 2 and not any(header)):
        return None
    keep = [j for j in range(len(cols)) if header[j] or any(r[j] for r in body)]
    if len(keep) < geo.min_cols:
        return None
    rows: list[tuple[Cell, ...]] = []
    for r in body:
        row: list[Cell] = []
        for j in keep:
            ws = r[j]
            if not ws:
                row.append(_EMPTY)
            elif len(ws) == 1:
                w = ws[0]
                row.append(Cell(w.text, Span(page, w.start, w.end)))
            else:
                row.append(_cell(ws, page))
        rows.append(tuple(row))
    table = Table(page=page, header=tuple(header[j] for j in keep), rows=tuple(rows), title=title)
    top = (header_lines[0] if header_lines else lines[first]).top
    found = Found(table, tuple(cols[j] for j in keep), not any(header), top, lines[last].bottom)
    return found, last


def find_tables(words: Iterable[Word], page: int, geo: Geometry = PDF) -> list[Found]:
    """Tables on one page, top to bottom."""
    lines = _group_lines(words, geo)
    if not lines:
        return []
    found: list[Found] = []
    floor = -1
    for cluster in _clusters(lines, geo):
        if cluster[0] <= floor:
            continue
        built = _build(lines, cluster, geo, page, floor)
        if built is not None:
            found.append(built[0])
            floor = built[1]
    return found
