"""ybg-001: Yarrabee Gold Ltd (fictitious) - RC and diamond results, Kinsella Gold Project. ~20 pages."""
import random

META = {
    "company": "Yarrabee Gold Ltd",
    "ticker_line": "ASX: YBG  |  ASX Announcement  |  14 May 2025",
    "site": "Yarrabee Gold Ltd  ABN 00 000 000 001  |  Level 3, 18 Ord Street, West Perth WA 6005",
    "title": "Thick high-grade gold extends Boomerang Lode at Kinsella",
}

INTERCEPTS = [
    # hole, from, to, interval, au, prospect
    ("YRC0231", "12", "16", "4", "1.12", "Boomerang"),
    ("YRC0231", "48", "61", "13", "3.95", "Boomerang"),
    ("incl.", "52", "55", "3", "11.40", ""),
    ("YRC0233", "87", "92", "5", "2.07", "Boomerang"),
    ("YRC0234", "", "", "", "NSI", "Boomerang"),
    ("YRC0236", "33", "35", "2", "0.84", "Boomerang"),
    ("YRC0236", "71", "89", "18", "2.61", "Boomerang"),
    ("incl.", "74", "79", "5", "6.02", ""),
    ("YRC0238", "104", "111", "7", "1.58", "Boomerang"),
    ("YRC0239", "22", "24", "2", "5.30", "Boomerang"),
    ("YRC0241", "66", "73", "7", "1.21", "Boomerang"),
    ("YRC0242", "118", "134", "16", "4.48", "Boomerang"),
    ("incl.", "121", "126", "5", "10.85", ""),
    ("YRC0245", "", "", "", "NSI", "Harriet's Find"),
    ("YRC0246", "57", "60", "3", "0.96", "Harriet's Find"),
    ("YRC0247", "140", "146", "6", "2.33", "Harriet's Find"),
    ("YRC0249", "8", "20", "12", "1.74", "Harriet's Find"),
    ("YRC0251", "92", "94", "2", "18.60", "Harriet's Find"),
    ("YRC0252", "77", "82", "5", "1.09", "Harriet's Find"),
    ("YRC0254", "131", "150", "19", "2.97", "Boomerang"),
    ("incl.", "137", "141", "4", "8.81", ""),
    ("YRC0256", "45", "49", "4", "0.72", "Boomerang"),
    ("YRC0258", "160", "162", "2", "3.14", "Boomerang"),
    ("YRC0261", "", "", "", "NSI", "Boomerang"),
    ("YRC0263", "55", "68", "13", "1.46", "Boomerang"),
    ("YRC0265", "99", "101", "2", "0.58", "Harriet's Find"),
    ("YRC0268", "118", "125", "7", "2.20", "Boomerang"),
    ("YRC0270", "76", "80", "4", "1.37", "Boomerang"),
    ("YDD0019", "212.40", "221.00", "8.60", "5.17", "Boomerang"),
    ("incl.", "215.00", "217.30", "2.30", "14.92", ""),
    ("YDD0020", "248.00", "251.35", "3.35", "2.41", "Boomerang"),
    ("YDD0021", "301.20", "315.80", "14.60", "3.06", "Boomerang"),
    ("incl.", "309.00", "312.40", "3.40", "9.77", ""),
    ("YDD0022", "188.70", "190.10", "1.40", "26.40", "Boomerang"),
    ("YDD0023", "", "", "", "Assays pending", "Boomerang"),
    ("YDD0024", "263.00", "270.00", "7.00", "1.84", "Boomerang"),
]


def _depth(hole, d):
    deepest = max([float(r[2]) for r in INTERCEPTS if r[0] == hole and r[2]] or [0])
    while d < deepest + 6:
        d += 12
    return d


def collars():
    rnd = random.Random(231)
    rows = []
    for n in range(231, 273):
        e = 412400 + rnd.randint(-300, 300)
        nn = 6712300 + rnd.randint(-500, 500)
        rows.append((f"YRC0{n}", "RC", str(e), str(nn), f"{rnd.uniform(452, 461):.1f}", "-60",
                     str(rnd.choice([90, 90, 270, 85, 95])), str(_depth(f"YRC0{n}", rnd.choice([120, 138, 150, 162, 174, 180])))))
    for n, depth in zip(range(19, 25), ["264.5", "300.4", "342.6", "240.0", "318.0", "277.0"], strict=True):
        e = 412380 + rnd.randint(-120, 120)
        nn = 6712300 + rnd.randint(-300, 300)
        rows.append((f"YDD00{n}", "RC/DD", str(e), str(nn), f"{rnd.uniform(452, 461):.1f}", "-65", "90", depth))
    return rows


