"""hold-006 (holdout): Sagehen Silver Mining Co. (fictitious) - landscape table in feet AND metres, oz/ton Ag."""

META = {
    "company": "Sagehen Silver Mining Co.",
    "ticker_line": "TSXV: SHS  |  OTCQX: SHSMF",
    "site": "Sagehen Silver Mining Co.  |  Coeur d'Alene, Idaho",
    "title": "Sagehen Silver - Gold Hill vein drilling",
    "first_template": "land",
}

ROWS = [
    ["SH-25-04", "410.0", "432.5", "22.5", "124.97", "131.83", "6.86", "8.42", "2.1", "3.4"],
    ["", "515.0", "521.0", "6.0", "156.97", "158.80", "1.83", "21.60", "4.8", "6.2"],
    ["SH-25-05", "388.0", "401.5", "13.5", "118.26", "122.38", "4.11", "5.17", "1.3", "2.2"],
    ["SH-25-06", "602.5", "640.0", "37.5", "183.64", "195.07", "11.43", "3.05", "0.9", "1.7"],
    ["", "incl. 618.0", "624.0", "6.0", "188.37", "190.20", "1.83", "12.90", "3.6", "4.4"],
    ["SH-25-07", "-", "-", "-", "-", "-", "-", "NSV", "-", "-"],
]


def story(k):
    s = []
    s.append(k.H1("Sagehen Silver Intersects 21.60 oz/ton Silver on the Gold Hill Vein"))
    s.append(k.P("Coeur d'Alene, Idaho - September 30, 2025 - Sagehen Silver Mining Co. (TSXV: SHS; OTCQX: SHSMF) "
                 "(\"Sagehen\") reports assays from four core holes testing the Gold Hill vein system at its Sagehen "
                 "property in the Coeur d'Alene district of northern Idaho. Intervals are reported in both feet and "
                 "metres; silver grades are in troy ounces per short ton."))
    s.append(k.P("SH-25-04 cut 8.42 opt silver over 22.5 feet, and a second vein lower in the hole returned 21.60 opt "
                 "silver with 4.8% lead and 6.2% zinc over 6.0 feet. SH-25-06 intersected a wide zone of 3.05 opt silver "
                 "over 37.5 feet, including 12.90 opt over 6.0 feet. SH-25-07 was drilled to test a parallel structure "
                 "and returned no significant values."))
    s += k.table(["Drill hole", "From (ft)", "To (ft)", "Length (ft)", "From (m)", "To (m)", "Length (m)",
                  "Ag (oz/ton)", "Pb (%)", "Zn (%)"], ROWS,
                 title="Table 1 - Gold Hill vein drill results",
                 widths=[75, 70, 60, 65, 65, 60, 65, 75, 55, 55], font=8.5,
                 notes=["Lengths are core lengths; true widths are estimated at 60-80% of core length. NSV = no "
                        "significant values (below 2.0 oz/ton Ag). Ag by fire assay with gravimetric finish; Pb and "
                        "Zn by ICP. 1 oz/ton = 34.29 g/t."])
    s.append(k.P("The Gold Hill vein is a siderite-quartz-tetrahedrite-galena vein in Belt Supergroup quartzites, "
                 "similar in style to the district's historic mines, which together produced more than 1.2 billion "
                 "ounces of silver. The nearest operating mine (owned by another company) reports an average mill "
                 "head grade of 14 oz/ton silver."))
    s.append(k.P("Qualified Person: Dale Marchbanks, P.E., has reviewed this release. Neither the TSX Venture "
                 "Exchange nor its Regulation Services Provider accepts responsibility for its adequacy."))
    return s
