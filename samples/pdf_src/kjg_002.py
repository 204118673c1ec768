"""kjg-002: Koonjarra Gold Ltd (fictitious) - quarterly activities report; production head grades, cash, no new results."""

META = {
    "company": "Koonjarra Gold Ltd",
    "ticker_line": "ASX: KJG  |  Quarterly Activities Report  |  28 April 2025",
    "site": "Koonjarra Gold Ltd  ABN 00 000 000 015",
    "title": "Quarterly Activities Report - March 2025 quarter",
}


def story(k):
    s = []
    s.append(k.H1("Quarterly Activities Report for the period ending 31 March 2025"))
    s.append(k.H2("Quarter highlights"))
    s += k.bullets([
        "Gold production of 22,730oz at the Bindarra operation (December quarter: 21,460oz).",
        "AISC of A$2,145/oz; average realised gold price A$4,312/oz.",
        "Cash and bullion of A$48.2M at 31 March 2025 (31 December 2024: A$41.5M); no debt.",
        "Eastern Flank: 86 RC holes for 9,870m completed; assays pending for 61 holes.",
        "Pre-Feasibility Study for Eastern Flank on track for the December quarter.",
    ])
    s.append(k.H2("Bindarra operations"))
    s += k.table(["", "Unit", "Sep 2024 Qtr", "Dec 2024 Qtr", "Mar 2025 Qtr"],
                 [["Ore mined", "t", "398,210", "421,940", "405,330"],
                  ["Mined grade", "g/t Au", "1.79", "1.77", "1.86"],
                  ["Ore milled", "t", "401,880", "409,720", "412,560"],
                  ["Head grade", "g/t Au", "1.74", "1.78", "1.84"],
                  ["Recovery", "%", "92.6", "92.8", "93.1"],
                  ["Gold produced", "oz", "20,810", "21,460", "22,730"],
                  ["Gold sold", "oz", "20,400", "21,900", "22,110"],
                  ["AISC", "A$/oz", "2,310", "2,220", "2,145"]],
                 title="Table 1: Bindarra production summary", widths=[110, 60, 80, 80, 80], align_left_cols=(0,))
    s.append(k.P("Mill throughput was steady at an annualised rate of 1.65Mtpa. The higher head grade reflects "
                 "mining of the Stage 3 cutback at the Wattle pit, which reached the main high-grade lode in "
                 "February. Run-of-mine stockpiles at quarter end were 210kt at 0.9g/t Au. Low-grade stockpiles "
                 "are not part of the Ore Reserve."))
    s.append(k.P("Safety: one lost-time injury was recorded. The 12-month rolling LTIFR was 1.4."))
    s.append(k.H2("Exploration"))
    s.append(k.P("At Eastern Flank, 86 RC holes for 9,870m were completed on 40m x 40m infill spacing for the "
                 "Pre-Feasibility Study. Assays for the first 25 holes have been received and are being validated; "
                 "they will be reported with the remaining results in the June quarter. No new exploration "
                 "results are reported in this report. Geological logging confirmed the continuity of the "
                 "quartz-sulphide lode, with 1-5% pyrite logged in most holes; these are visual observations only."))
    s.append(k.P("At the Coolibah Well regional target, a 1,200-sample soil programme defined a 2.1km-long gold "
                 "anomaly above 25ppb Au with a peak of 412ppb Au. Aircore drilling (about 4,000m) is planned."))
    s.append(k.H2("Corporate"))
    s.append(k.P("Cash and bullion increased by A$6.7M to A$48.2M after A$12.4M of exploration and A$7.9M of "
                 "sustaining capital. The Company's hedge book comprises 18,000oz of forward contracts at an "
                 "average of A$3,640/oz delivering to December 2025."))
    s.append(k.P("ASX Listing Rule 5.3.5: payments of A$312,000 were made to related parties and their associates, "
                 "comprising directors' fees and salaries."))
    s += k.table(["Tenement", "Location", "Interest at start of quarter", "Interest at end of quarter"],
                 [["M 31/1102", "Bindarra", "100%", "100%"], ["M 31/1140", "Bindarra", "100%", "100%"],
                  ["E 31/1388", "Eastern Flank", "100%", "100%"], ["E 39/2261", "Coolibah Well", "0%", "80% (earning)"]],
                 title="Schedule of tenements", widths=[80, 100, 130, 130])
    s.append(k.P("This report has been authorised for release by the Board."))
    s.append(k.small("Production targets referred to in this report are underpinned by the Bindarra Ore Reserve "
                     "announced on 21 August 2024. The Company confirms that all material assumptions underpinning "
                     "the production target continue to apply."))
    return s
