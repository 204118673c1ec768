"""`python -m bench.novelty`: the novelty check (re-announcements) on the labelled set and at scale.

(a) Labelled set ``samples/novelty`` (``nov-NNN.*`` + ``nov-NNN.novelty.json``): the archive is every document of
    ``samples/corpus``, ``holdout`` and ``holdout2``; each nov- document is checked against it. Prints the recall
    of flagged documents among duplicate + reannounced + mixed (target >= 0.95), false flags among distinct
    (target 0), per-relation counts, and the misses.
(b) Synthetic scale: 100,000 synthetic announcements (word-id arrays over a few thousand words, per-company
    boilerplate paragraphs, a Table-1-like paragraph shared across companies, numbers) with 3-10 result rows
    each; then recycled queries (10-20 % of words edited, grades rounded, hole-id variants; a fifth of them a
    joint-venture partner's release with no text in common) and distinct queries (same companies' boilerplate,
    new holes, some deeper intervals in stored holes). Queries go through the public path on text. Prints
    per-query check() time p50/p99 (target <= 5 ms), recall, false flags, build time and memory.

Run: ``.venv/bin/python -m bench.novelty`` (``--docs 20000`` for a quicker run, ``--skip-synthetic``). Prints
figures only; it asserts nothing (tests/test_novelty.py does that).
"""

from __future__ import annotations

import argparse
import gc
import json
import string
import sys
import time
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bench.run import pct
from oresight.assess.novelty import (
    DUPLICATE_JACCARD,
    REANNOUNCED_SHARE,
    Novelty,
    NoveltyIndex,
    fingerprint,
    fingerprint_tokens,
    normalise_hole_id,
)
from oresight.model import Intercept, Span

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
ARCHIVE_SETS = ("corpus", "holdout", "holdout2")
FLAG_RELATIONS = ("duplicate", "reannounced", "mixed")


# --- (a) labelled set -----------------------------------------------------------------------------------


@dataclass
class LabelledFigures:
    documents: int
    archive: int
    per_relation: dict[str, dict[str, int]]  # relation -> {"n", "flagged", status...}
    recall: float  # flagged among duplicate + reannounced + mixed
    false_flags: int  # flagged among distinct
    distinct: int
    misses: list[str] = field(default_factory=list)
    false_flagged: list[str] = field(default_factory=list)
    intercept_recall: float = 0.0  # labelled old intercepts found among the repeated rows
    seconds_index: float = 0.0
    check_ms_p50: float = 0.0


def _ticker(extraction: Any) -> str | None:
    return extraction.companies[0].ticker if extraction.companies else None


def _published(document: Any) -> str | None:
    for k in ("date", "published", "release_date"):
        v = document.meta(k)
        if v:
            return str(v)[:10]
    return None


