"""acz-002: Antimony Creek Resources Ltd (fictitious) - placement and share purchase plan (hard negative)."""

META = {
    "company": "Antimony Creek Resources Ltd",
    "ticker_line": "ASX: ACZ  |  2 October 2025",
    "site": "Antimony Creek Resources Ltd  ABN 00 000 000 011",
    "title": "A$9.0 million placement to accelerate Stibnite Gully drilling",
}


def story(k):
    s = []
    s.append(k.H1("A$9.0 million placement to accelerate Stibnite Gully drilling"))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "Firm commitments received for a placement of 56.25 million shares at <b>A$0.16 per share</b> to raise "
        "<b>A$9.0 million</b> (before costs).",
        "Placement price represents a 12.1% discount to the last closing price of A$0.182 and a 9.8% discount to "
        "the 15-day VWAP of A$0.1774.",
        "One free attaching option for every two placement shares (exercise price A$0.25, expiry 3 years).",
        "Share Purchase Plan to raise up to a further A$1.5 million at the same price.",
        "Funds will accelerate drilling following the recent high-grade antimony-gold results, fund a "
        "metallurgical programme and provide working capital.",
    ])
    s.append(k.P("<b>Antimony Creek Resources Ltd (ASX: ACZ)</b> is pleased to announce that it has received firm "
                 "commitments from institutional and sophisticated investors for a two-tranche placement. The "
                 "placement was strongly supported by new domestic and offshore institutions and by existing "
                 "shareholders."))
    s.append(k.H2("Use of funds"))
    s += k.table(["Use", "A$M"],
                 [["Diamond drilling at Stibnite Gully (15,000m)", "4.8"], ["Metallurgical test work", "1.1"],
                  ["Regional exploration", "1.2"], ["Costs of the offer", "0.6"], ["Working capital", "1.3"],
                  ["Total", "9.0"]], title="Table 1: Indicative use of funds", widths=[260, 60], bold_rows=[5],
                 align_left_cols=(0,))
    s.append(k.H2("Placement details"))
    s.append(k.P("Tranche 1 (38.5 million shares, A$6.16 million) will be issued under the Company's placement "
                 "capacity under ASX Listing Rules 7.1 and 7.1A on or about 9 October 2025. Tranche 2 (17.75 "
                 "million shares, A$2.84 million) and the attaching options are subject to shareholder approval "
                 "at a general meeting expected in November 2025. Directors have committed A$250,000 to Tranche 2."))
    s.append(k.P("Bridgewater Capital Partners acted as lead manager and will receive a fee of 6% of funds raised "
                 "and 4 million options."))
    s += k.table(["Event", "Date"],
                 [["Trading halt", "Monday 29 September 2025"], ["Announcement of placement", "Thursday 2 October 2025"],
                  ["Settlement of Tranche 1", "Wednesday 8 October 2025"], ["Allotment of Tranche 1", "Thursday 9 October 2025"],
                  ["General meeting", "Tuesday 18 November 2025"], ["SPP closes", "Friday 21 November 2025"]],
                 title="Table 2: Indicative timetable", widths=[200, 160], align_left_cols=(0, 1))
    s.append(k.P("Managing Director <b>Mr Hugo Renshaw</b> said: \"The support for this raising reflects the "
                 "strength of our recent drilling and the strategic importance of antimony. We are now fully "
                 "funded to drill out Stibnite Gully through 2026.\""))
    s.append(k.P("This announcement has been authorised for release by the Board. An Appendix 3B for the "
                 "proposed issue of securities accompanies this announcement."))
    s.append(k.small("Not for release to US wire services or distribution in the United States. This announcement "
                     "does not constitute an offer of securities in the United States."))
    return s
