"""oresight.assess.novelty: near-duplicate text and re-announced intercepts."""

from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oresight.assess import novelty as nv
from oresight.assess.novelty import (
    DUPLICATE_JACCARD,
    SAMPLE,
    UNCHECKED,
    Novelty,
    NoveltyIndex,
    fingerprint,
    fingerprint_tokens,
    normalise_hole_id,
)
from oresight.model import Intercept, Span

ROOT = Path(__file__).resolve().parents[1]

_RNG = random.Random(7)
_VOCAB = [f"w{i}" for i in range(3000)]

CP = ("The information in this announcement that relates to Exploration Results is based on and fairly "
      "represents information compiled by Ms Ada Trevorrow, a Competent Person who is a Member of the "
      "Australian Institute of Geoscientists and a full-time employee of Koonjarra Gold Ltd. Ms Trevorrow has "
      "sufficient experience that is relevant to the style of mineralisation and type of deposit under "
      "consideration and to the activity being undertaken to qualify as a Competent Person as defined in the "
      "2012 Edition of the Australasian Code for Reporting of Exploration Results, Mineral Resources and Ore "
      "Reserves. Ms Trevorrow consents to the inclusion in the announcement of the matters based on her "
      "information in the form and context in which it appears. ")
TABLE1 = ("JORC Code 2012 Table 1 Section 1 Sampling Techniques and Data. Sampling techniques: nature and quality "
          "of sampling such as cut channels, random chips or specific specialised industry standard measurement "
          "tools appropriate to the minerals under investigation. RC drilling was used to obtain one metre "
          "samples from which three kilogram splits were pulverised to produce a fifty gram charge for fire "
          "assay. Drilling techniques: reverse circulation with a face sampling hammer of 140 mm diameter. "
          "Drill sample recovery: recoveries were logged visually and were above ninety per cent. Logging: all "
          "chips were geologically logged to a level of detail that supports a Mineral Resource estimate. "
          "Sub-sampling techniques: samples were split by a cone splitter mounted on the cyclone. Quality of "
          "assay data: certified reference materials, blanks and field duplicates were inserted at a rate of "
          "one in twenty; results were within acceptable limits. Verification: significant intersections were "
          "verified by alternative company personnel. Location of data points: collars were surveyed by DGPS "
          "in MGA94 zone 50. Data spacing: drill spacing is forty by forty metres. ")


def words(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_VOCAB) for _ in range(n))


def icpt(hole: str | None, frm: float | None, to: float | None, grade: float, analyte: str = "Au",
         unit: str = "g/t", including: bool = False, width: float | None = None) -> Intercept:
    w = width if width is not None else (None if frm is None or to is None else round(to - frm, 2))
    surface = f"{hole or ''} {w}m @ {grade}{unit} {analyte}" + (f" from {frm}m" if frm is not None else "")
    return Intercept(grade=grade, unit=unit, analyte=analyte, width_m=w, surface=surface,
                     span=Span(1, 0, len(surface)), hole_id=hole, from_m=frm, to_m=to, including=including)


ORIGINAL_ROWS = [
    icpt("YRC0231", 48.0, 61.0, 3.95),
    icpt("YRC0231", 52.0, 55.0, 11.42, including=True),
    icpt("YRC0234", 102.0, 110.0, 1.87),
    icpt("YRC0236", 12.0, 36.0, 1.35),
]
ORIGINAL_TEXT = ("Yarrabee Gold is pleased to report RC results from Kinsella. " + words(350, 1) + " "
                 + CP + TABLE1)


def archive() -> NoveltyIndex:
    idx = NoveltyIndex()
    idx.add("corpus/ybg-001", fingerprint=fingerprint(ORIGINAL_TEXT), intercepts=ORIGINAL_ROWS, ticker="YBG",
            published="2025-03-02")
    for k in range(2, 8):  # other announcements of the same company: same boilerplate, other holes
        rows = [icpt(f"YRC0{300 + 10 * k + j}", 20.0 * j, 20.0 * j + 5, 1.0 + j) for j in range(3)]
        idx.add(f"corpus/ybg-00{k}", fingerprint=fingerprint(words(300, k * 11) + " " + CP + TABLE1),
                intercepts=rows, ticker="YBG", published=f"2025-0{k}-10")
    idx.add("corpus/kjg-001", fingerprint=fingerprint(words(400, 99)),
            intercepts=[icpt("EFRC0412", 41.0, 58.0, 2.88)], ticker="KJG", published="2024-08-12")
    return idx