def labelled(samples: Path = SAMPLES, verbose: bool = False) -> LabelledFigures | None:
    """Index the archive and check each labelled nov- document; None when the set has no labels yet."""
    from oresight.pipeline import analyse_path, discover

    folder = samples / "novelty"
    labels = sorted(folder.glob("nov-*.novelty.json")) if folder.is_dir() else []
    if not labels:
        return None
    t0 = time.perf_counter()
    index = NoveltyIndex()
    for name in ARCHIVE_SETS:
        d = samples / name
        if not d.is_dir():
            continue
        for p in discover([d]):
            if p.parent != d:  # holdout2/src_a, src_b: PDF sources, not announcements
                continue
            a = analyse_path(p)
            index.add(f"{name}/{p.stem}", fingerprint=fingerprint(a.document.text),
                      intercepts=a.extraction.intercepts, ticker=_ticker(a.extraction),
                      published=_published(a.document))
    seconds_index = time.perf_counter() - t0
    per: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    false_flagged: list[str] = []
    times: list[float] = []
    old_total = old_found = 0
    for lab in labels:
        stem = lab.name.removesuffix(".novelty.json")
        docs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".json")]
        if not docs:
            continue
        truth = json.loads(lab.read_text())
        relation = str(truth.get("relation", "?"))
        a = analyse_path(docs[0])
        fp = fingerprint(a.document.text)
        t1 = time.perf_counter()
        nov = index.check(fingerprint=fp, intercepts=a.extraction.intercepts, ticker=_ticker(a.extraction))
        times.append(time.perf_counter() - t1)
        c = per.setdefault(relation, {"n": 0, "flagged": 0})
        c["n"] += 1
        c["flagged"] += nov.flagged
        c[nov.status] = c.get(nov.status, 0) + 1
        line = f"{docs[0].name} ({relation}, originals {truth.get('originals')}): {nov.status}; {nov.reason}"
        if relation in FLAG_RELATIONS and not nov.flagged:
            misses.append(line)
        if relation == "distinct" and nov.flagged:
            false_flagged.append(line)
        found = {(r.previously.hole_id or "", r.previously.from_m) for r in nov.repeated}
        found_n = {(normalise_hole_id(h), f) for h, f in found}
        for hole, frm, _to in truth.get("old_intercepts", []):
            old_total += 1
            old_found += any(normalise_hole_id(hole) == h and (frm is None or f is None or abs(f - frm) <= 0.5)
                             for h, f in found_n)
        if verbose:
            print(f"  {line}  [similarity {nov.similarity:.2f} to {nov.similar_announcement}]")
    flag_n = sum(per.get(r, {}).get("n", 0) for r in FLAG_RELATIONS)
    flag_hit = sum(per.get(r, {}).get("flagged", 0) for r in FLAG_RELATIONS)
    return LabelledFigures(
        documents=sum(c["n"] for c in per.values()), archive=len(index), per_relation=per,
        recall=flag_hit / flag_n if flag_n else 0.0, false_flags=per.get("distinct", {}).get("flagged", 0),
        distinct=per.get("distinct", {}).get("n", 0), misses=misses, false_flagged=false_flagged,
        intercept_recall=old_found / old_total if old_total else 0.0, seconds_index=seconds_index,
        check_ms_p50=pct(times, 50) * 1000 if times else 0.0)


# --- (b) synthetic scale --------------------------------------------------------------------------------


@dataclass
class SyntheticFigures:
    documents: int
    rows: int
    build_seconds: float
    nbytes: int
    queries_recycled: int
    queries_jv: int
    queries_distinct: int
    recall: float  # flagged among recycled (incl. JV)
    recall_jv: float
    false_flag_rate: float  # flagged among distinct
    check_ms_p50: float
    check_ms_p99: float
    check_cpu_ms_p50: float  # thread CPU time: the wall-clock figures less the machine's other load
    check_cpu_ms_p99: float
    check_ms_p99_by_kind: dict[str, float]
    fingerprint_ms_p50: float
    statuses: dict[str, dict[str, int]]
    generate_seconds: float
    query_seconds: float
    examples: list[str] = field(default_factory=list)  # misses and false flags (up to 5)


CHUNK = 5000  # synthetic documents whose words are drawn together
ANALYTES = (("Au", "g/t", 1.2, 2), ("Cu", "%", 0.6, 2), ("Li2O", "%", 1.1, 2), ("TREO", "ppm", 1800.0, 0))


