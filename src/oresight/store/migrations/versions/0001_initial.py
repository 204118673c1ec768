"""Initial schema: announcements, intercepts, resources, ingest errors, full-text search.

Revision ID: 0001
Revises:
Create Date: 2025-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)

# SQLite: an FTS5 index over announcements(title, text) that stores no copy of the text
# (external content), kept in step by triggers. Porter stemming, diacritics folded.
_SQLITE_FTS_UP = (
    """
    CREATE VIRTUAL TABLE announcements_fts USING fts5(
        title, text,
        content='announcements', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER announcements_fts_ai AFTER INSERT ON announcements BEGIN
        INSERT INTO announcements_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER announcements_fts_ad AFTER DELETE ON announcements BEGIN
        INSERT INTO announcements_fts(announcements_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER announcements_fts_au AFTER UPDATE OF title, text ON announcements BEGIN
        INSERT INTO announcements_fts(announcements_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO announcements_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
)
_SQLITE_FTS_DOWN = (
    "DROP TRIGGER IF EXISTS announcements_fts_au",
    "DROP TRIGGER IF EXISTS announcements_fts_ad",
    "DROP TRIGGER IF EXISTS announcements_fts_ai",
    "DROP TABLE IF EXISTS announcements_fts",
)

# PostgreSQL: a stored tsvector (title weighted A, text D) and its GIN index.
_SEARCH_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'D')"
)


def upgrade() -> None:
    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("ticker", sa.Text(), nullable=True),
        sa.Column("exchange", sa.Text(), nullable=True),
        sa.Column("company_name", sa.Text(), nullable=True),
        sa.Column("published_at", _UTC, nullable=True),
        sa.Column("ingested_at", _UTC, nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("ocr_pages", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("analysis_seconds", sa.Double(), nullable=False),
        sa.Column("commodities", sa.Text(), nullable=False),
        sa.Column("extraction", _JSON, nullable=False),
        sa.Column("warnings", _JSON, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcements")),
        sa.UniqueConstraint("sha256", name=op.f("uq_announcements_sha256")),
    )
    op.create_index(op.f("ix_announcements_ticker"), "announcements", ["ticker"])
    op.create_index(op.f("ix_announcements_published_at"), "announcements", ["published_at"])

    op.create_table(
        "intercepts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("announcement_id", sa.Integer(), nullable=False),
        sa.Column("hole_id", sa.Text(), nullable=True),
        sa.Column("from_m", sa.Double(), nullable=True),
        sa.Column("to_m", sa.Double(), nullable=True),
        sa.Column("width_m", sa.Double(), nullable=True),
        sa.Column("grade", sa.Double(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("analyte", sa.Text(), nullable=False),
        sa.Column("including", sa.Boolean(), nullable=False),
        sa.Column("to_eoh", sa.Boolean(), nullable=False),
        sa.Column("true_width_m", sa.Double(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("grade_x_width", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["announcement_id"],
            ["announcements.id"],
            name=op.f("fk_intercepts_announcement_id_announcements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intercepts")),
    )
    op.create_index(op.f("ix_intercepts_announcement_id"), "intercepts", ["announcement_id"])
    op.create_index(op.f("ix_intercepts_analyte_unit"), "intercepts", ["analyte", "unit"])

    op.create_table(
        "resources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("announcement_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("tonnes", sa.Double(), nullable=False),
        sa.Column("grade", sa.Double(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("analyte", sa.Text(), nullable=True),
        sa.Column("contained", sa.Double(), nullable=True),
        sa.Column("contained_unit", sa.Text(), nullable=True),
        sa.Column("cutoff", sa.Text(), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("deposit", sa.Text(), nullable=True),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["announcement_id"],
            ["announcements.id"],
            name=op.f("fk_resources_announcement_id_announcements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resources")),
    )
    op.create_index(op.f("ix_resources_announcement_id"), "resources", ["announcement_id"])
    op.create_index(op.f("ix_resources_analyte"), "resources", ["analyte"])

    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_errors")),
    )
    op.create_index(op.f("ix_ingest_errors_sha256"), "ingest_errors", ["sha256"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_FTS_UP:
            op.execute(statement)
    elif dialect == "postgresql":
        op.add_column(
            "announcements",
            sa.Column(
                "search_vector",
                postgresql.TSVECTOR(),
                sa.Computed(_SEARCH_VECTOR, persisted=True),
            ),
        )
        op.create_index(
            "ix_announcements_search_vector",
            "announcements",
            ["search_vector"],
            postgresql_using="gin",
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_FTS_DOWN:
            op.execute(statement)
    elif dialect == "postgresql":
        op.drop_index("ix_announcements_search_vector", table_name="announcements")
        op.drop_column("announcements", "search_vector")
    op.drop_table("ingest_errors")
    op.drop_table("resources")
    op.drop_table("intercepts")
    op.drop_table("announcements")
