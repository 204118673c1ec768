"""Statements (oresight.policy): each with its date, issuer, report and whole-text fingerprint, and its commitment
sentences with their fingerprints (recycled promises).

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("issuer_key", sa.Text(), nullable=True),
        sa.Column("stated_on", sa.String(10), nullable=True),
        sa.Column("commodities", sa.Text(), nullable=False),
        sa.Column("countries", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.LargeBinary(), nullable=False),
        sa.Column("substance", sa.Double(), nullable=False),
        sa.Column("claims_score", sa.Double(), nullable=True),
        sa.Column("novelty_score", sa.Double(), nullable=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.Column("report", _JSON, nullable=False),
        sa.Column("stored_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_statements"),
        sa.UniqueConstraint("sha256", name="uq_statements_sha256"),
    )
    op.create_index("ix_statements_issuer_key", "statements", ["issuer_key"])
    op.create_index("ix_statements_stated_on", "statements", ["stated_on"])
    op.create_table(
        "statement_commitments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("statement_id", sa.Integer(),
                  sa.ForeignKey("statements.id", ondelete="CASCADE",
                                name="fk_statement_commitments_statement_id_statements"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_statement_commitments"),
    )
    op.create_index("ix_statement_commitments_statement_id", "statement_commitments", ["statement_id"])


def downgrade() -> None:
    op.drop_index("ix_statement_commitments_statement_id", table_name="statement_commitments")
    op.drop_table("statement_commitments")
    op.drop_index("ix_statements_stated_on", table_name="statements")
    op.drop_index("ix_statements_issuer_key", table_name="statements")
    op.drop_table("statements")
