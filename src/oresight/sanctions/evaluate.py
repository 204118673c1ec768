"""Measuring the matcher on labelled name pairs (``bench/data/sanctions_pairs.csv``): a name as a document may
write it, a name as a list writes it, and whether they are the same party (1) or not (0).

Pairs are split by their ``group`` (all pairs about one listed party fall in one part): about a third is held
out (``test``) and never used to choose the threshold, which is chosen on the rest (``train``): the best F1 there,
in the middle of the widest range of thresholds that give it. Each pair is scored the way a document is screened: a matcher over the one
listed name (blocking included) is asked for the query.
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from oresight.evaluate import Counts
from oresight.exceptions import BadInput

from .matcher import Matcher
from .model import ListEntry

TEST_SHARE = 3  # groups whose CRC-32 modulo 10 is below this are held out


@dataclass(frozen=True, slots=True)
class Pair:
    group: str
    category: str
    label: bool
    query: str
    listed: str

    @property
    def split(self) -> str:
        return split_of(self.group)


@dataclass
class Scores(Counts):
    """Counts at one threshold (precision, recall and F1 as for extraction, :class:`oresight.evaluate.Counts`)."""

    threshold: float = 0.0
    tn: int = 0


def split_of(group: str) -> str:
    """``test`` (held out) or ``train``, fixed by the group's name."""
    return "test" if zlib.crc32(group.encode("utf-8")) % 10 < TEST_SHARE else "train"


def load_pairs(path: Path) -> list[Pair]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise BadInput(f"{path}: cannot read: {e.strerror or e}") from None
    pairs = []
    for i, r in enumerate(rows, 2):
        try:
            pairs.append(Pair(r["group"], r["category"], r["label"].strip() == "1", r["query"], r["listed"]))
        except (KeyError, AttributeError):
            raise BadInput(f"{path}:{i}: needs group, category, label, query and listed") from None
    return pairs


def score_pair(pair: Pair) -> float:
    """The score the matcher gives the query against the listed name (0 when blocking does not retrieve it)."""
    entry = ListEntry("pairs", pair.group, pair.listed, "entity")
    found = Matcher([entry], threshold=0.0).match(pair.query, threshold=0.0, limit=1)
    return found[0].score if found else 0.0


def scored(pairs: Iterable[Pair]) -> list[tuple[Pair, float]]:
    return [(p, score_pair(p)) for p in pairs]


def at(results: Sequence[tuple[Pair, float]], threshold: float) -> Scores:
    tp = fp = fn = tn = 0
    for pair, score in results:
        hit = score >= threshold
        if pair.label:
            tp += hit
            fn += not hit
        else:
            fp += hit
            tn += not hit
    return Scores(tp=tp, fp=fp, fn=fn, threshold=threshold, tn=tn)


def tune(results: Sequence[tuple[Pair, float]]) -> Scores:
    """The threshold with the best F1 on these results, in the middle of the widest range of thresholds that give
    it (the farthest from the scores on either side, so a name scoring a little lower or higher than those seen
    is decided the same way)."""
    scores = sorted({round(s, 1) for _, s in results if s > 0} | {100.0})
    # a threshold in (scores[j-1], scores[j]] decides as `score >= scores[j]` does
    f1 = [at(results, t).f1 for t in scores]
    best = max(f1)
    runs: list[tuple[float, float]] = []
    j = 0
    while j < len(scores):
        if f1[j] == best:
            k = j
            while k + 1 < len(scores) and f1[k + 1] == best:
                k += 1
            low = scores[j - 1] if j > 0 else 0.0
            runs.append((low, scores[k]))
            j = k + 1
        else:
            j += 1
    low, high = max(runs, key=lambda r: (r[1] - r[0], r[1]))
    return at(results, round((low + high) / 2, 1) if high > low else high)


def by_category(results: Sequence[tuple[Pair, float]], threshold: float) -> dict[str, tuple[int, int]]:
    """Per category: (pairs decided right, pairs)."""
    out: dict[str, tuple[int, int]] = {}
    for pair, score in results:
        right, n = out.get(pair.category, (0, 0))
        out[pair.category] = (right + ((score >= threshold) == pair.label), n + 1)
    return out