class _World:
    """The synthetic archive's vocabulary, companies and their boilerplate."""

    def __init__(self, rng: np.random.Generator, companies: int = 400, vocab: int = 5000) -> None:
        words: set[str] = set()
        letters = np.array(list(string.ascii_lowercase))
        while len(words) < vocab - 1200:
            n = int(rng.integers(2, 11))
            words.add("".join(letters[rng.integers(0, 26, n)]))
        numbers = {str(i) for i in range(600)} | {f"{x:.2f}" for x in rng.uniform(0, 50, 700)}
        self.words: list[str] = sorted(words) + sorted(numbers - words)
        self.hashes = np.array([zlib.crc32(w.encode()) for w in self.words], dtype=np.uint32)
        v = len(self.words)
        p = 1.0 / (np.arange(v) + 20.0)  # Zipf-like word frequencies
        self.cdf = np.cumsum(p / p.sum())
        self.table1 = self.draw(rng, 220)  # the JORC Table 1 criteria: verbatim across companies
        self.companies: list[tuple[str, str, int, list[np.ndarray]]] = []
        tickers: set[str] = set()
        for c in range(companies):
            while True:
                t = "".join(rng.choice(letters, 3)).upper()
                if t not in tickers:
                    tickers.add(t)
                    break
            prefix = t[:2] + "RC"
            paras = [self.draw(rng, int(rng.integers(40, 120))) for _ in range(4)]  # CP statement, disclaimer...
            self.companies.append((t, prefix, c % len(ANALYTES), paras))
        self.next_hole = [1000] * companies

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.searchsorted(self.cdf, rng.random(n)).astype(np.int32).clip(0, len(self.words) - 1)

    def body(self, rng: np.random.Generator, company: int, words: int | np.ndarray) -> np.ndarray:
        """A document's word ids: ``words`` (drawn here when a count) and some of the company's boilerplate."""
        _, _, _, paras = self.companies[company]
        parts = [self.draw(rng, words) if isinstance(words, int) else words]
        parts += [paras[i] for i in np.flatnonzero(rng.random(len(paras)) < 0.6)]
        if rng.random() < 0.3:
            parts.append(self.table1)
        return np.concatenate(parts)

    def text(self, ids: np.ndarray) -> str:
        w = self.words
        return " ".join(w[i] for i in ids.tolist())

    def new_hole(self, company: int) -> str:
        self.next_hole[company] += 1
        return f"{self.companies[company][1]}{self.next_hole[company]}"


def _intercepts(rng: np.random.Generator, world: _World, company: int) -> list[Intercept]:
    analyte, unit, typical, dec = ANALYTES[world.companies[company][2]]
    rows: list[Intercept] = []
    n = int(rng.integers(3, 11))
    # one draw of every random number this document needs (scalar draws dominate the generation time)
    u = rng.random((n, 5)).tolist()
    grades = (typical * rng.lognormal(0, 0.7, n)).tolist()
    hole = ""
    top = 0.0
    for i in range(n):
        r_new, r_top, r_width, r_gap, r_incl = u[i]
        if not hole or r_new < 0.5:
            hole = world.new_hole(company)
            top = float(int(r_top * 250))
        width = float(1 + int(r_width * 29))
        grade = round(grades[i], dec)
        if rows and r_incl < 0.25 and rows[-1].width_m and rows[-1].width_m >= 6 and not rows[-1].including:
            parent = rows[-1]  # an "including" sub-interval of the previous row
            frm = (parent.from_m or 0.0) + 1
            g2 = round(parent.grade * 2.5, dec)
            s2 = f"incl. 2m @ {g2:.{dec}f}{unit} {analyte} from {frm:g}m"
            rows.append(Intercept(grade=g2, unit=unit, analyte=analyte, width_m=2.0, surface=s2,
                                  span=Span(1, 0, len(s2)), hole_id=parent.hole_id, from_m=frm, to_m=frm + 2,
                                  including=True))
            continue
        surface = f"{hole}: {width:g}m @ {grade:.{dec}f}{unit} {analyte} from {top:g}m"
        rows.append(Intercept(grade=grade, unit=unit, analyte=analyte, width_m=width, surface=surface,
                              span=Span(1, 0, len(surface)), hole_id=hole, from_m=top, to_m=top + width))
        top += width + float(5 + int(r_gap * 55))
    return rows


