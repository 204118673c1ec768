"""Shared building blocks for the sample PDFs (fictitious companies, written for Oresight).

Every PDF in samples/corpus and samples/holdout is built from one module in this folder by
samples/build_pdfs.py. Each module defines ``META`` (a dict) and ``story(k)`` returning a list of
reportlab flowables, where ``k`` is this module. Output is byte-stable: reportlab runs with
``invariant=1`` and nothing here depends on the clock or on unseeded randomness.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

__all__ = [
    "H1",
    "H2",
    "H3",
    "PS",
    "CondPageBreak",
    "KeepTogether",
    "NextPageTemplate",
    "P",
    "PageBreak",
    "Spacer",
    "Table",
    "TableStyle",
    "build",
    "bullets",
    "colors",
    "cp_statement",
    "figure_plan",
    "figure_section",
    "forward_looking",
    "image_page",
    "jorc_table1",
    "mm",
    "note",
    "small",
    "table",
]

_ss = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_ss["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5,
                      spaceAfter=5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, spaceAfter=2)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7.5, leading=9, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=16, leading=20,
                       spaceAfter=8, spaceBefore=4)
SUB = ParagraphStyle("sub", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15,
                     spaceBefore=8, spaceAfter=4)
MINOR = ParagraphStyle("minor", parent=BODY, fontName="Helvetica-Bold", fontSize=10, leading=13,
                       spaceBefore=6, spaceAfter=3)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=12, bulletIndent=2, spaceAfter=3)
JCELL = ParagraphStyle("jcell", parent=BODY, fontSize=8.4, leading=10.6, spaceAfter=0)
JCELLB = ParagraphStyle("jcellb", parent=JCELL, fontName="Helvetica-Bold")
CAPTION = ParagraphStyle("caption", parent=BODY, fontName="Helvetica-Bold", fontSize=8.5, leading=11,
                         spaceBefore=6, spaceAfter=3)


def H1(text: str) -> Paragraph:
    return Paragraph(text, TITLE)


def H2(text: str) -> Paragraph:
    return Paragraph(text, SUB)


def H3(text: str) -> Paragraph:
    return Paragraph(text, MINOR)


def P(text: str) -> Paragraph:
    return Paragraph(text, BODY)


def PS(text: str, **kw: Any) -> Paragraph:
    """A paragraph with a one-off style (e.g. PS(text, fontSize=8))."""
    return Paragraph(text, ParagraphStyle("ps", parent=BODY, **kw))


def small(text: str) -> Paragraph:
    return Paragraph(text, SMALL)


def note(text: str) -> Paragraph:
    return Paragraph(text, SMALL)


def bullets(items: Iterable[str], symbol: str = "\u2022") -> list[Any]:
    return [Paragraph(t, BULLET, bulletText=symbol) for t in items]


def _cell(v: Any, bold: bool = False, wrap: bool = False) -> Any:
    if v is None:
        return ""
    if isinstance(v, (int, float)):
        return str(v)
    if wrap:
        return Paragraph(str(v), CELLB if bold else CELL)
    return v


def table(
    header: Sequence[Sequence[str]] | Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
    notes: Sequence[str] = (),
    widths: Sequence[float] | None = None,
    repeat: bool = True,
    font: float = 7.5,
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    wrap_cols: Sequence[int] = (),
    bold_rows: Sequence[int] = (),
    shade_header: bool = True,
    grid: str = "full",
    align_left_cols: Sequence[int] = (0,),
) -> list[Any]:
    """A table with one or more header rows. ``header`` is one row or a list of rows.

    ``spans`` uses reportlab coordinates (col, row) over the whole table (header rows first).
    ``bold_rows`` are body-row indices (0-based) set in bold (e.g. totals).
    """
    nested = bool(header) and isinstance(header[0], (list, tuple))
    hdr_rows: list[list[str]] = [list(r) for r in header] if nested else [list(header)]  # type: ignore[arg-type]
    nh = len(hdr_rows)
    data: list[list[Any]] = [list(r) for r in hdr_rows]
    for r in rows:
        data.append([_cell(v, wrap=(i in wrap_cols)) for i, v in enumerate(r)])
    t = Table(data, colWidths=widths, repeatRows=nh if repeat else 0, hAlign="LEFT")
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", font),
        ("FONT", (0, 0), (-1, nh - 1), "Helvetica-Bold", font),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for c in align_left_cols:
        style.append(("ALIGN", (c, nh), (c, -1), "LEFT"))
    if shade_header:
        style.append(("BACKGROUND", (0, 0), (-1, nh - 1), colors.HexColor("#1F3B57")))
        style.append(("TEXTCOLOR", (0, 0), (-1, nh - 1), colors.white))
    if grid == "full":
        style.append(("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A9BA8")))
    elif grid == "rules":
        style.append(("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.8, colors.black))
        style.append(("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black))
        style.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black))
    for a, b in spans:
        style.append(("SPAN", a, b))
    for i in bold_rows:
        style.append(("FONT", (0, nh + i), (-1, nh + i), "Helvetica-Bold", font))
    t.setStyle(TableStyle(style))
    out: list[Any] = []
    if title:
        out.append(Paragraph(title, CAPTION))
    out.append(t)
    for n in notes:
        out.append(Paragraph(n, SMALL))
    out.append(Spacer(1, 4))
    return out


def figure_plan(
    title: str,
    collars: Sequence[tuple[str, float, float]],
    callouts: Sequence[tuple[float, float, Sequence[str]]] = (),
    *,
    seed: int = 1,
    width: float = 170 * mm,
    height: float = 190 * mm,
    e0: int = 412000,
    n0: int = 6712000,
    features: Sequence[tuple[str, float, float]] = (),
) -> list[Any]:
    """A schematic plan: grid with coordinates, collars (label, x, y in 0..1), callout boxes."""
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, strokeColor=colors.black, fillColor=None, strokeWidth=0.8))
    rnd = random.Random(seed)
    # geology: a few faint polylines
    for _ in range(6):
        x = rnd.uniform(0, width)
        pts = [(x, 0.0)]
        for k in range(1, 7):
            x = min(max(x + rnd.uniform(-20, 20), 2), width - 2)
            pts.append((x, height * k / 6))
        for (x1, y1), (x2, y2) in pairwise(pts):
            d.add(Line(x1, y1, x2, y2, strokeColor=colors.HexColor("#C9B48A"), strokeWidth=0.6))
    for i in range(1, 4):
        x = width * i / 4
        y = height * i / 4
        d.add(Line(x, 0, x, height, strokeColor=colors.HexColor("#DDDDDD"), strokeWidth=0.3))
        d.add(Line(0, y, width, y, strokeColor=colors.HexColor("#DDDDDD"), strokeWidth=0.3))
        d.add(String(x + 2, 3, f"{e0 + 200 * i}mE", fontName="Helvetica", fontSize=5.5))
        d.add(String(3, y + 2, f"{n0 + 200 * i}mN", fontName="Helvetica", fontSize=5.5))
    for label, fx, fy in features:
        d.add(String(fx * width, fy * height, label, fontName="Helvetica-Oblique", fontSize=7,
                     fillColor=colors.HexColor("#7A5C2E")))
    for label, fx, fy in collars:
        x, y = fx * width, fy * height
        d.add(Circle(x, y, 1.8, fillColor=colors.black, strokeColor=None))
        d.add(String(x + 3, y - 2, label, fontName="Helvetica", fontSize=5.5))
    for fx, fy, lines in callouts:
        x, y = fx * width, fy * height
        h = 8 * len(lines) + 4
        w = max(len(s) for s in lines) * 3.6 + 8
        d.add(Rect(x, y, w, h, fillColor=colors.HexColor("#FFF4CC"), strokeColor=colors.black,
                   strokeWidth=0.5))
        for j, s in enumerate(lines):
            d.add(String(x + 4, y + h - 9 - 8 * j, s, fontName="Helvetica-Bold" if j == 0 else "Helvetica",
                         fontSize=6.5))
    d.add(String(width - 30, height - 12, "N \u2191", fontName="Helvetica-Bold", fontSize=9))
    d.add(String(width - 70, 8, "0      200 m", fontName="Helvetica", fontSize=6))
    return [KeepTogether([Paragraph(title, CAPTION), d]), Spacer(1, 4)]


def figure_section(title: str, holes: Sequence[tuple[str, float, float, Sequence[str]]], *, seed: int = 2,
                   width: float = 170 * mm, height: float = 108 * mm, rl_top: int = 400) -> list[Any]:
    """A schematic cross-section: surface line, RL ticks, drill traces with labels."""
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, strokeColor=colors.black, fillColor=None, strokeWidth=0.8))
    rnd = random.Random(seed)
    top = height - 15
    prev = top
    for i in range(0, 21):
        x = width * i / 20
        y = top + rnd.uniform(-3, 3)
        if i:
            d.add(Line(width * (i - 1) / 20, prev, x, y, strokeColor=colors.HexColor("#6B4F2A"), strokeWidth=0.8))
        prev = y
    for k in range(1, 5):
        y = top - k * (top - 10) / 5
        d.add(Line(0, y, 6, y, strokeColor=colors.black, strokeWidth=0.5))
        d.add(String(8, y - 2, f"{rl_top - 100 * k}mRL", fontName="Helvetica", fontSize=5.5))
    for label, fx, depth, notes_ in holes:
        x = fx * width
        x2 = x + depth * 0.5 * (top - 10)
        y2 = top - depth * (top - 10)
        d.add(Line(x, top, x2, y2, strokeColor=colors.black, strokeWidth=0.8))
        d.add(String(x - 10, top + 3, label, fontName="Helvetica-Bold", fontSize=6))
        for j, s in enumerate(notes_):
            d.add(String(x2 + 4, y2 + 10 - 8 * j, s, fontName="Helvetica", fontSize=6))
    return [KeepTogether([Paragraph(title, CAPTION), d]), Spacer(1, 4)]


# --------------------------------------------------------------------------- JORC Table 1
_S1 = [
    ("Sampling techniques",
     "Nature and quality of sampling, the measures taken to ensure sample representivity, and the aspects of "
     "the determination of mineralisation that are material to the Public Report. This may include specialised industry-standard measurement tools such as down-hole gamma sondes or handheld XRF instruments. Where industry-standard work has been done this would be relatively simple; in other cases more explanation may be required, such as where there is coarse gold that has inherent sampling problems.",
     "{sampling}"),
    ("Drilling techniques",
     "Drill type and details such as core diameter, hammer type, hole depth and whether core is oriented. State the type of drilling (core, reverse circulation, open-hole hammer, rotary air blast, auger, Bangka, sonic and so on), the bit or sampler type, and, for core, the method used for orientation.",
     "{drilling}"),
    ("Drill sample recovery",
     "How recoveries are recorded and assessed, measures taken to maximise recovery, and whether a "
     "relationship exists between recovery and grade. Consider whether sample bias may have occurred due to preferential loss or gain of fine or coarse material.",
     "{recovery}"),
    ("Logging",
     "Whether samples have been logged to a level of detail that supports resource estimation, mining and "
     "metallurgical studies; whether logging is qualitative or quantitative. State the total length and percentage of the relevant intersections logged, and whether core (or costean, channel and similar) photography was taken.",
     "{logging}"),
    ("Sub-sampling techniques and sample preparation",
     "Whether core is cut or sawn, how non-core samples are split, the nature and appropriateness of the "
     "preparation technique and the sample size relative to grain size. Quality control procedures adopted for all sub-sampling stages to maximise representivity, and measures taken to ensure that the sampling is representative of the in-situ material collected, including results for field duplicate or second-half sampling.",
     "{subsampling}"),
    ("Quality of assay data and laboratory tests",
     "The nature, quality and appropriateness of the assaying and laboratory procedures, and whether the "
     "technique is partial or total; the nature of quality control procedures adopted. For geophysical tools, spectrometers and handheld XRF instruments, the parameters used in determining the analysis including instrument make and model, reading times and calibration factors applied. The nature of quality control procedures adopted (standards, blanks, duplicates, external laboratory checks) and whether acceptable levels of accuracy and precision have been established.",
     "{assay}"),
    ("Verification of sampling and assaying",
     "Verification of significant intersections by independent or alternative company personnel; use of "
     "twinned holes; documentation of primary data and data entry procedures. Data verification and data storage protocols (physical and electronic), and a discussion of any adjustment to assay data.",
     "{verification}"),
    ("Location of data points",
     "Accuracy and quality of surveys used to locate drill holes (collar and down-hole surveys), the grid "
     "system used and the quality of topographic control. This includes trenches, mine workings and other locations used in Mineral Resource estimation.",
     "{location}"),
    ("Data spacing and distribution",
     "Data spacing for reporting of Exploration Results; whether spacing is sufficient to establish "
     "geological and grade continuity; whether sample compositing has been applied. Whether the data spacing and distribution is sufficient to establish the degree of geological and grade continuity appropriate for the Mineral Resource and Ore Reserve estimation procedures and classifications applied.",
     "{spacing}"),
    ("Orientation of data in relation to geological structure",
     "Whether the orientation of sampling achieves unbiased sampling of possible structures, and whether "
     "any sampling bias has been introduced by the drilling orientation. If the relationship between the drilling orientation and the orientation of key mineralised structures is considered to have introduced a sampling bias, this should be assessed and reported if material.",
     "{orientation}"),
    ("Sample security", "The measures taken to ensure sample security.", "{security}"),
    ("Audits or reviews", "The results of any audits or reviews of sampling techniques and data.", "{audits}"),
]
_S2 = [
    ("Mineral tenement and land tenure status",
     "Type, reference name/number, location and ownership including agreements or material issues with "
     "third parties; the security of the tenure held at the time of reporting. Include joint ventures, partnerships, overriding royalties, native title interests, historical sites, wilderness or national park and environmental settings, and any known impediments to obtaining a licence to operate in the area.",
     "{tenure}"),
    ("Exploration done by other parties", "Acknowledgment and appraisal of exploration by other parties.",
     "{other_parties}"),
    ("Geology", "Deposit type, geological setting and style of mineralisation.", "{geology}"),
    ("Drill hole Information",
     "A summary of information material to the understanding of the exploration results, including a "
     "tabulation of collar coordinates, elevation, dip, azimuth, down-hole length and interception depth. If the exclusion of this information is justified on the basis that it is not material and does not detract from the understanding of the report, the Competent Person should clearly explain why this is the case.",
     "{holeinfo}"),
    ("Data aggregation methods",
     "Weighting averaging techniques, maximum and/or minimum grade truncations and cut-off grades; the "
     "procedure used for aggregation of short lengths of high-grade results; assumptions for metal "
     "equivalent values. Where aggregate intercepts incorporate short lengths of high-grade results and longer lengths of low-grade results, the procedure used for such aggregation should be stated and some typical examples shown in detail.",
     "{aggregation}"),
    ("Relationship between mineralisation widths and intercept lengths",
     "If the geometry of the mineralisation with respect to the drill hole angle is known, its nature "
     "should be reported; if not, a statement that down-hole lengths are reported. These relationships are particularly important in the reporting of Exploration Results; if it is not known and only the down-hole lengths are reported, there should be a clear statement to this effect (for example 'down-hole length, true width not known').",
     "{widths}"),
    ("Diagrams", "Appropriate maps and sections with scales and tabulations of intercepts.", "{diagrams}"),
    ("Balanced reporting",
     "Where comprehensive reporting of all results is not practicable, representative reporting of both low "
     "and high grades and/or widths. This is intended to avoid misleading reporting of Exploration Results.",
     "{balanced}"),
    ("Other substantive exploration data",
     "Other exploration data, if meaningful and material, including geophysical and geochemical surveys, "
     "bulk samples, metallurgical and geotechnical results. Also groundwater, geotechnical and rock characteristics, potential deleterious or contaminating substances.",
     "{other_data}"),
    ("Further work", "The nature and scale of planned further work. Include diagrams clearly highlighting the areas of possible extensions, including the main geological interpretations and future drilling areas, provided this information is not commercially sensitive.", "{further}"),
]
_S3 = [
    ("Database integrity",
     "Measures taken to ensure data has not been corrupted between initial collection and use for Mineral "
     "Resource estimation; data validation procedures used.",
     "{database}"),
    ("Site visits", "Comment on any site visits undertaken by the Competent Person and their outcome.",
     "{site_visits}"),
    ("Geological interpretation",
     "Confidence in the geological interpretation; the data used and assumptions made; the effect of "
     "alternative interpretations.",
     "{interpretation}"),
    ("Dimensions", "The extent and variability of the Mineral Resource expressed as length, width and depth.",
     "{dimensions}"),
    ("Estimation and modelling techniques",
     "The nature and appropriateness of the estimation technique(s) applied, key assumptions, treatment of "
     "extreme grade values, domaining, interpolation parameters and validation.",
     "{estimation}"),
    ("Moisture", "Whether tonnages are estimated on a dry basis or with natural moisture.", "{moisture}"),
    ("Cut-off parameters", "The basis of the adopted cut-off grade(s) or quality parameters applied.",
     "{cutoff}"),
    ("Mining factors or assumptions",
     "Assumptions made regarding possible mining methods, minimum mining dimensions and internal dilution.",
     "{mining}"),
    ("Metallurgical factors or assumptions",
     "The basis for assumptions or predictions regarding metallurgical amenability.", "{metallurgy}"),
    ("Environmental factors or assumptions",
     "Assumptions made regarding possible waste and process residue disposal options.", "{environment}"),
    ("Bulk density",
     "Whether assumed or determined, the method used, and the representativeness of the measurements.",
     "{density}"),
    ("Classification",
     "The basis for classification into varying confidence categories and whether the result reflects the "
     "Competent Person's view of the deposit.",
     "{classification}"),
    ("Audits or reviews", "The results of any audits or reviews of Mineral Resource estimates.",
     "{res_audits}"),
    ("Discussion of relative accuracy/ confidence",
     "Where appropriate a statement of the relative accuracy and confidence level in the Mineral Resource "
     "estimate, and whether it relates to global or local estimates.",
     "{accuracy}"),
]

_S4 = [
    ("Mineral Resource estimate for conversion to Ore Reserves",
     "Description of the Mineral Resource estimate used as a basis for conversion to an Ore Reserve, and whether "
     "the Mineral Resources are reported additional to, or inclusive of, the Ore Reserves.", "{r_basis}"),
    ("Site visits", "Comment on any site visits undertaken by the Competent Person.", "{r_site}"),
    ("Study status", "The type and level of study undertaken to enable Mineral Resources to be converted to Ore "
     "Reserves.", "{r_study}"),
    ("Cut-off parameters", "The basis of the cut-off grade(s) or quality parameters applied.", "{r_cutoff}"),
    ("Mining factors or assumptions", "The method and assumptions used to convert the Mineral Resource to an Ore "
     "Reserve, including dilution, recovery, minimum mining width and the treatment of Inferred material.",
     "{r_mining}"),
    ("Metallurgical factors or assumptions", "The proposed metallurgical process and its appropriateness, the "
     "nature of test work and recovery factors applied.", "{r_metallurgy}"),
    ("Environmental", "The status of studies of potential environmental impacts and waste characterisation.",
     "{r_env}"),
    ("Infrastructure", "The existence of appropriate infrastructure: land, power, water, transport, labour and "
     "accommodation.", "{r_infra}"),
    ("Costs", "The derivation of, or assumptions made, regarding projected capital and operating costs.",
     "{r_costs}"),
    ("Revenue factors", "The derivation of, or assumptions made, regarding revenue factors including head grade, "
     "metal prices, exchange rates and royalties.", "{r_revenue}"),
    ("Market assessment", "The demand, supply and stock situation for the commodity and price forecasts.",
     "{r_market}"),
    ("Economic", "The inputs to the economic analysis, the source and confidence of these inputs, and NPV "
     "ranges and sensitivity.", "{r_economic}"),
    ("Social", "The status of agreements with key stakeholders and matters leading to social licence to operate.",
     "{r_social}"),
    ("Classification", "The basis for the classification of the Ore Reserves into varying confidence "
     "categories.", "{r_class}"),
    ("Audits or reviews", "The results of any audits or reviews of Ore Reserve estimates.", "{r_audits}"),
    ("Discussion of relative accuracy/ confidence", "The relative accuracy and confidence level in the Ore Reserve "
     "estimate.", "{r_accuracy}"),
]

DEFAULTS: dict[str, str] = {
    "sampling": "Reverse circulation (RC) drilling was sampled at one metre intervals through a cone splitter "
    "mounted beneath the cyclone, producing a nominal 2.5-3.0 kg calico sample for each metre. Outside "
    "interpreted mineralised zones, four metre composite samples were collected by spear from the bulk "
    "residue. Diamond core was cut in half with an automatic core saw and sampled to geological boundaries "
    "with a minimum length of 0.3 m and a maximum of 1.2 m. Sampling was carried out under the Company's "
    "protocols and QAQC procedures, which are considered standard industry practice."
    " Sampling intervals and methods were selected by the supervising geologist on the basis of logged geology. Sample weights were recorded at the laboratory and are consistent with the expected recoveries. Each sample number was pre-printed on the calico bag and recorded against the interval on the sample sheet; certified reference materials, blanks and field duplicates were inserted in the sample stream at set positions. Wet or damp samples were flagged in the database, dried at the laboratory and are not considered to have affected the reported results. Handheld XRF was used only to assist logging and was not used to report any result. ",
    "drilling": "RC drilling used a 5.5 inch face-sampling hammer with an auxiliary booster and compressor. "
    "Diamond drilling was completed as HQ3 from surface through the weathered profile and NQ2 in fresh rock. "
    "Core was oriented using an electronic orientation tool at the end of each run."
    " RC holes were generally drilled to between 100 m and 200 m depth and diamond holes to between 240 m and 350 m. Drilling contractors operated under a Company-supervised procedure, with the geologist checking depths against rod counts at the end of each hole. Pre-collars were drilled by RC to the base of oxidation before core was drilled to final depth. ",
    "recovery": "RC sample recovery was estimated visually from bag volumes and recorded as good, moderate or "
    "poor; the large majority of samples were dry and of good recovery. Diamond core recovery was measured "
    "against drillers' run blocks and averaged greater than 97% in fresh rock. No relationship between "
    "recovery and grade has been identified."
    " Drillers were instructed to adjust air pressure and penetration rates to maximise recovery through broken and clay-rich zones, and the cyclone and splitter were cleaned at the end of each rod and whenever wet ground was intersected. Core blocks were checked by the geologist and core loss recorded on the recovery log. In the few intervals of lower recovery the loss was confined to fault gouge and does not coincide with reported intercepts. ",
    "logging": "All chips and core were geologically logged for lithology, weathering, alteration, veining "
    "and sulphide content using the Company's logging codes. Core was photographed wet and dry. Logging is "
    "qualitative in nature except for vein and sulphide percentages, which are visual estimates only. "
    "The logging is of a standard appropriate for Mineral Resource estimation."
    " Structural measurements of veins, foliation, contacts and faults were taken from oriented core using a kenometer and recorded as alpha and beta angles that were converted to true dip and dip direction. Magnetic susceptibility was measured on every metre of core and every RC sample. Geotechnical logging of core recorded recovery, RQD, fracture frequency and joint condition. Chip trays of all RC holes are stored at the Company's core yard. ",
    "subsampling": "RC samples were split on the rig by a static cone splitter; the majority were dry. Core "
    "was cut in half, with the same side consistently sampled. At the laboratory samples were dried, crushed "
    "to a nominal 2 mm and pulverised to 85% passing 75 microns. Field duplicates were collected at a rate "
    "of approximately one in twenty-five and show acceptable repeatability. Sample sizes are appropriate for "
    "the grain size of the material being sampled."
    " Coarse reject and pulp duplicates were requested from the laboratory on a routine basis. The splitter was levelled at the start of each hole and cleaned with compressed air between samples. Core was cut along a line marked by the geologist to ensure a representative split of the veining; the remaining half core was retained in trays for reference and for future metallurgical or check sampling. ",
    "assay": "Samples were submitted to {lab} in {lab_city}. {method} Certified reference materials and blanks "
    "were inserted at a combined rate of one in twenty samples, and the laboratory applied its own internal "
    "checks. Results of the standards and blanks were within acceptable limits and no material bias has "
    "been identified."
    " Over the programme, 214 certified reference materials spanning low, medium and high grades were inserted; 98% reported within two standard deviations of the certified value and the few failures were traced to sample swaps and corrected before reporting. Blanks did not indicate contamination during preparation. Laboratory repeats and field duplicates show precision consistent with the style of mineralisation. No geophysical tools or portable analysers were used to determine the reported grades. ",
    "verification": "Significant intersections were verified by the Exploration Manager and a second "
    "senior geologist. No twinned holes have been drilled at this stage. Primary data were captured on "
    "tablets using validated templates and loaded to a relational database managed by an external "
    "consultant. No adjustments have been made to the assay data other than replacing below-detection "
    "values with half the detection limit."
    " Assay files were received electronically from the laboratory and imported directly into the database without manual transcription. Intercepts were calculated by the database geologist and independently checked by the Competent Person against the raw data. A selection of high-grade pulps has been submitted to an umpire laboratory, and the results will be reported with a future update. ",
    "location": "Collars were located by handheld GPS with an accuracy of about +/-3 m and will be picked up "
    "by differential GPS at the end of the programme. Down-hole surveys were taken with a north-seeking "
    "gyroscope at 30 m intervals. The grid system is {crs}. Topographic control is from a drone survey and "
    "is adequate for the current stage of exploration."
    " Collar positions of holes drilled in earlier programmes were re-surveyed by a licensed surveyor and are considered accurate to +/-0.1 m. Down-hole survey data were reviewed for spurious readings and magnetic interference, and suspect readings were removed before the desurvey of each hole. ",
    "spacing": "Drill spacing is variable and is described in the body of this announcement. The spacing is "
    "not yet sufficient to establish the degree of geological and grade continuity needed for a Mineral "
    "Resource estimate at the new prospects. No sample compositing has been applied to the reported "
    "intercepts other than the four metre field composites described above.",
    "orientation": "Holes were drilled as near as practicable to perpendicular to the interpreted strike and "
    "dip of the mineralised structures. The Company does not believe the drilling orientation has "
    "introduced a sampling bias, although the geometry of some lodes is still being tested.",
    "security": "Samples were bagged, tied and placed in bulka bags on site, then delivered to the laboratory "
    "by Company personnel or a contracted freight company. The laboratory confirmed receipt of all samples "
    "against the submission sheets."
    " Chain of custody was maintained from the drill site to the laboratory, with consignment notes completed for every dispatch and signed by the transport contractor. Pulps and coarse rejects are retained at the laboratory for twelve months and will then be returned to the Company's storage facility. ",
    "audits": "No external audits or reviews have been completed. Sampling techniques and data are reviewed "
    "internally on a regular basis.",
    "tenure": "The drilling is located on {tenement}, held 100% by the Company. The tenement is in good "
    "standing and there are no known impediments to obtaining a licence to operate. A native title "
    "heritage agreement is in place and heritage surveys were completed before drilling."
    " Rents, expenditure commitments and reporting obligations are up to date. Part of the tenement area overlaps a pastoral lease, and the Company holds an access agreement with the pastoralist. The tenements are not subject to any third-party royalty other than the State royalty, except where noted in the Company's previous announcements. ",
    "other_parties": "The area was explored intermittently by several companies between the 1980s and 2010s, "
    "mainly by shallow rotary air blast and aircore drilling and regional soil sampling. The historical "
    "data are considered useful for targeting only.",
    "geology": "{geology_text}",
    "holeinfo": "Collar details for all holes reported are provided in the collar table of this "
    "announcement. No material information has been excluded.",
    "aggregation": "{aggregation_text}",
    "widths": "{widths_text}",
    "diagrams": "Relevant plans and sections are included in the body of this announcement.",
    "balanced": "All holes with significant intercepts are reported in the tables. Holes without "
    "significant intercepts are listed in the collar table. The Company considers the reporting to be "
    "balanced."
    " Intercepts below the reporting cut-off are not tabulated individually but are reflected in the collar table as holes with no significant intercept (NSI). Both the higher-grade and lower-grade results of this programme are discussed in the text, and the figures show all drilled holes including those that did not return significant results. ",
    "other_data": "There is no other substantive exploration data considered material to this "
    "announcement.",
    "further": "{further_text}",
    "database": "Data are stored in a relational database with validation rules for overlapping intervals, "
    "missing samples and collar coordinates. The database was checked against original laboratory "
    "certificates for a random selection of holes before estimation."
    " Duplicate and missing records were queried and resolved with the field geologists, and collar elevations were checked against the topographic surface. Assays from superseded laboratory jobs were archived rather than deleted so that the history of each sample can be traced. ",
    "site_visits": "The Competent Person visited site during the drilling programme and inspected drilling, "
    "sampling and core logging procedures. No issues were identified.",
    "interpretation": "Mineralised domains were interpreted from drill hole logging and assays on sections "
    "spaced 25 m to 50 m apart and wireframed in three dimensions. Confidence in the interpretation is good "
    "in the closely drilled portions and moderate at depth and along strike.",
    "dimensions": "{dimensions_text}",
    "estimation": "{estimation_text}",
    "moisture": "Tonnages are estimated on a dry basis.",
    "cutoff": "{cutoff_text}",
    "mining": "{mining_text}",
    "metallurgy": "{metallurgy_text}",
    "environment": "No environmental factors are known that would prevent eventual economic extraction. "
    "Waste rock characterisation studies are in progress."
    " Baseline flora, fauna and groundwater surveys have started. The Project is located on a pastoral station outside any conservation reserve, and tailings and waste would be stored in conventional facilities designed to current guidelines. ",
    "density": "{density_text}",
    "classification": "{classification_text}",
    "res_audits": "The Mineral Resource estimate has been reviewed internally. No external audit has been "
    "completed.",
    "accuracy": "The estimate is a global estimate of tonnes and grade. The relative accuracy is reflected "
    "in the classification, which is considered appropriate by the Competent Person."
    " No production data are available for reconciliation against the model. The Competent Person considers that the Indicated Resources are suitable for mine planning studies at a pre-feasibility level and that the Inferred Resources are sufficient for scoping-level studies only. ",
    # placeholders filled per document
    "lab": "a commercial laboratory", "lab_city": "Perth",
    "method": "Gold was determined by 50 g fire assay with an atomic absorption finish (detection limit "
    "0.005 g/t Au).",
    "crs": "GDA2020 MGA Zone 51",
    "tenement": "Exploration Licence E 00/0000",
    "geology_text": "The project lies within an Archaean greenstone belt.",
    "aggregation_text": "Intercepts are length-weighted averages.",
    "widths_text": "Down-hole lengths are reported; true widths are not known.",
    "further_text": "Further drilling is planned.",
    "dimensions_text": "", "estimation_text": "", "cutoff_text": "", "mining_text": "",
    "metallurgy_text": "", "density_text": "", "classification_text": "",
}


def _fill(template: str, params: dict[str, str]) -> str:
    out = template
    for _ in range(3):  # nested placeholders
        try:
            out = out.format(**params)
        except (KeyError, IndexError):
            break
    return out


def jorc_table1(params: dict[str, str], sections: Sequence[int] = (1, 2), *, heading: str | None = None,
                explanation: bool = True) -> list[Any]:
    """JORC Code (2012) Table 1 appendix: Criteria | explanation (paraphrased) | Commentary."""
    p = dict(DEFAULTS)
    p.update(params)
    out: list[Any] = [PageBreak(), Paragraph(heading or "Appendix 2: JORC Code, 2012 Edition - Table 1", SUB)]
    names = {1: "Section 1 Sampling Techniques and Data",
             2: "Section 2 Reporting of Exploration Results",
             3: "Section 3 Estimation and Reporting of Mineral Resources",
             4: "Section 4 Estimation and Reporting of Ore Reserves"}
    crit = {1: _S1, 2: _S2, 3: _S3, 4: _S4}
    for s in sections:
        out.append(Paragraph(names[s], MINOR))
        if explanation:
            hdr = ["Criteria", "JORC Code explanation", "Commentary"]
            widths = [32 * mm, 52 * mm, 96 * mm]
            rows = [[Paragraph(c, JCELLB), Paragraph(e, JCELL), Paragraph(_fill(t, p), JCELL)] for c, e, t in crit[s]]
        else:
            hdr = ["Criteria", "Commentary"]
            widths = [40 * mm, 140 * mm]
            rows = [[Paragraph(c, JCELLB), Paragraph(_fill(t, p), JCELL)] for c, _e, t in crit[s]]
        t = Table([hdr, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE5EC")),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A9BA8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        out.append(t)
        out.append(Spacer(1, 8))
    return out


def cp_statement(name: str, body: str, company: str, *, what: str = "Exploration Results",
                 relation: str = "") -> list[Any]:
    who = name.split(",")[0]
    rel = relation or f"a full-time employee of {company} and holds shares and options in the Company"
    return [
        H3("Competent Person Statement"),
        P(f"The information in this announcement that relates to {what} is based on, and fairly represents, "
          f"information compiled by {name}, {body}. {who} is {rel}. {who} has sufficient "
          "experience relevant to the style of mineralisation and type of deposit under consideration and "
          "to the activity being undertaken to qualify as a Competent Person as defined in the 2012 Edition "
          "of the Australasian Code for Reporting of Exploration Results, Mineral Resources and Ore "
          f"Reserves. {who} consents to the inclusion in this announcement of the matters "
          "based on that information in the form and context in which it appears."),
    ]


def forward_looking(company: str) -> list[Any]:
    return [
        H3("Forward-Looking Statements"),
        small(f"This announcement may contain forward-looking statements concerning the projects owned by "
              f"{company}. Statements concerning mining reserves and resources may also be forward-looking "
              "in that they involve estimates based on specific assumptions. Forward-looking statements are "
              "not statements of historical fact and actual events and results may differ materially from "
              "those described because of risks and uncertainties, including commodity prices, exchange "
              "rates, the results of further drilling and studies, regulatory approvals and funding. The "
              "Company does not undertake to update any forward-looking statement except as required by law."),
    ]


def image_page(blocks: Sequence[tuple[str, str]], *, dpi: int = 200) -> list[Any]:
    """Render a page of text to a greyscale PNG with Pillow and return it as a full-page image.

    ``blocks`` is a list of (kind, text) with kind in {"title", "head", "body", "bullet", "mono"}.
    """
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    W, Hh = int(8.27 * dpi), int(11.69 * dpi)
    img = PILImage.new("L", (W, Hh), 255)
    draw = ImageDraw.Draw(img)
    base = "/usr/share/fonts/truetype/dejavu/"
    fonts = {
        "title": ImageFont.truetype(base + "DejaVuSans-Bold.ttf", int(dpi * 0.22)),
        "head": ImageFont.truetype(base + "DejaVuSans-Bold.ttf", int(dpi * 0.15)),
        "body": ImageFont.truetype(base + "DejaVuSans.ttf", int(dpi * 0.125)),
        "bullet": ImageFont.truetype(base + "DejaVuSans.ttf", int(dpi * 0.125)),
        "mono": ImageFont.truetype(base + "DejaVuSansMono.ttf", int(dpi * 0.11)),
    }
    margin = int(0.8 * dpi)
    y = int(0.7 * dpi)
    maxw = W - 2 * margin
    for kind, text in blocks:
        f = fonts[kind]
        indent = int(0.25 * dpi) if kind == "bullet" else 0
        lines_out: list[str] = []
        if kind == "mono":
            lines_out = text.split("\n")
        else:
            words = text.split()
            line = ""
            for w in words:
                cand = (line + " " + w).strip()
                if draw.textlength(cand, font=f) > maxw - indent - (int(0.2 * dpi) if kind == "bullet" else 0):
                    lines_out.append(line)
                    line = w
                else:
                    line = cand
            if line:
                lines_out.append(line)
        lh = int(f.size * 1.35)
        for j, ln in enumerate(lines_out):
            x = margin + indent
            if kind == "bullet":
                if j == 0:
                    draw.text((margin, y), "\u2022", font=f, fill=0)
                x += int(0.2 * dpi)
            draw.text((x, y), ln, font=f, fill=0)
            y += lh
        y += int(lh * 0.5)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    pw, ph = A4
    return [NextPageTemplate("bare"), Image(buf, width=pw, height=ph), NextPageTemplate("one"), PageBreak()]


# --------------------------------------------------------------------------- document
def build(path: str, meta: dict[str, Any], flowables: list[Any]) -> None:
    """Build one announcement. meta: company, ticker_line, date, title, site, first_template."""
    company = meta["company"]
    ticker_line = meta.get("ticker_line", "")
    site = meta.get("site", "")
    first = meta.get("first_template", "one")

    def header(canv: Any, doc: Any) -> None:
        canv.saveState()
        pw, ph = canv._pagesize
        canv.setFont("Helvetica-Bold", 9)
        canv.setFillColor(colors.HexColor("#1F3B57"))
        canv.drawString(18 * mm, ph - 12 * mm, company.upper())
        canv.setFont("Helvetica", 8)
        canv.drawRightString(pw - 18 * mm, ph - 12 * mm, ticker_line)
        canv.setStrokeColor(colors.HexColor("#1F3B57"))
        canv.setLineWidth(0.8)
        canv.line(18 * mm, ph - 14 * mm, pw - 18 * mm, ph - 14 * mm)
        canv.setFont("Helvetica", 7)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.drawString(18 * mm, 10 * mm, f"{site}")
        canv.drawRightString(pw - 18 * mm, 10 * mm, f"Page {doc.page}")
        canv.restoreState()

    pw, ph = A4
    lm = rm = 18 * mm
    tm, bm = 20 * mm, 18 * mm
    one = Frame(lm, bm, pw - lm - rm, ph - tm - bm, id="one")
    gap = 6 * mm
    cw = (pw - lm - rm - gap) / 2
    left = Frame(lm, bm, cw, ph - tm - bm, id="left")
    right = Frame(lm + cw + gap, bm, cw, ph - tm - bm, id="right")
    lw, lh = landscape(A4)
    land = Frame(lm, bm, lw - lm - rm, lh - tm - bm, id="land")
    bare = Frame(0, 0, pw, ph, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="bare")
    templates = {
        "one": PageTemplate(id="one", frames=[one], onPage=header, pagesize=A4),
        "two": PageTemplate(id="two", frames=[left, right], onPage=header, pagesize=A4),
        "land": PageTemplate(id="land", frames=[land], onPage=header, pagesize=landscape(A4)),
        "bare": PageTemplate(id="bare", frames=[bare], pagesize=A4),
    }
    order = [first] + [k for k in templates if k != first]
    doc = BaseDocTemplate(
        path, pagesize=A4, title=meta.get("title", ""), author=company, subject=meta.get("subject", ""),
        creator="Oresight sample corpus (fictitious)", producer="ReportLab", invariant=1,
        keywords=meta.get("keywords", ""),
    )
    doc.addPageTemplates([templates[k] for k in order])
    doc.build(flowables)


def figure_full(title: str, *, seed: int = 3, labels: Sequence[tuple[str, float, float]] = (),
                kind: str = "map", legend: Sequence[str] = (), caption: str = "",
                height: float = 215 * mm) -> list[Any]:
    """A full-page figure: 'map' (geology polygons), 'mag' (grey-shaded image), 'photo' (core trays)."""
    width = 174 * mm
    d = Drawing(width, height)
    rnd = random.Random(seed)
    if kind == "photo":
        for row in range(5):
            y = height - (row + 1) * (height / 5.4)
            d.add(Rect(6, y, width - 12, height / 6, fillColor=colors.HexColor("#6E6A63"), strokeColor=None))
            for c in range(40):
                g = rnd.randint(90, 200)
                d.add(Rect(10 + c * (width - 20) / 40, y + 6, (width - 20) / 40 - 1, height / 6 - 12,
                           fillColor=colors.Color(g / 255, g / 255, (g - 20) / 255), strokeColor=None))
            d.add(String(8, y + height / 6 + 2, f"Tray {row + 1}", fontName="Helvetica", fontSize=6))
    elif kind == "mag":
        n = 28
        for i in range(n):
            for j in range(n):
                v = 0.5 + 0.35 * rnd.random() * (1 if (i + j) % 7 else 0.4)
                d.add(Rect(i * width / n, j * height / n, width / n + 0.5, height / n + 0.5,
                           fillColor=colors.Color(v, v, v), strokeColor=None))
    else:
        palette = ["#C8E0B4", "#9CC3E6", "#F4B183", "#FFE699", "#D9D2E9", "#E2EFDA"]
        for band in range(7):
            x0 = band * width / 7
            d.add(Rect(x0, 0, width / 7 + rnd.uniform(-5, 5), height, fillColor=colors.HexColor(palette[band % 6]),
                       strokeColor=None))
        for _ in range(12):
            x, y = rnd.uniform(0, width), rnd.uniform(0, height)
            d.add(Line(x, y, x + rnd.uniform(-60, 60), y + rnd.uniform(-80, 80), strokeColor=colors.black,
                       strokeWidth=0.6, strokeDashArray=[3, 2]))
    d.add(Rect(0, 0, width, height, strokeColor=colors.black, fillColor=None, strokeWidth=0.8))
    for text, fx, fy in labels:
        d.add(String(fx * width, fy * height, text, fontName="Helvetica-Bold", fontSize=7))
    for j, text in enumerate(legend):
        d.add(String(width - 60 * mm, 10 + 9 * j, text, fontName="Helvetica", fontSize=6.5))
    out: list[Any] = [CondPageBreak(height + 20 * mm), Paragraph(title, CAPTION), d]
    if caption:
        out.append(Paragraph(caption, SMALL))
    return out


def about_page(company: str, about: str, directors: Sequence[str], address: str, *, extra: str = "") -> list[Any]:
    """A closing page: About the Company, board, registered office, important information."""
    out: list[Any] = [PageBreak(), H2(f"About {company}"), P(about)]
    out.append(H3("Board and management"))
    out += bullets(directors)
    out.append(H3("Registered office"))
    out.append(P(address))
    out.append(H3("Important information"))
    out.append(small("This announcement has been prepared by the Company for information purposes only. It does "
                     "not constitute an offer, invitation, solicitation or recommendation with respect to the "
                     "purchase or sale of any security, and it does not take into account the investment "
                     "objectives, financial situation or needs of any person. Past performance is not a reliable "
                     "indicator of future performance. References to previous announcements are available on the "
                     "Company's website and on the ASX announcements platform. The Company confirms that it is not "
                     "aware of any new information or data that materially affects the information included in "
                     "previous market announcements, and that the form and context in which the Competent "
                     "Person's findings are presented have not been materially modified."))
    if extra:
        out.append(small(extra))
    return out