def test_empty_index_is_unchecked() -> None:
    idx = NoveltyIndex()
    res = idx.check(fingerprint=fingerprint(ORIGINAL_TEXT), intercepts=ORIGINAL_ROWS)
    assert res is UNCHECKED and res.status == "unchecked" and not res.flagged
    assert res.reason == "no archive to compare with"
    idx.add("only", fingerprint=fingerprint(ORIGINAL_TEXT), intercepts=ORIGINAL_ROWS)
    assert idx.check(fingerprint=fingerprint(ORIGINAL_TEXT), intercepts=ORIGINAL_ROWS,
                     exclude="only").status == "unchecked"
    assert len(idx) == 1


def test_duplicate_text_is_flagged() -> None:
    idx = archive()
    copy = ORIGINAL_TEXT.replace("pleased", "delighted") + " This release replaces the announcement of 2 March."
    res = idx.check(fingerprint=fingerprint(copy), intercepts=ORIGINAL_ROWS, ticker="YBG")
    assert res.status == "duplicate" and res.flagged
    assert res.similar_announcement == "corpus/ybg-001" and res.similarity >= DUPLICATE_JACCARD
    assert "corpus/ybg-001" in res.reason
    # a duplicate with no result rows at all (a re-posted placement notice) is a duplicate too
    assert idx.check(fingerprint=fingerprint(copy), intercepts=[]).status == "duplicate"


def test_reworded_reannouncement_with_rounded_grades_and_hole_id_variants() -> None:
    idx = archive()
    rows = [
        icpt("YRC-0231", 48.0, 61.0, 4.0),  # 3.95 rounded
        icpt("yrc 231", 52.0, 55.0, 11.4, including=True),
        icpt("YRC0234", 102.0, 110.0, 1.9),
        icpt("YRC0236", 12.0, 36.0, 1.4),  # 1.35 -> 1.4 is 3.7 %
    ]
    res = idx.check(fingerprint=fingerprint("Quarterly activities report. " + words(500, 1234)), intercepts=rows,
                    ticker="YBG")
    assert res.status == "reannounced" and res.flagged
    assert res.share_repeated == 1.0 and len(res.repeated) == 4
    prior = res.repeated[0].previously
    assert (prior.announcement, prior.hole_id, prior.from_m, prior.to_m, prior.grade) == (
        "corpus/ybg-001", "YRC0231", 48.0, 61.0, 3.95)
    assert res.repeated[1].intercept.surface == rows[1].surface  # the new row keeps its surface and span
    assert res.reason.startswith("4 of 4 results were announced before: YRC0231 48-61 m Au by YBG on 2025-03-02")


def test_jv_partner_with_another_ticker_is_flagged() -> None:
    idx = archive()
    rows = [icpt("YRC0231", 48.0, 61.0, 3.9), icpt("YRC0234", 102.0, 110.0, 1.87),
            icpt("YRC0236", 12.0, 36.0, 1.35)]
    res = idx.check(fingerprint=fingerprint("Partner Minerals notes results from its joint venture. "
                                            + words(300, 4321)), intercepts=rows, ticker="PTM")
    assert res.flagged and res.status == "reannounced"
    assert res.similarity < 0.2
    assert "by YBG" in res.reason and "not PTM" in res.reason


def test_same_boilerplate_with_new_holes_is_not_flagged() -> None:
    idx = archive()
    text = "Yarrabee Gold is pleased to report RC results from Kinsella. " + words(300, 777) + " " + CP + TABLE1
    rows = [icpt("YRC0401", 30.0, 42.0, 2.2), icpt("YRC0402", 75.0, 79.0, 5.1)]
    res = idx.check(fingerprint=fingerprint(text), intercepts=rows, ticker="YBG")
    assert res.status == "new" and not res.flagged and not res.repeated
    assert 0.1 < res.similarity < DUPLICATE_JACCARD  # the shared boilerplate is seen, and does not flag


def test_deeper_interval_in_the_same_hole_is_not_flagged() -> None:
    idx = archive()
    rows = [icpt("YRC0231", 148.0, 161.0, 3.95), icpt("YRC-0231", 170.0, 171.0, 11.42)]
    res = idx.check(fingerprint=fingerprint(words(300, 55)), intercepts=rows, ticker="YBG")
    assert res.status == "new" and res.repeated == ()
    # the same interval with another grade (a different analyte or a re-assay far off) is not a repeat either
    res = idx.check(fingerprint=fingerprint(words(300, 56)), intercepts=[icpt("YRC0231", 48.0, 61.0, 5.2)])
    assert res.status == "new"


