"""Measure PDF analysis against PDFium's plain text extraction of the same file.

    python -m oresight.documents._measure FILE.pdf [RUNS]

The baseline is the cheapest useful read: open the document, and for every page load it, build its
text page and call ``get_text_range``. The analysis is :func:`oresight.documents.read_bytes` on the
same bytes (text, tables, metadata, hash). Runs alternate so that both see the same machine state;
the ratio of the two p50s and of the two p99s is printed. ``tests/pdfgen.py`` builds a 20-page
announcement-like file (``python tests/pdfgen.py out.pdf``).
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from oresight.documents import Limits, read_bytes


@dataclass(frozen=True)
class Measurement:
    pages: int
    runs: int
    base_p50: float
    base_p99: float
    analysis_p50: float
    analysis_p99: float

    @property
    def ratio_p50(self) -> float:
        return self.analysis_p50 / self.base_p50

    @property
    def ratio_p99(self) -> float:
        return self.analysis_p99 / self.base_p99

    def report(self) -> str:
        return (
            f"{self.pages} pages, {self.runs} runs: plain text p50 {self.base_p50 * 1e3:.1f} ms "
            f"p99 {self.base_p99 * 1e3:.1f} ms; analysis p50 {self.analysis_p50 * 1e3:.1f} ms "
            f"p99 {self.analysis_p99 * 1e3:.1f} ms; ratio p50 {self.ratio_p50:.2f}x p99 {self.ratio_p99:.2f}x"
        )


def plain_text(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


def measure(path: Path, runs: int = 50) -> Measurement:
    data = path.read_bytes()
    limits = Limits(ocr=False)
    pages = len(plain_text(data))
    read_bytes(data, path.name, limits)  # warm up imports and caches
    base: list[float] = []
    analysis: list[float] = []
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            t = time.perf_counter()
            plain_text(data)
            base.append(time.perf_counter() - t)
            t = time.perf_counter()
            read_bytes(data, path.name, limits)
            analysis.append(time.perf_counter() - t)
            gc.collect()
    finally:
        if gc_was:
            gc.enable()
    return Measurement(
        pages,
        runs,
        _percentile(base, 0.5),
        _percentile(base, 0.99),
        _percentile(analysis, 0.5),
        _percentile(analysis, 0.99),
    )


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    runs = int(argv[1]) if len(argv) > 1 else 50
    print(measure(Path(argv[0]), runs).report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
