"""A realistic busy ASX day for the benchmark: ``busy_day(n=2000, seed=0) -> list[DayItem]``.

Feed it to :class:`oresight.testing.fake_asx.FakeASX` (``replay(items, speed)`` or ``replay_all_now(items)``).

Documents: every announcement of ``samples/corpus``, ``samples/holdout``, ``samples/holdout2``,
``samples/assess`` and ``samples/novelty``. PDFs are used as they are; ``.txt``/``.md``/``.html`` documents
are rendered to plain text PDFs with reportlab (the text as Oresight reads it, Courier 8 pt, A4), cached
under ``var/bench/pdf/`` with an ``index.json`` of each document's headline, ticker, type and whether it is
image-only, so a second call is fast. Every item's PDF gets its own trailing comment ``%oresight-day-<i>``
after ``%%EOF`` (pypdfium2 opens such files unchanged), so repeats of a document have distinct bytes (the
pipeline de-duplicates by content hash) as well as distinct documentKeys.

* **Headline**: the first meaningful line of page 1 (letterhead, "ASX announcement", ABN and date lines
  skipped), else the document's title. **Ticker**: the label's ASX ticker (``<id>.expected.json``), else
  an ``ASX: XYZ`` code in the text, else a 3-letter code derived from the file name.
* **Mix** (:data:`MIX`, shares of the items that are not image-only), by the document's assessment type
  (``<id>.assess.json``; the novelty set, which has none, counts as drilling-style results): roughly a
  real ASX day, where routine filings (Appendix 2A/3B/3Y, substantial-holder notices, cleansing notices)
  are the largest group and results releases a minority. Documents repeat (there are 13 routine
  samples for ~800 routine items); picks cycle through a shuffled pool, so every document of a type is
  used before one repeats.
* **Image-only PDFs**: :data:`OCR_SHARE` (1%) of the items are documents whose pages have no text layer
  (in the samples: ``corpus/ybg-002.pdf``, whose first page is an image); the rest are text PDFs.
* **Times**: offsets in seconds from 07:30 AEST over a 12-hour day (:data:`DAY_SECONDS`): 35% in the
  pre-open burst 07:30-10:00, 55% during trading 10:00-16:30, 10% after the close; newest last.
* **Price sensitivity**: per type (:data:`PRICE_SENSITIVE`), ~40% overall.
* **PDF lag**: :data:`PDF_LAG_SHARE` (5%) of the items have their PDF 2-15 s after the headline.

Deterministic for a given ``(n, seed)``. Prints nothing.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from oresight.testing.fake_asx import DayItem

ROOT = Path(__file__).resolve().parents[1]
SETS = ("corpus", "holdout", "holdout2", "assess", "novelty")
CACHE = ROOT / "var" / "bench" / "pdf"
RENDER_VERSION = 6

DAY_SECONDS = 12 * 3600
MIX: dict[str, float] = {
    "routine": 0.40,
    "other": 0.13,  # presentations, programme updates, corporate updates, exploration targets
    "capital_raise": 0.07,
    "trading_halt": 0.05,
    "quarterly": 0.05,
    "acquisition": 0.03,
    "drilling": 0.17,
    "resource": 0.04,
    "study": 0.03,
    "metallurgy": 0.03,
}
PRICE_SENSITIVE: dict[str, float] = {
    "routine": 0.02, "other": 0.15, "capital_raise": 0.85, "trading_halt": 1.0, "quarterly": 0.4,
    "acquisition": 0.8, "drilling": 0.9, "resource": 0.95, "study": 0.95, "metallurgy": 0.8,
}
OCR_SHARE = 0.01
PDF_LAG_SHARE = 0.05
_WINDOWS = ((0.35, 0, 9000), (0.55, 9000, 32400), (0.10, 32400, DAY_SECONDS))  # share, start, end (s)

_SUFFIXES = {".pdf", ".txt", ".md", ".html"}
_ASX = re.compile(r"\bASX\s*(?:code)?\s*[:\-]\s*([A-Z][A-Z0-9]{2})\b")
_LETTERHEAD = re.compile(
    r"\bASX\s*(?:[:\-]|code|announcement|release|limited|market)|^\W*ASX\W*$|\bABN\b|\bACN\b|\bTSX|\bOTC|"
    r"\bannouncement|\breleased?\b|^\W*(?:for immediate|media|news|by email)\b|^\d+\.\d+\s|"
    r"^\W*\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{4}\W*$|"
    r"(?:limited|ltd|corp(?:oration)?|inc|plc|nl)\.?\W*$",
    re.IGNORECASE,
)

_ADDRESS = re.compile(  # letter headers: addresses, addressees, dates with a weekday, form boilerplate
    r"\b\d+(?:-\d+)?\w? (?:[A-Z]\w+ ){1,3}(?:Street|St|Road|Rd|Terrace|Tce|Esplanade|Avenue|Ave|Parade|Place|Drive)\b|"
    r"\b(?:Level|Suite|PO Box|GPO Box)\s+\d|^(?:Mr|Ms|Mrs|Dr)\.? [A-Z]|^\d+\.\s|"
    r"Listings Compliance|^Corporations Act|\b(?:Limited|Ltd)\b\s*\(|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"\+securit|^Dear\b", re.IGNORECASE)
_STATE_POSTCODE = re.compile(r"\b(?:NSW|WA|VIC|QLD|SA|TAS|NT|ACT) \d{4}$")
_TABLE_ROW = re.compile(r"\S {3,}\S")
_ANNOUNCEMENT_PREFIX = re.compile(r"^ASX (?:Market )?Announcement\s*[—:–-]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class SampleDoc:
    """One sample announcement, ready to publish."""

    name: str  # <set>/<file name>
    pdf: Path  # the PDF (the original, or the cached rendering)
    headline: str
    ticker: str
    type: str
    image_only: bool


def busy_day(n: int = 2000, seed: int = 0, *, cache_dir: Path | None = None) -> list[DayItem]:
    """``n`` announcements of a busy day (see the module docstring), sorted by offset."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)
    docs = sample_documents(cache_dir)
    image_only = [d for d in docs if d.image_only]
    by_type: dict[str, list[SampleDoc]] = {}
    for d in docs:
        if not d.image_only:
            by_type.setdefault(d.type if d.type in MIX else "other", []).append(d)

    n_ocr = round(n * OCR_SHARE) if image_only else 0
    picks: list[SampleDoc] = _cycle(image_only, n_ocr, rng)
    counts = _apportion(n - n_ocr, {t: s for t, s in MIX.items() if by_type.get(t)})
    for kind, count in counts.items():
        picks += _cycle(by_type[kind], count, rng)
    rng.shuffle(picks)
    offsets = sorted(_offset(rng) for _ in picks)

    cache: dict[Path, bytes] = {}
    items = []
    for i, (doc, offset) in enumerate(zip(picks, offsets, strict=True)):
        data = cache.get(doc.pdf)
        if data is None:
            data = cache[doc.pdf] = doc.pdf.read_bytes()
        kind = doc.type if doc.type in MIX else "other"
        items.append(DayItem(
            offset=offset, headline=doc.headline, symbol=doc.ticker, pdf=distinct(data, i),
            price_sensitive=rng.random() < PRICE_SENSITIVE[kind], types=_asx_types(kind, doc.headline),
            document_key=f"{2900 + seed % 100:04d}-{i + 1:08d}-3A{rng.randrange(10**6, 10**7)}",
            pdf_delay=rng.uniform(2.0, 15.0) if rng.random() < PDF_LAG_SHARE else 0.0))
    return items


