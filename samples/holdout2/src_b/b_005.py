"""b-005 (holdout2): Quandong Minerals Ltd (fictitious) - gold RC results; Appendix Table 2 collars,
Table 3 multi-element assays with '<0.01' and '-' cells, JORC Table 1, historical results not JORC 2012."""

META = {
    "company": "Quandong Minerals Ltd",
    "ticker_line": "ASX:QDM | ASX Announcement | 3 November 2026",
    "site": "Quandong Minerals Ltd  ABN 00 000 000 733  |  www.quandongminerals.example",
    "title": "Bindi Hill RC drilling results",
}


def story(k):
    s = []
    s.append(k.H1("Bindi Hill RC drilling delivers 18m @ 2.36g/t Au and extends Main Zone"))
    s.append(k.H3("Highlights"))
    s += k.bullets([
        "<b>QRC043: 18m @ 2.36g/t Au from 71m</b>, including <b>4m @ 7.90g/t Au from 80m</b>",
        "<b>QRC041: 12m @ 1.87g/t Au from 24m</b>, including 3m @ 5.42g/t Au from 28m, in the oxide zone",
        "QRC045: 3m @ 3.15g/t Au from 102m, 200m south of the Main Zone",
        "Copper and silver credits associated with the higher-grade gold shoots",
    ])
    s.append(k.P("Quandong Minerals Ltd (ASX:QDM) (<b>Quandong</b> or <b>the Company</b>) advises that assays have been "
                 "received for five reverse circulation (RC) holes (QRC041 to QRC045) for 742m drilled at the Bindi Hill "
                 "Gold Project, 35km north-west of Kalgoorlie. The holes tested 600m of strike of the Main Zone shear "
                 "beneath and along strike from historical open-pit workings."))
    s.append(k.P("QRC043 intersected the Main Zone 40m below the base of the historical pit and returned 18m @ 2.36g/t Au "
                 "from 71m, including 4m @ 7.90g/t Au from 80m with 0.41% Cu. QRC041 returned 12m @ 1.87g/t Au from 24m "
                 "in strongly oxidised saprolite; QRC042 and QRC045 returned 4m @ 0.94g/t Au and 3m @ 3.15g/t Au "
                 "respectively (Table 3). QRC044 did not return a significant intercept. The shallow 4m composite result "
                 "in QRC043 (4m @ 0.61g/t Au from 8m) will be re-split to 1m samples."))
    s.append(k.P("Quandong's Managing Director, Mr Callum Whitford, said the Company was encouraged by the consistency "
                 "of the Main Zone: \"Every hole drilled into the shear zone has now hit gold. QRC043 is the best hole "
                 "drilled at Bindi Hill and confirms a plunging high-grade shoot that was never mined.\""))
    s.append(k.H3("Historical exploration"))
    s.append(k.P("Western Reefs NL mined a small open pit at Bindi Hill in 1989-1990. Historical drilling by Western Reefs "
                 "included 10m @ 6.1g/t Au in hole WRP27 and 5m @ 12.3g/t Au in WRP31. These historical results are "
                 "not reported in accordance with the JORC Code 2012. A Competent Person has not done sufficient work to "
                 "disclose them in accordance with the JORC Code 2012, and it is possible that following further "
                 "evaluation and/or exploration work the confidence in the prior reported results may be reduced."))
    s.append(k.P("Historical production is reported as 48,000t at 3.4g/t Au for 5,250oz recovered."))
    s.append(k.H3("Next steps"))
    s.append(k.P("A 3,000m RC and diamond programme will test the QRC043 shoot down plunge in the March quarter. "
                 "The Company will also complete an initial Mineral Resource estimate for the Main Zone in 2027."))
    s.append(k.P("This announcement has been approved for release by the Board of Quandong Minerals Ltd."))
    s += k.cp_statement("Mr Callum Whitford, MAusIMM", "a Member of the Australasian Institute of Mining and Metallurgy",
                        "Quandong Minerals Ltd")
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 1: Drilling data"))
    collars = [
        ["QRC041", "347210", "6617840", "368", "-60", "270", "120"],
        ["QRC042", "347260", "6617760", "369", "-60", "270", "150"],
        ["QRC043", "347280", "6617680", "369", "-60", "270", "160"],
        ["QRC044", "347240", "6617520", "367", "-60", "270", "132"],
        ["QRC045", "347300", "6617480", "368", "-55", "270", "180"],
    ]
    s += k.table(["Hole ID", "Easting (MGA)", "Northing (MGA)", "RL (m)", "Dip (\u00b0)", "Azimuth (\u00b0)",
                  "Total depth (m)"], collars,
                 title="Table 2 \u2013 Drillhole collar information (GDA2020 MGA Zone 51)", font=8)
    assays = [
        ["QRC041", "24", "36", "12", "1.87", "1.2", "0.05"],
        ["incl.", "28", "31", "3", "5.42", "3.1", "0.11"],
        ["QRC042", "60", "64", "4", "0.94", "<0.5", "<0.01"],
        ["QRC043", "8", "12", "4", "0.61*", "-", "-"],
        ["QRC043", "71", "89", "18", "2.36", "0.8", "0.18"],
        ["incl.", "80", "84", "4", "7.90", "2.4", "0.41"],
        ["QRC044", "NSI", "", "", "", "", ""],
        ["QRC045", "102", "105", "3", "3.15", "1.6", "<0.01"],
    ]
    s += k.table(["Hole ID", "From (m)", "To (m)", "Interval (m)", "Au (g/t)", "Ag (g/t)", "Cu (%)"], assays,
                 title="Table 3 \u2013 Assay results (0.2g/t Au lower cut, up to 2m internal dilution)",
                 notes=["* 4m composite sample; 1m re-splits pending. NSI = no significant intercept. "
                        "'-' = not analysed. Ag and Cu by four-acid digest ICP-OES. All intervals are down-hole "
                        "lengths; true widths are estimated at 60-70% of down-hole length."],
                 spans=[((1, 7), (6, 7))], font=8)
    s += k.jorc_table1({
        "sampling": "RC drilling was sampled at 1m intervals via a rig-mounted cone splitter, producing 2-3kg "
        "samples. Intervals logged as unmineralised were sampled as 4m composites by spearing the 1m sample "
        "bags; 4m composites returning greater than 0.2g/t Au are re-split and assayed as 1m samples.",
        "aggregation": "Intercepts are length-weighted averages reported at a 0.2g/t Au lower cut with a maximum "
        "of 2m of internal dilution. High-grade sub-intervals are reported at a 1.0g/t Au lower cut. No top cut "
        "has been applied. No metal equivalents are reported.",
        "widths": "All widths are down-hole lengths. The Main Zone dips approximately 65\u00b0 east and true widths "
        "are estimated at 60-70% of down-hole length.",
        "lab": "a commercial laboratory", "lab_city": "Kalgoorlie",
        "method": "Gold was determined by 50g fire assay with an AAS finish (detection limit 0.01g/t Au); silver "
        "and copper by four-acid digest and ICP-OES.",
        "tenement": "Mining Lease M 24/0000",
        "geology_text": "Gold mineralisation at Bindi Hill is hosted by a north-trending shear zone at the contact "
        "between tholeiitic basalt and a black shale unit, with quartz-pyrite-chalcopyrite veining.",
        "further_text": "A 3,000m RC and diamond programme is planned for the March quarter 2027.",
    }, sections=(1, 2))
    return s
