"""Commitments and recycled promises.

A **commitment** is a sentence with a commitment cue (``data/cues.yaml``: ``commitment``: will, shall, must,
plans to, aims to, is to, ordered to, "the ministry said it would", ...) or that opens with a directive verb
(``directive_start``: "Ensure the creation of ...", a decree's numbered orders).

**Recycled promises** compare a statement with earlier stored statements of the same issuer or on the same
topic (the same main commodity):

- the whole text by the novelty module's document fingerprint (sampled 5-word shingles,
  :func:`oresight.assess.novelty.fingerprint`) and the Jaccard index of the two sets, restricted to the sampled
  residue class as soon as one side is sampled (the module's rule, so the index stays unbiased);
- each commitment by its own fingerprint: the hashes of its content words (stop words dropped, plural "s"
  cut) and of their adjacent pairs. Five-word shingles suit documents, not sentences: one edited word in a
  20-word promise removes a quarter of its shingles, so restatements with a word changed ("within weeks" for
  "within a month") would fall apart; words and word pairs keep them close while the pairs still need the
  same order. A commitment **restates** an earlier one when their Jaccard index reaches ``recycled.restate``.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from oresight.assess.novelty import SAMPLE, TOKEN
from oresight.assess.novelty import fingerprint as document_fingerprint
from oresight.policy._data import cue_list, cues
from oresight.policy.report import Commitment, PriorMatch, Recycled, Restatement
from oresight.policy.text import Sentence, StatementText

if TYPE_CHECKING:
    from oresight.store._statements import StoredStatement

U32 = npt.NDArray[np.uint32]
_LEAD = re.compile(r"^[\W\d_]*(?:(?:and|also|further(?:more)?|additionally|in addition|moreover|to)\W+)?", re.IGNORECASE)


@cache
def commitment_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The commitment cues and the directive verbs that open a sentence."""
    c = cues()
    start = "|".join(f"(?:{p})" for p in c["directive_start"])
    return cue_list(c["commitment"]), re.compile(rf"(?:{start})", re.IGNORECASE)


def find_commitments(text: StatementText) -> list[tuple[Sentence, str]]:
    """The commitment sentences and the cue that makes each one."""
    cue, directive = commitment_cues()
    out: list[tuple[Sentence, str]] = []
    for sent in text.sentences:
        if len(sent.text) < 12 or sent.text.rstrip().endswith("?"):
            continue
        m = cue.search(sent.text)
        if m:
            out.append((sent, " ".join(m.group().split())))
            continue
        lead = _LEAD.match(sent.text)
        d = directive.match(sent.text, lead.end() if lead else 0)
        if d and len(sent.text.split()) >= 4:
            out.append((sent, d.group().lower()))
    return out


# ---------------------------------------------------------------- fingerprints


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in cues()["recycled"]["stopwords"])


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    stop = _stopwords()
    return [_stem(w) for w in TOKEN.findall(text.lower()) if w not in stop]


def sentence_fingerprint(text: str) -> U32:
    """Sorted unique uint32 hashes of a sentence's content words and adjacent word pairs."""
    words = content_words(text)
    grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    if not grams:
        return np.zeros(0, dtype=np.uint32)
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32, count=len(grams)))