def _variant_id(rng: np.random.Generator, hole: str) -> str:
    letters = hole.rstrip("0123456789")
    digits = hole[len(letters):]
    k = int(rng.integers(0, 4))
    return (hole, f"{letters}-{digits}", f"{letters.lower()} {digits}", f"{letters}0{digits}")[k]


def _restated(rng: np.random.Generator, rows: list[Intercept]) -> list[Intercept]:
    """The same results as a re-announcement prints them: rounded grades, another spelling of the hole id."""
    ids: dict[str, str] = {}
    out = []
    for r in rows:
        hole = r.hole_id or ""
        if hole not in ids:
            ids[hole] = _variant_id(rng, hole)
        g = float(f"{r.grade:.2g}") if r.grade < 100 else round(r.grade, -1)
        surface = f"{ids[hole]}: {r.width_m:g}m @ {g:g}{r.unit} {r.analyte} from {r.from_m:g}m"
        out.append(Intercept(grade=g, unit=r.unit, analyte=r.analyte, width_m=r.width_m, surface=surface,
                             span=r.span, hole_id=ids[hole], from_m=r.from_m, to_m=r.to_m, including=r.including))
    return out


def _one_query(index: NoveltyIndex, query: tuple[str, list[Intercept], str, str], check_t: list[float],
               fp_t: list[float], stats: dict[str, dict[str, int]], examples: list[str], cpu_t: list[float],
               kind_t: dict[str, list[float]]) -> None:
    text, rows, ticker, kind = query
    t1 = time.perf_counter()
    fp = fingerprint(text)
    t2 = time.perf_counter()
    c2 = time.thread_time()
    nov: Novelty = index.check(fingerprint=fp, intercepts=rows, ticker=ticker)
    c3 = time.thread_time()
    t3 = time.perf_counter()
    fp_t.append(t2 - t1)
    check_t.append(t3 - t2)
    cpu_t.append(c3 - c2)
    kind_t.setdefault(kind, []).append(t3 - t2)
    s = stats.setdefault(kind, {"n": 0, "flagged": 0})
    s["n"] += 1
    s["flagged"] += nov.flagged
    s[nov.status] = s.get(nov.status, 0) + 1
    if nov.flagged == (kind == "distinct") and len(examples) < 5:
        examples.append(f"{kind} query flagged {nov.flagged}: {nov.status}; {nov.reason}")


