"""PDF reader (PDFium through pypdfium2): page text, tables from word positions, OCR of image pages.

Cost model. PDFium's own text extraction (open, text page, ``get_text_range``) is the floor; this
reader adds only what is cheap on every page (one regex pass over the page text) and spends more
only where it pays: word boxes are read (two raw ``FPDFText_GetLooseCharBox`` calls per word, no
per-character Python objects) on pages whose text looks tabular, and pages are rendered for OCR
only when they hold an image and almost no text.

Offsets. Page text is PDFium's text with ``\\r\\n`` turned into ``\\n`` (and stray control
characters into same-length stand-ins); every span is mapped through that change, so
``page.text[span.start:span.end]`` is the text of the cell, from its first to its last character.
"""

from __future__ import annotations

import codecs
import ctypes
import functools
import logging
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from itertools import accumulate, islice, repeat
from operator import add, sub
from typing import Any, cast

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from oresight.documents import _ocr
from oresight.documents._common import Clock, Limits, check_pages, one_line, sha256
from oresight.documents._layout import PDF as PDF_GEOMETRY
from oresight.documents._layout import Found, Word, find_tables
from oresight.exceptions import CorruptDocument, EncryptedDocument
from oresight.model import Document, Page, Table

__all__ = ["read_pdf"]

log = logging.getLogger(__name__)

# PDFium is not thread-safe: one document at a time per process.
_PDFIUM_LOCK = threading.RLock()

# Two numbers side by side (on one line, or on consecutive lines when a table is drawn column by
# column): table rows are full of them, prose almost never has them.
# (The pattern starts with a character set so the regex engine scans for it quickly.)
_NUMBER_PAIR = re.compile(r"[0-9][ \t\r\n]+[-−<(]?[0-9]")
_MIN_PAIRS = 6  # pairs on a page that may hold a table (counted up to this many, no further)
# Tables are rebuilt where one could hold a result: a grade or tonnage unit on the page, or a table
# continued from the previous page. A page of collar coordinates alone (easting, northing, RL, dip,
# azimuth) stays text: it holds no result, and its boxes are the costliest to read.
_PAGE_FOOT = -160.0  # a table whose last row is within 160 pt (about 5.6 cm) of the page bottom ends the page
_RESULT_HINT = re.compile(
    r"g/t|%|ppm|ppb|oz/t|\bopt\b|lbs?/t|kg/t|\bgpt\b|\b[MmKk]t\b|\b[Tt]onn(?:es|age)\b|TONN|\b[kM]oz\b|\bMlbs?\b"
)
_WORD = re.compile(r"\S+")
_ODD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\r\ufffe\uffff]")
_ODD_MAP = {i: " " for i in range(0x20)} | {0x02: "-", 0x0D: "\n", 0x09: "\t", 0x0A: "\n", 0x0C: "\f"}
_ODD_MAP |= {0xFFFE: " ", 0xFFFF: " "}
_OCR_MIN_TEXT = 20  # a page with fewer non-space characters than this may be a scan


def read_pdf(data: bytes, name: str, limits: Limits, clock: Clock,
             ocr_done: Mapping[int, _ocr.OcrPage] | None = None) -> Document:
    """Read PDF bytes; raises only BadInput subclasses. ``ocr_done``: pages already read by OCR (from
    :func:`ocr_pages`, e.g. in other processes), by page number; other image-only pages are read here."""
    with _PDFIUM_LOCK:
        pdf = _open(data, name)
        try:
            return _read(pdf, data, name, limits, clock, ocr_done or {})
        finally:
            pdf.close()


