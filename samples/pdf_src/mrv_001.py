"""mrv-001: Magnetite Range Vanadium Ltd (fictitious) - VTM RC results with DTR concentrate data."""

META = {
    "company": "Magnetite Range Vanadium Ltd",
    "ticker_line": "ASX: MRV  |  ASX Release  |  19 August 2025",
    "site": "Magnetite Range Vanadium Ltd  ABN 00 000 000 009",
    "title": "Thick vanadium-titanium-iron intercepts at Wirlinga North",
}

ROWS = [
    ["MRRC0051", "12", "58", "46", "0.62", "31.4", "7.8"],
    ["including", "30", "44", "14", "0.91", "38.2", "9.6"],
    ["MRRC0052", "4", "27", "23", "0.48", "27.9", "6.9"],
    ["MRRC0054", "35", "71", "36", "0.71", "33.6", "8.4"],
    ["MRRC0055", "0", "19", "19", "0.55", "29.3", "7.2"],
    ["MRRC0057", "61", "66", "5", "0.38", "22.1", "5.5"],
    ["MRRC0058", "22", "60", "38", "0.66", "32.8", "8.1"],
    ["including", "41", "53", "12", "0.94", "39.5", "9.9"],
]


def story(k):
    s = []
    s.append(k.H1("Thick vanadium-titanium-iron intercepts at Wirlinga North"))
    s.append(k.P("<b>Magnetite Range Vanadium Ltd (ASX: MRV)</b> reports results from eight RC holes (MRRC0051 "
                 "to MRRC0058, 712m) at the Wirlinga North prospect, 12km along strike from the Company's "
                 "Wirlinga vanadium deposit in the Murchison region of Western Australia."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "<b>46m @ 0.62% V2O5 from 12m</b> (MRRC0051), including <b>14m @ 0.91% V2O5, 38.2% Fe and 9.6% TiO2</b> "
        "from 30m",
        "<b>38m @ 0.66% V2O5 from 22m</b> (MRRC0058), including 12m @ 0.94% V2O5 from 41m",
        "<b>36m @ 0.71% V2O5 from 35m</b> (MRRC0054)",
        "Davis Tube Recovery tests produce a magnetic concentrate grading up to 1.52% V2O5",
    ])
    s.append(k.P("The holes tested a 2.2km-long magnetic anomaly over the basal magnetite-rich zone of a layered "
                 "gabbro. Vanadiferous titanomagnetite (VTM) mineralisation was intersected in seven of the "
                 "eight holes; MRRC0053 and MRRC0056 were drilled into the hangingwall and returned no intercept "
                 "above the 0.3% V2O5 cut-off. The results point to potential iron and titanium co-products in "
                 "addition to vanadium."))
    s += k.table(["Hole ID", "From (m)", "To (m)", "Interval (m)", "V2O5 %", "Fe %", "TiO2 %"], ROWS,
                 title="Table 1: Wirlinga North - significant intercepts (0.3% V2O5 cut-off; including at 0.8% V2O5)",
                 widths=[70, 55, 55, 65, 55, 55, 55],
                 notes=["Assays by XRF on fused beads. Intervals are down-hole; the VTM layer dips 40 degrees west "
                        "and holes were drilled -60 east, so true widths are estimated at 85% of down-hole widths."])
    s.append(k.H2("Davis Tube Recovery (DTR) test work"))
    s.append(k.P("Composite samples from the high-grade zones were tested by DTR at a grind size of 75 microns "
                 "to estimate the mass recovery to a magnetic concentrate and the concentrate grade. These are "
                 "concentrate grades and are not in-situ grades."))
    s += k.table(["Composite", "Hole interval", "Mass recovery (%)", "Conc. V2O5 (%)", "Conc. Fe (%)", "Conc. TiO2 (%)"],
                 [["C1", "MRRC0051 30-44m", "48.2", "1.52", "58.9", "11.8"],
                  ["C2", "MRRC0054 35-71m", "41.6", "1.38", "57.4", "12.3"],
                  ["C3", "MRRC0058 41-53m", "50.3", "1.49", "59.6", "11.1"]],
                 title="Table 2: DTR concentrate results", widths=[55, 90, 75, 70, 65, 70])
    s.append(k.P("For comparison, the Wirlinga deposit hosts an Indicated and Inferred Mineral Resource of 96Mt @ "
                 "0.58% V2O5 (ASX: MRV 30 May 2024)."))
    s.append(k.P("Authorised for release by the Board."))
    s += k.cp_statement("Mr Neville Oduya, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Magnetite Range Vanadium Ltd")
    return s
