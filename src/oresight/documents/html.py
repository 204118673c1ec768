"""HTML pages (selectolax / Lexbor): readable text with block line breaks, and ``<table>`` → Table.

Scripts, styles, templates, navigation and page-level footers are dropped. Each block element
starts a line; a table row is one line with its cells joined by `` | ``, and each cell of the
resulting Table has the span of its text in that line. The whole page is page 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oresight.documents._common import Clock, Limits, decode, one_line, sha256
from oresight.documents._layout import header_text, is_numeric_cell
from oresight.documents.text import find_text_tables
from oresight.exceptions import CorruptDocument, DocumentTooLarge
from oresight.model import Cell, Document, Page, Span, Table

__all__ = ["CELL_SEPARATOR", "read_html"]

CELL_SEPARATOR = " | "

_DROP = (
    "script, style, noscript, template, svg, math, iframe, object, embed, canvas, select, button, "
    "nav, [role=navigation], [hidden], [aria-hidden=true]"
)
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "details", "dialog", "dd", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "caption", "ul",
    }
)
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "blockquote"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WS = re.compile(r"\s+")
_MAX_SPAN = 1000  # colspan / rowspan beyond this are hostile or broken
_MAX_TAGS = 60_000  # a long real announcement page has a few thousand; 50,000 nested tags parse in ~5 s


def read_html(data: bytes, name: str, limits: Limits, clock: Clock) -> Document:
    m = _META_CHARSET.search(data[:4096])
    text = decode(data, name, m.group(1).decode("ascii", "replace") if m else None)
    if "\x00" in text:
        text = text.replace("\x00", "")
    tags = text.count("<")
    if tags > _MAX_TAGS:
        # the parser slows with depth (a 2 MB file of nested <div>s takes minutes): no announcement needs this
        raise DocumentTooLarge(f"{name}: too much markup ({tags:,} tags; the limit is {_MAX_TAGS:,})")
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    if root is None:
        raise CorruptDocument(f"{name}: no HTML content")
    metadata, title = _head(tree)
    for node in tree.css(_DROP):
        node.decompose()
    for node in tree.css("footer"):
        if not _inside(node, ("article", "main")):
            node.decompose()
    clock.check()
    out = _Out()
    _walk(root, out, clock)
    page_text = out.text()
    tables = [_finish(t, page_text) for t in out.tables]
    tables.extend(find_text_tables(page_text, 1))
    if not title:
        h1 = tree.css_first("h1")
        title = one_line(h1.text(separator=" ")) if h1 is not None else ""
    if not title:
        title = next((one_line(line) for line in page_text.split("\n") if line.strip()), "")
    return Document(
        kind="html",
        pages=(Page(1, page_text, tuple(t for t in tables if t is not None)),),
        sha256=sha256(data),
        title=title,
        source=name,
        metadata=tuple(metadata),
        size_bytes=len(data),
    )


def _head(tree: LexborHTMLParser) -> tuple[list[tuple[str, str]], str]:
    metadata: list[tuple[str, str]] = []
    title_node = tree.css_first("title")
    title = one_line(title_node.text()) if title_node is not None else ""
    if title:
        metadata.append(("title", title))
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or attrs.get("http-equiv")
        value = attrs.get("content")
        if key and value and value.strip():
            metadata.append((key.strip(), one_line(value, 2000)))
    return metadata, title


def _inside(node: LexborNode, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


@dataclass
class _RawTable:
    caption: str
    rows: list[list[tuple[str, int, int, int, int, bool]]]  # (text, start, end, colspan, rowspan, th)
    head_rows: int


@dataclass
class _Out:
    """The page text being written, with whitespace collapsed the way a browser would."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    tables: list[_RawTable] = field(default_factory=list)

    def last(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def write(self, s: str, pre: bool = False) -> tuple[int, int]:
        """Write text; returns the (start, end) of what was written, trimmed of spaces."""
        if not pre:
            s = _WS.sub(" ", s)
            if self.last() in " \n":
                s = s.lstrip(" ")
        if not s:
            return self.size, self.size
        lead = len(s) - len(s.lstrip())
        trail = len(s.rstrip())
        start = self.size + lead
        self.parts.append(s)
        self.size += len(s)
        return start, self.size - len(s) + trail

    def newline(self, blank: bool = False) -> None:
        # Trailing spaces before a line end go (they come after any recorded span).
        while self.parts and self.parts[-1].endswith(" "):
            last = self.parts.pop()
            self.size -= len(last)
            last = last.rstrip(" ")
            if last:
                self.parts.append(last)
                self.size += len(last)
        if not self.parts:
            return
        tail = self.parts[-1][-2:] if len(self.parts[-1]) >= 2 else self.parts[-1]
        want = "\n\n" if blank else "\n"
        if tail.endswith(want) or (not blank and tail.endswith("\n")):
            return
        add = "\n" if tail.endswith("\n") else want
        self.parts.append(add)
        self.size += len(add)

    def text(self) -> str:
        return "".join(self.parts).rstrip()


def _walk(root: LexborNode, out: _Out, clock: Clock) -> None:
    """Depth-first walk without recursion (hostile pages nest thousands of levels)."""
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    pre = 0
    steps = 0
    while stack:
        node, entering = stack.pop()
        steps += 1
        if steps % 5000 == 0:
            clock.check()
        if node.is_text_node:
            out.write(node.text_content or "", pre=pre > 0)
            continue
        tag = node.tag or ""
        if not entering:
            if tag == "pre":
                pre -= 1
            if tag in _BLOCK:
                out.newline(blank=tag in _PARAGRAPH)
            continue
        if tag.startswith("-") or tag.startswith("!"):
            continue  # comments, doctype
        if tag == "br":
            out.newline()
            continue
        if tag == "table" and len(node.css("table")) == 1:  # css() includes the node itself
            out.newline(blank=True)
            _table(node, out)
            out.newline(blank=True)
            continue
        if tag in ("td", "th"):
            out.write(CELL_SEPARATOR if out.last() not in "\n" else "")
        if tag in _BLOCK:
            out.newline()
        if tag == "pre":
            pre += 1
        stack.append((node, False))
        children = list(node.iter(include_text=True))
        stack.extend((c, True) for c in reversed(children))


def _cell_text(node: LexborNode) -> str:
    return " ".join(node.text(deep=True, separator=" ").split())


def _span_attr(node: LexborNode, key: str) -> int:
    value = node.attributes.get(key) or "1"
    try:
        return max(1, min(int(value.strip().split()[0]), _MAX_SPAN))
    except (ValueError, IndexError):
        return 1


def _table(table: LexborNode, out: _Out) -> None:
    """A data table: each row one line, cells joined by the separator, spans recorded."""
    caption_node = table.css_first("caption")
    caption = _cell_text(caption_node) if caption_node is not None else ""
    if caption:
        out.write(caption)
        out.newline()
    rows: list[list[tuple[str, int, int, int, int, bool]]] = []
    head_rows = 0
    leading_th = True
    for tr in table.css("tr"):
        cells: list[tuple[str, int, int, int, int, bool]] = []
        for td in tr.iter():
            if td.tag not in ("td", "th"):
                continue
            if cells:
                out.write(CELL_SEPARATOR)
            text = _cell_text(td)
            start, end = out.write(text) if text else (out.size, out.size)
            spans = _span_attr(td, "colspan"), _span_attr(td, "rowspan")
            cells.append((text, start, end, *spans, td.tag == "th"))
        out.newline()
        if not cells:
            continue
        parent = tr.parent
        in_head = parent is not None and parent.tag == "thead"
        all_th = all(c[5] for c in cells)
        if leading_th and (in_head or all_th):
            head_rows += 1
        else:
            leading_th = False
        rows.append(cells)
    out.tables.append(_RawTable(caption, rows, head_rows))


def _grid(rows: list[list[tuple[str, int, int, int, int, bool]]]) -> list[list[tuple[Cell, bool]]]:
    """Rows with colspan and rowspan expanded: (cell, holds the value) per grid position.

    A column-spanning cell holds its value in its first column only; a row-spanning one in every row.
    """
    grid: list[list[tuple[Cell, bool]]] = []
    pending: dict[int, tuple[Cell, int, bool]] = {}  # column -> (cell, rows still to fill, first column)
    for row in rows:
        line: list[tuple[Cell, bool]] = []
        queue = list(row)
        col = 0
        while queue or col in pending:
            if col in pending:
                cell, left, first = pending.pop(col)
                line.append((cell, first))  # a row-spanning value is repeated in each row it spans
                if left > 1:
                    pending[col] = (cell, left - 1, first)
                col += 1
                continue
            text, start, end, colspan, rowspan, _th = queue.pop(0)
            cell = Cell(text, Span(1, start, end)) if text else Cell("")
            for k in range(colspan):
                line.append((cell, k == 0))
                if rowspan > 1:
                    pending[col] = (cell, rowspan - 1, k == 0)
                col += 1
        grid.append(line)
    return grid


def _finish(raw: _RawTable, page_text: str) -> Table | None:
    if not raw.rows:
        return None
    grid = _grid(raw.rows)
    width = max(len(r) for r in grid)
    if width < 2:
        return None
    head_rows = raw.head_rows
    if head_rows == 0:
        first = [c for c, _ in grid[0] if c.text]
        numeric = sum(is_numeric_cell(c.text) for c in first)
        head_rows = 1 if len(grid) > 1 and numeric * 2 < max(len(first), 1) else 0
    header: list[str] = []
    for j in range(width):
        groups: list[str] = []
        parts: list[str] = []
        for r in grid[:head_rows]:
            if j >= len(r) or not r[j][0].text:
                continue
            cell, _first = r[j]
            spans_several = sum(1 for c, _ in r if c is cell) > 1
            (groups if spans_several else parts).append(cell.text)
        header.append(header_text(groups, parts))
    body: list[tuple[Cell, ...]] = []
    for r in grid[head_rows:]:
        cells = [c if first else Cell("") for c, first in r[:width]]
        cells.extend(Cell("") for _ in range(width - len(cells)))
        body.append(tuple(_checked(c, page_text) for c in cells))
    if not body and not any(header):
        return None
    return Table(page=1, header=tuple(header), rows=tuple(body), title=raw.caption)


def _checked(cell: Cell, page_text: str) -> Cell:
    """Keep a span only if it still points at the cell's text (it always should)."""
    span = cell.span
    if span is not None and page_text[span.start : span.end] != cell.text:
        return Cell(cell.text)
    return cell
