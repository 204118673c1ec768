"""Matching names against list entries: blocking, then a word-by-word score with a second check.

::

    m = Matcher(entries)                         # every name and alias of every entry, normalised and indexed
    m.match("Nornikel")                          # [Match(entry, matched_name, query, score)], best first
    m.match_mention(mention)                     # the same for a run of words in a document (best sub-run)
    similarity(name_keys("A")[0], name_keys("B")[0])   # the score of two spellings, 0-100

**Blocking.** Each spelling is indexed by its words' first and last three letters (whole words when short) and
by the first and last four letters of its joined form. A name's candidates are the list names that share keys
with at least two of its words (one, when either name has a single word), or share a joined-form key.

**Score.** Words are paired greedily by rapidfuzz ratio (order does not matter: "Petrov Ivan" = "Ivan
Petrov"); the score is the length-weighted mean of the pairs' ratios over every word of both names, a word
left without a partner counting as 0 (a patronymic as a tenth). Names whose words are split differently are
also compared joined. **Second check** (``data/matching.yaml``): short words must be equal, longer ones alike
and of nearly the same length, and two names of two words or more need two pairs, so a shared surname or a
shared city never makes a match on its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from oresight._data import package_yaml

from .model import ListEntry, Match, Mention, NameKey
from .normalise import is_pinyin, name_keys

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\S+")
MAX_RUN_WORDS = 12
MIN_DOCUMENT_WORD = 5  # a one-word list name is looked for in documents only from this many letters
DOCUMENT_KINDS = frozenset({"person", "entity"})  # vessels and aircraft are left out of document screening


@dataclass(frozen=True, slots=True)
class Settings:
    threshold: float
    word_min: float
    initial_score: float
    joined_min: float
    joined_min_length: int
    joined_length_ratio: float
    optional_weight: float
    blocking_max_share: float
    blocking_min_cap: int


@cache
def settings() -> Settings:
    data = package_yaml("oresight.sanctions", "matching.yaml")
    return Settings(**{k: data[k] for k in Settings.__dataclass_fields__})


def default_threshold() -> float:
    return settings().threshold


# -- the score ---------------------------------------------------------------------------------------------


def _word_score(a: str, b: str, s: Settings) -> float:
    if a == b:
        return 100.0
    la, lb = len(a), len(b)
    short = min(la, lb)
    if short == 1:  # an initial: "I. Petrov"
        return s.initial_score if a[0] == b[0] else 0.0
    if short <= 3 or abs(la - lb) > (1 if short <= 5 else 2):
        return 0.0
    if abs(la - lb) >= 2 and (a in b or b in a):
        return 0.0  # a word built on another (Polyarnaya / Zapolyarnaya, Scherbak / Scherbakov) is another word
    if is_pinyin(a) and is_pinyin(b):
        return 0.0  # other syllables are other characters (Jinlong / Yinlong, Jianguo / Jianhua)
    r = fuzz.ratio(a, b)
    return r if r >= s.word_min else 0.0


def _aligned(q: NameKey, c: NameKey, s: Settings) -> float:
    pairs = sorted(((sc, i, j) for i, a in enumerate(q.tokens) for j, b in enumerate(c.tokens)
                    if (sc := _word_score(a, b, s)) > 0), reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    num = den = 0.0
    full_words = 0
    for sc, i, j in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        weight = len(q.tokens[i]) + len(c.tokens[j])
        num += weight * sc / 100.0
        den += weight
        full_words += min(len(q.tokens[i]), len(c.tokens[j])) > 1
    if not full_words or len(used_q) < min(2, len(q.tokens), len(c.tokens)):
        return 0.0
    for key, used in ((q, used_q), (c, used_c)):
        for i, t in enumerate(key.tokens):
            if i not in used:
                den += len(t) * (s.optional_weight if i in key.optional else 1.0)
    return 100.0 * num / den


def _joined(q: NameKey, c: NameKey, s: Settings) -> float:
    if len(q.tokens) == len(c.tokens):
        return 0.0  # split the same way: the word pairing decides
    a, b = q.compact, c.compact
    short, long_ = sorted((len(a), len(b)))
    if short < s.joined_min_length or short / long_ < s.joined_length_ratio:
        return 0.0
    if is_pinyin(a) and is_pinyin(b):
        return 0.0  # other syllables are other characters
    r = fuzz.ratio(a, b)
    return r if r >= s.joined_min else 0.0


def similarity(q: NameKey, c: NameKey) -> float:
    """The score of two normalised spellings, 0-100 (0 when the second check fails)."""
    if q.compact == c.compact:
        return 100.0
    s = settings()
    return max(_aligned(q, c, s), _joined(q, c, s))


def name_similarity(a: str, b: str) -> float:
    """The best score over the spellings of two names (no blocking: see :meth:`Matcher.match`)."""
    return max((similarity(x, y) for x in name_keys(a) for y in name_keys(b)), default=0.0)


# -- the index ---------------------------------------------------------------------------------------------


def _index_keys(token: str) -> tuple[str, ...]:
    """A listed word's blocking keys: the word itself when short, else its first and last three letters, and
    from five letters also its first and last four."""
    n = len(token)
    if n <= 1:
        return ()
    if n <= 3:
        return ("w:" + token,)
    if n == 4:
        return ("p:" + token[:3], "s:" + token[-3:])
    return ("p:" + token[:3], "s:" + token[-3:], "P:" + token[:4], "S:" + token[-4:])


def _query_keys(token: str) -> tuple[str, ...]:
    """A query word's blocking keys: three letters up to six letters, four from seven (a word it may pair with
    differs in length by at most two, so it has both)."""
    n = len(token)
    if n <= 1:
        return ()
    if n <= 3:
        return ("w:" + token,)
    if n <= 6:
        return ("p:" + token[:3], "s:" + token[-3:])
    return ("P:" + token[:4], "S:" + token[-4:])


def _joined_keys(key: NameKey) -> tuple[str, ...]:
    if len(key.compact) < 6:
        return ()
    return ("c:" + key.compact[:4], "e:" + key.compact[-4:])


class Matcher:
    """Every name and alias of the given entries, normalised and indexed for blocking.

    ``kinds`` keeps only entries of those kinds (documents are screened against persons and entities:
    :data:`DOCUMENT_KINDS`). ``threshold`` defaults to the one in ``data/matching.yaml``."""

    def __init__(self, entries: Iterable[ListEntry], *, threshold: float | None = None,
                 kinds: Collection[str] | None = None) -> None:
        self.threshold = default_threshold() if threshold is None else float(threshold)
        self.entries: list[ListEntry] = [e for e in entries if kinds is None or e.kind in kinds]
        self._names: list[tuple[int, str, NameKey]] = []
        postings: dict[str, list[int]] = {}  # words of spellings of two words or more, and joined forms
        single: dict[str, list[int]] = {}  # words of one-word spellings
        for ei, entry in enumerate(self.entries):
            names = entry.names
            stored = entry.keys if entry.keys is not None and len(entry.keys) == len(names) else None
            for ni, name in enumerate(names):
                for key in (stored[ni] if stored is not None else name_keys(name)):
                    nid = len(self._names)
                    self._names.append((ei, name, key))
                    words = [t for t in key.tokens if len(t) > 1]
                    target = postings if len(words) > 1 else single
                    for k in {wk for t in words for wk in _index_keys(t)}:
                        target.setdefault(k, []).append(nid)
                    for k in _joined_keys(key):
                        postings.setdefault(k, []).append(nid)
        s = settings()
        cap = max(s.blocking_min_cap, int(s.blocking_max_share * len(self._names)))
        self._postings = {k: frozenset(v) for k, v in postings.items() if len(v) <= cap}
        self._single = {k: frozenset(v) for k, v in single.items() if len(v) <= cap}

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def name_count(self) -> int:
        """Indexed spellings (names and aliases, each in its normalised spellings)."""
        return len(self._names)

    def _candidates(self, keys: Sequence[NameKey]) -> set[int]:
        """Listed spellings sharing blocking keys with at least two of the query's words (one when either has a
        single word), or a joined-form key. Of the spellings of two words or more only the smaller posting lists
        are walked: a spelling that shares two words with the query is in a list other than the largest."""
        out: set[int] = set()
        for k in keys:
            for jk in _joined_keys(k):
                out.update(self._postings.get(jk, ()))
        lists: list[set[int]] = []
        for t in {t for k in keys for t in k.tokens if len(t) > 1}:
            hits: set[int] = set()
            for qk in _query_keys(t):
                out.update(self._single.get(qk, ()))
                hits.update(self._postings.get(qk, ()))
            lists.append(hits)
        if len(lists) == 1:
            return out | lists[0]
        lists.sort(key=len)
        for nid in set().union(*lists[:-1]) - out:
            if sum(1 for hits in lists if nid in hits) >= 2:
                out.add(nid)
        return out

    def _best(self, scored: Iterable[tuple[float, int, str]], threshold: float, limit: int | None) -> list[Match]:
        best: dict[int, tuple[float, int, str]] = {}
        for score, nid, query in scored:
            ei = self._names[nid][0]
            if score >= threshold and (ei not in best or score > best[ei][0]):
                best[ei] = (score, nid, query)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.entries[kv[0]].list_name, self.entries[kv[0]].ref))
        out = [Match(self.entries[ei], self._names[nid][1], query, round(score, 1)) for ei, (score, nid, query) in ranked]
        return out if limit is None else out[:limit]

    def match(self, name: str, *, threshold: float | None = None, limit: int | None = 10) -> list[Match]:
        """The entries a name matches, best first (one match per entry, its best-scoring name or alias)."""
        keys = name_keys(name)
        if not keys:
            return []
        cands = self._candidates(keys)
        scored = ((max(similarity(q, self._names[nid][2]) for q in keys), nid, name) for nid in cands)
        return self._best(scored, self.threshold if threshold is None else threshold, limit)

    def _match_han(self, text: str, threshold: float) -> list[tuple[Match, int, int]]:
        """Chinese has no spaces: the name may start anywhere in the run (与中国稀土集团 → 中国稀土集团), so each start
        is tried (at least three characters); on a tie the longest reading wins."""
        best: dict[int, tuple[Match, int, int]] = {}
        for i in range(0, max(1, len(text) - 2)):
            for m in self.match(text[i:], threshold=threshold, limit=None):
                key = id(m.entry)
                if key not in best or m.score > best[key][0].score:
                    best[key] = (m, i, len(text))
        return sorted(best.values(), key=lambda t: -t[0].score)

    def match_mention(self, mention: Mention, *, threshold: float | None = None) -> list[tuple[Match, int, int]]:
        """The entries a run of words in a document matches, with where the matching words stand in the run
        (start, end offsets into ``mention.surface``): a run may hold more words than the name ("the Norilsk
        Nickel offtake"), so every sub-run of about the length of each candidate name is tried."""
        text = mention.surface
        threshold = self.threshold if threshold is None else threshold
        if _HAN.search(text):
            return self._match_han(text, threshold)
        words = [(w.start(), w.end()) for w in _WORD.finditer(text)][:MAX_RUN_WORDS]
        if not words:
            return []
        per_word = [name_keys(text[a:b]) for a, b in words]
        run_keys = [k for keys in per_word for k in keys]
        if not run_keys:
            return []
        cands = self._candidates([NameKey(tuple(t for k in run_keys for t in k.tokens), ""), *name_keys(text)])
        if not cands:
            return []
        by_length: dict[int, list[int]] = {}
        for nid in cands:
            key = self._names[nid][2]
            if len(key.tokens) == 1 and len(key.compact) < MIN_DOCUMENT_WORD:
                continue  # a short one-word alias (an acronym: "UGK") names too many things in running text
            by_length.setdefault(len(key.tokens), []).append(nid)
        # the best window per entry; on a tie, the longest (words that add nothing to the score are the name's own:
        # its legal form, its quotes; words around a name lower the score)
        best: dict[int, tuple[float, int, int, int, int, str]] = {}
        n = len(words)
        for size, nids in by_length.items():
            for width in range(max(1, size - 1), min(n, size + 3) + 1):
                for i in range(0, n - width + 1):
                    a, b = words[i][0], words[i + width - 1][1]
                    window = text[a:b]
                    keys = name_keys(window)
                    for nid in nids:
                        sc = max((similarity(q, self._names[nid][2]) for q in keys), default=0.0)
                        if sc < threshold:
                            continue
                        ei = self._names[nid][0]
                        if ei not in best or (sc, b - a) > best[ei][:2]:
                            best[ei] = (sc, b - a, nid, a, b, window)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.entries[kv[0]].list_name, self.entries[kv[0]].ref))
        return [(Match(self.entries[ei], self._names[nid][1], window, round(sc, 1)), a, b)
                for ei, (sc, _, nid, a, b, window) in ranked]
