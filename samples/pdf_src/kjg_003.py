"""kjg-003: Koonjarra Gold Ltd (fictitious) - Pre-Feasibility Study with maiden Ore Reserve. ~20 pages."""

META = {
    "company": "Koonjarra Gold Ltd",
    "ticker_line": "ASX: KJG  |  ASX Announcement  |  10 November 2025",
    "site": "Koonjarra Gold Ltd  ABN 00 000 000 015  |  Perth, Western Australia",
    "title": "Eastern Flank Pre-Feasibility Study and maiden Ore Reserve",
}

R4 = {
    "r_basis": "The Ore Reserve is based on the Eastern Flank Mineral Resource estimate of September 2025 "
    "(20.9Mt at 1.67g/t Au). Mineral Resources are reported inclusive of Ore Reserves.",
    "r_site": "The Competent Person visited site in July 2025 and inspected the pit areas, proposed plant site, "
    "haul road alignments and water bores.",
    "r_study": "A Pre-Feasibility Study to an accuracy of +/-25% was completed by the Company with independent "
    "consultants for mining, processing, tailings, hydrology and environment.",
    "r_cutoff": "Marginal cut-off grades of 0.48g/t Au (oxide), 0.52g/t Au (transitional) and 0.55g/t Au "
    "(fresh) were calculated from processing and G&A costs, royalties and metallurgical recovery at "
    "A$3,000/oz.",
    "r_mining": "Conventional open-pit mining with 90-tonne excavators and 100-tonne dump trucks, 5m benches "
    "mined in 2.5m flitches. Mining dilution of 12% at zero grade and ore loss of 5% were applied through "
    "regularisation of the resource model to a 5m x 5m x 2.5m selective mining unit. Inferred material was "
    "treated as waste in the optimisation and scheduling.",
    "r_metallurgy": "A conventional 1.6Mtpa crushing, grinding, gravity and carbon-in-leach circuit. Recoveries "
    "of 95% (oxide), 94% (transitional) and 93% (fresh) are supported by variability test work on 46 "
    "composites.",
    "r_env": "Flora, fauna and heritage surveys are complete. Waste rock is non-acid forming. A mining proposal "
    "will be lodged in the March quarter 2026.",
    "r_infra": "The project is 35km from a sealed highway and a gas pipeline. Power will be supplied by a "
    "hybrid gas-solar station under a build-own-operate contract. Water will come from a borefield 8km east.",
    "r_costs": "Pre-production capital of A$185M including a 12% contingency. Mining costs from contractor "
    "quotes; processing costs from first principles; State royalty of 2.5% and a third-party royalty of 1.5%.",
    "r_revenue": "Gold price of A$3,000/oz for the Ore Reserve and A$3,400/oz for the financial evaluation. "
    "No hedging is assumed.",
    "r_market": "Gold is traded on global markets and no market constraints are expected.",
    "r_economic": "Pre-tax NPV8 of A$412M and IRR of 41% at A$3,400/oz. The Ore Reserve remains economic at a "
    "gold price 20% lower than the base case.",
    "r_social": "A native title mining agreement is in place with the traditional owners.",
    "r_class": "Proved Ore Reserves are derived from Measured Resources and Probable Ore Reserves from "
    "Indicated Resources. No Inferred Resources are included in the Ore Reserve.",
    "r_audits": "The Ore Reserve has been reviewed internally and by an independent mining consultant.",
    "r_accuracy": "The Ore Reserve is a global estimate. Confidence is consistent with a Pre-Feasibility Study.",
}

R3 = {
    "lab": "Nagle Analytical Services", "lab_city": "Kalgoorlie", "crs": "GDA2020 MGA Zone 51",
    "dimensions_text": "Three deposits (Ironbark, Quartz Hill and Swan) over 4.5km of strike, to 320m depth.",
    "estimation_text": "Ordinary kriging of 1m composites into 10m x 10m x 5m parent blocks within 0.3g/t Au "
    "mineralisation domains; top cuts 12-30g/t Au by domain.",
    "cutoff_text": "0.5g/t Au within an A$3,500/oz optimised shell; 2.0g/t Au below the shell.",
    "mining_text": "Open pit, conventional drill and blast.",
    "metallurgy_text": "Recoveries of 93-95% from CIL test work.",
    "density_text": "1.9 (oxide), 2.4 (transitional), 2.8 (fresh) t/m3 from 2,904 measurements.",
    "classification_text": "Measured at 20m x 20m grade control spacing, Indicated at 40m x 40m, Inferred "
    "elsewhere.",
}