def test_prefixed_hole_id_is_the_same_hole_a_substituted_letter_is_not() -> None:
    idx = archive()
    fp = fingerprint(words(300, 59))
    assert idx.check(fingerprint=fp, intercepts=[icpt("25YRC0231", 48.0, 61.0, 3.95)]).flagged
    assert not idx.check(fingerprint=fp, intercepts=[icpt("YDC0231", 48.0, 61.0, 3.95)]).flagged
    assert not idx.check(fingerprint=fp, intercepts=[icpt("YRC0213", 48.0, 61.0, 3.95)]).flagged


def test_partly_reannounced_and_including_rows_count() -> None:
    idx = archive()
    rows = [icpt("YRC0231", 48.0, 61.0, 3.95), icpt("YRC0231", 52.0, 55.0, 11.42, including=True),
            icpt("YRC0501", 10.0, 20.0, 1.1), icpt("YRC0502", 10.0, 20.0, 1.1), icpt("YRC0503", 10.0, 20.0, 1.1)]
    res = idx.check(fingerprint=fingerprint(words(300, 57)), intercepts=rows)
    assert res.status == "partly_reannounced" and res.flagged
    assert res.share_repeated == pytest.approx(2 / 5)


def test_rows_without_hole_id_match_only_when_everything_agrees() -> None:
    idx = archive()
    fp = fingerprint(words(200, 58))
    assert idx.check(fingerprint=fp, intercepts=[icpt(None, 48.0, 61.0, 3.9)]).status == "reannounced"
    assert idx.check(fingerprint=fp, intercepts=[icpt(None, 50.0, 63.0, 3.95)]).status == "new"  # from differs
    assert idx.check(fingerprint=fp, intercepts=[icpt(None, 48.0, 62.0, 3.95)]).status == "new"  # width differs
    assert idx.check(fingerprint=fp, intercepts=[icpt(None, None, None, 3.95, width=13.0)]).status == "new"
    # with a hole id and no from/to, the width decides
    assert idx.check(fingerprint=fp, intercepts=[icpt("YRC231", None, None, 3.95, width=13.05)]).flagged
    assert not idx.check(fingerprint=fp, intercepts=[icpt("YRC231", None, None, 3.95, width=14.0)]).flagged


def test_units_and_printed_precision() -> None:
    idx = NoveltyIndex()
    idx.add("a", fingerprint=fingerprint(words(300, 1)),
            intercepts=[icpt("LDD001", 10.0, 30.0, 0.14, analyte="Cu", unit="%"),
                        icpt("LDD001", 40.0, 50.0, 1412.0, analyte="TREO", unit="ppm")])
    fp = fingerprint(words(300, 2))
    # 0.1 % printed to one decimal covers 0.14 %; 0.8 % is not 0.14 %
    assert idx.check(fingerprint=fp, intercepts=[icpt("LDD1", 10.0, 30.0, 0.1, "Cu", "%")]).flagged
    assert not idx.check(fingerprint=fp, intercepts=[icpt("LDD1", 10.0, 30.0, 0.8, "Cu", "%")]).flagged
    # 0.14 % Cu = 1,400 ppm Cu; 0.14 % TREO is another analyte's interval
    assert idx.check(fingerprint=fp, intercepts=[icpt("LDD1", 10.0, 30.0, 1400.0, "Cu", "ppm")]).flagged
    assert not idx.check(fingerprint=fp, intercepts=[icpt("LDD1", 10.0, 30.0, 0.14, "TREO", "%")]).flagged
    assert idx.check(fingerprint=fp, intercepts=[icpt("LDD1", 40.0, 50.0, 0.14, "TREO", "%")]).flagged


def test_normalise_hole_id() -> None:
    assert normalise_hole_id("YRC-0231") == normalise_hole_id("YRC0231") == normalise_hole_id("yrc 0231")
    assert normalise_hole_id("YRC0231") == "YRC231"
    assert normalise_hole_id("YRC0231") != normalise_hole_id("YRC0232")
    assert normalise_hole_id(None) == "" and normalise_hole_id("--") == ""


