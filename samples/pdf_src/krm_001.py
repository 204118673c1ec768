"""krm-001: Kaolin Rare Metals Ltd (fictitious) - ionic clay REE aircore results, Wandilla. ~20 pages."""
import random

META = {
    "company": "Kaolin Rare Metals Ltd",
    "ticker_line": "ASX: KRM  |  ASX RELEASE  |  17 June 2025",
    "site": "Kaolin Rare Metals Ltd  |  ACN 000 000 003  |  Adelaide, South Australia",
    "title": "Thick, high-grade clay-hosted rare earths confirmed at Wandilla",
}

ROWS = [
    ["WAC0123", "3", "15", "12", "1,840", "452", "371", "24.6", "Yes"],
    ["  incl.", "6", "9", "3", "3,215", "815", "668", "25.4", ""],
    ["WAC0124", "6", "18", "12", "1,125", "262", "214", "23.3", "No"],
    ["WAC0125", "9", "21", "12", "2,460", "631", "517", "25.7", "Yes"],
    ["  incl.", "12", "15", "3", "4,890", "1,304", "1,072", "26.7", ""],
    ["WAC0127", "3", "9", "6", "742", "163", "134", "22.0", "No"],
    ["WAC0128", "12", "30", "18", "1,377", "339", "276", "24.6", "Yes"],
    ["WAC0130", "6", "12", "6", "918", "211", "175", "23.0", "No"],
    ["WAC0131", "15", "36", "21", "1,612", "411", "333", "25.5", "Yes"],
    ["  incl.", "24", "30", "6", "2,988", "795", "647", "26.6", ""],
    ["WAC0133", "", "", "", "NSI", "", "", "", ""],
    ["WAC0134", "9", "24", "15", "1,066", "245", "201", "23.0", "No"],
    ["WAC0136", "3", "21", "18", "2,104", "545", "449", "25.9", "Yes"],
    ["WAC0137", "12", "18", "6", "655", "141", "114", "21.5", "No"],
    ["WAC0139", "18", "33", "15", "1,298", "320", "262", "24.7", "Yes"],
    ["WAC0140", "6", "27", "21", "1,733", "442", "362", "25.5", "No"],
    ["WAC0142", "9", "15", "6", "804", "179", "147", "22.3", "No"],
]
EOH = {"WAC0123": 15, "WAC0125": 21, "WAC0128": 30, "WAC0131": 36, "WAC0136": 21, "WAC0139": 33}


def collars():
    rnd = random.Random(123)
    out = []
    deep = {}
    last = None
    for r in ROWS:
        if r[0].strip() != "incl.":
            last = r[0]
        if r[2]:
            deep[last] = max(deep.get(last, 0), int(r[2]))
    for n in range(118, 146):
        h = f"WAC0{n}"
        d = EOH.get(h) or max(deep.get(h, 0) + rnd.choice([3, 6, 9]), rnd.choice([18, 21, 24, 27, 30, 36]))
        out.append([h, str(598300 + rnd.randint(-900, 900)), str(6291400 + rnd.randint(-1200, 1200)),
                    f"{rnd.uniform(96, 121):.0f}", "-90", "0", str(d)])
    return out


JORC = {
    "sampling": "Aircore (AC) drilling was sampled at 3m intervals. Each 1m interval was collected from the "
    "cyclone into a plastic bag and laid out in rows; 3m composite samples of 2-3kg were taken by scoop "
    "from each bag. The top 3m (transported cover and soil) was sampled where logged as clay. The final "
    "sample of each hole was collected from the bottom of hole interval in saprock.",
    "drilling": "Aircore drilling used a 3.5 inch (85mm) blade bit, switching to a hammer only where hard "
    "saprock was encountered. All holes were drilled vertically to blade refusal, which generally marks the "
    "transition from saprolite to saprock or fresh granite.",
    "recovery": "Recovery was visually estimated from the bag volumes and was generally good. Wet samples "
    "were noted; the clay-rich material has a low risk of loss of fines. No relationship between recovery "
    "and grade has been observed.",
    "subsampling": "Composite samples were scooped from each 1m bag. At the laboratory, samples were dried, "
    "crushed where required and pulverised to 85% passing 75 microns.",
    "method": "Samples were analysed for a full rare earth suite (La, Ce, Pr, Nd, Sm, Eu, Gd, Tb, Dy, Ho, Er, "
    "Tm, Yb, Lu and Y) plus Sc, Th and U by lithium borate fusion and ICP-MS. Element concentrations were "
    "converted to oxides using standard stoichiometric factors.",
    "lab": "Bureau Veritas Minerals", "lab_city": "Adelaide",
    "crs": "GDA2020 MGA Zone 53",
    "tenement": "Exploration Licence EL 6842",
    "geology_text": "Wandilla is a regolith-hosted (ionic clay) rare earth prospect. Rare earths are "
    "enriched in the kaolinite-rich saprolite developed over Palaeoproterozoic granite and granitic gneiss. "
    "The clay profile is 10m to 40m thick beneath 1m to 6m of transported cover. Rare earths occur adsorbed on "
    "clay minerals and in secondary phosphates; the ionic (desorbable) fraction is being tested.",
    "aggregation_text": "Intervals are reported above a 600 ppm TREO lower cut-off with a maximum of 3m (one "
    "composite) of internal dilution and a minimum width of 3m. 'incl.' intervals use a 2,000 ppm TREO "
    "cut-off. TREO = La2O3 + CeO2 + Pr6O11 + Nd2O3 + Sm2O3 + Eu2O3 + Gd2O3 + Tb4O7 + Dy2O3 + Ho2O3 + "
    "Er2O3 + Tm2O3 + Yb2O3 + Lu2O3 + Y2O3. MREO = Nd2O3 + Pr6O11 + Dy2O3 + Tb4O7. NdPr = Nd2O3 + Pr6O11. No "
    "metal equivalents are used.",
    "widths_text": "Holes are vertical and the clay profile is flat-lying, so down-hole intervals are "
    "considered to be true thicknesses.",
    "further_text": "Infill aircore drilling at 200m x 200m, diagnostic leach (desorption) tests on composite "
    "samples, and a maiden Mineral Resource estimate.",
    "other_parties": "The area was explored for kaolin and heavy mineral sands in the 1970s and for gold "
    "between 1995 and 2005; none of that work assayed for rare earths. The Ironbark clay rare earth deposit, "
    "held by an unrelated company, lies 40km to the north-west.",
}


