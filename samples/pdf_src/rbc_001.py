"""rbc-001: Redbed Copper Ltd (fictitious) - sediment-hosted Cu-Ag, two-column throughout, ETW column."""

META = {
    "company": "Redbed Copper Ltd",
    "ticker_line": "ASX: RBC  |  12 March 2025",
    "site": "Redbed Copper Ltd  ABN 00 000 000 013",
    "title": "Consistent copper-silver intersections along the Tsodilo Contact",
    "first_template": "two",
}

ROWS = [
    ["RBD-031", "212.6", "219.4", "6.8", "6.1", "1.64", "21"],
    ["RBD-032", "268.0", "272.5", "4.5", "4.0", "0.92", "14"],
    ["RBD-033", "185.3", "197.9", "12.6", "11.2", "1.21", "17"],
    ["incl.", "190.1", "194.0", "3.9", "3.5", "2.48", "35"],
    ["RBD-034", "301.7", "305.2", "3.5", "3.1", "0.71", "9"],
    ["RBD-035", "244.0", "250.3", "6.3", "5.6", "1.38", "26"],
]


def story(k):
    s = []
    s.append(k.H1("Consistent copper-silver intersections along the Tsodilo Contact"))
    s.append(k.P("<b>Redbed Copper Ltd</b> (ASX: RBC) reports assays from five diamond holes drilled along the "
                 "Tsodilo Contact target at its Ngami copper-silver project in the Kalahari Copperbelt, "
                 "Botswana."))
    s.append(k.H3("Highlights"))
    s += k.bullets([
        "RBD-033: 12.6m @ 1.21% Cu, 17g/t Ag from 185.3m (11.2m ETW), incl. 3.9m @ 2.48% Cu, 35g/t Ag",
        "RBD-031: 6.8m @ 1.64% Cu, 21g/t Ag from 212.6m (6.1m ETW)",
        "RBD-035: 6.3m @ 1.38% Cu, 26g/t Ag from 244.0m (5.6m ETW)",
        "All five holes intersected the mineralised contact over 2.4km of strike",
    ])
    s.append(k.P("Mineralisation is hosted in reduced siltstone and marl immediately above the contact with "
                 "oxidised red-bed sandstone, and comprises chalcocite and bornite with minor chalcopyrite, "
                 "in veinlets parallel to bedding and along cleavage. The contact dips about 30 degrees to the "
                 "north-west and holes were drilled at -60 to the south-east, so estimated true widths (ETW) "
                 "are about 89% of down-hole widths."))
    s.append(k.P("RBD-033 returned the thickest intercept of the programme, with a bornite-rich high-grade "
                 "core of 3.9m at 2.48% Cu and 35g/t Ag from 190.1m. RBD-032 and RBD-034 tested the deeper, "
                 "down-dip portion of the contact, where grades are lower."))
    s.append(k.H3("Regional context"))
    s.append(k.P("The Kalahari Copperbelt hosts several large sediment-hosted copper deposits operated by "
                 "other companies, some containing in excess of 100Mt at 1-2% Cu. These are cited for context "
                 "only; Redbed has not defined a Mineral Resource at Ngami."))
    s.append(k.H3("Next steps"))
    s.append(k.P("A 10,000m programme of step-out and infill drilling on 200m spacing will begin in April, "
                 "with the objective of a maiden Mineral Resource in early 2026. The copper price of around "
                 "US$9,300/t supports the economics of sediment-hosted copper in the region."))
    s.append(k.H3("Table 1: Significant intersections (0.5% Cu cut-off)"))
    s += k.table(["Hole", "From (m)", "To (m)", "Width (m)", "ETW (m)", "Cu %", "Ag g/t"], ROWS,
                 widths=[38, 36, 36, 34, 30, 28, 30], font=7,
                 notes=["ETW = estimated true width. incl. at 1.5% Cu. Half-core samples; Cu and Ag by four-acid "
                        "digest ICP-OES."])
    s.append(k.H3("Collars (UTM 34S)"))
    s += k.table(["Hole", "East", "North", "Dip/Az", "EOH"],
                 [["RBD-031", "412330", "7772100", "-60/135", "252.4"], ["RBD-032", "413180", "7772840", "-60/135", "310.0"],
                  ["RBD-033", "411560", "7771420", "-60/135", "228.7"], ["RBD-034", "413900", "7773500", "-60/135", "342.1"],
                  ["RBD-035", "410780", "7770730", "-60/135", "280.5"]], widths=[42, 42, 46, 40, 36], font=7)
    s += k.cp_statement("Ms Lerato Dikgang, Pr.Sci.Nat.", "a registered Professional Natural Scientist with SACNASP",
                        "Redbed Copper Ltd")
    return s
