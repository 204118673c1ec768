"""Wires the stages: a file or bytes → Document → Extraction → Analysis (→ storage, by the caller)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from oresight.documents import Limits, read_bytes, read_path, read_text
from oresight.exceptions import BadInput
from oresight.extract import extract
from oresight.model import Analysis, Document

SUFFIXES = (".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".text")


def analyse_document(document: Document, started: float | None = None) -> Analysis:
    t0 = time.perf_counter() if started is None else started
    extraction = extract(document)
    return Analysis(document=document, extraction=extraction, seconds=time.perf_counter() - t0)


def analyse_path(path: Path, limits: Limits | None = None) -> Analysis:
    t0 = time.perf_counter()
    return analyse_document(read_path(path, limits or Limits()), t0)


def analyse_bytes(data: bytes, name: str, limits: Limits | None = None) -> Analysis:
    t0 = time.perf_counter()
    return analyse_document(read_bytes(data, name, limits or Limits()), t0)


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
    for p in paths:
        try:
            yield Outcome(p, analyse_path(p, limits), None)
        except BadInput as e:
            yield Outcome(p, None, str(e))
