"""Document intake: format detection, errors, text, Markdown and HTML (PDF in test_documents_pdf.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oresight.documents import Limits, read_bytes, read_path, read_text, sniff
from oresight.exceptions import BadInput, CorruptDocument, DocumentTooLarge, UnsupportedFormat
from oresight.model import Document


def assert_spans(doc: Document) -> int:
    """Every cell with a span points at its own text in its page; returns the number of cells checked."""
    checked = 0
    for page in doc.pages:
        for table in page.tables:
            assert table.page == page.number
            for row in table.rows:
                assert len(row) == len(table.header)
                for cell in row:
                    if cell.span is None:
                        assert cell.text == "" or doc.kind == "pdf"
                        continue
                    assert cell.span.page == page.number
                    got = page.text[cell.span.start : cell.span.end]
                    assert " ".join(got.split()) == cell.text, (cell, got)
                    checked += 1
    return checked


def assert_one_line(err: BadInput, name: str) -> None:
    msg = str(err)
    assert "\n" not in msg
    assert name in msg


# --- format detection and errors -------------------------------------------------------------


def test_sniff() -> None:
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == "html"
    assert sniff(b"<!-- saved --><html><body>x") == "html"
    assert sniff(b"Hole ID  From  To") == "text"
    assert sniff(b"\x89PNG\r\n\x1a\n") == "a PNG image"


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "empty.pdf", CorruptDocument),
        (b"   \n\t ", "blank.txt", CorruptDocument),
        (b"<html><body>Terms of use</body></html>", "announcement.pdf", CorruptDocument),
        (b"just some words", "announcement.pdf", CorruptDocument),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "scan.png", UnsupportedFormat),
        (b"PK\x03\x04" + b"\x00" * 200, "report.docx", UnsupportedFormat),
        (b"binary \x00\x01\x02\x03 junk" * 50, "notes.txt", CorruptDocument),
        (bytes(range(256)) * 20, "blob.dat", UnsupportedFormat),
        (b"%PDF-1.4\n1 0 obj garbage", "broken.pdf", CorruptDocument),
    ],
)
def test_bad_input_raises_one_line_bad_input(data: bytes, name: str, error: type[BadInput]) -> None:
    with pytest.raises(error) as info:
        read_bytes(data, name)
    assert_one_line(info.value, name)


def test_size_limit_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x y z\n" * 1000)
    with pytest.raises(DocumentTooLarge) as info:
        read_path(path, Limits(max_bytes=100))
    assert_one_line(info.value, "big.txt")
    with pytest.raises(DocumentTooLarge):
        read_bytes(b"x" * 101, "big.txt", Limits(max_bytes=100))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CorruptDocument) as info:
        read_path(tmp_path / "nope.pdf")
    assert_one_line(info.value, "nope.pdf")
    with pytest.raises(UnsupportedFormat):
        read_path(tmp_path)


def test_page_limit_on_form_feed_pages() -> None:
    with pytest.raises(DocumentTooLarge):
        read_bytes(b"a\fb\fc\fd", "pages.txt", Limits(max_pages=3))


def test_format_from_url_like_name_and_pdf_magic_wins() -> None:
    doc = read_bytes(b"<p>Hello <b>world</b></p>", "https://example.com/a/release.html?x=1#top")
    assert doc.kind == "html"
    assert doc.pages[0].text == "Hello world"
    doc = read_bytes(b"No suffix here, just text.", "upload")
    assert doc.kind == "text"


# --- text ----------------------------------------------------------------------------------


def test_plain_text_pages_hash_and_title() -> None:
    raw = b"Kestrel Gold Limited\r\nDrilling update\r\n\fPage two text\r\n"
    doc = read_bytes(raw, "update.txt")
    assert doc.kind == "text"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.size_bytes == len(raw)
    assert doc.title == "Kestrel Gold Limited"
    assert [p.text for p in doc.pages] == ["Kestrel Gold Limited\nDrilling update\n", "Page two text\n"]
    assert [p.number for p in doc.pages] == [1, 2]


def test_text_decoding_fallbacks() -> None:
    french = "Résultats de forage à Falcon: 13 m à 3,95 g/t Au. Teneur élevée près de la surface."
    latin = french.encode("cp1252")
    doc = read_bytes(latin, "fr.txt")
    assert "Résultats" in doc.pages[0].text
    utf16 = "Hole KRC001 returned 13 m @ 3.95 g/t Au".encode("utf-16")
    assert read_bytes(utf16, "w.txt").pages[0].text.startswith("Hole KRC001")
    assert read_bytes("\ufeffBOM text".encode(), "bom.txt").pages[0].text == "BOM text"


MARKDOWN = """---
title: Falcon drilling results
date: 2024-03-12
ticker: KGL
tags: [gold, drilling]
---
# Falcon drilling results

Kestrel reports 13 m @ 3.95 g/t Au from 35 m.

**Table 1: Significant intercepts**

