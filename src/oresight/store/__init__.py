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

from ._realtime import (
    ALERT_DEAD,
    ALERT_DELIVERED,
    ALERT_DIGESTED,
    ALERT_PENDING,
    ALERT_QUEUED,
    ALERT_SENDING,
    INTERRUPTED,
    ITEM_DONE,
    ITEM_FAILED,
    ITEM_PENDING,
    NewItem,
    OutboxEntry,
    SourceHealth,
    SourceItem,
    StoredAlert,
)
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
    "ALERT_DEAD",
    "ALERT_DELIVERED",
    "ALERT_DIGESTED",
    "ALERT_PENDING",
    "ALERT_QUEUED",
    "ALERT_SENDING",
    "DEFAULT_URL",
    "ENV_VAR",
    "INTERRUPTED",
    "ITEM_DONE",
    "ITEM_FAILED",
    "ITEM_PENDING",
    "MARK_END",
    "MARK_START",
    "ArchivedResult",
    "IngestError",
    "NewItem",
    "OutboxEntry",
    "RankedAnnouncement",
    "RankedIntercept",
    "SearchHit",
    "SourceHealth",
    "SourceItem",
    "Store",
    "StoredAlert",
    "StoredAnnouncement",
    "StoredFacts",
    "database_url",
]
