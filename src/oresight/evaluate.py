"""Scoring extraction against a labelled corpus: precision, recall and F1 of intercepts and resources.

A labelled document is a file beside ``<name>.expected.json`` holding the truth (see
``samples/README.md``). A predicted intercept matches a labelled one when the analyte and unit are
the same, the grade agrees within 0.5 % and the width within 0.05 m (or 1 %); a resource when the
analyte, category, grade (0.5 %) and tonnes (1 %) agree. Matching is one to one. Hole, depth and
``including`` are scored separately, as field accuracy over the matched pairs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oresight.model import Extraction


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class DocScore:
    name: str
    intercepts: Counts
    resources: Counts
    commodities: Counts
    field_hits: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    field_misses: list[tuple[str, Any, Any, Any, str]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    missed_resources: list[dict[str, Any]] = field(default_factory=list)
    spurious_resources: list[dict[str, Any]] = field(default_factory=list)


def _rel(a: float | None, b: float | None, tol: float, abs_tol: float = 0.0) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(abs_tol, tol * max(abs(a), abs(b)))


def intercept_match(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return (
        pred.get("analyte") == gold.get("analyte")
        and pred.get("unit") == gold.get("unit")
        and _rel(pred.get("grade"), gold.get("grade"), 0.005, 1e-9)
        and _rel(pred.get("width_m"), gold.get("width_m"), 0.01, 0.051)
    )


def resource_match(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if gold.get("analyte") is not None and pred.get("analyte") != gold.get("analyte"):
        return False
    if gold.get("category") is not None and pred.get("category") != gold.get("category"):
        return False
    if gold.get("grade") is not None and not _rel(pred.get("grade"), gold.get("grade"), 0.005, 1e-9):
        return False
    return _rel(pred.get("tonnes"), gold.get("tonnes"), 0.01)


def _pair(preds: Sequence[dict[str, Any]], golds: Sequence[dict[str, Any]], match: Any
          ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and match(p, g):
                used.add(pi)
                pairs.append((pi, gi))
                break
    matched_gold = {gi for _, gi in pairs}
    return pairs, [i for i in range(len(preds)) if i not in used], [i for i in range(len(golds)) if i not in matched_gold]


FIELDS = ("hole_id", "from_m", "to_m", "including")
# labels may name platinum-group metals one by one; Oresight reports the commodity as PGE
COMMODITY_ALIASES = {"Pt": "PGE", "Pd": "PGE", "Rh": "PGE", "Ir": "PGE", "Os": "PGE", "Ru": "PGE"}


def score(name: str, extraction: Extraction | dict[str, Any], expected: dict[str, Any]) -> DocScore:
    ex = extraction.to_json() if isinstance(extraction, Extraction) else extraction
    preds = ex.get("intercepts", [])
    golds = expected.get("intercepts", [])
    pairs, fp, fn = _pair(preds, golds, intercept_match)
    ds = DocScore(name, Counts(len(pairs), len(fp), len(fn)), Counts(), Counts())
    for pi, gi in pairs:
        p, g = preds[pi], golds[gi]
        for f in FIELDS:
            if f not in g:
                continue
            ds.field_total[f] = ds.field_total.get(f, 0) + 1
            pv, gv = p.get(f), g.get(f)
            ok = _rel(pv, gv, 0.0, 0.051) if isinstance(gv, float | int) and not isinstance(gv, bool) else (
                (str(pv).upper() == str(gv).upper()) if isinstance(gv, str) else pv == gv)
            ds.field_hits[f] = ds.field_hits.get(f, 0) + int(bool(ok))
            if not ok:
                ds.field_misses.append((f, gv, pv, g.get("hole_id"), p.get("surface", "")))
    ds.missed = [golds[i] for i in fn]
    ds.spurious = [preds[i] for i in fp]
    rp = ex.get("resources", [])
    rg = expected.get("resources", [])
    rpairs, rfp, rfn = _pair(rp, rg, resource_match)
    ds.resources = Counts(len(rpairs), len(rfp), len(rfn))
    ds.missed_resources = [rg[i] for i in rfn]
    ds.spurious_resources = [rp[i] for i in rfp]
    pc = {COMMODITY_ALIASES.get(c, c) for c in ex.get("commodities", [])}
    gc = {COMMODITY_ALIASES.get(c, c) for c in expected.get("commodities", [])}
    ds.commodities = Counts(len(pc & gc), len(pc - gc), len(gc - pc))
    return ds


@dataclass
class CorpusScore:
    docs: list[DocScore]

    def total(self, what: str) -> Counts:
        c = Counts()
        for d in self.docs:
            c.add(getattr(d, what))
        return c

    def field_accuracy(self) -> dict[str, float]:
        hits: dict[str, int] = {}
        tot: dict[str, int] = {}
        for d in self.docs:
            for f, n in d.field_total.items():
                tot[f] = tot.get(f, 0) + n
                hits[f] = hits.get(f, 0) + d.field_hits.get(f, 0)
        return {f: hits[f] / tot[f] for f in tot if tot[f]}


def labelled_files(folder: Path) -> list[tuple[Path, Path]]:
    """(document, label) pairs of a labelled folder, sorted by name."""
    out = []
    for label in sorted(folder.glob("*.expected.json")):
        stem = label.name[: -len(".expected.json")]
        docs = [p for p in folder.glob(stem + ".*") if p != label and not p.name.endswith(".json")]
        if docs:
            out.append((docs[0], label))
    return out


def load_label(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def score_corpus(results: Iterable[tuple[str, Extraction, dict[str, Any]]]) -> CorpusScore:
    return CorpusScore([score(n, e, g) for n, e, g in results])
