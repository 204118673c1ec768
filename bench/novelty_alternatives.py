"""`python -m bench.novelty_alternatives`: Oresight's document-level novelty index next to datasketch MinHash-LSH.

Both indexes see the SAME synthetic archive and queries as ``bench/novelty.py``: its :func:`bench.novelty.synthetic`
is run with a recording stand-in for :class:`NoveltyIndex` and for its per-query step, so documents and queries
come from its own generator (same seed, same random draws) and nothing of it is copied here. Every document is
kept as the fingerprint that generator computed (:func:`fingerprint_tokens` over its word hashes: the sampled
5-word shingles), every query as its text. The source document of a recycled query is found through its result
rows (normalised hole id, from, to: the restated rows keep the interval), never through its text.

Compared, on text similarity only (intercepts=[] everywhere, so the intercept level plays no part):

1. Oresight: ``NoveltyIndex.add(fingerprint=...)``; a query is ``fingerprint(text)`` + ``check()``, which returns
   the stored document with the highest exact Jaccard of the sampled shingle sets.
2. datasketch ``MinHashLSH`` (128 permutations, default banding for the threshold) over MinHashes of the very same
   fingerprint hashes (uint32 shingle hashes fed as ints, ``scheme="affine32"``); the MinHashes are kept (as
   ``LeanMinHash``) so candidates can also be filtered on their estimated Jaccard, as datasketch recommends.
   A query is ``fingerprint(text)`` + its MinHash + ``lsh.query()``.

"True Jaccard" is the exact Jaccard of the two fingerprints under Oresight's rule (sampled residue class unless
both sides are full short-document fingerprints), i.e. the quantity ``DUPLICATE_JACCARD`` is a threshold on.
A candidate of a distinct query with true Jaccard below 0.5 counts as false.

Run: ``.venv/bin/python -m bench.novelty_alternatives [--docs 20000] [--thresholds 0.5,0.7,0.3]``. Prints figures only.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import datasketch
import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from bench import novelty as base
from bench.novelty import pct
from oresight.assess.novelty import (
    DUPLICATE_JACCARD,
    SAMPLE,
    UNCHECKED,
    NoveltyIndex,
    fingerprint,
    normalise_hole_id,
)
from oresight.model import Intercept

NUM_PERM = 128
FALSE_BELOW = 0.5  # a candidate whose true Jaccard is below this is a false candidate
RowsKey = tuple[tuple[str, float | None, float | None], ...]


# --- the archive and queries of bench/novelty.py ----------------------------------------------------------


@dataclass
class Query:
    text: str
    kind: str  # "recycled" (edited copy of a stored text), "jv" (partner's own text, same rows), "distinct"
    source: int  # the stored document it re-announces (-1 for distinct queries and unresolved sources)


@dataclass
class Archive:
    fingerprints: list[np.ndarray]
    queries: list[Query]
    generate_seconds: float
    ambiguous_sources: int = 0


def _rows_key(rows: Sequence[Intercept]) -> RowsKey:
    return tuple((normalise_hole_id(r.hole_id), r.from_m, r.to_m) for r in rows)


class _Recorder:
    """Stands in for NoveltyIndex inside bench.novelty.synthetic(): keeps each document's fingerprint and the
    key of its result rows, indexes nothing."""

    def __init__(self) -> None:
        self.fingerprints: list[np.ndarray] = []
        self.by_rows: dict[RowsKey, list[int]] = {}

    def add(self, key: str, *, fingerprint: np.ndarray, intercepts: Sequence[Intercept], **_: Any) -> None:
        doc = len(self.fingerprints)
        self.fingerprints.append(np.asarray(fingerprint, dtype=np.uint32))
        self.by_rows.setdefault(_rows_key(intercepts), []).append(doc)

    def check(self, **_: Any) -> Any:
        return UNCHECKED

    def __len__(self) -> int:
        return len(self.fingerprints)

    def nbytes(self) -> int:
        return 0


def archive(docs: int) -> Archive:
    """The documents and queries of ``bench.novelty.synthetic(docs=docs)``, in its query order."""
    recorded: list[tuple[str, list[Intercept], str, str]] = []

    def one_query(index: Any, query: tuple[str, list[Intercept], str, str], check_t: list[float],
                  fp_t: list[float], stats: Any, examples: Any, cpu_t: list[float],
                  kind_t: dict[str, list[float]]) -> None:
        recorded.append(query)
        for ts in (check_t, fp_t, cpu_t, kind_t.setdefault(query[3], [])):
            ts.append(0.0)  # synthetic() takes percentiles of these

    rec = _Recorder()
    t0 = time.perf_counter()
    with mock.patch.object(base, "NoveltyIndex", lambda: rec), mock.patch.object(base, "_one_query", one_query):
        base.synthetic(docs=docs)
    seconds = time.perf_counter() - t0
    queries = []
    ambiguous = 0
    for text, rows, _, kind in recorded:
        source = -1
        if kind != "distinct":
            found = rec.by_rows.get(_rows_key(rows), [])
            ambiguous += len(found) != 1
            source = found[0] if len(found) == 1 else -1
        queries.append(Query(text, kind, source))
    return Archive(rec.fingerprints, queries, seconds, ambiguous)


def true_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two fingerprints under NoveltyIndex's rule (sampled class unless both are full)."""
    s = np.uint32(SAMPLE)
    a_s, b_s = a[a % s == 0], b[b % s == 0]
    if a_s.size < a.size and b_s.size < b.size:  # both full (short-document) fingerprints: all shingles
        a_s, b_s = a, b
    inter = np.intersect1d(a_s, b_s, assume_unique=True).size
    union = a_s.size + b_s.size - inter
    return inter / union if union else 0.0


