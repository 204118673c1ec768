"""Scoring assessments against the hand-made labels ``<id>.assess.json`` (samples/ASSESS_LABELS.md):
precision and recall of each announcement type and of each reporting-checklist item, and the ranking
quality of the discovery score (AUC of significant-or-exceptional against ordinary results).

A checklist item is scored where the label says it applies (true or false): "present" is the positive
class. Whether it applies at all is scored separately (applicability accuracy).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oresight.evaluate import Counts

RANK = {"ordinary": 0, "significant": 1, "exceptional": 2}


@dataclass
class AssessScore:
    types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    type_confusion: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, label, predicted)
    items: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    applicability: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    flags: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    scored: list[tuple[str, str, float, str]] = field(default_factory=list)  # (doc, label, score, band)
    item_misses: list[str] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        n = sum(c.tp + c.fn for c in self.types.values())
        return sum(c.tp for c in self.types.values()) / n if n else 1.0

    def auc(self, positive: Sequence[str] = ("significant", "exceptional"), negative: Sequence[str] = ("ordinary",)) -> float:
        pos = [s for _, lab, s, _ in self.scored if lab in positive]
        neg = [s for _, lab, s, _ in self.scored if lab in negative]
        if not pos or not neg:
            return float("nan")
        wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
        return wins / (len(pos) * len(neg))

    def band_agreement(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for _, lab, _, band in self.scored:
            table[lab][band] += 1
        return table


def load_assess_label(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def labelled(folder: Path) -> list[tuple[Path, Path]]:
    """(document, label) pairs of a folder: every ``<id>.assess.json`` with its document beside it."""
    out = []
    for label in sorted(folder.glob("*.assess.json")):
        stem = label.name[: -len(".assess.json")]
        docs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".json")]
        if docs:
            out.append((docs[0], label))
    return out


def score_one(total: AssessScore, name: str, predicted: dict[str, Any], label: dict[str, Any]) -> None:
    want, got = label["type"], predicted["type"]["type"]
    if want == got:
        total.types[want].tp += 1
    else:
        total.types[want].fn += 1
        total.types[got].fp += 1
        total.type_confusion.append((name, want, got))
    items = {i["id"]: i for i in predicted["reporting"]["items"]}
    for item_id, truth in (label.get("reporting") or {}).items():
        pred = items.get(item_id)
        if pred is None:
            continue
        applies_label = truth is not None
        applies_pred = pred["status"] != "n/a"
        total.applicability[item_id][0] += applies_label == applies_pred
        total.applicability[item_id][1] += 1
        if truth is None:
            continue
        want_present = truth != "unstated" if item_id == "sample_type" else bool(truth)
        got_present = pred["status"] == "present"
        # "present" is the positive class of the item; "<item>:missing" scores the same pairs the other way round
        c, m = total.items[item_id], total.items[item_id + ":missing"]
        if want_present and got_present:
            c.tp += 1
        elif got_present:
            c.fp += 1
            m.fn += 1
            total.item_misses.append(f"{name} {item_id}: predicted present, label missing ({pred['reason'][:80]})")
        elif want_present:
            c.fn += 1
            m.fp += 1
            total.item_misses.append(f"{name} {item_id}: label present, predicted {pred['status']} ({pred['reason'][:80]})")
        else:
            m.tp += 1
    got_flags = {f["id"] for f in predicted["reporting"]["red_flags"]}
    for flag in set(label.get("red_flags") or ()) | got_flags:
        c = total.flags[flag]
        if flag in got_flags and flag in (label.get("red_flags") or ()):
            c.tp += 1
        elif flag in got_flags:
            c.fp += 1
        else:
            c.fn += 1
    if label.get("significance") in RANK:
        sig = predicted["significance"]
        total.scored.append((name, label["significance"], float(sig["score"]), sig["band"]))


def score_all(results: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> AssessScore:
    total = AssessScore()
    for name, predicted, label in results:
        score_one(total, name, predicted, label)
    return total
