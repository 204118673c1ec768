"""pgx-002: Pegmatix Resources Ltd (fictitious) - Exploration Target announcement (hard negative)."""

META = {
    "company": "Pegmatix Resources Ltd",
    "ticker_line": "ASX: PGX  |  18 November 2024",
    "site": "pegmatix resources ltd  |  ACN 000 000 002",
    "title": "Yalgarra Exploration Target defined",
}


def story(k):
    s = []
    s.append(k.H1("Exploration Target of 18-32Mt at 1.0-1.4% Li2O defined for Yalgarra"))
    s.append(k.P("<b>Pegmatix Resources Ltd (ASX: PGX)</b> announces an Exploration Target for the Eastern Dyke "
                 "Swarm at its 100%-owned Yalgarra Lithium Project in Western Australia."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "Exploration Target of <b>18 to 32 million tonnes at 1.0% to 1.4% Li2O</b> for the Eastern Dyke Swarm.",
        "Based on 4.1km of mapped spodumene pegmatite, 212 rock chip samples (average 1.31% Li2O) and "
        "historical drill logs.",
        "Maiden RC drilling programme of 20 holes for approximately 2,500m to start in January 2025.",
    ])
    s.append(k.P("<b>Cautionary statement:</b> The potential quantity and grade of the Exploration Target is "
                 "conceptual in nature. There has been insufficient exploration to estimate a Mineral Resource, "
                 "and it is uncertain if further exploration will result in the estimation of a Mineral "
                 "Resource. The Exploration Target has been prepared in accordance with the JORC Code (2012)."))
    s += k.table(["Dyke group", "Strike length (m)", "Average thickness (m)", "Depth extent (m)",
                  "Tonnes range (Mt)", "Grade range (% Li2O)"],
                 [["D1", "1,600", "8-12", "150", "5-9", "1.0-1.3"], ["D2", "1,900", "12-18", "200", "10-18", "1.1-1.4"],
                  ["D3", "600", "5-9", "120", "3-5", "0.9-1.2"], ["Total", "4,100", "", "", "18-32", "1.0-1.4"]],
                 title="Table 1: Yalgarra Exploration Target (not a Mineral Resource)",
                 widths=[60, 70, 80, 70, 80, 90], bold_rows=[3],
                 notes=["Tonnage calculated with a density of 2.7t/m3. Grade ranges based on rock chip averages, "
                        "discounted by 20-30%. The Exploration Target is conceptual; see cautionary statement."])
    s.append(k.H2("Basis of the Exploration Target"))
    s.append(k.P("Mapping in 2024 traced three groups of spodumene-bearing pegmatite dykes over a combined 4.1km. "
                 "Rock chip samples of outcropping pegmatite returned between 0.42% and 4.02% Li2O (average "
                 "1.31% Li2O from 212 samples). Rock chip results are selective and are not representative of "
                 "the grade of the dykes at depth. Historical gold exploration holes drilled in the 1990s logged "
                 "pegmatite intersections of 6m to 28m but were not assayed for lithium."))
    s.append(k.P("The lower end of the target assumes that 60% of the mapped strike is mineralised and that the "
                 "dykes extend 120-150m down dip; the upper end assumes 85% and 150-200m. The grade range is "
                 "based on the rock chip average discounted by 20% to 30%."))
    s.append(k.P("For context, several large spodumene operations owned by other companies lie within 80km of "
                 "Yalgarra; the closest hosts a reported Ore Reserve of more than 100Mt at 1.2% Li2O."))
    s.append(k.H2("Planned work"))
    s.append(k.P("The January 2025 programme (20 RC holes for 2,500m, plus three diamond holes) will test the D2 "
                 "dyke group to 200m depth. Assays are expected about eight weeks after drilling."))
    s += k.cp_statement("Mr Raj Padmanabhan, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Pegmatix Resources Ltd", what="the Exploration Target and Exploration Results")
    return s
