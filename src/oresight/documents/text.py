"""Plain text and Markdown: decoding, YAML front matter, pages at form feeds, tables.

The stored page text is the input with line ends normalised to ``\\n`` and the front matter block
removed; all spans index that stored text. Tables come from Markdown pipe tables and from
whitespace-aligned columns (two or more spaces between cells, numeric rows), the latter rebuilt by
the same layout code as PDF tables, with character columns as x and line numbers as y.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from oresight.documents._common import Clock, Limits, check_pages, decode, looks_binary, one_line, sha256
from oresight.documents._layout import TEXT as TEXT_GEOMETRY
from oresight.documents._layout import Word, find_tables, header_text
from oresight.exceptions import CorruptDocument
from oresight.model import Cell, Document, DocumentKind, Page, Span, Table

__all__ = ["find_text_tables", "read_text_bytes", "read_text_str"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MARKDOWN_SIGNS = re.compile(
    r"^(?:#{1,6}[ \t]+\S|\s*\|?\s*:?-{3,}:?\s*\|)|\[[^\]\n]+\]\((?:https?://|/)[^)\s]+\)|^\s*[*-][ \t]+\*\*",
    re.MULTILINE,
)


def read_text_bytes(data: bytes, name: str, limits: Limits, clock: Clock, markdown: bool) -> Document:
    text = decode(data, name)
    return _read(text, name, limits, markdown, raw=data)


def read_text_str(text: str, name: str, limits: Limits, clock: Clock, markdown: bool | None) -> Document:
    return _read(text, name, limits, markdown, raw=None)


def _read(text: str, name: str, limits: Limits, markdown: bool | None, raw: bytes | None) -> Document:
    text = _SURROGATE.sub("\ufffd", text)
    if raw is None:
        raw = text.encode("utf-8")
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorruptDocument(f"{name}: the text is empty")
    if looks_binary(text):
        raise CorruptDocument(f"{name}: holds binary data, not text")

    metadata: list[tuple[str, str]] = []
    m = _FRONT_MATTER.match(text)
    if m:
        front = _front_matter(m.group(0))
        if front is not None:
            metadata = front
            text = text[m.end() :]
    if markdown is None:
        markdown = bool(metadata) or _MARKDOWN_SIGNS.search(text[:200_000]) is not None
    kind: DocumentKind = "markdown" if markdown else "text"

    chunks = text.split("\f")
    check_pages(name, len(chunks), limits)
    pages = tuple(Page(i + 1, t, tuple(find_text_tables(t, i + 1))) for i, t in enumerate(chunks))
    return Document(
        kind=kind,
        pages=pages,
        sha256=sha256(raw),
        title=_title(dict((k.lower(), v) for k, v in metadata), pages, markdown),
        source=name,
        metadata=tuple(metadata),
        size_bytes=len(raw),
    )


def _front_matter(block: str) -> list[tuple[str, str]] | None:
    """Front matter keys and values as strings; None when the block is not a YAML mapping."""
    import frontmatter

    try:
        post = frontmatter.loads(block + "\n")
    except Exception:  # invalid YAML: the block stays in the text
        return None
    meta = post.metadata
    if not isinstance(meta, dict) or not meta:
        return None
    return [(str(k), _plain(v)) for k, v in meta.items() if v is not None]


def _plain(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return one_line(str(value), 2000)


def _title(meta: dict[str, str], pages: tuple[Page, ...], markdown: bool) -> str:
    if meta.get("title"):
        return one_line(meta["title"])
    for page in pages:
        if markdown:
            h = re.search(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", page.text, re.MULTILINE)
            if h:
                return one_line(h.group(1))
        for line in page.text.split("\n"):
            if line.strip():
                return one_line(line.strip().lstrip("#").strip())
    return ""


# ---------------------------------------------------------------------------------------------
# Tables in text


_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")
_RULE = re.compile(r"^[\s\-=_+|:~*]{3,}$")
_SPACED = re.compile(r"\S(?: {2,}|\t)+(?=\S)")


def find_text_tables(text: str, page: int) -> list[Table]:
    """Markdown pipe tables and whitespace-aligned tables of one page of text, top to bottom."""
    lines: list[tuple[int, str]] = []  # (offset, line)
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[tuple[int, Table]] = []
    used: set[int] = set()
    if "|" in text:
        for first, last, table in _pipe_tables(text, lines, page):
            tables.append((first, table))
            used.update(range(first, last + 1))
    tables.extend(_aligned_tables(lines, used, page))
    tables.sort(key=lambda t: t[0])
    return [t for _, t in tables]


def _split_pipes(offset: int, line: str) -> list[tuple[int, int]]:
    """Cell (start, end) offsets of a pipe-table row, cell text stripped of padding."""
    cells: list[tuple[int, int]] = []
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    stripped = line.strip()
    edges = [-1, *bounds, len(line)]
    pieces = list(itertools.pairwise(edges))
    if stripped.startswith("|"):
        pieces = pieces[1:]
    if stripped.endswith("|") and len(stripped) > 1:
        pieces = pieces[:-1]
    for a, b in pieces:
        s, e = a + 1, b
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        cells.append((offset + s, offset + e))
    return cells


def _pipe_tables(text: str, lines: list[tuple[int, str]], page: int) -> list[tuple[int, int, Table]]:
    """Markdown pipe tables: a row with pipes, a separator row, then rows with pipes."""
    out: list[tuple[int, int, Table]] = []
    i = 0
    while i + 1 < len(lines):
        off, line = lines[i]
        if "|" not in line or not _PIPE_SEPARATOR.match(lines[i + 1][1]):
            i += 1
            continue
        head = _split_pipes(off, line)
        width = len(head)
        body: list[list[tuple[int, int]]] = []
        j = i + 2
        while j < len(lines) and "|" in lines[j][1] and lines[j][1].strip():
            body.append(_split_pipes(*lines[j]))
            j += 1
        header = tuple(header_text([], [text[s:e]]) for s, e in head)
        rows = tuple(
            tuple(Cell(text[s:e], Span(page, s, e)) for s, e in r[:width]) + (Cell(""),) * (width - len(r))
            for r in body
        )
        title = ""
        k = i - 1
        while k >= 0 and i - k <= 2 and not lines[k][1].strip():
            k -= 1
        if k >= 0 and i - k <= 2 and "|" not in lines[k][1]:
            title = one_line(lines[k][1].strip().lstrip("#").strip().strip("*_").strip())
        if width >= 2:
            out.append((i, j - 1, Table(page=page, header=header, rows=rows, title=title)))
        i = j
    return out


def _aligned_tables(lines: list[tuple[int, str]], used: set[int], page: int) -> list[tuple[int, Table]]:
    """Whitespace-aligned tables: only the neighbourhood of lines with spaced-out numbers is laid out."""
    window: set[int] = set()
    for i, (_, line) in enumerate(lines):
        if i in used or not any(ch.isdigit() for ch in line):
            continue
        if len(_SPACED.findall(line)) >= 2:
            window.update(range(max(0, i - 8), min(len(lines), i + 4)))
    if not window:
        return []
    words: list[Word] = []
    for i in sorted(window - used):
        off, line = lines[i]
        if not line.strip() or _RULE.match(line):
            continue
        tabbed = "\t" in line
        for m in re.finditer(r"\S+", line):
            s, e = m.span()
            col = len(line[:s].expandtabs(8)) if tabbed else s
            x0 = float(col)
            words.append(Word(m.group(), x0, x0 + e - s, float(i), float(i + 1), off + s, off + e))
    found = find_tables(words, page, TEXT_GEOMETRY)
    return [(int(f.top), f.table) for f in found]
