"""Name matching: normalisation (legal forms, Cyrillic transliteration systems, pinyin), the second check on
near-misses, blocking, and precision and recall on the held-out labelled pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oresight.sanctions import ListEntry, Matcher, name_keys, name_similarity, normalised
from oresight.sanctions.evaluate import at, load_pairs, scored, split_of, tune
from oresight.sanctions.matcher import default_threshold
from oresight.sanctions.model import Alias

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "data" / "sanctions_pairs.csv"
T = default_threshold()


@pytest.mark.parametrize("a,b", [
    ("Норникель", "Nornikel"),                      # Cyrillic, BGN/GOST alike
    ("NORNICKEL", "Nornikel"),                      # ck / k
    ("Журавлёв", "Zhuravlev"),                      # ё, zh
    ("Juravlev", "Zhuravlev"),                      # J read as Zh
    ("Žuravlëv", "Zhuravlyov"),                     # GOST 7.79 diacritics, Wikipedia's yo
    ("Khabibullin", "Habibulin"),                   # kh / h, doubled letters
    ("Dmitriy", "Dmitrii"),                         # -iy / -ii
    ("Dmitry", "Dmitrij"),                          # -y / -ij
    ("Shchukin", "Schukin"),                        # shch / sch
    ("Yuryevich", "Iurevich"),                      # ICAO passport spelling
    ("中国稀土", "Zhongguo Xitu"),                    # pinyin, joined
    ("Zhōngguó Xītǔ", "zhong1guo2 xi1tu3"),         # tone marks and tone numbers
    ("ООО «Кварц-Ресурс»", "Kvarts-Resurs LLC"),    # Russian and English legal forms
    ("Norvik Metals Trading, L.L.C.", "NORVIK METALS TRADING LLC"),
    ("湘江稀土有限公司", "Xiangjiang Xitu Co., Ltd."),  # Chinese legal form, pinyin
])
def test_spellings_of_one_name_agree(a: str, b: str) -> None:
    assert name_similarity(a, b) == 100.0, (name_keys(a), name_keys(b))


def test_normalised_forms() -> None:
    assert normalised("ООО «Уральская горная компания»") == "uralskaya gornaya"
    assert normalised("PJSC MMC Norilsk Nickel") == "norilsk nikel"
    assert normalised("Mr Ivan Petrov") == "ivan petrov"
    assert normalised("AO") == "ao"  # a name that is only a legal form keeps it
    assert normalised("中国稀土集团有限公司") == "zhong guo xi tu"


@pytest.mark.parametrize("query,listed", [
    ("Ivan Petrov", "PETROV, Ivan Ivanovich"),          # patronymic missing, word order
    ("Petrov Ivan", "Ivan Petrov"),
    ("Sergey Kuznetzov", "KUZNETSOV, Sergei Valentinovich"),
    ("I. Petrov", "Ivan Petrov"),                       # an initial
    ("Elchin Musayev", "MUSAYEV, Elchin Ramiz oglu"),   # Turkic patronymic
    ("Khalid Alrashidi", "AL-RASHIDI, Khalid"),         # a particle joined
    ("Nor Nickel", "NORNICKEL"),                         # words split differently
])
def test_variants_match(query: str, listed: str) -> None:
    assert name_similarity(query, listed) >= T


@pytest.mark.parametrize("query,listed", [
    ("Sergei Petrov", "Ivan Petrov"),                    # same surname, another person
    ("Petrov", "Ivan Petrov"),                           # a surname alone
    ("Uralskaya Neftyanaya Kompaniya", "URALSKAYA GORNAYA KOMPANIYA OOO"),  # same region, another company
    ("Polyarnaya Rudnaya", "ZAPOLYARNAYA RUDNAYA KOMPANIYA"),  # a word built on another
    ("Jiang Wei", "ZHANG Wei"),                          # other pinyin syllables are other characters
    ("Yinlong Kuangye", "JINLONG KUANGYE YOUXIAN GONGSI"),
    ("Zhang Wen", "ZHANG Wei"),
    ("Dmitry Scherbak", "SHCHERBAKOV, Dmitriy"),
    ("Novosibirsk Tin Plant", "Novosibirsk Chemical Concentrates Plant"),
])
def test_near_misses_do_not_match(query: str, listed: str) -> None:
    assert name_similarity(query, listed) < T


def _entries() -> list[ListEntry]:
    return [
        ListEntry("ofac", "1", "NORVIK METALS TRADING LLC", "entity", (Alias("NORVIK METALS", "aka"),)),
        ListEntry("ofac", "2", "KUZNETSOV, Sergei Valentinovich", "person"),
        ListEntry("eu", "3", "Kvarts-Resurs LLC", "entity", (Alias("ООО «Кварц-Ресурс»", "RU"),)),
        ListEntry("eu", "4", "Jinlong Kuangye Youxian Gongsi", "entity", (Alias("金龙矿业有限公司", "ZH"),)),
        ListEntry("ofac", "5", "SEVERNAYA ZVEZDA", "vessel"),
        ListEntry("ofac", "6", "PETROV, Sergei", "person"),
        ListEntry("ofac", "7", "UGK", "entity"),
    ]


def test_matcher_finds_the_entry_and_its_alias() -> None:
    m = Matcher(_entries())
    (hit,) = m.match("Norvik Metals")
    assert (hit.entry.ref, hit.matched_name, hit.score) == ("1", "NORVIK METALS", 100.0)
    assert [x.entry.ref for x in m.match("Кварц Ресурс")] == ["3"]
    assert [x.entry.ref for x in m.match("Jīnlóng Kuàngyè")] == ["4"]
    assert [x.entry.ref for x in m.match("Sergey Kuznetsov")] == ["2"]  # not PETROV, Sergei
    assert m.match("Sergei Ivanov") == []
    assert [x.entry.ref for x in m.match("Severnaya Zvezda")] == ["5"]
    assert "5" not in {e.ref for e in Matcher(_entries(), kinds={"person", "entity"}).entries}


def test_blocking_returns_what_scoring_alone_would() -> None:
    """Over a list of many names the matcher finds every entry that the pairwise score puts over the threshold."""
    entries = _entries() + [ListEntry("ofac", str(100 + i), f"{w} METALS TRADING LLC", "entity")
                            for i, w in enumerate(["NORD", "NORVEL", "NARVA", "BALT", "SEVER", "URAL", "ALTAI"])]
    m = Matcher(entries, threshold=50)
    for query in ("Norvik Metals Trading", "Narvik Metals", "Sergei Kuznetsov", "Kvarts Resurs", "金龙矿业", "Nord Metals"):
        expected = {e.ref for e in entries if max(name_similarity(query, n) for n in e.names) >= 50}
        assert {x.entry.ref for x in m.match(query, limit=None)} == expected, query


def test_the_threshold_was_chosen_on_the_training_pairs() -> None:
    pairs = load_pairs(PAIRS)
    train = [p for p in pairs if p.split == "train"]
    assert tune(scored(train)).threshold == pytest.approx(T, abs=0.05)


def test_held_out_precision_and_recall() -> None:
    """The acceptance figures: on pairs never used to choose the threshold (their listed parties too)."""
    pairs = load_pairs(PAIRS)
    test = [p for p in pairs if p.split == "test"]
    train_groups = {p.group for p in pairs if p.split == "train"}
    assert test and not ({p.group for p in test} & train_groups)
    assert sum(p.label for p in test) >= 25 and sum(not p.label for p in test) >= 15
    s = at(scored(test), T)
    assert s.precision >= 0.95, s
    assert s.recall >= 0.9, s


def test_labelled_pairs_cover_the_cases() -> None:
    pairs = load_pairs(PAIRS)
    assert len(pairs) >= 150
    categories = {p.category for p in pairs}
    assert {"translit_cyr", "translit_zh", "word_order", "legal_form", "typo", "near_surname", "near_city"} <= categories
    assert {split_of(p.group) for p in pairs} == {"train", "test"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_matching_never_raises(text: str) -> None:
    m = Matcher(_entries())
    for match in m.match(text):
        assert 0 <= match.score <= 100
