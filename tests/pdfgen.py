"""Builds small announcement-like PDFs with reportlab for the document tests and measurements.

Nothing here touches the network; every PDF is made on the fly into a path the caller gives.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

_SS = getSampleStyleSheet()
BODY = _SS["BodyText"]
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7.5, leading=9)
H1 = _SS["Heading1"]
H2 = _SS["Heading2"]
NOTE = ParagraphStyle("note", parent=BODY, fontSize=7, leading=8.5)

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
)

PROSE = (
    "Reverse circulation (RC) drilling was used to obtain 1 m samples from which 2 to 3 kg was "
    "riffle split to produce a sample for fire assay. Drill hole collars were surveyed by DGPS to "
    "an accuracy of plus or minus 0.1 m in MGA94 Zone 50. Downhole surveys were completed with a "
    "north seeking gyroscope every 30 m. Sample recovery was visually estimated and recorded; no "
    "relationship between recovery and grade has been observed. Field duplicates were collected at "
    "a rate of 1 in 25 and certified reference materials were inserted at a rate of 1 in 20. "
    "The Competent Person considers the sampling representative of the mineralisation. "
)

JORC_CRITERIA = [
    "Sampling techniques",
    "Drilling techniques",
    "Drill sample recovery",
    "Logging",
    "Sub-sampling techniques and sample preparation",
    "Quality of assay data and laboratory tests",
    "Verification of sampling and assaying",
    "Location of data points",
    "Data spacing and distribution",
    "Orientation of data in relation to geological structure",
    "Sample security",
    "Audits or reviews",
]


def intercept_rows(n: int, seed: int = 1, prefix: str = "KRC") -> list[list[str]]:
    rnd = random.Random(seed)
    rows: list[list[str]] = []
    for i in range(n):
        start = rnd.randint(10, 150)
        width = rnd.randint(1, 25)
        rows.append(
            [
                f"{prefix}{i + 1:03d}",
                f"{start:.1f}",
                f"{start + width:.1f}",
                f"{width:.1f}",
                f"{rnd.uniform(0.3, 12):.2f}",
            ]
        )
    return rows


def collar_rows(n: int, seed: int = 2, prefix: str = "KRC") -> list[list[str]]:
    rnd = random.Random(seed)
    return [
        [
            f"{prefix}{i + 1:03d}",
            f"{rnd.randint(400000, 499999)}",
            f"{rnd.randint(6500000, 6599999)}",
            f"{rnd.randint(300, 450)}",
            f"-{rnd.randint(50, 90)}",
            f"{rnd.randint(0, 359)}",
            f"{rnd.randint(60, 300)}",
        ]
        for i in range(n)
    ]


INTERCEPT_HEADER = ["Hole ID", "From\n(m)", "To\n(m)", "Interval\n(m)", "Au\n(g/t)"]
COLLAR_HEADER = ["Hole ID", "Easting", "Northing", "RL", "Dip", "Azimuth", "Depth (m)"]


def _table(rows: Sequence[Sequence[str]], style: TableStyle = GRID, repeat: int = 1) -> Table:
    return Table([list(r) for r in rows], style=style, repeatRows=repeat, hAlign="LEFT")


def jorc_table1(story: list[object]) -> None:
    """A JORC Table 1 appendix: a three-column table whose cells are prose paragraphs."""
    story.append(Paragraph("Appendix 1 - JORC Code, 2012 Edition - Table 1", H1))
    story.append(Paragraph("Section 1 Sampling Techniques and Data", H2))
    heads = ("Criteria", "JORC Code explanation", "Commentary")
    rows: list[list[object]] = [[Paragraph(h, CELL) for h in heads]]
    for c in JORC_CRITERIA:
        rows.append([Paragraph(c, CELL), Paragraph(PROSE[:300], CELL), Paragraph(PROSE, CELL)])
    t = Table(rows, colWidths=[30 * mm, 60 * mm, 85 * mm], repeatRows=1, hAlign="LEFT")
    t.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(t)


def _announcement_story(extra_sections: int) -> list[object]:
    story: list[object] = [
        Paragraph("Kestrel Gold Limited (ASX: KGL)", H1),
        Paragraph("High-grade gold intercepts at the Falcon Prospect", H2),
    ]
    for _ in range(4):
        story.append(Paragraph(PROSE + "Highlights include 13 m @ 3.95 g/t Au from 35 m in KRC004.", BODY))
    story.append(PageBreak())
    story.append(Paragraph("Table 1: Significant intercepts (0.5 g/t Au cut-off)", BODY))
    story.append(_table([INTERCEPT_HEADER, *intercept_rows(30)]))
    story.append(Paragraph("Intervals are downhole widths; true widths are not yet known.", NOTE))
    story.append(Spacer(1, 12))
    story.append(Paragraph("Table 2: Drill hole collar details (MGA94 Zone 50)", BODY))
    story.append(_table([COLLAR_HEADER, *collar_rows(30)]))
    story.append(Paragraph("Collars surveyed by handheld GPS.", NOTE))
    story.append(PageBreak())
    jorc_table1(story)
    for _ in range(extra_sections):
        story.append(Paragraph("Section 2 Reporting of Exploration Results", H2))
        story.extend(Paragraph(PROSE, BODY) for _ in range(6))
    return story


def _build(target: Path | io.BytesIO, story: list[object], **meta: str) -> int:
    pages: list[int] = []

    def count(c: canvas.Canvas, _doc: object) -> None:
        pages.append(c.getPageNumber())

    out = target if isinstance(target, io.BytesIO) else str(target)
    SimpleDocTemplate(out, pagesize=A4, **meta).build(story, onFirstPage=count, onLaterPages=count)
    return len(pages)


def announcement(path: Path, pages: int = 20) -> Path:
    """A ~``pages``-page announcement: prose, an intercepts table, a collar table, then JORC Table 1."""
    extra = 0
    while _build(io.BytesIO(), _announcement_story(extra)) < pages:
        extra += 1
    _build(path, _announcement_story(extra), title="Falcon drilling results", author="Kestrel Gold")
    return path


def _doc(path: Path, story: list[object], **meta: str) -> Path:
    SimpleDocTemplate(str(path), pagesize=A4, **meta).build(story)
    return path


def table_page(path: Path) -> Path:
    """One page: a significant-intercepts table (multi-line headers, a footnote marker, an
    "including" row, an NSI row) with its footnotes, then a collar table with a caption."""
    rows = [
        ["Hole ID", "From\n(m)", "To\n(m)", "Interval\n(m)", "Au\n(g/t)*"],
        ["KRC001", "35.0", "48.0", "13.0", "3.95"],
        ["including", "40.0", "44.0", "4.0", "9.12"],
        ["KRC002", "12.0", "15.0", "3.0", "1.20"],
        ["KRC003", "NSI", "", "", ""],
        ["KRC004", "101.0", "127.0", "26.0", "2.41"],
    ]
    t = Table(rows, hAlign="LEFT")
    t.setStyle(GRID)
    t.setStyle(TableStyle([("SPAN", (1, 4), (4, 4)), ("ALIGN", (1, 4), (4, 4), "CENTER")]))
    story: list[object] = [
        Paragraph("Falcon Prospect drilling results", H1),
        Paragraph(PROSE[:400], BODY),
        Paragraph("Table 1: Significant intercepts", BODY),
        t,
        Paragraph("* Au by 50 g fire assay. Downhole widths; NSI: no significant intercept.", NOTE),
        Spacer(1, 14),
        Paragraph("Table 2: Collar details", BODY),
        _table([COLLAR_HEADER, *collar_rows(4)]),
        Paragraph("Coordinates in MGA94 Zone 50.", NOTE),
        Paragraph(PROSE[:300], BODY),
    ]
    return _doc(path, story, title="Falcon results")


def two_column_page(path: Path) -> Path:
    """A page of prose in two columns, full of numbers, with no table."""
    doc = BaseDocTemplate(str(path), pagesize=A4)
    w, h = A4
    gap = 10 * mm
    fw = (w - 2 * doc.leftMargin - gap) / 2
    frames = [
        Frame(doc.leftMargin, doc.bottomMargin, fw, h - 2 * doc.bottomMargin, id="left"),
        Frame(doc.leftMargin + fw + gap, doc.bottomMargin, fw, h - 2 * doc.bottomMargin, id="right"),
    ]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames)])
    text = (
        "Drilling at Falcon returned 13 m @ 3.95 g/t Au from 35 m and 4 m @ 9.12 g/t Au from 40 m. "
        "The 2024 programme of 25 holes for 3,450 m tested 1.2 km of strike, at 40 m by 40 m spacing. "
    )
    story: list[object] = [Paragraph(text * 3, BODY) for _ in range(9)]
    doc.build(story)
    return path


def split_table(path: Path, repeat_header: bool = True, rows: int = 70) -> Path:
    """An intercepts table long enough to run over onto a second page."""
    data = [["Hole ID", "From (m)", "To (m)", "Interval (m)", "Au (g/t)"], *intercept_rows(rows, seed=7)]
    t = Table(data, repeatRows=1 if repeat_header else 0, hAlign="LEFT")
    t.setStyle(GRID)
    story: list[object] = [Paragraph("Table 1: Significant intercepts", BODY), t]
    story.append(Paragraph("End of table.", NOTE))
    return _doc(path, story)


def spanning_header(path: Path) -> Path:
    """Header cells spanning columns ("Grade" over "Au g/t" and "Cu %") and rows ("Hole ID")."""
    data = [
        ["Hole ID", "From (m)", "To (m)", "Grade", ""],
        ["", "", "", "Au g/t", "Cu %"],
        ["PDD001", "10.0", "22.0", "1.15", "0.42"],
        ["PDD002", "54.0", "60.5", "0.87", "1.03"],
        ["PDD003", "77.0", "80.0", "2.30", "0.15"],
    ]
    t = Table(data, hAlign="LEFT", colWidths=[22 * mm] * 5)
    t.setStyle(GRID)
    t.setStyle(
        TableStyle(
            [
                ("SPAN", (3, 0), (4, 0)),
                ("ALIGN", (3, 0), (4, 0), "CENTER"),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("SPAN", (2, 0), (2, 1)),
                ("BACKGROUND", (0, 0), (-1, 1), colors.lightgrey),
            ]
        )
    )
    return _doc(path, [Paragraph("Table 3: Copper-gold intercepts", BODY), t])


def grouped_and_resource(path: Path) -> Path:
    """A collar table with a centred, non-generic group label over three columns and no grid, then a
    resource table with Paragraph headers (sub- and superscripts), a caption and a footnote."""
    centred = ParagraphStyle("centred", parent=CELL, alignment=1)
    collars = [
        ["Hole ID", "Collar (MGA94 Z50)", "", "", "Dip", "Azi"],
        ["", "Easting", "Northing", "RL", "", ""],
        ["KRC001", "407412", "6512004", "321", "-60", "90"],
        ["KRC002", "407450", "6512100", "322", "-60", "270"],
        ["KRC003", "407500", "6512200", "320", "-90", "0"],
    ]
    t = Table(collars, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (4, 0), (4, 1)),
                ("SPAN", (5, 0), (5, 1)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
            ]
        )
    )
    heads = ["Category", "Tonnes<br/>(Mt)", "Li<sub>2</sub>O<br/>(%)<super>1</super>", "Contained Li<sub>2</sub>O (kt)"]
    resource = [
        [Paragraph(h, centred) for h in heads],
        ["Indicated", "12.5", "1.30", "162"],
        ["Inferred", "30.1", "1.12", "337"],
        ["Total", "42.6", "1.17", "499"],
    ]
    r = Table(resource, hAlign="LEFT", colWidths=[30 * mm, 25 * mm, 25 * mm, 35 * mm])
    r.setStyle(GRID)
    story: list[object] = [
        Paragraph("Table 2: Collars", BODY),
        t,
        Spacer(1, 20),
        Paragraph("Mineral Resource Estimate", BODY),
        r,
        Paragraph("1. Reported above a 0.5% Li2O cut-off.", NOTE),
    ]
    return _doc(path, story)


def image_only(path: Path, lines: Sequence[str], *more_pages: Sequence[str]) -> Path:
    """A scanned-looking document: each page's text exists only as pixels of an embedded image (``lines`` on
    page 1, each of ``more_pages`` on a page of its own)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    for page in (lines, *more_pages):
        img = Image.new("L", (1600, 220 + 90 * len(page)), 255)
        draw = ImageDraw.Draw(img)
        font = ImageFont.load_default(size=56)
        for i, line in enumerate(page):
            draw.text((80, 100 + 90 * i), line, fill=0, font=font)
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        buf.seek(0)
        iw = w - 72
        ih = iw * img.height / img.width
        c.drawImage(ImageReader(buf), 36, h - 72 - ih, width=iw, height=ih)
        c.showPage()
    c.save()
    return path


