"""Extraction: a Document in, an Extraction out. Pure: no I/O, no state.

``extract(document)`` reads every page's prose and tables for drill intercepts and resource
estimates, the issuing company, the reporting code and the commodities, then merges the repeats
(the same intercept in the headline, the body and the table is one intercept).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from oresight.extract.companies import find_companies, other_companies
from oresight.extract.intercepts import find_intercepts, has_grade
from oresight.extract.lexicon import fold, lexicon
from oresight.extract.linetables import csv_tables, find_line_tables
from oresight.extract.records import find_records
from oresight.extract.resources import cutoff_in, find_resources, reporting_code
from oresight.extract.tables import intercepts_from_table, resources_from_table
from oresight.model import Company, Document, Excluded, Extraction, Intercept, Page, ResourceEstimate, Table

__all__ = ["extract", "extract_text"]

_L = lexicon()
MAX_PAGE_CHARS = 300_000
MAX_DOCUMENT_CHARS = 3_000_000

# the analyte a bare grade column ("Grade (g/t)") most likely reports, by the document's commodity
_DEFAULT_BY_COMMODITY: dict[str, dict[str, str]] = {
    "Au": {"g/t": "Au", "ppb": "Au", "oz/t": "Au", "ppm": "Au"},
    "Ag": {"g/t": "Ag", "oz/t": "Ag"},
    "Cu": {"%": "Cu", "ppm": "Cu"},
    "Ni": {"%": "Ni"},
    "Li": {"%": "Li2O", "ppm": "Li"},
    "REE": {"ppm": "TREO", "%": "TREO"},
    "U": {"ppm": "U3O8", "%": "U3O8", "lb/t": "U3O8"},
    "C": {"%": "TGC"},
    "Zn": {"%": "Zn"},
    "Sn": {"%": "Sn"},
    "W": {"%": "WO3"},
    "V": {"%": "V2O5"},
    "Mn": {"%": "Mn"},
    "Fe": {"%": "Fe"},
    "PGE": {"g/t": "3E"},
    "Sb": {"%": "Sb"},
}


def extract_text(text: str) -> Extraction:
    """Extraction of plain text (one page), for callers that have no Document."""
    return extract(Document(kind="text", pages=(Page(1, text),), sha256=""))


def extract(document: Document) -> Extraction:
    """Everything Oresight reads from one document (see the module docstring)."""
    intercepts: list[Intercept] = []
    resources: list[ResourceEstimate] = []
    excluded: list[Excluded] = []
    # Extraction is linear in the text, and hostile input can be long: a page is read up to
    # MAX_PAGE_CHARS and a document up to MAX_DOCUMENT_CHARS (real announcements are far shorter).
    folded_pages = []
    budget = MAX_DOCUMENT_CHARS
    for p in document.pages:
        part = p.text[: max(0, min(MAX_PAGE_CHARS, budget))]
        budget -= len(part)
        folded_pages.append(fold(part))
    # Pages that can hold a result: a number with a grade unit, or a table. The others (a JORC Table 1
    # appendix, a competent person statement) are not searched for results; company names and the
    # reporting code are looked for in the opening pages and the result pages, and what the document
    # is about in its opening pages only, so boilerplate ("coarse gold") does not count.
    with_grades = [bool(has_grade(f)) for f in folded_pages]
    relevant = "\n".join(
        f for n, (f, page, g) in enumerate(zip(folded_pages, document.pages, with_grades, strict=True))
        if n < 2 or g or page.tables
    )[:300_000]
    code = reporting_code(relevant)
    # what the document is about, from its opening pages (results name their own commodities)
    commodity_counts = _count_mentions("\n".join(folded_pages[:2])[:20_000])
    defaults = _unit_analytes([], [], commodity_counts)
    companies: list[Company] = []
    for page in document.pages[:3]:
        companies = find_companies(page.text, page.number)
        if companies:
            break
    others = other_companies(relevant, companies[0] if companies else None)
    for page, folded, grades in zip(document.pages, folded_pages, with_grades, strict=True):
        if not grades:
            continue
        found, exc = find_intercepts(folded, page.number, raw_text=page.text, ocr=page.ocr,
                                     default_analytes=defaults, others=others)
        intercepts.extend(found)
        intercepts.extend(find_records(folded, page.number))
        excluded.extend(exc)
        res, rexc = find_resources(folded, page.number, code, raw_text=page.text, others=others)
        resources.extend(res)
        excluded.extend(rexc)
    doc_analytes = _unit_analytes(intercepts, resources, commodity_counts)
    cutoff = None
    last: Table | None = None
    for page, folded in zip(document.pages, folded_pages, strict=True):
        from_tables = 0
        for table in page.tables:
            table = _with_header(table, last)
            last = table
            found_in_table = intercepts_from_table(table, doc_analytes)
            from_tables += len(found_in_table)
            intercepts.extend(found_in_table)
            if cutoff is None:
                cutoff = cutoff_in(fold(table.title)) or cutoff_in(folded)
            resources.extend(resources_from_table(table, doc_analytes, code, cutoff))
        if not from_tables:
            # no intercept came from a rebuilt table here (none rebuilt, or an unusual layout):
            # read comma-separated blocks, then header-and-rows text lines
            for csv_table in csv_tables(folded, page.number):
                found_in_table = intercepts_from_table(csv_table, doc_analytes)
                from_tables += len(found_in_table)
                intercepts.extend(found_in_table)
            if not from_tables:
                intercepts.extend(find_line_tables(folded, page.number))
    intercepts = merge_intercepts(intercepts)
    resources = merge_resources(resources)
    commodities = _commodities(intercepts, resources, commodity_counts, folded_pages)
    return Extraction(
        commodities=tuple(commodities),
        intercepts=tuple(intercepts),
        resources=tuple(resources),
        companies=tuple(companies),
        excluded=tuple(excluded),
        reporting_code=code,
    )


def _with_header(table: Table, previous: Table | None) -> Table:
    """A table continued from the previous one (no header of its own) takes that table's header and title."""
    if previous is None or (any(h.strip() for h in table.header) and not table.continued):
        return table
    if len(previous.header) != len(table.header):
        return table
    if table.continued or not any(h.strip() for h in table.header):
        return replace(table, header=previous.header, title=table.title or previous.title)
    return table