def ocr_pages(data: bytes, name: str, limits: Limits, numbers: Iterable[int]) -> dict[int, _ocr.OcrPage]:
    """OCR of those of the given pages (numbered from 1) that :func:`read_pdf` would read by OCR, so the pages of
    one scanned document can be read in several processes at once; a page that fails is left out (read_pdf
    then tries it itself and says why)."""
    clock = Clock(name, limits.max_seconds)
    out: dict[int, _ocr.OcrPage] = {}
    if not limits.ocr:
        return out
    with _PDFIUM_LOCK:
        pdf = _open(data, name)
        try:
            count = len(pdf)
            for number in numbers:
                if not 1 <= number <= count:
                    continue
                page = pdfium_c.FPDF_LoadPage(pdf, number - 1)
                if not page:
                    continue
                try:
                    textpage = pdfium_c.FPDFText_LoadPage(page)
                    if not textpage:
                        continue
                    try:
                        n_chars = pdfium_c.FPDFText_CountChars(textpage)
                        text = _page_text(_text_range(textpage, n_chars))[0] if n_chars > 0 else ""
                    finally:
                        pdfium_c.FPDFText_ClosePage(textpage)
                    wanted = n_chars >= 0 and _needs_ocr(page, text)
                finally:
                    pdfium_c.FPDF_ClosePage(page)
                if wanted and (result := _ocr_page(pdf, number - 1, number, limits, clock, [])) is not None:
                    out[number] = result
        finally:
            pdf.close()
    return out


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    """The PDF, or BadInput with the reason."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument(f"{name}: the PDF is password-protected") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocument(f"{name}: the PDF uses an unsupported encryption scheme") from None
        what = _LOAD_ERRORS.get(code, "unreadable PDF")
        raise CorruptDocument(f"{name}: {what} ({_reason(e)})") from None
    except Exception as e:  # ctypes or pypdfium2 failures on hostile input
        raise CorruptDocument(f"{name}: not a readable PDF ({_reason(e)})") from None


_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FORMAT: "damaged or truncated PDF",
    pdfium_c.FPDF_ERR_FILE: "PDF cannot be opened",
    pdfium_c.FPDF_ERR_PAGE: "PDF page tree is damaged",
}


def _reason(e: BaseException) -> str:
    """PDFium's reason without pypdfium2's wrapping ("Failed to load document (PDFium: ...).")."""
    m = re.search(r"PDFium: ([^)]*)", str(e))
    if m:
        return "PDFium: " + m.group(1).lower()
    return one_line(str(e) or type(e).__name__, 120)


def _read(pdf: pdfium.PdfDocument, data: bytes, name: str, limits: Limits, clock: Clock,
          ocr_done: Mapping[int, _ocr.OcrPage]) -> Document:
    try:
        count = len(pdf)
    except Exception as e:
        raise CorruptDocument(f"{name}: not a readable PDF ({_reason(e)})") from None
    if count <= 0:
        raise CorruptDocument(f"{name}: the PDF has no pages")
    check_pages(name, count, limits)

    warnings: list[str] = []
    pages: list[Page] = []
    previous: Found | None = None  # last table of the previous page, if it ended that page
    broken = 0
    for index in range(count):
        clock.check(f"page {index + 1} of {count}")
        number = index + 1
        try:
            # a table that reached the foot of the previous page may go on here
            continuing = previous is not None and previous.bottom > _PAGE_FOOT
            page, found = _read_page(pdf, index, number, limits, clock, warnings, continuing=continuing,
                                     ocr_done=ocr_done)
        except pdfium.PdfiumError as e:
            broken += 1
            warnings.append(f"page {number}: unreadable ({_reason(e)})")
            page, found = Page(number, ""), []
        if found and previous is not None:
            found[0] = _continue(found[0], previous)
            page = Page(page.number, page.text, tuple(f.table for f in found), page.ocr)
        previous = found[-1] if found else None
        pages.append(page)
    if broken == count:
        raise CorruptDocument(f"{name}: no page of the PDF could be read")

    metadata = _metadata(pdf)
    metadata.extend(("warning", w) for w in warnings)
    return Document(
        kind="pdf",
        pages=tuple(pages),
        sha256=sha256(data),
        title=_title(dict(metadata), pages),
        source=name,
        metadata=tuple(metadata),
        size_bytes=len(data),
    )


def _read_page(
    pdf: pdfium.PdfDocument, index: int, number: int, limits: Limits, clock: Clock, warnings: list[str],
    continuing: bool = False, ocr_done: Mapping[int, _ocr.OcrPage] | None = None,
) -> tuple[Page, list[Found]]:
    # Raw PDFium handles, closed here: pypdfium2's page and text page objects (finalizers, parent
    # links) cost about as much Python as the rest of a text-only page.
    page = pdfium_c.FPDF_LoadPage(pdf, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            n_chars = pdfium_c.FPDFText_CountChars(textpage)
            if n_chars == -1:
                raise pdfium.PdfiumError("Failed to get character count.")
            raw = _text_range(textpage, n_chars) if n_chars > 0 else ""
            text, translated = _page_text(raw)
            found: list[Found] = []
            if next(islice(_NUMBER_PAIR.finditer(raw), _MIN_PAIRS - 1, None), None) is not None and (
                continuing or _RESULT_HINT.search(raw) is not None
            ):
                words = _words(textpage, raw, text, n_chars, _rotation(page), translated)
                found = find_tables(words, number, PDF_GEOMETRY)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        if limits.ocr and _needs_ocr(page, text):
            ocr = (ocr_done or {}).get(number) or _ocr_page(pdf, index, number, limits, clock, warnings)
            if ocr is not None:
                return Page(number, ocr.text, tuple(f.table for f in ocr.tables), ocr=True), ocr.tables
        return Page(number, text, tuple(f.table for f in found)), found
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _ocr_page(
    pdf: pdfium.PdfDocument, index: int, number: int, limits: Limits, clock: Clock, warnings: list[str]
) -> _ocr.OcrPage | None:
    """OCR of an image-only page, through a pypdfium2 page object (it renders the page)."""
    page = pdf[index]
    try:
        return _ocr.read_page(page, number, limits, clock, warnings)
    finally:
        page.close()


def _text_range(textpage: Any, n_chars: int) -> str:
    """The text page's text: pypdfium2's ``PdfTextPage.get_text_range()``, on a raw handle.

    Characters PDFium leaves out of its text at either end of the page are skipped, as there.
    """
    first, last = 0, n_chars - 1
    to_text = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    while first <= last and to_text(textpage, first) == -1:
        first += 1
    if first > last:
        return ""
    while to_text(textpage, last) == -1:
        last -= 1
    t_start, t_end = to_text(textpage, first), to_text(textpage, last)
    size = t_end + 2 - t_start  # including the NUL terminator
    buffer = (ctypes.c_ushort * size)()
    written = pdfium_c.FPDFText_GetText(textpage, first, last + 1 - first, buffer)
    return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", "ignore")


_DEGREES = {0: 0, 1: 90, 2: 180, 3: 270}


def _rotation(page: Any) -> int:
    """The page's clockwise rotation in degrees."""
    rotation = pdfium_c.FPDFPage_GetRotation(page)
    if rotation not in _DEGREES:
        raise pdfium.PdfiumError("Failed to get page rotation.")
    return _DEGREES[rotation]