def story(k):
    s = []
    s.append(k.H1("Eastern Flank PFS confirms a robust 77kozpa open-pit gold project"))
    s.append(k.P("<b>Koonjarra Gold Ltd (ASX: KJG)</b> is pleased to release the results of the Pre-Feasibility "
                 "Study (PFS) for its 100%-owned Eastern Flank Gold Project in the Eastern Goldfields of Western "
                 "Australia, together with a maiden JORC (2012) Ore Reserve."))
    s.append(k.H2("Key outcomes"))
    s += k.bullets([
        "Maiden Probable and Proved <b>Ore Reserve of 10.7Mt @ 1.68g/t Au for 580koz</b>.",
        "Seven-year mine life producing an average of <b>77koz per year</b> (541koz recovered over the life of mine).",
        "Life-of-mine all-in sustaining cost (AISC) of <b>A$2,060/oz</b>.",
        "Pre-production capital of <b>A$185M</b>, payback 2.1 years.",
        "Pre-tax NPV8 of <b>A$412M</b> and IRR of <b>41%</b> at A$3,400/oz gold.",
        "Mineral Resource (inclusive of Ore Reserves) of 20.9Mt @ 1.67g/t Au for 1,119koz.",
        "Definitive Feasibility Study and permitting to start immediately; first gold targeted for late 2027.",
    ])
    s.append(k.P("Managing Director <b>Ms Georgia Penhaligon</b> said: \"The PFS shows Eastern Flank can be a "
                 "long-life, low-cost producer. Converting 580,000 ounces to Ore Reserves in our first study is "
                 "a major milestone, and with 296,000 ounces of Inferred Resources outside the plan there is "
                 "clear upside.\""))
    s += k.table(["Parameter", "Unit", "PFS outcome"],
                 [["Ore processed", "Mt", "10.7"], ["Average head grade", "g/t Au", "1.68"],
                  ["Metallurgical recovery (average)", "%", "93.5"], ["Gold recovered", "koz", "541"],
                  ["Mine life", "years", "7"], ["Average annual production", "koz pa", "77"],
                  ["Strip ratio (waste:ore)", "t:t", "6.8"], ["Processing rate", "Mtpa", "1.6"],
                  ["Gold price (base case)", "A$/oz", "3,400"], ["AISC", "A$/oz", "2,060"],
                  ["Pre-production capital", "A$M", "185"], ["Pre-tax NPV8", "A$M", "412"],
                  ["Pre-tax IRR", "%", "41"], ["Payback", "years", "2.1"]],
                 title="Table 1: Key PFS metrics", widths=[200, 80, 100], align_left_cols=(0,))
    s.append(k.PageBreak())
    s.append(k.H2("Ore Reserve"))
    s.append(k.P("The Ore Reserve was estimated by independent mining consultants Bramwell Mining Engineers "
                 "using the September 2025 Mineral Resource model, modifying factors from the PFS and a gold "
                 "price of A$3,000/oz."))
    s += k.table(["Classification", "Tonnes (Mt)", "Grade (g/t Au)", "Contained gold (koz)"],
                 [["Proved", "2.1", "1.95", "132"], ["Probable", "8.6", "1.62", "448"], ["Total Ore Reserve", "10.7", "1.68", "580"]],
                 title="Table 2: Eastern Flank Ore Reserve, November 2025", widths=[120, 90, 90, 120], bold_rows=[2],
                 notes=["Reported above marginal cut-offs of 0.48-0.55g/t Au at A$3,000/oz. Totals may not add due to "
                        "rounding."])
    s.append(k.H2("Mineral Resource"))
    s += k.table(["Category", "Tonnes (Mt)", "Grade (g/t Au)", "Contained gold (koz)"],
                 [["Measured", "2.6", "2.02", "169"], ["Indicated", "11.9", "1.71", "654"],
                  ["Inferred", "6.4", "1.44", "296"], ["Total", "20.9", "1.67", "1,119"]],
                 title="Table 3: Eastern Flank Mineral Resource (inclusive of Ore Reserves), September 2025",
                 widths=[120, 90, 90, 120], bold_rows=[3],
                 notes=["0.5g/t Au cut-off within an A$3,500/oz shell; 2.0g/t Au below the shell."])
    s.append(k.H2("Mining and production schedule"))
    s.append(k.P("Mining will take place in three open pits (Ironbark, Quartz Hill and Swan) in five stages. "
                 "The schedule below shows the tonnes and grade processed each year. Annual figures are "
                 "production forecasts, not Ore Reserves."))
    s += k.table(["Year", "1", "2", "3", "4", "5", "6", "7", "Total"],
                 [["Ore processed (Mt)", "1.30", "1.60", "1.60", "1.60", "1.60", "1.60", "1.40", "10.70"],
                  ["Head grade (g/t Au)", "1.92", "1.78", "1.71", "1.66", "1.60", "1.58", "1.55", "1.68"],
                  ["Gold recovered (koz)", "75.0", "85.6", "82.2", "79.8", "77.0", "76.0", "65.2", "540.8"]],
                 title="Table 4: Life-of-mine processing schedule", widths=[95, 42, 42, 42, 42, 42, 42, 42, 48],
                 align_left_cols=(0,))
    s.append(k.H2("Processing"))
    s.append(k.P("A 1.6Mtpa carbon-in-leach plant with a gravity circuit will be built on site. Test work on 46 "
                 "variability composites gave average recoveries of 95% (oxide), 94% (transitional) and 93% "
                 "(fresh), with 30-40% gravity-recoverable gold."))
    s.append(k.H2("Capital and operating costs"))
    s += k.table(["Item", "A$M"],
                 [["Processing plant", "98"], ["Infrastructure and power", "34"], ["Mining pre-strip", "21"],
                  ["Owner's costs", "12"], ["Contingency (12%)", "20"], ["Total pre-production capital", "185"]],
                 title="Table 5: Pre-production capital estimate", widths=[220, 80], bold_rows=[5], align_left_cols=(0,))
    s += k.table(["Gold price (A$/oz)", "3,000", "3,400 (base)", "3,800"],
                 [["Pre-tax NPV8 (A$M)", "268", "412", "556"], ["Pre-tax IRR (%)", "29", "41", "53"]],
                 title="Table 6: Gold price sensitivity", widths=[130, 80, 90, 80], align_left_cols=(0,))
    s += k.figure_full("Figure 1: Eastern Flank site layout", seed=91,
                       labels=[("Ironbark pit", 0.3, 0.6), ("Quartz Hill pit", 0.5, 0.4), ("Swan pit", 0.7, 0.7),
                               ("CIL plant", 0.45, 0.2), ("TSF", 0.2, 0.2)])
    s += k.figure_full("Figure 2: Ironbark final pit design (looking north-east)", seed=92, kind="mag",
                       height=170 * k.mm, labels=[("Stage 1", 0.3, 0.5), ("Stage 2", 0.6, 0.5)])
    s += k.figure_full("Figure 3: Annual gold production and AISC", seed=93, height=150 * k.mm,
                       labels=[("Year 1", 0.1, 0.1), ("Year 7", 0.85, 0.1)], legend=["koz produced", "AISC A$/oz"])
    s += k.figure_full("Figure 4: NPV sensitivity (spider chart)", seed=94, height=150 * k.mm,
                       labels=[("gold price", 0.2, 0.8), ("capex", 0.6, 0.4), ("opex", 0.5, 0.6)])
    s += k.figure_full("Figure 5: Project location, Eastern Goldfields", seed=95,
                       labels=[("Eastern Flank (KJG)", 0.5, 0.5), ("Kalgoorlie (120km SW)", 0.1, 0.1)])
    s += k.figure_full("Figure 6: Development timeline to first gold", seed=96, height=120 * k.mm,
                       labels=[("DFS", 0.1, 0.5), ("FID", 0.35, 0.5), ("Construction", 0.55, 0.5), ("First gold", 0.85, 0.5)])
    s += k.figure_full("Figure 7: Process flowsheet (1.6Mtpa CIL with gravity)", seed=97, height=170 * k.mm,
                       labels=[("Primary crusher", 0.1, 0.8), ("SAG mill", 0.3, 0.6), ("Gravity", 0.5, 0.6),
                               ("CIL tanks", 0.7, 0.4), ("Elution and gold room", 0.8, 0.2)])
    s.append(k.PageBreak())
    s.append(k.H2("Material assumptions and cautionary statement"))
    s.append(k.P("The PFS is based on the material assumptions outlined in this announcement and its Appendix. "
                 "Approximately 100% of the production target in the first seven years is from Proved and "
                 "Probable Ore Reserves; no Inferred Mineral Resources are included in the production target or "
                 "financial evaluation. The Company believes it has a reasonable basis to expect to be able to "
                 "fund development of the project, through a combination of debt and equity. Investors should "
                 "note that there is no certainty that the Company will be able to raise that funding when "
                 "needed."))
    s += k.cp_statement("Mr Samuel Whitlock, MAusIMM (CP)", "a Member of the Australasian Institute of Mining and "
                        "Metallurgy", "Koonjarra Gold Ltd", what="Ore Reserves",
                        relation="a Principal Mining Engineer of Bramwell Mining Engineers, an independent "
                                 "consultant to Koonjarra Gold Ltd")
    s += k.cp_statement("Ms Ada Trevorrow, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Koonjarra Gold Ltd", what="Mineral Resources")
    s += k.jorc_table1(R4, (4,), heading="Appendix 1: JORC Code, 2012 Edition - Table 1, Section 4")
    s += k.jorc_table1(R3, (1, 2, 3), heading="Appendix 2: JORC Code, 2012 Edition - Table 1, Sections 1 to 3")
    s += k.about_page("Koonjarra Gold Ltd",
                      "Koonjarra Gold is a Western Australian gold developer and explorer. Its Eastern Flank project "
                      "hosts a 1.1Moz Mineral Resource and a 580koz Ore Reserve.",
                      ["Mr Declan Forsythe - Chair", "Ms Georgia Penhaligon - Managing Director",
                       "Mr Wei Zhang - Chief Financial Officer"],
                      "Level 2, 40 Kings Park Road, West Perth WA 6005")
    s += k.forward_looking("Koonjarra Gold Ltd")
    return s
