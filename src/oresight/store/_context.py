"""Reference data in the store (a mixin of :class:`~oresight.store.Store`): the figures of the shipped reference
files and of the files loaded with ``oresight reference update``, each with its source, and the loads.

::

    load = store.add_reference(rows, dataset="MCS2027_Commodities_Data.csv", kind="usgs_mcs_commodities",
                               sha256=digest)          # ReferenceLoad: added, kept, conflicts (the stored kept)
    store.reference_rows(commodity="rare_earths")      # [ReferenceRow], with their store ids
    store.reference_loads(); store.reference_loaded(digest)

A figure is identified by :func:`oresight.context.model.row_key`; one already stored is never overwritten (a new
edition adds rows). A load is one transaction: a file either adds all its new rows or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from oresight.context.model import ReferenceRow, row_key

from ._schema import ReferenceFigureRow, ReferenceLoadRow
from ._text import clean as _clean

_BATCH = 500  # row keys looked up per query


@dataclass(frozen=True, slots=True)
class ReferenceLoad:
    """One load of a reference file. ``conflicts`` pairs each row of the file that differs from the figure
    already stored under its key with that stored figure (only on the value :meth:`add_reference` returns)."""

    id: int
    dataset: str
    kind: str
    sha256: str
    editions: tuple[str, ...]
    rows_added: int
    rows_kept: int
    conflicts_count: int
    loaded_at: datetime
    conflicts: tuple[tuple[ReferenceRow, ReferenceRow], ...] = field(default=(), compare=False)


def _row(r: ReferenceFigureRow) -> ReferenceRow:
    return ReferenceRow(dataset=r.dataset, line=r.line, edition=r.edition, edition_release=r.edition_release,
                        data_year=r.data_year, commodity=r.commodity, country=r.country, country_key=r.country_key,
                        metric=r.metric, value=r.value, unit=r.unit, source=r.source, stage=r.stage,
                        qualifier=r.qualifier, note=r.note, confidence=r.confidence, basis=r.basis, id=r.id)


def _load(r: ReferenceLoadRow) -> ReferenceLoad:
    return ReferenceLoad(r.id, r.dataset, r.kind, r.sha256, tuple(e for e in r.editions.split("; ") if e),
                         r.rows_added, r.rows_kept, r.conflicts, r.loaded_at)


def _same(a: ReferenceRow, b: ReferenceRow) -> bool:
    return a.value == b.value and a.unit == b.unit




class ContextStore:
    """Mixin: needs ``_read``, ``_write`` and ``_errors`` from Store."""

    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    def _errors(self, action: str) -> AbstractContextManager[None]:
        raise NotImplementedError  # provided by Store

    def add_reference(self, rows: Sequence[ReferenceRow], *, dataset: str, kind: str, sha256: str) -> ReferenceLoad:
        """Store the figures of one file that are not stored yet, in one transaction, and record the load."""
        with self._errors("storing reference data"):
            try:
                return self._add_reference(rows, dataset=dataset, kind=kind, sha256=sha256)
            except IntegrityError:  # a concurrent load stored some of the same figures first: look again
                return self._add_reference(rows, dataset=dataset, kind=kind, sha256=sha256)

    def _add_reference(self, rows: Sequence[ReferenceRow], *, dataset: str, kind: str, sha256: str) -> ReferenceLoad:
        keyed: dict[str, ReferenceRow] = {}
        duplicates: list[ReferenceRow] = []
        for r in rows:
            k = row_key(r)
            if k in keyed:
                duplicates.append(r)
            else:
                keyed[k] = r
        now = datetime.now(UTC)
        editions = sorted({r.edition for r in rows})
        with self._write.begin() as session:
            stored: dict[str, ReferenceRow] = {}
            keys = list(keyed)
            for i in range(0, len(keys), _BATCH):
                chunk = keys[i:i + _BATCH]
                for fig in session.scalars(select(ReferenceFigureRow).where(ReferenceFigureRow.row_key.in_(chunk))):
                    stored[fig.row_key] = _row(fig)
            kept = 0
            conflicts: list[tuple[ReferenceRow, ReferenceRow]] = []
            for k, r in keyed.items():
                if k in stored:
                    if _same(r, stored[k]):
                        kept += 1
                    else:
                        conflicts.append((r, stored[k]))
            for r in duplicates:
                first = keyed[row_key(r)]
                if _same(r, first):
                    kept += 1
                else:
                    conflicts.append((r, first))
            load = ReferenceLoadRow(dataset=_clean(dataset), kind=kind, sha256=sha256,
                                    editions=_clean("; ".join(editions)), rows_added=0, rows_kept=kept,
                                    conflicts=len(conflicts), loaded_at=now)
            session.add(load)
            session.flush()
            new = [ReferenceFigureRow(
                load_id=load.id, row_key=k, dataset=_clean(r.dataset), line=r.line, edition=_clean(r.edition),
                edition_release=_clean(r.edition_release), data_year=_clean(r.data_year),
                commodity=_clean(r.commodity), country=_clean(r.country), country_key=_clean(r.country_key),
                metric=_clean(r.metric), stage=_clean(r.stage) if r.stage else None, value=r.value,
                unit=_clean(r.unit), qualifier=_clean(r.qualifier), note=_clean(r.note), source=_clean(r.source),
                confidence=_clean(r.confidence), basis=_clean(r.basis))
                for k, r in keyed.items() if k not in stored]
            session.add_all(new)
            load.rows_added = len(new)
            session.flush()
            return ReferenceLoad(load.id, load.dataset, kind, sha256, tuple(editions), len(new), kept,
                                 len(conflicts), now, tuple(conflicts))

    def reference_rows(self, *, commodity: str | None = None, country_key: str | None = None,
                       metric: str | None = None) -> list[ReferenceRow]:
        """The stored figures matching every filter given (keys, as the rows carry them), in load order."""
        stmt = select(ReferenceFigureRow).order_by(ReferenceFigureRow.id)
        if commodity is not None:
            stmt = stmt.where(ReferenceFigureRow.commodity == commodity)
        if country_key is not None:
            stmt = stmt.where(ReferenceFigureRow.country_key == country_key)
        if metric is not None:
            stmt = stmt.where(ReferenceFigureRow.metric == metric)
        with self._errors("reading reference data"), self._read() as session:
            return [_row(r) for r in session.scalars(stmt)]

    def reference_row(self, row_id: int) -> ReferenceRow | None:
        with self._errors("reading reference data"), self._read() as session:
            found = session.get(ReferenceFigureRow, row_id)
            return _row(found) if found is not None else None

    def reference_loads(self) -> list[ReferenceLoad]:
        """Every load, oldest first."""
        with self._errors("reading reference loads"), self._read() as session:
            return [_load(r) for r in session.scalars(select(ReferenceLoadRow).order_by(ReferenceLoadRow.id))]

    def reference_loaded(self, sha256: str) -> bool:
        """Whether a file with this SHA-256 was loaded before."""
        with self._errors("reading reference loads"), self._read() as session:
            return session.scalar(select(ReferenceLoadRow.id).where(ReferenceLoadRow.sha256 == sha256).limit(1)) is not None
