"""Sanctions matching figures for `make bench`: precision, recall and F1 on the labelled name pairs
(``bench/data/sanctions_pairs.csv``), on the held-out part at the shipped threshold, with the threshold chosen
again on the training part; per category; and screening speed (a matcher over a synthetic list of the real lists'
size, and screening the sample announcements against it).

Run alone: ``.venv/bin/python -m bench.sanctions [-v] [--no-speed]``.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from oresight.sanctions import ListEntry, Matcher, screen_pages
from oresight.sanctions.evaluate import Pair, Scores, at, by_category, load_pairs, scored, tune
from oresight.sanctions.matcher import DOCUMENT_KINDS, default_threshold
from oresight.sanctions.model import Alias
from oresight.sanctions.normalise import with_keys

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "data" / "sanctions_pairs.csv"
REPRODUCE = ".venv/bin/python -m bench.sanctions"


def _row(label: str, s: Scores) -> str:
    return (f"{label:28}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.tn:>6}")


def pairs_report(verbose: bool = False) -> tuple[Scores, Scores, float]:
    """Prints the pair figures; returns (held-out at the shipped threshold, training at it, the re-chosen threshold)."""
    pairs = load_pairs(PAIRS)
    train = [p for p in pairs if p.split == "train"]
    test = [p for p in pairs if p.split == "test"]
    t0 = time.perf_counter()
    on_train = scored(train)
    on_test = scored(test)
    seconds = time.perf_counter() - t0
    chosen = tune(on_train)
    shipped = default_threshold()
    held = at(on_test, shipped)
    trained = at(on_train, shipped)
    print(f"\n## Sanctions matching: labelled name pairs ({PAIRS.relative_to(ROOT)})")
    print(f"{len(pairs)} pairs ({sum(p.label for p in pairs)} same party, {sum(not p.label for p in pairs)} different: "
          "transliterations (Cyrillic, Chinese), word order, legal forms, typos, spacing; near-misses: same surname, "
          "same city, similar names)")
    print(f"split by listed party: {len(train)} pairs ({len({p.group for p in train})} parties) to choose the threshold, "
          f"{len(test)} pairs ({len({p.group for p in test})} parties) held out")
    print(f"threshold {shipped:g} (shipped: src/oresight/sanctions/data/matching.yaml); chosen again on the training "
          f"pairs: {chosen.threshold:g}" + ("" if abs(chosen.threshold - shipped) < 0.05 else "  (DIFFERENT: re-tune)"))
    print(f"{'':28}{'precision':>10}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}{'TN':>6}")
    print(_row("held out (the figure)", held))
    print(_row("training pairs", trained))
    print(_row("all pairs", at(on_train + on_test, shipped)))
    cats = by_category(on_train + on_test, shipped)
    print("decided right by category (all pairs): " + ", ".join(
        f"{c} {right}/{n}" for c, (right, n) in sorted(cats.items())))
    print(f"scoring time: {seconds / len(pairs) * 1000:.2f} ms per pair (matcher built per pair)")
    wrong: list[tuple[Pair, float]] = [(p, s) for p, s in on_train + on_test if (s >= shipped) != p.label]
    for p, s in sorted(wrong, key=lambda t: (t[0].split, -t[1])):
        if verbose or p.split == "test":
            kind = "missed" if p.label else "false match"
            print(f"  {kind} ({p.split}, {p.category}, score {s:.1f}): {p.query!r} ~ {p.listed!r}")
    if not verbose and any(p.split == "train" for p, _ in wrong):
        print(f"  ({sum(p.split == 'train' for p, _ in wrong)} training pair(s) decided wrong: -v lists them)")
    return held, trained, chosen.threshold


_SYLLABLES = ["ka", "ra", "to", "mi", "no", "su", "re", "al", "ex", "an", "dr", "ov", "ev", "in", "sk", "ya", "gor", "ne", "ft", "ur", "al", "met", "all", "tr", "ad", "in", "ber", "zo", "lo", "to", "bal", "tic", "sib", "ir", "vos", "tok", "kaz", "ar", "ch", "ko", "va", "le", "nk", "po", "ly", "ar", "ny", "gra", "nit", "ste", "el", "ind", "ust", "ri", "al"]
_CYR = "аеиоуыэюябвгджзклмнпрстфхцчшщ"


def synthetic_list(n: int, seed: int = 7) -> list[ListEntry]:
    """A list of the real lists' size and shape: about a third persons (surname, first name, patronymic), the rest
    companies with a legal form; a third with an alias, one in six with a Cyrillic alias, one in forty a Chinese one."""
    rnd = random.Random(seed)

    def word(k: int) -> str:
        return "".join(rnd.choice(_SYLLABLES) for _ in range(k)).capitalize()

    out = []
    for i in range(n):
        if i % 3 == 0:
            name = f"{word(3).upper()}, {word(2)} {word(3)}ovich"
            kind = "person"
        else:
            name = f"{word(2)} {word(3)} {rnd.choice(['LLC', 'JSC', 'Ltd', 'OOO', 'Co., Ltd.', 'GmbH'])}".upper()
            kind = "entity"
        aliases = []
        if i % 3 == 1:
            aliases.append(Alias(f"{word(2)} {word(2)}".upper(), "aka"))
        if i % 6 == 2:
            aliases.append(Alias(" ".join("".join(rnd.choice(_CYR) for _ in range(6)).capitalize() for _ in range(2)),
                                 "RU"))
        if i % 40 == 5:
            aliases.append(Alias("".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(4)) + "有限公司", "ZH"))
        out.append(ListEntry("synthetic", str(i), name, kind, tuple(aliases)))  # type: ignore[arg-type]
    return out


def speed_report(entries: int = 20_000) -> None:
    from oresight.evaluate import labelled_files
    from oresight.pipeline import analyse_path

    lst = synthetic_list(entries)
    t0 = time.perf_counter()
    keyed = [with_keys(e) for e in lst]  # what `oresight sanctions load` does once and stores
    normalise = time.perf_counter() - t0
    t0 = time.perf_counter()
    matcher = Matcher(keyed, kinds=DOCUMENT_KINDS)  # what each process does from the stored keys
    build = time.perf_counter() - t0
    docs = [analyse_path(doc) for doc, _ in labelled_files(ROOT / "samples" / "corpus")]
    times: list[float] = []
    flags = 0
    for a in docs:
        pages = [p.text for p in a.document.pages]
        t1 = time.perf_counter()
        found = screen_pages(pages, matcher)
        times.append(time.perf_counter() - t1)
        flags += len(found)
    times.sort()
    p50 = times[len(times) // 2] * 1000
    p99 = times[min(len(times) - 1, round(0.99 * len(times)))] * 1000
    print(f"screening speed, synthetic list of {entries:,} entries ({matcher.name_count:,} spellings of names and "
          f"aliases, Cyrillic and Chinese included): normalising its names (once, at load) {normalise:.1f} s; "
          f"building the matcher from the stored spellings {build:.1f} s")
    print(f"screening the {len(docs)} sample announcements against it: p50 {p50:.1f} ms, p99 {p99:.1f} ms per "
          f"document ({flags} flag(s))")


def report(verbose: bool = False, speed: bool = True) -> None:
    pairs_report(verbose)
    if speed:
        speed_report()
    print(f"reproduce: {REPRODUCE}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every pair decided wrong")
    ap.add_argument("--no-speed", action="store_true", help="skip the screening speed figures")
    args = ap.parse_args(argv)
    report(args.verbose, speed=not args.no_speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