def _close(a: float | None, b: float | None, tol: float = 0.051) -> bool:
    return a is None or b is None or abs(a - b) <= tol


def _same_intercept(a: Intercept, b: Intercept) -> bool:
    if a.analyte != b.analyte or a.unit != b.unit:
        return False
    if abs(a.grade - b.grade) > 1e-9 * max(1.0, abs(a.grade)):
        return False
    if a.width_m is None or b.width_m is None or abs(a.width_m - b.width_m) > 0.051:
        return False
    if a.hole_id and b.hole_id and a.hole_id.upper() != b.hole_id.upper():
        return False
    if not (a.hole_id and b.hole_id):
        return True  # a headline restating a result (sometimes with a rounded or wrong depth)
    if a.source != b.source:
        return True  # the same hole, grade and width in prose and in a table: prose may misplace a depth
    return _close(a.from_m, b.from_m)


def merge_intercepts(items: list[Intercept]) -> list[Intercept]:
    """One intercept per distinct result; a repeat fills in what the first mention left out."""
    out: list[Intercept] = []
    buckets: dict[tuple[str, str, float], list[int]] = {}  # (analyte, unit, grade) -> positions in out
    for it in items:
        key = (it.analyte, it.unit, round(it.grade, 9))
        for i in buckets.get(key, ()):
            kept = out[i]
            if _same_intercept(kept, it):
                # the mention that names the hole is the more specific one (a headline may round or misstate)
                # a table's depths win over prose (a depth clause can belong to the sentence's other interval)
                prefer_new = (it.hole_id and not kept.hole_id) or (
                    it.source == "table" and kept.source == "text" and not _close(it.from_m, kept.from_m))
                main, other = (it, kept) if prefer_new else (kept, it)
                out[i] = replace(
                    main,
                    hole_id=main.hole_id or other.hole_id,
                    from_m=main.from_m if main.from_m is not None else other.from_m,
                    to_m=main.to_m if main.to_m is not None else other.to_m,
                    true_width_m=main.true_width_m if main.true_width_m is not None else other.true_width_m,
                    # a table or record knows its sub-intervals; prose may not say so
                    including=main.including or (other.including and (other.source == "table" or not main.hole_id)),
                )
                break
        else:
            buckets.setdefault(key, []).append(len(out))
            out.append(it)
    return out


