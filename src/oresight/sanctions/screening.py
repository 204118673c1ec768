"""Screening documents against the loaded lists, and the commands' work (load, check, scan).

::

    flag_document(store, "announcement", 12, pages)   # finds names, matches them, stores the document's flags
    scan(store)                                        # the same for every stored announcement and statement
    screen_pages(pages, matcher)                       # pure: [(Mention, Match)] for a document's pages

The matcher of a store is built once per process from the store's live entries and rebuilt when a list is
loaded again (its load ids change). Without a loaded list, :func:`flag_document` reads one row and returns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from oresight.model import Span

from .formats import read_list
from .matcher import DOCUMENT_KINDS, Matcher
from .mentions import find_mentions
from .model import Flag, ListLoad, Match, Mention

if TYPE_CHECKING:
    from oresight.store import Store

MAX_FLAGS_PER_ENTRY = 5  # mentions of one entry kept per document (the best, then the first)
DOCUMENT_KINDS_SCANNED = ("announcement", "statement")

_lock = threading.Lock()
_matchers: dict[tuple[str, str | None], tuple[tuple[tuple[str, int], ...], Matcher]] = {}


def screen_pages(pages: Sequence[str], matcher: Matcher) -> list[tuple[Mention, Match]]:
    """Every mention of a document that matches a list entry, with its match: one per entry and place (the
    best-scoring list entry first), at most :data:`MAX_FLAGS_PER_ENTRY` places per entry."""
    found: list[tuple[Mention, Match]] = []
    if not len(matcher):
        return found
    for number, page in enumerate(pages, 1):
        for mention in find_mentions(page, number):
            for match, a, b in matcher.match_mention(mention):
                start = mention.span.start + a
                narrowed = replace(mention, surface=mention.surface[a:b], span=Span(number, start, start + (b - a)))
                found.append((narrowed, match))
    # one flag per entry and place: overlapping mentions of an entry keep the best score
    found.sort(key=lambda t: (-t[1].score, t[0].span.page, t[0].span.start))
    kept: list[tuple[Mention, Match]] = []
    per_entry: dict[tuple[str, str], list[Span]] = {}
    for mention, match in found:
        key = (match.entry.list_name, match.entry.ref)
        spans = per_entry.setdefault(key, [])
        s = mention.span
        if len(spans) >= MAX_FLAGS_PER_ENTRY or any(o.page == s.page and o.start < s.end and s.start < o.end for o in spans):
            continue
        spans.append(s)
        kept.append((mention, match))
    return kept


def _cache_key(store: Store) -> tuple[str, str | None]:
    return (store.url, store.schema)


def document_matcher(store: Store) -> tuple[Matcher, dict[str, int]] | None:
    """The matcher over the store's live entries of persons and entities (cached per process until a list is
    loaded again), with each list's live load id; None when no list is loaded."""
    current = store.sanctions_current()
    if not current:
        return None
    version = tuple(sorted(current.items()))
    key = _cache_key(store)
    with _lock:
        cached = _matchers.get(key)
        if cached is not None and cached[0] == version:
            return cached[1], current
    matcher = Matcher(store.sanctions_entries(), kinds=DOCUMENT_KINDS)
    with _lock:
        _matchers[key] = (version, matcher)
    return matcher, current


def flag_document(store: Store, document_kind: str, document_id: int, pages: Sequence[str] | str,
                  page_count: int | None = None, *, new: bool = False) -> list[Flag]:
    """Screen one stored document and replace its flags; returns them (none without a loaded list).

    ``pages`` is the document's page texts, or its whole text (pages joined with ``"\\n\\f"``, as the store
    keeps them; ``page_count`` then says how many to expect). ``new``: the document was just stored (it has no
    flags yet), so nothing is written when nothing matches."""
    loaded = document_matcher(store)
    if loaded is None:
        return []
    matcher, current = loaded
    if isinstance(pages, str):
        split = pages.split("\n\f")
        pages = split if page_count is None or len(split) == page_count else [pages]
    flags = [Flag(document_kind, document_id, match, mention, current.get(match.entry.list_name))
             for mention, match in screen_pages(pages, matcher)]
    if flags or not new:
        store.set_sanctions_flags(document_kind, document_id, flags)
    return flags


@dataclass(frozen=True, slots=True)
class ScanResult:
    documents: dict[str, int]  # screened, by kind
    flagged: dict[str, int]  # with at least one flag, by kind
    flags: int


def scan(store: Store, kinds: Iterable[str] = DOCUMENT_KINDS_SCANNED,
         progress: Callable[[str, int], None] | None = None) -> ScanResult | None:
    """Screen every stored document of these kinds again (their flags replaced); None without a loaded list."""
    loaded = document_matcher(store)
    if loaded is None:
        return None
    matcher, current = loaded
    documents: dict[str, int] = {}
    flagged: dict[str, int] = {}
    total = 0
    for kind in kinds:
        documents[kind] = flagged[kind] = 0
        for doc_id, pages in store.sanctions_documents(kind):
            flags = [Flag(kind, doc_id, match, mention, current.get(match.entry.list_name))
                     for mention, match in screen_pages(pages, matcher)]
            store.set_sanctions_flags(kind, doc_id, flags)
            documents[kind] += 1
            flagged[kind] += bool(flags)
            total += len(flags)
            if progress is not None:
                progress(kind, documents[kind])
    return ScanResult(documents, flagged, total)


def load_files(store: Store, paths: Sequence[Path], list_name: str | None = None) -> tuple[ListLoad, list[str]]:
    """Read a list's files (every file checked before anything is written) and make it the store's list."""
    parsed = read_list(paths, list_name)
    load = store.replace_sanctions_list(parsed)
    return load, list(parsed.notes)


def check_name(store: Store, name: str, *, threshold: float | None = None, limit: int = 10,
               list_name: str | None = None) -> list[Match]:
    """The entries of the loaded lists a name matches (every kind: persons, entities, vessels, aircraft)."""
    return Matcher(store.sanctions_entries(list_name), threshold=threshold).match(name, limit=limit)
