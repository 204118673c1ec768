"""Extraction rules, one form at a time: each case is a sentence and the intercepts it must give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oresight.extract import extract, extract_text
from oresight.model import Cell, Document, Page, Table

# (text, [(hole, from, to, width, grade, unit, analyte, including)])
CASES: list[tuple[str, list[tuple[object, ...]]]] = [
    ("Hole KRC001 returned 13m @ 3.95g/t Au from 35m.",
     [("KRC001", 35.0, 48.0, 13.0, 3.95, "g/t", "Au", False)]),
    ("KRD012 intersected 13 metres at 3.95 grams per tonne gold from 35 metres.",
     [("KRD012", 35.0, 48.0, 13.0, 3.95, "g/t", "Au", False)]),
    ("Drilling returned 3.95 g/t Au over 13.0 m in hole WBD-25-012.",
     [("WBD-25-012", None, None, 13.0, 3.95, "g/t", "Au", False)]),
    ("Hole 23-05 returned 210 meters at 0.4% copper and 0.2 grams per tonne gold from 18 meters to end-of-hole.",
     [("23-05", 18.0, 228.0, 210.0, 0.4, "%", "Cu", False), ("23-05", 18.0, 228.0, 210.0, 0.2, "g/t", "Au", False)]),
    ("Hole ABC-22-01 assayed 8.41 g/t Au over 11 m including 21.7 g/t over 3.2 m.",
     [("ABC-22-01", None, None, 11.0, 8.41, "g/t", "Au", False), ("ABC-22-01", None, None, 3.2, 21.7, "g/t", "Au", True)]),
    ("• 24MDD007: 6 m @ 2.9% Ni, 1.1% Cu from 242 m",
     [("24MDD007", 242.0, 248.0, 6.0, 2.9, "%", "Ni", False), ("24MDD007", 242.0, 248.0, 6.0, 1.1, "%", "Cu", False)]),
    ("KRD012 returned 18.6 metres at 1.05% copper from 52.5 metres. KRD013 returned 25.3 metres at 0.52% from "
     "71.35 metres.",
     [("KRD012", 52.5, 71.1, 18.6, 1.05, "%", "Cu", False), ("KRD013", 71.35, 96.65, 25.3, 0.52, "%", "Cu", False)]),
    ("RC hole PRC044 intersected 45.5 feet grading 0.31 oz/t Au from 120 feet.",
     [("PRC044", 36.58, 50.45, 13.87, 0.31, "oz/t", "Au", False)]),
    ("LPD019: 25m @ 1.45% Li₂O from 102m (incl. 8m @ 2.1% Li2O from 110m)",
     [("LPD019", 102.0, 127.0, 25.0, 1.45, "%", "Li2O", False), ("LPD019", 110.0, 118.0, 8.0, 2.1, "%", "Li2O", True)]),
    ("Hole GX-7 returned 13m @ 3.95g/t Au from 35m, inc. 2m @ 12.1g/t Au from 40m",
     [("GX-7", 35.0, 48.0, 13.0, 3.95, "g/t", "Au", False), ("GX-7", 40.0, 42.0, 2.0, 12.1, "g/t", "Au", True)]),
    ("Clay hole CAC123 returned 30m @ 3,000ppm TREO from surface.",
     [("CAC123", 0.0, 30.0, 30.0, 3000.0, "ppm", "TREO", False)]),
    ("WRC-9: 4.5m @ 1,250ppm eU3O8 from 88m", [("WRC-9", 88.0, 92.5, 4.5, 1250.0, "ppm", "eU3O8", False)]),
    ("Hole GRD031 intersected 42m @ 12.1% TGC from 5m", [("GRD031", 5.0, 47.0, 42.0, 12.1, "%", "TGC", False)]),
    ("MND22 returned 13m @ 3.95 g/t AuEq (2.1 g/t Au, 1.2% Cu) from 35m",
     [("MND22", 35.0, 48.0, 13.0, 3.95, "g/t", "AuEq", False), ("MND22", 35.0, 48.0, 13.0, 2.1, "g/t", "Au", False),
      ("MND22", 35.0, 48.0, 13.0, 1.2, "%", "Cu", False)]),
]


def _tuples(text: str) -> list[tuple[object, ...]]:
    ex = extract_text(text)
    return [(i.hole_id, i.from_m, i.to_m, i.width_m, i.grade, i.unit, i.analyte, i.including) for i in ex.intercepts]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_prose_intercept_forms(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _tuples(text) == expected


NEGATIVES = [
    "An Exploration Target of 10–15 Mt at 1.0–1.4% Li2O has been estimated for the project.",
    "The Company completed 37 holes for 5,212 m. Assays are pending.",
    "Visual estimates of 15–20% spodumene were logged over 12m.",
    "Rock chips returned up to 15.2 g/t Au.",
    "The mill processed 250kt at 2.1 g/t Au head grade.",
    "Significant intercepts are defined as greater than 10 gram-metres, e.g. 5m @ 2 g/t Au.",
    "Drilling is targeting grades of 2 g/t Au over 20m widths.",
    "Visually logged 10m @ 5% sulphides from 20m.",
    "The neighbouring Big Hill deposit owned by Rival Gold hosts 5.0Mt @ 2.0 g/t Au.",
    "Intercepts are reported at a 0.5 g/t Au cut-off.",
    "Gold price assumption US$2,400/oz.",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_numbers_that_are_not_results(text: str) -> None:
    ex = extract_text(text)
    assert ex.intercepts == ()
    assert ex.resources == ()


def test_excluded_figures_keep_their_reason() -> None:
    ex = extract_text("Visual estimates: hole X1 logged 12m @ 20% Li2O from 5m (visual).")
    assert ex.intercepts == ()
    assert [e.kind for e in ex.excluded] == ["visual"]


def test_prose_resource_with_contained_and_category() -> None:
    ex = extract_text("The Indicated Mineral Resource is 5.2 million tonnes at 1.3 g/t Au for 217,000 oz, "
                      "reported under the JORC Code (2012) at a 0.5 g/t Au cut-off.")
    assert [(r.category, r.tonnes, r.grade, r.unit, r.analyte, r.contained, r.contained_unit, r.code)
            for r in ex.resources] == [("indicated", 5_200_000.0, 1.3, "g/t", "Au", 217_000.0, "oz", "JORC")]
    assert ex.resources[0].cutoff == "0.5 g/t Au"


def test_prose_resource_kt_contained() -> None:
    ex = extract_text("A Mineral Resource Estimate of 12.4Mt @ 1.21% Li2O for 150kt Li2O (Indicated and Inferred).")
    (r,) = ex.resources
    assert (r.tonnes, r.grade, r.analyte, r.contained, r.contained_unit, r.category) == (
        12_400_000.0, 1.21, "Li2O", 150_000.0, "t", "total")


def test_company_and_listings() -> None:
    ex = extract_text("Kestrel Gold Limited (ASX: KGL, OTCQB: KSTGF) is pleased to announce results.")
    assert [(c.name, c.ticker, c.exchange) for c in ex.companies] == [
        ("Kestrel Gold Limited", "KGL", "ASX"), ("Kestrel Gold Limited", "KSTGF", "OTCQB")]


def test_repeats_merge_into_one_intercept() -> None:
    text = ("HIGHLIGHTS\n• 13m @ 3.95g/t Au from 35m\n\nHole KRC001 returned 13m @ 3.95g/t Au from 35m, the best "
            "result to date.")
    ex = extract_text(text)
    assert len(ex.intercepts) == 1
    assert ex.intercepts[0].hole_id == "KRC001"


def test_span_points_at_surface() -> None:
    text = "Some words first. Hole KRC001 returned 13m @ 3.95g/t Au from 35m."
    (i,) = extract_text(text).intercepts
    assert text[i.span.start : i.span.end] == i.surface == "13m @ 3.95g/t Au from 35m"


def _cell(t: str) -> Cell:
    return Cell(t, None)


def test_table_intercepts_and_collar_table() -> None:
    sig = Table(page=1, title="Table 1: Significant intercepts",
                header=("Hole ID", "From (m)", "To (m)", "Interval (m)", "Au (g/t)", "Cu (%)"),
                rows=tuple(tuple(_cell(c) for c in r) for r in [
                    ("KRC001", "35", "48", "13", "3.95", "0.12"),
                    ("incl.", "40", "42", "2", "12.1", "-"),
                    ("KRC002", "NSI", "", "", "", ""),
                    ("KRC003", "10", "14", "4", "1.05", "0.31"),
                ]))
    collar = Table(page=1, title="Table 2: Collar details",
                   header=("Hole ID", "Easting", "Northing", "RL", "Dip", "Azimuth", "Depth (m)"),
                   rows=((_cell("KRC001"), _cell("412345"), _cell("6543210"), _cell("420"), _cell("-60"),
                          _cell("270"), _cell("120")),))
    doc = Document(kind="pdf", pages=(Page(1, "text", tables=(sig, collar)),), sha256="x")
    got = [(i.hole_id, i.from_m, i.width_m, i.grade, i.analyte, i.including) for i in extract(doc).intercepts]
    assert got == [
        ("KRC001", 35.0, 13.0, 3.95, "Au", False), ("KRC001", 35.0, 13.0, 0.12, "Cu", False),
        ("KRC001", 40.0, 2.0, 12.1, "Au", True),
        ("KRC003", 10.0, 4.0, 1.05, "Au", False), ("KRC003", 10.0, 4.0, 0.31, "Cu", False),
    ]


def test_resource_table() -> None:
    t = Table(page=1, title="Table 1: Mineral Resource Estimate (JORC 2012) at 0.5 g/t Au cut-off",
              header=("Category", "Tonnes (Mt)", "Au (g/t)", "Contained Au (koz)"),
              rows=tuple(tuple(_cell(c) for c in r) for r in [
                  ("Indicated", "5.2", "1.30", "217"), ("Inferred", "3.1", "1.10", "110"),
                  ("Total", "8.3", "1.23", "327")]))
    doc = Document(kind="pdf", pages=(Page(1, "Resource", tables=(t,)),), sha256="x")
    got = [(r.category, r.tonnes, r.grade, r.analyte, r.contained) for r in extract(doc).resources]
    assert got == [("indicated", 5_200_000.0, 1.3, "Au", 217_000.0), ("inferred", 3_100_000.0, 1.1, "Au", 110_000.0),
                   ("total", 8_300_000.0, 1.23, "Au", 327_000.0)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_extraction_never_raises_on_arbitrary_text(text: str) -> None:
    ex = extract_text(text)
    for i in ex.intercepts:
        assert i.width_m is None or i.width_m > 0
        assert 0 <= i.span.start <= i.span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["13m", "@", "3.95", "g/t", "Au", "from", "35m", "incl.", "%", "Cu", ",", "and",
                                 "over", "ppm", "TREO", "KRC001", "(", ")", "Mt", "at", "for", "koz", "\n", "-"]),
                max_size=40))
def test_extraction_never_raises_on_result_like_tokens(tokens: list[str]) -> None:
    extract_text(" ".join(tokens))


MORE_FORMS: list[tuple[str, list[tuple[object, ...]]]] = [
    ("KR-22-14 returned 4.0 metres (m) at 12.2 grams per tonne (g/t) gold (Au) from 88 m.",
     [("KR-22-14", 88.0, 92.0, 4.0, 12.2, "g/t", "Au", False)]),
    ("Hole 25-KR-004 intersected 13.0m @ 3.95g/t Au (from 48.0m).",
     [("25-KR-004", 48.0, 61.0, 13.0, 3.95, "g/t", "Au", False)]),
    ("LD-25-03 intersected 1.35% Li2O over 20.5 m between 120.5 and 141.0 m.",
     [("LD-25-03", 120.5, 141.0, 20.5, 1.35, "%", "Li2O", False)]),
    ("Gold drilling at the Kinsella project. Results include 14m @ 1.2g/t from 20m.",
     [(None, 20.0, 34.0, 14.0, 1.2, "g/t", "Au", False)]),
    ("Hole XRC1: 12m at 2.3 g/t Au from 34m, 5m at 1.2 g/t Au from 80m and 3m at 7.1 g/t Au from 120m",
     [("XRC1", 34.0, 46.0, 12.0, 2.3, "g/t", "Au", False), ("XRC1", 80.0, 85.0, 5.0, 1.2, "g/t", "Au", False),
      ("XRC1", 120.0, 123.0, 3.0, 7.1, "g/t", "Au", False)]),
    ("KRC001: 13M @ 3.95G/T AU FROM 35M", [("KRC001", 35.0, 48.0, 13.0, 3.95, "g/t", "Au", False)]),
    ("Hole X-12 returned 2m at 5.1 g/t gold-equivalent from 10m",
     [("X-12", 10.0, 12.0, 2.0, 5.1, "g/t", "AuEq", False)]),
    ("TW-24-09, a wedge hole cut from TW-24-07A about 60 m above the target, intersected 2.1 m at 2.87% Cu.",
     [("TW-24-09", None, None, 2.1, 2.87, "%", "Cu", False)]),
    ("The best result came from MX-0192, which returned 17 metres grading 2.31 g/t gold commencing at 54 metres "
     "downhole. Within this zone is a higher-grade core of 4 metres at 7.9 g/t Au from 60 metres.",
     [("MX-0192", 54.0, 71.0, 17.0, 2.31, "g/t", "Au", False), ("MX-0192", 60.0, 64.0, 4.0, 7.9, "g/t", "Au", True)]),
    ("KRD016 intersected copper mineralisation from 35m to 48m averaging 0.44% Cu.",
     [("KRD016", 35.0, 48.0, 13.0, 0.44, "%", "Cu", False)]),
    ("BRD-11 returned 0.78 g/t Au over 143.0 metres, including 1.52 g/t Au over 38.0 metres.",
     [("BRD-11", None, None, 143.0, 0.78, "g/t", "Au", False), ("BRD-11", None, None, 38.0, 1.52, "g/t", "Au", True)]),
]


@pytest.mark.parametrize("text,expected", MORE_FORMS, ids=[c[0][:40] for c in MORE_FORMS])
def test_more_prose_forms(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _tuples(text) == expected


def test_key_value_records_per_hole() -> None:
    text = """DRILL HOLE DETAILS

