"""The labelled novelty set (samples/novelty): re-announcements of stored results are flagged, new results
from the same projects (same boilerplate, same hole prefixes) are not."""

from __future__ import annotations

import json
from pathlib import Path

from oresight.assess.novelty import NoveltyIndex, fingerprint
from oresight.pipeline import analyse_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def test_labelled_novelty_set_recall_and_no_false_flags() -> None:
    index = NoveltyIndex()
    for name in ("corpus", "holdout", "holdout2"):
        for p in sorted((SAMPLES / name).iterdir()):
            if p.suffix in (".pdf", ".html", ".txt", ".md"):
                a = analyse_path(p)
                tickers = a.extraction.companies
                index.add(f"{name}/{p.stem}", fingerprint=fingerprint(a.document.text), intercepts=a.extraction.intercepts,
                          ticker=tickers[0].ticker if tickers else None)
    labels = sorted((SAMPLES / "novelty").glob("nov-*.novelty.json"))
    assert len(labels) >= 40
    flagged_repeats = repeats = false_flags = distinct = 0
    misses: list[str] = []
    for lab_path in labels:
        lab = json.loads(lab_path.read_text())
        doc = next(p for p in (SAMPLES / "novelty").glob(lab["id"] + ".*") if not p.name.endswith(".json"))
        a = analyse_path(doc)
        nov = index.check(fingerprint=fingerprint(a.document.text), intercepts=a.extraction.intercepts)
        if lab["relation"] == "distinct":
            distinct += 1
            if nov.flagged:
                false_flags += 1
                misses.append(f"false flag {doc.name}: {nov.reason}")
        else:
            repeats += 1
            if nov.flagged:
                flagged_repeats += 1
                # the reason names what was announced before
                assert nov.reason and (nov.repeated or nov.status == "duplicate")
            else:
                misses.append(f"missed {doc.name}: {nov.reason}")
    assert repeats >= 25 and distinct >= 15
    assert flagged_repeats / repeats >= 0.95, misses
    assert false_flags == 0, misses
