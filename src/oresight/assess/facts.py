"""Company facts the score needs: market capitalisation, shares on issue and cash (A$).

Three inputs, merged per ticker (a later, dated value wins):
- a CSV the user maintains: ``ticker, name, market_cap_aud, shares_on_issue, cash_aud, as_of`` (header names
  are matched loosely: ``code``/``asx code`` for the ticker, ``market cap``, ``shares``, ``cash``, ``date``);
- the ASX company directory CSV (``ASX code, Company name, GICs industry group, Listing date, Market Cap``,
  and the older ``ASXListedCompanies.csv`` whose first line is a title);
- the quarter-end cash of an Appendix 5B (item 4.6, "Cash and cash equivalents at end of period", A$'000).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from oresight.exceptions import BadInput
from oresight.extract.lexicon import fold
from oresight.model import Document, Evidence, Span


@dataclass(frozen=True, slots=True)
class CompanyFacts:
    ticker: str
    name: str | None = None
    market_cap: float | None = None  # A$
    shares_on_issue: float | None = None
    cash: float | None = None  # A$
    as_of: str | None = None  # ISO date of the figures, when known
    cash_as_of: str | None = None
    source: str = ""

    def to_json(self) -> dict[str, object]:
        return {"ticker": self.ticker, "name": self.name, "market_cap_aud": self.market_cap,
                "shares_on_issue": self.shares_on_issue, "cash_aud": self.cash, "as_of": self.as_of,
                "cash_as_of": self.cash_as_of, "source": self.source}


_ALIASES = {
    "ticker": ("ticker", "asx code", "code", "symbol", "asx_code"),
    "name": ("name", "company name", "company"),
    "market_cap": ("market_cap_aud", "market cap", "market_cap", "market capitalisation", "market capitalization", "mcap"),
    "shares": ("shares_on_issue", "shares on issue", "shares", "shares_outstanding"),
    "cash": ("cash_aud", "cash", "cash_and_equivalents"),
    "as_of": ("as_of", "date", "as at", "as_at"),
}


def _num(raw: str | None, where: str) -> float | None:
    if raw is None:
        return None
    s = re.sub(r"^(?:A|AU|AUD)?\$|[\s,]", "", raw.strip(), flags=re.IGNORECASE)
    if not s or s.upper() in ("NA", "N/A", "-", "NONE", "SUSPENDED"):
        return None
    m = re.fullmatch(r"([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d{1,3})?)(k|m|b|bn)?", s, re.IGNORECASE)
    if not m:
        raise BadInput(f"{where}: {raw!r} is not a number")
    mult = {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9}.get((m.group(2) or "").lower(), 1.0)
    value = float(m.group(1)) * mult
    if value < 0:
        raise BadInput(f"{where}: {raw!r} is negative")
    if not math.isfinite(value) or value >= 1e15:
        raise BadInput(f"{where}: {raw!r} is out of range")
    return value


def _iso(raw: str | None, where: str = "") -> str | None:
    """A date as ISO (YYYY-MM-DD) from ISO, DD/MM/YYYY (the ASX file) or "30 June 2025"; bad dates are bad input."""
    if not raw or not raw.strip():
        return None
    s = raw.strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return date.fromisoformat(s).isoformat()
    except ValueError:
        raise BadInput(f"{where}: {raw!r} is not a date") from None
    d = parse_date(s)
    if d is None:
        raise BadInput(f"{where}: {raw!r} is not a date (use YYYY-MM-DD)")
    return d.isoformat()


def read_facts(text: str, source: str = "facts.csv") -> list[CompanyFacts]:
    """Parse a company-facts CSV (the user's layout or the ASX directory layout)."""
    lines = text.lstrip("\ufeff").splitlines()
    # the old ASX file starts with a title line and a blank line before its header
    while lines and (not lines[0].strip() or lines[0].lower().startswith("asx listed companies")):
        lines.pop(0)
    if not lines:
        raise BadInput(f"{source}: no header row")
    body = "\n".join(lines)
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else "\t" if lines[0].count("\t") > lines[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(body), delimiter=delimiter)
    header = {(h or "").strip().lower(): h for h in (reader.fieldnames or [])}

    def col(key: str) -> str | None:
        return next((header[a] for a in _ALIASES[key] if a in header), None)

    tcol = col("ticker")
    if tcol is None:
        raise BadInput(f"{source}: no ticker column (expected one of {', '.join(_ALIASES['ticker'])})")
    cols = {k: col(k) for k in _ALIASES}
    out: list[CompanyFacts] = []
    for n, row in enumerate(reader, start=2):
        ticker = (row.get(tcol) or "").strip().upper()
        if not ticker:
            continue
        if not re.fullmatch(r"[A-Z0-9]{1,6}", ticker):
            raise BadInput(f"{source}:{n}: {ticker!r} is not a ticker")

        def get(k: str, row: dict[str, str] = row) -> str | None:
            c = cols[k]
            return row.get(c) if c else None

        where = f"{source}:{n}"
        as_of = _iso(get("as_of"), where)
        out.append(CompanyFacts(ticker, (get("name") or "").strip() or None, _num(get("market_cap"), where),
                                _num(get("shares"), where), _num(get("cash"), where), as_of,
                                as_of if get("cash") else None, source))
    return out


def load_facts(path: Path) -> list[CompanyFacts]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"{path}: cannot read: {str(e).splitlines()[0]}") from None
    return read_facts(text, path.name)