# --- the two indexes ----------------------------------------------------------------------------------------


def _ident(h: int) -> int:
    return h


_PERMS = MinHash(num_perm=NUM_PERM, hashfunc=_ident, scheme="affine32").permutations


def minhash(fp: np.ndarray) -> MinHash:
    """datasketch MinHash of a fingerprint's shingle hashes (uint32 ints, mixed again by the affine32 scheme)."""
    m = MinHash(num_perm=NUM_PERM, hashfunc=_ident, permutations=_PERMS, scheme="affine32")
    m.update_batch(fp.tolist())
    return m


def build_oresight(fps: list[np.ndarray]) -> NoveltyIndex:
    index = NoveltyIndex()
    for d, fp in enumerate(fps):
        index.add(str(d), fingerprint=fp, intercepts=[])
    return index


def build_lsh(fps: list[np.ndarray], threshold: float) -> tuple[MinHashLSH, list[LeanMinHash]]:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    kept: list[LeanMinHash] = []
    with lsh.insertion_session() as session:
        for d, fp in enumerate(fps):
            m = LeanMinHash(minhash(fp))
            session.insert(d, m, check_duplication=False)
            kept.append(m)
    return lsh, kept


def timed_build(build: Callable[[], Any]) -> tuple[Any, float, int, int]:
    """(index, seconds, tracemalloc peak bytes, retained bytes): one timed build, then one under tracemalloc."""
    gc.collect()
    t0 = time.perf_counter()
    build()
    seconds = time.perf_counter() - t0
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    built = build()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return built, seconds, peak - before, retained - before


# --- measuring ----------------------------------------------------------------------------------------------


@dataclass
class Figures:
    name: str
    build_seconds: float
    peak_bytes: int
    retained_bytes: int
    other_bytes: str  # the index's own size figure (nbytes() / pickle size)
    ms: list[float] = field(default_factory=list)  # per query, fingerprint(text) included
    found: dict[str, int] = field(default_factory=dict)  # kind -> queries whose source is returned
    found_hi: int = 0  # recycled queries with true J >= FALSE_BELOW whose source is flagged
    false_any: int = 0  # distinct queries with >= 1 false candidate
    false_total: int = 0  # false candidates over all distinct queries
    candidates: int = 0  # candidates over all distinct queries
    filtered_false_any: int = 0  # (LSH) after keeping candidates with estimated Jaccard >= threshold
    filtered_found_hi: int = 0
    filter_ms: list[float] = field(default_factory=list)


