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
    if name is None:
        # the name may stand elsewhere: "Burra Creek Zinc Ltd (ASX: BZC)" in the body under a letterhead
        tk = group[0].group("tk").upper()
        for m in matches[1:]:
            if m.group("tk").upper() == tk:
                name = _name_before(folded, m.start())
                if name:
                    break
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


_OTHER_RE = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z&'\-]+(?:[ ]+[A-Z][A-Za-z&'\-]+){0,3}?)[ ]+"
    r"(?:Resources|Mining|Minerals|Metals|Gold|Lithium|Nickel|Copper|Uranium|Exploration|Limited|Ltd|Corporation|"
    r"Corp|Inc|plc|NL|Group)\b"
)
# first words that make a phrase, not a company ("Mineral Resources", "Indicated Resources", "Total Gold")
_NOT_A_NAME = frozenset(
    ["mineral", "indicated", "inferred", "measured", "total", "global", "ore", "the", "our", "its", "this", "these", "updated", "maiden", "current", "new", "previous", "estimated", "combined", "underground", "open", "company", "group", "jorc", "and", "of", "in", "for", "at", "on", "to", "from", "with", "by", "as", "significant", "high", "low", "contained", "exploration", "target", "australian", "western", "south", "north", "east", "west", "central", "project", "projects", "district", "province", "region", "belt", "greenstone", "basin", "tenement", "tenements", "shire", "state", "federal", "government", "department", "a", "an", "no", "further", "first", "second", "third", "drilling", "results", "result", "reported", "existing", "satisfactory", "resource", "resources", "reserve", "reserves", "precious", "base", "critical", "strategic", "battery", "native", "visible", "free", "fine", "coarse", "placer", "alluvial", "primary", "oxide", "fresh", "transitional", "supergene", "gold", "copper", "nickel", "lithium", "uranium", "silver", "zinc", "tin", "mining", "metals", "minerals"]
)


_SUFFIX = re.compile(
    r"\b(?:Resources|Mining|Minerals|Metals|Gold|Lithium|Nickel|Copper|Uranium|Exploration|Limited|Ltd|"
    r"Corporation|Corp|Inc|plc|NL|Group)\b"
)


def _other_names(text: str) -> list[re.Match[str]]:
    """Company-like names, found from their suffix back (suffixes are rare; capitalised words are not)."""
    out: list[re.Match[str]] = []
    last = -1
    for s in _SUFFIX.finditer(text):
        lo = max(0, s.start() - 90)
        for m in _OTHER_RE.finditer(text, lo, s.end()):
            if m.end() == s.end() and m.start() > last:
                out.append(m)
                last = m.end()
                break
    return out


def other_companies(text: str, issuer: Company | None) -> re.Pattern[str] | None:
    """Names of companies other than the issuer ("Cobbler Resources", then "Cobbler" alone), as one pattern.

    Results in a sentence that names another company are that company's, not the issuer's. The issuer
    is known by its name, by the letterhead (the text before its first ticker) and by its ticker's
    letters (a name whose initials are the ticker's letters is the issuer's)."""
    if issuer is None:
        return None
    issuer_words = {w.lower() for w in re.findall(r"[A-Za-z]+", issuer.name or "")}
    if issuer.span is not None and issuer.span.page == 1 and issuer.span.start < 400:
        issuer_words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text[: issuer.span.start])}
    ticker_letters = sorted(issuer.ticker.lower())
    names: set[str] = set()
    for m in _other_names(text):
        words = m.group("name").split()
        while words and words[0].lower() in _NOT_A_NAME:
            words = words[1:]
        if not words:
            continue
        first = words[0]
        if first.lower() in issuer_words or first.lower() in _NOT_A_NAME or len(first) < 4:
            continue
        full = m.group(0).split()
        if sorted(w[0].lower() for w in full if w.lower() not in ("ltd", "limited", "inc", "corp", "nl", "plc")) == \
                ticker_letters or sorted(w[0].lower() for w in words) == ticker_letters:
            continue
        names.add(first)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b")
