"""pgx-001: Pegmatix Resources Ltd (fictitious) - lithium RC/DD results, Yalgarra. ~20 pages, two-column body."""
import random

META = {
    "company": "Pegmatix Resources Ltd",
    "ticker_line": "ASX: PGX  |  4 March 2025",
    "site": "pegmatix resources ltd  |  ACN 000 000 002",
    "title": "Yalgarra drilling delivers wide high-grade spodumene intercepts",
    "first_template": "two",
}

ROWS = [
    ["25YGRC031", "42", "61", "19", "1.42", "88"],
    ["   including", "47", "55", "8", "2.01", "104"],
    ["25YGRC032", "88", "97", "9", "1.16", "61"],
    ["25YGRC034", "15", "27", "12", "1.63", "142"],
    ["25YGRC034", "110", "114", "4", "0.87", "49"],
    ["25YGRC035", "56", "78", "22", "1.28", "73"],
    ["   including", "60", "71", "11", "1.74", "80"],
    ["25YGRC037", "131", "138", "7", "1.05", "-"],
    ["25YGRC038", "9", "21", "12", "1.37", "118"],
    ["25YGRC040", "74", "102", "28", "1.51", "96"],
    ["   including", "81", "95", "14", "2.12", "110"],
    ["25YGRC041", "63", "66", "3", "0.71", "55"],
    ["25YGRC043", "120", "141", "21", "1.19", "67"],
    ["25YGRC044", "", "", "", "NSI", ""],
    ["25YGRC046", "33", "51", "18", "1.66", "131"],
    ["25YGDD003", "145.6", "171.3", "25.7", "1.48", "84"],
    ["   including", "152.0", "163.9", "11.9", "1.97", "92"],
    ["25YGDD004", "201.2", "208.0", "6.8", "1.11", "70"],
]

VISUAL = [
    ["25YGRC047", "22", "40", "18", "15-20", "Coarse spodumene, minor lepidolite"],
    ["25YGRC048", "61", "83", "22", "10-15", "Medium-grained spodumene"],
    ["25YGRC049", "-", "-", "-", "-", "No pegmatite intersected"],
    ["25YGRC050", "104", "112", "8", "5-10", "Spodumene with albite"],
    ["25YGDD005", "188.4", "210.9", "22.5", "20-25", "Very coarse spodumene laths to 15cm"],
]


def _known():
    """Pegmatite intervals implied by the assays (Table 1) and the visual log (Table 2)."""
    known = {}
    for r in ROWS + VISUAL:
        if r[0].strip() == "including" or r[1] in ("", "-"):
            continue
        known.setdefault(r[0], []).append((float(r[1]), float(r[2])))
    return known


def pegmatite_log():
    rnd = random.Random(19)
    known = _known()
    out = []
    for n in [*range(31, 51), "DD003", "DD004", "DD005"]:
        h = f"25YGRC0{n}" if isinstance(n, int) else f"25YG{n}"
        if h == "25YGRC049":
            out.append([h, "-", "-", "-", "-", "No pegmatite intersected"])
            continue
        if h in known:
            ivs = [(max(a - rnd.randint(0, 2), 0), b + rnd.randint(0, 2)) for a, b in known[h]]
        else:
            top = rnd.randint(6, 30)
            ivs = [(top, top + rnd.randint(2, 9))]
        first = True
        for i, (a, b) in enumerate(ivs):
            fmt = (lambda v: f"{v:.1f}") if isinstance(a, float) and (a % 1 or b % 1) else (lambda v: f"{v:.0f}")
            out.append([h if first else "", fmt(a), fmt(b), fmt(b - a), ("D1", "D2", "D3")[min(i + (a > 60), 2)],
                        "Spodumene pegmatite" if h in known else rnd.choice(["Albite-rich pegmatite",
                                                                              "Barren pegmatite"])])
            first = False
    return out


def collars():
    rnd = random.Random(7)
    out = []
    known = _known()
    for n in range(31, 51):
        h = f"25YGRC0{n}"
        deepest = max([b for _, b in known.get(h, [])] or [0])
        d = rnd.choice([96, 108, 120, 132, 150])
        while d < deepest + 10:
            d += 12
        out.append([h, "RC", str(651200 + rnd.randint(-400, 400)), str(7659300 + rnd.randint(-600, 600)),
                    f"{rnd.uniform(318, 334):.1f}", "-60", str(rnd.choice([135, 135, 140, 130])), str(d)])
    for h, d in [("25YGDD003", "240.7"), ("25YGDD004", "252.3"), ("25YGDD005", "261.0")]:
        out.append([h, "DD", str(651200 + rnd.randint(-200, 200)), str(7659300 + rnd.randint(-300, 300)),
                    f"{rnd.uniform(318, 334):.1f}", "-65", "135", d])
    return out