BN-24-019 (north lens)
    Interval ............ 331.4 to 346.0 m      (14.6 m core length)
    Nickel .............. 1.84 %
    Copper .............. 0.52 %

  which includes
    Interval ............ 336.2 to 340.9 m      (4.7 m core length)
    Nickel .............. 4.12 %

HM-25-11
Interval: 45.0 – 61.5 m (16.5 m)
Gold: 3.88 g/t · Silver: 12 g/t
"""
    got = [(i.hole_id, i.from_m, i.to_m, i.width_m, i.grade, i.unit, i.analyte, i.including)
           for i in extract_text(text).intercepts]
    assert got == [
        ("BN-24-019", 331.4, 346.0, 14.6, 1.84, "%", "Ni", False),
        ("BN-24-019", 331.4, 346.0, 14.6, 0.52, "%", "Cu", False),
        ("BN-24-019", 336.2, 340.9, 4.7, 4.12, "%", "Ni", True),
        ("HM-25-11", 45.0, 61.5, 16.5, 3.88, "g/t", "Au", False),
        ("HM-25-11", 45.0, 61.5, 16.5, 12.0, "g/t", "Ag", False),
    ]


def test_decimal_commas() -> None:
    got = _tuples("KOV-23-006: 24,00 m @ 0,48 % Ni, 0,19 % Cu from 101,00 m")
    assert got == [("KOV-23-006", 101.0, 125.0, 24.0, 0.48, "%", "Ni", False),
                   ("KOV-23-006", 101.0, 125.0, 24.0, 0.19, "%", "Cu", False)]
    # a thousands separator stays one
    assert _tuples("Hole AB-12 returned 2m @ 1,250 ppm TREO")[0][4] == 1250.0


def test_table_with_intercept_text_cells_and_interval_cells() -> None:
    t = Table(page=1, title="Significant intercepts",
              header=("Drill hole", "Significant intercept", "Depth from (m)"),
              rows=((_cell("NB25RC-014"), _cell("12 m @ 2.40 g/t Au"), _cell("38")),
                    (_cell("- incl."), _cell("4 m @ 5.95 g/t Au"), _cell("41"))))
    t2 = Table(page=1, title="Results", header=("Hole", "Interval (m)", "Length (m)", "Cu (%)"),
               rows=((_cell("SCD-24-032"), _cell("20.0 – 138.0"), _cell("118.0"), _cell("0.22")),))
    doc = Document(kind="html", pages=(Page(1, "x", tables=(t, t2)),), sha256="x")
    got = [(i.hole_id, i.from_m, i.to_m, i.width_m, i.grade, i.analyte, i.including) for i in extract(doc).intercepts]
    assert got == [("NB25RC-014", 38.0, 50.0, 12.0, 2.4, "Au", False), ("NB25RC-014", 41.0, 45.0, 4.0, 5.95, "Au", True),
                   ("SCD-24-032", 20.0, 138.0, 118.0, 0.22, "Cu", False)]


def test_transposed_resource_table() -> None:
    t = Table(page=1, title="Mineral Resource", header=("", "Indicated", "Inferred", "Total"),
              rows=((_cell("Tonnes (Mt)"), _cell("14.8"), _cell("22.3"), _cell("37.1")),
                    (_cell("Li2O (%)"), _cell("1.32"), _cell("1.18"), _cell("1.24"))))
    doc = Document(kind="html", pages=(Page(1, "Mineral Resource", tables=(t,)),), sha256="x")
    got = [(r.category, r.tonnes, r.grade, r.analyte) for r in extract(doc).resources]
    assert got == [("indicated", 14_800_000.0, 1.32, "Li2O"), ("inferred", 22_300_000.0, 1.18, "Li2O"),
                   ("total", 37_100_000.0, 1.24, "Li2O")]


def test_other_company_results_are_set_aside() -> None:
    text = ("Lorikeet Gold Limited (ASX: LKG) has acquired the Wombat Hill project. Cobbler Resources has reported "
            "a Mineral Resource for Mt Kelso of 45.2Mt @ 1.10g/t Au for 1.6Moz. Cobbler recently reported drill "
            "intercepts including 28m @ 4.1g/t Au from 96m.")
    ex = extract_text(text)
    assert ex.intercepts == () and ex.resources == ()
    assert {e.kind for e in ex.excluded} == {"other_company"}


def test_commodities_from_results_and_names_not_substrings() -> None:
    ex = extract_text("Kestrel Gold Limited (ASX: KGL). Drilling at a 60 DEGREE dip returned KRC001: 13m @ 3.95g/t Au "
                      "from 35m. We AGREE the results are FREE of errors.")
    assert ex.commodities == ("Au",)


def test_line_tables_with_section_rows() -> None:
    text = """Results by hole (lower cut-off 1 ppm Au)