def encrypted(path: Path, user_password: str = "secret") -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    encrypt = StandardEncryption(user_password, ownerPassword="owner")
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    c.drawString(72, 720, "Confidential: 12 m @ 5.0 g/t Au from 30 m")
    c.showPage()
    c.save()
    return path


def pages(path: Path, n: int) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(n):
        c.drawString(72, 720, f"Page {i + 1} of a long report.")
        c.showPage()
    c.save()
    return path


def rotated_table(path: Path) -> Path:
    """A landscape table on a page whose /Rotate is 90 (content drawn turned in portrait space)."""
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    c.saveState()
    # Draw in a landscape frame: rotate the user space so text reads left to right once displayed.
    c.translate(w, 0)
    c.rotate(90)
    t = Table([INTERCEPT_HEADER, *intercept_rows(6, seed=3)], style=GRID)
    _tw, th = t.wrapOn(c, h, w)
    t.drawOn(c, 40, w - 60 - th)
    c.restoreState()
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "announcement.pdf")
    announcement(out)
    print(out)


def text_pdf(text: str) -> bytes:
    """A one-page PDF of plain text lines (bytes, in memory)."""
    from xml.sax.saxutils import escape

    buf = io.BytesIO()
    _build(buf, [Paragraph(escape(line) or "&nbsp;", _SS["Normal"]) for line in text.splitlines()])
    return buf.getvalue()
