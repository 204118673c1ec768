"""hold-002 (holdout): Bowerbird Gold NL (fictitious) - results table grouped under per-hole section rows, Au in ppm."""

META = {
    "company": "Bowerbird Gold NL",
    "ticker_line": "ASX code BWB  -  Exploration update  -  5 August 2025",
    "site": "Bowerbird Gold NL  ACN 000 000 101",
    "title": "Bowerbird - Satinwood diamond drilling",
}


def story(k):
    s = []
    s.append(k.H1("Satinwood: gold-silver lodes intersected in three of four diamond holes"))
    s.append(k.P("Bowerbird Gold NL (\"Bowerbird\"; ASX code BWB) has received laboratory results for diamond holes "
                 "BWD-118 to BWD-121 at the Satinwood project near Southern Cross, Western Australia. The drilling "
                 "tested the down-dip extensions of the Satinwood North and Central lodes."))
    s.append(k.P("BWD-121 returned the best result, 2.30 m at 12.40 ppm gold and 5.1 ppm silver from 201.00 m, in a "
                 "laminated quartz vein 90 m below the previous deepest intersection. BWD-119 returned 15.60 m at "
                 "2.04 ppm gold from 88.40 m, within which a higher-grade zone of 3.90 m averages 5.66 ppm gold. "
                 "BWD-118 intersected two lodes. BWD-120 did not return a significant intersection."))
    s.append(k.P("All results below are listed by hole; depths are down-hole metres. Gold and silver are reported in "
                 "parts per million (ppm), which is numerically the same as grams per tonne."))
    hdr = ["From (m)", "To (m)", "Length (m)", "Au (ppm)", "Ag (ppm)", "Comment"]
    rows = [
        ["Hole BWD-118   (346120E 6578410N, -55/090, EOH 310.4 m)", "", "", "", "", ""],
        ["64.00", "71.00", "7.00", "3.12", "1.4", "North lode"],
        ["66.00", "68.00", "2.00", "8.75", "3.9", "Includes"],
        ["142.35", "145.10", "2.75", "1.86", "0.6", "Central lode"],
        ["Hole BWD-119   (346185E 6578402N, -60/090, EOH 180.2 m)", "", "", "", "", ""],
        ["88.40", "104.00", "15.60", "2.04", "0.9", "North lode"],
        ["93.10", "97.00", "3.90", "5.66", "2.2", "Within above"],
        ["Hole BWD-120   (346240E 6578600N, -60/090, EOH 250.0 m)", "", "", "", "", ""],
        ["No significant intersection", "", "", "", "", ""],
        ["Hole BWD-121   (346050E 6578395N, -62/090, EOH 265.7 m)", "", "", "", "", ""],
        ["201.00", "203.30", "2.30", "12.40", "5.1", "North lode, VG noted"],
    ]
    spans = [((0, 1), (5, 1)), ((0, 5), (5, 5)), ((0, 8), (5, 8)), ((0, 9), (5, 9)), ((0, 10), (5, 10))]
    t = k.table(hdr, rows, title="Results by hole (lower cut-off 1 ppm Au; sub-intervals at 5 ppm Au)",
                widths=[70, 70, 70, 65, 65, 140], spans=spans, font=8.5, align_left_cols=(0, 5))
    s += t
    s.append(k.P("Sampling was by half NQ2 core on geological intervals of 0.3 m to 1.1 m. Gold by 40 g fire assay "
                 "(ICP-OES finish), silver by aqua regia digest. Intersections are down-hole lengths; true widths "
                 "are about 65% of down-hole lengths. VG = visible gold."))
    s.append(k.P("Bowerbird will drill a further six holes for 1,800 m at Satinwood in the December quarter."))
    s.append(k.small("Competent Person: Mr Emlyn Castlemaine, a Member of the Australian Institute of Geoscientists and "
                     "a director of Bowerbird Gold NL."))
    return s
