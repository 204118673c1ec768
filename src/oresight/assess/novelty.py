"""Novelty: is a new announcement a re-announcement of results already stored?

Two levels, both answered by one in-memory :class:`NoveltyIndex`:

1. **Document level** (near-duplicate text). :func:`fingerprint` reads lowercase word tokens (numbers
   count: ``[a-z0-9]+(?:\\.[0-9]+)?``), hashes every 5-word shingle with a polynomial rolling hash over the
   words' CRC32 values (mod 2**32, vectorised with numpy: :func:`fingerprint_tokens` takes word-hash arrays,
   so synthetic word-id arrays go through the same code), passes it through murmur3's finaliser (a
   bijection; see :func:`_mix` for why) and keeps the shingles whose hash is 0 mod ``SAMPLE``. Keeping a
   fixed residue class ("consistent sampling") keeps the same shingles in every document, so the Jaccard
   index of two sampled sets is an unbiased estimate of the full sets' Jaccard.
   **Short-document rule**: when fewer than ``MIN_SAMPLED`` shingles would be kept, the document keeps all
   of its shingles instead (an unsampled, "full" fingerprint, recognisable because it holds hashes that
   are not 0 mod ``SAMPLE``). Two full fingerprints are compared on all their shingles; as soon as one side
   is sampled, both sides are restricted to the sampled residue class (a full set's sampled subset is
   exactly what sampling would have kept), so the similarity stays exact for the sampled sets and unbiased.
   The index keeps inverted postings (shingle hash → document ids) in CSR arrays (sorted unique hashes,
   offsets, ids) plus a small dict buffer of recent additions merged in when it grows past a quarter of the
   CSR size (geometric, so the merge cost is amortised O(log n) per posting). A lookup counts shared
   shingles per document with ``np.bincount`` over the postings and returns the exact Jaccard of the
   sampled sets, ``shared / (|A| + |B| - shared)``, for the best document. Shingles posted for more than
   ``COMMON_SHARE`` of the archive (boilerplate) are skipped for candidate generation only (measured need and
   exactness argument in :meth:`NoveltyIndex._best_document`).

2. **Intercept level** (the same hole and interval already announced, possibly by a joint-venture partner
   under another ticker, with rounded grades, with the hole id written differently). Rows are keyed by a
   normalised hole id (uppercase alphanumerics, leading zeros of digit runs dropped: ``YRC-0231``,
   ``yrc 0231`` and ``YRC231`` are one hole) and match when from/to agree within ``DEPTH_TOL_M`` (or, when
   from/to are missing, the widths agree within ``WIDTH_TOL_M``) and, for the same analyte, the grades
   agree within ``GRADE_REL_TOL`` or to the coarser printed precision. A prefix added to the same id
   (``25YRC231``, a partner's project code) is the same hole too; a substituted letter is not (rapidfuzz was
   tried for that and measured to flag other companies' holes, see ``HOLE_VARIANT_MIN``; the index keeps no
   text, so there is no text verification to use it for either). A row without a hole id matches only when
   analyte, width, grade and from all agree. A different interval in the same hole is new. Grades in g/t,
   ppm, ppb, %, oz/t and kg/t are compared in g/t (0.14 % Cu = 1,400 ppm Cu).

Status (:meth:`NoveltyIndex.check`): ``duplicate`` when the text Jaccard is at least ``DUPLICATE_JACCARD`` and
the document has no result rows or at least ``REANNOUNCED_SHARE`` of them repeat (a near-identical template
whose rows are mostly new is judged by its rows); ``reannounced`` when at least ``REANNOUNCED_SHARE`` of the
result rows (``including`` sub-intervals count as rows) repeat stored ones; ``partly_reannounced`` when some do;
``new`` otherwise; ``unchecked`` (:data:`UNCHECKED`) when the index holds no other announcement. Text similarity
alone below ``DUPLICATE_JACCARD`` never flags a document: announcements of one company share long boilerplate
(Competent Person statement, JORC Table 1) and new results in the same house style are not re-announcements.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from oresight.model import Intercept

__all__ = [
    "DUPLICATE_JACCARD",
    "MIN_SAMPLED",
    "REANNOUNCED_SHARE",
    "SAMPLE",
    "SHINGLE",
    "UNCHECKED",
    "Novelty",
    "NoveltyIndex",
    "PriorResult",
    "RepeatedIntercept",
    "fingerprint",
    "fingerprint_tokens",
    "normalise_hole_id",
]

U32 = npt.NDArray[np.uint32]
I32 = npt.NDArray[np.int32]

# --- document level -------------------------------------------------------------------------------------

TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
SHINGLE = 5  # words per shingle
SAMPLE = 8  # keep shingles whose hash % SAMPLE == 0 (1 in 8: ~60 per 500-word announcement)
MIN_SAMPLED = 16  # below this many kept shingles a document keeps all of its shingles (see module doc)

_BASE = np.uint32(0x01000193)  # odd multiplier (FNV prime): h -> h * B + w is a bijection mod 2**32
_M1 = np.uint32(0x85EBCA6B)
_M2 = np.uint32(0xC2B2AE35)
_EMPTY_U32: U32 = np.zeros(0, dtype=np.uint32)

# Thresholds, chosen on the archive (samples/corpus, holdout, holdout2: 154 announcements, several per company in
# one house style) and the labelled set samples/novelty (bench/novelty.py -v prints every similarity):
# - DUPLICATE_JACCARD: the highest sampled Jaccard between two different archive announcements is 0.54, and
#   between a labelled "distinct" document (same company and boilerplate, new results) and its archive
#   neighbour 0.56; labelled duplicates (replacement announcements, re-posted copies) score 0.80-0.92. 0.7 sits
#   in that gap. One edited word changes 5 shingles (~0.6 sampled ones), so a copy with a corrected figure
#   stays far above it, while a reworded re-announcement (10-20 % of words edited: Jaccard ~0.25-0.45) is left
#   to the intercept level.
# - REANNOUNCED_SHARE: "most" of the result rows (about 0.6); below it, any repeated row is "partly".
DUPLICATE_JACCARD = 0.7
REANNOUNCED_SHARE = 0.6


def _mix(h: U32) -> U32:
    """murmur3's 32-bit finaliser. The low bits of a polynomial hash mod 2**32 depend only on the low bits of
    the word hashes, so sampling on ``h % 8`` straight away would keep shingles by 15 input bits; the
    finaliser is a bijection (no added collisions) that spreads every input bit over the low bits."""
    h = h ^ (h >> np.uint32(16))
    h = h * _M1
    h = h ^ (h >> np.uint32(13))
    h = h * _M2
    return h ^ (h >> np.uint32(16))


def fingerprint_tokens(word_hashes: npt.ArrayLike) -> U32:
    """The fingerprint of a document given as word hashes (or word ids): sorted unique uint32 shingle hashes.

    Every window of ``SHINGLE`` consecutive words is hashed by a polynomial rolling hash mod 2**32
    (``h = ((w0 * B + w1) * B + w2) ...``, vectorised over all windows at once), then mixed; shingles whose
    hash is 0 mod ``SAMPLE`` are kept, unless fewer than ``MIN_SAMPLED`` would be, in which case all are
    kept. A document of fewer than ``SHINGLE`` words has one shingle of all its words; no words, no shingle.
    """
    w = np.ascontiguousarray(np.asarray(word_hashes).ravel(), dtype=np.uint32)
    n = int(w.size)
    if n == 0:
        return _EMPTY_U32.copy()
    k = min(SHINGLE, n)
    m = n - k + 1
    h = w[0:m].copy()
    for j in range(1, k):
        h *= _BASE  # uint32 arithmetic wraps: the hash is mod 2**32
        h += w[j : j + m]
    h = _mix(h)
    kept = _sorted_unique(h[h % np.uint32(SAMPLE) == 0])
    return kept if kept.size >= MIN_SAMPLED else _sorted_unique(h)


def _sorted_unique(a: U32) -> U32:
    """np.unique for the small arrays of one document (sort + neighbour compare is faster there)."""
    a = np.sort(a)
    if a.size > 1:
        a = a[np.concatenate((np.ones(1, dtype=np.bool_), a[1:] != a[:-1]))]
    return a


def _as_fingerprint(fp: npt.ArrayLike) -> U32:
    """A fingerprint argument as a sorted unique uint32 array (copied only when it is not one already)."""
    a = np.asarray(fp, dtype=np.uint32).ravel()
    if a.size > 1 and not bool(np.all(a[1:] > a[:-1])):
        a = _sorted_unique(a)
    return a


def word_hashes(text: str) -> U32:
    """CRC32 of each lowercase word token of text."""
    words = TOKEN.findall(text.lower())
    return np.fromiter((zlib.crc32(t.encode()) for t in words), dtype=np.uint32, count=len(words))


def fingerprint(text: str) -> U32:
    """The document fingerprint of text (see :func:`fingerprint_tokens`); never raises on a str."""
    return fingerprint_tokens(word_hashes(text))


def _sampled(fp: U32) -> npt.NDArray[np.bool_]:
    out: npt.NDArray[np.bool_] = fp % np.uint32(SAMPLE) == 0
    return out


# --- intercept level ------------------------------------------------------------------------------------

DEPTH_TOL_M = 0.5  # from and to agree within half a metre (rounding of feet, "48.0" vs "48.4")
WIDTH_TOL_M = 0.1  # widths agree within 0.1 m when from/to are not both known
GRADE_REL_TOL = 0.06  # grades agree within 6 % (a 2-significant-figure rounding of 1.04 -> 1.1 is 5.8 %)
# Hole ids that differ beyond normalisation: only a prefix added to the same id is taken as the same hole
# ("25YRC231" or "EF-YRC231" for "YRC231"), found through the stored rows that end in the same hole number and
# already agree on analyte, interval and grade. rapidfuzz is not used here: a similarity ratio >= 80 (one
# substituted letter) was tried and measured to flag different companies' holes (VHRC1848 vs VGRC1848, same
# 2 m interval and grade, bench/novelty.py synthetic distinct queries), and the labelled set's variants
# (hyphens, spaces, case, leading zeros) are all handled by the normalised key.
HOLE_VARIANT_MIN = 5  # the shorter id of a prefix variant has at least this many characters

# grade units converted to g/t (= ppm) so "0.8 %" and "8,000 ppm" compare; others compare within their unit
_UNIT_FACTOR: dict[str, float] = {"g/t": 1.0, "ppm": 1.0, "ppb": 1e-3, "%": 1e4, "oz/t": 34.285714, "kg/t": 1e3}
_DIGITS = re.compile(r"0*(\d+)")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_LAST_NUMBER = re.compile(r"(\d+)\D*$")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@lru_cache(maxsize=65536)
def normalise_hole_id(hole_id: str | None) -> str:
    """The matching key of a hole id: uppercase alphanumerics, leading zeros of digit runs dropped
    (``"yrc-0231"`` → ``"YRC231"``); ``""`` for no id."""
    if not hole_id:
        return ""
    key = _NON_ALNUM.sub("", hole_id.upper())
    return _DIGITS.sub(r"\1", key)


def _hole_number(key: str) -> str:
    m = _LAST_NUMBER.search(key)
    return m.group(1) if m else ""


def _crc(s: str) -> int:
    return zlib.crc32(s.encode())


def _decimals(value: float, surface: str) -> int:
    """Decimals of the grade as printed in its surface (``4.0`` → 1), else as the float reads (``4.0`` → 0)."""
    r = repr(float(value))
    at = surface.find(r)
    if (at >= 0 and "e" not in r and not surface[at + len(r) : at + len(r) + 1].isdigit()
            and not (at and (surface[at - 1].isdigit() or surface[at - 1] in ".,"))):
        return len(r.split(".", 1)[1]) if "." in r else 0  # printed as the float reads (the usual case)
    for m in _NUMBER.finditer(surface):
        s = m.group().replace(",", "")
        try:
            v = float(s)
        except ValueError:
            continue
        if math.isclose(v, value, rel_tol=1e-9, abs_tol=1e-12):
            return len(s.split(".", 1)[1]) if "." in s else 0
    if "e" in r or "." not in r:
        return 0
    frac = r.split(".", 1)[1]
    return 0 if frac == "0" else len(frac)


# --- results --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PriorResult:
    """A stored result that a new one repeats."""

    announcement: str  # stored announcement key (str(id) or a file name)
    ticker: str | None
    published: str | None  # ISO date or None
    hole_id: str | None
    from_m: float | None
    to_m: float | None
    analyte: str
    grade: float

    def to_json(self) -> dict[str, Any]:
        return {
            "announcement": self.announcement,
            "ticker": self.ticker,
            "published": self.published,
            "hole_id": self.hole_id,
            "from_m": self.from_m,
            "to_m": self.to_m,
            "analyte": self.analyte,
            "grade": self.grade,
        }

    def describe(self) -> str:
        """``YRC0231 48-61 m Au by YBG on 2025-03-02 (corpus/ybg-001)``."""
        where = self.hole_id or "(no hole id)"
        if self.from_m is not None and self.to_m is not None:
            where += f" {_num(self.from_m)}-{_num(self.to_m)} m"
        elif self.from_m is not None:
            where += f" from {_num(self.from_m)} m"
        who = f" by {self.ticker}" if self.ticker else ""
        when = f" on {self.published}" if self.published else ""
        return f"{where} {self.analyte}{who}{when} ({self.announcement})"


def _num(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True, slots=True)
class RepeatedIntercept:
    intercept: Intercept  # the row of the new document (keeps surface and span)
    previously: PriorResult

    def to_json(self) -> dict[str, Any]:
        return {"intercept": self.intercept.to_json(), "previously": self.previously.to_json()}


FLAGGED = frozenset({"duplicate", "reannounced", "partly_reannounced"})


@dataclass(frozen=True, slots=True)
class Novelty:
    status: str  # "new" | "duplicate" | "reannounced" | "partly_reannounced" | "unchecked"
    reason: str  # one line a user reads
    similar_announcement: str | None  # the stored announcement with the most similar text (None: no overlap)
    similarity: float  # best document Jaccard of the sampled shingle sets, 0..1
    repeated: tuple[RepeatedIntercept, ...] = ()
    share_repeated: float = 0.0  # repeated result rows / result rows (0 when there are none)

    @property
    def flagged(self) -> bool:
        return self.status in FLAGGED

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "flagged": self.flagged,
            "reason": self.reason,
            "similar_announcement": self.similar_announcement,
            "similarity": round(self.similarity, 4),
            "share_repeated": round(self.share_repeated, 4),
            "repeated": [r.to_json() for r in self.repeated],
        }


UNCHECKED = Novelty(status="unchecked", reason="no archive to compare with", similar_announcement=None,
                    similarity=0.0)


# --- index ----------------------------------------------------------------------------------------------


class _Column:
    """A growable numpy column (capacity doubling: amortised O(1) append)."""

    __slots__ = ("data", "n")

    def __init__(self, dtype: type[np.generic]) -> None:
        self.data: npt.NDArray[Any] = np.zeros(64, dtype=dtype)
        self.n = 0

    def extend(self, values: Sequence[Any] | npt.NDArray[Any]) -> None:
        k = len(values)
        if self.n + k > self.data.size:
            grown = np.zeros(max(2 * self.data.size, self.n + k), dtype=self.data.dtype)
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : self.n + k] = values
        self.n += k

    @property
    def view(self) -> npt.NDArray[Any]:
        return self.data[: self.n]

    def nbytes(self) -> int:
        return int(self.data.nbytes)


MERGE_MIN = 4096  # buffered postings before the first merge into the CSR arrays
COMMON_SHARE = 0.01  # shingles posted for more than 1 % of the archive are boilerplate (see _best_document)
COMMON_MIN = 1000  # ... and for at least this many announcements (small archives read every posting)


class _Postings:
    """Inverted postings uint32 key → int32 ids: CSR arrays (sorted unique keys, offsets, ids) + a dict
    buffer of recent additions, merged into the arrays when it holds more than a quarter of the CSR size.

    A buffered key with one id holds the bare int, a list only from the second id on: a dict of ints is not
    tracked by the garbage collector, and a buffer of a million one-element lists made the collector's full
    passes cost about a quarter of the build time."""

    __slots__ = ("buffer", "buffered", "ids", "keys", "offsets")

    def __init__(self) -> None:
        self.keys: U32 = _EMPTY_U32.copy()
        self.offsets: I32 = np.zeros(1, dtype=np.int32)  # int32: up to 2**31 postings per index
        self.ids: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.buffer: dict[int, int | list[int]] = {}
        self.buffered = 0

    def add(self, keys: Iterable[int], ident: int) -> None:
        """Post ``ident`` under every key."""
        self.add_pairs(list(keys), None, ident)

    def add_pairs(self, keys: Sequence[int], idents: Sequence[int] | None, ident: int = 0) -> None:
        """Post ``idents[i]`` (or ``ident`` when idents is None) under ``keys[i]``."""
        buf = self.buffer
        for k, i in zip(keys, idents, strict=True) if idents is not None else ((k, ident) for k in keys):
            have = buf.get(k)
            if have is None:
                buf[k] = i
            elif isinstance(have, int):
                buf[k] = [have, i]
            else:
                have.append(i)
        self.buffered += len(keys)
        if self.buffered > max(MERGE_MIN, self.ids.size // 4):
            self.merge()

    def merge(self) -> None:
        """Move the buffer into the CSR arrays in O(CSR + buffer log buffer): ids only grow (announcements and
        rows are appended), so within a key every buffered id follows the stored ones and a sorted buffer
        merges in by one binary search per buffered posting (no re-sort of the CSR arrays)."""
        if not self.buffered:
            return
        buf = self.buffer
        lists = [[v] if isinstance(v, int) else v for v in buf.values()]
        bkeys = np.repeat(np.fromiter(buf.keys(), dtype=np.uint64, count=len(buf)),
                          np.fromiter((len(v) for v in lists), dtype=np.int64, count=len(buf)))
        bids = np.fromiter(chain.from_iterable(lists), dtype=np.uint64, count=self.buffered)
        packed = np.sort((bkeys << np.uint64(32)) | bids)
        new_keys = (packed >> np.uint64(32)).astype(np.uint32)
        new_ids = (packed & np.uint64(0xFFFFFFFF)).astype(np.int32)
        old_keys = np.repeat(self.keys, np.diff(self.offsets))
        at = np.searchsorted(old_keys, new_keys, side="right") + np.arange(new_keys.size)
        total = old_keys.size + new_keys.size
        keys = np.empty(total, dtype=np.uint32)
        ids = np.empty(total, dtype=np.int32)
        old = np.ones(total, dtype=np.bool_)
        old[at] = False
        keys[old] = old_keys
        ids[old] = self.ids
        keys[at] = new_keys
        ids[at] = new_ids
        change = np.flatnonzero(keys[1:] != keys[:-1]) + 1
        starts = np.concatenate([np.zeros(1, dtype=np.int64), change.astype(np.int64)])
        self.keys = keys[starts]
        self.offsets = np.concatenate([starts, np.array([total], dtype=np.int64)]).astype(np.int32)
        self.ids = ids
        self.buffer = {}
        self.buffered = 0

    def lookup(self, query: U32, skip_above: int | None = None
               ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.intp], list[tuple[int, int, int]]]:
        """Every posting of the query keys: (ids, index of the query key each id came from, skipped).

        With ``skip_above``, the CSR postings of keys with more ids than that are left out and returned as
        ``skipped``: (query index, start, end) of their CSR ids (their buffered postings are still returned)."""
        ids: list[npt.NDArray[np.int32]] = []
        qis: list[npt.NDArray[np.intp]] = []
        skipped: list[tuple[int, int, int]] = []
        if self.keys.size and query.size:
            pos = np.searchsorted(self.keys, query)
            pos = np.minimum(pos, self.keys.size - 1)
            qi = np.flatnonzero(self.keys[pos] == query)
            if qi.size:
                starts = self.offsets[pos[qi]].astype(np.int64)
                lens = (self.offsets[pos[qi] + 1] - starts).astype(np.int64)
                if skip_above is not None:
                    long = lens > skip_above
                    if long.any():
                        skipped = list(zip(qi[long].tolist(), starts[long].tolist(),
                                           (starts[long] + lens[long]).tolist(), strict=True))
                        keep = ~long
                        qi, starts, lens = qi[keep], starts[keep], lens[keep]
                total = int(lens.sum())
                firsts = np.cumsum(lens) - lens
                gather = np.arange(total, dtype=np.int64) - np.repeat(firsts - starts, lens)
                ids.append(self.ids[gather])
                qis.append(np.repeat(qi, lens))
        if self.buffer:
            buf = self.buffer
            bid: list[int] = []
            bqi: list[int] = []
            for i, k in enumerate(query.tolist()):
                have = buf.get(k)
                if have is None:
                    continue
                if isinstance(have, int):
                    bid.append(have)
                    bqi.append(i)
                else:
                    bid.extend(have)
                    bqi.extend([i] * len(have))
            if bid:
                ids.append(np.array(bid, dtype=np.int32))
                qis.append(np.array(bqi, dtype=np.intp))
        if not ids:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.intp), skipped
        if len(ids) == 1:
            return ids[0], qis[0], skipped
        return np.concatenate(ids), np.concatenate(qis), skipped

    def contains(self, start: int, end: int, ids: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
        """Which of the sorted ``ids`` are among the CSR ids ``[start, end)`` of one key (binary search)."""
        seg = self.ids[start:end]
        pos = np.minimum(np.searchsorted(seg, ids), seg.size - 1)
        out: npt.NDArray[np.bool_] = seg[pos] == ids
        return out

    def nbytes(self) -> int:
        # a buffered posting costs a list slot and an int (small ints are shared); ~64 bytes per dict entry
        return int(self.keys.nbytes + self.offsets.nbytes + self.ids.nbytes) + 8 * self.buffered + 64 * len(
            self.buffer)


class _Row(NamedTuple):
    """An intercept, prepared for matching (a named tuple: one is made per stored row)."""

    key: str
    number: str
    analyte: str
    cmp: str  # analyte + unit family: what grades are compared within
    grade: float  # in g/t when the unit converts, else as printed
    tol: float  # half the last printed digit, in the same unit as grade
    from_m: float
    to_m: float
    width: float


def _prepare(it: Intercept) -> _Row:
    factor = _UNIT_FACTOR.get(it.unit)
    cmp = it.analyte if factor is not None else f"{it.analyte}|{it.unit}"
    f = 1.0 if factor is None else factor
    dec = _decimals(it.grade, it.surface)
    frm = math.nan if it.from_m is None else float(it.from_m)
    to = math.nan if it.to_m is None else float(it.to_m)
    width = math.nan if it.width_m is None else float(it.width_m)
    if math.isnan(to) and not math.isnan(frm) and not math.isnan(width):
        to = frm + width
    if math.isnan(width) and not math.isnan(frm) and not math.isnan(to):
        width = to - frm
    key = normalise_hole_id(it.hole_id)
    return _Row(key=key, number=_hole_number(key), analyte=it.analyte, cmp=cmp, grade=float(it.grade) * f,
                tol=0.5 * 10.0 ** -dec * f, from_m=frm, to_m=to, width=width)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NO_DAY = 2**62  # no date: after every date, as in _order


def _number_key(number: str, metre: int) -> int:
    """Postings key of a hole number at a metre of ``from`` (prefixed hole-id variants)."""
    return _crc(f"{number}|{metre}")


def _interval_key(cmp_id: int, metre: int, width: int) -> int:
    """Postings key of an analyte at a metre of ``from`` and a metre of width (rows without a hole id)."""
    return (cmp_id * 1_000_003 + metre * 1009 + width) & 0xFFFFFFFF


def _around(x: float, tol: float) -> range:
    """The whole metres m with floor(y) == m for some y within tol of x."""
    return range(math.floor(x - tol), math.floor(x + tol) + 1)


class NoveltyIndex:
    """Stored announcements' fingerprints and result rows, for :meth:`check` of a new announcement.

    Memory (:meth:`nbytes`): ~8-10 bytes per kept shingle posting, ~45 bytes per result row (columns grow by
    doubling) and ~12 bytes per row in each of the three row postings; the synthetic bench's 100,000
    announcements (~70 kept shingles and 6.5 rows each) take about 160 MB. Not thread-safe: one writer, and
    no check() during an add().
    """

    def __init__(self) -> None:
        # announcements
        self._keys: list[str] = []
        self._id: dict[str, int] = {}
        self._tickers: list[str | None] = []
        self._published: list[str | None] = []
        # the publication date as a number that sorts like _order's (dated first, earliest first), while every
        # stored date is an ISO date; an announcement with another date form switches _repeats to _order
        self._day = _Column(np.int64)
        self._iso_days = True
        self._size_all = _Column(np.int32)  # shingles in the fingerprint
        self._size_s = _Column(np.int32)  # of which sampled (hash % SAMPLE == 0)
        self._shingles = _Postings()
        # result rows (columns)
        self._r_doc = _Column(np.int32)
        self._r_cmp = _Column(np.int16)  # id in self._cmps
        self._r_analyte = _Column(np.int16)  # id in self._analytes
        self._r_from = _Column(np.float32)
        self._r_to = _Column(np.float32)
        self._r_width = _Column(np.float32)
        self._r_grade = _Column(np.float64)  # compared value (g/t when the unit converts)
        self._r_tol = _Column(np.float32)
        self._r_printed = _Column(np.float64)  # the grade as printed (for PriorResult)
        self._r_hole_end = _Column(np.int32)  # end offset of the row's hole id in self._holes
        self._holes = bytearray()
        self._cmps: dict[str, int] = {}
        self._analytes: dict[str, int] = {}
        self._analyte_names: list[str] = []
        self._by_hole = _Postings()  # crc32(normalised hole id) -> rows
        self._by_number = _Postings()  # (last hole number, metre of from) -> rows (prefixed hole-id variants)
        self._by_from = _Postings()  # (analyte, metre of from, metre of width) -> rows (rows without a hole id)

    def __len__(self) -> int:
        return len(self._keys)

    def nbytes(self) -> int:
        """Approximate memory of the index in bytes (arrays, buffers, per-announcement strings)."""
        cols = (self._size_all, self._size_s, self._day, self._r_doc, self._r_cmp, self._r_analyte, self._r_from, self._r_to,
                self._r_width, self._r_grade, self._r_tol, self._r_printed, self._r_hole_end)
        strings = sum(len(k) + 49 + 8 for k in self._keys) + 16 * len(self._keys)  # str objects, list slots
        strings += 120 * len(self._id)  # dict entries
        return (sum(c.nbytes() for c in cols) + len(self._holes) + strings + self._shingles.nbytes()
                + self._by_hole.nbytes() + self._by_number.nbytes() + self._by_from.nbytes())

    def _intern(self, table: dict[str, int], name: str) -> int:
        i = table.get(name)
        if i is None:
            i = table[name] = len(table)
            if table is self._analytes:
                self._analyte_names.append(name)
        return i

    def add(self, key: str, *, fingerprint: npt.NDArray[np.uint32], intercepts: Iterable[Intercept],
            ticker: str | None = None, published: str | None = None) -> None:
        """Store an announcement: its fingerprint (from :func:`fingerprint`) and its result rows.
        Raises ValueError when ``key`` is already stored."""
        if key in self._id:
            raise ValueError(f"announcement {key!r} is already in the novelty index")
        fp = _as_fingerprint(fingerprint)
        doc = len(self._keys)
        self._id[key] = doc
        self._keys.append(key)
        self._tickers.append(ticker)
        self._published.append(published)
        if published is None:
            self._day.extend([_NO_DAY])
        elif _ISO_DAY.fullmatch(published):
            self._day.extend([int(published[:4] + published[5:7] + published[8:10])])
        else:
            self._iso_days = False
            self._day.extend([_NO_DAY])
        self._size_all.extend([fp.size])
        self._size_s.extend([int(np.count_nonzero(_sampled(fp)))])
        self._shingles.add_pairs(fp.tolist(), None, doc)
        rows = [(_prepare(it), it) for it in intercepts]
        if not rows:
            return
        first = self._r_doc.n
        hole_k: list[int] = []
        hole_r: list[int] = []
        num_k: list[int] = []
        num_r: list[int] = []
        from_k: list[int] = []
        from_r: list[int] = []
        for i, (r, _) in enumerate(rows):
            row = first + i
            known_from = not math.isnan(r.from_m)
            if r.key:
                hole_k.append(_crc(r.key))
                hole_r.append(row)
                if r.number and known_from:
                    num_k.append(_number_key(r.number, math.floor(r.from_m)))
                    num_r.append(row)
            if known_from and not math.isnan(r.width):
                from_k.append(_interval_key(self._intern(self._cmps, r.cmp), math.floor(r.from_m),
                                            math.floor(r.width)))
                from_r.append(row)
        self._by_hole.add_pairs(hole_k, hole_r)
        self._by_number.add_pairs(num_k, num_r)
        self._by_from.add_pairs(from_k, from_r)
        holes = [(it.hole_id or "").encode() for _, it in rows]
        end = len(self._holes)
        ends = []
        for h in holes:
            end += len(h)
            ends.append(end)
        self._holes += b"".join(holes)
        self._r_hole_end.extend(ends)
        self._r_doc.extend([doc] * len(rows))
        self._r_cmp.extend([self._intern(self._cmps, r.cmp) for r, _ in rows])
        self._r_analyte.extend([self._intern(self._analytes, r.analyte) for r, _ in rows])
        self._r_from.extend([r.from_m for r, _ in rows])
        self._r_to.extend([r.to_m for r, _ in rows])
        self._r_width.extend([r.width for r, _ in rows])
        self._r_grade.extend([r.grade for r, _ in rows])
        self._r_tol.extend([r.tol for r, _ in rows])
        self._r_printed.extend([float(it.grade) for _, it in rows])

    # --- lookups ---

    def _best_document(self, fp: U32, exclude: int) -> tuple[int, float]:
        """(document id, Jaccard) of the most similar stored text; (-1, 0.0) when none shares a shingle.

        Boilerplate shingles (posted for more than ``COMMON_SHARE`` of the archive, e.g. verbatim JORC Table 1
        criteria shared across companies) are skipped for candidate generation. Measured need: on the synthetic
        100k archive (bench/novelty.py, a Table-1-like paragraph in 30 % of documents) check() CPU time p99 was
        ~30 ms reading every posting and ~6 ms with the skip (p50 ~2 ms either way, on a loaded 2-core
        machine). The Jaccard stays exact for every candidate (its boilerplate shingles are counted by binary
        search in their postings), and no near-duplicate is lost: a document with Jaccard >= J shares at
        least J * |query| shingles, so when boilerplate is less than ``DUPLICATE_JACCARD`` of the query every
        duplicate shares a rarer shingle too; otherwise the full postings are read."""
        if fp.size == 0:
            return -1, 0.0
        n = len(self._keys)
        post = self._shingles
        q_sampled = _sampled(fp)
        q_s = int(np.count_nonzero(q_sampled))
        docs, qi, common = post.lookup(fp, max(COMMON_MIN, int(COMMON_SHARE * n)))
        if common and (len(common) >= DUPLICATE_JACCARD * fp.size
                       or sum(bool(q_sampled[j]) for j, _, _ in common) >= DUPLICATE_JACCARD * max(q_s, 1)):
            docs, qi, common = post.lookup(fp)  # mostly boilerplate: read every posting
        if exclude >= 0:
            keep = docs != exclude
            docs, qi = docs[keep], qi[keep]
        if docs.size == 0:
            return -1, 0.0
        # shared shingles per candidate document
        if docs.size > max(4096, n // 8):  # many postings: count per document over the whole archive
            shared_all = np.bincount(docs, minlength=n)
            cand = np.flatnonzero(shared_all)
            sa = shared_all[cand].astype(np.float64)
            ss = np.bincount(docs[q_sampled[qi]], minlength=n)[cand].astype(np.float64)
        else:  # the usual case: count over the postings only (cost independent of the archive size)
            cand, inv = np.unique(docs, return_inverse=True)
            sa = np.bincount(inv, minlength=cand.size).astype(np.float64)
            ss = np.bincount(inv[q_sampled[qi]], minlength=cand.size).astype(np.float64)
        for j, start, end in common:
            hit = post.contains(start, end, cand)
            sa += hit
            if q_sampled[j]:
                ss += hit
        d_all = self._size_all.view[cand].astype(np.float64)
        d_s = self._size_s.view[cand].astype(np.float64)
        q_full = q_s < fp.size
        both_full = (d_all > d_s) & q_full
        with np.errstate(divide="ignore", invalid="ignore"):
            jac = np.where(both_full, sa / (fp.size + d_all - sa), ss / (q_s + d_s - ss))
        jac = np.nan_to_num(jac, nan=0.0, posinf=0.0)
        best = int(np.argmax(jac))
        return int(cand[best]), float(jac[best])

    def _hole(self, row: int) -> str:
        start = int(self._r_hole_end.data[row - 1]) if row else 0
        return self._holes[start : int(self._r_hole_end.data[row])].decode(errors="replace")

    @staticmethod
    def _variant(r: _Row, stored_key: str) -> bool:
        """Another spelling of the same hole beyond normalisation: a prefix added to the same id
        (``25YRC231`` for ``YRC231``, a partner's project code). Ids that differ by a substituted letter
        (``VHRC1848`` / ``VGRC1848``) are different holes (see HOLE_VARIANT_MIN)."""
        short, long = sorted((stored_key, r.key), key=len)
        return len(short) >= HOLE_VARIANT_MIN and long.endswith(short) and _hole_number(stored_key) == r.number

    def _prior(self, row: int) -> PriorResult:
        doc = int(self._r_doc.data[row])
        frm = float(self._r_from.data[row])
        to = float(self._r_to.data[row])
        return PriorResult(
            announcement=self._keys[doc], ticker=self._tickers[doc], published=self._published[doc],
            hole_id=self._hole(row) or None, from_m=None if math.isnan(frm) else round(frm, 2),
            to_m=None if math.isnan(to) else round(to, 2),
            analyte=self._analyte_names[int(self._r_analyte.data[row])], grade=float(self._r_printed.data[row]))

    def _order(self, row: int) -> tuple[int, str, int]:
        """Sort key of candidate priors: dated first, earliest first, then the first stored."""
        pub = self._published[int(self._r_doc.data[row])]
        return (pub is None, pub or "", row)

    def _repeats(self, rows: Sequence[_Row], exclude: int) -> list[int]:
        """For each new row, the stored row it repeats (the earliest published), or -1.

        Candidates come from three postings (normalised hole id; last hole number, for variants; analyte and
        metre of ``from``, for rows without a hole id). Interval, analyte and grade are compared on all
        candidates at once with numpy; only the few that agree get the string checks on their hole ids."""
        n = len(rows)
        found = [-1] * n
        if not n or not self._r_doc.n:
            return found
        got: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.intp], bool]] = []

        def gather(post: _Postings, keys: list[int], which: list[int], strict: bool) -> None:
            if keys:
                ids, qi, _ = post.lookup(np.array(keys, dtype=np.uint32))
                got.append((ids, np.asarray(which, dtype=np.intp)[qi], strict))

        with_key = [i for i, r in enumerate(rows) if r.key]
        gather(self._by_hole, [_crc(rows[i].key) for i in with_key], with_key, False)
        n_keys: list[int] = []
        n_which: list[int] = []
        b_keys: list[int] = []
        b_which: list[int] = []
        for i, r in enumerate(rows):
            if math.isnan(r.from_m):
                continue
            metres = _around(r.from_m, DEPTH_TOL_M)
            if r.key and r.number:
                for m in metres:
                    n_keys.append(_number_key(r.number, m))
                    n_which.append(i)
            cid = self._cmps.get(r.cmp)
            if cid is None or math.isnan(r.width):
                continue
            for m in metres:
                for w in _around(r.width, WIDTH_TOL_M):
                    b_keys.append(_interval_key(cid, m, w))
                    b_which.append(i)
        gather(self._by_number, n_keys, n_which, False)
        gather(self._by_from, b_keys, b_which, True)
        if not got:
            return found
        row = np.concatenate([g[0] for g in got]).astype(np.intp)
        q = np.concatenate([g[1] for g in got])
        strict = np.concatenate([np.full(g[0].size, g[2]) for g in got])
        if not row.size:
            return found
        # the new rows' values, one per candidate
        q_cmp = np.array([self._cmps.get(r.cmp, -1) for r in rows])[q]
        q_f, q_t, q_w, q_g, q_tol = np.array([(r.from_m, r.to_m, r.width, r.grade, r.tol) for r in rows]).T[:, q]
        s_f = self._r_from.data[row].astype(np.float64)
        s_t = self._r_to.data[row].astype(np.float64)
        s_w = self._r_width.data[row].astype(np.float64)
        s_g = self._r_grade.data[row]
        s_tol = self._r_tol.data[row].astype(np.float64)
        eps = 1e-6
        with np.errstate(invalid="ignore"):  # NaN (not stated) compares False: no agreement on it
            tol = np.maximum(np.maximum(s_tol, q_tol), GRADE_REL_TOL * np.maximum(np.abs(s_g), np.abs(q_g)))
            grade_ok = np.abs(s_g - q_g) <= tol + 1e-9
            from_ok = np.abs(s_f - q_f) <= DEPTH_TOL_M + eps
            to_ok = np.abs(s_t - q_t) <= DEPTH_TOL_M + eps
            width_ok = np.abs(s_w - q_w) <= WIDTH_TOL_M + eps
            from_unknown = np.isnan(s_f) | np.isnan(q_f)
            both_ft = ~(from_unknown | np.isnan(s_t) | np.isnan(q_t))
            # a hole id on both sides: from and to agree, or (not both known) widths agree and a from known on
            # both sides agrees too (a same-width interval deeper in the hole is new)
            loose = np.where(both_ft, from_ok & to_ok, width_ok & (from_unknown | from_ok))
            # no hole id: analyte, width, grade and from all agree
            interval_ok = np.where(strict, width_ok & from_ok, loose)
        keep = (grade_ok & interval_ok & (q_cmp == self._r_cmp.data[row].astype(np.int64))
                & (self._r_doc.data[row] != exclude))
        kept = np.flatnonzero(keep)
        if self._iso_days:
            # candidates in _order within each new row (by date, then stored row): the first that passes the
            # hole-id checks is the earliest, and the row's other candidates need no string work (a hole
            # repeated in many stored releases costs one check, not one per copy)
            q_k, row_k = q[kept], row[kept]
            by = np.lexsort((row_k, self._day.data[self._r_doc.data[row_k]], q_k))
            for i, stored, s in zip(q_k[by].tolist(), row_k[by].tolist(), strict[kept][by].tolist(), strict=True):
                if found[i] < 0 and self._hole_agrees(rows[i], stored, s):
                    found[i] = stored
            return found
        for c in kept.tolist():
            i = int(q[c])
            stored = int(row[c])
            if not self._hole_agrees(rows[i], stored, bool(strict[c])):
                continue
            if found[i] < 0 or self._order(stored) < self._order(found[i]):
                found[i] = stored
        return found

    def _hole_agrees(self, r: _Row, stored: int, strict: bool) -> bool:
        """The hole-id side of a candidate that agrees on interval, analyte and grade: the same hole (or a
        prefixed variant) when both rows name one; the (analyte, from) route only for rows without one."""
        stored_key = normalise_hole_id(self._hole(stored))
        if strict:
            return not (r.key and stored_key)  # the (analyte, from) route serves rows without a hole id
        return bool(r.key and stored_key) and (stored_key == r.key or self._variant(r, stored_key))

    def check(self, *, fingerprint: npt.NDArray[np.uint32], intercepts: Sequence[Intercept],
              ticker: str | None = None, exclude: str | None = None, published: str | None = None) -> Novelty:
        """Is this announcement (its fingerprint and result rows) a re-announcement of stored ones?

        ``exclude`` names a stored announcement to leave out (the document itself when it is already stored).
        ``ticker`` is the new announcement's issuer, used in the reason (a partner's earlier release).
        ``published`` (ISO date): stored announcements dated after it are not earlier announcements (an archive
        filled out of order), so they neither make this one a duplicate nor a re-announcement."""
        ex = self._id.get(exclude, -1) if exclude is not None else -1
        if len(self._keys) - (ex >= 0) <= 0:
            return UNCHECKED
        fp = _as_fingerprint(fingerprint)
        best_doc, sim = self._best_document(fp, ex)
        similar = self._keys[best_doc] if best_doc >= 0 else None
        rows = list(intercepts)
        hits = self._repeats([_prepare(it) for it in rows], ex)
        repeated = tuple(RepeatedIntercept(it, self._prior(h)) for it, h in zip(rows, hits, strict=True) if h >= 0)
        if published:
            repeated = tuple(r for r in repeated if not (r.previously.published and r.previously.published > published))
            later = self._published[best_doc] if best_doc >= 0 else None
            if later and later > published:
                sim = 0.0
        share = len(repeated) / len(rows) if rows else 0.0

        if sim >= DUPLICATE_JACCARD and (not rows or share >= REANNOUNCED_SHARE):
            status = "duplicate"
        elif rows and share >= REANNOUNCED_SHARE:
            status = "reannounced"
        elif repeated:
            status = "partly_reannounced"
        else:
            status = "new"
        reason = self._reason(status, similar, best_doc, sim, repeated, len(rows), ticker)
        return Novelty(status=status, reason=reason, similar_announcement=similar, similarity=sim,
                       repeated=repeated, share_repeated=share)

    def _reason(self, status: str, similar: str | None, best_doc: int, sim: float,
                repeated: tuple[RepeatedIntercept, ...], n_rows: int, ticker: str | None) -> str:
        if status == "duplicate" and similar is not None:
            t = self._tickers[best_doc]
            p = self._published[best_doc]
            who = f" by {t}" if t else ""
            when = f" on {p}" if p else ""
            text = f"near-identical to {similar}{who}{when} (text similarity {sim:.2f})"
            if repeated:
                text += f"; {len(repeated)} of {n_rows} results repeat it"
            return text
        if repeated:
            priors: list[str] = []
            seen: set[tuple[str, str | None, float | None, float | None]] = set()
            for r in repeated:
                p_ = r.previously
                k = (p_.announcement, p_.hole_id, p_.from_m, p_.to_m)
                if k in seen:
                    continue
                seen.add(k)
                priors.append(p_.describe())
            shown = "; ".join(priors[:3]) + (f"; and {len(priors) - 3} more" if len(priors) > 3 else "")
            others = {r.previously.ticker for r in repeated if r.previously.ticker}
            partner = ""
            if ticker and others and ticker not in others:
                partner = f" (announced before by {', '.join(sorted(others))}, not {ticker})"
            return f"{len(repeated)} of {n_rows} results were announced before{partner}: {shown}"
        text = f"none of {n_rows} results was announced before" if n_rows else "no results to compare"
        if similar is not None:
            text += f"; closest text {similar} (similarity {sim:.2f}, below {DUPLICATE_JACCARD})"
        return text
