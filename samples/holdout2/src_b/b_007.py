"""b-007 (holdout2): Cobbler Creek Zinc Ltd (fictitious) - maiden Ore Reserve (Proved/Probable) and updated
Mineral Resource (inclusive of reserves) for a Zn-Pb-Ag deposit; mine plan numbers as distractors."""

META = {
    "company": "Cobbler Creek Zinc Ltd",
    "ticker_line": "ASX: CCZ  |  19 October 2026",
    "site": "Cobbler Creek Zinc Ltd  ACN 000 000 555",
    "title": "Maiden Ore Reserve - Cobbler Creek",
}


def story(k):
    s = []
    s.append(k.H1("Maiden Ore Reserve of 8.3Mt underpins Cobbler Creek development"))
    s += k.bullets([
        "Maiden <b>Ore Reserve of 8.3Mt at 7.16% Zn, 2.74% Pb and 52g/t Ag</b>, 29% in the Proved category",
        "Mineral Resource (inclusive of Ore Reserves) updated to <b>16.7Mt at 7.14% Zn, 2.73% Pb and 52.1g/t Ag</b>",
        "Ore Reserve supports an 11-year underground mine life at 750ktpa",
        "Definitive Feasibility Study on track for release in the December quarter",
    ])
    s.append(k.P("Cobbler Creek Zinc Ltd (ASX: CCZ) (<b>Cobbler Creek</b> or <b>the Company</b>) is pleased to report "
                 "a maiden Ore Reserve for its Cobbler Creek zinc-lead-silver deposit in north-west Queensland, "
                 "estimated in accordance with the JORC Code (2012 Edition). The Ore Reserve has been prepared by "
                 "independent consultants as part of the Definitive Feasibility Study (DFS) now in progress."))
    s.append(k.P("The Proved Ore Reserve of 2.4Mt at 7.8% Zn, 3.1% Pb and 62g/t Ag is derived from the Measured "
                 "Resource in the upper levels of the Main Lens; the Probable Ore Reserve of 5.9Mt at 6.9% Zn, 2.6% Pb "
                 "and 48g/t Ag is derived from Indicated Resources. No Inferred Resources are included in the Ore "
                 "Reserve, although 0.9Mt of Inferred material within the mine design is carried as zero-grade "
                 "dilution."))
    rows = [
        ["Proved", "2.4", "7.8", "3.1", "62", "187", "74", "4.78"],
        ["Probable", "5.9", "6.9", "2.6", "48", "407", "153", "9.11"],
        ["Total", "8.3", "7.16", "2.74", "52", "594", "228", "13.89"],
    ]
    s += k.table([["Category", "Tonnes", "Grade", "", "", "Contained metal", "", ""],
                  ["", "(Mt)", "Zn (%)", "Pb (%)", "Ag (g/t)", "Zn (kt)", "Pb (kt)", "Ag (Moz)"]], rows,
                 title="Table 1: Cobbler Creek Ore Reserve as at 30 September 2026",
                 spans=[((0, 0), (0, 1)), ((2, 0), (4, 0)), ((5, 0), (7, 0))], bold_rows=[2], font=8.5,
                 notes=["Ore Reserve reported above an NSR cut-off of A$145/t (stopes) and A$60/t (development). "
                        "Metal prices: US$2,750/t Zn, US$2,100/t Pb, US$24/oz Ag; AUD:USD 0.68. Metallurgical "
                        "recoveries 91% Zn, 84% Pb, 70% Ag. Totals may not add due to rounding."])
    s.append(k.P("The updated Mineral Resource, which includes the Ore Reserve, is shown in Table 2. The increase "
                 "from the previous estimate of 14.2Mt at 7.0% Zn (ASX: CCZ 8 May 2025) reflects 46 infill and "
                 "extension holes drilled in the past 12 months."))
    rrows = [
        ["Measured", "2.9", "8.4", "3.4", "68", "244", "99", "6.34"],
        ["Indicated", "7.6", "7.5", "2.9", "55", "570", "220", "13.44"],
        ["Inferred", "6.2", "6.1", "2.2", "41", "378", "136", "8.17"],
        ["Total", "16.7", "7.14", "2.73", "52.1", "1,192", "455", "27.95"],
    ]
    s += k.table(["Classification", "Tonnes (Mt)", "Zn %", "Pb %", "Ag g/t", "Zn kt", "Pb kt", "Ag Moz"], rrows,
                 title="Table 2: Cobbler Creek Mineral Resource (inclusive of Ore Reserves) at a 4% Zn cut-off",
                 bold_rows=[3], font=8.5)
    s.append(k.H3("Mine plan"))
    s.append(k.P("The DFS mine plan processes 8.3Mt of ore over 11 years at a nominal 750ktpa. The LOM average mill "
                 "feed grade is 7.0% Zn and 2.7% Pb after mining dilution, peaking at 8.9% Zn in year 2 when the "
                 "Main Lens crown stopes are mined. The process plant is expected to produce a zinc concentrate "
                 "grading 53% Zn and a lead concentrate grading 68% Pb with 1,200g/t Ag."))
    s.append(k.P("Cobbler Creek is located 45km from the operating Mount Ambrose mine (owned by another company). Regional peers include deposits "
                 "of 20-60Mt at 8-12% Zn; these are not owned by the Company and are mentioned for context only."))
    s += k.jorc_table1({
        "mining_text": "Long-hole open stoping with paste fill; minimum mining width 4m; dilution 12% at zero grade; "
        "mining recovery 92%.",
        "cutoff_text": "NSR cut-off A$145/t for stopes and A$60/t for development.",
        "metallurgy_text": "Conventional sequential flotation; recoveries from 2025 variability testwork.",
        "tenement": "Mining Lease ML 90000",
        "geology_text": "Sediment-hosted (SEDEX) Zn-Pb-Ag mineralisation in carbonaceous siltstone.",
    }, sections=(4,), heading="Appendix 1: JORC Code, 2012 Edition - Table 1 (Section 4 only)")
    s += k.cp_statement("Mr Rhys Mabberley, FAusIMM", "a Fellow of the Australasian Institute of Mining and "
                        "Metallurgy", "Cobbler Creek Zinc Ltd", what="Ore Reserves",
                        relation="an employee of an independent mining consultancy engaged by the Company")
    return s
