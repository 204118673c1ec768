"""Real time: source items (pending work survives a crash), source health, the alert outbox.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "source_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("ticker", sa.Text(), nullable=True),
        sa.Column("published_at", _UTC, nullable=True),
        sa.Column("price_sensitive", sa.Boolean(), nullable=True),
        sa.Column("item", _JSON, nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _UTC, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("announcement_id", sa.Integer(),
                  sa.ForeignKey("announcements.id", ondelete="SET NULL",
                                name="fk_source_items_announcement_id_announcements"), nullable=True),
        sa.Column("seen_at", _UTC, nullable=False),
        sa.Column("done_at", _UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_source_items"),
        sa.UniqueConstraint("source", "key", name="uq_source_items_source_key"),
    )
    op.create_index("ix_source_items_status", "source_items", ["status"])
    op.create_table(
        "source_health",
        sa.Column("name", sa.Text(), primary_key=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("last_success_at", _UTC, nullable=True),
        sa.Column("last_error_at", _UTC, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("consecutive_errors", sa.Integer(), nullable=False),
        sa.Column("items_seen", sa.BigInteger(), nullable=False),
        sa.Column("state", _JSON, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_source_health"),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("phase", sa.Text(), nullable=False),
        sa.Column("source_item_id", sa.Integer(),
                  sa.ForeignKey("source_items.id", ondelete="SET NULL",
                                name="fk_alerts_source_item_id_source_items"), nullable=True),
        sa.Column("announcement_id", sa.Integer(),
                  sa.ForeignKey("announcements.id", ondelete="SET NULL",
                                name="fk_alerts_announcement_id_announcements"), nullable=True),
        sa.Column("payload", _JSON, nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _UTC, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("delivered_at", _UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
        sa.UniqueConstraint("key", name="uq_alerts_key"),
    )
    op.create_index("ix_alerts_status_next_attempt_at", "alerts", ["status", "next_attempt_at"])
    op.create_index("ix_alerts_rule_created_at", "alerts", ["rule", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_alerts_rule_created_at", table_name="alerts")
    op.drop_index("ix_alerts_status_next_attempt_at", table_name="alerts")
    op.drop_table("alerts")
    op.drop_table("source_health")
    op.drop_index("ix_source_items_status", table_name="source_items")
    op.drop_table("source_items")
