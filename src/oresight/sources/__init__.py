"""Sources of announcements behind one interface (see :mod:`oresight.sources.base`).

Built-in kinds register themselves on import: ``asx`` (the ASX website's public endpoints),
``feed`` (RSS/Atom), ``folder`` (a watched folder), ``vendor`` (a licensed vendor's drop folder of
JSON/CSV + PDFs) and ``push`` (``POST /api/announcements``).
"""

from oresight.sources.base import (
    SOURCE_KINDS,
    FetchedAnnouncement,
    NotReady,
    Source,
    SourceError,
    build_source,
    register,
)

__all__ = ["SOURCE_KINDS", "FetchedAnnouncement", "NotReady", "Source", "SourceError", "build_source", "register"]