def test_fingerprint_paths_agree_and_sampling_rule() -> None:
    text = words(600, 3)
    tokens = text.split()
    hashes = np.array([zlib.crc32(t.encode()) for t in tokens], dtype=np.uint32)
    fp = fingerprint(text)
    assert np.array_equal(fp, fingerprint_tokens(hashes))
    assert fp.dtype == np.uint32 and np.all(np.diff(fp.astype(np.int64)) > 0)
    assert np.all(fp % SAMPLE == 0) and 40 < fp.size < 120  # ~596 shingles / 8
    short = fingerprint(words(40, 4))  # ~36 shingles: ~4 would be kept, so all are
    assert short.size == 36 and np.any(short % SAMPLE != 0)
    assert fingerprint("").size == 0 and fingerprint("Au").size == 1
    # numbers are words: "3.95" and "4.15" make different documents
    assert not np.array_equal(fingerprint("12m @ 3.95 g/t Au from 48m"), fingerprint("12m @ 4.15 g/t Au from 48m"))


def test_similarity_is_the_exact_jaccard_of_the_sampled_sets() -> None:
    idx = NoveltyIndex()
    stored = {f"d{i}": fingerprint(words(400, 100 + i) + " " + CP) for i in range(5)}
    short = fingerprint(words(60, 200))  # a short, unsampled document
    for k, f in stored.items():
        idx.add(k, fingerprint=f, intercepts=[])
    idx.add("short", fingerprint=short, intercepts=[])
    query_text = words(400, 102) + " " + CP
    q_words = query_text.split()
    q_words[10:30] = words(20, 999).split()  # edit the copy of d2
    q = fingerprint(" ".join(q_words))
    res = idx.check(fingerprint=q, intercepts=[])
    a, b = set(q.tolist()), set(stored["d2"].tolist())
    assert res.similar_announcement == "d2"
    assert res.similarity == pytest.approx(len(a & b) / len(a | b))
    # a full (short) fingerprint against a sampled one is compared on the sampled residue class only
    q2 = fingerprint(words(60, 200) + " " + words(400, 300))
    res2 = idx.check(fingerprint=q2, intercepts=[])
    s_short = {h for h in short.tolist() if h % SAMPLE == 0}
    s_q2 = set(q2.tolist())
    if res2.similar_announcement == "short":
        assert res2.similarity == pytest.approx(len(s_short & s_q2) / len(s_short | s_q2))


def test_merges_keep_lookups_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nv, "MERGE_MIN", 50)  # merge the dict buffer into the CSR arrays often
    idx, ref = NoveltyIndex(), NoveltyIndex()
    texts = [words(300, 500 + i) + " " + CP for i in range(40)]
    for i, t in enumerate(texts):
        rows = [icpt(f"MRC{i:03d}", 10.0, 20.0, 1.0 + i / 10)]
        idx.add(str(i), fingerprint=fingerprint(t), intercepts=rows)
    assert idx._shingles.keys.size > 0  # merged at least once
    monkeypatch.setattr(nv, "MERGE_MIN", 10**9)  # never merged
    for i, t in enumerate(texts):
        ref.add(str(i), fingerprint=fingerprint(t), intercepts=[icpt(f"MRC{i:03d}", 10.0, 20.0, 1.0 + i / 10)])
    assert ref._shingles.keys.size == 0
    for i in (0, 17, 39):
        q = fingerprint(texts[i].replace("w1", "zz"))
        rows = [icpt(f"MRC-{i:03d}", 10.0, 20.0, round(1.0 + i / 10, 1))]
        a = idx.check(fingerprint=q, intercepts=rows)
        b = ref.check(fingerprint=q, intercepts=rows)
        assert a.to_json() == b.to_json()
        assert a.repeated[0].previously.announcement == str(i)
    with pytest.raises(ValueError):
        idx.add("0", fingerprint=fingerprint("x"), intercepts=[])
    assert idx.nbytes() > 0


def test_deterministic_and_json() -> None:
    text = "Quarterly. " + words(300, 8)
    rows = [icpt("YRC0231", 48.0, 61.0, 4.0), icpt("YRC0999", 1.0, 2.0, 1.0)]
    runs = [archive().check(fingerprint=fingerprint(text), intercepts=rows, ticker="YBG") for _ in range(2)]
    assert runs[0] == runs[1]
    data = runs[0].to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["status"] == "partly_reannounced" and data["flagged"] is True
    assert data["repeated"][0]["previously"]["announcement"] == "corpus/ybg-001"
    assert isinstance(runs[0], Novelty) and runs[0].flagged


