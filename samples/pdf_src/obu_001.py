"""obu-001: Ochre Basin Uranium Ltd (fictitious) - eU3O8 from downhole gamma, Kaltaroo. ~20 pages."""
import random

META = {
    "company": "Ochre Basin Uranium Ltd",
    "ticker_line": "ASX: OBU  |  Market Announcement  |  2 September 2025",
    "site": "Ochre Basin Uranium Ltd ABN 00 000 000 004",
    "title": "High-grade roll-front uranium extended at Kaltaroo",
}

ROWS = [
    ["KMR0451", "112.35", "115.80", "3.45", "1,245", "4,295"],
    ["KMR0452", "118.10", "119.65", "1.55", "486", "753"],
    ["KMR0453", "", "", "", "NSI", ""],
    ["KMR0455", "109.40", "116.20", "6.80", "2,118", "14,402"],
    ["incl.", "111.05", "113.45", "2.40", "4,870", "11,688"],
    ["KMR0456", "121.75", "123.05", "1.30", "312", "406"],
    ["KMR0458", "114.60", "118.95", "4.35", "967", "4,206"],
    ["KMR0459", "", "", "", "NSI", ""],
    ["KMR0461", "110.20", "111.10", "0.90", "3,540", "3,186"],
    ["KMR0462", "116.85", "122.40", "5.55", "1,512", "8,392"],
    ["incl.", "118.00", "119.50", "1.50", "3,966", "5,949"],
    ["KMR0464", "124.30", "125.90", "1.60", "274", "438"],
    ["KMR0466", "108.95", "112.05", "3.10", "1,788", "5,543"],
    ["KMR0467", "113.50", "114.75", "1.25", "655", "819"],
]


def collars():
    rnd = random.Random(451)
    out = []
    for n in range(451, 469):
        out.append([f"KMR0{n}", "Mud rotary", str(487100 + 200 * (n - 451) + rnd.randint(-20, 20)),
                    str(6623400 + rnd.randint(-300, 300)), f"{rnd.uniform(61, 70):.1f}", "-90", "000",
                    str(rnd.choice([138, 144, 150, 156])), "Yes"])
    out.append(["KMD0017", "Diamond (PQ)", "487805", "6623455", "65.2", "-90", "000", "135.6", "Yes"])
    return out


JORC = {
    "sampling": "Uranium grades in mud rotary holes are reported as equivalent U3O8 (eU3O8) derived from "
    "downhole gamma logging. Each hole was logged open-hole on completion, and through the drill rods where "
    "hole conditions required, with a calibrated total-count gamma probe recording every 1cm at a logging "
    "speed of 3m per minute. Drill cuttings were collected every 1m for lithological logging only and were "
    "not assayed. Diamond hole KMD0017 (PQ core) was drilled as a twin of KMR0455 to provide core for "
    "chemical assay and disequilibrium studies; core was half cut and sampled at 0.5m intervals through the "
    "mineralised zone.",
    "drilling": "Mud rotary drilling used a 4.5 inch (114mm) blade or tricone bit with polymer drilling mud. "
    "All holes were vertical. One PQ diamond hole was drilled with triple tube to maximise recovery of "
    "unconsolidated sands.",
    "recovery": "Recovery of cuttings is not relevant to gamma-derived grades. Core recovery in KMD0017 "
    "averaged 93% through the mineralised sand; losses were confined to loose clean sand above the roll front.",
    "method": "Gamma logs were converted to eU3O8 using probe-specific K-factors determined at the Adelaide "
    "calibration models, with corrections for dead time, hole diameter, drilling mud and casing. Chemical "
    "assays of KMD0017 core were by four-acid digest with ICP-MS finish (U reported as U3O8 by multiplying "
    "by 1.1792). Radiometric disequilibrium was assessed by comparing the chemical assays with the gamma "
    "log of the same hole.",
    "lab": "ALS Minerals", "lab_city": "Adelaide",
    "crs": "GDA2020 MGA Zone 53",
    "tenement": "Exploration Licence EL 6703",
    "geology_text": "Kaltaroo is a sandstone-hosted, roll-front uranium system within Eocene palaeochannel "
    "sands incised into Proterozoic basement. Uranium (coffinite and uraninite) is concentrated at redox "
    "fronts where oxidised groundwater met reduced, carbonaceous and pyritic sands between 105m and 128m "
    "depth, beneath clay aquitards.",
    "aggregation_text": "eU3O8 intervals are reported using a 200ppm eU3O8 lower cut-off and a minimum "
    "thickness of 0.5m, with up to 0.5m of internal dilution. High-grade 'incl.' intervals use a 2,000ppm "
    "eU3O8 cut-off. Grade-thickness (GT) is the product of thickness (m) and grade (ppm eU3O8), and is used "
    "to rank intercepts; a GT above 1,000 m.ppm is considered significant. Values are not top cut.",
    "widths_text": "The roll fronts are flat-lying and holes are vertical, so reported thicknesses are true "
    "thicknesses.",
    "further_text": "Further mud rotary drilling along 6km of untested redox front, additional diamond twins "
    "for disequilibrium studies, and hydrogeological test work to assess amenability to in-situ recovery.",
    "other_parties": "Uranium exploration was undertaken in the 1970s and 2000s by two previous companies "
    "whose drilling identified the palaeochannel. Their data are used for targeting only.",
}


