"""ybg-002: Yarrabee Gold Ltd (fictitious). Page 1 is a scanned image only (tests OCR)."""

META = {
    "company": "Yarrabee Gold Ltd",
    "ticker_line": "ASX: YBG  |  ASX Announcement  |  23 July 2025",
    "site": "Yarrabee Gold Ltd  ABN 00 000 000 001",
    "title": "Harriet's Find diamond drilling intersects high-grade gold at depth",
    "first_template": "bare",
}

PAGE1 = [
    ("head", "YARRABEE GOLD LTD        ASX: YBG        ASX ANNOUNCEMENT        23 JULY 2025"),
    ("title", "Harriet's Find diamond drilling intersects high-grade gold at depth"),
    ("body", "Yarrabee Gold Ltd (ASX: YBG) reports assays from three diamond holes drilled beneath the "
             "supergene gold blanket at Harriet's Find, part of the Company's Kinsella Gold Project in Western "
             "Australia, together with four RC holes drilled on the northern extension."),
    ("head", "Highlights"),
    ("bullet", "YDD0025: 9.3m @ 6.42g/t Au from 156.7m, including 2.1m @ 22.35g/t Au from 160.0m"),
    ("bullet", "YDD0026: 21m @ 1.88g/t Au from 131m"),
    ("bullet", "YDD0027: 4.5m @ 3.71g/t Au from 202.5m"),
    ("bullet", "The primary lode at Harriet's Find is now traced to 200m below surface and remains open."),
    ("head", "Discussion"),
    ("body", "The three diamond holes were drilled on 80m spaced sections to test the primary source of the "
             "Harriet's Find supergene blanket. All three intersected a west-dipping quartz-sulphide lode in "
             "fractionated dolerite. The best result, YDD0025, intersected 9.3 metres grading 6.42 grams per "
             "tonne gold from 156.7 metres down hole, with a high-grade core of 2.1 metres at 22.35 g/t gold. "
             "Estimated true widths are about 70% of the down-hole widths."),
    ("body", "YDD0026, drilled 80m to the north, returned a broad zone of lower-grade mineralisation, and "
             "YDD0027 confirms the lode a further 45m down dip of YDD0025. Results from the RC holes are set out "
             "on the following page."),
    ("body", "Intercepts are reported at a 0.5g/t Au cut-off with up to 2m of internal dilution; included "
             "intervals at 10g/t Au. Gold was determined by 50g fire assay."),
]


def story(k):
    s = k.image_page(PAGE1)
    s.append(k.H2("RC drilling - Harriet's Find North"))
    s.append(k.P("Four RC holes (YRC0273 to YRC0276) for 504m tested the northern continuation of the supergene "
                 "blanket. Significant results are listed in Table 1; YRC0275 returned no significant intercept."))
    s += k.table(["Hole", "From (m)", "To (m)", "Width (m)", "Au g/t"],
                 [["YRC0273", "44", "52", "8", "2.26"],
                  ["YRC0274", "61", "63", "2", "4.90"],
                  ["YRC0275", "-", "-", "-", "NSI"],
                  ["YRC0276", "18", "30", "12", "0.93"]],
                 title="Table 1: Harriet's Find North RC results (0.5g/t Au cut-off)", widths=[70, 60, 60, 60, 60])
    s += k.table(["Hole", "Easting", "Northing", "RL", "Dip", "Azi", "Depth (m)"],
                 [["YDD0025", "411802", "6712410", "455.2", "-60", "270", "231.6"],
                  ["YDD0026", "411815", "6712490", "455.9", "-60", "270", "198.3"],
                  ["YDD0027", "411846", "6712408", "455.0", "-65", "270", "264.0"],
                  ["YRC0273", "411760", "6712650", "456.3", "-60", "270", "120"],
                  ["YRC0274", "411771", "6712730", "456.8", "-60", "270", "132"],
                  ["YRC0275", "411769", "6712810", "457.1", "-60", "270", "126"],
                  ["YRC0276", "411740", "6712890", "457.4", "-60", "270", "126"]],
                 title="Table 2: Collar details (GDA2020 MGA Zone 50)", widths=[60, 60, 65, 45, 40, 40, 60])
    s.append(k.P("This announcement has been authorised for release by the Managing Director."))
    s += k.cp_statement("Mr Daniel Firth, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Yarrabee Gold Ltd")
    return s
