"""The work done in ``oresight watch``'s process pools: read, extract and assess one document.

Kept apart from :mod:`oresight.watch` so the pools' processes import only the pipeline (documents,
extraction, assessment), not the store, the channels or the HTTP client: the fork server preloads this
module once and every reading process starts with it in memory.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from oresight._lifeline import tie_to_parent
from oresight.assess import Assessment, assess
from oresight.assess.facts import CompanyFacts
from oresight.assess.novelty import fingerprint
from oresight.documents import Limits
from oresight.documents._ocr import OcrPage
from oresight.documents.pdf import ocr_pages
from oresight.exceptions import BadInput
from oresight.model import Analysis
from oresight.pipeline import analyse_bytes

OCR_TEXT_MIN = 20  # a PDF page with fewer characters of text layer than this goes to the OCR lane


@dataclass(frozen=True)
class Read:
    """A worker's answer: the analysis and its assessment, or the reason it could not be read."""

    analysis: Analysis | None
    error: str | None
    assessment: Assessment | None = None  # assessed with the archive's facts and history, novelty unchecked
    shingles: Any = None  # the novelty fingerprint (numpy array)
    needs_ocr: bool = False
    ocr_pages: tuple[int, ...] = ()  # with needs_ocr: the pages (numbers) with (almost) no text layer


def read_job(data: bytes, filename: str, limits: Limits, facts: CompanyFacts | None, history: int | None,
             fast: bool, ocr_done: Mapping[int, OcrPage] | None = None) -> Read:
    """Runs in a worker process: read, extract and assess one document (bad input comes back as a message).

    ``fast``: read the text layer only; a PDF with a page that has (almost) no text comes back with
    ``needs_ocr`` (and those pages) so the caller can send it to the OCR lane instead of holding up the
    queue. ``ocr_done``: pages already read by :func:`ocr_job`."""
    try:
        analysis = analyse_bytes(data, filename, replace(limits, ocr=False) if fast and limits.ocr else limits,
                                 ocr_done)
        if fast and limits.ocr and analysis.document.kind == "pdf" and (scanned := tuple(
                p.number for p in analysis.document.pages if len(p.text.strip()) < OCR_TEXT_MIN)):
            return Read(None, None, needs_ocr=True, ocr_pages=scanned)
        assessment = assess(analysis, facts=facts, history=history)
        return Read(analysis, None, assessment, fingerprint(analysis.document.text))
    except BadInput as e:
        return Read(None, str(e))
    except Exception as e:  # a reader bug must not kill the pool: the item is recorded as failed
        return Read(None, f"internal error while reading: {type(e).__name__}: {e}")


def ocr_job(data: bytes, filename: str, limits: Limits, pages: Sequence[int]) -> dict[int, OcrPage]:
    """Runs in an OCR-lane process: OCR of some pages of a scanned PDF (the pages of one document are spread
    over the lane's processes; :func:`read_job` then puts the document together). Never raises: a page that
    could not be read is left out and read_job tries it again."""
    try:
        return ocr_pages(data, filename, limits, pages)
    except Exception:  # bad input or a reader bug: read_job reports it with the reason
        return {}


def warm(ocr: bool = False) -> None:
    """Runs in the workers at start so the first document is not slowed by first-use work (rule tables,
    compiled patterns; for the OCR lane, finding tesseract)."""
    text = ("Warm-up Resources Limited (ASX: WRM)\nDrilling results\nWRM001: 10m @ 2.0 g/t Au from 20m.\n"
            "Mineral Resource Estimate: 1.2 Mt @ 1.1% Cu (Inferred), JORC Code (2012).\n")
    assess(analyse_bytes(text.encode(), "warm-up.txt"))
    if ocr:
        from oresight.documents import _ocr

        _ocr.available()


def _worker_init(nice: bool) -> None:
    """Worker initialiser: die with the fork server (so with the watcher); the OCR lane also runs at lower
    priority, so scanned documents never slow the text-layer lane."""
    tie_to_parent()
    if nice:
        with contextlib.suppress(OSError):
            os.nice(19)


def make_executor(workers: int | None, *, ocr_lane: bool = False) -> Executor:
    """A process pool (forkserver, with this module preloaded) of ``workers`` processes; 0 = one thread
    in this process (for tests). The OCR lane has as many processes as the machine has CPUs, at lower priority:
    while text-layer documents wait they take little CPU, and once those are done a backlog of scans uses
    every core."""
    if workers == 0:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="oresight-ocr" if ocr_lane else "oresight-read")
    n = pool_size(workers, ocr_lane=ocr_lane)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["oresight._lifeline", "oresight.reading", "oresight.documents._ocr", "PIL.Image",
                               "tesserocr"])
    return ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_worker_init, initargs=(ocr_lane,))


def pool_size(workers: int | None, *, ocr_lane: bool = False) -> int:
    """How many processes :func:`make_executor` starts."""
    cpus = max(1, os.cpu_count() or 1)
    return cpus if ocr_lane else workers or cpus
