"""``vendor``: a licensed vendor's drop folder — manifests (JSON or CSV) listing documents beside them.

This is the adapter for a licensed announcements feed delivered as files (typically a vendor's SFTP drop
synchronised into a local folder). Manifests are ``*.json`` (``{"items": [...]}`` or a list of items) or
``*.csv`` (a header row); every item names its document with ``file``, relative to the manifest. See
``docs/sources/vendor.md`` for the layout.

Behaviour:

* An item whose document is not there yet waits (listed in ``waiting``, not an error) and is delivered
  by the poll that finds it; documents and manifests are read only once settled (see
  :class:`~oresight.sources.folder.Settler`), never half-copied.
* A malformed manifest (bad JSON, not UTF-8, missing ``id``/``file`` columns) is skipped and described
  in ``problems`` (one line each) for as long as it stays unchanged; it is parsed again when it changes.
  An unusable item (no id, no file, a path leaving the folder) is skipped and described the same way;
  a bad optional field (date, price-sensitive flag) is described and left empty.
* ``fetch`` raises :class:`SourceError` only when the poll parsed new (or changed) manifests, none of
  them yielded a single item, at least one was malformed, and there is nothing else to deliver: a drop
  that is entirely broken shows up in the source's health, while one bad file never holds up the others.
* ``state`` remembers, per manifest, its fingerprint and the ids already delivered: a restart does not
  deliver anything twice; a manifest that grows delivers only its new items.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from oresight._http import HttpClient
from oresight.sources.base import FetchedAnnouncement, Source, SourceError, check_options, option, register
from oresight.sources.folder import (
    DEFAULT_SETTLE_SECONDS,
    Settler,
    existing_folder,
    headline_of,
    list_files,
    non_negative,
    parse_bool,
)

OPTIONS = frozenset({"path", "interval", "jitter", "settle_seconds", "kind", "name"})
MANIFEST_SUFFIXES = (".json", ".csv")


class ManifestError(ValueError):
    """The manifest as a whole cannot be read."""


@dataclass(frozen=True)
class VendorItem:
    """One manifest entry, validated; ``file`` is relative to the drop folder (``/``-separated)."""

    manifest: str
    index: int
    id: str
    file: str
    headline: str
    ticker: str | None = None
    published_at: datetime | None = None
    price_sensitive: bool | None = None
    types: tuple[str, ...] = ()


@register
class VendorSource(Source):
    """Polls a vendor drop folder ``path`` every ``interval`` seconds (default 5).

    ``problems`` (one line each) and ``waiting`` (items whose document has not arrived) describe the last
    poll. ``clock`` is compared with modification times for the settle rule; tests pass a fixed one.
    """

    kind: ClassVar[str] = "vendor"
    default_interval: ClassVar[float] = 5.0

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient, *,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(name, options, client)
        check_options(self.options, OPTIONS, name)
        self.root = existing_folder(self.options, name)
        settle: float = option(self.options, "settle_seconds", name, kind=non_negative, default=DEFAULT_SETTLE_SECONDS)
        self.settler = Settler(settle, clock)
        self.problems: list[str] = []
        self.waiting: list[str] = []
        self._parsed: dict[str, tuple[tuple[int, int], list[VendorItem], list[str]]] = {}
        self._broken: dict[str, tuple[tuple[int, int], str]] = {}

    async def fetch(self) -> Sequence[FetchedAnnouncement]:
        return await asyncio.to_thread(self._poll)

    def _poll(self) -> list[FetchedAnnouncement]:
        scan_problems: list[str] = []
        try:
            listing = list_files(self.root, MANIFEST_SUFFIXES, problems=scan_problems)
        except OSError as e:
            raise SourceError(f"{self.name}: cannot scan drop folder {self.root}: {e.strerror or e}") from None

        manifests = _manifest_records(self.state.get("manifests"))
        out: list[tuple[VendorItem, FetchedAnnouncement]] = []
        waiting: list[str] = []
        item_problems: list[str] = []
        parsed_now = broken_now = items_now = 0
        for found in listing:
            fp = (found.size, found.mtime_ns)
            record = manifests.get(found.rel)
            broken = self._broken.get(found.rel)
            if broken is not None and broken[0] == fp:
                continue  # still the same malformed file: its problem stays listed
            cached = self._parsed.get(found.rel)
            if cached is not None and cached[0] == fp:
                items, problems = cached[1], cached[2]
            elif record is not None and record["complete"] and tuple(record["fp"]) == fp:
                continue  # unchanged and fully delivered (e.g. after a restart)
            else:
                if not self.settler.ready(found.rel, fp):
                    continue  # being written
                parsed_now += 1
                try:
                    items, problems = parse_manifest(found.path, found.rel)
                except ManifestError as e:
                    broken_now += 1
                    self._broken[found.rel] = (fp, f"{found.rel}: {e}")
                    self._parsed.pop(found.rel, None)
                    continue
                self._broken.pop(found.rel, None)
                self._parsed[found.rel] = (fp, items, problems)
                items_now += len(items)
            item_problems += problems
            if record is None:
                record = {"fp": list(fp), "done": [], "complete": False}
            record["fp"] = list(fp)
            done = set(record["done"])
            for item in items:
                if item.id in done:
                    continue
                delivered = self._document(item, waiting, item_problems)
                if delivered is not None:
                    done.add(item.id)
                    record["done"].append(item.id)
                    out.append((item, delivered))
            record["complete"] = all(item.id in done for item in items)
            manifests[found.rel] = record
        self.settler.end_scan()

        present = {f.rel for f in listing}
        for cache in (self._parsed, self._broken):
            for rel in [r for r in cache if r not in present]:
                del cache[rel]
        self.problems = scan_problems + sorted(p for _, p in self._broken.values()) + item_problems
        self.waiting = waiting
        if parsed_now and broken_now and not items_now and not out:
            first = sorted(p for _, p in self._broken.values())[0]
            raise SourceError(f"{self.name}: {broken_now} of {parsed_now} new manifest(s) unreadable, no item read; "
                              f"first: {first}")
        self.state["manifests"] = {rel: rec for rel, rec in manifests.items() if rel in present}
        out.sort(key=lambda pair: (pair[0].published_at or datetime.min.replace(tzinfo=UTC),
                                   pair[0].manifest, pair[0].index))
        return [announcement for _, announcement in out]

    def _document(self, item: VendorItem, waiting: list[str], problems: list[str]) -> FetchedAnnouncement | None:
        """The item with its document's bytes, or None (not there yet / not settled / unreadable)."""
        path = self.root / item.file
        try:
            st = path.stat()
        except FileNotFoundError:
            waiting.append(f"{item.manifest}: {item.id} waits for {item.file}")
            return None
        except OSError as e:
            problems.append(f"{item.manifest}: {item.id}: cannot read {item.file}: {e.strerror or e}")
            return None
        if not path.is_file():
            problems.append(f"{item.manifest}: {item.id}: {item.file} is not a file")
            return None
        if not self.settler.ready(item.file, (st.st_size, st.st_mtime_ns)):
            waiting.append(f"{item.manifest}: {item.id} waits for {item.file} to finish copying")
            return None
        try:
            data = path.read_bytes()
        except OSError as e:
            problems.append(f"{item.manifest}: {item.id}: cannot read {item.file}: {e.strerror or e}")
            return None
        if len(data) != st.st_size:
            waiting.append(f"{item.manifest}: {item.id} waits for {item.file} to finish copying")
            return None
        return FetchedAnnouncement(
            source=self.name, key=item.id, headline=item.headline, published_at=item.published_at,
            ticker=item.ticker, price_sensitive=item.price_sensitive, types=item.types, content=data,
            filename=path.name, size=len(data), meta=(("manifest", item.manifest), ("file", item.file)))