def story(k):
    s = []
    s.append(k.H1("High-grade roll-front uranium extended at Kaltaroo"))
    s.append(k.H2("Key points"))
    s += k.bullets([
        "Mud rotary drilling extends the Kaltaroo roll front by 1.8km to the east.",
        "Best intercept <b>6.80m @ 2,118ppm eU3O8 from 109.40m</b> (KMR0455), including "
        "<b>2.40m @ 4,870ppm eU3O8</b>, for a grade-thickness (GT) of 14,402 m.ppm.",
        "Other strong results include <b>5.55m @ 1,512ppm eU3O8 from 116.85m</b> (KMR0462) and "
        "<b>3.10m @ 1,788ppm eU3O8 from 108.95m</b> (KMR0466).",
        "Chemical assays from diamond twin KMD0017 (6.00m @ 1,904ppm U3O8) confirm a slight positive "
        "disequilibrium relative to the gamma log.",
        "Results lie outside the current Inferred Mineral Resource and support a resource update in 2026.",
    ])
    s.append(k.P("<b>Ochre Basin Uranium Ltd (ASX: OBU)</b> advises that the 18-hole (2,658m) mud rotary "
                 "programme at its Kaltaroo Uranium Project in South Australia has been completed. Eleven of "
                 "the 18 holes intersected uranium mineralisation above the 200ppm eU3O8 reporting cut-off; "
                 "two holes (KMR0453 and KMR0459) intersected the redox front but returned no significant "
                 "intercept."))
    s.append(k.P("Kaltaroo hosts an Inferred Mineral Resource of 14.2Mt @ 420ppm U3O8 for 13.1Mlb U3O8 at a "
                 "150ppm U3O8 cut-off (ASX: OBU 11 March 2024). The new intercepts are 400m to 1.8km east of "
                 "the resource boundary."))
    s.append(k.H2("Discussion of results"))
    s.append(k.P("Mineralisation occurs in two stacked roll fronts separated by a 2-4m clay parting. The upper "
                 "front carries the highest grades: KMR0455 returned 6.80m at 2,118ppm eU3O8 from 109.40m, "
                 "including 2.40m at 4,870ppm eU3O8 from 111.05m. KMR0461 intersected a thin, very high grade "
                 "zone of 0.90m @ 3,540ppm eU3O8 from 110.20m. The lower front is thicker but lower in grade, "
                 "as in KMR0458 (4.35m @ 967ppm eU3O8 from 114.60m)."))
    s.append(k.P("Diamond hole KMD0017 twinned KMR0455. Chemical assays of the core returned 6.00m @ 1,904ppm "
                 "U3O8 from 110.00m, compared with 1,836ppm eU3O8 over the same interval from the gamma log of "
                 "KMD0017, a chemical-to-gamma ratio of 1.04. This indicates that the gamma-derived grades "
                 "reported here are, if anything, slightly conservative."))
    s.append(k.P("The uranium spot price has averaged about US$78/lb U3O8 in the last quarter, and the Company "
                 "continues to assess in-situ recovery (ISR) as the preferred development option."))
    s.append(k.H3("Table 1: Kaltaroo eU3O8 intercepts (200ppm eU3O8 cut-off, minimum 0.5m)"))
    s += k.table(["Hole ID", "From\n(m)", "To\n(m)", "Thickness\n(m)", "eU3O8\n(ppm)", "GT\n(m.ppm)"], ROWS,
                 widths=[70, 60, 60, 65, 65, 70], font=8, grid="rules", shade_header=False,
                 notes=["eU3O8: equivalent U3O8 from calibrated downhole gamma logging. GT = thickness x "
                        "grade. 'incl.' at 2,000ppm eU3O8. NSI: no intercept above cut-off. Holes are "
                        "vertical and thicknesses are true thicknesses."])
    s += k.table(["Hole ID", "From (m)", "To (m)", "Thickness (m)", "U3O8 chemical (ppm)", "eU3O8 gamma (ppm)",
                  "Chem/gamma ratio"],
                 [["KMD0017", "110.00", "116.00", "6.00", "1,904", "1,836", "1.04"]],
                 title="Table 2: KMD0017 - chemical assays compared with gamma-derived grade",
                 widths=[55, 50, 50, 60, 85, 80, 65])
    s += k.figure_plan(
        "Figure 1: Kaltaroo roll front - drill hole locations and GT contours",
        [(f"KMR0{n}", 0.05 + 0.05 * (n - 451), 0.45 + 0.03 * ((n * 7) % 5)) for n in range(451, 469)]
        + [("KMD0017", 0.27, 0.35)],
        [(0.15, 0.8, ["KMR0455", "6.80m @ 2,118ppm eU3O8", "GT 14,402"]),
         (0.5, 0.1, ["KMR0462", "5.55m @ 1,512ppm eU3O8"])],
        seed=14, e0=486800, n0=6622800, features=[("oxidised", 0.1, 0.95), ("reduced", 0.8, 0.05),
                                                    ("Inferred Resource boundary", 0.02, 0.25)])
    s += k.figure_section("Figure 2: Schematic section through the roll front at KMR0455",
                          [("KMR0461", 0.2, 0.6, ["0.90m @ 3,540ppm eU3O8"]),
                           ("KMR0455", 0.45, 0.62, ["6.80m @ 2,118ppm eU3O8"]),
                           ("KMR0458", 0.7, 0.65, ["4.35m @ 967ppm eU3O8"])], seed=15, rl_top=70)
    s += k.figure_full("Figure 3: Gamma log of KMR0455 (counts per second and eU3O8 ppm vs depth)", seed=61,
                       kind="map", labels=[("109.40m", 0.1, 0.6), ("116.20m", 0.1, 0.45), ("peak 9,850 cps", 0.5, 0.55)],
                       legend=["Total count gamma (cps)", "eU3O8 (ppm)", "Lithology"])
    s += k.figure_full("Figure 4: Kaltaroo project location and palaeochannel outline", seed=62,
                       labels=[("Kaltaroo (OBU)", 0.5, 0.5), ("palaeochannel", 0.3, 0.6),
                               ("third-party ISR operation", 0.75, 0.8)],
                       legend=["OBU tenements", "Palaeochannel (interpreted)", "Roads"])
    s += k.figure_full("Figure 5: Long section along the roll front showing GT of intercepts", seed=63,
                       labels=[("KMR0455 GT 14,402", 0.3, 0.5), ("KMR0462 GT 8,392", 0.55, 0.45),
                               ("KMR0466 GT 5,543", 0.75, 0.52)], height=150 * k.mm)
    s.append(k.PageBreak())
    s.append(k.H2("Appendix 1: Drill hole details"))
    s += k.table(["Hole ID", "Type", "Easting", "Northing", "RL (m)", "Dip", "Azimuth", "Depth (m)",
                  "Gamma logged"], collars(), title="Table 3: Kaltaroo collar details (GDA2020 MGA Zone 53)",
                 widths=[55, 65, 55, 60, 45, 35, 45, 50, 55])
    s.append(k.H2("Appendix 2: Gamma probe calibration"))
    s.append(k.P("Probe K-factors and correction factors used to convert gamma counts to eU3O8 are listed "
                 "below. They are reported to meet the requirements of the JORC Code for gamma-derived grades "
                 "and are not assay results."))
    s += k.table(["Probe serial", "Calibration date", "K-factor (ppm eU3O8 / cps)", "Dead time (us)",
                  "Water factor", "Mud factor"],
                 [["NGRS-4417", "14/05/2025", "0.3127", "4.8", "1.06", "1.04"],
                  ["NGRS-4512", "14/05/2025", "0.3198", "5.1", "1.06", "1.04"]],
                 title="Table 4: Gamma probe calibration factors", widths=[70, 70, 100, 60, 55, 55])
    s += k.cp_statement("Mr Lachlan Beaumont, MAusIMM", "a Member of the Australasian Institute of Mining and "
                        "Metallurgy", "Ochre Basin Uranium Ltd")
    s.append(k.P("The information in this announcement relating to the Kaltaroo Mineral Resource is extracted "
                 "from the announcement of 11 March 2024, available at www.asx.com.au. The Company confirms "
                 "that all material assumptions underpinning that estimate continue to apply."))
    s += k.jorc_table1(JORC, (1, 2), heading="Appendix 3: JORC Code, 2012 Edition - Table 1")
    s += k.about_page("Ochre Basin Uranium Ltd",
                      "Ochre Basin Uranium is exploring palaeochannel-hosted uranium deposits amenable to in-situ "
                      "recovery in South Australia. Its Kaltaroo project hosts an Inferred Mineral Resource and "
                      "more than 40km of untested redox fronts.",
                      ["Mr Graham Ostrowski - Chair", "Dr Fiona Castellan - Managing Director",
                       "Mr Lachlan Beaumont - Chief Geologist"],
                      "Level 8, 99 Grenfell Street, Adelaide SA 5000")
    s += k.forward_looking("Ochre Basin Uranium Ltd")
    return s
