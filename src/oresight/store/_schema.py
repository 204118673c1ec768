"""The ORM schema (SQLAlchemy 2 typed declarative). Private: rows never leave the store.

The first migration (``migrations/versions/0001_initial.py``) is written by hand to match this file;
``tests/test_store_migrations.py`` checks that the two agree. Full-text objects are not part of the
ORM metadata (they differ per dialect and are created by the migration only):

- SQLite: the FTS5 table ``announcements_fts`` (external content over ``announcements``), its shadow
  tables and the triggers ``announcements_fts_ai`` / ``_ad`` / ``_au`` that keep it in step;
- PostgreSQL: the generated column ``announcements.search_vector`` (tsvector) and its GIN index.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

FTS_TABLE = "announcements_fts"
SEARCH_VECTOR_COLUMN = "search_vector"
SEARCH_VECTOR_INDEX = "ix_announcements_search_vector"

JsonType = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC on every backend (naive values are taken as UTC).

    SQLite has no timezone type: SQLAlchemy would store the wall-clock time and drop the offset,
    so values are converted to UTC first and read back with ``tzinfo=UTC``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AnnouncementRow(Base):
    __tablename__ = "announcements"
    __table_args__ = (
        Index(None, "ticker"),
        Index(None, "published_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # INTEGER PRIMARY KEY: the SQLite rowid
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    ticker: Mapped[str | None] = mapped_column(Text)
    exchange: Mapped[str | None] = mapped_column(Text)
    company_name: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    page_count: Mapped[int] = mapped_column(Integer)
    ocr_pages: Mapped[str] = mapped_column(Text)  # comma-separated page numbers, "" when none
    text: Mapped[str] = mapped_column(Text, deferred=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    analysis_seconds: Mapped[float] = mapped_column(Double)
    commodities: Mapped[str] = mapped_column(Text)  # comma-separated canonical symbols
    extraction: Mapped[dict[str, Any]] = mapped_column(JsonType)  # Extraction.to_json()
    warnings: Mapped[list[str]] = mapped_column(JsonType)
    error: Mapped[str | None] = mapped_column(Text)

    intercepts: Mapped[list[InterceptRow]] = relationship(
        back_populates="announcement",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="InterceptRow.id",
    )
    resources: Mapped[list[ResourceRow]] = relationship(
        back_populates="announcement",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ResourceRow.id",
    )


class InterceptRow(Base):
    __tablename__ = "intercepts"
    __table_args__ = (Index(None, "analyte", "unit"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    announcement_id: Mapped[int] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), index=True
    )
    hole_id: Mapped[str | None] = mapped_column(Text)
    from_m: Mapped[float | None] = mapped_column(Double)
    to_m: Mapped[float | None] = mapped_column(Double)
    width_m: Mapped[float | None] = mapped_column(Double)
    grade: Mapped[float] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(Text)
    analyte: Mapped[str] = mapped_column(Text)
    including: Mapped[bool] = mapped_column(Boolean)
    to_eoh: Mapped[bool] = mapped_column(Boolean)
    true_width_m: Mapped[float | None] = mapped_column(Double)
    source: Mapped[str] = mapped_column(Text)  # "text" or "table"
    surface: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    grade_x_width: Mapped[float | None] = mapped_column(Double)  # grade × width_m, None without a width

    announcement: Mapped[AnnouncementRow] = relationship(back_populates="intercepts")


class ResourceRow(Base):
    __tablename__ = "resources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    announcement_id: Mapped[int] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str | None] = mapped_column(Text)
    tonnes: Mapped[float] = mapped_column(Double)
    grade: Mapped[float | None] = mapped_column(Double)
    unit: Mapped[str | None] = mapped_column(Text)
    analyte: Mapped[str | None] = mapped_column(Text, index=True)
    contained: Mapped[float | None] = mapped_column(Double)
    contained_unit: Mapped[str | None] = mapped_column(Text)
    cutoff: Mapped[str | None] = mapped_column(Text)
    code: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)  # "resource" or "reserve"
    deposit: Mapped[str | None] = mapped_column(Text)
    surface: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    announcement: Mapped[AnnouncementRow] = relationship(back_populates="resources")


class AssessmentRow(Base):
    __tablename__ = "assessments"
    __table_args__ = (Index(None, "score"),)

    announcement_id: Mapped[int] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), primary_key=True
    )
    type: Mapped[str] = mapped_column(Text)
    noise: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Double)
    band: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    novelty: Mapped[str] = mapped_column(Text)  # new, duplicate, reannounced, partly_reannounced, unchecked
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)  # Assessment.to_json()
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FingerprintRow(Base):
    __tablename__ = "fingerprints"

    announcement_id: Mapped[int] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), primary_key=True
    )
    shingles: Mapped[bytes] = mapped_column(LargeBinary)  # sorted uint32 shingle hashes (novelty)


class CompanyFactsRow(Base):
    __tablename__ = "company_facts"

    ticker: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str | None] = mapped_column(Text)
    market_cap: Mapped[float | None] = mapped_column(Double)
    shares_on_issue: Mapped[float | None] = mapped_column(Double)
    cash: Mapped[float | None] = mapped_column(Double)
    as_of: Mapped[str | None] = mapped_column(Text)
    cash_as_of: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SourceItemRow(Base):
    """An item a source listed, kept from the moment it is seen: ``pending`` until its document has been
    read, assessed and its alerts recorded (then ``done``), or ``failed`` with the reason. Pending items
    are taken up again after a restart, so a crash loses nothing."""

    __tablename__ = "source_items"
    __table_args__ = (
        UniqueConstraint("source", "key", name="uq_source_items_source_key"),
        Index(None, "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    headline: Mapped[str] = mapped_column(Text)
    ticker: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    price_sensitive: Mapped[bool | None] = mapped_column(Boolean)
    item: Mapped[dict[str, Any]] = mapped_column(JsonType)  # FetchedAnnouncement.to_json()
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # pushed documents
    status: Mapped[str] = mapped_column(Text)  # pending, done, failed
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    announcement_id: Mapped[int | None] = mapped_column(ForeignKey("announcements.id", ondelete="SET NULL"))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SourceHealthRow(Base):
    __tablename__ = "source_health"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_errors: Mapped[int] = mapped_column(Integer)
    items_seen: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[dict[str, Any]] = mapped_column(JsonType)  # the source's cursor
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AlertRow(Base):
    """The outbox: one row per (rule, channel, announcement, phase), ``key`` unique (idempotency).

    ``status``: ``pending`` (due at ``next_attempt_at``), ``delivered``, ``dead`` (with ``last_error``),
    ``queued`` (waiting for the rule's digest) or ``digested`` (sent inside a digest)."""

    __tablename__ = "alerts"
    __table_args__ = (
        Index(None, "status", "next_attempt_at"),
        Index(None, "rule", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    rule: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(Text)
    phase: Mapped[str] = mapped_column(Text)  # early, completed, assessed, digest
    source_item_id: Mapped[int | None] = mapped_column(ForeignKey("source_items.id", ondelete="SET NULL"))
    announcement_id: Mapped[int | None] = mapped_column(ForeignKey("announcements.id", ondelete="SET NULL"))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)  # Alert.to_json() or Digest.to_json()
    status: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IngestErrorRow(Base):
    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object | None
) -> bool:
    """Alembic filter: leave the per-dialect full-text objects out of autogenerate comparisons."""
    del obj, reflected, compare_to
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLE)
    if type_ == "column":
        return name != SEARCH_VECTOR_COLUMN
    if type_ == "index":
        return name != SEARCH_VECTOR_INDEX
    return True