def _run_queries(ar: Archive, fig: Figures,
                 lookup: Callable[[str], tuple[list[int], list[int], list[int], float]], truth_hi: list[bool]) -> None:
    """lookup(text) -> (returned documents, candidates, candidates after a filter, seconds of the filter step).

    Returned: Oresight's best match whatever its similarity / the LSH candidates (recall "returned"). Candidates:
    what the index flags as similar (Oresight: the best match when its exact Jaccard is >= FALSE_BELOW; LSH: its
    candidates). Filtered: LSH candidates whose estimated Jaccard reaches the LSH threshold."""
    fps = ar.fingerprints
    lookup("warm up")
    gc.collect()
    gc.disable()
    try:
        for qi, q in enumerate(ar.queries):
            t0 = time.perf_counter()
            returned, cands, filtered, filter_s = lookup(q.text)
            fig.ms.append((time.perf_counter() - t0 - filter_s) * 1000)
            fig.filter_ms.append(filter_s * 1000)
            if q.kind == "distinct":
                qfp = fingerprint(q.text)
                fig.candidates += len(cands)
                false = sum(true_jaccard(qfp, fps[c]) < FALSE_BELOW for c in cands)
                fig.false_total += false
                fig.false_any += false > 0
                fig.filtered_false_any += any(true_jaccard(qfp, fps[c]) < FALSE_BELOW for c in filtered)
            elif q.source >= 0:
                fig.found[q.kind] = fig.found.get(q.kind, 0) + (q.source in returned)
                if truth_hi[qi]:
                    fig.found_hi += q.source in cands
                    fig.filtered_found_hi += q.source in filtered
    finally:
        gc.enable()


def measure_oresight(ar: Archive, truth_hi: list[bool]) -> Figures:
    index, seconds, peak, retained = timed_build(lambda: build_oresight(ar.fingerprints))
    fig = Figures("Oresight NoveltyIndex", seconds, peak, retained, f"nbytes() {index.nbytes() / 1e6:.1f} MB")
    def lookup(text: str) -> tuple[list[int], list[int], list[int], float]:
        nov = index.check(fingerprint=fingerprint(text), intercepts=[])
        best = [] if nov.similar_announcement is None else [int(nov.similar_announcement)]
        flagged = best if nov.similarity >= FALSE_BELOW else []  # exact similarity: no estimate to filter
        return best, flagged, flagged, 0.0

    _run_queries(ar, fig, lookup, truth_hi)
    return fig


def measure_lsh(ar: Archive, truth_hi: list[bool], threshold: float) -> Figures:
    (lsh, kept), seconds, peak, retained = timed_build(lambda: build_lsh(ar.fingerprints, threshold))
    size = len(pickle.dumps((lsh, kept), protocol=pickle.HIGHEST_PROTOCOL))
    fig = Figures(f"datasketch LSH t={threshold:g} (b={lsh.b}, r={lsh.r})", seconds, peak, retained,
                  f"pickle {size / 1e6:.1f} MB")

    def lookup(text: str) -> tuple[list[int], list[int], list[int], float]:
        m = minhash(fingerprint(text))
        cands = lsh.query(m)
        t0 = time.perf_counter()
        filtered = [c for c in cands if m.jaccard(kept[c]) >= threshold]
        return cands, cands, filtered, time.perf_counter() - t0

    _run_queries(ar, fig, lookup, truth_hi)
    return fig