def synthetic(docs: int = 100_000, recycled: int = 1000, distinct: int = 1000, seed: int = 20251127,
              jv_share: float = 0.2) -> SyntheticFigures:
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    world = _World(rng)
    n_comp = len(world.companies)
    company_of = rng.integers(0, n_comp, docs)
    lengths = rng.integers(200, 420, docs)  # plus 0-4 boilerplate paragraphs and sometimes Table 1: ~300-600 words
    keep = set(rng.choice(docs, recycled, replace=False).tolist())
    kept: dict[int, tuple[np.ndarray, list[Intercept]]] = {}
    holes_of: dict[int, list[Intercept]] = {}  # a stored row per company, for deeper-interval distinct queries
    index = NoveltyIndex()
    t_gen = 0.0
    n_rows = 0
    t_build0 = time.perf_counter()
    chunk: list[np.ndarray] = []
    for d in range(docs):
        tg = time.perf_counter()
        if not chunk:  # draw the words of the next documents at once (per-document draws dominate otherwise)
            k = min(CHUNK, docs - d)
            cuts = np.cumsum(lengths[d : d + k])[:-1]
            chunk = np.split(world.draw(rng, int(lengths[d : d + k].sum())), cuts)[::-1]
        c = int(company_of[d])
        ids = world.body(rng, c, chunk.pop())
        rows = _intercepts(rng, world, c)
        t_gen += time.perf_counter() - tg
        index.add(str(d), fingerprint=fingerprint_tokens(world.hashes[ids]), intercepts=rows,
                  ticker=world.companies[c][0], published=f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}")
        n_rows += len(rows)
        if d in keep:
            kept[d] = (ids, rows)
        holes_of.setdefault(c, rows)
    build = time.perf_counter() - t_build0 - t_gen
    generate = time.perf_counter() - t0 - build
    # queries: (text, intercepts, ticker, kind)
    queries: list[tuple[str, list[Intercept], str, str]] = []
    for d, (ids, rows) in kept.items():
        c = int(company_of[d])
        if rng.random() < jv_share:  # a JV partner: its own words and boilerplate, the same results
            partner = int(rng.integers(0, n_comp))
            text = world.text(world.body(rng, partner, int(rng.integers(200, 420))))
            queries.append((text, _restated(rng, rows), world.companies[partner][0], "jv"))
            continue
        edited = ids.copy()
        pos = rng.random(edited.size) < rng.uniform(0.10, 0.20)
        edited[pos] = world.draw(rng, int(pos.sum()))
        queries.append((world.text(edited), _restated(rng, rows), world.companies[c][0], "recycled"))
    for _ in range(distinct):
        c = int(rng.integers(0, n_comp))
        rows = _intercepts(rng, world, c)
        if rng.random() < 0.3 and c in holes_of:  # a deeper zone in a stored hole: new
            old = holes_of[c][0]
            top = (old.to_m or 0.0) + float(rng.integers(20, 120))
            s = f"{old.hole_id}: 4m @ {old.grade:g}{old.unit} {old.analyte} from {top:g}m"
            rows.append(Intercept(grade=old.grade, unit=old.unit, analyte=old.analyte, width_m=4.0, surface=s,
                                  span=Span(1, 0, len(s)), hole_id=old.hole_id, from_m=top, to_m=top + 4))
        queries.append((world.text(world.body(rng, c, int(rng.integers(200, 420)))), rows,
                        world.companies[c][0], "distinct"))
    order = rng.permutation(len(queries))
    check_t: list[float] = []
    fp_t: list[float] = []
    stats: dict[str, dict[str, int]] = {}
    examples: list[str] = []
    cpu_t: list[float] = []
    kind_t: dict[str, list[float]] = {}
    tq = time.perf_counter()
    index.check(fingerprint=fingerprint("warm up"), intercepts=[])
    gc.collect()
    gc.disable()  # timed without collector pauses (as bench/run.py times PDFs)
    try:
        for qi in order.tolist():
            _one_query(index, queries[qi], check_t, fp_t, stats, examples, cpu_t, kind_t)
    finally:
        gc.enable()
    query_seconds = time.perf_counter() - tq
    rec = stats.get("recycled", {"n": 0, "flagged": 0})
    jv = stats.get("jv", {"n": 0, "flagged": 0})
    dis = stats.get("distinct", {"n": 0, "flagged": 0})
    return SyntheticFigures(
        documents=len(index), rows=n_rows, build_seconds=build, nbytes=index.nbytes(),
        queries_recycled=rec["n"] + jv["n"], queries_jv=jv["n"], queries_distinct=dis["n"],
        recall=(rec["flagged"] + jv["flagged"]) / max(1, rec["n"] + jv["n"]),
        recall_jv=jv["flagged"] / max(1, jv["n"]), false_flag_rate=dis["flagged"] / max(1, dis["n"]),
        check_ms_p50=pct(check_t, 50) * 1000, check_ms_p99=pct(check_t, 99) * 1000,
        check_cpu_ms_p50=pct(cpu_t, 50) * 1000, check_cpu_ms_p99=pct(cpu_t, 99) * 1000,
        check_ms_p99_by_kind={k: pct(v, 99) * 1000 for k, v in sorted(kind_t.items())},
        fingerprint_ms_p50=pct(fp_t, 50) * 1000, statuses=stats, generate_seconds=generate,
        query_seconds=query_seconds, examples=examples)


# --- report ---------------------------------------------------------------------------------------------


