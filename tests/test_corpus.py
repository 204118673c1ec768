"""The labelled corpus: every document is a regression test; known misses are strict xfails.

A document listed in KNOWN_MISSES is expected to fail (strict: when it starts passing, the test
fails until it is taken off the list). The aggregate scores must stay above the acceptance bar.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from oresight.evaluate import CorpusScore, DocScore, labelled_files, load_label, score
from oresight.pipeline import analyse_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "corpus"
HOLDOUT = ROOT / "samples" / "holdout"
HOLDOUT2 = ROOT / "samples" / "holdout2"

# document name -> why it is still missed (kept honest: strict xfail)
KNOWN_MISSES: dict[str, str] = {
    "a-014.md": "a news article about several companies: the second company's resource is set aside as another "
                "company's figure (the label counts every company's own results)",
    "b-001.txt": "'KRC015 and KRC016 ... respectively' is broken by a page footer inside 'respec- / tively', so the "
                 "two results are not paired with their holes",
    "hold-001.txt": "'values up to 4.7 g/t Au over 2 m' from surface sampling is read as an intercept",
}


@cache
def scored(path: Path, label: Path) -> DocScore:
    return score(path.name, analyse_path(path).extraction, load_label(label))


def _params(folder: Path) -> list[object]:
    out: list[object] = []
    for doc, lab in labelled_files(folder):
        marks = []
        if doc.name in KNOWN_MISSES:
            marks.append(pytest.mark.xfail(reason=KNOWN_MISSES[doc.name], strict=True))
        out.append(pytest.param(doc, lab, id=doc.name, marks=marks))
    return out


def test_corpus_is_large_enough() -> None:
    docs = labelled_files(CORPUS)
    assert len(docs) >= 60
    kinds = {d.suffix for d, _ in docs}
    assert {".pdf", ".html", ".txt", ".md"} <= kinds


@pytest.mark.parametrize("doc,label", _params(CORPUS) + _params(HOLDOUT) + _params(HOLDOUT2))
def test_corpus_document(doc: Path, label: Path) -> None:
    s = scored(doc, label)
    problems = [f"missed {m}" for m in s.missed] + [f"spurious {x['surface']!r}" for x in s.spurious]
    problems += [f"missed resource {m}" for m in s.missed_resources]
    problems += [f"spurious resource {x['surface']!r}" for x in s.spurious_resources]
    assert not problems, "\n".join(problems)


def test_corpus_scores_meet_the_bar() -> None:
    cs = CorpusScore([scored(d, lab) for d, lab in labelled_files(CORPUS)])
    assert cs.total("intercepts").f1 >= 0.95
    assert cs.total("resources").f1 >= 0.90


def test_holdout_scores() -> None:
    """The holdout set was written in other styles, unseen while writing the rules: a looser bar."""
    pairs = labelled_files(HOLDOUT)
    if not pairs:
        pytest.skip("no holdout set")
    cs = CorpusScore([scored(d, lab) for d, lab in pairs])
    assert cs.total("intercepts").f1 >= 0.85
    assert cs.total("resources").f1 >= 0.75
    pairs2 = labelled_files(HOLDOUT2)
    cs2 = CorpusScore([scored(d, lab) for d, lab in pairs2])
    assert cs2.total("intercepts").f1 >= 0.85
    assert cs2.total("resources").f1 >= 0.75


def test_labels_are_consistent() -> None:
    """Every label passes the label checker (schema, to - from = width, sub-intervals inside their parent,
    contained metal against tonnes x grade, hole ids and grades present in the document)."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, str(ROOT / "samples" / "check_labels.py")], capture_output=True, text=True,
                       timeout=300, check=False)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]


def test_prose_spans_point_at_their_surface() -> None:
    """For every value read from prose, the page text at its span is exactly its surface (the contract)."""
    from oresight.documents import read_path
    from oresight.extract import extract

    checked = 0
    for doc, _label in labelled_files(CORPUS)[:60]:
        document = read_path(doc)
        ex = extract(document)
        for value in (*ex.intercepts, *ex.resources):
            if value.source != "text":
                continue
            page = document.pages[value.span.page - 1].text
            assert page[value.span.start : value.span.end] == value.surface, (doc.name, value.surface)
            checked += 1
    assert checked > 100
