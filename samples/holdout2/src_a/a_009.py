"""a-009 (holdout2): Mulga Downs Gold Ltd (fictitious) - maiden JORC Mineral Resource, M/I/M+I/Inf/Total with koz."""

META = {
    "company": "Mulga Downs Gold Ltd",
    "ticker_line": "ASX: MDQ   |   17 November 2025",
    "site": "Mulga Downs Gold Ltd  ABN 00 000 000 262",
    "title": "Mulga Downs - Maiden Mineral Resource, Emu Bore",
}


def story(k):
    s = []
    s.append(k.H1("Maiden Emu Bore Mineral Resource of 534,500oz sets foundation for Mulga Downs gold hub"))
    s += k.table(["HIGHLIGHTS"], [[
        k.Paragraph("&#8226; Maiden JORC (2012) Mineral Resource Estimate for the Emu Bore deposit of "
                    "<b>12.6Mt @ 1.32g/t Au for 534koz</b>, reported above a 0.5g/t Au cut-off within an "
                    "A$3,500/oz optimised pit shell", k.CELL if hasattr(k, 'CELL') else None)],
        [k.Paragraph("&#8226; <b>67% of contained ounces in the Measured and Indicated categories</b> "
                     "(7.69Mt @ 1.44g/t Au for 357koz)", None)],
        [k.Paragraph("&#8226; Higher-grade core of 2.1Mt @ 3.05g/t Au for 206koz at a 1.5g/t Au cut-off", None)],
        [k.Paragraph("&#8226; Mineralisation open at depth; Exploration Target of 3 to 5Mt at 1.2 to 1.6g/t Au "
                     "below the pit shell", None)]],
        widths=[480], shade_header=True, grid="rules")
    s.append(k.P("Mulga Downs Gold Ltd (<b>ASX: MDQ</b>) (\"Mulga Downs\" or \"the Company\") is pleased to announce a "
                 "maiden Mineral Resource Estimate (MRE) for its 100%-owned Emu Bore gold deposit, 65km east of "
                 "Sandstone in Western Australia. The MRE was prepared by independent consultants Quartzline Mining "
                 "Consultants and is reported in accordance with the JORC Code (2012)."))
    s.append(k.P("The MRE is based on 41,260m of RC and diamond drilling in 318 holes completed by the Company "
                 "between 2022 and 2025, together with 66 historical RC holes that were validated by twinning."))
    s.append(k.H2("Emu Bore Mineral Resource Estimate"))
    hdr = ["Classification", "Tonnes (Mt)", "Grade (g/t Au)", "Contained Au (koz)"]
    rows = [["Measured", "1.21", "1.84", "71.6"],
            ["Indicated", "6.48", "1.37", "285.4"],
            ["Measured + Indicated", "7.69", "1.44", "357.0"],
            ["Inferred", "4.93", "1.12", "177.5"],
            ["Total", "12.62", "1.32", "534.5"]]
    s += k.table(hdr, rows, title="Table 1: Emu Bore Mineral Resource Estimate, November 2025 (0.5g/t Au cut-off, "
                 "within A$3,500/oz pit shell)", widths=[130, 90, 90, 110], bold_rows=[2, 4],
                 notes=["Notes: Mineral Resources are reported in accordance with the JORC Code (2012). Tonnages are "
                        "dry metric tonnes. Figures are rounded and totals may not sum exactly. The Mineral Resource "
                        "is reported inclusive of oxide (2.8Mt), transitional (3.1Mt) and fresh material. No Ore "
                        "Reserve has been declared."])
    s.append(k.P("Approximately 67% of the contained gold is classified as Measured or Indicated, reflecting the "
                 "25m x 25m drill spacing over the upper 120m of the deposit."))
    s.append(k.H2("Grade-tonnage sensitivity"))
    hdr2 = ["Cut-off (g/t Au)", "Tonnes (Mt)", "Grade (g/t Au)", "Contained (koz)"]
    rows2 = [["0.3", "16.85", "1.10", "596"], ["0.5", "12.62", "1.32", "534"], ["0.7", "9.41", "1.58", "478"],
             ["1.0", "5.96", "2.02", "387"], ["1.5", "2.10", "3.05", "206"]]
    s += k.table(hdr2, rows2, title="Table 2: Grade-tonnage sensitivity, all categories, within the A$3,500/oz shell "
                 "(the 0.5g/t Au line is the reported Mineral Resource)", widths=[100, 90, 90, 100])
    s.append(k.H2("Exploration Target"))
    s.append(k.P("Below the A$3,500/oz pit shell, drilling has intersected the Emu Bore lodes to 420m below surface. "
                 "The Company has estimated an Exploration Target of <b>3 to 5Mt at 1.2 to 1.6g/t Au (115,000 to "
                 "257,000oz)</b>. The potential quantity and grade of the Exploration Target is conceptual in nature; "
                 "there has been insufficient exploration to estimate a Mineral Resource and it is uncertain if "
                 "further exploration will result in the estimation of a Mineral Resource."))
    s.append(k.H2("Next steps"))
    s.append(k.P("A scoping study is under way and is expected in Q2 2026, assuming a processing rate of 1.5Mtpa and "
                 "metallurgical recoveries of 93% (oxide) and 89% (fresh) from bottle roll and column tests. "
                 "Managing Director Mr Lachlan Moorcroft said: \"Half a million ounces from a maiden estimate, with "
                 "two-thirds in Measured and Indicated, is a strong start for the Mulga Downs hub.\""))
    s += k.cp_statement("Mr Anton Brisbane, MAusIMM(CP)", "", "Mulga Downs Gold Ltd", what="Mineral Resources",
                        relation="a Principal Consultant of Quartzline Mining Consultants and independent of the Company")
    s += k.jorc_table1({"crs": "GDA94 MGA Zone 50",
                        "dimensions_text": "The deposit extends 1.9km along strike, 5m to 40m across strike and to "
                        "310m below surface within the pit shell.",
                        "estimation_text": "Ordinary kriging of 1m composites into 10m x 25m x 5m parent blocks within "
                        "lode wireframes interpreted at a 0.3g/t Au boundary; top cuts of 20 to 40g/t Au by domain.",
                        "cutoff_text": "0.5g/t Au, reflecting open-pit mining and toll or hub processing at A$3,500/oz.",
                        "mining_text": "Conventional open-pit mining with 2.5m flitch heights is assumed.",
                        "metallurgy_text": "Recoveries of 93% (oxide) and 89% (fresh) from bottle roll and column "
                        "leach tests.",
                        "density_text": "1.9 t/m3 oxide, 2.4 t/m3 transitional and 2.8 t/m3 fresh, from 1,820 "
                        "immersion measurements.",
                        "classification_text": "Measured at 25m x 25m with grade control pattern infill, Indicated at "
                        "up to 40m x 40m, Inferred up to 80m x 80m."},
                       (3,), heading="Appendix 1: JORC Code, 2012 Edition - Table 1, Section 3", explanation=False)
    return s
