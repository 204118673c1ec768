"""The lower-cased fast path of cue search finds exactly what IGNORECASE search finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from oresight.assess import _text, assess
from oresight.assess._text import Pages, _case_sensitive_twin, compile_cues
from oresight.pipeline import analyse_path, analyse_text

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def test_twin_only_for_lower_case_insensitive_patterns() -> None:
    assert _case_sensitive_twin(re.compile(r"\bfire\s+assay\b", re.I)) is not None
    assert _case_sensitive_twin(re.compile(r"\bfire\s+assay\b")) is None  # already case-sensitive
    assert _case_sensitive_twin(re.compile(r"JORC", re.I)) is None  # an upper-case literal
    assert _case_sensitive_twin(re.compile(r"(?<![A-Za-z])au", re.I)) is None
    assert _case_sensitive_twin(re.compile(r"\x41u", re.I)) is None  # a code point that is a letter
    assert _case_sensitive_twin(re.compile(r"(?-i:au)", re.I)) is None
    assert _case_sensitive_twin(re.compile(r"\S+\W\D", re.I)) is not None  # escapes are not letters


def test_fast_search_quotes_the_original_text_with_the_same_spans() -> None:
    text = "Fire Assay Update\nKestrel Gold Limited\n\nFIRE ASSAY results: Four-Acid digest.\nΩ-check: ICP-MS Fire Assay\n"
    doc = analyse_text(text).document
    pages = Pages(doc)
    cue = compile_cues(["fire assay", "four[- ]acid"])
    hit = pages.first(cue)
    assert hit is not None and hit.surface == "Fire Assay" and hit.span.start == 0
    assert [e.surface for e in pages.all(cue)] == ["Fire Assay", "FIRE ASSAY", "Four-Acid", "Fire Assay"]
    assert [e.surface for e in pages.headline_hits(cue)] == ["Fire Assay"]
    assert pages._lower[0] is None or pages._lower[0] == pages.pages[0][1].lower()


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.pdf"))[::3], ids=lambda p: p.stem)
def test_assessment_is_the_same_with_and_without_the_fast_path(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = analyse_path(path)
    fast = assess(analysis).to_json()
    monkeypatch.setattr(_text, "_case_sensitive_twin", lambda pattern: None)
    slow = assess(analysis).to_json()
    assert json.dumps(fast, sort_keys=True, default=str) == json.dumps(slow, sort_keys=True, default=str)
