"""acz-001: Antimony Creek Resources Ltd (fictitious) - Au-Sb vein results with AuEq."""

META = {
    "company": "Antimony Creek Resources Ltd",
    "ticker_line": "ASX: ACZ  |  25 September 2025",
    "site": "Antimony Creek Resources Ltd  ABN 00 000 000 011",
    "title": "Bonanza antimony-gold grades at Stibnite Gully",
}

ROWS = [
    ["ACD021", "45.0", "53.5", "8.5", "4.12", "3.85", "21.52"],
    ["incl.", "47.2", "49.9", "2.7", "9.84", "11.20", "60.46"],
    ["ACD022", "102.3", "106.0", "3.7", "2.05", "1.42", "8.47"],
    ["ACD023", "77.6", "88.1", "10.5", "1.31", "0.64", "4.20"],
    ["ACD024", "131.0", "133.2", "2.2", "15.60", "0.08", "15.96"],
]


def story(k):
    s = []
    s.append(k.H1("Bonanza antimony-gold grades at Stibnite Gully"))
    s.append(k.P("<b>Antimony Creek Resources Ltd</b> (ASX: ACZ) reports assays from its first four diamond holes "
                 "at the Stibnite Gully project in the Victorian goldfields."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "ACD021: <b>8.5m @ 4.12g/t Au and 3.85% Sb (21.52g/t AuEq) from 45.0m</b>, including "
        "<b>2.7m @ 9.84g/t Au and 11.20% Sb</b> from 47.2m",
        "ACD024: <b>2.2m @ 15.60g/t Au from 131.0m</b> in a quartz-stibnite vein",
        "Massive stibnite veins confirmed over 350m of strike",
    ])
    s.append(k.P("ACD021 intersected a 6m-wide zone of quartz-stibnite veining with coarse massive stibnite "
                 "between 47m and 50m. The interval returned 8.5m grading 4.12 g/t gold and 3.85% antimony. "
                 "ACD023, 80m to the north, returned 10.5m @ 1.31g/t Au and 0.64% Sb from 77.6m, while ACD022 "
                 "tested the vein 60m down dip (3.7m @ 2.05g/t Au, 1.42% Sb from 102.3m)."))
    s += k.table(["Hole", "From (m)", "To (m)", "Interval (m)", "Au (g/t)", "Sb (%)", "AuEq (g/t)*"], ROWS,
                 title="Table 1: Stibnite Gully significant intercepts",
                 widths=[60, 55, 55, 60, 55, 55, 65],
                 notes=["* AuEq (g/t) = Au (g/t) + 4.52 x Sb (%), using a gold price of US$2,600/oz, an antimony "
                        "price of US$40,000/t and assumed recoveries of 90% Au and 85% Sb. Intercepts at a 1.0g/t AuEq "
                        "cut-off with up to 2m internal dilution. Widths are down-hole; true widths are estimated at "
                        "70-80% of down-hole widths."])
    s.append(k.P("Antimony is listed as a critical mineral by Australia, the United States and the European Union. "
                 "Historical production at Stibnite Gully between 1871 and 1902 is recorded as 4,100t of antimony "
                 "ore and 9,800oz of gold; these are historical figures and are not a Mineral Resource."))
    s.append(k.P("Approved for release by the Board of Antimony Creek Resources Ltd."))
    s += k.cp_statement("Mr Callum Draper, MAusIMM", "a Member of the Australasian Institute of Mining and "
                        "Metallurgy", "Antimony Creek Resources Ltd")
    return s