def to_bytes(fp: U32) -> bytes:
    return np.ascontiguousarray(fp, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> U32:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def jaccard(a: U32, b: U32) -> float:
    if a.size == 0 or b.size == 0:
        return 0.0
    shared = int(np.intersect1d(a, b, assume_unique=True).size)
    return shared / (a.size + b.size - shared)


def document_similarity(a: U32, b: U32) -> float:
    """Jaccard index of two document fingerprints, as the novelty module compares them: on every shingle when
    both kept all of theirs (short texts), else on the sampled residue class only."""
    sa = a[a % np.uint32(SAMPLE) == 0]
    sb = b[b % np.uint32(SAMPLE) == 0]
    full_a, full_b = sa.size < a.size, sb.size < b.size
    if full_a and full_b:
        return jaccard(a, b)
    return jaccard(sa, sb)


def statement_fingerprint(text: str) -> U32:
    return document_fingerprint(text)


# ---------------------------------------------------------------- recycled


def recycled(*, commitments: Sequence[Commitment], fingerprint: U32, statement_date: date | None,
             priors: Sequence[tuple[StoredStatement, str]]) -> tuple[tuple[Commitment, ...], Recycled]:
    """Compare with earlier statements: ``priors`` are (stored statement with its commitments, route), where the
    route says why it is compared ("issuer", "topic", "issuer+topic"). Returns the commitments with their
    restatements and the summary."""
    c = cues()["recycled"]
    threshold = float(c["restate"])
    near = float(c["near_identical"])
    if not priors:
        why = "no earlier stored statement of this issuer or on this topic to compare with"
        return tuple(commitments), Recycled("unchecked", why, 0, None)
    prior_fps = [(p, route, [(k, from_bytes(k.fingerprint)) for k in p.commitments]) for p, route in priors]
    updated: list[Commitment] = []
    restated_by: dict[int, int] = {}
    for com in commitments:
        fp = from_bytes(com.fingerprint)
        best: tuple[float, StoredStatement, int] | None = None
        for p, _route, ks in prior_fps:
            for idx, (_k, kfp) in enumerate(ks):
                sim = jaccard(fp, kfp)
                # ties go to the earliest statement: it made the promise first
                if best is None or sim > best[0] + 1e-9 or (abs(sim - best[0]) <= 1e-9 and _earlier(p, best[1])):
                    best = (sim, p, idx)
        restatement = None
        if best is not None and best[0] > 0:
            sim, p, idx = best
            k = p.commitments[idx]
            restatement = Restatement(p.id, p.issuer, p.stated_on, p.title, k.text, k.span, sim)
        restates = restatement if restatement is not None and restatement.similarity >= threshold else None
        if restates is not None:
            restated_by[restates.statement_id] = restated_by.get(restates.statement_id, 0) + 1
        updated.append(Commitment(com.position, com.evidence, com.cue, com.fingerprint, restates, restatement))
    matches = []
    for p, route, _ in prior_fps:
        sim = document_similarity(fingerprint, from_bytes(p.fingerprint))
        matches.append(PriorMatch(p.id, p.issuer, p.stated_on, p.title, route, sim, restated_by.get(p.id, 0)))
    matches.sort(key=lambda m: (-m.restated, -m.similarity, m.date or date.max))
    shown = tuple(m for m in matches if m.restated or m.similarity >= 0.05)[:10]
    n = len(updated)
    restating = sum(1 for k in updated if k.restates is not None)
    share = restating / n if n else None
    top = max(matches, key=lambda m: (m.similarity, -(m.date or date.max).toordinal()))
    when = f" ({_when(top.date)})" if top.date else ""
    if top.similarity >= near:
        status = "near_identical"
        reason = f"near-identical to statement #{top.statement_id}{when} (text similarity {top.similarity:.2f})"
        if n:
            reason += f"; {restating} of {n} commitments restate earlier ones"
    elif restating:
        status = "recycled" if share is not None and share >= 0.5 else "partly_recycled"
        first = max(matches, key=lambda m: (m.restated, m.similarity))
        reason = (f"{restating} of {n} commitments restate earlier statements, {first.restated} of them "
                  f"statement #{first.statement_id}" + (f" ({_when(first.date)})" if first.date else ""))
    else:
        status = "new"
        reason = (f"none of {n} commitments restates" if n else "no commitments to compare; text compared with") + \
            f" {len(priors)} earlier statement(s)" + (f"; closest text #{top.statement_id}{when}, similarity "
                                                       f"{top.similarity:.2f}" if top.similarity > 0 else "")
    if statement_date is None:
        reason += "; this statement's date is unknown, so every stored statement counts as earlier"
    return tuple(updated), Recycled(status, reason, len(priors), share, shown)


def _earlier(a: StoredStatement, b: StoredStatement) -> bool:
    return (a.stated_on or date.max, a.id) < (b.stated_on or date.max, b.id)


def _when(d: date | None) -> str:
    return d.isoformat() if d else "date unknown"