def _words(
    textpage: Any, raw: str, text: str, n_chars: int, rotation: int, translated: bool = True
) -> list[Word]:
    """Words of the page with their loose boxes, in display coordinates, offsets in the final text.

    ``raw`` is PDFium's text (its indices are PDFium's character indices), ``text`` the page text
    made from it (``\r\n`` → ``\n``, which shifts offsets by the line breaks removed before them,
    and, when ``translated``, control characters turned into same-length stand-ins).
    A word's box is its first character's loose box joined with its last one's. The page's words
    are made column by column (``map`` over lists, no Python loop per word): two PDFium calls per
    word into one array of boxes, read back as one list of floats.
    """
    # Words and the whitespace between them, in order (text, space, text, ..., text; the first and
    # last text empty when the page starts or ends with space): offsets by running sums of lengths.
    parts = _SPACE.split(raw)
    offsets = list(accumulate(map(len, parts), initial=0))
    texts = parts[0::2]
    starts = offsets[0:-1:2]
    # The "\r\n" pairs before each word: page text offsets are PDFium's less these.
    crlf = list(accumulate(map(str.count, parts[1::2], repeat("\r\n")), initial=0))
    if not texts[-1]:
        del texts[-1], starts[-1], crlf[-1]
    if texts and not texts[0]:
        del texts[0], starts[0], crlf[0]
    if not texts:
        return []
    n = len(texts)
    lengths = list(map(len, texts))
    ends = list(map(add, starts, lengths))
    lasts = list(map(sub, ends, repeat(1, n)))
    if len(raw) == n_chars:
        firsts = starts
        skip: set[int] = set()
    else:
        firsts, lasts, skip = _char_indices(textpage, raw, n_chars, starts, lasts)
    calls = list(repeat(0, 2 * n))
    calls[0::2] = firsts
    calls[1::2] = lasts
    boxes, pointers = _box_buffer(2 * n)
    ok = list(map(_LOOSE_CHAR_BOX, repeat(textpage, 2 * n), calls, pointers))
    values = memoryview(boxes).cast("B").cast("f")[: 8 * n].tolist()  # left, top, right, bottom
    if 0 in ok:
        skip |= {k for k in range(n) if not ok[2 * k] or (lasts[k] != firsts[k] and not ok[2 * k + 1])}
    # First character: left, top, bottom; last: right, top, bottom (the same box for one character).
    # The box's top is max(top1, top2), its bottom min(bottom1, bottom2) (spelled out: faster).
    left = values[0::8]
    right = values[6::8]
    if rotation == 0:
        x0, x1 = left, right
        y0 = [-(b if b > a else a) for a, b in zip(values[1::8], values[5::8], strict=True)]
        y1 = [-(b if b < a else a) for a, b in zip(values[3::8], values[7::8], strict=True)]
    else:
        top = [b if b > a else a for a, b in zip(values[1::8], values[5::8], strict=True)]
        bottom = [b if b < a else a for a, b in zip(values[3::8], values[7::8], strict=True)]
        x0, x1, y0, y1 = (list(c) for c in zip(*map(_display, left, right, bottom, top, repeat(rotation)), strict=True))
    if crlf[-1]:
        starts = list(map(sub, starts, crlf))
        ends = list(map(add, starts, lengths))
    if translated:  # control characters became stand-ins (some of them spaces): cut the page text
        texts = list(map(text.__getitem__, map(slice, starts, ends)))
    words: list[Word] = list(map(_new_word, zip(texts, x0, x1, y0, y1, starts, ends, strict=True)))
    if skip:
        return [w for k, w in enumerate(words) if k not in skip]
    return words