# --- report -------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000, help="synthetic archive size (bench/novelty.py's)")
    ap.add_argument("--thresholds", default="0.5,0.7,0.3", help="MinHashLSH thresholds, comma-separated")
    args = ap.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    print("# Document-level near-duplicate detection: Oresight NoveltyIndex vs datasketch MinHashLSH")
    extra = "" if args.docs == 20_000 else f" --docs {args.docs}"
    extra += "" if args.thresholds == "0.5,0.7,0.3" else f" --thresholds {args.thresholds}"
    print(f"reproduce: .venv/bin/python -m bench.novelty_alternatives{extra}")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, datasketch {datasketch.__version__}; "
          f"{NUM_PERM} permutations; Oresight duplicate threshold {DUPLICATE_JACCARD}")
    ar = archive(args.docs)
    fps = ar.fingerprints
    truth = [true_jaccard(fingerprint(q.text), fps[q.source]) if q.source >= 0 else 0.0 for q in ar.queries]
    kinds = {k: sum(q.kind == k for q in ar.queries) for k in ("recycled", "jv", "distinct")}
    rec = [j for q, j in zip(ar.queries, truth, strict=True) if q.kind == "recycled" and q.source >= 0]
    truth_hi = [q.kind == "recycled" and j >= FALSE_BELOW for q, j in zip(ar.queries, truth, strict=True)]
    n_hi = sum(truth_hi)
    print(f"{len(fps):,} documents ({np.mean([f.size for f in fps]):.0f} sampled shingles each), generated by "
          f"bench.novelty.synthetic in {ar.generate_seconds:.1f} s; queries: {kinds['recycled']} text-recycled, "
          f"{kinds['jv']} JV partner (no common text), {kinds['distinct']} distinct; unresolved sources "
          f"{ar.ambiguous_sources}")
    if rec:
        q10, q50, q90 = np.percentile(rec, [10, 50, 90])
        print(f"true Jaccard of text-recycled queries with their source: p10 {q10:.2f}, p50 {q50:.2f}, "
              f"p90 {q90:.2f}, max {max(rec):.2f}; {n_hi} of {len(rec)} at >= {FALSE_BELOW}, "
              f"{sum(j >= DUPLICATE_JACCARD for j in rec)} at >= {DUPLICATE_JACCARD}")
    figs = [measure_oresight(ar, truth_hi)] + [measure_lsh(ar, truth_hi, t) for t in thresholds]
    n_rec = max(1, len(rec))
    n_jv = max(1, sum(q.kind == "jv" and q.source >= 0 for q in ar.queries))
    n_dis = max(1, kinds["distinct"])
    print("\nbuild: from the stored fingerprints (fingerprinting the documents is not counted for either); "
          "memory: tracemalloc peak during a second build / retained after it")
    print("query: fingerprint(text) + lookup (datasketch: + MinHash); recall 'returned': the source is "
          "Oresight's best match / among the LSH candidates; 'J>=0.5': among recycled queries whose true "
          "Jaccard is >= 0.5, the source flagged (Oresight: similarity >= 0.5; LSH: a candidate / [after the "
          "estimated-Jaccard filter]); false: distinct queries with a candidate of true Jaccard < 0.5")
    head = (f"{'index':34} {'build s':>7} {'peak MB':>8} {'kept MB':>8} {'size':>18} {'p50 ms':>6} {'p99 ms':>6} "
            f"{'recall returned':>15} {'J>=0.5':>13} {'JV':>5} {'false':>13} {'cand/q':>6}")
    print(head)
    for f in figs:
        hi = f"{f.found_hi / max(1, n_hi):.3f}"
        fa = f"{f.false_any / n_dis:.3f}"
        if f.name.startswith("datasketch"):
            hi += f" [{f.filtered_found_hi / max(1, n_hi):.3f}]"
            fa += f" [{f.filtered_false_any / n_dis:.3f}]"
        print(f"{f.name:34} {f.build_seconds:>7.1f} {f.peak_bytes / 1e6:>8.1f} {f.retained_bytes / 1e6:>8.1f} "
              f"{f.other_bytes:>18} {pct(f.ms, 50):>6.2f} {pct(f.ms, 99):>6.2f} "
              f"{f.found.get('recycled', 0) / n_rec:>15.3f} {hi:>13} {f.found.get('jv', 0) / n_jv:>5.3f} "
              f"{fa:>13} {f.candidates / n_dis:>6.1f}")
    for f in figs[1:]:
        print(f"  {f.name}: estimated-Jaccard filter adds p50 {pct(f.filter_ms, 50):.3f} ms, "
              f"p99 {pct(f.filter_ms, 99):.3f} ms per query; false candidates on distinct queries "
              f"{f.false_total} in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
