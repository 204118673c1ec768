"""Build the b-* holdout2 PDFs from src_b/b_NNN.py (same conventions as samples/pdf_src).

    .venv/bin/python samples/holdout2/src_b/build.py [b-005 ...]
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "pdf_src"))

import _common as k  # noqa: E402


def main(argv: list[str]) -> int:
    for p in sorted(HERE.glob("b_*.py")):
        doc = p.stem.replace("_", "-")
        if argv and doc not in argv:
            continue
        spec = importlib.util.spec_from_file_location(f"bsrc_{p.stem}", p)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        out = HERE.parent / f"{doc}.pdf"
        k.build(str(out), mod.META, mod.story(k))
        print("built", out.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