_SPACE = re.compile(r"(\s+)")


# Word(*fields), made in C: a named tuple is a tuple.
_new_word = cast(
    "Callable[[tuple[str, float, float, float, float, int, int]], Word]", functools.partial(tuple.__new__, Word)
)


def _char_indices(
    textpage: Any, raw: str, n_chars: int, starts: list[int], lasts: list[int]
) -> tuple[list[int], list[int], set[int]]:
    """PDFium's character indices of the words' first and last characters; words without one skipped."""
    char_index = _char_index(textpage, raw, n_chars)
    firsts: list[int] = []
    out_lasts: list[int] = []
    skip: set[int] = set()
    for k, (s, last) in enumerate(zip(starts, lasts, strict=True)):
        f, la = char_index(s), char_index(last)
        if f is None or la is None:
            skip.add(k)
            f = la = 0
        firsts.append(f)
        out_lasts.append(la)
    return firsts, out_lasts, skip


def _unconverted(func: Any) -> Any:
    """``func`` (a pypdfium2.raw function) called without ctypes' argument conversion.

    pypdfium2's bindings declare argument types, and ctypes checks and converts every argument
    on every call; this pointer to the same C function (same calling convention, no declared
    arguments) takes arguments that are already C values (a handle, a Python int for a C int, a
    ``byref``) and returns a C int. It costs half as much a call.
    """
    address = ctypes.cast(func, ctypes.c_void_p).value
    if address is None:  # pragma: no cover - a loaded library's function has an address
        raise ImportError("PDFium function without an address")
    return type(func)(address)


_LOOSE_CHAR_BOX = _unconverted(pdfium_c.FPDFText_GetLooseCharBox)

# One array of boxes and a pointer to each of its slots, kept between pages (used under the lock).
_BOXES: list[Any] = []


def _box_buffer(size: int) -> tuple[Any, list[Any]]:
    """An array of at least ``size`` FS_RECTF boxes and ``byref`` pointers to its first ``size``."""
    if not _BOXES or len(_BOXES[1]) < size:
        capacity = max(size, 2 * len(_BOXES[1]) if _BOXES else 1024)
        boxes = (pdfium_c.FS_RECTF * capacity)()
        step = ctypes.sizeof(pdfium_c.FS_RECTF)
        _BOXES[:] = [boxes, [ctypes.byref(boxes, step * k) for k in range(capacity)]]
    boxes, pointers = _BOXES
    return boxes, pointers[:size]


def _display(left: float, right: float, bottom: float, top: float, rotation: int) -> tuple[float, ...]:
    """A PDF user-space box as (x0, x1, top, bottom) on the page as displayed (y grows downwards)."""
    if rotation == 90:
        return bottom, top, left, right
    if rotation == 180:
        return -right, -left, bottom, top
    if rotation == 270:
        return -top, -bottom, -right, -left
    return left, right, -top, -bottom


def _char_index(textpage: Any, raw: str, n_chars: int) -> Callable[[int], int | None]:
    """Map an index of ``raw`` (Python characters) to PDFium's character index."""
    if len(raw) == n_chars:
        return lambda i: i
    # PDFium left characters out of the text or the text holds characters beyond the BMP
    # (two UTF-16 units each): translate through PDFium's own text-index mapping.
    astral = [i for i, ch in enumerate(raw) if ord(ch) > 0xFFFF]
    handle = textpage
    to_char = pdfium_c.FPDFText_GetCharIndexFromTextIndex

    def index(i: int) -> int | None:
        c: int = to_char(handle, i + bisect_left(astral, i))
        return c if 0 <= c < n_chars else None

    return index


