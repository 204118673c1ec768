"""Storage: analysed announcements in SQLite (the default, WAL mode) or PostgreSQL.

::

    store = Store(database_url())      # explicit URL > $ORESIGHT_DATABASE_URL > sqlite:///var/oresight.db
    store.migrate()                    # alembic upgrade head; idempotent, call at every start
    ann_id, created = store.add(analysis, source="asx:02812345")
    store.get(ann_id)                  # StoredAnnouncement with intercepts, resources, companies
    store.search('lithium "drill results"')   # SearchHit: id, title, ticker, score, snippet
    store.best_intercepts()            # RankedIntercept per announcement, ordered across commodities

Values returned are frozen dataclasses (never ORM rows). Database failures raise
:class:`oresight.exceptions.StorageError` with a one-line message. The schema lives in
``_schema.py``; its migrations in ``migrations/`` (Alembic, run by :meth:`Store.migrate`).
"""

from ._records import (
    MARK_END,
    MARK_START,
    ArchivedResult,
    IngestError,
    RankedAnnouncement,
    RankedIntercept,
    SearchHit,
    StoredAnnouncement,
    StoredFacts,
)
from ._store import Store
from ._url import DEFAULT_URL, ENV_VAR, database_url

__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "MARK_END",
    "MARK_START",
    "ArchivedResult",
    "IngestError",
    "RankedAnnouncement",
    "RankedIntercept",
    "SearchHit",
    "Store",
    "StoredAnnouncement",
    "StoredFacts",
    "database_url",
]