def figures(docs: int = 100_000, skip_synthetic: bool = False, verbose: bool = False) -> dict[str, Any]:
    """The benchmark's figures as plain data (for bench/run.py): {"labelled": ... | None, "synthetic": ...}."""
    lab = labelled(verbose=verbose)
    syn = None if skip_synthetic else synthetic(docs=docs)
    return {"labelled": None if lab is None else asdict(lab), "synthetic": None if syn is None else asdict(syn)}


def report_labelled(lab: LabelledFigures | None) -> None:
    print("\n## Novelty: labelled set (samples/novelty against corpus + holdout + holdout2)")
    if lab is None:
        print("no labelled documents (samples/novelty/nov-*.novelty.json): skipped")
        return
    print(f"{lab.documents} labelled documents checked against an archive of {lab.archive} announcements "
          f"(indexed in {lab.seconds_index:.1f} s including reading; check p50 {lab.check_ms_p50:.2f} ms)")
    for rel, c in sorted(lab.per_relation.items()):
        rest = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k not in ("n", "flagged"))
        print(f"  {rel:12} {c['n']:>3} documents, {c['flagged']:>3} flagged   ({rest})")
    print(f"recall of flagged among duplicate+reannounced+mixed: {lab.recall:.3f} (target >= 0.95)")
    print(f"false flags among distinct: {lab.false_flags} of {lab.distinct} (target 0)")
    print(f"labelled old intercepts found among the repeated rows: {lab.intercept_recall:.3f}")
    for m in lab.misses:
        print(f"  MISSED  {m}")
    for m in lab.false_flagged:
        print(f"  FALSE   {m}")


def report_synthetic(s: SyntheticFigures) -> None:
    print(f"\n## Novelty at scale: {s.documents:,} synthetic announcements, {s.rows:,} result rows")
    print(f"index build {s.build_seconds:.1f} s (fingerprints from word ids + add(); generating the documents "
          f"took {s.generate_seconds:.1f} s more), index memory {s.nbytes / 1e6:.1f} MB "
          f"({s.nbytes / s.documents:.0f} bytes per announcement)")
    print(f"{s.queries_recycled} recycled queries ({s.queries_jv} of them a JV partner's release with no common "
          f"text) + {s.queries_distinct} distinct queries, on text through fingerprint(text) + check()")
    print(f"check() per query: p50 {s.check_ms_p50:.2f} ms, p99 {s.check_ms_p99:.2f} ms (target <= 5 ms); "
          f"fingerprint(text) p50 {s.fingerprint_ms_p50:.2f} ms; all queries {s.query_seconds:.1f} s")
    print(f"check() thread CPU time: p50 {s.check_cpu_ms_p50:.2f} ms, p99 {s.check_cpu_ms_p99:.2f} ms; wall p99 by "
          "query kind: " + ", ".join(f"{k} {v:.2f} ms" for k, v in s.check_ms_p99_by_kind.items()))
    print(f"recall of flagged among recycled: {s.recall:.3f} (JV partner {s.recall_jv:.3f}); "
          f"false flags among distinct: {s.false_flag_rate:.3f}")
    for kind, c in sorted(s.statuses.items()):
        print(f"  {kind:9} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for e in s.examples:
        print(f"  WRONG  {e}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=100_000, help="synthetic archive size")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every labelled document's verdict")
    args = ap.parse_args(argv)
    print("# Oresight novelty benchmark")
    print(f"reproduce: .venv/bin/python -m bench.novelty{' --docs ' + str(args.docs) if args.docs != 100_000 else ''}")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}; thresholds: duplicate text Jaccard >= "
          f"{DUPLICATE_JACCARD}, reannounced share >= {REANNOUNCED_SHARE}")
    report_labelled(labelled(verbose=args.verbose))
    if not args.skip_synthetic:
        report_synthetic(synthetic(docs=args.docs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
