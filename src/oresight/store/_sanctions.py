"""Sanctions lists and the flags they put on documents. A mixin of :class:`~oresight.store.Store`.

::

    load = store.replace_sanctions_list(parsed)     # records the load; the list's entries replaced in one transaction
    store.sanctions_loads()                           # every load, newest first (``current`` marks the live ones)
    store.sanctions_entries("ofac")                   # ListEntry values of the live load
    store.set_sanctions_flags("announcement", 12, flags)   # a document's flags, replaced
    store.sanctions_flags("announcement", 12)         # StoredFlag values, best score first
    store.sanctions_documents("announcement")         # (id, pages) of every stored document of a kind

A failed load changes nothing: the old entries stay until the new ones are committed with them removed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from oresight.model import Span
from oresight.sanctions.model import Alias, Flag, ListEntry, ListFile, ListLoad, SanctionsList, StoredFlag
from oresight.sanctions.normalise import keys_from_json, keys_to_json, keys_version, with_keys

from ._schema import AnnouncementRow, SanctionsEntryRow, SanctionsFlagRow, SanctionsLoadRow
from ._text import clean as _clean

_BATCH = 5000
_PAGE_BREAK = "\n\f"




def _pages(text_value: str, page_count: int | None) -> list[str]:
    pages = text_value.split(_PAGE_BREAK)
    return pages if page_count is None or len(pages) == page_count else [text_value]


def _load(row: SanctionsLoadRow, current: bool) -> ListLoad:
    files = tuple(ListFile(str(f.get("name", "")), int(f.get("size", 0)), str(f.get("sha256", "")),
                           str(f.get("format", ""))) for f in row.files or [])
    return ListLoad(row.id, row.list_name, files, row.published, row.loaded_at, row.entries, row.names, current)


def _entry(row: SanctionsEntryRow, with_stored_keys: bool) -> ListEntry:
    entry = ListEntry(list_name=row.list_name, ref=row.ref, name=row.name, kind=row.kind,  # type: ignore[arg-type]
                      aliases=tuple(Alias(str(a[0]), str(a[1]) if len(a) > 1 else "") for a in row.aliases or []),
                      programs=tuple(str(p) for p in row.programs or []), remarks=row.remarks)
    if with_stored_keys:
        keys = keys_from_json(row.keys, len(entry.names))
        if keys is not None:
            return replace(entry, keys=keys)
    return entry


def _flag(row: SanctionsFlagRow) -> StoredFlag:
    return StoredFlag(row.id, row.document_kind, row.document_id, row.list_name, row.entry_ref, row.entry_name,
                      row.entry_kind, tuple(str(p) for p in row.programs or []), row.matched_name, row.surface,
                      row.role, Span(row.page, row.start, row.end), row.score, row.load_id, row.flagged_at)


class SanctionsStore:
    """Mixin: needs ``_engine``, ``_read``, ``_write`` and ``_errors`` from Store."""

    _engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    def _errors(self, action: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # provided by Store

    # -- lists ---------------------------------------------------------------------------------------------

    def replace_sanctions_list(self, parsed: SanctionsList) -> ListLoad:
        """Record a load of ``parsed.list_name`` and make its entries the list's, in one transaction. Each entry's
        names are normalised here, once, and kept with it (a matcher then builds from them in about a second)."""
        now = datetime.now(UTC)
        version = keys_version()
        entries = [e if e.keys is not None else with_keys(e) for e in parsed.entries]
        with self._errors("loading a sanctions list"), self._write.begin() as session:
            load = SanctionsLoadRow(
                list_name=parsed.list_name,
                files=[{"name": _clean(f.name), "size": f.size, "sha256": f.sha256, "format": f.format}
                       for f in parsed.files],
                published=_clean(parsed.published) if parsed.published else None, loaded_at=now,
                entries=len(parsed.entries), names=parsed.name_count, notes=[_clean(n) for n in parsed.notes],
                keys_version=version)
            session.add(load)
            session.flush()
            session.execute(delete(SanctionsEntryRow).where(SanctionsEntryRow.list_name == parsed.list_name))
            rows = [{"load_id": load.id, "list_name": parsed.list_name, "ref": _clean(e.ref), "kind": e.kind,
                     "name": _clean(e.name), "aliases": [[_clean(a.name), _clean(a.kind)] for a in e.aliases],
                     "programs": [_clean(p) for p in e.programs], "remarks": _clean(e.remarks),
                     "keys": keys_to_json(e.keys or ())}
                    for e in entries]
            for i in range(0, len(rows), _BATCH):
                session.execute(insert(SanctionsEntryRow), rows[i : i + _BATCH])
            return _load(load, True)

    def sanctions_current(self) -> dict[str, int]:
        """The live load of each loaded list (the latest: each load replaces the list's entries)."""
        with self._errors("reading sanctions loads"), self._read() as session:
            rows = session.execute(select(SanctionsLoadRow.list_name, func.max(SanctionsLoadRow.id))
                                   .group_by(SanctionsLoadRow.list_name))
            return {str(name): int(load_id) for name, load_id in rows}

    def sanctions_loads(self, list_name: str | None = None, *, limit: int = 100) -> list[ListLoad]:
        """The recorded loads, newest first."""
        current = set(self.sanctions_current().values())
        stmt = select(SanctionsLoadRow).order_by(SanctionsLoadRow.id.desc()).limit(max(limit, 0))
        if list_name is not None:
            stmt = stmt.where(SanctionsLoadRow.list_name == list_name)
        with self._errors("reading sanctions loads"), self._read() as session:
            return [_load(r, r.id in current) for r in session.scalars(stmt)]

    def sanctions_entries(self, list_name: str | None = None) -> list[ListEntry]:
        """The live entries of a list (of every list when None), in list then load order, with their stored keys
        when they were made by the normalisation in use."""
        stmt = (select(SanctionsEntryRow, SanctionsLoadRow.keys_version)
                .join(SanctionsLoadRow, SanctionsLoadRow.id == SanctionsEntryRow.load_id)
                .order_by(SanctionsEntryRow.list_name, SanctionsEntryRow.id))
        if list_name is not None:
            stmt = stmt.where(SanctionsEntryRow.list_name == list_name)
        version = keys_version()
        with self._errors("reading sanctions entries"), self._read() as session:
            return [_entry(r, v == version) for r, v in session.execute(stmt)]

    def sanctions_entry_count(self) -> dict[str, int]:
        with self._errors("counting sanctions entries"), self._read() as session:
            rows = session.execute(select(SanctionsEntryRow.list_name, func.count()).group_by(SanctionsEntryRow.list_name))
            return {str(n): int(c) for n, c in rows}

    # -- flags ---------------------------------------------------------------------------------------------

    def set_sanctions_flags(self, document_kind: str, document_id: int, flags: Sequence[Flag]) -> int:
        """Replace a document's flags with these (none: the document has no flag); returns how many were stored."""
        now = datetime.now(UTC)
        rows: list[dict[str, Any]] = []
        for f in flags:
            e, m = f.match.entry, f.mention
            rows.append({"document_kind": document_kind, "document_id": document_id, "list_name": e.list_name,
                         "entry_ref": _clean(e.ref), "entry_name": _clean(e.name), "entry_kind": e.kind,
                         "programs": [_clean(p) for p in e.programs], "matched_name": _clean(f.match.matched_name),
                         "surface": _clean(m.surface), "role": m.role, "page": m.span.page, "start": m.span.start,
                         "end": m.span.end, "score": float(f.match.score), "load_id": f.load_id, "flagged_at": now})
        with self._errors("storing sanctions flags"), self._write.begin() as session:
            session.execute(delete(SanctionsFlagRow).where(SanctionsFlagRow.document_kind == document_kind,
                                                           SanctionsFlagRow.document_id == document_id))
            if rows:
                session.execute(insert(SanctionsFlagRow), rows)
        return len(rows)

    def sanctions_flags(self, document_kind: str, document_id: int) -> list[StoredFlag]:
        """A document's flags, best score first, then in text order."""
        stmt = (select(SanctionsFlagRow)
                .where(SanctionsFlagRow.document_kind == document_kind, SanctionsFlagRow.document_id == document_id)
                .order_by(SanctionsFlagRow.score.desc(), SanctionsFlagRow.page, SanctionsFlagRow.start))
        with self._errors("reading sanctions flags"), self._read() as session:
            return [_flag(r) for r in session.scalars(stmt)]

    def flagged_documents(self, *, limit: int = 100) -> list[tuple[str, int, int, float]]:
        """Documents with flags: ``(kind, id, flags, best score)``, best score first."""
        stmt = (select(SanctionsFlagRow.document_kind, SanctionsFlagRow.document_id, func.count(),
                       func.max(SanctionsFlagRow.score))
                .group_by(SanctionsFlagRow.document_kind, SanctionsFlagRow.document_id)
                .order_by(func.max(SanctionsFlagRow.score).desc(), SanctionsFlagRow.document_id)
                .limit(max(limit, 0)))
        with self._errors("reading sanctions flags"), self._read() as session:
            return [(str(k), int(i), int(n), float(s)) for k, i, n, s in session.execute(stmt)]

    # -- documents -----------------------------------------------------------------------------------------

    def sanctions_documents(self, document_kind: str) -> Iterator[tuple[int, list[str]]]:
        """Every stored document of a kind with its pages, oldest first: ``announcement`` (announcements) or
        ``statement`` (the statements table, when the store has one). Read in batches, each in its own short
        transaction, so flags can be written between them."""
        if document_kind == "announcement":
            ids_stmt: Any = select(AnnouncementRow.id).order_by(AnnouncementRow.id)

            def batch(ids: list[int]) -> Any:
                return (select(AnnouncementRow.id, AnnouncementRow.text, AnnouncementRow.page_count)
                        .where(AnnouncementRow.id.in_(ids)).order_by(AnnouncementRow.id))
        elif document_kind == "statement":
            with self._errors("reading statements"):
                if not inspect(self._engine).has_table("statements"):
                    return
            ids_stmt = text("SELECT id FROM statements ORDER BY id")

            def batch(ids: list[int]) -> Any:
                marks = ", ".join(str(int(i)) for i in ids)
                return text(f"SELECT id, text, NULL AS page_count FROM statements WHERE id IN ({marks}) ORDER BY id")
        else:
            raise ValueError(f"unknown document kind {document_kind!r}")
        with self._errors(f"reading {document_kind}s"), self._read() as session:
            all_ids = [int(i) for i in session.execute(ids_stmt).scalars()]
        for i in range(0, len(all_ids), 200):
            with self._errors(f"reading {document_kind}s"), self._read() as session:
                rows = list(session.execute(batch(all_ids[i : i + 200])))
            for doc_id, body, page_count in rows:
                yield int(doc_id), _pages(body or "", page_count)
