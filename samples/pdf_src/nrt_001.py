"""nrt-001: Norite Metals Ltd (fictitious) - PGE reef, 3E (Pt+Pd+Au) with Ni and Cu."""

META = {
    "company": "Norite Metals Ltd",
    "ticker_line": "ASX: NRT  |  ASX Announcement  |  6 May 2025",
    "site": "Norite Metals Ltd  ACN 000 000 010",
    "title": "High-grade PGE reef confirmed over 1.2km at Cobbler Hill",
}

ROWS = [
    ["NRD011", "88.2", "96.6", "8.4", "2.14", "0.71", "1.28", "0.15", "0.21", "0.14"],
    ["incl.", "91.0", "93.1", "2.1", "5.37", "1.88", "3.12", "0.37", "0.42", "0.29"],
    ["NRD012", "124.5", "131.0", "6.5", "1.62", "0.52", "0.98", "0.12", "0.18", "0.11"],
    ["NRD013", "57.0", "59.8", "2.8", "3.05", "1.02", "1.84", "0.19", "0.33", "0.22"],
    ["NRD014", "201.3", "215.9", "14.6", "1.18", "0.37", "0.72", "0.09", "0.26", "0.17"],
]


def story(k):
    s = []
    s.append(k.H1("High-grade PGE reef confirmed over 1.2km at Cobbler Hill"))
    s.append(k.P("<b>Norite Metals Ltd (ASX: NRT)</b> is pleased to report assays from four diamond holes at the "
                 "Cobbler Hill platinum group element (PGE) project in the West Kimberley, Western Australia."))
    s += k.bullets([
        "<b>8.4m @ 2.14g/t 3E (Pt+Pd+Au) from 88.2m</b> in NRD011, including <b>2.1m @ 5.37g/t 3E</b> from 91.0m",
        "<b>2.8m @ 3.05g/t 3E from 57.0m</b> in NRD013",
        "<b>14.6m @ 1.18g/t 3E, 0.26% Ni and 0.17% Cu from 201.3m</b> in NRD014, the deepest hole to date",
        "The reef is now traced over 1.2km of strike and to 220m below surface",
    ])
    s.append(k.P("The PGE reef is a stratiform horizon of disseminated sulphide within a websterite-norite "
                 "layer of the Cobbler Hill layered intrusion. Palladium dominates over platinum (Pd:Pt ratio of "
                 "about 1.8), and the reef carries nickel and copper sulphide. NRD012 returned 6.5m at 1.62g/t "
                 "3E from 124.5m, 300m south of NRD011."))
    s += k.table(
        [["Hole", "From", "To", "Width", "3E", "Pt", "Pd", "Au", "Ni", "Cu"],
         ["", "m", "m", "m", "g/t", "g/t", "g/t", "g/t", "%", "%"]],
        ROWS, title="Table 1: Cobbler Hill PGE intercepts (0.5g/t 3E cut-off; incl. at 2.0g/t 3E)",
        widths=[50, 45, 45, 40, 40, 40, 40, 40, 40, 40], font=8,
        notes=["3E = Pt + Pd + Au. Pt, Pd and Au by 25g lead-collection fire assay with ICP-MS finish; Ni and Cu by "
               "four-acid digest ICP-OES. Down-hole widths; true widths about 90% of down-hole."])
    s.append(k.P("Surface rock chip sampling of the reef outcrop returned up to 7.9g/t 3E; rock chips are selective "
                 "and not representative. A follow-up programme of 12 holes for 2,400m begins in June."))
    s += k.cp_statement("Dr Ingrid Saltmarsh, MAIG", "a Member of the Australian Institute of Geoscientists",
                        "Norite Metals Ltd")
    return s