JORC = {
    "lab": "Nagle Analytical Services", "lab_city": "Kalgoorlie",
    "method": "Gold was analysed by 50 g fire assay with an AAS finish (FA50/AAS), detection limit 0.005 g/t "
    "Au. Samples returning greater than 10 g/t Au were re-assayed by gravimetric finish. Selected samples "
    "with coarse gold were submitted for 1 kg screen fire assay; those results are pending.",
    "crs": "GDA2020 MGA Zone 50",
    "tenement": "Mining Lease M 59/9071 and Exploration Licence E 59/4418",
    "geology_text": "The Kinsella project lies in the northern part of an Archaean greenstone belt "
    "dominated by tholeiitic basalt, dolerite sills and interflow sediments intruded by felsic porphyry "
    "dykes. Gold at Boomerang is hosted by a north-south shear zone with quartz-carbonate-sulphide veining "
    "and sericite-pyrite-arsenopyrite alteration along the contact between a differentiated dolerite and "
    "overlying basalt. Harriet's Find is a parallel structure 600 m to the west with a supergene blanket "
    "developed at 10-25 m depth.",
    "aggregation_text": "Significant intercepts are length-weighted averages calculated with a 0.5 g/t Au "
    "lower cut-off, a minimum reporting width of 1 m and a maximum of 2 m of consecutive internal dilution. "
    "Included higher-grade intervals use a 5.0 g/t Au lower cut-off. No upper cut has been applied. "
    "Intercepts of more than 20 gram-metres (grade multiplied by down-hole width) are highlighted in the "
    "body of the announcement. No metal equivalent values are reported.",
    "widths_text": "Drilling is oriented across the east-dipping Boomerang shear. True widths are "
    "estimated to be 60% to 75% of the down-hole intervals reported. At Harriet's Find the supergene "
    "intercepts are sub-horizontal and the reported widths approximate true widths.",
    "further_text": "Infill and extensional RC drilling at 40 m x 40 m, a further 3,000 m of diamond "
    "drilling beneath the Boomerang high-grade shoot, and an update of the Mineral Resource estimate in the "
    "December quarter.",
    "other_parties": "Shallow RAB and aircore drilling was completed by previous explorers between 1987 "
    "and 2009. Those holes were used for targeting only and are not reported here. The nearby Coolabah gold "
    "mine, operated by an unrelated company, is located 14 km to the south.",
}


