"""gpn-001: Graphon Minerals Ltd (fictitious) - graphite Mineral Resource update, Mtambo (Tanzania)."""

META = {
    "company": "Graphon Minerals Ltd",
    "ticker_line": "ASX:GPN  -  ASX Release  -  20 January 2025",
    "site": "Graphon Minerals Ltd  ABN 00 000 000 007  www.graphon.example",
    "title": "Mtambo Mineral Resource upgraded to 62.9Mt at 9.3% TGC",
}

JORC3 = {
    "lab": "SGS Mwanza and Intertek Perth", "lab_city": "Perth",
    "method": "Total graphitic carbon (TGC) was determined by LECO furnace after acid leaching to remove carbonate "
    "carbon and roasting to remove organic carbon. Total sulphur and total carbon were also determined.",
    "crs": "WGS84 UTM Zone 37S",
    "dimensions_text": "The Mineral Resource extends 3.2km along strike, 40m to 160m across strike and to a "
    "maximum depth of 190m below surface.",
    "estimation_text": "TGC and sulphur were estimated by ordinary kriging into 25m x 25m x 5m parent blocks "
    "within wireframes of graphitic schist interpreted at a 4% TGC boundary. Weathering domains (oxide, "
    "transitional, fresh) were modelled from logging. No top cuts were required.",
    "cutoff_text": "The Mineral Resource is reported above a 5% TGC cut-off, consistent with other "
    "coarse-flake graphite projects in East Africa.",
    "mining_text": "Conventional open-pit mining is assumed, with free-dig mining in the oxide zone.",
    "metallurgy_text": "Locked-cycle flotation tests on oxide and fresh composites produced concentrates "
    "grading 96.2% TGC at 92% recovery, with 43% of flake coarser than 180 microns (+80 mesh).",
    "density_text": "Bulk densities of 2.05 t/m3 (oxide), 2.35 t/m3 (transitional) and 2.68 t/m3 (fresh) "
    "were applied from 846 immersion measurements on core.",
    "classification_text": "Measured: drill spacing of 50m x 25m or closer; Indicated: 100m x 50m; "
    "Inferred: up to 200m x 100m and extrapolation of no more than 100m.",
}


def story(k):
    s = []
    s.append(k.H1("Mtambo Mineral Resource upgraded to 62.9Mt at 9.3% TGC"))
    s += k.bullets([
        "Updated JORC 2012 Mineral Resource of <b>62.9Mt @ 9.3% TGC for 5.85Mt of contained graphite</b> "
        "at a 5% TGC cut-off.",
        "Measured and Indicated Resources now 31.0Mt @ 9.8% TGC (3.03Mt contained graphite), 49% of the total "
        "tonnage.",
        "High-grade, coarse-flake, near-surface mineralisation: 28% of the Resource is oxide.",
        "Update supports the Definitive Feasibility Study due in the September quarter.",
    ])
    s.append(k.P("Graphon Minerals Ltd (<b>ASX: GPN</b>) is pleased to announce an updated Mineral Resource "
                 "estimate for its 100%-owned Mtambo Graphite Project in southern Tanzania. The estimate "
                 "incorporates 61 RC and 18 diamond holes drilled in 2024 for 9,870m."))
    s += k.table(["JORC Category", "Tonnes (Mt)", "TGC (%)", "Contained graphite (kt)"],
                 [["Measured", "8.4", "10.2", "857"], ["Indicated", "22.6", "9.6", "2,176"],
                  ["Inferred", "31.9", "8.8", "2,820"], ["Total", "62.9", "9.3", "5,853"]],
                 title="Table 1: Mtambo Mineral Resource estimate, January 2025 (5% TGC cut-off)",
                 widths=[110, 90, 80, 130], bold_rows=[3],
                 notes=["Totals may differ due to rounding. Tonnages are dry metric tonnes. TGC = total graphitic "
                        "carbon. Contained graphite = tonnes x TGC."])
    s += k.table(["Weathering", "Category", "Tonnes (Mt)", "TGC (%)", "Contained graphite (kt)"],
                 [["Oxide", "Measured", "4.1", "10.5", "431"], ["", "Indicated", "7.3", "9.9", "723"],
                  ["", "Inferred", "6.2", "9.0", "558"], ["Transitional and fresh", "Measured", "4.3", "9.9", "426"],
                  ["", "Indicated", "15.3", "9.5", "1,454"], ["", "Inferred", "25.7", "8.8", "2,262"]],
                 title="Table 2: Mineral Resource by weathering domain", widths=[110, 70, 70, 60, 110],
                 spans=[((0, 1), (0, 3)), ((0, 4), (0, 6))])
    s.append(k.H2("Drilling"))
    s.append(k.P("The 2024 programme targeted conversion of the central zone to Measured and Indicated, and "
                 "extension of the northern lens. Selected results, previously reported on 8 October 2024, "
                 "are reproduced in Table 3."))
    s += k.table(["Hole", "From (m)", "To (m)", "Width (m)", "TGC (%)"],
                 [["MTRC101", "4", "52", "48", "11.2"], ["MTRC104", "0", "37", "37", "9.7"],
                  ["MTDD018", "22.5", "81.0", "58.5", "10.4"], ["incl.", "40.0", "61.3", "21.3", "14.6"]],
                 title="Table 3: Selected 2024 intercepts", widths=[70, 60, 60, 60, 60])
    s.append(k.H2("Metallurgy and product"))
    s.append(k.P("Flotation test work on composites from the 2024 diamond holes produced concentrates grading "
                 "96.2% TGC at 92% recovery, with 43% of the flake in the +80 mesh fraction. Indicative "
                 "prices for 94-95% TGC concentrate are US$650-1,350/t depending on flake size."))
    s.append(k.H2("Summary of material information"))
    s.append(k.P("<b>Geology:</b> graphite occurs as coarse flakes in Neoproterozoic graphitic quartz-feldspar-"
                 "biotite schist and gneiss of the Mozambique Belt, in three steeply dipping lenses. "
                 "<b>Sampling and assaying:</b> 1m RC samples and half HQ core, analysed for TGC by LECO. "
                 "<b>Estimation:</b> ordinary kriging in 25m x 25m x 5m blocks. <b>Cut-off:</b> 5% TGC. "
                 "<b>Classification</b> based on drill spacing and confidence in continuity."))
    s += k.cp_statement("Mr Julius Mwakasege, MAusIMM", "a Member of the Australasian Institute of Mining and "
                        "Metallurgy", "Graphon Minerals Ltd", what="Mineral Resources",
                        relation="a consultant to Graphon Minerals Ltd")
    s += k.jorc_table1(JORC3, (3,), heading="Appendix 1: JORC Code 2012 Table 1 - Section 3", explanation=False)
    return s
