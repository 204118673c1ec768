"""OCR of image-only PDF pages: render with PDFium, read words with tesseract.

The engine is tesseract's C API through tesserocr: each process loads the language model once and keeps
it, and the page image goes to tesseract in memory (about 1.0 s of CPU for an A4 page at 200 dpi here,
against 1.5 s for the ``tesseract`` command, which loads the model and reads an image file every time).
Where tesserocr or its language data is missing, pytesseract runs the ``tesseract`` command instead.
Language data (``eng.traineddata``) comes from ``$TESSDATA_PREFIX`` or Debian's ``tesseract-ocr-eng``.

The page text is built from tesseract's words (lines joined by ``\\n``, blocks by a blank line), so
every word keeps its box and its offsets, and tables are rebuilt from those boxes like PDF text.
When tesseract is not installed the page stays empty and a warning says why; nothing raises.
"""

from __future__ import annotations

import functools
import glob
import logging
import os
import threading
from dataclasses import dataclass
from typing import Any

from oresight.documents._common import Clock, Limits
from oresight.documents._layout import OCR as OCR_GEOMETRY
from oresight.documents._layout import Found, Word, find_tables
from oresight.exceptions import DocumentTooLarge

log = logging.getLogger(__name__)

# tesseract's OpenMP threads fight each other on small machines: one thread is ~7x faster here
# (1.5 s against 11.5 s for an A4 page at 200 dpi on 2 cores). Set before the library is loaded.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_MAX_PIXELS = 40_000_000  # render scale is lowered for huge pages so one page stays < ~40 MB
LANGUAGE = "eng"
# where distributions put tesseract's language data (Debian/Ubuntu, Fedora, Homebrew, source builds)
_TESSDATA_GLOBS = ("/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tesseract-ocr/tessdata", "/usr/share/tessdata",
                   "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height",
            "conf", "text")


@dataclass(frozen=True, slots=True)
class OcrPage:
    text: str
    tables: list[Found]


@functools.cache
def tessdata() -> str | None:
    """The folder holding ``eng.traineddata``: ``$TESSDATA_PREFIX`` first, then the usual system places."""
    candidates = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    for pattern in _TESSDATA_GLOBS:
        candidates += sorted(glob.glob(pattern), reverse=True)  # the newest version folder first
    for folder in candidates:
        if os.path.isfile(os.path.join(folder, f"{LANGUAGE}.traineddata")):
            return folder
    return None


_local = threading.local()  # one tesserocr engine per thread (a tesseract API object is not thread-safe)


def _api() -> Any | None:
    """This thread's tesserocr engine with the language model loaded, or None without tesserocr or data."""
    api = getattr(_local, "api", False)
    if api is not False:
        return api
    api = None
    folder = tessdata()
    if folder is not None:
        try:
            import tesserocr

            api = tesserocr.PyTessBaseAPI(path=folder.rstrip("/") + "/", lang=LANGUAGE)
        except Exception as e:  # no wheel for this platform, or data of another tesseract version
            log.info("tesserocr unavailable (%s: %s); using the tesseract command", type(e).__name__, e)
            api = None
    _local.api = api
    return api


@functools.cache
def _command() -> bool:
    """Whether the tesseract command can be run (checked once per process)."""
    try:
        import pytesseract

        pytesseract.get_tesseract_version()
    except Exception:
        return False
    return True


def available() -> bool:
    """Whether OCR can run here (loads this thread's engine, so a worker can do it before its first page)."""
    return _api() is not None or _command()


def read_page(page: Any, number: int, limits: Limits, clock: Clock, warnings: list[str]) -> OcrPage | None:
    """OCR one pypdfium2 page; None (with a warning) when OCR cannot run."""
    if not available():
        msg = f"page {number}: image-only page left empty (tesseract is not installed)"
        log.warning(msg)
        warnings.append(msg)
        return None
    width, height = page.get_size()
    scale = limits.ocr_dpi / 72
    if width * height * scale * scale > _MAX_PIXELS:
        scale = (_MAX_PIXELS / max(width * height, 1.0)) ** 0.5
    try:
        image = page.render(scale=scale, grayscale=True).to_pil()
    except Exception as e:
        warnings.append(f"page {number}: image-only page could not be rendered ({e})")
        return None
    remaining = clock.remaining()
    if remaining <= 0:
        clock.check(f"OCR of page {number}")
    too_long = DocumentTooLarge(f"{clock.name}: reading took longer than the {clock.seconds:g} s limit "
                                f"(OCR of page {number})")
    try:
        api = _api()
        if api is not None:
            api.SetImage(image)
            api.SetSourceResolution(round(72 * scale))
            try:
                if not api.Recognize(timeout=max(1, int(remaining * 1000))):
                    raise too_long
                data = _columns(api.GetTSVText(0))
            finally:
                api.Clear()  # the page image and results (~30 MB for an A4 page) are not kept between pages
        else:
            data = _run_command(image, remaining)
    except DocumentTooLarge:
        raise
    except RuntimeError as e:  # pytesseract raises RuntimeError on its timeout
        if "timeout" in str(e).lower():
            raise too_long from None
        warnings.append(f"page {number}: OCR failed ({e})")
        return None
    except Exception as e:  # TesseractError, missing language data, broken image
        warnings.append(f"page {number}: OCR failed ({e})")
        return None
    return _page_from_data(data, number)


def _run_command(image: Any, remaining: float) -> dict[str, list[Any]]:
    """Words and boxes from the tesseract command (pytesseract), for where tesserocr cannot run."""
    import pytesseract

    # handed over as an uncompressed PGM ("P5", PIL's PPM writer): pytesseract's default, PNG, costs ~50 ms of
    # compression per A4 page for a file that is read back at once
    image.format = "PPM"
    out: dict[str, list[Any]] = pytesseract.image_to_data(image, output_type=pytesseract.Output.DICT,
                                                          timeout=max(1, int(remaining + 0.999)))
    return out


def _columns(tsv: str) -> dict[str, list[Any]]:
    """tesseract's TSV (no header line, as the API gives it) as columns, like pytesseract's ``Output.DICT``."""
    out: dict[str, list[Any]] = {c: [] for c in _COLUMNS}
    for line in tsv.splitlines():
        cells = line.split("\t")
        if len(cells) < len(_COLUMNS) - 1:
            continue
        cells += [""] * (len(_COLUMNS) - len(cells))
        for name, cell in zip(_COLUMNS, cells, strict=False):
            out[name].append(cell)
    return out


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
