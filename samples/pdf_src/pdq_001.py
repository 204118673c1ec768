"""pdq-001: Pindan Copper Ltd (fictitious) - porphyry Cu-Au-Mo with CuEq, Bungarra Hill. ~20 pages."""

META = {
    "company": "Pindan Copper Ltd",
    "ticker_line": "ASX: PDQ  |  ASX Announcement  |  28 October 2025",
    "site": "Pindan Copper Ltd  |  ABN 00 000 000 005  |  Sydney NSW",
    "title": "394m @ 0.60% CuEq from 18m at Bungarra Hill",
}

ROWS = [
    ["BHD012", "18", "412", "394", "0.41", "0.28", "46", "0.60"],
    ["incl.", "156", "298", "142", "0.63", "0.47", "61", "0.95"],
    ["and incl.", "210", "244", "34", "1.02", "0.91", "88", "1.65"],
    ["BHD013", "44", "286", "242", "0.33", "0.19", "38", "0.46"],
    ["incl.", "120", "188", "68", "0.52", "0.36", "52", "0.77"],
    ["BHD014", "6", "131", "125", "0.18", "0.07", "12", "0.23"],
    ["BHD014", "131", "508.7 (EOH)", "377.7", "0.47", "0.33", "55", "0.70"],
    ["incl.", "302", "401", "99", "0.71", "0.52", "70", "1.07"],
    ["BHD015", "", "", "", "NSI", "", "", ""],
    ["BHRCD016", "96", "233", "137", "0.29", "0.22", "-", "0.44"],
    ["BHRCD017", "210", "356.4", "146.4", "0.38", "0.41", "29", "0.66"],
    ["incl.", "262", "300", "38", "0.61", "0.88", "33", "1.22"],
]

JORC = {
    "sampling": "Diamond core (PQ, HQ and NQ) was sampled as half core at 2m intervals through porphyry and "
    "altered wall rock, and at 1m intervals within zones of visible chalcopyrite-bornite veining, with "
    "intervals adjusted to geological contacts. RC pre-collars (BHRCD holes) were sampled at 1m intervals "
    "through a cone splitter and composited to 2m for analysis.",
    "drilling": "Diamond holes were drilled from surface with PQ3 through the leached cap and oxide zone, "
    "reducing to HQ3 and NQ2 in fresh rock. BHRCD holes used RC pre-collars to 90m-200m. Core was oriented "
    "using a Reflex ACT III tool. Holes were drilled at -55 to -70 degrees.",
    "method": "Samples were crushed and pulverised, then assayed for Au by 30g fire assay with AAS finish and "
    "for Cu, Mo, Ag and 44 other elements by four-acid digest with ICP-AES/MS finish. Over-range Cu (>1%) was "
    "re-assayed by ore-grade four-acid digest.",
    "lab": "ALS Global", "lab_city": "Orange",
    "crs": "GDA2020 MGA Zone 55",
    "tenement": "Exploration Licence EL 9377",
    "geology_text": "Bungarra Hill is an Ordovician alkalic to calc-alkalic porphyry copper-gold system in "
    "the Macquarie Arc of the Lachlan Fold Belt. Mineralisation is associated with quartz monzonite to "
    "monzodiorite porphyry stocks and dykes intruding volcaniclastic rocks, with early potassic alteration "
    "overprinted by phyllic alteration, and chalcopyrite-bornite in stockwork quartz veins and "
    "disseminations. A 60m-130m thick leached cap overlies a thin supergene zone.",
    "aggregation_text": "Intercepts are length-weighted averages reported above a 0.2% CuEq cut-off with up to "
    "10m of internal dilution; 'incl.' intervals use 0.5% CuEq and 'and incl.' 1.0% CuEq. No top cut is "
    "applied. Copper equivalent: CuEq (%) = Cu (%) + 0.69 x Au (g/t), using US$9,500/t Cu, US$2,400/oz Au and "
    "metallurgical recoveries of 88% Cu and 75% Au assumed from comparable porphyry operations in the region. "
    "Molybdenum is not included in the CuEq. It is the Company's opinion that both metals have reasonable "
    "potential to be recovered and sold.",
    "widths_text": "The porphyry body is a broad, steeply plunging stockwork, and down-hole lengths are considered "
    "to approximate the true dimensions of the mineralised zone. True widths of the higher-grade zones are "
    "not yet known.",
    "further_text": "Two rigs will continue step-out drilling (approximately 8,000m) to define the limits of the "
    "high-grade core, followed by metallurgical test work and a maiden Mineral Resource estimate.",
    "other_parties": "Shallow percussion drilling in the 1970s identified copper in the leached cap but did not "
    "test the primary zone. The Warrigal porphyry deposit, 30km to the north, is owned by an unrelated company.",
}