def distinct(pdf: bytes, i: int) -> bytes:
    """The PDF with a trailing comment after ``%%EOF``: the same document, different bytes."""
    return pdf + (b"" if pdf.endswith(b"\n") else b"\n") + f"%oresight-day-{i}\n".encode()


def sample_documents(cache_dir: Path | None = None) -> list[SampleDoc]:
    """Every sample announcement as a PDF with its headline, ticker and type (cached; see module docstring)."""
    cache = cache_dir or CACHE
    cache.mkdir(parents=True, exist_ok=True)
    index_path = cache / "index.json"
    try:
        index = json.loads(index_path.read_text())
        if index.get("version") != RENDER_VERSION:
            index = {}
    except (OSError, ValueError):
        index = {}
    entries: dict[str, dict[str, object]] = index.get("docs", {}) if isinstance(index.get("docs"), dict) else {}
    out: list[SampleDoc] = []
    changed = False
    for set_name in SETS:
        for path in sorted((ROOT / "samples" / set_name).iterdir()):
            if path.suffix not in _SUFFIXES or not path.is_file():
                continue
            name = f"{set_name}/{path.name}"
            stat = path.stat()
            stamp = f"{stat.st_mtime_ns}:{stat.st_size}"
            entry = entries.get(name)
            pdf = path if path.suffix == ".pdf" else cache / f"{set_name}__{path.stem}.pdf"
            if entry is None or entry.get("stamp") != stamp or not pdf.exists():
                entry = _describe(path, pdf)
                entry["stamp"] = stamp
                entries[name] = entry
                changed = True
            out.append(SampleDoc(name, pdf, str(entry["headline"]), str(entry["ticker"]), str(entry["type"]),
                                 bool(entry["image_only"])))
    if changed:
        tmp = index_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": RENDER_VERSION, "docs": entries}, indent=1, sort_keys=True))
        tmp.replace(index_path)
    return out


