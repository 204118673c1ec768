"""bzc-001: Burra Creek Zinc Ltd (fictitious) - Zn-Pb-Ag Mineral Resource with ZnEq, Coppins Bore (NT)."""

META = {
    "company": "Burra Creek Zinc Ltd",
    "ticker_line": "ASX: BZC  |  ASX Announcement  |  3 April 2025",
    "site": "Burra Creek Zinc Ltd  ACN 000 000 008",
    "title": "Coppins Bore Mineral Resource grows to 24.1Mt at 7.9% ZnEq",
}


def story(k):
    s = []
    s.append(k.H1("Coppins Bore Mineral Resource grows to 24.1Mt at 7.9% ZnEq"))
    s.append(k.P("<b>Burra Creek Zinc Ltd (ASX: BZC)</b> announces an updated Mineral Resource estimate for the "
                 "Coppins Bore zinc-lead-silver deposit in the Northern Territory, reported in accordance with "
                 "the JORC Code (2012)."))
    s.append(k.H2("Key points"))
    s += k.bullets([
        "Total Mineral Resource of <b>24.1Mt @ 5.6% Zn, 2.1% Pb and 34g/t Ag (7.9% ZnEq)</b> above a 3% ZnEq "
        "cut-off, containing 1.34Mt zinc, 507kt lead and 26.2Moz silver.",
        "Indicated Resource of 9.8Mt @ 6.1% Zn, 2.4% Pb, 38g/t Ag (8.7% ZnEq) - 41% of tonnes.",
        "Recent drilling: <b>14.6m @ 9.8% Zn, 3.9% Pb and 61g/t Ag (14.0% ZnEq) from 188.4m</b> in CBD031 and "
        "8.2m @ 7.1% Zn, 2.2% Pb, 44g/t Ag from 241.0m in CBD034.",
        "Deposit remains open down plunge; scoping study under way.",
    ])
    s += k.table(
        [["Category", "Tonnes", "Grade", "", "", "", "Contained metal", "", ""],
         ["", "(Mt)", "Zn (%)", "Pb (%)", "Ag (g/t)", "ZnEq (%)", "Zn (kt)", "Pb (kt)", "Ag (Moz)"]],
        [["Indicated", "9.8", "6.1", "2.4", "38", "8.7", "598", "235", "12.0"],
         ["Inferred", "14.3", "5.2", "1.9", "31", "7.3", "744", "272", "14.3"],
         ["Total", "24.1", "5.6", "2.1", "34", "7.9", "1,342", "507", "26.2"]],
        title="Table 1: Coppins Bore Mineral Resource estimate (3% ZnEq cut-off), April 2025",
        widths=[60, 45, 45, 45, 50, 55, 55, 55, 55], font=8,
        spans=[((2, 0), (5, 0)), ((6, 0), (8, 0)), ((0, 0), (0, 1))], bold_rows=[2],
        notes=["ZnEq (%) = Zn (%) + 0.72 x Pb (%) + 0.023 x Ag (g/t), calculated from prices of US$2,700/t Zn, "
               "US$2,100/t Pb and US$24/oz Ag, and metallurgical recoveries of 88% Zn, 82% Pb and 70% Ag from "
               "locked-cycle flotation tests. In the Company's opinion all three metals have a reasonable "
               "potential to be recovered and sold. Figures are rounded."])
    s.append(k.H2("Geology and estimation"))
    s.append(k.P("Coppins Bore is a stratiform, sediment-hosted (clastic-dominated) zinc-lead-silver deposit "
                 "in Proterozoic dolomitic siltstones of the McArthur Basin. Mineralisation comprises fine-"
                 "grained sphalerite, galena and pyrite in three stacked lenses 3m to 22m thick, dipping 20 "
                 "degrees to the east, from 90m to 420m below surface. The estimate used 84 diamond holes for "
                 "31,400m and ordinary kriging of Zn, Pb, Ag, Fe and S into 20m x 20m x 4m blocks."))
    s.append(k.P("The Indicated Resource is defined by drilling at approximately 80m x 80m; Inferred by "
                 "drilling up to 160m x 160m. An underground mining scenario is assumed at a 3% ZnEq cut-off, "
                 "equivalent to an in-situ value of about US$80/t."))
    s.append(k.H2("Recent drilling"))
    s.append(k.P("Two holes were completed after the data cut-off and are not included in the estimate. CBD031 "
                 "intersected 14.6m at 9.8% Zn, 3.9% Pb and 61g/t Ag from 188.4m, 120m down plunge of the "
                 "Inferred Resource. CBD034 returned 8.2 metres at 7.1% zinc, 2.2% lead and 44 grams per tonne "
                 "silver from 241.0 metres."))
    s.append(k.P("The nearby Ridgeway deposit of another company, 25km to the south, hosts a reported 18Mt @ "
                 "7.5% Zn + Pb; this is noted for context only."))
    s += k.cp_statement("Ms Georgina Fairweather, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Burra Creek Zinc Ltd", what="Mineral Resources and Exploration Results",
                        relation="an independent consultant to Burra Creek Zinc Ltd")
    s += k.jorc_table1({"crs": "GDA94 MGA Zone 53",
                        "dimensions_text": "1.6km along strike and 900m down dip.",
                        "estimation_text": "Ordinary kriging of Zn, Pb, Ag, Fe and S in 20m x 20m x 4m blocks, "
                        "with top cuts of 250g/t Ag and 25% Pb.",
                        "cutoff_text": "3% ZnEq, reflecting an underground scenario.",
                        "mining_text": "Underground long-hole open stoping assumed.",
                        "metallurgy_text": "Recoveries of 88% Zn, 82% Pb and 70% Ag from locked-cycle tests.",
                        "density_text": "Measured on 2,140 core samples; regression on Zn+Pb+Fe.",
                        "classification_text": "Indicated at ~80m spacing; Inferred up to 160m."},
                       (3,), heading="Appendix 1: JORC Code, 2012 Edition - Table 1, Section 3", explanation=False)
    return s
