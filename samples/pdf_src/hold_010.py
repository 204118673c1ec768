"""hold-010 (holdout): Quokka Gold Ltd (fictitious) - resource table transposed (categories as columns, kt)."""

META = {
    "company": "Quokka Gold Ltd",
    "ticker_line": "Quokka Gold Ltd (ASX:QKG)",
    "site": "quokkagold.example",
    "title": "Wallaby Rocks resource update",
}


def story(k):
    s = []
    s.append(k.H1("Wallaby Rocks resource grows to 856,000 ounces"))
    s.append(k.P("Quokka Gold Ltd (ASX:QKG) provides an update of the JORC 2012 Mineral Resource for its Wallaby "
                 "Rocks gold deposit in the Yilgarn Craton. The update adds 212,000 ounces, reflecting 38,000 metres "
                 "of drilling completed during the year."))
    s += k.table(["", "Measured", "Indicated", "Inferred", "Total"],
                 [["Tonnes (kt)", "850", "4,320", "6,910", "12,080"],
                  ["Grade (g/t Au)", "3.05", "2.41", "1.97", "2.20"],
                  ["Contained gold (koz)", "83", "335", "438", "856"]],
                 title="Wallaby Rocks Mineral Resource - 30 June 2025 (0.8 g/t Au cut-off above 250 m RL; 2.5 g/t Au below)",
                 widths=[130, 80, 80, 80, 80], bold_rows=[], align_left_cols=(0,))
    s.append(k.P("Compared with June 2024, the Indicated category increased by 1.1 million tonnes. A grade-tonnage "
                 "analysis indicates that at a 1.5 g/t Au cut-off the deposit contains 7.9 Mt at 2.71 g/t Au; this is "
                 "provided for comparison only."))
    s.append(k.P("Open-pit optimisation at A$3,800/oz indicates that about 70% of the resource ounces lie within a "
                 "conceptual pit. Metallurgical recoveries of 94% are assumed from test work."))
    s.append(k.small("Competent Person: Ms Kirra Lindqvist, MAusIMM, of Gimlet Resource Consulting. Totals may not add "
                     "due to rounding."))
    return s