From (m) To (m) Length (m) Au (ppm) Ag (ppm) Comment
Hole BWD-118 (346120E 6578410N, -55/090, EOH 310.4 m)
64.00 71.00 7.00 3.12 1.4 North lode
66.00 68.00 2.00 8.75 3.9 Includes
Hole BWD-120 (346240E 6578600N, -60/090, EOH 250.0 m)
No significant intersection
Hole BWD-121 (346050E 6578395N, -62/090, EOH 265.7 m)
201.00 203.30 2.30 12.40 5.1 North lode, VG noted
"""
    got = [(i.hole_id, i.from_m, i.width_m, i.grade, i.unit, i.analyte, i.including) for i in extract_text(text).intercepts]
    assert got == [
        ("BWD-118", 64.0, 7.0, 3.12, "ppm", "Au", False), ("BWD-118", 64.0, 7.0, 1.4, "ppm", "Ag", False),
        ("BWD-118", 66.0, 2.0, 8.75, "ppm", "Au", True), ("BWD-118", 66.0, 2.0, 3.9, "ppm", "Ag", True),
        ("BWD-121", 201.0, 2.3, 12.4, "ppm", "Au", False), ("BWD-121", 201.0, 2.3, 5.1, "ppm", "Ag", False),
    ]


def test_line_table_rows_that_do_not_fit_are_left_alone() -> None:
    text = """Hole ID From (m) To (m) Interval (m) Au (g/t)
