"""Assessments, novelty fingerprints and company facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("announcement_id", sa.Integer(),
                  sa.ForeignKey("announcements.id", ondelete="CASCADE", name="fk_assessments_announcement_id_announcements"),
                  primary_key=True),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("noise", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("band", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("novelty", sa.Text(), nullable=False),
        sa.Column("data", _JSON, nullable=False),
        sa.Column("assessed_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("announcement_id", name="pk_assessments"),
    )
    op.create_index("ix_assessments_score", "assessments", ["score"])
    op.create_table(
        "fingerprints",
        sa.Column("announcement_id", sa.Integer(),
                  sa.ForeignKey("announcements.id", ondelete="CASCADE", name="fk_fingerprints_announcement_id_announcements"),
                  primary_key=True),
        sa.Column("shingles", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("announcement_id", name="pk_fingerprints"),
    )
    op.create_table(
        "company_facts",
        sa.Column("ticker", sa.Text(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("market_cap", sa.Double(), nullable=True),
        sa.Column("shares_on_issue", sa.Double(), nullable=True),
        sa.Column("cash", sa.Double(), nullable=True),
        sa.Column("as_of", sa.Text(), nullable=True),
        sa.Column("cash_as_of", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("ticker", name="pk_company_facts"),
    )


def downgrade() -> None:
    op.drop_table("company_facts")
    op.drop_table("fingerprints")
    op.drop_index("ix_assessments_score", table_name="assessments")
    op.drop_table("assessments")
