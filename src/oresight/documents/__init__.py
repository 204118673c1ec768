"""Document intake: bytes, a path or text in; a :class:`~oresight.model.Document` out.

::

    read_path(path) ─┐
    read_bytes(data, name) ─► format (suffix, else sniffed) ─► pdf.py  (PDFium text, tables, OCR)
                                                            ├► html.py (selectolax)
    read_text(text) ───────────────────────────────────────-└► text.py (text, Markdown, front matter)

Every failure on bad input is a :class:`~oresight.exceptions.BadInput` subclass with a one-line
message that names the file; nothing else escapes (an unexpected failure inside a parser is
reported as :class:`~oresight.exceptions.CorruptDocument`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from oresight.documents._common import Clock, Limits, check_size, looks_binary_bytes, one_line
from oresight.exceptions import BadInput, CorruptDocument, DocumentTooLarge, UnsupportedFormat
from oresight.model import Document

if TYPE_CHECKING:
    from oresight.documents._ocr import OcrPage

__all__ = ["Limits", "read_bytes", "read_path", "read_text", "sniff"]

log = logging.getLogger(__name__)

Format = Literal["pdf", "html", "text", "markdown"]

_SUFFIXES: dict[str, Format] = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
    ".asc": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}
_BINARY_SUFFIXES = frozenset(
    {
        ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic", ".doc", ".docx",
        ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z",
        ".rar", ".exe", ".dll", ".so", ".bin", ".mp3", ".mp4", ".mov", ".avi", ".wav", ".epub",
    }
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"%!PS", "a PostScript file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
)
_HTML_STARTS = (
    b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<div", b"<p>", b"<table",
)
_READS = "Oresight reads PDF, HTML, Markdown and text"


def sniff(data: bytes) -> Format | str:
    """The format of ``data`` from its first bytes: a Format, or a description of a binary format."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith(b"<?xml") and b"<html" in low:
        return "html"
    while low.startswith(b"<!--") and b"-->" in low:  # leading comments
        low = low[low.index(b"-->") + 3 :].lstrip()
    if low.startswith(_HTML_STARTS):
        return "html"
    return "text"


def read_path(path: Path, limits: Limits = Limits()) -> Document:  # noqa: B008 - frozen, shared default
    """Read a file: PDF, HTML, Markdown or text (format from the suffix, else sniffed)."""
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise UnsupportedFormat(f"{name}: is a directory, not a document")
        size = path.stat().st_size
        check_size(name, size, limits)
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except BadInput:
        raise
    except OSError as e:
        raise CorruptDocument(f"{name}: cannot be read ({e.strerror or type(e).__name__})") from None
    return read_bytes(data, name, limits)


def read_bytes(data: bytes, name: str, limits: Limits = Limits(),  # noqa: B008
               ocr_done: Mapping[int, OcrPage] | None = None) -> Document:
    """Read a document held in memory; ``name`` (a file name or URL) gives the format by its suffix.
    ``ocr_done``: a PDF's pages already read by OCR (see :func:`oresight.documents.pdf.ocr_pages`)."""
    name = name or "-"
    check_size(name, len(data), limits)
    if not data.strip():
        raise CorruptDocument(f"{name}: the file is empty")
    clock = Clock(name, limits.max_seconds)
    fmt = _format(data, name)
    try:
        if fmt == "pdf":
            from oresight.documents.pdf import read_pdf

            return read_pdf(data, name, limits, clock, ocr_done)
        if fmt == "html":
            from oresight.documents.html import read_html

            return read_html(data, name, limits, clock)
        from oresight.documents.text import read_text_bytes

        return read_text_bytes(data, name, limits, clock, markdown=fmt == "markdown")
    except BadInput:
        raise
    except (MemoryError, RecursionError):
        raise DocumentTooLarge(f"{name}: too large or too deeply nested to read") from None
    except Exception as e:
        log.warning("unexpected failure reading %s", name, exc_info=True)
        raise CorruptDocument(f"{name}: could not be read ({_describe(e)})") from None


def read_text(text: str, name: str = "-") -> Document:
    """Read text given as a string (stdin): plain text, or Markdown with front matter if it looks so."""
    from oresight.documents.text import read_text_str

    limits = Limits()
    try:
        return read_text_str(text, name or "-", limits, Clock(name or "-", limits.max_seconds), markdown=None)
    except BadInput:
        raise
    except (MemoryError, RecursionError):
        raise DocumentTooLarge(f"{name}: too large to read") from None
    except Exception as e:
        log.warning("unexpected failure reading %s", name, exc_info=True)
        raise CorruptDocument(f"{name}: could not be read ({_describe(e)})") from None


def _format(data: bytes, name: str) -> Format:
    sniffed = sniff(data)
    if sniffed == "pdf":
        return "pdf"
    suffix = _suffix(name)
    if suffix == ".pdf":
        what = {"html": "an HTML page", "text": "text"}.get(sniffed, sniffed)
        raise CorruptDocument(f"{name}: not a PDF file (it holds {what})")
    if sniffed not in ("html", "text"):
        raise UnsupportedFormat(f"{name}: unsupported format ({sniffed}); {_READS}")
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix in _BINARY_SUFFIXES:
        raise UnsupportedFormat(f"{name}: unsupported format ({suffix} file); {_READS}")
    if sniffed == "html":
        return "html"
    if looks_binary_bytes(data):
        raise UnsupportedFormat(f"{name}: unsupported format (binary data); {_READS}")
    return "text"


def _describe(e: BaseException) -> str:
    return f"{type(e).__name__}: {one_line(str(e), 120)}"


def _suffix(name: str) -> str:
    base = name.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    base = base.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""
