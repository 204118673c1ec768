"""``folder``: a watched folder of announcement files (a polling scan: no inotify, works on network shares).

A file is read once it has settled — its size and modification time unchanged across two consecutive
scans, or its modification time older than ``settle_seconds`` — so a file still being copied is not read
half-written. Its key is its relative path and the SHA-256 of its content: a file replaced with new
content is a new item, an unchanged (or merely touched) one is not read again. ``state`` keeps each file's
(size, mtime, hash) and the last :data:`MAX_SEEN` keys, so a restart does not re-read the folder.
See ``docs/sources/folder.md``.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from oresight._http import HttpClient
from oresight.exceptions import BadInput
from oresight.pipeline import SUFFIXES
from oresight.sources.base import FetchedAnnouncement, Source, SourceError, check_options, option, register

MAX_SEEN = 5000
"""How many item keys ``state`` remembers (the newest)."""

DEFAULT_SETTLE_SECONDS = 2.0

OPTIONS = frozenset({"path", "recursive", "interval", "jitter", "settle_seconds", "kind", "name"})

_TICKER_PREFIX = re.compile(r"(?=[0-9]*[A-Z])([A-Z0-9]{3,5})[_-]")
_TEMPORARY_SUFFIXES = (".part", ".tmp", ".partial", ".crdownload")


@register
class FolderSource(Source):
    """Scans ``path`` (``recursive`` by default) every ``interval`` seconds (default 2) for new files.

    ``clock`` (seconds since the epoch, like :func:`time.time`) is compared with file modification times
    for the settle rule; tests pass a fixed one.
    """

    kind: ClassVar[str] = "folder"
    default_interval: ClassVar[float] = 2.0

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient, *,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(name, options, client)
        check_options(self.options, OPTIONS, name)
        self.root = existing_folder(self.options, name)
        self.recursive: bool = option(self.options, "recursive", name, kind=parse_bool, default=True)
        settle: float = option(self.options, "settle_seconds", name, kind=non_negative, default=DEFAULT_SETTLE_SECONDS)
        self.settler = Settler(settle, clock)
        self.problems: list[str] = []
        """Files that could not be read in the last scan (one line each); they are tried again next scan."""

    async def fetch(self) -> Sequence[FetchedAnnouncement]:
        return await asyncio.to_thread(self._scan)

    def _scan(self) -> list[FetchedAnnouncement]:
        problems: list[str] = []
        try:
            listing = list_files(self.root, SUFFIXES, recursive=self.recursive, problems=problems)
        except OSError as e:
            raise SourceError(f"{self.name}: cannot scan folder {self.root}: {e.strerror or e}") from None

        files = _file_records(self.state.get("files"))
        seen = [k for k in self.state.get("seen", []) if isinstance(k, str)]
        known = set(seen)
        fresh: list[FetchedAnnouncement] = []
        for found in listing:
            signature = (found.size, found.mtime_ns)
            record = files.get(found.rel)
            if record is not None and (record[0], record[1]) == signature:
                continue  # read before and unchanged
            if not self.settler.ready(found.rel, signature):
                continue
            try:
                data = found.path.read_bytes()
            except OSError as e:
                problems.append(f"{found.rel}: cannot read: {e.strerror or e}")
                continue
            if len(data) != found.size:
                continue  # changed while being read: still being written
            digest = hashlib.sha256(data).hexdigest()
            files[found.rel] = [found.size, found.mtime_ns, digest]
            key = f"{found.rel}:{digest}"
            if key in known:
                continue  # same content as before (touched, or moved back)
            known.add(key)
            seen.append(key)
            fresh.append(FetchedAnnouncement(
                source=self.name, key=key, headline=headline_of(found.path.name),
                published_at=datetime.fromtimestamp(found.mtime_ns / 1e9, UTC), ticker=ticker_of(found.path.name),
                content=data, filename=found.path.name, size=len(data), meta=(("path", found.rel),)))
        self.settler.end_scan()

        present = {f.rel for f in listing}
        self.state["files"] = {rel: rec for rel, rec in files.items() if rel in present}
        self.state["seen"] = seen[-MAX_SEEN:]
        self.problems = problems
        fresh.sort(key=lambda i: (i.published_at or datetime.min.replace(tzinfo=UTC), i.key))
        return fresh


@dataclass(frozen=True)
class FoundFile:
    """A candidate file: its path, its path relative to the scanned folder (``/``-separated), size, mtime."""

    path: Path
    rel: str
    size: int
    mtime_ns: int


class Settler:
    """Decides when a file has settled: its (size, mtime) is the same as at the previous scan, or its mtime
    is at least ``settle`` seconds before ``clock()``. Call :meth:`end_scan` after every scan."""

    def __init__(self, settle: float, clock: Callable[[], float] = time.time) -> None:
        self.settle = settle
        self.clock = clock
        self._previous: dict[str, tuple[int, int]] = {}
        self._current: dict[str, tuple[int, int]] = {}

    def ready(self, rel: str, signature: tuple[int, int]) -> bool:
        self._current[rel] = signature
        if self.clock() - signature[1] / 1e9 >= self.settle:
            return True
        return self._previous.get(rel) == signature

    def end_scan(self) -> None:
        self._previous, self._current = self._current, {}


def list_files(root: Path, suffixes: Iterable[str], *, recursive: bool = True,
               problems: list[str] | None = None) -> list[FoundFile]:
    """The files under ``root`` with one of ``suffixes`` (case-insensitive), skipping hidden and temporary
    names, sorted by relative path. The root unreadable → OSError; a sub-folder unreadable → a line in
    ``problems`` and the rest of the scan goes on."""
    wanted = tuple(s.lower() for s in suffixes)
    out: list[FoundFile] = []
    pending: list[tuple[Path, str]] = [(root, "")]
    first = True
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as e:
            if first:
                raise
            if problems is not None:
                problems.append(f"{prefix.rstrip('/')}: cannot scan: {e.strerror or e}")
            continue
        first = False
        for entry in entries:
            if not candidate_name(entry.name):
                continue
            rel = prefix + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):  # linked folders are not followed (no loops)
                    if recursive:
                        pending.append((Path(entry.path), rel + "/"))
                    continue
                if not entry.is_file() or not entry.name.lower().endswith(wanted):
                    continue
                st = entry.stat()
            except OSError:
                continue  # vanished or dangling link between listing and stat
            out.append(FoundFile(Path(entry.path), rel, st.st_size, st.st_mtime_ns))
    out.sort(key=lambda f: f.rel)
    return out


def candidate_name(name: str) -> bool:
    """False for hidden (``.x``), editor/lock (``~x``) and partial-download (``*.part``, ``*.tmp``) names."""
    lowered = name.lower()
    return not (name.startswith((".", "~")) or lowered.endswith(_TEMPORARY_SUFFIXES))


def headline_of(filename: str) -> str:
    """``ABC_Drilling-results.pdf`` → ``ABC Drilling results``."""
    stem = Path(filename).stem
    return " ".join(re.sub(r"[_-]+", " ", stem).split()) or filename


def ticker_of(filename: str) -> str | None:
    """The ticker of a leading ``ABC_`` / ``ABC-`` prefix (3–5 capitals or digits, at least one letter)."""
    m = _TICKER_PREFIX.match(filename)
    return m.group(1) if m else None


def existing_folder(options: Mapping[str, Any], name: str) -> Path:
    """The ``path`` option, which must name an existing folder (else BadInput)."""
    root = Path(option(options, "path", name)).expanduser()
    if not root.exists():
        raise BadInput(f"source {name!r}: folder {str(root)!r} does not exist")
    if not root.is_dir():
        raise BadInput(f"source {name!r}: {str(root)!r} is not a folder")
    return root


def parse_bool(value: Any) -> bool:
    """true/false, yes/no, on/off, 1/0 (any case); anything else → ValueError."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y", "on"):
        return True
    if text in ("0", "false", "no", "n", "off"):
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


def non_negative(value: Any) -> float:
    v = float(value)
    if not v >= 0:
        raise ValueError(f"negative: {value!r}")
    return v


def _file_records(raw: Any) -> dict[str, list[Any]]:
    """``state["files"]`` as {rel: [size, mtime_ns, sha256]}, dropping malformed records."""
    if not isinstance(raw, dict):
        return {}
    return {rel: list(rec) for rel, rec in raw.items()
            if isinstance(rel, str) and isinstance(rec, list | tuple) and len(rec) == 3
            and all(isinstance(x, int) for x in rec[:2]) and isinstance(rec[2], str)}