def story(k):
    s = []
    s.append(k.H1("Thick, high-grade clay-hosted rare earths confirmed at Wandilla"))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "All assays received for the 28-hole, 812m maiden aircore programme at the Wandilla Rare Earth "
        "Project on South Australia's Eyre Peninsula.",
        "Thick, high-grade clay-hosted REE mineralisation intersected in 13 of 16 holes drilled on the "
        "central traverse, including:",
        "<b>12m @ 2,460ppm TREO from 9m to end of hole</b> (WAC0125), incl. <b>3m @ 4,890ppm TREO</b> from "
        "12m",
        "<b>12m @ 1,840ppm TREO from 3m to EOH</b> (WAC0123), incl. 3m @ 3,215ppm TREO from 6m",
        "<b>18m @ 2,104ppm TREO from 3m to EOH</b> (WAC0136)",
        "<b>21m @ 1,612ppm TREO from 15m to EOH</b> (WAC0131), incl. 6m @ 2,988ppm TREO from 24m",
        "High proportion of valuable magnet rare earths: MREO averages 24.5% of TREO, with NdPr up to "
        "1,072ppm.",
        "Six holes ended in mineralisation at blade refusal; the mineralised clay profile remains open at depth.",
    ])
    s.append(k.P("<b>Kaolin Rare Metals Ltd</b> (ASX: KRM) (\"KRM\" or \"the Company\") is pleased to "
                 "announce final assays from its maiden aircore drilling programme at the 100%-owned Wandilla "
                 "project. The programme was designed to test a 9km-long radiometric thorium anomaly over "
                 "weathered granite identified from regional airborne surveys."))
    s.append(k.P("Managing Director <b>Mr Hamish Toller</b> said: \"Wandilla has delivered on its first "
                 "drilling. The grades and thicknesses compare very well with other clay-hosted rare earth "
                 "projects in Australia and the high MREO content adds value to every tonne.\""))
    s.append(k.H2("Results"))
    s.append(k.P("Drilling on a 400m-spaced traverse intersected a continuous kaolinitic clay profile 10m to "
                 "36m thick over 4.8km. Rare earth grades are highest in the pallid zone immediately above "
                 "the saprock, where WAC0125 returned 12 metres at 2,460 ppm TREO from 9 metres, including 3 "
                 "metres at 4,890 ppm TREO and 1,072 ppm NdPr from 12 metres. Mineralisation at WAC0128 "
                 "(18m @ 1,377ppm TREO from 12m) and WAC0139 (15m @ 1,298ppm TREO from 18m) also ended in the "
                 "bottom-of-hole composite."))
    s.append(k.P("The proportion of magnet rare earth oxides (MREO) is 21.5% to 26.7% of TREO across all "
                 "intervals. Heavy rare earths dysprosium and terbium were determined on all samples; "
                 "selected results are set out in Table 2. Thorium and uranium are low, averaging 21ppm ThO2 "
                 "and 4ppm U3O8 in mineralised intervals."))
    s.append(k.P("For context, grades at Wandilla exceed those reported for the Ironbark clay deposit 40km to "
                 "the north-west, owned by an unrelated company, which is reported to host 210Mt @ 1,100ppm "
                 "TREO. KRM has not verified that estimate and makes no claim that Wandilla will host "
                 "a deposit of comparable size."))
    s.append(k.H2("Next steps"))
    s += k.bullets([
        "Diagnostic desorption leach tests on eight composites at pH 4.5 ammonium sulphate (results expected "
        "in the September quarter).",
        "A 6,000m infill aircore programme on 200m x 200m spacing to support a maiden Mineral Resource.",
        "Heritage survey of the northern extension of the thorium anomaly.",
    ])
    s.append(k.H3("Table 1: Wandilla significant intercepts (600ppm TREO cut-off)"))
    s += k.table(
        ["Hole ID", "From\n(m)", "To\n(m)", "Interval\n(m)", "TREO\n(ppm)", "MREO\n(ppm)", "NdPr\n(ppm)",
         "MREO:TREO\n(%)", "Ends in\nmineralisation"],
        ROWS, widths=[50, 36, 36, 44, 48, 48, 48, 56, 62], font=7.8, repeat=False,
        notes=["TREO: total rare earth oxides including Y2O3. MREO = Nd2O3 + Pr6O11 + Dy2O3 + Tb4O7. NdPr = Nd2O3 "
               "+ Pr6O11. MREO:TREO is the proportion of magnet oxides in the TREO, not a grade. 'incl.' at "
               "2,000ppm TREO cut-off. NSI: no significant intercept. All holes are vertical; intervals "
               "approximate true thickness."],
    )
    s += k.table(["Hole ID", "From (m)", "To (m)", "Dy2O3 (ppm)", "Tb4O7 (ppm)"],
                 [["WAC0123", "3", "15", "69", "12"], ["WAC0125", "9", "21", "97", "17"],
                  ["WAC0131", "15", "36", "66", "12"], ["WAC0136", "3", "21", "82", "14"]],
                 title="Table 2: Heavy rare earth oxides in selected intervals", widths=[60, 55, 55, 70, 70])
    s += k.figure_plan(
        "Figure 1: Wandilla aircore traverse over the thorium radiometric anomaly, with TREO intercepts",
        [(f"WAC0{n}", 0.1 + 0.028 * (n - 118), 0.2 + 0.022 * (n - 118)) for n in range(118, 146)],
        [(0.05, 0.75, ["WAC0123", "12m @ 1,840ppm TREO to EOH"]),
         (0.4, 0.2, ["WAC0125", "12m @ 2,460ppm TREO to EOH", "incl. 3m @ 4,890ppm TREO"]),
         (0.6, 0.55, ["WAC0136", "18m @ 2,104ppm TREO to EOH"])],
        seed=12, e0=597000, n0=6290000, features=[("Th radiometric anomaly", 0.55, 0.9)])
    s += k.figure_section("Figure 2: Regolith cross-section along the central traverse",
                          [("WAC0123", 0.1, 0.12, ["12m @ 1,840ppm TREO"]), ("WAC0125", 0.35, 0.17, ["12m @ 2,460ppm TREO"]),
                           ("WAC0131", 0.6, 0.3, ["21m @ 1,612ppm TREO"]), ("WAC0136", 0.8, 0.17, ["18m @ 2,104ppm TREO"])],
                          seed=9, rl_top=120)
    s += k.figure_full("Figure 3: Airborne radiometric image (thorium channel) with KRM tenure", seed=51,
                       kind="mag", labels=[("Wandilla anomaly (9km)", 0.4, 0.5), ("EL 6842", 0.1, 0.9)])
    s += k.figure_full("Figure 4: Regional setting - clay-hosted rare earth projects of the Eyre Peninsula",
                       seed=52, labels=[("Wandilla (KRM)", 0.45, 0.4), ("Ironbark (third party)", 0.25, 0.7),
                                        ("Port Lincoln", 0.3, 0.1)],
                       legend=["KRM tenements", "Third-party REE projects", "Gawler Craton granite"])
    s += k.figure_full("Photo 1: Aircore chip rows at WAC0125 showing the pallid kaolinitic zone (9-21m)",
                       seed=53, kind="photo", height=130 * k.mm)
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 1: Collar details"))
    s += k.table(["Hole ID", "Easting (MGA53)", "Northing (MGA53)", "RL (m)", "Dip", "Azimuth", "EOH (m)"],
                 collars(), title="Table 3: Wandilla aircore collars (GDA2020 MGA Zone 53)",
                 widths=[60, 80, 80, 50, 40, 50, 50])
    s.append(k.P("All 28 holes are listed. Holes WAC0118 to WAC0122 and WAC0143 to WAC0145 were drilled outside "
                 "the anomaly as background holes and returned no significant intercepts."))
    s += k.cp_statement("Dr Mei-Lin Carver, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Kaolin Rare Metals Ltd")
    s += k.jorc_table1(JORC, (1, 2), heading="Appendix 2: JORC Code, 2012 Edition - Table 1")
    s += k.about_page("Kaolin Rare Metals Ltd",
                      "Kaolin Rare Metals is an Adelaide-based explorer focused on clay-hosted rare earth "
                      "deposits in the Gawler Craton of South Australia. The Company listed on the ASX in 2023.",
                      ["Ms Jean Abernethy - Non-Executive Chair", "Mr Hamish Toller - Managing Director",
                       "Dr Mei-Lin Carver - Technical Director"],
                      "Level 1, 30 Pirie Street, Adelaide SA 5000")
    s += k.forward_looking("Kaolin Rare Metals Ltd")
    return s