JORC = {
    "sampling": "RC drilling was sampled at 1m intervals via a rig-mounted cone splitter, producing a 2-3kg "
    "sample. Pegmatite intervals and 2m of wall rock either side were sampled at 1m; the remainder of each "
    "hole was composited over 4m by spear. Diamond core (HQ) was quarter-cored and sampled to lithological "
    "contacts, minimum 0.3m and maximum 1.0m. Sampling was supervised by a Company geologist.",
    "drilling": "RC drilling used a 140mm face-sampling hammer. Diamond holes were drilled HQ3 from surface "
    "(no pre-collar), and core was oriented with a Reflex ACT III tool.",
    "method": "Samples were analysed by sodium peroxide fusion with ICP-OES and ICP-MS finish for a 26-element "
    "suite including Li, Ta, Nb, Cs, Rb, Fe and Sn. Li is converted to Li2O by multiplying by 2.153 and Ta to "
    "Ta2O5 by multiplying by 1.2211.",
    "lab": "Intertek Genalysis", "lab_city": "Perth",
    "crs": "GDA2020 MGA Zone 50",
    "tenement": "Exploration Licence E 45/6123",
    "logging": "All holes were logged for lithology, mineralogy, grain size, alteration and weathering. "
    "Spodumene abundance within pegmatite was visually estimated as a percentage of the interval. Visual "
    "estimates are qualitative and are not a substitute for laboratory assays.",
    "geology_text": "Yalgarra lies within the Archaean Pilbara Craton, on the margin of a late granite "
    "batholith. Spodumene-bearing albite-quartz-microcline pegmatites intrude metabasalt and ultramafic "
    "schist as a swarm of stacked, shallowly south-east-dipping dykes 2m to 35m thick. Spodumene is the "
    "dominant lithium mineral with minor lepidolite; tantalum occurs as fine tantalite-columbite.",
    "aggregation_text": "Intercepts are length-weighted averages reported above a 0.4% Li2O lower cut-off with "
    "up to 3m of internal dilution. Higher-grade 'including' intervals use a 1.0% Li2O cut-off. No top cut "
    "is applied. No metal equivalents are used.",
    "widths_text": "The pegmatites dip at 15 to 30 degrees to the south-east and holes were drilled at -60 "
    "towards 135, so down-hole widths are estimated at 85% to 95% of true width.",
    "further_text": "A 20,000m RC and 3,000m diamond programme is planned for the June and September quarters "
    "to support a maiden Mineral Resource estimate, together with metallurgical (heavy liquid separation) "
    "test work.",
    "other_parties": "The tenement was explored for gold and base metals between 1985 and 2012. No previous "
    "explorer assayed for lithium. The region hosts several major lithium operations owned by unrelated "
    "companies.",
}


