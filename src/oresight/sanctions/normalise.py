"""Names to comparable keys.

A name becomes one or more :class:`NameKey`\\ s (its words, and the words joined):

1. Unicode NFKC; a Chinese name (Han characters) loses its legal form at the end (有限公司, 集团, ...) and
   is read as pinyin without tones (pypinyin, which reads polyphones from word context: 重庆 → chong qing),
   one word per syllable: 中国稀土 → "zhong guo xi tu", compared with "Zhongguo Xitu" through the joined form;
2. a Cyrillic name is transliterated through several systems (iuliia: BGN/PCGN, ICAO passports, MVD 782,
   GOST 7.79, Wikipedia), each giving a key: Норникель → "nornikel";
3. Latin letters that stand for two in other systems become those two (š → sh, ž → zh, û → yu), other
   diacritics are dropped, apostrophes (soft signs) removed, case folded, punctuation made a space;
   tone numbers are dropped from pinyin (zhong1guo2 → zhongguo);
4. titles (Mr, Dr, The) at the start and legal forms (LLC, Ltd, OOO, ООО, JSC, АО, PJSC, Co., Limited,
   有限公司, ...) at the start or end are removed;
5. each word that is not pinyin is reduced to a *skeleton* on which the usual spellings agree (Zh/Ž, Kh/H,
   Shch/Sch, Ts/C, Ks/X, W/V, doubled letters, the Russian glides Ya/Ia/Ja, Yu/Iu/Ju, Ye/E, Yo/E and the
   endings -iy/-ii/-ij/-y); a word starting with J that is not pinyin also gets a Zh reading. Pinyin words
   stay as they are: a different syllable is a different character.

The rules are data (``data/normalise.yaml``, ``data/pinyin.txt``). Everything here is pure and cached.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from oresight._data import package_yaml

from .model import ListEntry, NameKey

KEYS_CODE_VERSION = 1  # raise when the code below changes the keys it makes (the rules' files are hashed too)
MAX_NAME = 300  # characters of a name considered
MAX_VARIANTS = 8  # keys per name at most

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_TONE_WORD = re.compile(r"(?:[a-z]+[1-5])+")


@cache
def _rules() -> dict[str, Any]:
    return package_yaml("oresight.sanctions", "normalise.yaml")


@cache
def _pinyin_re() -> re.Pattern[str]:
    raw = resources.files("oresight.sanctions").joinpath("data", "pinyin.txt").read_text(encoding="utf-8")
    syllables = {w for line in raw.splitlines() if not line.startswith("#") for w in line.split()}
    alt = "|".join(sorted(syllables, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?:{alt})+")


@lru_cache(maxsize=65536)
def is_pinyin(word: str) -> bool:
    """True when a lower-case word is a run of pinyin syllables ("zhongguo", "xitu"; not "ivanov")."""
    return len(word) <= 60 and _pinyin_re().fullmatch(word) is not None


@cache
def _letters() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {str(k): str(v) for k, v in _rules()["letters"].items()}
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))), table


_ASSERTIONS = re.compile(r"\(\?<?[=!][^)]*\)|[\^$]")


@cache
def _skeleton_rules() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The rules with, for each, the letters a word must hold for it to apply (its pattern without look-arounds
    and anchors, when that is plain letters; else "")."""
    out = []
    for p, r in _rules()["skeleton"]:
        bare = _ASSERTIONS.sub("", p)
        out.append((bare if bare.isalpha() else "", re.compile(p), r))
    return tuple(out)


@cache
def _abbreviations() -> dict[str, str]:
    return {str(k): str(v) for k, v in _rules()["abbreviations"].items()}