def collars():
    return [["BHD012", "DD", "658214", "6324510", "402.5", "-60", "090", "612.4"],
            ["BHD013", "DD", "658406", "6324702", "398.1", "-65", "270", "455.0"],
            ["BHD014", "DD", "658011", "6324306", "405.7", "-70", "045", "508.7"],
            ["BHD015", "DD", "659120", "6325011", "391.4", "-60", "180", "350.3"],
            ["BHRCD016", "RC-DD", "658622", "6324198", "400.2", "-55", "315", "402.6"],
            ["BHRCD017", "RC-DD", "658350", "6324001", "403.9", "-60", "000", "520.0"]]


def story(k):
    s = []
    s.append(k.H1("394m @ 0.60% CuEq from 18m at Bungarra Hill"))
    s.append(k.P("<b>Pindan Copper Ltd (ASX: PDQ)</b> is pleased to report assays for six diamond holes from "
                 "the ongoing drilling programme at the Bungarra Hill porphyry copper-gold project in central "
                 "New South Wales."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "<b>BHD012: 394m @ 0.60% CuEq (0.41% Cu, 0.28g/t Au) from 18m</b>, including 142m @ 0.95% CuEq "
        "(0.63% Cu, 0.47g/t Au) from 156m and 34m @ 1.65% CuEq (1.02% Cu, 0.91g/t Au) from 210m",
        "<b>BHD014: 377.7m @ 0.70% CuEq from 131m to end of hole</b>, including 99m @ 1.07% CuEq from 302m",
        "<b>BHRCD017: 146.4m @ 0.66% CuEq from 210m</b>, including 38m @ 1.22% CuEq (0.61% Cu, 0.88g/t Au)",
        "Mineralised porphyry footprint now exceeds 800m x 500m and is open at depth and to the south.",
        "Drilling continues with two rigs; maiden Mineral Resource targeted for mid-2026.",
    ])
    s.append(k.P("Chief Executive Officer <b>Ms Anika Sorensen</b> said: \"BHD012 is one of the best porphyry "
                 "holes drilled in the region in recent years - nearly 400 metres of continuous mineralisation "
                 "from surface, with a very high-grade core. BHD014 ended in mineralisation at 508.7 metres, "
                 "which tells us the system is still growing at depth.\""))
    s.append(k.H2("Discussion"))
    s.append(k.P("The 2025 programme has so far completed six diamond holes for 2,849m. BHD012 was drilled "
                 "east across the centre of the magnetic and chargeability anomaly and intersected potassic-"
                 "altered quartz monzonite porphyry with intense quartz-chalcopyrite-bornite stockwork veining "
                 "between 156m and 298m. Bornite is abundant between 210m and 244m, where the hole returned "
                 "34m at 1.02% Cu and 0.91g/t Au."))
    s.append(k.P("BHD014, drilled from the western side of the system, passed through 131m of weakly "
                 "mineralised leached cap and oxide (125m @ 0.23% CuEq from 6m) before entering primary "
                 "mineralisation that continued to the end of the hole. The drill rig reached its depth "
                 "capacity and the hole will be extended with a wedge."))
    s.append(k.P("BHD013 confirmed the northern extent of the system (242m @ 0.46% CuEq from 44m), while "
                 "BHD015, drilled 1km to the north-east to test a separate magnetic target, intersected "
                 "propylitic-altered volcanics with no significant mineralisation. BHRCD016 tested the "
                 "southern margin and returned 137m @ 0.44% CuEq from 96m."))
    s.append(k.P("Logging of BHD018 (in progress) has recorded 1-3% chalcopyrite in stockwork veins from 180m "
                 "to 420m. These are visual estimates only; assays are awaited."))
    s.append(k.H2("Context"))
    s.append(k.P("Porphyry deposits in the Macquarie Arc are typically large and long-lived. The Warrigal "
                 "porphyry 30km to the north, owned by an unrelated company, has a reported Mineral Resource of "
                 "1.2Bt @ 0.31% Cu and 0.22g/t Au. Pindan has not verified that estimate and the comparison "
                 "does not imply that Bungarra Hill will host a resource of similar size or grade."))
    s.append(k.P("At current prices (copper about US$9,500/t and gold about US$2,400/oz) a grade of 0.6% CuEq "
                 "over several hundred metres is considered highly encouraging for bulk underground mining."))
    s.append(k.H2("Next steps"))
    s += k.bullets(["Wedge extension of BHD014 below 508.7m.",
                    "Step-out holes to the south and at depth (approximately 8,000m).",
                    "Preliminary flotation test work on BHD012 core.",
                    "Downhole electromagnetic and 3D induced polarisation surveys."])
    s.append(k.PageBreak())
    s += k.table(
        [["Hole ID", "From\n(m)", "To\n(m)", "Interval\n(m)", "Cu\n(%)", "Au\n(g/t)", "Mo\n(ppm)", "CuEq\n(%)\u00b9"]],
        ROWS, title="Table 1: Bungarra Hill significant intercepts (0.2% CuEq cut-off)",
        widths=[62, 48, 62, 52, 45, 45, 45, 50], font=8,
        notes=["\u00b9 CuEq (%) = Cu (%) + 0.69 x Au (g/t). Prices US$9,500/t Cu and US$2,400/oz Au; recoveries "
               "88% Cu and 75% Au. Mo is not included in CuEq. 'incl.' at 0.5% CuEq; 'and incl.' at 1.0% CuEq. "
               "'-' = not assayed. NSI = no significant intercept. Down-hole widths; true widths not known. "
               "EOH = end of hole."])
    s += k.table(["Hole ID", "Type", "Easting", "Northing", "RL (m)", "Dip", "Azimuth", "Depth (m)"], collars(),
                 title="Table 2: Drill collar locations (GDA2020 MGA Zone 55)", widths=[60, 45, 60, 65, 50, 40, 50, 55])
    s += k.figure_plan("Figure 1: Bungarra Hill - drill hole traces on chargeability with intercepts",
                       [("BHD012", 0.4, 0.5), ("BHD013", 0.45, 0.7), ("BHD014", 0.3, 0.45), ("BHD015", 0.8, 0.9),
                        ("BHRCD016", 0.5, 0.3), ("BHRCD017", 0.42, 0.2)],
                       [(0.55, 0.55, ["BHD012", "394m @ 0.60% CuEq from 18m", "incl. 34m @ 1.65% CuEq"]),
                        (0.02, 0.6, ["BHD014", "377.7m @ 0.70% CuEq to EOH"]),
                        (0.55, 0.1, ["BHRCD017", "146.4m @ 0.66% CuEq"])],
                       seed=16, e0=657600, n0=6323600, features=[("chargeability > 20 mV/V", 0.3, 0.6)])
    s += k.figure_section("Figure 2: Cross-section 6324500mN (looking north)",
                          [("BHD014", 0.05, 0.85, ["377.7m @ 0.70% CuEq"]), ("BHD012", 0.35, 0.7, ["394m @ 0.60% CuEq"])],
                          seed=17, rl_top=400)
    s += k.figure_full("Figure 3: Photo of BHD012 core at 226m - bornite-chalcopyrite in quartz stockwork", seed=71,
                       kind="photo", height=120 * k.mm)
    s += k.figure_full("Figure 4: Bungarra Hill regional setting in the Macquarie Arc", seed=72,
                       labels=[("Bungarra Hill (PDQ)", 0.45, 0.45), ("Warrigal (third party)", 0.5, 0.8),
                               ("Orange", 0.7, 0.2)], legend=["Ordovician volcanics", "Intrusives", "PDQ tenure"])
    s += k.figure_full("Figure 5: 3D view of the 0.5% CuEq shell (preliminary) looking north-east", seed=73,
                       kind="mag", labels=[("0.5% CuEq shell", 0.4, 0.5), ("BHD014 EOH", 0.3, 0.15)])
    s += k.figure_full("Figure 6: Downhole plot of BHD012 - Cu (%) and Au (g/t) in 2m samples", seed=74,
                       labels=[("0-100m", 0.1, 0.9), ("200m", 0.1, 0.6), ("300m", 0.1, 0.4), ("400m", 0.1, 0.2)],
                       legend=["Cu (%)", "Au (g/t)", "Mo (ppm)"], height=180 * k.mm)
    for i, (depth, text) in enumerate([("160-172m", "potassic quartz monzonite with A-veins and disseminated chalcopyrite"),
                                       ("212-224m", "dense quartz stockwork with bornite and chalcopyrite"),
                                       ("330-342m", "BHD014 sheeted B-veins with chalcopyrite and molybdenite"),
                                       ("270-282m", "BHRCD017 magnetite-bearing potassic alteration with bornite")]):
        s += k.figure_full(f"Figure {7 + i}: Core photograph, {depth} - {text}", seed=80 + i, kind="photo",
                           height=200 * k.mm,
                           caption="Visual descriptions of sulphides are not assays; refer to Table 1 for "
                                   "laboratory results.")
    s += k.figure_full("Figure 11: Planned step-out drilling and 3D IP survey area", seed=85,
                       labels=[("Planned holes", 0.4, 0.5), ("3D IP grid", 0.2, 0.8)])
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 1: Geological summary of holes"))
    s += k.table(["Hole ID", "Interval (m)", "Lithology", "Alteration", "Veining / sulphides"],
                 [["BHD012", "0-18", "Leached cap (volcaniclastic)", "Clay-hematite", "Limonite boxwork"],
                  ["", "18-156", "Quartz monzonite porphyry", "Potassic, weak phyllic", "A and B veins, cpy"],
                  ["", "156-298", "Quartz monzonite porphyry", "Strong potassic", "Dense stockwork, cpy-bn"],
                  ["", "298-412", "Monzodiorite", "Potassic-propylitic", "Sheeted veins, cpy-py"],
                  ["", "412-612.4", "Volcaniclastic sandstone", "Propylitic", "Pyrite veinlets"],
                  ["BHD013", "0-44", "Leached cap", "Clay", "Limonite"],
                  ["", "44-286", "Monzodiorite porphyry", "Potassic", "Stockwork, cpy"],
                  ["", "286-455", "Andesite", "Propylitic", "Trace pyrite"],
                  ["BHD014", "0-131", "Leached cap and oxide", "Clay-hematite", "Malachite, chrysocolla"],
                  ["", "131-508.7", "Quartz monzonite porphyry", "Potassic, phyllic overprint", "Stockwork, cpy-bn"],
                  ["BHD015", "0-350.3", "Andesitic volcanics", "Propylitic", "Pyrite 1-2%"],
                  ["BHRCD016", "0-96", "Leached cap", "Clay", "-"],
                  ["", "96-402.6", "Monzodiorite", "Potassic-propylitic", "cpy-py veins"],
                  ["BHRCD017", "0-210", "Volcaniclastics", "Propylitic", "Pyrite"],
                  ["", "210-520", "Quartz monzonite porphyry", "Potassic", "Stockwork, cpy-bn, mo"]],
                 title="Table 3: Summary geological logs", widths=[55, 60, 120, 110, 125], align_left_cols=(0, 2, 3, 4))
    s += k.cp_statement("Dr Benedict Harrow, FAusIMM", "a Fellow of the Australasian Institute of Mining and "
                        "Metallurgy", "Pindan Copper Ltd")
    s += k.jorc_table1(JORC, (1, 2), heading="Appendix 2: JORC Code, 2012 Edition - Table 1")
    s += k.about_page("Pindan Copper Ltd",
                      "Pindan Copper is exploring for large porphyry copper-gold deposits in the Lachlan Fold Belt "
                      "of New South Wales. Its Bungarra Hill discovery was made in 2024.",
                      ["Mr Rupert Ashgrove - Chair", "Ms Anika Sorensen - Chief Executive Officer",
                       "Dr Benedict Harrow - Technical Director", "Ms Priya Castell - Non-Executive Director"],
                      "Level 12, 60 Margaret Street, Sydney NSW 2000")
    s += k.forward_looking("Pindan Copper Ltd")
    return s