def merge_resources(items: list[ResourceEstimate]) -> list[ResourceEstimate]:
    out: list[ResourceEstimate] = []
    for it in items:
        for i, kept in enumerate(out):
            if kept.source == "table" and it.source == "table":
                continue  # rows of tables are distinct by construction (the same figures for two deposits)
            if (kept.analyte == it.analyte and kept.unit == it.unit and kept.grade == it.grade
                    and abs(kept.tonnes - it.tonnes) <= 0.0051 * max(kept.tonnes, it.tonnes)
                    and (kept.category == it.category or kept.category is None or it.category is None)):
                out[i] = replace(
                    kept,
                    category=kept.category or it.category,
                    contained=kept.contained if kept.contained is not None else it.contained,
                    contained_unit=kept.contained_unit or it.contained_unit,
                    cutoff=kept.cutoff or it.cutoff,
                )
                break
        else:
            out.append(it)
    return out


@cache
def _mention_vocabulary() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """Commodity words as lower-case token sequences, and the few case-sensitive symbols (REE, NdPr, PGE)."""
    phrases: dict[tuple[str, ...], str] = {}
    exact: dict[str, str] = {}
    for commodity, words in _L.commodity_words.items():
        for w in words:
            if w.isupper() or any(c.isupper() for c in w[1:]):
                exact[w] = commodity
            else:
                phrases[tuple(re.findall(r"[a-z]+", w.lower()))] = commodity
    return phrases, exact


def _count_mentions(text: str) -> Counter[str]:
    """How often each commodity is named, as whole words: the text is reduced once to lower-case words
    (bytes.translate and split, C speed), single words are counted together, phrases one by one."""
    phrases, exact = _mention_vocabulary()
    reduced = text.encode("ascii", "replace").translate(_WORDS_ONLY)
    words = Counter(reduced.split())
    spaced = b" " + b" ".join(reduced.split()) + b" " if any(len(k) > 1 for k in phrases) else b""
    counts: Counter[str] = Counter()
    for key, commodity in phrases.items():
        if len(key) == 1:
            n = words.get(key[0].encode("ascii"), 0)
        else:
            n = spaced.count(b" " + " ".join(key).encode("ascii") + b" ")
        if n:
            counts[commodity] += n
    for symbol, commodity in exact.items():
        if symbol in text:  # rare: only then the boundary-checked count ("REE", not "DEGREE")
            n = len(re.findall(rf"(?<![A-Za-z]){re.escape(symbol)}(?![A-Za-z])", text))
            if n:
                counts[commodity] += n
    return counts


# lower-case letters kept, every other ASCII character a space (str.translate is C-fast on ASCII)
_WORDS_ONLY = bytes((ord(chr(i).lower()) if chr(i).isalpha() and i < 128 else 32) for i in range(256))


def _unit_analytes(intercepts: list[Intercept], resources: list[ResourceEstimate],
                   counts: Counter[str]) -> dict[str, str]:
    by_unit: dict[str, Counter[str]] = {}
    for it in intercepts:
        by_unit.setdefault(it.unit, Counter())[it.analyte] += 1
    for r in resources:
        if r.unit and r.analyte:
            by_unit.setdefault(r.unit, Counter())[r.analyte] += 1
    out = {u: c.most_common(1)[0][0] for u, c in by_unit.items()}
    for commodity, _n in counts.most_common():
        if _n == 0:
            break
        for unit, analyte in _DEFAULT_BY_COMMODITY.get(commodity, {}).items():
            out.setdefault(unit, analyte)
    return out


def _commodities(intercepts: list[Intercept], resources: list[ResourceEstimate], counts: Counter[str],
                 folded_pages: list[str]) -> list[str]:
    """What the document is about: the commodities of its results, and those it names often or up front."""
    found = {_L.commodity(i.analyte) for i in intercepts}
    found |= {_L.commodity(r.analyte) for r in resources if r.analyte}
    head = folded_pages[0][:1500] if folded_pages else ""
    found |= {c for c, n in counts.items() if n >= 3} | set(_count_mentions(head))
    return sorted(found)
