"""mhr-001: Merrin Hill Resources Ltd (fictitious) - carbonatite REE-Nb diamond results (% grades)."""

META = {
    "company": "Merrin Hill Resources Ltd",
    "ticker_line": "ASX: MHR  |  ASX Announcement  |  30 January 2026",
    "site": "Merrin Hill Resources Ltd  ACN 000 000 014",
    "title": "Merrin Hill carbonatite delivers 45m at 1.62% TREO",
}

ROWS = [
    ["MHD007", "36.0", "81.0", "45.0", "1.62", "0.34", "21.0", "0.41"],
    ["  incl.", "52.0", "63.0", "11.0", "3.05", "0.66", "21.6", "0.58"],
    ["MHD008", "12.0", "40.5", "28.5", "1.18", "0.25", "21.2", "0.33"],
    ["MHD009", "77.3", "96.0", "18.7", "0.94", "0.19", "20.2", "0.72"],
    ["  incl.", "88.0", "92.0", "4.0", "1.88", "0.39", "20.7", "1.21"],
    ["MHD010", "5.0", "19.0", "14.0", "2.21", "0.47", "21.3", "0.26"],
]


def story(k):
    s = []
    s.append(k.H1("Merrin Hill carbonatite delivers 45m at 1.62% TREO"))
    s.append(k.P("<b>Merrin Hill Resources Ltd (ASX: MHR)</b> reports assays from four diamond holes into the "
                 "Merrin Hill carbonatite in the Gascoyne region of Western Australia, where the Company is "
                 "exploring for rare earths and niobium."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "MHD007: <b>45.0m @ 1.62% TREO, 0.34% NdPr and 0.41% Nb2O5 from 36.0m</b>, incl. <b>11.0m @ 3.05% TREO</b> "
        "(0.66% NdPr) from 52.0m",
        "MHD010: <b>14.0m @ 2.21% TREO from 5.0m</b> - shallow, high grade",
        "MHD009: 18.7m @ 0.94% TREO and 0.72% Nb2O5 from 77.3m, incl. 4.0m @ 1.21% Nb2O5",
        "NdPr makes up 20-22% of TREO; monazite and bastnasite are the main REE minerals",
    ])
    s.append(k.P("The four holes tested the northern lobe of the carbonatite beneath a strong radiometric and "
                 "magnetic anomaly. All intersected ferrocarbonatite with REE mineralisation from near surface. "
                 "Niobium occurs in pyrochlore, which is concentrated in a magnetite-apatite-rich phase at depth."))
    s += k.table(["Hole", "From (m)", "To (m)", "Interval (m)", "TREO %", "NdPr %", "NdPr:TREO %", "Nb2O5 %"], ROWS,
                 title="Table 1: Merrin Hill significant intercepts (0.5% TREO cut-off; incl. at 1.5% TREO or 1.0% Nb2O5)",
                 widths=[55, 50, 50, 55, 50, 50, 65, 55],
                 notes=["TREO = sum of La2O3 to Lu2O3 plus Y2O3. NdPr = Nd2O3 + Pr6O11. NdPr:TREO is a ratio, not a "
                        "grade. Assays by lithium borate fusion ICP-MS (Nb by XRF)."])
    s.append(k.P("For comparison only, a nearby carbonatite held by an unrelated company hosts a reported "
                 "Mineral Resource of 30Mt @ 1.4% TREO. Merrin Hill does not yet have a Mineral Resource."))
    s += k.cp_statement("Mr Rowan Achterberg, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Merrin Hill Resources Ltd")
    return s