# -- one document ---------------------------------------------------------------------------------------


def _describe(path: Path, pdf: Path) -> dict[str, object]:
    """Headline, ticker, type and image-only flag of a sample; renders it to ``pdf`` if it is not one."""
    from oresight.documents import Limits, read_path

    doc = read_path(path, Limits(ocr=False))
    pages = [p.text for p in doc.pages]
    headline = _headline(pages[0] if pages else "", doc.title, path)
    if path.suffix != ".pdf":
        _render(pages, headline, pdf, monospace=path.suffix == ".txt")
    image_only = path.suffix == ".pdf" and any(len(t.strip()) < 20 for t in pages)
    return {"headline": headline, "ticker": _ticker(path, doc.text), "type": _type(path),
            "image_only": image_only}


def _headline(first_page: str, title: str, path: Path) -> str:
    """The document's title (Markdown/HTML heading) or the first line of page 1 that reads like a headline
    (with its wrapped continuation lines)."""
    lines = [title, *first_page.splitlines()]
    for i, raw in enumerate(lines):
        line = _ANNOUNCEMENT_PREFIX.sub("", _clean(raw))
        if (len(line.split()) < 3 or len(line) > 200 or not (line[0].isupper() or line[0].isdigit() or line[0] in "$'\"")
                or line.endswith((",", ";", ":", ".")) or _TABLE_ROW.search(raw.strip())
                or _LETTERHEAD.search(line) or _ADDRESS.search(line) or _STATE_POSTCODE.search(line)):
            continue
        for more in lines[i + 1:i + 2] if i else []:
            more = _clean(more)
            if not more or not more[0].islower() or len(line) + len(more) > 200:
                break
            line = f"{line} {more}"
        return line
    return " ".join(title.split()) or path.stem


def _clean(raw: str) -> str:
    return " ".join(raw.replace("**", "").replace("__", "").strip(" #>*-•_|\t").split())


def _ticker(path: Path, text: str) -> str:
    label = path.with_name(path.stem + ".expected.json")
    if label.exists():
        companies = json.loads(label.read_text()).get("companies") or []
        asx = [c["ticker"] for c in companies if c.get("exchange") == "ASX" and c.get("ticker")]
        if asx:
            return str(asx[0]).upper()
    m = _ASX.search(text)
    if m:
        return m.group(1)
    prefix = re.match(r"[a-z]{3}(?=-\d)", path.stem)
    if prefix and path.parent.name == "corpus":
        return prefix.group(0).upper()
    digest = hashlib.sha1(path.name.encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:3])


