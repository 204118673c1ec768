"""Print an announcement's text page by page, as Oresight reads it: `python samples/doc_text.py FILE...`.

For writing and checking labels (PDFs included); it does not extract anything."""

from __future__ import annotations

import sys
from pathlib import Path

from oresight.documents import read_path


def main(argv: list[str]) -> int:
    for name in argv:
        doc = read_path(Path(name))
        print(f"===== {name} ({doc.page_count} pages) title: {doc.title!r}")
        for page in doc.pages:
            print(f"----- page {page.number}{' (ocr)' if page.ocr else ''}")
            print(page.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