def parse_manifest(path: Path, rel: str) -> tuple[list[VendorItem], list[str]]:
    """The items of one manifest and the problems of the items skipped or partly read.
    The manifest as a whole unusable → ManifestError (one line)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise ManifestError(f"cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ManifestError("not UTF-8 text") from None
    rows = _json_rows(text) if rel.lower().endswith(".json") else _csv_rows(text)
    base = rel.rpartition("/")[0]
    items: list[VendorItem] = []
    problems: list[str] = []
    ids: set[str] = set()
    for index, row in enumerate(rows, start=1):
        where = f"{rel}: item {index}"
        if not isinstance(row, dict):
            problems.append(f"{where}: not an object")
            continue
        item_id = _text(row.get("id")) or _text(row.get("documentKey"))
        if not item_id:
            problems.append(f"{where}: no 'id'")
            continue
        where = f"{rel}: {item_id}"
        if item_id in ids:
            problems.append(f"{where}: listed twice (first kept)")
            continue
        file = _text(row.get("file"))
        if not file:
            problems.append(f"{where}: no 'file'")
            continue
        relative = _inside(base, file)
        if relative is None:
            problems.append(f"{where}: file {file!r} is outside the drop folder")
            continue
        published: datetime | None = None
        raw_date = _text(row.get("published")) or _text(row.get("date"))
        if raw_date:
            try:
                published = parse_datetime(raw_date)
            except ValueError:
                problems.append(f"{where}: published {raw_date!r} is not an ISO 8601 date-time (left empty)")
        sensitive: bool | None = None
        raw_flag = row.get("price_sensitive")
        if raw_flag is not None and _text(raw_flag) != "":
            try:
                sensitive = parse_bool(raw_flag)
            except ValueError:
                problems.append(f"{where}: price_sensitive {raw_flag!r} is not true/false (left empty)")
        ticker = (_text(row.get("ticker")) or _text(row.get("symbol"))).upper() or None
        ids.add(item_id)
        items.append(VendorItem(manifest=rel, index=index, id=item_id, file=relative,
                                headline=_text(row.get("headline")) or headline_of(Path(relative).name),
                                ticker=ticker, published_at=published, price_sensitive=sensitive,
                                types=_types(row.get("types"))))
    return items, problems


def parse_datetime(raw: str) -> datetime:
    """ISO 8601 date or date-time; naive → UTC; returned in UTC."""
    when = datetime.fromisoformat(raw.strip())
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _json_rows(text: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ManifestError(f"bad JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if isinstance(data, dict):
        data = data.get("items")
        if not isinstance(data, list):
            raise ManifestError("a JSON manifest is a list of items or an object with an 'items' list")
    if not isinstance(data, list):
        raise ManifestError("a JSON manifest is a list of items or an object with an 'items' list")
    return data


def _csv_rows(text: str) -> list[Any]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [c.strip() for c in reader.fieldnames or [] if c]
        if not columns:
            raise ManifestError("empty CSV (no header row)")
        missing = [need for need, alternatives in (("id", ("id", "documentKey")), ("file", ("file",)))
                   if not set(alternatives) & set(columns)]
        if missing:
            raise ManifestError(f"missing column(s) {', '.join(repr(m) for m in missing)} in the header row")
        return [{(k or "").strip(): v for k, v in row.items() if k} for row in reader]
    except csv.Error as e:
        raise ManifestError(f"bad CSV: {e}") from None


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def _types(value: Any) -> tuple[str, ...]:
    parts = [str(v) for v in value] if isinstance(value, list) else _text(value).split(";")
    return tuple(p.strip() for p in parts if p.strip())


def _inside(base: str, file: str) -> str | None:
    """``file`` (relative to the manifest's folder ``base``) relative to the drop folder; None when it is
    absolute or climbs out of the drop folder."""
    if file.startswith(("/", "\\")) or (len(file) > 1 and file[1] == ":"):
        return None
    parts = [p for p in (base.split("/") if base else []) + file.replace("\\", "/").split("/") if p not in ("", ".")]
    out: list[str] = []
    for part in parts:
        if part == "..":
            if not out:
                return None
            out.pop()
        else:
            out.append(part)
    return "/".join(out) or None


def _manifest_records(raw: Any) -> dict[str, dict[str, Any]]:
    """``state["manifests"]`` as {rel: {"fp": [size, mtime_ns], "done": [ids], "complete": bool}}."""
    if not isinstance(raw, dict):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for rel, rec in raw.items():
        if not (isinstance(rel, str) and isinstance(rec, dict)):
            continue
        fp, done = rec.get("fp"), rec.get("done")
        if not (isinstance(fp, list) and len(fp) == 2 and isinstance(done, list)):
            continue
        out[rel] = {"fp": list(fp), "done": [d for d in done if isinstance(d, str)],
                    "complete": bool(rec.get("complete"))}
    return out