@cache
def _cyrillic_systems() -> tuple[Any, ...]:
    iuliia = importlib.import_module("iuliia")  # untyped; its schemas have .translate(str) -> str
    return tuple(getattr(iuliia, name) for name in _rules()["cyrillic_systems"])


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The skeleton of one lower-case ASCII word (see the module doc); a pinyin word is kept as it is."""
    if is_pinyin(word):
        return word
    for needs, pattern, repl in _skeleton_rules():
        if needs in word:
            word = pattern.sub(repl, word)
    return word


def ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words of a Latin-script text: abbreviations read out (Int'l), two-letter readings of
    š/ž/č/ŝ/û/â/ë, other diacritics dropped, apostrophes removed, "&" read as "and", tone numbers dropped
    from pinyin."""
    abbreviations = _abbreviations()
    text = " ".join(abbreviations.get(w, w) for w in text.lower().split())
    if not text.isascii():
        pattern, table = _letters()
        text = pattern.sub(lambda m: table[m.group()], text)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("`", "").replace("&", " and ")
    words = []
    for w in _NOT_WORD.split(text.lower()):
        if not w:
            continue
        if _TONE_WORD.fullmatch(w):
            bare = re.sub(r"[1-5]", "", w)
            if is_pinyin(bare):
                w = bare
        words.append(w)
    return words


@cache
def _legal_forms() -> tuple[tuple[str, ...], ...]:
    forms = _rules()["legal_forms"]
    seqs: set[tuple[str, ...]] = set()
    for phrase in forms["latin"]:
        seqs.add(tuple(skeleton(w) for w in ascii_words(str(phrase))))
    for phrase in forms["cyrillic"]:
        for spelling in _transliterations(str(phrase)):
            seqs.add(tuple(skeleton(w) for w in ascii_words(spelling)))
    seqs.discard(())
    return tuple(sorted(seqs, key=len, reverse=True))


@cache
def _han_forms() -> tuple[str, ...]:
    return tuple(sorted((str(f) for f in _rules()["legal_forms"]["han"]), key=len, reverse=True))


@cache
def _honorifics() -> tuple[tuple[str, ...], ...]:
    seqs = {tuple(skeleton(w) for w in ascii_words(str(h))) for h in _rules()["honorifics"]}
    seqs.discard(())
    return tuple(sorted(seqs, key=len, reverse=True))


@cache
def _optional_suffixes() -> tuple[str, ...]:
    return tuple(skeleton(str(s)) for s in _rules()["optional_suffixes"])


@cache
def _optional_particles() -> frozenset[str]:
    return frozenset(skeleton(str(s)) for s in _rules()["optional_particles"])


@cache
def _edges() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]]:
    """Titles and legal forms by their first word (removed at the start), legal forms by their last word
    (removed at the end); longest first."""
    starts: dict[str, list[tuple[str, ...]]] = {}
    ends: dict[str, list[tuple[str, ...]]] = {}
    for seq in (*_honorifics(), *_legal_forms()):
        starts.setdefault(seq[0], []).append(seq)
    for seq in _legal_forms():
        ends.setdefault(seq[-1], []).append(seq)
    return {k: _longest_first(v) for k, v in starts.items()}, {k: _longest_first(v) for k, v in ends.items()}


def _longest_first(seqs: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(set(seqs), key=lambda q: (-len(q), q)))


def _strip_edges(tokens: list[str]) -> list[str]:
    """Titles at the start, legal forms at either end, never leaving nothing."""
    starts, ends = _edges()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for seq in starts.get(tokens[0], ()):
            n = len(seq)
            if len(tokens) > n and tuple(tokens[:n]) == seq:
                del tokens[:n]
                changed = True
                break
        for seq in ends.get(tokens[-1], ()):
            n = len(seq)
            if len(tokens) > n and tuple(tokens[-n:]) == seq:
                del tokens[-n:]
                changed = True
                break
    return tokens


@lru_cache(maxsize=65536)
def _translit_word(word: str, system: int) -> str:
    return unicodedata.normalize("NFC", _cyrillic_systems()[system].translate(word))


def _transliterations(text: str) -> list[str]:
    """A Cyrillic text in each configured system (distinct spellings, in order), word by word (the systems read
    each word on its own; names share many words, so each is transliterated once)."""
    out: dict[str, None] = {}
    parts = re.split(r"(\s+)", text)
    for system in range(len(_cyrillic_systems())):
        spelled = "".join(p if not p or p.isspace() else _translit_word(p, system) for p in parts)
        out.setdefault(spelled, None)
    return list(out)


def _strip_han_forms(text: str) -> str:
    stripped = text.strip()
    changed = True
    while changed:
        changed = False
        for form in _han_forms():
            if stripped.endswith(form) and len(stripped) > len(form):
                stripped = stripped[: -len(form)].rstrip()
                changed = True
    return stripped


def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(_strip_han_forms(text), style=Style.NORMAL))