def _type(path: Path) -> str:
    label = path.with_name(path.stem + ".assess.json")
    if label.exists():
        return str(json.loads(label.read_text()).get("type") or "other")
    return "drilling"  # the novelty set: results releases, re-announcements, recaps


def _render(pages: list[str], title: str, out: Path, *, monospace: bool) -> None:
    """A plain text PDF of ``pages`` (byte-stable: reportlab's invariant mode)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font, size, leading = ("Courier", 8.0, 10.0) if monospace else ("Helvetica", 9.0, 11.5)
    width, height = A4
    margin = 48.0
    c = canvas.Canvas(str(out.with_suffix(".tmp")), pagesize=A4, invariant=True)
    c.setTitle(title)
    c.setAuthor("oresight bench")
    for text in pages or [""]:
        y = height - margin
        c.setFont(font, size)
        for raw in text.splitlines() or [""]:
            for line in simpleSplit(raw.rstrip().replace("\t", "    "), font, size, width - 2 * margin) or [""]:
                if y < margin:
                    c.showPage()
                    c.setFont(font, size)
                    y = height - margin
                c.drawString(margin, y, line)
                y -= leading
        c.showPage()
    c.save()
    out.with_suffix(".tmp").replace(out)


def _apportion(total: int, shares: dict[str, float]) -> dict[str, int]:
    """``total`` split by ``shares`` (largest remainders, so the counts add up exactly)."""
    if not shares or total <= 0:
        return {k: 0 for k in shares}
    norm = sum(shares.values())
    exact = {k: total * s / norm for k, s in shares.items()}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def _cycle(pool: list[SampleDoc], count: int, rng: random.Random) -> list[SampleDoc]:
    """``count`` picks from ``pool``: each document once per round, in a fresh random order every round."""
    out: list[SampleDoc] = []
    while pool and len(out) < count:
        round_ = list(pool)
        rng.shuffle(round_)
        out += round_[: count - len(out)]
    return out


def _offset(rng: random.Random) -> float:
    r = rng.random()
    for share, start, end in _WINDOWS:
        if r < share:
            return rng.uniform(start, end)
        r -= share
    return rng.uniform(_WINDOWS[-1][1], _WINDOWS[-1][2])


_ROUTINE_TYPES = (
    (re.compile(r"appendix 2a|quotation of securities", re.I), "Application for quotation of securities"),
    (re.compile(r"appendix 3b|proposed issue", re.I), "Proposed issue of securities"),
    (re.compile(r"appendix 3g|notification of issue", re.I), "Notification of issue, conversion or payment up"),
    (re.compile(r"appendix 3[xyz]|director'?s'? interest", re.I), "Change of Director's Interest Notice"),
    (re.compile(r"substantial (?:holder|holding)|form 60[345]", re.I), "Change in substantial holding"),
    (re.compile(r"cleansing|708a", re.I), "Cleansing Notice"),
    (re.compile(r"\bagm\b|general meeting", re.I), "Results of Meeting"),
)
_KIND_TYPES: dict[str, tuple[str, ...]] = {
    "drilling": ("Progress Report",), "resource": ("Progress Report",), "study": ("Progress Report",),
    "metallurgy": ("Progress Report",), "acquisition": ("Asset Acquisition & Disposal",),
    "capital_raise": ("Placement",), "quarterly": ("Quarterly Activities Report", "Quarterly Cash Flow Report"),
    "trading_halt": ("Trading Halt",), "routine": ("Other",), "other": ("Other",),
}


def _asx_types(kind: str, headline: str) -> tuple[str, ...]:
    """Plausible ASX ``announcementTypes`` for an item of this kind and headline."""
    if kind == "routine":
        for pattern, name in _ROUTINE_TYPES:
            if pattern.search(headline):
                return (name,)
    if kind == "trading_halt" and re.search(r"reinstat|resum", headline, re.I):
        return ("Reinstatement to Official Quotation",)
    if kind == "other" and re.search(r"presentation|conference|webinar", headline, re.I):
        return ("Company Presentation",)
    return _KIND_TYPES.get(kind, ("Other",))
