"""Sanctions screening: list loads, list entries, flags on documents.

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-11
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sanctions_loads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("list_name", sa.Text(), nullable=False),
        sa.Column("files", _JSON, nullable=False),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("loaded_at", _UTC, nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("names", sa.Integer(), nullable=False),
        sa.Column("notes", _JSON, nullable=False),
        sa.Column("keys_version", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sanctions_loads"),
    )
    op.create_index("ix_sanctions_loads_list_name", "sanctions_loads", ["list_name"])
    op.create_table(
        "sanctions_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("load_id", sa.Integer(),
                  sa.ForeignKey("sanctions_loads.id", ondelete="CASCADE",
                                name="fk_sanctions_entries_load_id_sanctions_loads"), nullable=False),
        sa.Column("list_name", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("aliases", _JSON, nullable=False),
        sa.Column("programs", _JSON, nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("keys", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sanctions_entries"),
        sa.UniqueConstraint("list_name", "ref", name="uq_sanctions_entries_list_name_ref"),
    )
    op.create_index("ix_sanctions_entries_load_id", "sanctions_entries", ["load_id"])
    op.create_table(
        "sanctions_flags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_kind", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.Text(), nullable=False),
        sa.Column("entry_ref", sa.Text(), nullable=False),
        sa.Column("entry_name", sa.Text(), nullable=False),
        sa.Column("entry_kind", sa.Text(), nullable=False),
        sa.Column("programs", _JSON, nullable=False),
        sa.Column("matched_name", sa.Text(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("load_id", sa.Integer(),
                  sa.ForeignKey("sanctions_loads.id", ondelete="SET NULL",
                                name="fk_sanctions_flags_load_id_sanctions_loads"), nullable=True),
        sa.Column("flagged_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sanctions_flags"),
    )
    op.create_index("ix_sanctions_flags_document_kind_document_id", "sanctions_flags", ["document_kind", "document_id"])
    op.create_index("ix_sanctions_flags_list_name_entry_ref", "sanctions_flags", ["list_name", "entry_ref"])


def downgrade() -> None:
    op.drop_index("ix_sanctions_flags_list_name_entry_ref", table_name="sanctions_flags")
    op.drop_index("ix_sanctions_flags_document_kind_document_id", table_name="sanctions_flags")
    op.drop_table("sanctions_flags")
    op.drop_index("ix_sanctions_entries_load_id", table_name="sanctions_entries")
    op.drop_table("sanctions_entries")
    op.drop_index("ix_sanctions_loads_list_name", table_name="sanctions_loads")
    op.drop_table("sanctions_loads")
