"""Wires the stages: a file or bytes → Document → Extraction → Analysis (→ storage, by the caller)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from oresight.documents import Limits, read_bytes, read_path, read_text
from oresight.documents._ocr import OcrPage
from oresight.exceptions import BadInput
from oresight.extract import extract
from oresight.model import Analysis, Document

SUFFIXES = (".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".text")

# settings read from the environment (documented in docs/configuration.md, checked by a test)
ENV_LIMITS = {
    "ORESIGHT_MAX_BYTES": "max_bytes",
    "ORESIGHT_MAX_PAGES": "max_pages",
    "ORESIGHT_MAX_SECONDS": "max_seconds",
    "ORESIGHT_OCR": "ocr",
}


def limits_from_env(environ: Mapping[str, str] | None = None) -> Limits:
    """Document limits, with ``ORESIGHT_MAX_BYTES`` / ``_MAX_PAGES`` / ``_MAX_SECONDS`` / ``ORESIGHT_OCR``
    overriding the defaults. A value that is not a number is bad input (one line, exit 2)."""
    env = os.environ if environ is None else environ
    base = Limits()
    changes: dict[str, object] = {}
    for var, field_name in ENV_LIMITS.items():
        raw = env.get(var)
        if raw is None or not raw.strip():
            continue
        if field_name == "ocr":
            changes[field_name] = raw.strip().lower() not in ("0", "false", "no", "off")
            continue
        try:
            value = float(raw) if field_name == "max_seconds" else int(raw)
        except ValueError:
            raise BadInput(f"{var}={raw!r}: not a number") from None
        if value <= 0:
            raise BadInput(f"{var}={raw!r}: must be positive")
        changes[field_name] = value
    return replace(base, **changes) if changes else base  # type: ignore[arg-type]


def analyse_document(document: Document, started: float | None = None) -> Analysis:
    t0 = time.perf_counter() if started is None else started
    extraction = extract(document)
    return Analysis(document=document, extraction=extraction, seconds=time.perf_counter() - t0)


def analyse_path(path: Path, limits: Limits | None = None) -> Analysis:
    t0 = time.perf_counter()
    return analyse_document(read_path(path, limits or limits_from_env()), t0)


def analyse_bytes(data: bytes, name: str, limits: Limits | None = None,
                  ocr_done: Mapping[int, OcrPage] | None = None) -> Analysis:
    """``ocr_done``: a PDF's pages already read by OCR, by page number (see ``documents.pdf.ocr_pages``)."""
    t0 = time.perf_counter()
    return analyse_document(read_bytes(data, name, limits or limits_from_env(), ocr_done), t0)


def analyse_text(text: str, name: str = "-") -> Analysis:
    t0 = time.perf_counter()
    return analyse_document(read_text(text, name), t0)


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to ingest: each file given, and the announcement files in each folder (sorted, recursive)."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p


@dataclass(frozen=True)
class Outcome:
    path: Path
    analysis: Analysis | None
    error: str | None


def analyse_many(paths: Iterable[Path], limits: Limits | None = None) -> Iterator[Outcome]:
    """Each file analysed on its own: a bad file gives an Outcome with its error, never an exception."""
    limits = limits or limits_from_env()
    for p in paths:
        try:
            yield Outcome(p, analyse_path(p, limits), None)
        except BadInput as e:
            yield Outcome(p, None, str(e))
