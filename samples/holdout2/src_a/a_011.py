"""a-011 (holdout2): Corella Creek Mining Ltd (fictitious) - gold producer quarterly: head grades + restated intercepts."""

META = {
    "company": "Corella Creek Mining Ltd",
    "ticker_line": "ASX: CCX  |  Quarterly Activities Report  |  29 October 2025",
    "site": "Corella Creek Mining Ltd  ABN 00 000 000 548",
    "title": "Corella Creek - September 2025 Quarterly Activities Report",
}


def story(k):
    s = []
    s.append(k.H1("Quarterly Activities Report for the period ending 30 September 2025"))
    s.append(k.H3("Quarter highlights"))
    s += k.bullets([
        "Gold production of <b>25,457oz</b> (June quarter: 23,118oz) at an AISC of <b>A$2,180/oz</b>",
        "Record mill throughput of 398,700t at a head grade of 2.14g/t Au and 92.8% recovery",
        "Boundary Lode discovery extended: results reported during the quarter included "
        "<b>18m @ 5.62g/t Au from 144m (CCD0411)</b> incl. 4m @ 19.3g/t Au from 150m",
        "Cash and bullion of A$48.6 million at quarter end (June quarter: A$39.2 million), no debt",
        "FY26 guidance reaffirmed at 95,000-105,000oz at AISC of A$2,100-2,300/oz",
    ])
    s.append(k.H2("Operations - Corella Creek Gold Mine (100%)"))
    hdr = ["", "Units", "Sep 2025 Qtr", "Jun 2025 Qtr", "FY26 YTD"]
    rows = [["Ore mined", "t", "412,300", "388,950", "412,300"],
            ["Mined grade", "g/t Au", "2.31", "2.05", "2.31"],
            ["Waste mined", "BCM", "2,106,400", "2,341,800", "2,106,400"],
            ["Ore milled", "t", "398,700", "381,420", "398,700"],
            ["Head grade", "g/t Au", "2.14", "1.98", "2.14"],
            ["Recovery", "%", "92.8", "93.1", "92.8"],
            ["Gold produced", "oz", "25,457", "23,118", "25,457"],
            ["Gold sold", "oz", "25,210", "23,400", "25,210"],
            ["Average realised price", "A$/oz", "4,120", "3,960", "4,120"],
            ["AISC", "A$/oz", "2,180", "2,310", "2,180"]]
    s += k.table(hdr, rows, title="Table 1: Production summary", widths=[140, 60, 80, 80, 80])
    s.append(k.P("Mining in the quarter was focused on Stage 3 of the Main pit, where ore grades improved as the pit "
                 "deepened below the 320mRL. Grade control drilling of 12,400m was completed ahead of mining. "
                 "Reconciliation of mill-reconciled ounces against the grade control model was +4% for the quarter."))
    s.append(k.H2("Exploration"))
    s.append(k.H3("Boundary Lode"))
    s.append(k.P("As previously reported (ASX announcement 14 August 2025, \"Boundary Lode delivers high-grade "
                 "discovery\"), diamond drilling 1.2km south of the Main pit intersected high-grade gold in quartz-"
                 "sulphide lodes. Results reported during the quarter are restated in Table 2. The Company confirms "
                 "that it is not aware of any new information that materially affects the information included in "
                 "that announcement."))
    s.append(k.P("Results for three further RC holes (CCRC1901-CCRC1903) were received after the end of the quarter and "
                 "are reported here for the first time."))
    hdr2 = [["Hole", "From", "To", "Width", "Au g/t", "Status"], ["", "(m)", "(m)", "(m)", "uncut", ""]]
    rows2 = [["CCD0411", "144", "162", "18", "5.62", "Reported 14/08/2025"],
             ["   incl.", "150", "154", "4", "19.3", ""],
             ["CCRC1877", "96", "103", "7", "3.08", "Reported 14/08/2025"],
             ["CCRC1879", "58", "61", "3", "1.74", "Reported 14/08/2025"],
             ["CCRC1901", "NSI", "", "", "", "New"],
             ["CCRC1902", "52", "63", "11", "2.47", "New"],
             ["CCRC1903", "77", "79", "2", "6.85", "New"]]
    s += k.table(hdr2, rows2, title="Table 2: Boundary Lode significant intercepts (0.5g/t Au cut-off, up to 3m "
                 "internal dilution)", widths=[70, 45, 45, 45, 50, 110], align_left_cols=(0, 5),
                 notes=["Down-hole widths; true widths are not yet known. No top cut applied. NSI = no significant "
                        "intercept."])
    s.append(k.H3("Regional"))
    s.append(k.P("Aircore drilling (148 holes for 9,620m) on the Yowie trend defined a 2.4km gold-in-regolith anomaly "
                 "above 50ppb Au. Soil sampling at Bilby returned a peak of 0.84g/t Au in a lag sample. Follow-up RC "
                 "drilling is planned for the December quarter."))
    s.append(k.PageBreak())
    s.append(k.H2("Mineral Resources and Ore Reserves"))
    s.append(k.P("There was no change during the quarter to the Group Mineral Resources of 14.2Mt @ 2.00g/t Au for "
                 "913koz and Ore Reserves of 3.9Mt @ 2.2g/t Au for 276koz, as announced on 30 September 2025 "
                 "(Annual Mineral Resource and Ore Reserve Statement)."))
    s.append(k.H2("Corporate and finance"))
    s.append(k.P("Cash and bullion increased by A$9.4 million to A$48.6 million. The Company delivered 3,000oz into "
                 "its hedge book during the quarter; remaining forward sales total 12,000oz at an average of "
                 "A$3,850/oz, to be delivered by June 2026. Payments to related parties of A$212,000 (item 6.1 of the "
                 "Appendix 5B) comprise directors' fees and salaries."))
    s.append(k.P("Exploration expenditure for the quarter was A$3.7 million. The Company spent A$0.9 million on "
                 "mining production and development activities, as reported in the Appendix 5B."))
    s += k.table(["Tenement", "Location", "Interest at start", "Interest at end"],
                 [["M29/4XX", "Corella Creek", "100%", "100%"], ["E29/1XXX", "Yowie", "100%", "100%"],
                  ["E29/1YYY", "Bilby", "0%", "80% (earn-in)"]],
                 title="Table 3: Tenement schedule (Listing Rule 5.3.3)", widths=[80, 100, 90, 90])
    s += k.cp_statement("Mr Declan Whitlam, MAIG", "", "Corella Creek Mining Ltd",
                        what="Exploration Results, Mineral Resources and Ore Reserves")
    s.append(k.small("This announcement was authorised for release by the Board of Corella Creek Mining Ltd."))
    return s
