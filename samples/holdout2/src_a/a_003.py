"""a-003 (holdout2): Kestrel Hill Copper Ltd (fictitious) - Cu-Au-Mo porphyry, CuEq footnote, nested incl."""

META = {
    "company": "Kestrel Hill Copper Ltd",
    "ticker_line": "ASX: KHQ  |  ASX Announcement  |  21 October 2025",
    "site": "Kestrel Hill Copper Ltd  ABN 00 000 000 733  |  www.kestrelhill.example",
    "title": "Kestrel Hill - Bungarra porphyry diamond drilling",
}


def story(k):
    s = []
    s.append(k.H1("412m of continuous copper-gold mineralisation from 38m at Bungarra"))
    s.append(k.H3("Highlights"))
    s += k.bullets([
        "Maiden diamond hole at the Bungarra porphyry target, <b>KHD012</b>, intersected a broad zone of "
        "porphyry-style copper-gold-molybdenum mineralisation from near surface:",
        "<b>412m @ 0.52% CuEq*</b> (0.38% Cu, 0.23g/t Au, 42ppm Mo) from 38m, including<br/>"
        "<b>144m @ 0.86% CuEq</b> (0.61% Cu, 0.41g/t Au) from 118m, and including<br/>"
        "<b>34m @ 1.42% CuEq</b> (0.94% Cu, 0.78g/t Au) from 180m",
        "<b>KHD015</b> intersected two zones: 62m @ 0.43% CuEq from 12m (oxide/supergene) and "
        "53.6m @ 0.65% CuEq from 301.4m",
        "<b>KHD014</b>, 400m to the north-west, returned 92m @ 0.36% CuEq from 226m, with elevated "
        "molybdenum (118ppm Mo)",
        "The system is open in all directions - an IP chargeability anomaly extends over 2.2km x 1.1km",
    ])
    s.append(k.small("* Copper equivalent - see the note below Table 1. Intervals are down-hole lengths."))
    s.append(k.P("Kestrel Hill Copper Ltd (<b>ASX: KHQ</b>) (\"Kestrel Hill\" or \"the Company\") is pleased to report "
                 "assays from the first four diamond holes (KHD012-KHD015, 2,386.4m) drilled at the Bungarra porphyry "
                 "target within its Lachlan Fold Belt tenure in central New South Wales."))
    s.append(k.P("Executive Chair Mr Alasdair Quill commented: \"Four hundred and twelve metres of mineralisation from "
                 "38 metres is a genuine porphyry intercept. The higher-grade core of 34 metres at 1.42% copper "
                 "equivalent, coinciding with the most intense potassic alteration and B-vein stockwork, tells us we "
                 "are close to the heart of the system.\""))
    s.append(k.H2("Bungarra drilling results"))
    s.append(k.P("KHD012 was collared on the southern margin of the magnetic high and drilled to 562.3m. Chalcopyrite "
                 "with lesser bornite occurs as disseminations and in quartz-magnetite B-veins throughout a "
                 "monzodiorite porphyry. Logged sulphide abundance within the 180-214m zone was estimated at 2-4% "
                 "(visual estimate). A late-mineral dyke from 450m to 474m is barren."))
    s.append(k.P("KHD013 was abandoned at 87.4m in a fault zone before reaching target depth and was not sampled. "
                 "KHD015 intersected a leached cap to 12m underlain by a supergene chalcocite blanket and a deeper "
                 "primary zone; molybdenum was not assayed in the KHD015 supergene interval."))
    hdr = [["Hole ID", "From", "To", "Interval", "Cu", "Au", "Mo", "CuEq*"],
           ["", "(m)", "(m)", "(m)", "(%)", "(g/t)", "(ppm)", "(%)"]]
    rows = [
        ["KHD012", "38.0", "450.0", "412.0", "0.38", "0.23", "42", "0.52"],
        ["  incl.", "118.0", "262.0", "144.0", "0.61", "0.41", "55", "0.86"],
        ["  and incl.", "180.0", "214.0", "34.0", "0.94", "0.78", "61", "1.42"],
        ["KHD013", "Abandoned at 87.4m - not sampled", "", "", "", "", "", ""],
        ["KHD014", "226.0", "318.0", "92.0", "0.29", "0.12", "118", "0.36"],
        ["KHD015", "12.0", "74.0", "62.0", "0.21", "0.35", "-", "0.43"],
        ["", "301.4", "355.0", "53.6", "0.47", "0.29", "36", "0.65"],
    ]
    s += k.table(hdr, rows, title="Table 1: Bungarra significant intercepts (0.2% CuEq cut-off, maximum 10m internal dilution)",
                 widths=[58, 45, 45, 50, 40, 40, 40, 45], spans=[((1, 5), (7, 5))],
                 notes=["* CuEq (%) = Cu (%) + 0.62 x Au (g/t). Metal prices US$4.00/lb Cu and US$2,400/oz Au; "
                        "metallurgical recoveries assumed at 88% Cu and 75% Au based on comparable porphyry "
                        "operations in the Lachlan Fold Belt. Mo is not included in the CuEq calculation. In the "
                        "Company's opinion all elements in the equivalent have a reasonable potential to be recovered "
                        "and sold.",
                        "'-' = not assayed."])
    s.append(k.P("Historical percussion hole BP-3, drilled in 1971 by a previous explorer 900m to the east, reported "
                 "\"120 feet of 0.4% copper\"; these results are historical in nature, cannot be verified and are not "
                 "reported in accordance with the JORC Code."))
    s.append(k.PageBreak())
    s += k.figure_plan("Figure 1: Bungarra drill hole plan on IP chargeability (with KHD012 intercept callout)",
                       [("KHD012", 0.42, 0.40), ("KHD013", 0.55, 0.52), ("KHD014", 0.25, 0.72), ("KHD015", 0.62, 0.30)],
                       callouts=[(0.45, 0.12, ["KHD012", "412m @ 0.52% CuEq from 38m", "incl. 34m @ 1.42% CuEq"])],
                       seed=33, e0=612000, n0=6388000, height=150 * k.mm,
                       features=[("IP chargeability > 20 mV/V", 0.1, 0.9), ("magnetic high", 0.5, 0.6)])
    hdr2 = ["Hole ID", "Easting (MGA55)", "Northing", "RL (m)", "Dip", "Azimuth", "EOH (m)"]
    rows2 = [["KHD012", "612,455", "6,388,780", "312", "-65", "045", "562.3"],
             ["KHD013", "612,610", "6,388,990", "318", "-60", "225", "87.4"],
             ["KHD014", "612,220", "6,389,370", "309", "-70", "045", "701.5"],
             ["KHD015", "612,760", "6,388,580", "315", "-60", "090", "1,035.2"]]
    s += k.table(hdr2, rows2, title="Table 2: Collar details", widths=[55, 75, 60, 40, 35, 45, 50])
    s.append(k.H2("Next steps"))
    s.append(k.P("A second rig will arrive in November to complete a further 6,000m of diamond drilling. The Company "
                 "is targeting a maiden Mineral Resource estimate in the second half of 2026. Kestrel Hill had "
                 "A$11.8 million in cash at 30 September 2025."))
    s += k.cp_statement("Ms Priya Venkataraman, MAIG", "geological data compiled and reviewed by Ms Venkataraman",
                        "Kestrel Hill Copper Ltd")
    return s
