"""OCR of image-only PDF pages: render with PDFium, read words with tesseract (through pytesseract).

The page text is built from tesseract's words (lines joined by ``\\n``, blocks by a blank line), so
every word keeps its box and its offsets, and tables are rebuilt from those boxes like PDF text.
When tesseract is not installed the page stays empty and a warning says why; nothing raises.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from typing import Any

from oresight.documents._common import Clock, Limits
from oresight.documents._layout import OCR as OCR_GEOMETRY
from oresight.documents._layout import Found, Word, find_tables
from oresight.exceptions import DocumentTooLarge

log = logging.getLogger(__name__)

_MAX_PIXELS = 40_000_000  # render scale is lowered for huge pages so one page stays < ~40 MB


@dataclass(frozen=True, slots=True)
class OcrPage:
    text: str
    tables: list[Found]


@functools.cache
def available() -> bool:
    """Whether the tesseract binary can be run (checked once per process)."""
    try:
        import pytesseract

        pytesseract.get_tesseract_version()
    except Exception:
        return False
    return True


def read_page(page: Any, number: int, limits: Limits, clock: Clock, warnings: list[str]) -> OcrPage | None:
    """OCR one pypdfium2 page; None (with a warning) when OCR cannot run."""
    if not available():
        msg = f"page {number}: image-only page left empty (tesseract is not installed)"
        log.warning(msg)
        warnings.append(msg)
        return None
    import pytesseract

    width, height = page.get_size()
    scale = limits.ocr_dpi / 72
    if width * height * scale * scale > _MAX_PIXELS:
        scale = (_MAX_PIXELS / max(width * height, 1.0)) ** 0.5
    try:
        image = page.render(scale=scale, grayscale=True).to_pil()
        # handed to tesseract as an uncompressed PGM ("P5", PIL's PPM writer): pytesseract's default, PNG,
        # costs ~50 ms of compression per A4 page for a file that is read back at once
        image.format = "PPM"
    except Exception as e:
        warnings.append(f"page {number}: image-only page could not be rendered ({e})")
        return None
    remaining = clock.remaining()
    if remaining <= 0:
        clock.check(f"OCR of page {number}")
    # tesseract's OpenMP threads fight each other on small machines: one thread is ~7x faster here
    # (1.5 s against 11.5 s for an A4 page at 200 dpi on 2 cores).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            image, output_type=pytesseract.Output.DICT, timeout=max(1, int(remaining + 0.999))
        )
    except RuntimeError as e:  # pytesseract raises RuntimeError on its timeout
        if "timeout" in str(e).lower():
            raise DocumentTooLarge(
                f"{clock.name}: reading took longer than the {clock.seconds:g} s limit (OCR of page {number})"
            ) from None
        warnings.append(f"page {number}: OCR failed ({e})")
        return None
    except Exception as e:  # TesseractError, missing language data, broken image
        warnings.append(f"page {number}: OCR failed ({e})")
        return None
    return _page_from_data(data, number)


def _page_from_data(data: dict[str, list[Any]], number: int) -> OcrPage:
    parts: list[str] = []
    words: list[Word] = []
    length = 0
    last_line: tuple[int, int, int] | None = None
    texts = data.get("text", [])
    for i, raw in enumerate(texts):
        word = str(raw).strip()
        if not word:
            continue
        line = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        if last_line is not None:
            sep = " " if line == last_line else ("\n" if line[0] == last_line[0] else "\n\n")
            parts.append(sep)
            length += len(sep)
        last_line = line
        left, top = float(data["left"][i]), float(data["top"][i])
        w, h = float(data["width"][i]), float(data["height"][i])
        words.append(Word(word, left, left + w, top, top + h, length, length + len(word)))
        parts.append(word)
        length += len(word)
    text = "".join(parts)
    return OcrPage(text, find_tables(words, number, OCR_GEOMETRY))