_IMAGE_TYPES = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)


def _page_text(raw: str) -> tuple[str, bool]:
    """The page text made from PDFium's (``\r\n`` → ``\n``; control characters turned into same-length
    stand-ins) and whether any were turned."""
    text = raw.replace("\r\n", "\n") if "\r" in raw else raw
    translated = _ODD_CHARS.search(text) is not None
    return (text.translate(_ODD_MAP) if translated else text), translated


def _needs_ocr(page: Any, text: str) -> bool:
    """A page with (almost) no text layer and an image: read it by OCR."""
    return len(text) - text.count(" ") - text.count("\n") < _OCR_MIN_TEXT and _has_image(page)


def _has_image(page: Any) -> bool:
    handle = page
    n = pdfium_c.FPDFPage_CountObjects(handle)
    for i in range(min(n, 500)):
        obj = pdfium_c.FPDFPage_GetObject(handle, i)
        if obj and pdfium_c.FPDFPageObj_GetType(obj) in _IMAGE_TYPES:
            return True
    return False


def _continue(found: Found, previous: Found) -> Found:
    """Mark the first table of a page that continues the last table of the previous page."""
    prev = previous.table
    table = found.table
    same_header = not found.headerless and _norm(table.header) == _norm(prev.header)
    if not same_header and not found.headerless:
        return found
    rows = table.rows
    if found.headerless:
        mapping = _map_columns(found.columns, previous.columns)
        if mapping is None:
            return found
        from oresight.model import Cell

        width = len(prev.header)
        new_rows = []
        for row in rows:
            cells = [Cell("")] * width
            for j, cell in enumerate(row):
                cells[mapping[j]] = cell
            new_rows.append(tuple(cells))
        rows = tuple(new_rows)
    title = table.title or prev.title
    new = Table(page=table.page, header=prev.header, rows=rows, title=title, continued=True)
    return Found(new, previous.columns if found.headerless else found.columns, False, found.top, found.bottom)


def _norm(header: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(h.lower().split()) for h in header)


def _map_columns(
    cols: tuple[tuple[float, float], ...], prev: tuple[tuple[float, float], ...]
) -> list[int] | None:
    """Each column of a headerless table to the column of ``prev`` it stands under, if one-to-one."""
    if len(cols) > len(prev):
        return None
    out: list[int] = []
    for a, b in cols:
        hits = [k for k, (p0, p1) in enumerate(prev) if min(b, p1) - max(a, p0) > 0]
        if len(hits) != 1 or hits[0] in out:
            return None
        out.append(hits[0])
    return out


def _metadata(pdf: pdfium.PdfDocument) -> list[tuple[str, str]]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # a damaged info dictionary is not worth failing the document for
        return []
    out: list[tuple[str, str]] = []
    for key, value in info.items():
        value = one_line(value.replace("\x00", ""), 500)
        if not value or _PLACEHOLDER.match(value):
            continue
        if key in ("CreationDate", "ModDate"):
            value = _pdf_date(value)
        out.append((key, value))
    return out


_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?"
)


def _pdf_date(value: str) -> str:
    """A PDF date (``D:20240312093000+10'00'``) as ISO 8601; the value as printed when it is not one."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return value
    y, mo, d, h, mi, s, z, sign, oh, om = m.groups()
    try:
        tz = None
        if z:
            tz = UTC
        elif sign:
            delta = timedelta(hours=int(oh), minutes=int(om or 0))
            tz = timezone(delta if sign == "+" else -delta)
        dt = datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0), tzinfo=tz)
    except ValueError:
        return value
    return dt.isoformat()


# Values PDF producers write when they know nothing ("(anonymous)", "untitled", a file name).
_PLACEHOLDER = re.compile(r"^\(?(?:anonymous|unspecified|untitled|unknown|none|null)\)?$", re.I)
_JUNK_TITLE = re.compile(
    r"^(?:\(?untitled\)?|document\d*|microsoft (?:word|powerpoint)\s*-.*"
    r"|.*\.(?:docx?|pdf|indd|rtf|xlsx?|pptx?))$",
    re.I,
)


def _title(meta: dict[str, str], pages: list[Page]) -> str:
    title = meta.get("Title", "").strip()
    if title and not _JUNK_TITLE.match(title):
        return one_line(title)
    for page in pages:
        for line in page.text.split("\n"):
            if line.strip():
                return one_line(line)
    return ""
