"""ybg-003: Yarrabee Gold Ltd (fictitious) - Kinsella Mineral Resource update (JORC 2012)."""

META = {
    "company": "Yarrabee Gold Ltd",
    "ticker_line": "ASX: YBG  |  ASX Announcement  |  9 December 2025",
    "site": "Yarrabee Gold Ltd  ABN 00 000 000 001",
    "title": "Kinsella Mineral Resource almost doubles to 915koz",
}

RES = [
    ["Boomerang\n(open pit, <200m)", "0.5", "Measured", "1.21", "2.04", "79"],
    ["", "", "Indicated", "5.86", "1.71", "322"],
    ["", "", "Inferred", "3.12", "1.38", "138"],
    ["", "", "Subtotal", "10.19", "1.65", "540"],
    ["Boomerang\n(underground, >200m)", "2.0", "Indicated", "0.84", "3.92", "106"],
    ["", "", "Inferred", "1.57", "3.44", "174"],
    ["", "", "Subtotal", "2.41", "3.61", "280"],
    ["Harriet's Find\n(open pit)", "0.5", "Inferred", "2.35", "1.27", "96"],
    ["Total Kinsella", "", "Measured", "1.21", "2.04", "79"],
    ["", "", "Indicated", "6.70", "1.99", "428"],
    ["", "", "Measured + Indicated", "7.91", "2.00", "507"],
    ["", "", "Inferred", "7.04", "1.80", "408"],
    ["", "", "Total", "14.95", "1.90", "915"],
]

JORC3 = {
    "lab": "Nagle Analytical Services", "lab_city": "Kalgoorlie",
    "method": "Gold was analysed by 50 g fire assay with an AAS finish.",
    "crs": "GDA2020 MGA Zone 50",
    "dimensions_text": "Boomerang extends 1,150 m along strike, from surface to 340 m below surface, with "
    "true thicknesses of 3 m to 15 m. Harriet's Find is a flat-lying supergene blanket 700 m long, 150 m to "
    "250 m wide and 4 m to 14 m thick, with a primary lode beneath it to 200 m depth.",
    "estimation_text": "Grades were estimated by ordinary kriging into parent blocks of 5 m (E) x 10 m (N) x "
    "5 m (RL) with sub-blocking to 1.25 m x 2.5 m x 1.25 m, using 1 m composites within wireframed domains. "
    "Top cuts between 15 g/t and 40 g/t Au were applied by domain after review of log-probability plots and "
    "coefficients of variation. Search ellipses were aligned with the plunge of the high-grade shoot. "
    "Validation used swath plots, visual comparison of block and composite grades and a check estimate by "
    "inverse distance squared, which agreed within 3% globally.",
    "cutoff_text": "Open-pit Resources are reported above a 0.5 g/t Au cut-off within an optimised pit shell "
    "generated at a gold price of A$3,500/oz. Underground Resources below the pit shell are reported above a "
    "2.0 g/t Au cut-off, which reflects the expected cost of a mechanised underground operation.",
    "mining_text": "Open pit mining by conventional drill and blast, load and haul is assumed for material "
    "within the pit shell, with a minimum mining width of 3 m. Long-hole stoping is assumed below the pit.",
    "metallurgy_text": "Bottle roll and gravity tests on diamond core returned gold recoveries of 92% to 96% for "
    "fresh material and 94% to 97% for oxide material, with 35% to 45% gravity-recoverable gold.",
    "density_text": "Bulk density was determined on 1,212 core samples by the water immersion method. Values "
    "of 1.9 t/m3 (oxide), 2.4 t/m3 (transitional) and 2.85 t/m3 (fresh) were applied.",
    "classification_text": "Measured Resources are restricted to areas of grade-control spaced drilling "
    "(20 m x 20 m or closer) near surface. Indicated Resources are supported by drilling at 40 m x 40 m or "
    "closer with good continuity. Inferred Resources are defined by wider spaced drilling, extending no more "
    "than 60 m beyond the last drill hole.",
}


