"""Loading reference data into the store: the shipped files (once per version of each file) and the files a
user loads with ``oresight reference update FILE``.

::

    ensure_shipped(store)                          # idempotent: loads a shipped file whose SHA-256 is new
    report = update_from_file(store, Path("MCS2027_Commodities_Data.csv"))
    report.load.rows_added, report.load.rows_kept, report.load.conflicts   # conflicts: the stored figure kept

A new edition adds rows; a figure already stored for the same edition, commodity, country, metric, stage and
data year is never overwritten (a different value is reported as a conflict, the stored one kept). A bad file
raises :class:`~oresight.exceptions.BadInput` before anything is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from oresight.exceptions import BadInput

from .model import ReferenceRow
from .readers import read_bytes
from .shipped import rows_of, shipped_files

if TYPE_CHECKING:
    from oresight.store import Store
    from oresight.store._context import ReferenceLoad


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What ``reference update`` did: the load (added, kept, conflicts), the file's layout and the records it
    passed over (other sections of an MCS file, blank cells)."""

    load: ReferenceLoad
    layout: str
    skipped: int
    rows: tuple[ReferenceRow, ...]
    loaded_before: bool


def ensure_shipped(store: Store) -> list[ReferenceLoad]:
    """Load each shipped reference file not loaded yet (by the SHA-256 of its text); returns the new loads."""
    loads = []
    for name, digest, text in shipped_files():
        if store.reference_loaded(digest):
            continue
        loads.append(store.add_reference(rows_of(name, text), dataset=name, kind="shipped", sha256=digest))
    return loads


def update_from_file(store: Store, path: Path, *, edition: str | None = None,
                     commodity: str | None = None) -> UpdateReport:
    """Load a USGS MCS data-release CSV or a user's reference CSV (:mod:`oresight.context.readers`). The
    shipped rows are loaded first, so a file never replaces them."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadInput(f"{path}: {e.strerror or e}") from None
    parsed = read_bytes(data, path.name, edition=edition, commodity=commodity)
    digest = hashlib.sha256(data).hexdigest()
    ensure_shipped(store)
    before = store.reference_loaded(digest)
    load = store.add_reference(parsed.rows, dataset=path.name, kind=parsed.layout, sha256=digest)
    return UpdateReport(load, parsed.layout, parsed.skipped, tuple(parsed.rows), before)


def store_rows(store: Store, *, commodity: str | None = None) -> list[ReferenceRow]:
    """The store's reference rows (shipped ones loaded first if needed): what the dossiers and, when given to
    :func:`~oresight.context.analytics.check_claim` as ``rows``, the claim checks read."""
    ensure_shipped(store)
    return store.reference_rows(commodity=commodity)