def _key(words: Iterable[str]) -> NameKey | None:
    tokens = _strip_edges([skeleton(w) for w in words])
    tokens = [t for t in tokens if t]
    if not tokens:
        return None
    particles = _optional_particles()
    optional = {i for i, t in enumerate(tokens) if len(t) > 6 and any(t.endswith(s) for s in _optional_suffixes())}
    for i, t in enumerate(tokens):
        if t in particles and i > 0:
            optional |= {i - 1, i}
    return NameKey(tuple(tokens), "".join(tokens), frozenset(optional))


def _j_readings(words: list[str]) -> list[list[str]]:
    """The words as written, and with a leading J read as Zh (Juravlev → Zhuravlev) where the word is not pinyin."""
    out = [words]
    for i, w in enumerate(words):
        if w.startswith("j") and len(w) > 3 and not is_pinyin(w):
            out += [[*v[:i], "zh" + w[1:], *v[i + 1 :]] for v in out]
            if len(out) >= 4:
                break
    return out


@cache
def _particles() -> frozenset[str]:
    return frozenset(skeleton(str(p)) for p in _rules()["particles"])


def _joined_particles(key: NameKey) -> NameKey | None:
    """The spelling with each particle joined to the word after it (al rashidi → alrashidi), if any."""
    particles = _particles()
    tokens: list[str] = []
    optional: set[int] = set()
    carry = ""
    for i, t in enumerate(key.tokens):
        if t in particles and i + 1 < len(key.tokens):
            carry += t
            continue
        if i in key.optional:
            optional.add(len(tokens))
        tokens.append(carry + t)
        carry = ""
    if len(tokens) == len(key.tokens):
        return None
    return NameKey(tuple(tokens), "".join(tokens), frozenset(optional))


@lru_cache(maxsize=200_000)
def name_keys(name: str) -> tuple[NameKey, ...]:
    """Every normalised spelling of a name (one for most Latin names, a few for Cyrillic ones)."""
    text = unicodedata.normalize("NFKC", name)[:MAX_NAME]
    if _HAN.search(text):
        spellings = [_pinyin(text)]
    elif _CYRILLIC.search(text):
        spellings = _transliterations(text)
    else:
        spellings = [text]
    keys: dict[tuple[str, ...], NameKey] = {}
    for spelling in spellings:
        for words in _j_readings(ascii_words(spelling)):
            key = _key(words)
            if key is not None:
                keys.setdefault(key.tokens, key)
                joined = _joined_particles(key)
                if joined is not None:
                    keys.setdefault(joined.tokens, joined)
        if len(keys) >= MAX_VARIANTS:
            break
    return tuple(keys.values())[:MAX_VARIANTS]


def normalised(name: str) -> str:
    """The first key of a name as one string (for display and tests): "ООО «Норникель»" → "nornikel"."""
    keys = name_keys(name)
    return " ".join(keys[0].tokens) if keys else ""


@cache
def keys_version() -> str:
    """What the keys depend on: this code's version and the rules' files. Keys stored with another version are
    computed again."""
    h = hashlib.sha256(str(KEYS_CODE_VERSION).encode())
    for name in ("normalise.yaml", "pinyin.txt"):
        h.update(resources.files("oresight.sanctions").joinpath("data", name).read_bytes())
    return h.hexdigest()[:16]


def with_keys(entry: ListEntry) -> ListEntry:
    """The entry with the normalised spellings of each of its names."""
    return replace(entry, keys=tuple(name_keys(n) for n in entry.names))


def keys_to_json(keys: tuple[tuple[NameKey, ...], ...]) -> list[list[list[Any]]]:
    return [[[" ".join(k.tokens), sorted(k.optional)] for k in per_name] for per_name in keys]


def keys_from_json(data: Any, names: int) -> tuple[tuple[NameKey, ...], ...] | None:
    """Stored keys back (None when they do not fit the entry's names)."""
    if not isinstance(data, list) or len(data) != names:
        return None
    out = []
    for per_name in data:
        keys = []
        for words, optional in per_name:
            tokens = tuple(str(words).split())
            keys.append(NameKey(tokens, "".join(tokens), frozenset(int(i) for i in optional)))
        out.append(tuple(keys))
    return tuple(out)
