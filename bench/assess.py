"""Assessment figures for `make bench`: announcement types and reporting-checklist items (precision and
recall against the hand-made labels), and the ranking quality of the discovery score (AUC).

Run alone: ``.venv/bin/python -m bench.assess [-v]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from oresight.assess import assess
from oresight.evaluate_assess import AssessScore, labelled, load_assess_label, score_all
from oresight.pipeline import analyse_path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("corpus", "holdout", "holdout2", "assess")


def evaluate(sets: tuple[str, ...] = SETS) -> tuple[AssessScore, int, float]:
    results = []
    seconds = 0.0
    for name in sets:
        for doc, lab in labelled(ROOT / "samples" / name):
            analysis = analyse_path(doc)
            t0 = time.perf_counter()
            a = assess(analysis)
            seconds += time.perf_counter() - t0
            results.append((f"{name}/{doc.name}", a.to_json(), load_assess_label(lab)))
    return score_all(results), len(results), seconds


def report(verbose: bool = False) -> None:
    total, n, seconds = evaluate()
    print(f"\n## Assessment ({n} labelled documents: samples/{{{','.join(SETS)}}}/*.assess.json)")
    print(f"assessment time (after extraction): {seconds / n * 1000:.1f} ms per document")
    print(f"announcement types: accuracy {total.type_accuracy:.3f}")
    print(f"{'':16}{'precision':>10}{'recall':>8}{'n':>5}")
    for k, c in sorted(total.types.items()):
        print(f"  {k:14}{c.precision:>10.2f}{c.recall:>8.2f}{c.tp + c.fn:>5}")
    print("reporting checklist (positive = present; scored where the label says the item applies)")
    print(f"{'':30}{'precision':>10}{'recall':>8}{'n':>5}   applicability agreement")
    for k, c in sorted(total.items.items()):
        if k.endswith(":missing"):
            continue
        m = total.items.get(k + ":missing")
        a, an = total.applicability[k]
        miss = f"   missing: P {m.precision:.2f} R {m.recall:.2f}" if m and (m.tp + m.fp + m.fn) else ""
        print(f"  {k:28}{c.precision:>10.2f}{c.recall:>8.2f}{c.tp + c.fn:>5}   {a}/{an}{miss}")
    print("red flags")
    for k, c in sorted(total.flags.items()):
        print(f"  {k:28}{c.precision:>10.2f}{c.recall:>8.2f}{c.tp + c.fn:>5}")
    print(f"discovery score: AUC significant-or-exceptional vs ordinary {total.auc():.3f}; "
          f"exceptional vs the rest {total.auc(('exceptional',), ('ordinary', 'significant')):.3f} "
          f"({len(total.scored)} labelled results)")
    print("bands by label: " + "; ".join(f"{lab}: " + ", ".join(f"{b} {c}" for b, c in sorted(bands.items()))
                                          for lab, bands in sorted(total.band_agreement().items())))
    if verbose:
        for name, want, got in total.type_confusion:
            print(f"  TYPE  {name}: labelled {want}, read {got}")
        for line in total.item_misses:
            print(f"  ITEM  {line}")
        for name, lab, s, band in sorted(total.scored, key=lambda x: -x[2]):
            print(f"  SCORE {s:5.1f} {band:12} label {lab:12} {name}")


def main() -> int:
    report("-v" in sys.argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
