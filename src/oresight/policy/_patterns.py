"""Quantities, money and dates in statement text: patterns built from the cue data, and their parsing.

Every pattern is linear in the text (alternations of literals, bounded repetitions). Parsing returns None when
unsure, never raises.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from oresight.extract.lexicon import NUMBER_RE, parse_number
from oresight.policy._data import cues

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "thirty": 30, "sixty": 60,
                 "ninety": 90, "a": 1, "an": 1}
_NUM_WORD = r"(?:\d{1,3}|" + "|".join(k for k in _WORD_NUMBERS if len(k) > 2) + r")"


def _alt(words: list[str] | dict[str, object], escape: bool = True) -> str:
    uniq = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in uniq)


def number(text: str) -> float | None:
    return parse_number(text)


# ---------------------------------------------------------------- money


@dataclass(frozen=True, slots=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    per: str | None  # a price's unit ("kg", "t", "lb"), None for an amount


@cache
def _money() -> tuple[re.Pattern[str], re.Pattern[str]]:
    c = cues()
    cur = c["currencies"]
    symbols = [k for k in cur if not k.isalpha() or k[:1].isupper()]  # "$", "A$", "USD", "RMB", "Rs": before the number
    words = [k for k in cur if k.isalpha() and not k[:1].isupper()]  # "yuan", "roubles": after it
    scales = _alt(list(c["scales"]))
    per = _alt(list(c["price_units"]))
    tail = rf"(?:(?:\s?/\s?|\s(?:per|a|an)\s)(?P<per>{per})(?![A-Za-z]))?"
    prefix = re.compile(
        rf"(?<![A-Za-z0-9])(?P<cur>{_alt(symbols)})\s?(?P<num>{NUMBER_RE})(?:\s?-?(?P<scale>{scales})(?![A-Za-z]))?{tail}",
        re.IGNORECASE)
    suffix = re.compile(
        rf"(?<![\w.,])(?P<num>{NUMBER_RE})\s?(?:(?P<scale>{scales})\s)?(?P<cur>{_alt(words)}|{_alt([s for s in symbols if s.isalpha()])})"
        rf"(?![A-Za-z]){tail}",
        re.IGNORECASE)
    return prefix, suffix


def find_money(text: str) -> list[Money]:
    """Amounts of money (``¥2 billion``, ``A$50m``, ``10 billion roubles``) and prices (``US$60/kg``)."""
    c = cues()
    codes = {k.lower(): v for k, v in c["currencies"].items()}
    scales = {k.lower(): float(v) for k, v in c["scales"].items()}
    out: list[Money] = []
    taken: list[tuple[int, int]] = []
    for pattern in _money():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = number(m.group("num"))
            if value is None:
                continue
            scale = (m.group("scale") or "").lower()
            factor = scales.get(scale, 1.0)
            currency = codes.get(m.group("cur").lower(), m.group("cur").upper())
            per = m.group("per").lower() if m.group("per") else None
            out.append(Money(m.start(), m.end(), value * factor, currency, per))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda x: x.start)
    return out


# ---------------------------------------------------------------- tonnages, rates, percentages


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float  # tonnes (per year when ``rate``), or percent
    unit: str  # "t", "t/y" or "%"
    qualifier: str | None


@cache
def _quantities() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    c = cues()
    quals = _alt(c["qualifiers"])
    tonnages = _alt(list(c["tonnages"]))
    cap = c["items"]["capacity"]
    rate = "|".join(f"(?:{r})" for r in cap["rate"])
    per_year = "|".join(f"(?:{r})" for r in cap["per_year"])
    head = rf"(?:(?P<qual>{quals})\s)?(?<![\w.,])(?P<num>{NUMBER_RE})\s?(?:(?P<scale>million|mln|mn|billion|bln|bn|thousand)\s?)?"
    tonnage = re.compile(
        head + rf"(?:(?P<rate>{rate})(?![A-Za-z])|(?P<unit>{tonnages})(?![A-Za-z/])"
        rf"(?:\s?(?:of\s(?:[A-Za-z-]+\s){{0,5}}?)?(?P<per>{per_year}))?)",
        re.IGNORECASE)
    percent = re.compile(rf"(?:(?P<qual>{quals})\s)?(?<![\w.,])(?P<num>{NUMBER_RE})\s?(?:%|per ?cent\b|percent\b)", re.IGNORECASE)
    capacity_of = re.compile(rf"\bcapacit(?:y|ies) of\s(?:up to\s)?(?P<num>{NUMBER_RE})\s?(?:(?P<scale>million|thousand)\s)?(?P<unit>{tonnages})(?![A-Za-z])",
                             re.IGNORECASE)
    return tonnage, percent, capacity_of


_SCALE = {"million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "thousand": 1e3}


def _unit_factor(unit: str) -> float:
    table = cues()["tonnages"]
    for k, v in table.items():
        if k == unit:
            return float(v)
    low = unit.lower()
    if low in ("mt", "mtpa", "mt/y", "mt/yr", "mt/a", "mtpy"):
        return 1e6
    if low.startswith("kt"):
        return 1e3
    if low.startswith("bt"):
        return 1e9
    return 1.0


def find_tonnages(text: str) -> list[Quantity]:
    """Tonnages (``28.7 million tonnes``, ``3.8 Mt``) and rates (``5,000 t/y``, ``10 ktpa``, ``12,000 tonnes of
    oxides a year``), in tonnes and tonnes a year."""
    tonnage, _, capacity_of = _quantities()
    out: list[Quantity] = []
    for m in tonnage.finditer(text):
        value = number(m.group("num"))
        if value is None:
            continue
        value *= _SCALE.get((m.group("scale") or "").lower(), 1.0)
        if m.group("rate"):
            r = m.group("rate").lower().replace(" ", "")
            unit_part = re.match(r"(mt|kt|bt|t)", r)
            value *= _unit_factor(unit_part.group(1) if unit_part and r[:2] in ("mt", "kt", "bt") else "t")
            if "day" in r or r in ("tpd", "t/d"):
                value *= 365
            out.append(Quantity(m.start(), m.end(), value, "t/y", m.group("qual")))
            continue
        value *= _unit_factor(m.group("unit"))
        per = m.group("per")
        if per and "day" in per.lower():
            value *= 365
        out.append(Quantity(m.start(), m.end(), value, "t/y" if per else "t", m.group("qual")))
    for m in capacity_of.finditer(text):
        if any(q.start <= m.start("num") < q.end for q in out if q.unit == "t/y"):
            continue
        value = number(m.group("num"))
        if value is None:
            continue
        value *= _SCALE.get((m.group("scale") or "").lower(), 1.0) * _unit_factor(m.group("unit"))
        out = [q for q in out if q.start != m.start("num")]
        out.append(Quantity(m.start("num"), m.end(), value, "t/y", None))
    out.sort(key=lambda q: q.start)
    return out


def find_percents(text: str) -> list[Quantity]:
    _, percent, _ = _quantities()
    out = []
    for m in percent.finditer(text):
        value = number(m.group("num"))
        if value is not None and 0 < value <= 100:
            out.append(Quantity(m.start(), m.end(), value, "%", m.group("qual")))
    return out


# ---------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: str  # date, month, quarter, year, range, relative
    due: date | None  # the last day the mention allows (None for a relative mention without a base date)
    text: str
    relative: tuple[int, str] | None = None  # (count, unit) of "within 3 months"


_FULL = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m1>{_MONTH}),?\s(?P<y1>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH})\s(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y2>\d{{4}})\b"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
    r"|\b(?P<d4>\d{1,2})[./](?P<m4>\d{1,2})[./](?P<y4>\d{4})\b",
    re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\s(?:of\s)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_QUARTER = re.compile(
    r"\b(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q|H(?P<h1>[12]))\s?(?:of\s)?'?(?P<y1>(?:19|20)\d\d|\d\d)\b"
    r"|\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s(?P<part>quarter|half)\s(?:of\s)?(?:the\s)?(?:year\s)?(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE)
_RANGE = re.compile(r"\b(?P<a>(?:19|20)\d\d)\s?(?:-|to|/)\s?(?P<b>(?:19|20)\d\d|\d\d)\b(?![-/]\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w$.,/-])(?P<y>(?:19|20)\d\d)(?![\w%/-]|\.\d|,\d)"
                   r"(?!\s?(?:t|tonnes?|tons?|kt|mt|per|m|km|kg|ha|hectares|million|billion|thousand|people|jobs|workers|units)\b)",
                   re.IGNORECASE)
_RELATIVE = re.compile(
    rf"\b(?:within\s(?:the\s)?(?:next\s|coming\s|following\s)?(?P<n>{_NUM_WORD}|an?)"
    rf"|(?:in|over)\s(?:the\s)?(?:next\s|coming\s|following\s)?(?P<n2>{_NUM_WORD}))"
    r"\s(?:calendar\s|working\s|business\s)?(?P<u>days?|weeks?|months?|years?)\b",
    re.IGNORECASE)
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add(base: date, n: int, unit: str) -> date:
    if unit.startswith("day"):
        return base + timedelta(days=n)
    if unit.startswith("week"):
        return base + timedelta(weeks=n)
    months = n if unit.startswith("month") else 12 * n
    y, m = divmod(base.month - 1 + months, 12)
    year, month = base.year + y, m + 1
    return date(year, month, min(base.day, calendar.monthrange(year, month)[1]))


def find_dates(text: str, base: date | None = None) -> list[DateMention]:
    """Dates, months, quarters, halves, years, year ranges and relative periods ("within three months"),
    each with the last day it allows (``base``: the statement's date, for relative periods)."""
    out: list[DateMention] = []

    def free(s: int, e: int) -> bool:
        return not any(d.start < e and s < d.end for d in out)

    for m in _FULL.finditer(text):
        try:
            if m.group("y1"):
                d = date(int(m.group("y1")), MONTHS[m.group("m1").lower().rstrip(".")], int(m.group("d1")))
            elif m.group("y2"):
                d = date(int(m.group("y2")), MONTHS[m.group("m2").lower().rstrip(".")], int(m.group("d2")))
            elif m.group("y3"):
                d = date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
            else:
                d = date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
        except (ValueError, KeyError):
            continue
        out.append(DateMention(m.start(), m.end(), "date", d, m.group()))
    for m in _QUARTER.finditer(text):
        if not free(m.start(), m.end()):
            continue
        y = m.group("y1") or m.group("y2")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if m.group("q1") or m.group("q2"):
            end_month = 3 * int(m.group("q1") or m.group("q2"))
        elif m.group("h1"):
            end_month = 6 * int(m.group("h1"))
        else:
            k = _ORD[m.group("ord").lower()]
            end_month = (3 * k) if m.group("part").lower() == "quarter" else (6 * k if k <= 2 else 12)
        out.append(DateMention(m.start(), m.end(), "quarter", _month_end(year, end_month), m.group()))
    for m in _MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            out.append(DateMention(m.start(), m.end(), "month",
                                   _month_end(int(m.group("y")), MONTHS[m.group("m").lower().rstrip(".")]), m.group()))
    for m in _RANGE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b = int(m.group("a")), m.group("b")
        end_year = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if end_year < a:
            continue
        out.append(DateMention(m.start(), m.end(), "range", date(end_year, 12, 31), m.group()))
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end()):
            out.append(DateMention(m.start(), m.end(), "year", date(int(m.group("y")), 12, 31), m.group()))
    for m in _RELATIVE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        raw = (m.group("n") or m.group("n2")).lower()
        n = int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw, 0)
        if n <= 0:
            continue
        unit = m.group("u").lower()
        out.append(DateMention(m.start(), m.end(), "relative", _add(base, n, unit) if base else None, m.group(),
                               (n, unit)))
    out.sort(key=lambda d: d.start)
    return out
