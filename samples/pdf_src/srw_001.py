"""srw-001: Scheelite Ridge Ltd (fictitious) - tungsten-tin RC results; long table split across pages (no repeated header)."""

META = {
    "company": "Scheelite Ridge Ltd",
    "ticker_line": "ASX: SRW  |  Quarterly drilling update  |  15 July 2025",
    "site": "Scheelite Ridge Ltd  ACN 000 000 012  |  Hobart, Tasmania",
    "title": "Broad tungsten-tin mineralisation defined at Greisen Hill",
}

ROWS = [
    ["SR25-001", "14", "29", "15", "0.42", "0.08"],
    ["SR25-001", "61", "64", "3", "1.35", "0.21"],
    ["SR25-002", "8", "33", "25", "0.36", "0.11"],
    ["   incl.", "18", "24", "6", "0.92", "0.19"],
    ["SR25-003", "40", "47", "7", "0.28", "0.32"],
    ["SR25-004", "", "", "", "NSI", ""],
    ["SR25-005", "22", "51", "29", "0.51", "0.07"],
    ["   incl.", "30", "38", "8", "1.12", "0.09"],
    ["SR25-006", "71", "80", "9", "0.24", "0.45"],
    ["SR25-007", "5", "12", "7", "0.33", "0.05"],
    ["SR25-007", "38", "55", "17", "0.61", "0.14"],
    ["SR25-008", "90", "92", "2", "2.04", "0.36"],
    ["SR25-009", "17", "40", "23", "0.39", "0.09"],
    ["SR25-010", "54", "59", "5", "0.27", "0.61"],
    ["SR25-011", "11", "27", "16", "0.47", "0.12"],
    ["   incl.", "15", "19", "4", "1.21", "0.25"],
    ["SR25-012", "66", "83", "17", "0.35", "0.18"],
    ["SR25-013", "29", "31", "2", "0.88", "-"],
    ["SR25-014", "3", "21", "18", "0.44", "0.10"],
    ["SR25-015", "47", "62", "15", "0.56", "0.13"],
    ["SR25-016", "", "", "", "NSI", ""],
    ["SR25-017", "35", "44", "9", "0.31", "0.27"],
    ["SR25-018", "58", "79", "21", "0.49", "0.16"],
    ["   incl.", "66", "71", "5", "1.06", "0.22"],
    ["SR25-019", "12", "15", "3", "0.29", "0.04"],
    ["SR25-020", "24", "46", "22", "0.58", "0.15"],
]


def story(k):
    s = []
    s.append(k.H1("Broad tungsten-tin mineralisation defined at Greisen Hill"))
    s.append(k.P("<b>Scheelite Ridge Ltd (ASX: SRW)</b> reports all assays from its 20-hole, 2,140m RC programme "
                 "at the Greisen Hill tungsten-tin project in north-east Tasmania."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "29m @ 0.51% WO3 from 22m (SR25-005), incl. 8m @ 1.12% WO3",
        "25m @ 0.36% WO3 and 0.11% Sn from 8m (SR25-002)",
        "2m @ 2.04% WO3, 0.36% Sn from 90m (SR25-008)",
        "Tin-rich zones on the western contact: 5m @ 0.61% Sn and 0.27% WO3 from 54m (SR25-010)",
        "Mineralisation defined over 700m of strike in a sheeted greisen vein system; open to the north",
    ])
    s.append(k.P("Greisen Hill is a sheeted quartz-wolframite-cassiterite vein and greisen system at the roof of a "
                 "Devonian granite. The 2025 RC programme was drilled on 50m-spaced sections to test the "
                 "continuity of the sheeted vein zone below historical alluvial and hard-rock tin workings. "
                 "Eighteen of the 20 holes intersected mineralisation above the 0.2% WO3 reporting cut-off. "
                 "Tungsten (wolframite and minor scheelite) is concentrated in the central greisen, while tin "
                 "increases towards the western granite contact."))
    s.append(k.P("Ultraviolet lamp logging of the RC chips showed scheelite fluorescence in 12 holes; "
                 "UV estimates of scheelite content (1-3%) are qualitative and are not reported as grades."))
    s.append(k.P("The tungsten market remains tight, with APT prices above US$400 per metric tonne unit (mtu). "
                 "The Company intends to define a maiden Mineral Resource in 2026."))
    s += k.figure_section("Figure 1: Cross-section 5421350mN through SR25-005 and SR25-008",
                          [("SR25-005", 0.3, 0.35, ["29m @ 0.51% WO3"]), ("SR25-008", 0.15, 0.6, ["2m @ 2.04% WO3"])],
                          seed=33, rl_top=300, height=80 * k.mm)
    s.append(k.H2("Table 1: Significant intercepts"))
    s.append(k.P("Intercepts are calculated at a 0.2% WO3 lower cut-off with a maximum of 3m of internal "
                 "dilution; 'incl.' intervals at 0.8% WO3. Sn is reported for the same intervals. All widths are "
                 "down-hole. NSI = no significant intercept."))
    s += k.table(["Hole", "From (m)", "To (m)", "Interval (m)", "WO3 (%)", "Sn (%)"], ROWS,
                 widths=[70, 60, 60, 65, 60, 60], font=8.5, repeat=False, grid="rules", shade_header=False)
    s.append(k.P("'-' = Sn not determined (sample split lost in transit). Assays by XRF (fused bead) at ALS Brisbane."))
    s += k.cp_statement("Mr Felix Hargreaves, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Scheelite Ridge Ltd")
    return s