| Hole ID | From (m) | To (m) | Au (g/t) |
|---------|---------:|-------:|---------:|
| KRC001  | 35       | 48     | 3.95     |
| KRC002  | 12       | 15     | 1.20 |   |
| KRC003  | NSI |

Source: Kestrel Gold
View original content: https://example.com/news/falcon
"""


def test_markdown_front_matter_and_pipe_table() -> None:
    doc = read_bytes(MARKDOWN.encode(), "falcon.md")
    assert doc.kind == "markdown"
    assert doc.title == "Falcon drilling results"
    assert doc.meta("ticker") == "KGL"
    assert doc.meta("date") == "2024-03-12"
    assert doc.meta("tags") == "gold, drilling"
    text = doc.pages[0].text
    assert text.startswith("# Falcon drilling results")
    assert "ticker:" not in text
    (table,) = doc.pages[0].tables
    assert table.title == "Table 1: Significant intercepts"
    assert table.header == ("Hole ID", "From (m)", "To (m)", "Au (g/t)")
    assert [c.text for c in table.rows[0]] == ["KRC001", "35", "48", "3.95"]
    assert [c.text for c in table.rows[1]] == ["KRC002", "12", "15", "1.20"]
    assert [c.text for c in table.rows[2]] == ["KRC003", "NSI", "", ""]
    assert assert_spans(doc) == 10
    # Stdin text that looks like Markdown is read as Markdown too.
    assert read_text(MARKDOWN).kind == "markdown"
    assert read_text(MARKDOWN).meta("title") == "Falcon drilling results"


def test_invalid_front_matter_stays_in_text() -> None:
    doc = read_text("---\n: : [unclosed\n---\nBody text here.\n")
    assert doc.metadata == ()
    assert doc.pages[0].text.startswith("---")


ALIGNED = """Kestrel Gold Limited - Falcon drilling

Table 1: Significant intercepts
Hole ID      From     To    Interval     Au
              (m)    (m)         (m)   (g/t)
-------    -----  -----    --------   -----
KRC001      35.0   48.0        13.0    3.95
  including 40.0   44.0         4.0    9.12
KRC002      12.0   15.0         3.0    1.20
KRC003       NSI
KRC004     101.0  127.0        26.0    2.41

