"""Pieces shared by the format readers: limits, hashing, decoding, binary detection."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass

from oresight.exceptions import CorruptDocument, DocumentTooLarge


@dataclass(frozen=True)
class Limits:
    """What a reader accepts: size, page count, wall time, and whether image-only pages are OCR'd."""

    max_bytes: int = 50_000_000
    max_pages: int = 400
    max_seconds: float = 60.0
    ocr: bool = True
    ocr_dpi: int = 200


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def one_line(text: str, limit: int = 200) -> str:
    """``text`` on one line, shortened to ``limit`` characters (for error messages and titles)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class Clock:
    """Wall-clock budget of one read; ``check`` raises DocumentTooLarge when it is spent."""

    def __init__(self, name: str, seconds: float) -> None:
        self.name = name
        self.seconds = seconds
        self.start = time.monotonic()

    def remaining(self) -> float:
        return self.seconds - (time.monotonic() - self.start)

    def check(self, where: str = "") -> None:
        if self.remaining() < 0:
            at = f" ({where})" if where else ""
            raise DocumentTooLarge(f"{self.name}: reading took longer than the {self.seconds:g} s limit{at}")


def check_size(name: str, size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise DocumentTooLarge(
            f"{name}: {size:,} bytes is over the {limits.max_bytes:,}-byte limit"
        )


def check_pages(name: str, pages: int, limits: Limits) -> None:
    if pages > limits.max_pages:
        raise DocumentTooLarge(f"{name}: {pages} pages is over the {limits.max_pages}-page limit")


# C0 controls other than tab, newline, carriage return and form feed; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def binary_share(text: str) -> float:
    """Share of characters in ``text`` (first 64 KiB) that no text file would hold."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad / len(sample)


def looks_binary(text: str) -> bool:
    """True for NUL bytes or more than 5% control / replacement characters."""
    return "\x00" in text[:65536] or binary_share(text) > 0.05


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def looks_binary_bytes(data: bytes) -> bool:
    """True for bytes that are no text file: NUL bytes (outside UTF-16/32) or > 5% control bytes."""
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False
    return b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > 0.05 * max(len(sample), 1)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Bytes of a text or HTML file as str: BOM, then ``declared`` charset, then UTF-8, then sniffed.

    Raises CorruptDocument when nothing decodes it as text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                break
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data[:65536]:
        raise CorruptDocument(f"{name}: holds binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise CorruptDocument(f"{name}: not text in any known character encoding")
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError as e:  # pragma: no cover - charset-normalizer only names codecs Python has
        raise CorruptDocument(f"{name}: unknown character encoding {best.encoding}") from e
