"""Build every sample PDF from its source in samples/pdf_src/ (deterministic, byte-stable).

    .venv/bin/python samples/build_pdfs.py            # build all
    .venv/bin/python samples/build_pdfs.py ybg-001    # build some

A module ``pdf_src/<id_with_underscores>.py`` builds ``corpus/<id>.pdf``; ids starting with
``hold-`` go to ``holdout/``; the second holdout's sources (``holdout2/src_a``, ``holdout2/src_b``)
build ``holdout2/<id>.pdf``. Each module defines ``META`` and ``story(k)``; ``k`` is the shared
helper module ``pdf_src/_common.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "pdf_src"
sys.path.insert(0, str(SRC))

import _common as k  # noqa: E402

HOLDOUT2_SRC = [HERE / "holdout2" / "src_a", HERE / "holdout2" / "src_b"]


def sources() -> list[Path]:
    found = [p for p in SRC.glob("*.py") if not p.name.startswith("_")]
    for folder in HOLDOUT2_SRC:
        found += [p for p in folder.glob("[ab]_*.py")]
    return sorted(found)


def doc_id(p: Path) -> str:
    return p.stem.replace("_", "-")


def target(doc: str) -> Path:
    if doc.startswith(("a-", "b-")):
        return HERE / "holdout2" / f"{doc}.pdf"
    return (HERE / "holdout" if doc.startswith("hold-") else HERE / "corpus") / f"{doc}.pdf"


def build_one(p: Path) -> Path:
    spec = importlib.util.spec_from_file_location(f"pdfsrc_{p.stem}", p)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = target(doc_id(p))
    out.parent.mkdir(parents=True, exist_ok=True)
    k.build(str(out), mod.META, mod.story(k))
    return out


def main(argv: list[str]) -> int:
    wanted = set(argv)
    built = 0
    for p in sources():
        if wanted and doc_id(p) not in wanted:
            continue
        out = build_one(p)
        built += 1
        print(f"built {out.relative_to(HERE.parent)}")
    if wanted and built != len(wanted):
        print("some ids had no source", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