def story(k):
    s = []
    s.append(k.H1("Thick high-grade gold extends Boomerang Lode at Kinsella"))
    s.append(k.P("<b>Yarrabee Gold Ltd</b> (<b>ASX: YBG</b>, \"Yarrabee\" or \"the Company\") is pleased to "
                 "report assay results from the recently completed Phase 3 reverse circulation (RC) and "
                 "diamond drilling programme at its 100%-owned Kinsella Gold Project in the Murchison region "
                 "of Western Australia."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "Phase 3 drilling totalled 42 RC holes for 6,118m and six diamond holes for 1,742.5m; assays for "
        "one diamond hole remain outstanding.",
        "Wide, high-grade gold intersected in the core of the Boomerang Lode, including:",
        "<b>13m @ 3.95g/t Au from 48m</b> (YRC0231), incl. <b>3m @ 11.40g/t Au</b> from 52m",
        "<b>16m @ 4.48g/t Au from 118m</b> (YRC0242), incl. <b>5m @ 10.85g/t Au</b> from 121m",
        "<b>19m @ 2.97g/t Au from 131m</b> (YRC0254), incl. <b>4m @ 8.81g/t Au</b> from 137m",
        "<b>8.6m @ 5.17g/t Au from 212.4m</b> (YDD0019), incl. <b>2.3m @ 14.92g/t Au</b> from 215.0m",
        "Bonanza grade hit at Harriet's Find: <b>2m @ 18.60g/t Au from 92m</b> (YRC0251)",
        "The Boomerang Lode is now defined over 1.1km of strike and remains open at depth below YDD0021 "
        "(14.6m @ 3.06g/t Au from 301.2m).",
        "Resource update drilling to start in June; an updated Mineral Resource estimate is scheduled for "
        "the December quarter.",
    ])
    s.append(k.P("Managing Director <b>Ms Carla Wendt</b> said: \"These are the best holes we have drilled at "
                 "Boomerang. The thickness and continuity of the high-grade shoot at depth, coupled with the "
                 "new hit at Harriet's Find, show that Kinsella has scale beyond the current resource.\""))
    s.append(k.H2("Phase 3 drilling"))
    s.append(k.P("The Phase 3 programme was designed to test the down-plunge extent of the Boomerang "
                 "high-grade shoot and to close the drill spacing to about 40m x 40m between 60m and 180m "
                 "below surface. Holes were drilled at -60 degrees towards the east (090) from collars "
                 "spaced along eleven cross-sections. Six diamond holes were drilled from RC pre-collars to "
                 "test the shoot between 200m and 320m vertical depth."))
    s.append(k.P("Results confirm a coherent, east-dipping lode between 4m and 19m in down-hole thickness, "
                 "defined by strong quartz-carbonate veining with 2-5% disseminated pyrite and arsenopyrite. "
                 "The highest grades coincide with a flexure in the shear where the lode steepens. YRC0242 "
                 "returned <b>16m @ 4.48g/t Au</b> from 118m, including 5m @ 10.85g/t Au, and sits 40m "
                 "up-dip of YRC0254 (19m @ 2.97g/t Au from 131m)."))
    s.append(k.P("At depth, YDD0019 intersected 8.6m @ 5.17g/t Au from 212.4m and YDD0021 returned 14.6m @ "
                 "3.06g/t Au from 301.2m, including 3.4m @ 9.77g/t Au from 309.0m, the deepest significant "
                 "intercept at the project to date. YDD0022 intersected a narrow, very high-grade vein "
                 "returning 1.4m @ 26.40g/t Au from 188.7m. Assays for YDD0023 are awaited; logging recorded "
                 "a 6.2m zone of laminated quartz veining with 3-5% pyrite and two occurrences of visible "
                 "gold between 244m and 250m. Visual observations of sulphides and visible gold are not a "
                 "substitute for laboratory assays."))
    s.append(k.P("At Harriet's Find, 600m west of Boomerang, YRC0251 intersected 2m @ 18.60g/t Au from 92m "
                 "in fresh rock beneath the supergene blanket, and YRC0249 returned 12m @ 1.74g/t Au from 8m "
                 "in oxide material."))
    s.append(k.P("The Boomerang deposit currently hosts a JORC 2012 Mineral Resource Estimate of 8.9Mt @ "
                 "1.62g/t Au for 463koz Au, reported at a 0.5g/t Au cut-off above 200m depth (see ASX "
                 "announcement of 2 September 2024). The Company is not aware of any new information that "
                 "materially affects that estimate."))
    s.append(k.PageBreak())
    s += k.figure_plan(
        "Figure 1: Kinsella - Boomerang Lode drill plan showing Phase 3 collars and selected intercepts",
        [(f"YRC0{n}", 0.35 + 0.015 * (n % 7), 0.1 + 0.019 * (n - 231)) for n in range(231, 273, 3)]
        + [("YDD0019", 0.22, 0.55), ("YDD0021", 0.2, 0.7), ("YDD0022", 0.25, 0.42)],
        [(0.55, 0.15, ["YRC0231", "13m @ 3.95g/t Au from 48m", "incl. 3m @ 11.40g/t Au"]),
         (0.55, 0.45, ["YRC0242", "16m @ 4.48g/t Au from 118m", "incl. 5m @ 10.85g/t Au"]),
         (0.55, 0.7, ["YRC0254", "19m @ 2.97g/t Au from 131m"]),
         (0.02, 0.85, ["YDD0021", "14.6m @ 3.06g/t Au from 301.2m"])],
        seed=11, e0=412000, n0=6711800, features=[("Boomerang Shear", 0.4, 0.95), ("Harriet's Find", 0.05, 0.3)],
    )
    s.append(k.P("The Boomerang Lode has been traced by drilling over approximately 1.1km of strike. "
                 "Mineralisation remains open down plunge to the south and at depth."))
    s.append(k.PageBreak())
    s += k.figure_section(
        "Figure 2: Cross-section 6712320mN (looking north) showing YRC0242, YRC0254 and YDD0019",
        [("YRC0242", 0.2, 0.35, ["16m @ 4.48g/t Au"]), ("YRC0254", 0.1, 0.42, ["19m @ 2.97g/t Au"]),
         ("YDD0019", 0.02, 0.62, ["8.6m @ 5.17g/t Au"])], seed=5, rl_top=460)
    s += k.figure_section(
        "Figure 3: Long section of the Boomerang Lode (looking west) - gram-metre contours",
        [("YDD0021", 0.5, 0.9, ["14.6m @ 3.06g/t Au"]), ("YDD0022", 0.3, 0.55, ["1.4m @ 26.40g/t Au"])],
        seed=6, rl_top=460)
    s.append(k.H2("About the Kinsella Gold Project"))
    s.append(k.P("Kinsella covers 412km<super>2</super> of granted tenure over a 35km-long segment of greenstone "
                 "stratigraphy, 60km north-east of the town of Cue. The project was assembled by Yarrabee in "
                 "2021 and 2022 through the acquisition of two mining leases and the grant of four exploration "
                 "licences. Modern exploration has focused on the Boomerang Lode, which was mined on a small "
                 "scale between 1899 and 1912, and on a series of untested aircore anomalies along strike."))
    s.append(k.P("The regional setting is comparable to other Murchison gold camps, where gold is "
                 "concentrated in shear zones at rheological contrasts between dolerite and basalt. The "
                 "Company's exploration model targets plunging high-grade shoots within these shears, which "
                 "are commonly under-explored below the base of the historic shallow drilling."))
    s += k.table(["Tenement", "Status", "Area (km\u00b2)", "Holder", "Expiry"],
                 [["M 59/9071", "Granted", "9.6", "Yarrabee Gold Ltd", "11/2041"],
                  ["E 59/4418", "Granted", "118.2", "Yarrabee Gold Ltd", "03/2027"],
                  ["E 59/4419", "Granted", "96.0", "Yarrabee Gold Ltd", "03/2027"],
                  ["E 59/4562", "Granted", "142.5", "Yarrabee Gold Ltd", "08/2028"],
                  ["E 59/4601", "Application", "45.7", "Yarrabee Gold Ltd", "-"]],
                 title="Table 3: Kinsella tenement schedule", widths=[70, 60, 60, 110, 60])
    s += k.figure_plan("Figure 4: Kinsella project location and tenure",
                       [("Boomerang", 0.45, 0.5), ("Harriet's Find", 0.3, 0.52), ("Cue (60km SW)", 0.05, 0.05),
                        ("Coolabah mine (third party)", 0.55, 0.1)],
                       [], seed=4, e0=400000, n0=6700000, width=170 * k.mm, height=120 * k.mm,
                       features=[("E 59/4418", 0.6, 0.7), ("M 59/9071", 0.42, 0.45), ("E 59/4562", 0.2, 0.8)])
    s += k.figure_full("Figure 5: Kinsella regional geology (1:100,000 interpreted bedrock geology)", seed=21,
                       labels=[("Boomerang", 0.45, 0.55), ("Harriet's Find", 0.28, 0.56), ("Kinsella Shear", 0.5, 0.8)],
                       legend=["Basalt", "Dolerite", "Felsic porphyry", "Granite", "Interflow sediment"])
    s += k.figure_full("Figure 6: Reduced-to-pole aeromagnetic image with interpreted structures", seed=22, kind="mag",
                       labels=[("Boomerang", 0.45, 0.55), ("untested magnetic low", 0.6, 0.3)])
    s += k.figure_full("Figure 7: Boomerang Lode long projection showing pierce points (looking west)", seed=24,
                       labels=[("YDD0021", 0.5, 0.18), ("YDD0019", 0.42, 0.35), ("YRC0254", 0.38, 0.62),
                               ("YRC0242", 0.36, 0.7), ("open at depth", 0.55, 0.08)],
                       legend=["Pierce point > 20 gram-metres", "Pierce point 5-20 gram-metres",
                               "Pierce point < 5 gram-metres", "Resource outline (Sept 2024)"])
    s += k.figure_full("Figure 8: Planned resource definition drilling at Boomerang", seed=25,
                       labels=[("Planned RC", 0.4, 0.6), ("Planned DD (below 320m)", 0.5, 0.2)],
                       legend=["Planned collar", "Completed Phase 3 hole"])
    s += k.figure_full("Photo 2: YDD0019 core, 214m-218m, quartz-sulphide lode (assayed; see Table 1)",
                       seed=26, kind="photo", height=150 * k.mm)
    s += k.figure_full("Photo 1: YDD0023 core, 240m-252m, laminated quartz veining with pyrite (assays pending)",
                       seed=23, kind="photo", height=150 * k.mm,
                       caption="Visual observations of veining and sulphides are qualitative and should not be "
                               "taken as an indication of the presence of economic gold grades.")
    s.append(k.PageBreak())
    s.append(k.H2("Next steps"))
    s += k.bullets([
        "Resource definition RC drilling (approximately 60 holes for 9,000m) to begin in June 2025.",
        "A further 3,000m of diamond drilling to test the Boomerang shoot below 320m.",
        "Metallurgical test work on Phase 3 diamond core (fresh and transitional material).",
        "Mineral Resource estimate update in the December quarter 2025.",
    ])
    s.append(k.P("This announcement has been authorised for release by the Board of Yarrabee Gold Ltd."))
    s.append(k.P("<b>For further information:</b> Carla Wendt, Managing Director, +61 8 6100 0000; "
                 "Tom Hallinan, Investor Relations, +61 400 000 000"))
    s += k.cp_statement("Mr Daniel Firth, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Yarrabee Gold Ltd")
    s += k.forward_looking("Yarrabee Gold Ltd")
    s.append(k.H2("Appendix 1: Significant intercepts and collar details"))
    s.append(k.P("Table 1 lists all significant intercepts from the Phase 3 programme. Table 2 lists the "
                 "collar details of every hole drilled, including holes that did not return a significant "
                 "intercept."))
    s += k.table(
        ["Hole ID", "From\n(m)", "To\n(m)", "Interval\n(m)", "Au\n(g/t)", "Prospect"],
        INTERCEPTS,
        title="Table 1: Significant intercepts - Kinsella Phase 3 drilling",
        widths=[60, 50, 50, 55, 55, 90], font=8,
        notes=["Intercepts are calculated using a 0.5g/t Au lower cut-off with up to 2m internal dilution; "
               "\"incl.\" intervals use a 5.0g/t Au cut-off. NSI = no significant intercept. All widths are "
               "down-hole; true widths are estimated at 60-75% of down-hole width."],
    )
    s.append(k.PageBreak())
    s += k.table(
        ["Hole ID", "Type", "Easting\n(MGA50)", "Northing\n(MGA50)", "RL\n(m)", "Dip\n(\u00b0)", "Azimuth\n(\u00b0)",
         "EOH Depth\n(m)"],
        collars(),
        title="Table 2: Drill hole collar details - Kinsella Phase 3 (GDA2020 MGA Zone 50)",
        widths=[55, 38, 62, 66, 40, 36, 48, 56], font=7.5,
    )
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 2: Rock chip sampling - Boomerang North"))
    s.append(k.P("Rock chip samples were collected from historic workings and outcrop 2km north of the "
                 "Boomerang Lode during the programme. Rock chip samples are selective by nature and are not "
                 "representative of the grade of any mineralised zone; they are reported to show the "
                 "prospectivity of the area only."))
    s += k.table(["Sample ID", "Easting", "Northing", "Type", "Au (g/t)", "Description"],
                 [["YRK1041", "412655", "6714120", "Rock chip", "15.20", "Quartz vein, limonite boxwork"],
                  ["YRK1042", "412671", "6714138", "Rock chip", "3.85", "Sheared basalt, quartz stringers"],
                  ["YRK1043", "412690", "6714160", "Rock chip", "0.41", "Dolerite, weak carbonate"],
                  ["YRK1044", "412702", "6714210", "Mullock", "7.62", "Vein quartz from shaft dump"],
                  ["YRK1045", "412715", "6714254", "Rock chip", "0.08", "Barren quartz"],
                  ["YRK1046", "412730", "6714301", "Rock chip", "1.94", "Gossanous ironstone"]],
                 title="Table 4: Boomerang North rock chip results", widths=[55, 55, 60, 55, 50, 170],
                 align_left_cols=(0, 5))
    s += k.jorc_table1(JORC, (1, 2), heading="Appendix 3: JORC Code, 2012 Edition - Table 1")
    s += k.about_page("Yarrabee Gold Ltd",
                      "Yarrabee Gold Ltd is a Perth-based explorer focused on the Kinsella Gold Project in the "
                      "Murchison region of Western Australia, where it is defining a high-grade gold resource "
                      "around the historic Boomerang workings. The Company listed on the ASX in 2021.",
                      ["Mr Ian Brockway - Non-Executive Chair", "Ms Carla Wendt - Managing Director",
                       "Mr Peter Ng - Non-Executive Director", "Ms Rosa Delacroix - CFO and Company Secretary",
                       "Mr Daniel Firth - Exploration Manager"],
                      "Level 3, 18 Ord Street, West Perth WA 6005. Telephone +61 8 6100 0000.")
    return s
