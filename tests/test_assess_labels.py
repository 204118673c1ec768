"""Every hand-made assessment label (samples/*/<id>.assess.json) follows samples/ASSESS_LABELS.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oresight.assess.types import type_names

ROOT = Path(__file__).resolve().parents[1]
LABELS = sorted((ROOT / "samples").glob("*/*.assess.json"))
ITEMS = {"competent_person", "code_reference", "drillhole_table", "sample_type", "aggregation", "metal_equivalent",
         "true_width", "assays", "balanced_headline", "table1"}
FLAGS = {"metal_eq_without_assumptions", "visual_as_assays", "headline_cherry_pick", "no_true_width",
         "missing_competent_person", "including_dominance", "scintillometer"}


def test_there_are_labels_in_every_set() -> None:
    sets = {p.parent.name for p in LABELS}
    assert {"corpus", "holdout", "holdout2", "assess"} <= sets
    assert len(LABELS) >= 190


@pytest.mark.parametrize("path", LABELS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_assess_label(path: Path) -> None:
    lab = json.loads(path.read_text())
    assert set(lab) == {"id", "type", "significance", "stage", "reporting", "red_flags", "notes"}
    assert path.name == f"{lab['id']}.assess.json"
    assert any(p for p in path.parent.glob(lab["id"] + ".*") if not p.name.endswith(".json")), "document missing"
    assert lab["type"] in type_names()
    assert lab["significance"] in (None, "ordinary", "significant", "exceptional")
    assert lab["stage"] in (None, "discovery", "new_zone", "extension", "infill", "resource")
    assert set(lab["reporting"]) == ITEMS
    for k, v in lab["reporting"].items():
        if k == "sample_type":
            assert v in (None, "drill", "surface", "both", "unstated")
        else:
            assert v in (None, True, False)
    assert set(lab["red_flags"]) <= FLAGS
    assert isinstance(lab["notes"], str) and lab["notes"].strip()