class ApiTokenRow(Base):
    """An API token for the HTTP API's writes, kept as the SHA-256 of the secret (never the secret itself).
    ``name`` stays unique, also once revoked (the log of who could write keeps its names)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # hex digest of the secret
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# The browse queries read each announcement's source item (headline, price-sensitive flag) by announcement id.
Index("ix_source_items_announcement_id", SourceItemRow.announcement_id)


# -- context (reference data) --
# Reference figures (USGS editions, national claims, stage shares, files loaded with `oresight reference
# update`), each with its source, and the loads that brought them. A figure is keyed by ``row_key`` (edition,
# commodity, country, metric, stage, data year; and the source for stage shares): a new edition adds rows, a
# figure already stored is never overwritten (migration 0005; see oresight.context).


class ReferenceLoadRow(Base):
    __tablename__ = "reference_loads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dataset: Mapped[str] = mapped_column(Text)  # the file's name
    kind: Mapped[str] = mapped_column(Text)  # shipped, usgs_mcs_world, usgs_mcs_commodities, user
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # of the file's bytes (shipped: of its text)
    editions: Mapped[str] = mapped_column(Text)  # the editions in the file, "; "-separated
    rows_added: Mapped[int] = mapped_column(Integer)
    rows_kept: Mapped[int] = mapped_column(Integer)  # already stored with the same value
    conflicts: Mapped[int] = mapped_column(Integer)  # already stored with another value (the stored one kept)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReferenceFigureRow(Base):
    __tablename__ = "reference_figures"
    __table_args__ = (
        Index(None, "commodity", "metric"),
        Index(None, "country_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    load_id: Mapped[int] = mapped_column(ForeignKey("reference_loads.id", ondelete="CASCADE"), index=True)
    row_key: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the figure's identity
    dataset: Mapped[str] = mapped_column(Text)
    line: Mapped[int] = mapped_column(Integer)  # line of the row in its file
    edition: Mapped[str] = mapped_column(Text)
    edition_release: Mapped[str] = mapped_column(Text)
    data_year: Mapped[str] = mapped_column(Text)
    commodity: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(Text)  # as the source prints it
    country_key: Mapped[str] = mapped_column(Text)  # canonical (oresight.context.aliases)
    metric: Mapped[str] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(Text)
    qualifier: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text)


# -- statements --
# Government, ministry and company statements read by `oresight policy` / `oresight ingest --issuer`, each with
# its date and issuer, the report (oresight.policy), the whole-text fingerprint and its commitment sentences with
# theirs, so later statements can be compared with them (recycled promises; migration 0006).


class StatementRow(Base):
    __tablename__ = "statements"
    __table_args__ = (
        Index(None, "issuer_key"),
        Index(None, "stated_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the document's bytes
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(Text)
    issuer_key: Mapped[str | None] = mapped_column(Text)  # lower-case words without "the" (oresight.policy.meta)
    stated_on: Mapped[str | None] = mapped_column(String(10))  # ISO date YYYY-MM-DD (sorts as text)
    commodities: Mapped[str] = mapped_column(Text)  # comma-separated canonical names, the main one first
    countries: Mapped[str] = mapped_column(Text)  # comma-separated, the statement's own country first
    text: Mapped[str] = mapped_column(Text, deferred=True)
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary)  # sorted uint32 shingle hashes (assess.novelty)
    substance: Mapped[float] = mapped_column(Double)
    claims_score: Mapped[float | None] = mapped_column(Double)
    novelty_score: Mapped[float | None] = mapped_column(Double)
    label: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(Text)
    report: Mapped[dict[str, Any]] = mapped_column(JsonType, deferred=True)  # PolicyReport.to_json()
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StatementCommitmentRow(Base):
    __tablename__ = "statement_commitments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order in the statement, from 0
    text: Mapped[str] = mapped_column(Text)
    cue: Mapped[str] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary)  # sorted uint32 word and word-pair hashes


# -- sanctions --
# Sanctions lists loaded with `oresight sanctions load` (every load recorded with its files; a new load of a list
# replaces that list's entries in one transaction), and the flags of documents (announcements, statements) whose
# names match an entry, with the entry's name, kind and programs copied (migration 0007; see oresight.sanctions).


class SanctionsLoadRow(Base):
    __tablename__ = "sanctions_loads"
    __table_args__ = (Index(None, "list_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_name: Mapped[str] = mapped_column(Text)  # ofac, eu
    files: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)  # [{name, size, sha256, format}]
    published: Mapped[str | None] = mapped_column(Text)  # the list's own date, when its files carry one
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    entries: Mapped[int] = mapped_column(Integer)
    names: Mapped[int] = mapped_column(Integer)  # names and aliases
    notes: Mapped[list[str]] = mapped_column(JsonType)
    keys_version: Mapped[str] = mapped_column(Text)  # the normalisation the entries' keys were made with


class SanctionsEntryRow(Base):
    __tablename__ = "sanctions_entries"
    __table_args__ = (UniqueConstraint("list_name", "ref", name="uq_sanctions_entries_list_name_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    load_id: Mapped[int] = mapped_column(ForeignKey("sanctions_loads.id", ondelete="CASCADE"), index=True)
    list_name: Mapped[str] = mapped_column(Text)
    ref: Mapped[str] = mapped_column(Text)  # the list's identifier (OFAC ent_num, EU logicalId)
    kind: Mapped[str] = mapped_column(Text)  # person, entity, vessel, aircraft
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[list[str]]] = mapped_column(JsonType)  # [[name, kind], ...]
    programs: Mapped[list[str]] = mapped_column(JsonType)
    remarks: Mapped[str] = mapped_column(Text)
    keys: Mapped[list[Any]] = mapped_column(JsonType)  # each name's normalised spellings (oresight.sanctions.normalise)


class SanctionsFlagRow(Base):
    __tablename__ = "sanctions_flags"
    __table_args__ = (
        Index(None, "document_kind", "document_id"),
        Index(None, "list_name", "entry_ref"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_kind: Mapped[str] = mapped_column(Text)  # announcement, statement
    document_id: Mapped[int] = mapped_column(Integer)
    list_name: Mapped[str] = mapped_column(Text)
    entry_ref: Mapped[str] = mapped_column(Text)
    entry_name: Mapped[str] = mapped_column(Text)
    entry_kind: Mapped[str] = mapped_column(Text)
    programs: Mapped[list[str]] = mapped_column(JsonType)
    matched_name: Mapped[str] = mapped_column(Text)  # the entry's name or alias that matched
    surface: Mapped[str] = mapped_column(Text)  # the document's words that matched
    role: Mapped[str | None] = mapped_column(Text)  # buyer, partner, shareholder, financier
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Double)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("sanctions_loads.id", ondelete="SET NULL"))
    flagged_at: Mapped[datetime] = mapped_column(UTCDateTime)
