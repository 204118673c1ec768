"""The issuing company, its ticker and exchange: "Kestrel Gold Limited (ASX: KGL)", "(TSXV: XYZ; OTCQB: XYZFF)"."""

from __future__ import annotations

import re

from oresight.extract.lexicon import fold
from oresight.model import Company, Span

EXCHANGES: dict[str, str] = {
    "asx": "ASX", "asx code": "ASX", "tsxv": "TSXV", "tsx-v": "TSXV", "tsx.v": "TSXV", "tsx venture": "TSXV",
    "tsx": "TSX", "cse": "CSE", "nyse american": "NYSE American", "nyse": "NYSE", "nasdaq": "NASDAQ",
    "otcqb": "OTCQB", "otcqx": "OTCQX", "otc": "OTC", "otc pink": "OTC", "aim": "AIM", "lse": "LSE", "jse": "JSE",
    "fse": "FSE", "frankfurt": "FSE", "fra": "FSE", "nzx": "NZX", "hkex": "HKEX",
}
_EX_ALT = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in EXCHANGES), key=len, reverse=True))
TICKER_RE = re.compile(rf"(?<![A-Za-z])(?P<ex>{_EX_ALT})(?:\s+code)?\s*[:\-]?\s*(?P<tk>[A-Z][A-Z0-9]{{0,5}}(?:\.[A-Z])?)\b",
                       re.IGNORECASE)
_GROUP_SEP = re.compile(r"^\s*(?:[;,|/]|and)?\s*$")
_NAME_RE = re.compile(
    r"((?:[A-Z][A-Za-z0-9&'\-.]*\s+){0,5}?(?:[A-Z][A-Za-z0-9&'\-.]*\s+)*"
    r"(?:Limited|Ltd\.?|Inc\.?|Incorporated|Corp\.?|Corporation|plc|PLC|NL|Pty\s+Ltd|LLC|S\.A\.|AG|Group|"
    r"Resources|Mining|Metals|Minerals|Gold|Lithium|Exploration|Energy|Uranium|Nickel|Copper|Silver))"
    r"\s*[,(]?\s*$"
)


def find_companies(text: str, page: int = 1) -> list[Company]:
    """The issuer's listings (the first group of tickers), then nothing else.

    Tickers of other companies quoted in the text are not the issuer; the first group on the page
    (``(ASX: ABC, OTCQB: ABCDF)``) is taken as the issuer's, the convention of every announcement."""
    folded = fold(text)
    matches = [m for m in TICKER_RE.finditer(folded) if _plausible(m)]
    if not matches:
        return []
    group = [matches[0]]
    for m in matches[1:]:
        if _GROUP_SEP.match(folded[group[-1].end() : m.start()]):
            group.append(m)
        else:
            break
    name = _name_before(folded, group[0].start())
    out: list[Company] = []
    seen: set[tuple[str, str]] = set()
    for m in group:
        ex = EXCHANGES[re.sub(r"\s+", " ", m.group("ex").lower())]
        tk = m.group("tk").upper()
        if (tk, ex) in seen:
            continue
        seen.add((tk, ex))
        out.append(Company(name=name, ticker=tk, exchange=ex, span=Span(page, m.start(), m.end())))
    return out


def _plausible(m: re.Match[str]) -> bool:
    ex = m.group("ex")
    tk = m.group("tk")
    # "ASX" written in lower case inside prose ("the asx listing rules") is not a ticker
    if ex != ex.upper() and ex.lower() not in ("nasdaq", "frankfurt", "nyse american", "otc pink", "tsx venture"):
        return False
    if tk.upper() in {"LISTING", "ANNOUNCEMENT", "RELEASE", "CODE", "THE", "AND", "ON", "IN", "LISTED", "LIMITED"}:
        return False
    return tk == tk.upper()


def _name_before(text: str, pos: int) -> str | None:
    line_start = max(text.rfind("\n", 0, pos), pos - 120)
    chunk = text[line_start + 1 : pos]
    chunk = chunk.rstrip(" (")
    m = _NAME_RE.search(chunk + " ")
    if not m:
        return None
    name = re.sub(r"\s+", " ", m.group(1)).strip(" ,(")
    name = re.sub(r"^(?:The|About|Shares in|Board of)\s+", "", name)
    return name or None
