"""drn-001: Dunite Ridge Nickel Ltd (fictitious) - massive Ni-Cu-Co-PGE sulphide, two-column layout."""

META = {
    "company": "Dunite Ridge Nickel Ltd",
    "ticker_line": "ASX: DRN | 11 February 2025",
    "site": "Dunite Ridge Nickel Ltd  ACN 000 000 006",
    "title": "Massive nickel sulphides intersected at Sandpiper",
    "first_template": "two",
}

ROWS = [
    ["SPD004", "242.0", "248.0", "6.0", "2.90", "1.10", "0.10", "0.21", "0.58", "MS/NMS"],
    ["incl.", "244.4", "246.0", "1.6", "6.12", "2.31", "0.21", "0.44", "1.27", "MS"],
    ["SPD005", "198.5", "212.3", "13.8", "1.04", "0.62", "0.04", "0.09", "0.31", "NMS/DISS"],
    ["SPD006", "301.2", "303.9", "2.7", "3.46", "0.95", "0.12", "0.25", "0.66", "MS"],
    ["SPD007", "155.0", "171.0", "16.0", "0.61", "0.44", "0.03", "-", "-", "DISS"],
    ["SPD008", "", "", "", "NSI", "", "", "", "", ""],
]


def story(k):
    s = []
    s.append(k.H1("Massive nickel sulphides intersected at Sandpiper"))
    s.append(k.H3("Highlights"))
    s += k.bullets([
        "Diamond hole SPD004 intersects <b>6.0m @ 2.90% Ni, 1.10% Cu, 0.10% Co from 242.0m</b>, including "
        "<b>1.6m @ 6.12% Ni, 2.31% Cu</b> of massive sulphide",
        "SPD006 returns <b>2.7m @ 3.46% Ni, 0.95% Cu from 301.2m</b>, 180m down-plunge",
        "Broad disseminated and net-textured zone in SPD005: 13.8m @ 1.04% Ni from 198.5m",
        "Strong off-hole DHEM conductor (8,500S) modelled below SPD006",
        "SPD009 has intersected 4.2m of massive sulphide from 266m (assays pending)",
    ])
    s.append(k.P("<b>Dunite Ridge Nickel Ltd (ASX: DRN)</b> reports assays from the first five diamond holes at "
                 "the Sandpiper Nickel Project in the Fraser Range province of Western Australia. The holes "
                 "tested a 900m-long EM conductor trend within a layered mafic-ultramafic intrusion."))
    s.append(k.P("SPD004 intersected a basal accumulation of massive to net-textured pyrrhotite-pentlandite-"
                 "chalcopyrite sulphide at the contact between a pyroxenite and the underlying gneiss. The "
                 "interval assayed 6 m @ 2.9% Ni, 1.1% Cu from 242 m, with 0.21g/t Pt and 0.58g/t Pd. The "
                 "massive sulphide core (1.6m) grades 6.12% Ni, 2.31% Cu and 0.21% Co."))
    s.append(k.P("SPD006, drilled 180m down plunge, confirmed continuity of the basal sulphide with 2.7m @ "
                 "3.46% Ni, 0.95% Cu, 0.12% Co, 0.25g/t Pt and 0.66g/t Pd from 301.2m. SPD005 intersected a "
                 "thicker, lower-grade zone of net-textured and disseminated sulphide. SPD007 tested the "
                 "northern end of the trend (16.0m @ 0.61% Ni, 0.44% Cu from 155.0m), and SPD008 intersected "
                 "only minor disseminated sulphide."))
    s.append(k.P("Ni:Cu ratios of about 2.5:1 and Ni tenor in 100% sulphide of 6-7% Ni are typical of "
                 "high-quality magmatic nickel sulphide systems."))
    s.append(k.H3("SPD009 - visual results"))
    s.append(k.P("SPD009 intersected 4.2m of massive sulphide from 266.0m, with an estimated 60-80% "
                 "sulphide (pyrrhotite, pentlandite, chalcopyrite), within 11m of net-textured sulphide "
                 "(20-40% sulphide). Portable XRF readings on the core averaged 3.1% Ni; pXRF results are "
                 "indicative only and are not a substitute for laboratory assays, which are expected in "
                 "March."))
    s.append(k.H3("Downhole EM"))
    s.append(k.P("DHEM surveying of SPD006 detected a strong off-hole conductor with a modelled "
                 "conductance of 8,500 Siemens and plate dimensions of 150m x 90m, located 60m below the "
                 "hole. SPD010 is being drilled to test it."))
    s.append(k.H3("Next steps"))
    s.append(k.P("Drilling continues with one diamond rig. SPD010 will test the DHEM plate, and a further "
                 "2,500m of drilling is planned for the June quarter. A moving-loop EM survey will cover the "
                 "southern 4km of the intrusion."))
    s.append(k.P("Managing Director <b>Ms Tamsin Leclerc</b> said: \"Hitting more than six per cent nickel in "
                 "massive sulphide on the first drill programme is a rare result in the Fraser Range.\""))
    s.append(k.NextPageTemplate("one"))
    s.append(k.PageBreak())
    s += k.table(["Hole ID", "From (m)", "To (m)", "Width (m)", "Ni %", "Cu %", "Co %", "Pt g/t", "Pd g/t",
                  "Style"], ROWS, title="Table 1: Sandpiper assay results (0.5% Ni cut-off)",
                 widths=[48, 45, 45, 45, 40, 40, 40, 42, 42, 55], font=8,
                 notes=["MS = massive sulphide; NMS = net-textured; DISS = disseminated. '-' = not assayed. "
                        "Down-hole widths; true widths estimated at ~80% of down-hole width. NSI = no significant "
                        "intercept."])
    s += k.table(["Hole ID", "Easting", "Northing", "RL", "Dip", "Azimuth", "Depth (m)", "Status"],
                 [["SPD004", "539210", "6457812", "282", "-65", "250", "330.5", "Assays received"],
                  ["SPD005", "539305", "6457990", "281", "-60", "250", "288.1", "Assays received"],
                  ["SPD006", "539330", "6457650", "283", "-70", "250", "402.7", "Assays received"],
                  ["SPD007", "539402", "6458405", "279", "-60", "250", "264.0", "Assays received"],
                  ["SPD008", "539150", "6458710", "277", "-60", "250", "250.8", "Assays received"],
                  ["SPD009", "539260", "6457560", "284", "-70", "250", "351.4", "Assays pending"],
                  ["SPD010", "539355", "6457480", "284", "-75", "250", "In progress", "Drilling"]],
                 title="Table 2: Collar table (GDA2020 MGA Zone 51)", widths=[50, 55, 60, 35, 35, 50, 60, 85])
    s += k.figure_section("Figure 1: Long section through SPD004 and SPD006 showing DHEM plate",
                          [("SPD004", 0.3, 0.45, ["6.0m @ 2.90% Ni"]), ("SPD006", 0.5, 0.65, ["2.7m @ 3.46% Ni"]),
                           ("SPD009", 0.7, 0.6, ["4.2m massive sulphide (visual)"])], seed=19, rl_top=280)
    s += k.cp_statement("Mr Oskar Lindqvist, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Dunite Ridge Nickel Ltd")
    s.append(k.small("Assays: half core, 1m or geological intervals; Ni, Cu, Co by sodium peroxide fusion ICP-OES; "
                     "Pt, Pd, Au by 25g lead-collection fire assay ICP-MS. JORC Table 1 is provided in the "
                     "Company's announcement of 3 December 2024 and is unchanged except for the results above."))
    return s