def merge(old: CompanyFacts | None, new: CompanyFacts) -> CompanyFacts:
    """New values replace old ones where given; an older-dated cash figure never replaces a newer one."""
    if old is None:
        return new
    cash, cash_as_of = old.cash, old.cash_as_of
    if new.cash is not None and (old.cash_as_of is None or new.cash_as_of is None or new.cash_as_of >= old.cash_as_of):
        cash, cash_as_of = new.cash, new.cash_as_of
    return replace(old, name=new.name or old.name,
                   market_cap=new.market_cap if new.market_cap is not None else old.market_cap,
                   shares_on_issue=new.shares_on_issue if new.shares_on_issue is not None else old.shares_on_issue,
                   cash=cash, cash_as_of=cash_as_of, as_of=new.as_of or old.as_of,
                   source=new.source if new.market_cap is not None else old.source)


def index(facts: Iterable[CompanyFacts]) -> dict[str, CompanyFacts]:
    out: dict[str, CompanyFacts] = {}
    for f in facts:
        out[f.ticker] = merge(out.get(f.ticker), f)
    return out


_MONTHS = {m: k for k, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"), start=1)}
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|"
                   r"november|december)\s*,?\s+(20\d\d)\b|\b(january|february|march|april|may|june|july|august|"
                   r"september|october|november|december)\s+(\d{1,2}),?\s+(20\d\d)\b|\b(20\d\d)-(\d\d)-(\d\d)(?!\d)",
                   re.IGNORECASE)

def parse_date(text: str) -> date | None:
    """The first date written as "28 May 2025", "May 28, 2025" or "2025-05-28" in the text."""
    for m in _DATE.finditer(text):
        try:
            if m.group(1):
                return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
            if m.group(4):
                return date(int(m.group(6)), _MONTHS[m.group(4).lower()], int(m.group(5)))
            return date(int(m.group(7)), int(m.group(8)), int(m.group(9)))
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------- Appendix 5B

_5B = re.compile(r"appendix\s+5b", re.IGNORECASE)
_CASH_END = re.compile(
    r"4\.6\s*\|?\s*cash\s+and\s+cash\s+equivalents\s+at\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:period|quarter)"
    r"[^\d(]{0,40}?(\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?|\(?\d{1,12}(?:\.\d+)?\)?)(?![\d,])",
    re.IGNORECASE)
_THOUSANDS = re.compile(r"\$\s?a\s?'?\s?000|a\$\s?'?000|\$'000|\(\$000\)|\$000", re.IGNORECASE)
_QUARTER_END = re.compile(r"quarter ended\s*\(?[\"“]?current quarter[\"”]?\)?\s*[:|]?\s*([0-9]{1,2}\s+\w+\s+\d{4}|\w+\s+\d{4})",
                          re.IGNORECASE)


def _month_end(text: str) -> date | None:
    m = re.match(r"\s*([a-z]+)\s+(20\d\d)", text, re.IGNORECASE)
    if not m or m.group(1).lower() not in _MONTHS:
        return None
    month, year = _MONTHS[m.group(1).lower()], int(m.group(2))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def appendix_5b_cash(document: Document) -> tuple[float, Evidence, str | None] | None:
    """The quarter-end cash of an Appendix 5B (A$): the "current quarter" column of item 4.6."""
    for page in document.pages:
        text = fold(page.text)
        if not _5B.search(text) and not any(_5B.search(fold(p.text)) for p in document.pages[:1]):
            continue
        m = _CASH_END.search(text)
        if not m:
            continue
        raw = m.group(1)
        value = float(raw.strip("()").replace(",", ""))
        thousands = bool(_THOUSANDS.search(fold(document.text))) or "'000" in fold(document.text)
        cash = value * 1000.0 if thousands else value
        q = _QUARTER_END.search(fold(document.text))
        quarter = parse_date(q.group(1)) if q else None
        if quarter is None and q:
            quarter = _month_end(q.group(1))
        return (cash, Evidence(" ".join(m.group(0).split())[:120], Span(page.number, m.start(), m.end())),
                quarter.isoformat() if quarter else None)
    return None