KRC001 35 48 13
KRC002 10 14 4 1.05
"""
    got = [(i.hole_id, i.from_m, i.width_m, i.grade) for i in extract_text(text).intercepts]
    assert got == [("KRC002", 10.0, 4.0, 1.05)]


def test_interval_table_whose_grade_header_names_only_the_analyte() -> None:
    t = Table(page=1, title="Table 1: Significant intercepts", header=("Hole", "From", "To", "Width", "Au", "Cu"),
              rows=((_cell("KRC001"), _cell("35"), _cell("48"), _cell("13"), _cell("3.95"), _cell("0.12")),))
    doc = Document(kind="pdf", pages=(Page(1, "x", tables=(t,)),), sha256="x")
    got = [(i.hole_id, i.width_m, i.grade, i.unit, i.analyte) for i in extract(doc).intercepts]
    assert got == [("KRC001", 13.0, 3.95, "g/t", "Au"), ("KRC001", 13.0, 0.12, "%", "Cu")]


def test_uncut_and_cut_grade_columns_give_one_grade() -> None:
    t = Table(page=1, title="Significant intercepts",
              header=("Hole_ID", "From (m)", "To (m)", "Interval (m)", "Au g/t (cut)", "Au g/t (uncut)"),
              rows=((_cell("KRC001"), _cell("35"), _cell("37"), _cell("2"), _cell("30.0"), _cell("85.2")),))
    doc = Document(kind="pdf", pages=(Page(1, "x", tables=(t,)),), sha256="x")
    assert [(i.hole_id, i.grade) for i in extract(doc).intercepts] == [("KRC001", 85.2)]


@pytest.mark.parametrize("text", [
    "Intercepts were calculated over 1m intervals at 0.1 g/t cut with up to 2m of internal waste.",
    "Composites of 4m were collected and samples returning >0.1 g/t Au were re-split to 1m.",
    "RC drilling of 32 holes for 3,200m at Boomerang tested the lode.",
    "Historical (non-JORC) drilling by a previous explorer reported 12m @ 5.2 g/t Au.",
    "The mine produced 150kt @ 2.1 g/t Au in the quarter (head grade).",
])
def test_more_numbers_that_are_not_results(text: str) -> None:
    assert extract_text(text).intercepts == ()


def test_month_and_plan_words_do_not_hide_results() -> None:
    assert len(extract_text("The hole was drilled in May and KRC009 returned 13m @ 3.95 g/t Au from 35m.").intercepts) == 1
    assert len(extract_text("Figure 2: Plan view showing KRC010 (8m @ 2.2 g/t Au from 12m).").intercepts) == 1


_CELL_TEXT = st.sampled_from(["", "KRC001", "incl.", "35", "48", "13", "3.95", "0.12", "-", "NSI", "<0.01", "1,250",
                              "12.0 – 20.0", "n/a", "Indicated", "Total", "5.2", "EOH", "x"])
_HEADERS = st.sampled_from(["Hole ID", "From (m)", "To (m)", "Interval (m)", "Au (g/t)", "Cu (%)", "TREO ppm",
                            "Category", "Tonnes (Mt)", "Contained Au (koz)", "Easting", "Comment", "", "Au"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_HEADERS, min_size=1, max_size=7).flatmap(
    lambda header: st.tuples(st.just(tuple(header)),
                             st.lists(st.lists(_CELL_TEXT, min_size=len(header), max_size=len(header)), max_size=6))))
def test_tables_never_raise(table: tuple[tuple[str, ...], list[list[str]]]) -> None:
    header, rows = table
    t = Table(page=1, header=header, rows=tuple(tuple(_cell(c) for c in r) for r in rows), title="Table 1")
    ex = extract(Document(kind="pdf", pages=(Page(1, "x", tables=(t,)),), sha256="x"))
    for i in ex.intercepts:
        assert i.width_m is not None and i.width_m > 0 and i.grade > 0


@pytest.mark.parametrize("text,expected", [
    ("The Tindal Creek Mineral Resource stands at 2.1 million ounces (31.5Mt @ 2.07g/t Au).",
     ("total", 31_500_000.0, 2.07, "Au", 2_100_000.0, "oz")),
    ("A maiden Mineral Resource of 1.13Moz at 1.40g/t Au (25.1Mt) is reported under JORC 2012.",
     ("total", 25_100_000.0, 1.4, "Au", 1_130_000.0, "oz")),
    ("Indicated Resources of 46,500t Li2O at 1.5% Li2O (3.1Mt).",
     ("indicated", 3_100_000.0, 1.5, "Li2O", 46_500.0, "t")),
])
def test_resources_stated_contained_metal_first(text: str, expected: tuple[object, ...]) -> None:
    (r,) = extract_text(text).resources
    assert (r.category, r.tonnes, r.grade, r.analyte, r.contained, r.contained_unit) == expected


def test_hostile_length_is_bounded() -> None:
    """Extraction reads a page up to MAX_PAGE_CHARS: a result buried after that in a hostile page is not read."""
    from oresight.extract import MAX_PAGE_CHARS

    filler = "x " * (MAX_PAGE_CHARS // 2)
    early = extract_text("KRC001 returned 13m @ 3.95g/t Au from 35m. " + filler)
    late = extract_text(filler + " KRC002 returned 13m @ 3.95g/t Au from 35m.")
    assert len(early.intercepts) == 1 and late.intercepts == ()


def test_a_part_quoted_within_a_resource_is_not_a_resource() -> None:
    text = ("The Mineral Resource is 612 Mt at 0.38% CuEq. A higher-grade core of 140 Mt at 0.52% CuEq sits within the "
            "M&I resource. The resource includes 5.2Mt at 0.61% CuEq in the Indicated category.")
    got = [(r.tonnes, r.grade) for r in extract_text(text).resources]
    assert got == [(612_000_000.0, 0.38), (5_200_000.0, 0.61)]


@pytest.mark.parametrize("text,expected", [
    ("Hole KRC013 returned 10m @ 2.1 g/t Au and 35 g/t Te from 5m.", [("KRC013", 5.0, 10.0, 2.1, "g/t", "Au")]),
    ("Hole KRC011 returned 10m @ 450ppm Li and 1,200 ppm Cs from 5m.", [("KRC011", 5.0, 10.0, 450.0, "ppm", "Li")]),
    ("KRC070: 44m @ 1.05g/t Au (0.3g/t Au cut-off) from surface.", [("KRC070", 0.0, 44.0, 1.05, "g/t", "Au")]),
])
def test_unknown_elements_and_bracketed_cutoffs(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(i.hole_id, i.from_m, i.width_m, i.grade, i.unit, i.analyte) for i in extract_text(text).intercepts]
    assert got == expected


def test_table_column_of_an_unknown_element_is_not_read() -> None:
    t = Table(page=1, title="Significant intercepts", header=("Hole ID", "From (m)", "To (m)", "Interval (m)", "Au (g/t)",
                                                              "Te (g/t)"),
              rows=((_cell("KRC001"), _cell("10"), _cell("14"), _cell("4"), _cell("2.5"), _cell("40")),))
    doc = Document(kind="pdf", pages=(Page(1, "Gold drilling", tables=(t,)),), sha256="x")
    assert [(i.grade, i.analyte) for i in extract(doc).intercepts] == [(2.5, "Au")]


@pytest.mark.parametrize("text", [
    "A grade of 5.2% Zn over a strike length of 400m was mapped at surface.",
    "Results from the program averaged 1.2g/t Au over 350m of drilling.",
    "The 2m @ 10g/t Au target zone remains untested.",
    "Historic drilling by Newmont in 1988 intersected 25m @ 3.1g/t Au from 15m in hole N-88-4.",
])
def test_lengths_targets_and_history_that_are_not_results(text: str) -> None:
    assert extract_text(text).intercepts == ()


def test_each_estimate_keeps_its_own_bracketed_category() -> None:
    text = "The resource is 12.4 Mt @ 1.3 g/t Au for 518 koz (Indicated) and 3.1 Mt @ 1.1 g/t Au for 110 koz (Inferred)."
    assert [(r.category, r.tonnes) for r in extract_text(text).resources] == [
        ("indicated", 12_400_000.0), ("inferred", 3_100_000.0)]


@pytest.mark.parametrize("text,holes", [
    ("An intercept of 35.5m @ 1.21% Cu from 212m was returned in hole KRC001.", ["KRC001"]),
    ("Drilling intersected 13m @ 3.95g/t Au from 35m including 2m @ 15.1g/t Au from 40m and 4m @ 2.0g/t Au from "
     "60m in KRC200.", ["KRC200", "KRC200", "KRC200"]),
    ("Hole KRC110 returned 12m @ 2.0g/t Au from 30m, 80m north of KRC111 which returned 5m @ 9g/t Au from 10m.",
     ["KRC110", "KRC111"]),
])
def test_holes_named_after_the_result_or_in_a_relative_clause(text: str, holes: list[str]) -> None:
    assert [i.hole_id for i in extract_text(text).intercepts] == holes
