"""The rules kept as data: analytes, units, categories, codes, loaded once from ``extract/data``.

Everything here is built from the YAML tables so that adding an analyte or a unit spelling is a
data change, not a code change. Regex alternations are ordered longest first so that ``Li2O``
beats ``Li`` and ``grams per tonne`` beats ``g``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from oresight._data import package_yaml

# One-to-one character folding (keeps offsets): subscripts, dashes, spaces, odd symbols.
_FOLD_MAP: dict[str, str] = (
    {
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "‒": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
        "＠": "@", "’": "'", "‘": "'", "“": '"', "”": '"', "′": "'", "″": '"',
        "\r": "\n", "\t": " ", "*": " ", "ﬀ": "f", "\u00ad": "-", "\ufffe": " ",
    }
)
_FOLD_RE = re.compile("[" + "".join(re.escape(k) for k in _FOLD_MAP) + "]")


def _fold_one(m: re.Match[str]) -> str:
    return _FOLD_MAP[m.group()]


def fold(text: str) -> str:
    """Fold Unicode variants to ASCII one character for one, so offsets stay valid.

    A regex substitution of just the mapped characters: they are rare, so this is much faster on
    long page texts than ``str.translate``, which goes character by character outside ASCII."""
    if text.isascii() and "*" not in text and "\t" not in text and "\r" not in text:
        return text  # nothing to fold (most table cells and many pages)
    return _FOLD_RE.sub(_fold_one, text)


@cache
def _load(name: str) -> dict[str, Any]:
    return package_yaml("oresight.extract", name)


def _alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first; a space matches any run of blanks."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"[\s-]*".join(re.escape(p) for p in w.split(" ")) for w in uniq)


def _first_chars(words: list[str], fold_case: bool = True) -> str:
    """A lookahead for the first characters of the words (both cases)."""
    chars = {w[0] for w in words if w}
    if fold_case:
        chars |= {c.lower() for c in chars} | {c.upper() for c in chars}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _formula(symbol: str) -> str:
    """A symbol as a regex; inside a chemical formula one space or line break may stand at a subscript."""
    parts = r"\s*".join(re.escape(p) for p in symbol.split(" "))
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*", symbol):
        parts = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", r"[ \\n]?", parts)
    return parts


@dataclass(frozen=True)
class Lexicon:
    analyte_commodity: dict[str, str]
    symbol_to_analyte: dict[str, str]  # exact-case symbol -> analyte
    word_to_analyte: dict[str, str]  # lower-case word -> analyte
    unit_alias: dict[str, str]  # lower-case spelling -> canonical unit
    length_factor: dict[str, float]  # lower-case spelling -> metres per unit
    tonnage_factor: dict[str, float]  # spelling (case kept) -> tonnes per unit
    contained: dict[str, tuple[str, float]]  # spelling -> (base unit, factor)
    category_alias: dict[str, str]
    code_alias: dict[str, str]
    commodity_words: dict[str, list[str]]
    bare_units: dict[str, str]  # analyte -> the unit a header naming only the analyte means

    # compiled alternations
    analyte_re: str
    unit_re: str
    length_re: str
    tonnage_re: str
    contained_re: str
    category_re: str
    code_re: str

    def analyte(self, token: str) -> str | None:
        t = re.sub(r"\s+", " ", fold(token).strip())
        if t in self.symbol_to_analyte:
            return self.symbol_to_analyte[t]
        compact = t.replace(" ", "")
        if compact in self.symbol_to_analyte:
            return self.symbol_to_analyte[compact]
        low = t.lower()
        return self.word_to_analyte.get(low) or self.word_to_analyte.get(re.sub(r"\s*-\s*", " ", low))

    def unit(self, token: str) -> str | None:
        t = re.sub(r"\s+", " ", fold(token).strip()).lower()
        return self.unit_alias.get(t) or self.unit_alias.get(t.replace(" ", ""))

    def length(self, token: str) -> float | None:
        t = re.sub(r"\s+", " ", fold(token).strip()).lower()
        return self.length_factor.get(t)

    def tonnage(self, token: str) -> float | None:
        t = re.sub(r"\s+", " ", fold(token).strip())
        return self.tonnage_factor.get(t) or self.tonnage_factor.get(t.lower())

    def contained_unit(self, token: str) -> tuple[str, float] | None:
        t = re.sub(r"\s+", " ", fold(token).strip())
        return self.contained.get(t) or self.contained.get(t.lower())

    def category(self, token: str) -> str | None:
        t = re.sub(r"\s+", " ", fold(token).strip()).lower().rstrip(":")
        return self.category_alias.get(t)

    def code(self, token: str) -> str | None:
        t = re.sub(r"\s+", " ", fold(token).strip()).lower()
        return self.code_alias.get(t)

    def commodity(self, analyte: str) -> str:
        return self.analyte_commodity.get(analyte, analyte)


@cache
def lexicon() -> Lexicon:
    an = _load("analytes.yaml")
    un = _load("units.yaml")
    analyte_commodity: dict[str, str] = {}
    symbol_to_analyte: dict[str, str] = {}
    word_to_analyte: dict[str, str] = {}
    for canon, spec in an["analytes"].items():
        canon = str(canon)
        analyte_commodity[canon] = str(spec["commodity"])
        symbol_to_analyte[canon] = canon
        for s in spec.get("symbols", []):
            symbol_to_analyte[str(s)] = canon
            symbol_to_analyte[str(s).replace(" ", "")] = canon
        for w in spec.get("words", []):
            word_to_analyte[str(w).lower()] = canon
    # headlines in capitals ("13M @ 3.95G/T AU"): the upper-case form of a symbol, unless it is another's
    for sym, canon in list(symbol_to_analyte.items()):
        upper = sym.upper()
        if upper != sym and upper not in symbol_to_analyte and len(upper) >= 2:
            symbol_to_analyte[upper] = canon
    unit_alias = {str(a).lower(): str(c) for c, al in un["grade_units"].items() for a in al}
    length_factor = {
        str(w).lower(): float(spec["factor"]) for spec in un["length_units"].values() for w in spec["words"]
    }
    tonnage_factor: dict[str, float] = {}
    for spec in un["tonnage_units"].values():
        for w in spec["words"]:
            tonnage_factor[str(w)] = float(spec["factor"])
    contained: dict[str, tuple[str, float]] = {}
    for spec in un["contained_units"].values():
        for w in spec["words"]:
            contained[str(w)] = (str(spec["base"]), float(spec["factor"]))
    category_alias = {str(a).lower(): str(c) for c, al in un["categories"].items() for a in al}
    code_alias = {str(a).lower(): str(c) for c, al in un["reporting_codes"].items() for a in al}
    commodity_words = {str(k): [str(x) for x in v] for k, v in an["commodity_words"].items()}

    symbols = [s for s in symbol_to_analyte]
    words = list(word_to_analyte)
    # Symbols are case-sensitive and must not run into a following letter/digit (Au, not Aug).
    # PDF text often breaks a formula at its subscripts ("Li2\nO", "U 3 O 8"): allow one blank there.
    sym_alt = "|".join(_formula(w) for w in sorted(set(symbols), key=lambda w: (-len(w), w)))
    word_alt = _alt(words)
    # a footnote marker may stick to a symbol ("ZnEq1", "Au*"): it is allowed, not captured as the symbol
    analyte_re = rf"(?:(?:{sym_alt})(?![A-Za-z]|\d[\dA-Za-z.,])|(?i:(?:{word_alt}))(?![A-Za-z]))"
    # each alternation is guarded by a class of its possible first characters: most numbers in a page
    # are followed by something else, and the guard rejects them without trying every spelling
    unit_re = rf"(?i:{_first_chars(list(unit_alias))}(?:{_alt(list(unit_alias))}))"
    length_re = rf"(?i:{_first_chars(list(length_factor))}(?:{_alt(list(length_factor))}))"
    tonnage_re = rf"(?:{_first_chars(list(tonnage_factor), fold_case=True)}(?:{_alt(list(tonnage_factor))}))"
    contained_re = rf"(?:{_alt(list(contained))})"
    category_re = rf"(?i:(?:{_alt(list(category_alias))}))"
    code_re = rf"(?i:(?:{_alt(list(code_alias))}))"
    return Lexicon(
        analyte_commodity=analyte_commodity,
        symbol_to_analyte=symbol_to_analyte,
        word_to_analyte=word_to_analyte,
        unit_alias=unit_alias,
        length_factor=length_factor,
        tonnage_factor=tonnage_factor,
        contained=contained,
        category_alias=category_alias,
        code_alias=code_alias,
        commodity_words=commodity_words,
        bare_units={str(k): str(v) for k, v in un.get("bare_column_units", {}).items()},
        analyte_re=analyte_re,
        unit_re=unit_re,
        length_re=length_re,
        tonnage_re=tonnage_re,
        contained_re=contained_re,
        category_re=category_re,
        code_re=code_re,
    )


# thousands with commas, a decimal comma (European releases: "12,30 m @ 0,92 % Ni"), plain decimals
NUMBER_RE = r"(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![,\d])|\d+,\d{1,2}(?![\d,])|0,\d+(?![\d,])|\d+(?:\.\d+)?|\.\d+)"


def parse_number(text: str) -> float | None:
    """``"1,234.5"`` -> 1234.5; None when it is not a plain number."""
    t = fold(text).strip().replace(" ", "")
    t = t.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}|0,\d+", t) else t.replace(",", "")
    if t.startswith("<") or t.startswith(">"):
        return None
    try:
        return float(t)
    except ValueError:
        return None
