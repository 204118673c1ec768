"""b-012 (holdout2): Marlu Nickel Ltd (fictitious) - Ni-Cu-Co-Pd sulphide diamond results; two-column first page,
grade-before-width prose, 'with' sub-interval, 'and' interval outside the first, ETW column, '<0.05' and '-' cells."""

META = {
    "company": "Marlu Nickel Ltd",
    "ticker_line": "ASX:MNL | 6 October 2026",
    "site": "Marlu Nickel Ltd | ASX:MNL | marlunickel.example",
    "title": "Thorny Devil massive sulphide results",
    "first_template": "two",
}


def story(k):
    s = []
    s.append(k.PS("Massive nickel sulphides confirmed at Thorny Devil: 2.41% Ni over 14.6m", fontName="Helvetica-Bold",
                  fontSize=13, leading=16))
    s += k.bullets([
        "<b>MND009: 2.41% Ni, 0.88% Cu, 0.071% Co and 0.54g/t Pd over 14.6m</b> (10.2m estimated true width) from "
        "312.4m, with <b>4.87% Ni over 5.5m</b> from 318.1m",
        "MND008 and MND010 intersected 4.3m @ 0.92% Ni and 1.2m @ 1.65% Ni respectively on the flanks of the "
        "channel",
        "Off-hole DHEM conductor in MND009 of 6,500 siemens remains untested down plunge",
    ])
    s.append(k.P("Marlu Nickel Ltd (ASX:MNL) (<b>Marlu</b>) reports assays from four diamond holes (MND008 to MND011) "
                 "at the Thorny Devil nickel sulphide prospect in the Fraser Range, Western Australia. The holes were "
                 "designed to test a basal embayment of the Thorny Devil intrusion identified by moving-loop EM."))
    s.append(k.P("MND009 intersected a basal accumulation of massive and matrix pentlandite-pyrrhotite-chalcopyrite "
                 "sulphides from 312.4m. The interval returned 2.41% Ni, 0.88% Cu, 0.071% Co and 0.54g/t Pd over "
                 "14.6m, with a massive sulphide core of 4.87% Ni, 1.42% Cu, 0.138% Co and 0.97g/t Pd over 5.5m "
                 "from 318.1m. A second, footwall stringer zone of 1.12% Ni over 1.8m was intersected from 334.2m, "
                 "below the main interval."))
    s.append(k.P("MND008 and MND010 intersected 4.3m @ 0.92% Ni and 1.2m @ 1.65% Ni respectively on the northern "
                 "and southern flanks of the embayment (Table 1). MND010 is notable for its high copper tenor "
                 "(2.10% Cu). MND011 was drilled to test a weaker conductor 600m to the east and intersected "
                 "barren pyrrhotite-graphite schist."))
    s.append(k.P("Recalculated to 100% sulphide, the MND009 massive sulphide has a tenor of about 7.2% Ni, which "
                 "compares favourably with other Fraser Range discoveries. The Ni:Cu ratio of 2.7 and Ni:Co ratio "
                 "of 34 are typical of magmatic sulphide formed in a dynamic conduit."))
    s.append(k.P("Managing Director Mr Darius Kealey commented: \"This is the thickest and highest-grade intersection "
                 "Marlu has drilled. It shows the embayment is doing what we hoped, trapping sulphide at the base of "
                 "the chonolith.\""))
    s.append(k.P("A downhole EM survey of MND009 identified a strong (6,500S) off-hole conductor 60m down plunge. "
                 "The Company will drill two holes for approximately 900m to test the conductor in November."))
    s.append(k.NextPageTemplate("one"))
    s.append(k.PageBreak())
    hdr = ["Hole ID", "From (m)", "To (m)", "Interval (m)", "ETW (m)", "Ni (%)", "Cu (%)", "Co (%)", "Pd (g/t)"]
    rows = [
        ["MND008", "205.0", "209.3", "4.3", "3.1", "0.92", "0.31", "0.028", "0.21"],
        ["MND009", "312.4", "327.0", "14.6", "10.2", "2.41", "0.88", "0.071", "0.54"],
        ["incl.", "318.1", "323.6", "5.5", "3.8", "4.87", "1.42", "0.138", "0.97"],
        ["and", "334.2", "336.0", "1.8", "1.3", "1.12", "0.45", "0.033", "<0.05"],
        ["MND010", "288.0", "289.2", "1.2", "0.9", "1.65", "2.10", "0.045", "-"],
        ["MND011", "NSI", "", "", "", "", "", "", ""],
    ]
    s += k.table(hdr, rows, title="Table 1: Significant intersections (0.5% Ni cut-off; ETW = estimated true width)",
                 spans=[((1, 6), (8, 6))], font=8.5,
                 notes=["Pd '-' = not assayed (sample dispatched for PGE analysis). Intervals are down-hole; ETW is "
                        "estimated from the modelled contact orientation. Ni, Cu and Co by four-acid digest with "
                        "ICP-OES; Pd by 40g fire assay."])
    s += k.table(["Hole ID", "Easting", "Northing", "RL", "Dip", "Azi", "EOH (m)"],
                 [["MND008", "571840", "6501220", "236", "-65", "135", "402.5"],
                  ["MND009", "571910", "6501150", "237", "-70", "135", "381.0"],
                  ["MND010", "571990", "6501050", "237", "-65", "135", "360.7"],
                  ["MND011", "572560", "6501310", "240", "-60", "180", "315.2"]],
                 title="Table 2: Collar details (GDA2020 MGA Zone 51)", font=8.5)
    s += k.jorc_table1({
        "method": "Ni, Cu and Co were determined by four-acid digest with ICP-OES finish; Pd, Pt and Au by 40g "
        "fire assay with ICP-MS finish.",
        "aggregation": "Intersections are length-weighted at a 0.5% Ni lower cut with up to 2m internal dilution; "
        "high-grade sub-intervals at 3% Ni. No metal equivalents are reported.",
        "tenement": "Exploration Licence E 28/0000",
        "geology_text": "Thorny Devil is a mafic-ultramafic chonolith intruding granulite-facies gneiss of the "
        "Fraser Zone.",
    }, sections=(1, 2))
    return s
