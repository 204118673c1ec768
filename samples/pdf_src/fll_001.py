"""fll-001: Frost Lake Lithium Corp (fictitious) - NI 43-101 Mineral Resource news release (PDF)."""

META = {
    "company": "Frost Lake Lithium Corp.",
    "ticker_line": "TSXV: FLL  |  OTCQB: FRLLF  |  FSE: 9FL",
    "site": "Frost Lake Lithium Corp.  |  Suite 1500, 1055 West Georgia Street, Vancouver, BC",
    "title": "Frost Lake Lithium Announces Maiden Mineral Resource Estimate at Lac Brisant",
}


def story(k):
    s = []
    s.append(k.PS("NEWS RELEASE - NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES OR DISSEMINATION IN THE UNITED STATES",
                  fontSize=7.5, leading=9))
    s.append(k.H1("Frost Lake Lithium Announces Maiden Mineral Resource Estimate at Lac Brisant: 21.8 Mt "
                  "Measured & Indicated at 1.24% Li2O"))
    s.append(k.P("<b>Vancouver, British Columbia - November 4, 2025</b> - Frost Lake Lithium Corp. (\"Frost Lake\" or "
                 "the \"Company\") (TSXV: FLL) (OTCQB: FRLLF) (FSE: 9FL) is pleased to announce a maiden mineral "
                 "resource estimate (\"MRE\") prepared in accordance with National Instrument 43-101 - Standards "
                 "of Disclosure for Mineral Projects (\"NI 43-101\") for its 100%-owned Lac Brisant lithium project "
                 "in the Eeyou Istchee James Bay region of Quebec."))
    s.append(k.H2("Highlights"))
    s += k.bullets([
        "Measured and Indicated Mineral Resources of <b>21.8 million tonnes grading 1.24% Li2O</b> and 106 ppm "
        "Ta2O5, containing approximately 670,000 tonnes of lithium carbonate equivalent (LCE).",
        "Inferred Mineral Resources of <b>14.6 million tonnes grading 1.09% Li2O</b> and 88 ppm Ta2O5.",
        "Resources are pit-constrained and begin at surface, with a low strip ratio of 4.1:1 within the "
        "conceptual pit shell.",
        "Mineralization remains open along strike to the east and at depth.",
    ])
    s += k.table(["Category", "Tonnes (Mt)", "Li2O (%)", "Ta2O5 (ppm)", "Contained Li2O (kt)", "Contained LCE (kt)"],
                 [["Measured", "3.1", "1.38", "121", "42.8", "105.8"],
                  ["Indicated", "18.7", "1.22", "104", "228.1", "564.2"],
                  ["Measured & Indicated", "21.8", "1.24", "106", "270.9", "670.0"],
                  ["Inferred", "14.6", "1.09", "88", "159.1", "393.5"]],
                 title="Table 1 - Lac Brisant Mineral Resource Estimate (effective date October 15, 2025)",
                 widths=[110, 65, 55, 65, 90, 90], bold_rows=[2],
                 notes=["Notes: (1) Mineral resources are not mineral reserves and do not have demonstrated economic "
                        "viability. (2) The MRE is reported at a cut-off grade of 0.30% Li2O within a conceptual pit "
                        "shell optimized using a spodumene concentrate (SC6) price of US$1,500/t, a 6% Li2O concentrate "
                        "and 85% recovery. (3) LCE = contained Li2O x 2.473. (4) The Inferred resource has a lower "
                        "level of confidence than Indicated and must not be converted to a reserve. (5) Totals may not "
                        "add due to rounding."])
    s.append(k.P("The MRE is based on 142 diamond drill holes totalling 31,880 metres drilled between 2023 and 2025. "
                 "Spodumene pegmatite dykes were modelled as 11 individual lenses ranging from 2 to 45 metres in true "
                 "thickness. Grades were interpolated by ordinary kriging into 5 m x 5 m x 5 m blocks. A density of "
                 "2.72 t/m3 was applied to pegmatite."))
    s.append(k.P("\"This maiden resource places Lac Brisant among the larger undeveloped hard-rock lithium "
                 "projects in the James Bay region,\" said Marc-Andre Pelletier, President and CEO. \"With most of "
                 "the tonnage already in the Measured and Indicated categories, we can move quickly to a "
                 "preliminary economic assessment.\""))
    s.append(k.H2("Sensitivity"))
    s.append(k.P("At a 0.50% Li2O cut-off, M&I resources would be 19.4 Mt at 1.35% Li2O. This sensitivity is "
                 "shown for comparison only and is not part of the MRE."))
    s.append(k.H2("Qualified Persons"))
    s.append(k.P("The MRE was prepared by Mr. Yannick Gauthier, P.Geo., of Boreal Resource Consulting Inc., an "
                 "independent qualified person as defined by NI 43-101. The scientific and technical information "
                 "in this news release has been reviewed and approved by Sophie Tremblay, P.Geo., VP Exploration of "
                 "the Company, a qualified person under NI 43-101. A technical report will be filed on SEDAR+ "
                 "within 45 days."))
    s.append(k.H2("About Frost Lake Lithium Corp."))
    s.append(k.P("Frost Lake is a Canadian exploration company focused on hard-rock lithium in Quebec. On behalf "
                 "of the Board of Directors, Marc-Andre Pelletier, President & CEO."))
    s.append(k.small("Neither TSX Venture Exchange nor its Regulation Services Provider (as that term is defined in "
                     "the policies of the TSX Venture Exchange) accepts responsibility for the adequacy or accuracy "
                     "of this release. Cautionary note regarding forward-looking information: this news release "
                     "contains forward-looking statements, including the timing of a preliminary economic "
                     "assessment; actual results may differ materially."))
    return s
