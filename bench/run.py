"""`make bench`: extraction accuracy, throughput, and PDF analysis time against raw pypdfium2 text.

Run: ``make bench`` (or ``.venv/bin/python -m bench.run --repeat 25``). Prints figures only; it
asserts nothing (the tests do that).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from oresight.evaluate import CorpusScore, labelled_files, load_label, score
from oresight.pipeline import analyse_path

ROOT = Path(__file__).resolve().parents[1]


def pct(values: list[float], q: float) -> float:
    """The q-th percentile by nearest rank: the smallest value with at least q % of the values at or below it
    (numpy's ``inverted_cdf``; of 100 values, p99 is the 99th)."""
    return float(np.percentile(values, q, method="inverted_cdf"))


@dataclass
class Throughput:
    seconds: float = 0.0
    docs: int = 0
    pages: int = 0
    text_bytes: int = 0
    ocr_seconds: float = 0.0
    ocr_pages: int = 0

    def add(self, seconds: float, pages: int, text_bytes: int, ocr_pages: int) -> None:
        if ocr_pages:
            self.ocr_seconds += seconds
            self.ocr_pages += ocr_pages
        else:
            self.seconds += seconds
            self.docs += 1
            self.pages += pages
            self.text_bytes += text_bytes


def accuracy(folder: Path, label: str, verbose: bool, tp: Throughput | None = None) -> CorpusScore:
    docs = []
    for doc, lab in labelled_files(folder):
        t0 = time.perf_counter()
        a = analyse_path(doc)
        if tp is not None:
            tp.add(time.perf_counter() - t0, a.document.page_count, len(a.document.text.encode("utf-8")),
                   len(a.document.ocr_pages))
        docs.append(score(doc.name, a.extraction, load_label(lab)))
    cs = CorpusScore(docs)
    print(f"\n## Extraction accuracy: {label} ({len(docs)} labelled documents, {folder.relative_to(ROOT)})")
    print(f"{'':14}{'precision':>10}{'recall':>10}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
    for what in ("intercepts", "resources", "commodities"):
        c = cs.total(what)
        print(f"{what:14}{c.precision:>10.3f}{c.recall:>10.3f}{c.f1:>8.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}")
    fa = cs.field_accuracy()
    if fa:
        print("field accuracy on matched intercepts: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(fa.items())))
    if verbose:
        for d in docs:
            for m in d.missed:
                print(f"  MISSED   {d.name}: {m}")
            for s in d.spurious:
                print(f"  SPURIOUS {d.name}: { {k: s.get(k) for k in ('hole_id', 'width_m', 'grade', 'unit', 'analyte', 'surface')} }")
            for m in d.missed_resources:
                print(f"  MISSED-R   {d.name}: {m}")
            for s in d.spurious_resources:
                print(f"  SPURIOUS-R {d.name}: { {k: s.get(k) for k in ('category', 'tonnes', 'grade', 'analyte', 'surface')} }")
            for field_name, gold, pred, hole, surface in d.field_misses:
                print(f"  FIELD    {d.name}: {field_name} labelled {gold!r}, read {pred!r} (hole {hole}; {surface[:60]!r})")
    return cs


def raw_pdfium_text(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    n = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            n += len(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        pdf.close()
    return n


def pdf_timing(pdfs: list[Path], repeat: int) -> None:
    raw: list[float] = []
    ours: list[float] = []
    ratios: list[float] = []
    for p in pdfs:  # warm up caches and imports once
        raw_pdfium_text(p)
        analyse_path(p)
    per_file: dict[Path, tuple[list[float], list[float]]] = {p: ([], []) for p in pdfs}
    gc.disable()  # both sides timed under the same conditions, without collector pauses
    try:
        for _ in range(repeat):
            for p in pdfs:
                gc.collect()
                t0 = time.perf_counter()
                raw_pdfium_text(p)
                t1 = time.perf_counter()
                analyse_path(p)
                t2 = time.perf_counter()
                raw.append(t1 - t0)
                ours.append(t2 - t1)
                ratios.append((t2 - t1) / (t1 - t0))
                per_file[p][0].append(t1 - t0)
                per_file[p][1].append(t2 - t1)
    finally:
        gc.enable()
    print(f"\n## PDF analysis time vs pypdfium2 plain text ({len(pdfs)} PDFs of "
          f"{', '.join(str(len(pdfium.PdfDocument(str(p)))) for p in pdfs)} pages, {repeat} runs each)")
    print(f"{'':28}{'p50 ms':>10}{'p99 ms':>10}")
    print(f"{'pypdfium2 text':28}{pct(raw, 50) * 1000:>10.1f}{pct(raw, 99) * 1000:>10.1f}")
    print(f"{'oresight analysis':28}{pct(ours, 50) * 1000:>10.1f}{pct(ours, 99) * 1000:>10.1f}")
    for p, (r, o) in per_file.items():
        print(f"  {p.name:24} p50 {pct(o, 50) / pct(r, 50):.2f}x   p99 {pct(o, 99) / pct(r, 99):.2f}x")
    print(f"all files: analysis p99 / plain-text p99 = {pct(ours, 99) / pct(raw, 99):.2f}x (acceptance <= 2x, goal "
          f"1.5x); p50 {pct(ours, 50) / pct(raw, 50):.2f}x; per-run ratio p50 {pct(ratios, 50):.2f}x, "
          f"p99 {pct(ratios, 99):.2f}x (the per-run ratio's tail is the machine's noise on two short timings)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT / "samples" / "corpus")
    ap.add_argument("--holdout", type=Path, default=ROOT / "samples" / "holdout")
    ap.add_argument("--repeat", type=int, default=20, help="runs per PDF for the timing")
    ap.add_argument("--min-pages", type=int, default=15, help="PDFs with at least this many pages are timed")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every missed and spurious value")
    ap.add_argument("--novelty-docs", type=int, default=100_000, help="synthetic archive size for the novelty lookup")
    ap.add_argument("--no-synthetic", action="store_true", help="skip the synthetic novelty archive")
    ap.add_argument("--no-realtime", action="store_true", help="skip the real-time latency and busy-day figures")
    args = ap.parse_args(argv)
    print("# Oresight benchmark")
    print(f"reproduce: make bench   (or: .venv/bin/python -m bench.run --repeat {args.repeat})")
    print(f"python {sys.version.split()[0]}, pypdfium2 {pdfium.PYPDFIUM_INFO} (PDFium {pdfium.PDFIUM_INFO})")
    tp = Throughput()
    accuracy(args.corpus, "sample corpus", args.verbose, tp)
    if args.holdout.is_dir() and labelled_files(args.holdout):
        accuracy(args.holdout, "holdout (other writing styles)", args.verbose)
    holdout2 = args.holdout.parent / "holdout2"
    if holdout2.is_dir() and labelled_files(holdout2):
        accuracy(holdout2, "second holdout (messier real-world styles, written last)", args.verbose)
    assess_set = args.holdout.parent / "assess"
    if assess_set.is_dir() and labelled_files(assess_set):
        accuracy(assess_set, "assessment set (types, significance range; first measured F1 0.959 / 0.889)", args.verbose)
    print(f"\n## Throughput (one process, sample corpus, read + extract, no storage)\n"
          f"{tp.docs / tp.seconds:.1f} documents/s, {tp.pages / tp.seconds:.1f} pages/s, "
          f"{tp.text_bytes / tp.seconds / 1e6:.2f} MB/s of text "
          f"({tp.docs} documents with a text layer, {tp.pages} pages, {tp.text_bytes / 1e6:.2f} MB of text in "
          f"{tp.seconds:.2f} s)")
    if tp.ocr_pages:
        print(f"OCR: {tp.ocr_seconds / tp.ocr_pages:.2f} s per image-only page ({tp.ocr_pages} page(s))")
    from bench import assess as assess_bench

    assess_bench.report(args.verbose)
    from bench import sanctions as sanctions_bench

    sanctions_bench.report(args.verbose)
    try:
        from bench import novelty as novelty_bench

        novelty_bench.report_labelled(novelty_bench.labelled(verbose=args.verbose))
        if not args.no_synthetic:
            novelty_bench.report_synthetic(novelty_bench.synthetic(docs=args.novelty_docs))
    except ImportError as e:  # pragma: no cover - the novelty bench ships with the novelty module
        print(f"novelty bench unavailable: {e}")
    if not args.no_realtime:
        from bench import realtime

        print()
        realtime.main([])
    pdfs = [p for p in sorted(args.corpus.glob("*.pdf")) if len(pdfium.PdfDocument(str(p))) >= args.min_pages]
    if pdfs:
        pdf_timing(pdfs, args.repeat)
    else:
        print(f"\nno PDF of {args.min_pages}+ pages in the corpus: PDF timing skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