Notes: intervals are downhole widths, 0.5 g/t Au cut-off, up to 2 m internal dilution.
"""


def test_whitespace_aligned_text_table() -> None:
    doc = read_text(ALIGNED, "wire.txt")
    (table,) = doc.pages[0].tables
    assert table.title == "Table 1: Significant intercepts"
    assert table.header == ("Hole ID", "From (m)", "To (m)", "Interval (m)", "Au (g/t)")
    assert [[c.text for c in r] for r in table.rows] == [
        ["KRC001", "35.0", "48.0", "13.0", "3.95"],
        ["including", "40.0", "44.0", "4.0", "9.12"],
        ["KRC002", "12.0", "15.0", "3.0", "1.20"],
        ["KRC003", "NSI", "", "", ""],
        ["KRC004", "101.0", "127.0", "26.0", "2.41"],
    ]
    assert assert_spans(doc) == 22


def test_prose_is_not_a_table() -> None:
    prose = (
        "The company drilled 25 holes for 3,450 m in 2024.  Results include 13 m @ 3.95 g/t Au.\n"
        "A further 12 holes  are planned  for 2025 at a cost of $1.2 million.\n"
    ) * 5
    assert read_text(prose).pages[0].tables == ()


def test_tab_separated_table() -> None:
    text = "Hole\tFrom\tTo\tAu g/t\nA1\t1.0\t2.0\t3.5\nA2\t4.0\t6.0\t0.8\n"
    doc = read_text(text)
    (table,) = doc.pages[0].tables
    assert table.header == ("Hole", "From", "To", "Au g/t")
    assert [c.text for c in table.rows[1]] == ["A2", "4.0", "6.0", "0.8"]
    assert_spans(doc)


def test_read_text_rejects_binaryish_and_empty() -> None:
    with pytest.raises(CorruptDocument):
        read_text("")
    with pytest.raises(CorruptDocument):
        read_text("\x00\x01\x02\x03\x04" * 20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_read_text_never_raises_anything_but_bad_input(text: str) -> None:
    try:
        doc = read_text(text)
    except BadInput:
        return
    assert doc.pages
    assert_spans(doc)


_cell = st.one_of(
    st.from_regex(r"[A-Z]{2,3}[0-9]{3}", fullmatch=True),
    st.decimals(min_value=0, max_value=9999, places=2).map(str),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_cell, min_size=4, max_size=4), min_size=2, max_size=8), st.integers(2, 6))
def test_generated_aligned_tables_keep_their_cells(rows: list[list[str]], pad: int) -> None:
    widths = [max(len(r[k]) for r in rows) + pad for k in range(4)]
    head = ("Hole", "From", "To", "Au")
    lines = [head[0].ljust(widths[0]) + "".join(head[k].rjust(widths[k]) for k in (1, 2, 3))]
    for r in rows:
        lines.append(r[0].ljust(widths[0]) + "".join(r[k].rjust(widths[k]) for k in (1, 2, 3)))
    doc = read_text("Results\n\n" + "\n".join(lines) + "\n")
    tables = doc.pages[0].tables
    numeric_rows = [r for r in rows if sum(c[0].isdigit() for c in r) >= 2]
    if len(numeric_rows) == len(rows):
        (table,) = tables
        assert [[c.text for c in r] for r in table.rows] == rows
    assert_spans(doc)


# --- HTML ----------------------------------------------------------------------------------

HTML = b"""<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Falcon drilling | Kestrel Gold</title>
<meta name="description" content="High grade gold at Falcon"><meta property="og:title" content="Falcon">
<script>var secret = "SCRIPT-CONTENT";</script><style>.x{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/about">NAV-LINK</a></nav>
<article><h1>High-grade gold at Falcon</h1>
<p>Kestrel Gold Limited (ASX: KGL) reports <b>13 m @ 3.95 g/t Au</b> from 35 m.<br>Second line.</p>
<ul><li>First point</li><li>Second point</li></ul>
<table><caption>Table 1: Significant intercepts</caption>
<thead><tr><th rowspan="2">Hole ID</th><th rowspan="2">From (m)</th><th rowspan="2">To (m)</th>
<th colspan="2">Grade</th></tr>
<tr><th>Au g/t</th><th>Cu %</th></tr></thead>
<tbody><tr><td>KRC001</td><td>35</td><td>48</td><td>3.95</td><td>0.12</td></tr>
<tr><td>KRC002</td><td colspan="4">No significant intercept</td></tr>
<tr><td rowspan="2">KRC003</td><td>10</td><td>12</td><td>1.1</td><td>0.3</td></tr>
<tr><td>20</td><td>25</td><td>2.2</td><td>0.4</td></tr></tbody></table>
<p>Caf\xe9 \x96 end.</p><script>alert("SCRIPT-TWO")</script><noscript>NOSCRIPT-TEXT</noscript>
<template><p>TEMPLATE-TEXT</p></template></article>
<footer>FOOTER-TEXT Copyright 2024</footer></body></html>"""


def test_html_text_table_and_chrome() -> None:
    doc = read_bytes(HTML, "falcon.html")
    assert doc.kind == "html"
    assert doc.title == "Falcon drilling | Kestrel Gold"
    assert doc.meta("description") == "High grade gold at Falcon"
    (page,) = doc.pages
    text = page.text
    chrome = ("SCRIPT-CONTENT", "SCRIPT-TWO", "NOSCRIPT-TEXT", "TEMPLATE-TEXT", "NAV-LINK", "FOOTER-TEXT")
    for junk in (*chrome, "color:"):
        assert junk not in text
    assert "reports 13 m @ 3.95 g/t Au from 35 m.\nSecond line." in text
    assert "First point\nSecond point" in text
    assert "Café – end." in text  # windows-1252 from <meta charset>
    assert "KRC001 | 35 | 48 | 3.95 | 0.12" in text
    (table,) = page.tables
    assert table.title == "Table 1: Significant intercepts"
    assert table.header == ("Hole ID", "From (m)", "To (m)", "Au g/t", "Cu %")
    rows = [[c.text for c in r] for r in table.rows]
    assert rows == [
        ["KRC001", "35", "48", "3.95", "0.12"],
        ["KRC002", "No significant intercept", "", "", ""],
        ["KRC003", "10", "12", "1.1", "0.3"],
        ["KRC003", "20", "25", "2.2", "0.4"],  # row-spanning hole ID repeated
    ]
    assert assert_spans(doc) == 17


def test_html_without_header_markup_uses_first_row_and_h1_title() -> None:
    html = b"""<html><body><h1>Drill results</h1><table>
    <tr><td>Hole</td><td>Width (m)</td><td>Li2O %</td></tr>
    <tr><td>LDD01</td><td>24.0</td><td>1.45</td></tr></table></body></html>"""
    doc = read_bytes(html, "x.htm")
    assert doc.title == "Drill results"
    (table,) = doc.pages[0].tables
    assert table.header == ("Hole", "Width (m)", "Li2O %")
    assert [c.text for c in table.rows[0]] == ["LDD01", "24.0", "1.45"]
    assert_spans(doc)


def test_html_layout_table_is_not_a_data_table_and_deep_nesting_is_fine() -> None:
    html = (
        b"<html><body><table><tr><td>Menu</td><td><table><tr><th>Hole</th><th>Au</th></tr>"
        b"<tr><td>A1</td><td>5.2</td></tr></table></td></tr></table></body></html>"
    )
    doc = read_bytes(html, "layout.html")
    (table,) = doc.pages[0].tables
    assert table.header == ("Hole", "Au")
    deep = b"<html><body>" + b"<div>" * 20000 + b"deep text" + b"</div>" * 20000 + b"</body></html>"
    assert "deep text" in read_bytes(deep, "deep.html").pages[0].text