def test_real_announcement_copy_is_a_duplicate() -> None:
    from oresight.pipeline import analyse_path, analyse_text

    path = ROOT / "samples" / "corpus" / "kjg-001.txt"
    a = analyse_path(path)
    idx = NoveltyIndex()
    idx.add("corpus/kjg-001", fingerprint=fingerprint(a.document.text), intercepts=a.extraction.intercepts,
            ticker="KJG")
    idx.add("other", fingerprint=fingerprint(words(300, 9)), intercepts=[])
    b = analyse_text("REPLACEMENT ANNOUNCEMENT. The metres drilled have been corrected.\n" + a.document.text)
    res = idx.check(fingerprint=fingerprint(b.document.text), intercepts=b.extraction.intercepts, ticker="KJG")
    assert res.status == "duplicate" and res.similar_announcement == "corpus/kjg-001"
    assert len(res.repeated) == len(b.extraction.intercepts) > 0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_fingerprint_never_raises(text: str) -> None:
    fp = fingerprint(text)
    assert fp.dtype == np.uint32 and fp.ndim == 1
    assert np.all(np.diff(fp.astype(np.int64)) > 0)


def test_a_later_release_is_never_an_earlier_announcement() -> None:
    """An archive filled out of order: the stored copy is dated after the new one, so it is not 'before'."""
    from oresight.pipeline import analyse_text as _at

    text = "EXAMPLE LTD (ASX: EXR)\nHole XRC001 returned 20m @ 3.0g/t Au from 30m and XRC002 returned 12m @ 2.1g/t Au from 8m."
    a = _at(text, "a.txt")
    index = NoveltyIndex()
    index.add("later", fingerprint=fingerprint(a.document.text), intercepts=a.extraction.intercepts, ticker="EXR",
              published="2026-03-10")
    early = index.check(fingerprint=fingerprint(a.document.text), intercepts=a.extraction.intercepts, ticker="EXR",
                        published="2026-03-03")
    assert not early.flagged
    late = index.check(fingerprint=fingerprint(a.document.text), intercepts=a.extraction.intercepts, ticker="EXR",
                       published="2026-03-20")
    assert late.flagged


def test_earliest_repeat_found_the_same_way_with_many_stored_copies() -> None:
    """With ISO dates _repeats orders candidates with numpy and stops at the first that agrees; it must pick
    the same stored row as the reference loop (_order over every candidate), with copies, prefixed variants,
    rows without hole ids, undated releases and same-day releases mixed in."""
    rng = random.Random(11)
    holes = ["YRC0231", "YRC0234", "KDD017", "25YRC0231", "EF-KDD017", "VHRC1848", "VGRC1848", None]
    index = NoveltyIndex()
    for d in range(300):
        rows = [icpt(rng.choice(holes), rng.choice([48.0, 48.3, 102.0, None]), None, rng.choice([3.95, 4.0, 1.87]),
                     width=rng.choice([13.0, 8.0, 13.05])) for _ in range(rng.randint(1, 6))]
        day = None if rng.random() < 0.15 else f"20{rng.randint(20, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        index.add(f"a{d}", fingerprint=fingerprint(words(60, d)), intercepts=rows, published=day)
    assert index._iso_days
    queries = [icpt(rng.choice(holes), rng.choice([48.0, 48.2, 102.0, None]), None, rng.choice([3.95, 3.9, 1.87]),
                    width=rng.choice([13.0, 8.0])) for _ in range(200)]
    prepared = [nv._prepare(it) for it in queries]
    fast = index._repeats(prepared, -1)
    index._iso_days = False  # the reference loop, as for an archive with other date forms
    slow = index._repeats(prepared, -1)
    assert fast == slow
    assert sum(f >= 0 for f in fast) > 50  # the test exercises repeats, not only misses


def test_other_date_forms_keep_the_reference_order() -> None:
    index = NoveltyIndex()
    index.add("a", fingerprint=fingerprint(words(60, 1)), intercepts=[icpt("YRC0231", 48.0, 61.0, 3.95)],
              published="2024-03-01")
    index.add("b", fingerprint=fingerprint(words(60, 2)), intercepts=[icpt("YRC0231", 48.0, 61.0, 3.95)],
              published="2023-12-01T09:00")
    assert not index._iso_days
    found = index.check(fingerprint=fingerprint(words(60, 3)), intercepts=[icpt("YRC0231", 48.0, 61.0, 3.95)])
    assert found.repeated[0].previously.announcement == "b"  # the earlier release