def story(k):
    s = []
    s.append(k.H1("Yalgarra drilling delivers wide high-grade spodumene intercepts"))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "First assays from the 2025 programme at the Yalgarra Lithium Project confirm thick, shallow "
        "spodumene pegmatites over 1.4km of strike.",
        "<b>28m @ 1.51% Li<sub>2</sub>O from 74m</b> (25YGRC040) incl. <b>14m @ 2.12% Li<sub>2</sub>O</b> "
        "from 81m",
        "<b>25.7m @ 1.48% Li<sub>2</sub>O from 145.6m</b> (25YGDD003) incl. 11.9m @ 1.97% Li<sub>2</sub>O",
        "<b>19m @ 1.42% Li<sub>2</sub>O from 42m</b> (25YGRC031) incl. 8m @ 2.01% Li<sub>2</sub>O",
        "<b>22m @ 1.28% Li<sub>2</sub>O from 56m</b> (25YGRC035)",
        "Pegmatite with 15-25% visual spodumene logged in four further holes; assays pending.",
    ])
    s.append(k.P("<b>Pegmatix Resources Ltd (ASX: PGX)</b> (\"Pegmatix\" or \"the Company\") is pleased to "
                 "report the first assay results from the 2025 drilling programme at its 100%-owned Yalgarra "
                 "Lithium Project, 60km south of Port Hedland in the Pilbara region of Western Australia."))
    s.append(k.P("The programme of 20 RC holes for 2,466m and three diamond holes for 754m tested the "
                 "Eastern Dyke Swarm, where surface mapping and rock chip sampling in 2024 identified "
                 "spodumene pegmatites over 1.4km of strike. Assays have been received for 16 RC holes and "
                 "two diamond holes."))
    s.append(k.H3("Eastern Dyke Swarm"))
    s.append(k.P("Drilling intersected a stack of three to five shallowly dipping pegmatite dykes. The main "
                 "(D2) dyke is the thickest and best mineralised. In 25YGRC040 the D2 dyke returned 28m @ "
                 "1.51% Li2O from 74m, including a very high-grade core of 14m at 2.12% Li2O. Diamond hole "
                 "25YGDD003, drilled 200m down dip, intersected 25.7m @ 1.48% Li2O from 145.6m, confirming "
                 "the continuity of the D2 dyke at depth."))
    s.append(k.P("The upper D1 dyke outcrops at surface and returned 12m @ 1.63% Li2O from 15m in 25YGRC034 "
                 "and 12m @ 1.37% Li2O from 9m in 25YGRC038, highlighting potential for a low strip ratio "
                 "starter pit."))
    s.append(k.P("Tantalum grades of 49ppm to 142ppm Ta2O5 are consistent with a spodumene-dominant, "
                 "tantalum-poor pegmatite system. Iron in the pegmatite is low (below 0.8% Fe2O3)."))
    s.append(k.H3("Holes awaiting assays"))
    s.append(k.P("Four RC holes and one diamond hole intersected pegmatite with visually estimated "
                 "spodumene contents of 5% to 25% (Table 2). 25YGDD005 intersected 22.5m of pegmatite with "
                 "very coarse spodumene laths up to 15cm long. In relation to the disclosure of visual "
                 "mineralisation, the Company cautions that visual estimates of mineral abundance should never "
                 "be considered a proxy or substitute for laboratory analysis. Assays are expected in April."))
    s.append(k.H3("Next steps"))
    s.append(k.P("A 20,000m RC programme to infill the Eastern Dyke Swarm at 50m x 50m spacing is scheduled to "
                 "start in May, with the aim of delivering a maiden Mineral Resource estimate by the end of "
                 "2025. The Company's exploration target for the broader project area, announced in "
                 "November 2024, is unchanged."))
    s.append(k.P("Executive Chair <b>Dr Leonie Marsh</b> said: \"To hit 28 metres at better than 1.5% from "
                 "74 metres in our first real test of the Eastern Dyke Swarm is an outstanding start, and the "
                 "visuals in the holes still at the lab are just as encouraging.\""))
    s.append(k.NextPageTemplate("one"))
    s.append(k.PageBreak())
    s += k.figure_plan(
        "Figure 1: Yalgarra - Eastern Dyke Swarm drill hole plan with significant intercepts",
        [(f"25YGRC0{n}", 0.25 + 0.02 * (n % 5), 0.08 + 0.04 * (n - 31)) for n in range(31, 51)]
        + [("25YGDD003", 0.6, 0.5), ("25YGDD004", 0.62, 0.3), ("25YGDD005", 0.64, 0.7)],
        [(0.7, 0.85, ["25YGRC040", "28m @ 1.51% Li2O from 74m", "incl. 14m @ 2.12% Li2O"]),
         (0.7, 0.6, ["25YGDD003", "25.7m @ 1.48% Li2O from 145.6m"]),
         (0.05, 0.9, ["25YGDD005", "22.5m pegmatite, 20-25% visual spodumene", "assays pending"])],
        seed=3, e0=650800, n0=7658700, features=[("Eastern Dyke Swarm", 0.3, 0.96)])
    s += k.figure_section("Figure 2: Cross-section A-A' through 25YGRC040 and 25YGDD003",
                          [("25YGRC040", 0.2, 0.3, ["28m @ 1.51% Li2O"]),
                           ("25YGDD003", 0.05, 0.55, ["25.7m @ 1.48% Li2O"])], seed=8, rl_top=330)
    s += k.figure_full("Figure 3: Yalgarra project geology and lithium targets", seed=41,
                       labels=[("Eastern Dyke Swarm", 0.55, 0.6), ("Southern pegmatite field", 0.3, 0.2),
                               ("Yalgarra granite", 0.1, 0.8)],
                       legend=["Pegmatite (mapped)", "Granite", "Metabasalt", "Ultramafic schist"])
    s += k.figure_full("Photo 1: 25YGDD005 core, 196m-204m, coarse spodumene in pegmatite (assays pending)",
                       seed=42, kind="photo", height=140 * k.mm)
    s += k.figure_full("Figure 4: Long section of the D2 dyke showing pierce points (looking north-west)", seed=43,
                       labels=[("25YGRC040 28m @ 1.51% Li2O", 0.3, 0.7), ("25YGDD003 25.7m @ 1.48% Li2O", 0.4, 0.4),
                               ("25YGDD004 6.8m @ 1.11% Li2O", 0.6, 0.25), ("open", 0.8, 0.2)],
                       legend=["Pierce point", "D2 dyke outline (interpreted)"])
    s += k.figure_full("Figure 5: Regional location of the Yalgarra project, Pilbara, Western Australia", seed=44,
                       labels=[("Yalgarra Lithium Project (PGX)", 0.45, 0.45), ("Port Hedland", 0.4, 0.9),
                               ("third-party lithium mine", 0.65, 0.6), ("third-party lithium mine", 0.25, 0.3)],
                       legend=["Pegmatix tenure", "Major roads", "Pilbara Craton granite-greenstone"])
    s += k.figure_full("Photo 2: RC drilling on the Eastern Dyke Swarm, February 2025", seed=45, kind="photo",
                       height=150 * k.mm)
    s += k.figure_full("Figure 6: Planned 2025 infill and extensional drilling", seed=46,
                       labels=[("Planned RC (50m x 50m)", 0.4, 0.6), ("Planned DD", 0.6, 0.3)],
                       legend=["Planned RC collar", "Planned diamond collar", "Completed 2025 hole"])
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 1: Drilling results"))
    s += k.table(
        [["Hole ID", "From\n(m)", "To\n(m)", "Interval\n(m)", "Assay results", ""],
         ["", "", "", "", "Li2O (%)\u00b9", "Ta2O5 (ppm)\u00b2"]],
        ROWS,
        title="Table 1: Yalgarra significant intercepts (0.4% Li2O cut-off, max. 3m internal dilution)",
        widths=[80, 55, 55, 60, 70, 80], font=8,
        spans=[((4, 0), (5, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1)), ((3, 0), (3, 1))],
        notes=["\u00b9 Li2O = Li (ppm) x 2.153 / 10,000.   \u00b2 Ta2O5 = Ta (ppm) x 1.2211. "
               "'-' = not assayed for Ta. NSI = no significant intercept. Widths are down-hole; true widths are "
               "estimated at 85-95% of down-hole widths. 'including' intervals are reported at a 1.0% Li2O "
               "cut-off."],
    )
    s += k.table(
        ["Hole ID", "From (m)", "To (m)", "Pegmatite\ninterval (m)", "Visual spodumene\n(% of interval)", "Comment"],
        VISUAL, title="Table 2: Pegmatite intervals and visual spodumene estimates - assays pending",
        widths=[65, 50, 45, 65, 80, 150], align_left_cols=(0, 5),
        notes=["Visual estimates of spodumene abundance are not assays and should not be relied on as an "
               "indication of grade. Laboratory results are expected in April 2025."],
    )
    s += k.table(["Hole ID", "From (m)", "To (m)", "Thickness (m)", "Dyke", "Logged lithology"],
                 pegmatite_log(), title="Table 4: Logged pegmatite intervals (geological logging, not assays)",
                 widths=[70, 50, 50, 60, 40, 170], align_left_cols=(0, 5))
    s.append(k.NextPageTemplate("land"))
    s.append(k.PageBreak())
    s += k.table(["Hole ID", "Type", "Easting (MGA50)", "Northing (MGA50)", "RL (m)", "Dip", "Azimuth",
                  "Total depth (m)"],
                 collars(), title="Table 3: Yalgarra 2025 drill hole collars",
                 widths=[80, 45, 90, 90, 60, 45, 55, 80])
    s.append(k.NextPageTemplate("one"))
    s += k.jorc_table1(JORC, (1, 2))
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 3: 2024 rock chip sampling (previously reported, 12 November 2024)"))
    s.append(k.P("Rock chip samples are point samples and are not representative of the grade of the "
                 "pegmatites; they are shown for context only."))
    s += k.table(["Sample", "Easting", "Northing", "Li₂O (%)", "Ta₂O₅ (ppm)", "Description"],
                 [["YGR0101", "651322", "7659514", "3.12", "96", "Coarse spodumene"],
                  ["YGR0102", "651390", "7659602", "2.45", "71", "Spodumene pegmatite"],
                  ["YGR0103", "651455", "7659688", "0.08", "12", "Barren quartz-feldspar"],
                  ["YGR0104", "651501", "7659777", "1.87", "134", "Spodumene-albite"],
                  ["YGR0105", "651560", "7659850", "4.02", "65", "Spodumene megacrysts"]],
                 title="Table 5: Eastern Dyke Swarm rock chip results", widths=[60, 60, 65, 55, 65, 150],
                 align_left_cols=(0, 5))
    s += k.cp_statement("Mr Raj Padmanabhan, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Pegmatix Resources Ltd")
    s += k.about_page("Pegmatix Resources Ltd",
                      "Pegmatix is an ASX-listed lithium explorer with a portfolio of hard-rock lithium projects "
                      "in the Pilbara and Yilgarn regions of Western Australia. Its flagship Yalgarra project "
                      "covers 286km<super>2</super> of granted exploration licences.",
                      ["Dr Leonie Marsh - Executive Chair", "Mr Oliver Kettering - Non-Executive Director",
                       "Ms Abigail Tran - Non-Executive Director", "Mr Raj Padmanabhan - Exploration Manager"],
                      "Suite 5, 12 Walker Avenue, West Perth WA 6005")
    s += k.forward_looking("Pegmatix Resources Ltd")
    return s