def story(k):
    s = []
    s.append(k.H1("Kinsella Mineral Resource almost doubles to 915koz"))
    s.append(k.P("<b>Yarrabee Gold Ltd (ASX: YBG)</b> is pleased to announce an updated JORC (2012) Mineral "
                 "Resource Estimate (MRE) for its 100%-owned Kinsella Gold Project in Western Australia, "
                 "incorporating all drilling completed to the end of October 2025."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "Global Mineral Resource of <b>14.95Mt @ 1.90g/t Au for 915koz</b>, an increase of 452koz (98%) on "
        "the September 2024 estimate.",
        "55% of the contained gold (507koz) is in the Measured and Indicated categories.",
        "Maiden underground Resource at Boomerang of 2.41Mt @ 3.61g/t Au for 280koz below 200m depth.",
        "Maiden Inferred Resource at Harriet's Find of 2.35Mt @ 1.27g/t Au for 96koz.",
        "Pre-feasibility study to start in Q1 2026.",
    ])
    s.append(k.P("The estimate is based on 1,247 RC and diamond holes for 142,800m, of which 312 holes for "
                 "48,950m were drilled by Yarrabee since the previous estimate. The update was prepared by "
                 "independent consultants Corella Geoscience Pty Ltd."))
    s.append(k.H2("Mineral Resource statement"))
    s += k.table(
        ["Deposit", "Cut-off\n(g/t Au)", "JORC\nCategory", "Tonnes\n(Mt)", "Grade\n(g/t Au)", "Contained Au\n(koz)"],
        RES,
        title="Table 1: Kinsella Gold Project Mineral Resource Estimate - December 2025",
        widths=[110, 55, 95, 55, 60, 70], font=8,
        spans=[((0, 1), (0, 4)), ((1, 1), (1, 4)), ((0, 5), (0, 7)), ((1, 5), (1, 7)), ((0, 9), (0, 13)),
               ((1, 9), (1, 13))],
        bold_rows=[3, 6, 12],
        notes=["Notes: Mineral Resources are reported in accordance with the JORC Code (2012). Open-pit "
               "Resources are reported within an A$3,500/oz pit shell above 0.5g/t Au; underground Resources "
               "are reported below the shell above 2.0g/t Au. Tonnes are dry metric tonnes. Figures are "
               "rounded and totals may not add due to rounding."],
    )
    s.append(k.P("Compared with the previous estimate, the increase is due mainly to the extension of the "
                 "Boomerang high-grade shoot at depth, the conversion of Inferred material to Indicated within "
                 "the pit shell, and the maiden estimate at Harriet's Find."))
    s.append(k.H2("Grade-tonnage sensitivity"))
    s.append(k.P("Table 2 shows the sensitivity of the Boomerang open-pit estimate (all categories) to the "
                 "cut-off grade. The figures are provided for information only and do not constitute a "
                 "Mineral Resource statement; the Mineral Resource is reported at a 0.5g/t Au cut-off as "
                 "shown in Table 1."))
    s += k.table(["Cut-off (g/t Au)", "Tonnes (Mt)", "Grade (g/t Au)", "Au (koz)"],
                 [["0.3", "12.84", "1.41", "582"], ["0.5", "10.19", "1.65", "540"],
                  ["0.8", "7.62", "1.96", "480"], ["1.0", "6.05", "2.21", "430"],
                  ["1.5", "3.77", "2.76", "335"]],
                 title="Table 2: Boomerang open pit - grade-tonnage sensitivity (not a Mineral Resource)",
                 widths=[90, 80, 80, 80])
    s.append(k.H2("Summary of material information (ASX Listing Rule 5.8.1)"))
    s.append(k.P("<b>Geology and interpretation.</b> Gold at Boomerang is hosted by an east-dipping shear zone "
                 "along the contact between a differentiated dolerite sill and basalt, with a south-plunging "
                 "high-grade shoot. Harriet's Find comprises a supergene blanket above a west-dipping primary "
                 "lode. Domains were interpreted using a nominal 0.3g/t Au envelope and a 2.0g/t Au high-grade "
                 "envelope at Boomerang."))
    s.append(k.P("<b>Sampling and assaying.</b> RC samples were collected at 1m intervals by cone splitter; "
                 "diamond core was half-core sampled to geological boundaries. Assaying was by 50g fire assay "
                 "with QAQC as described in Appendix 1."))
    s.append(k.P("<b>Estimation.</b> Ordinary kriging into 5m x 10m x 5m parent blocks, with domain top cuts. "
                 "<b>Classification</b> reflects drill spacing, continuity and data quality. <b>Cut-off "
                 "grades</b> reflect open-pit and underground mining scenarios at A$3,500/oz. <b>Mining and "
                 "metallurgy.</b> Conventional open pit and long-hole stoping; metallurgical recoveries of "
                 "92-97% from test work."))
    s += k.figure_full("Figure 1: Boomerang block model coloured by gold grade, with the A$3,500/oz pit shell",
                       seed=31, kind="mag", height=150 * k.mm,
                       labels=[("pit shell", 0.3, 0.8), ("underground Resource", 0.5, 0.25)])
    s.append(k.P("This announcement has been authorised for release by the Board."))
    s += k.cp_statement("Ms Helen Okoro, MAusIMM", "a Member of the Australasian Institute of Mining and "
                        "Metallurgy", "Yarrabee Gold Ltd", what="Mineral Resources",
                        relation="a Principal Geologist of Corella Geoscience Pty Ltd, an independent consultant "
                                 "to Yarrabee Gold Ltd, and holds no securities in the Company")
    s += k.jorc_table1(JORC3, (3,), heading="Appendix 1: JORC Code, 2012 Edition - Table 1 (Section 3)",
                       explanation=False)
    return s
