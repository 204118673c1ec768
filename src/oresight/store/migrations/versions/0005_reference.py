"""Reference data in the store: the figures (USGS editions, national claims, stage shares, loaded files), each
with its source, and the loads that brought them (oresight.context).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reference_loads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("dataset", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("editions", sa.Text(), nullable=False),
        sa.Column("rows_added", sa.Integer(), nullable=False),
        sa.Column("rows_kept", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("loaded_at", _UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reference_loads"),
    )
    op.create_index("ix_reference_loads_sha256", "reference_loads", ["sha256"])
    op.create_table(
        "reference_figures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("load_id", sa.Integer(), nullable=False),
        sa.Column("row_key", sa.String(64), nullable=False),
        sa.Column("dataset", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("edition", sa.Text(), nullable=False),
        sa.Column("edition_release", sa.Text(), nullable=False),
        sa.Column("data_year", sa.Text(), nullable=False),
        sa.Column("commodity", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=False),
        sa.Column("country_key", sa.Text(), nullable=False),
        sa.Column("metric", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=True),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("qualifier", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["load_id"], ["reference_loads.id"], ondelete="CASCADE",
                                name="fk_reference_figures_load_id_reference_loads"),
        sa.PrimaryKeyConstraint("id", name="pk_reference_figures"),
        sa.UniqueConstraint("row_key", name="uq_reference_figures_row_key"),
    )
    op.create_index("ix_reference_figures_load_id", "reference_figures", ["load_id"])
    op.create_index("ix_reference_figures_commodity_metric", "reference_figures", ["commodity", "metric"])
    op.create_index("ix_reference_figures_country_key", "reference_figures", ["country_key"])


def downgrade() -> None:
    op.drop_index("ix_reference_figures_country_key", table_name="reference_figures")
    op.drop_index("ix_reference_figures_commodity_metric", table_name="reference_figures")
    op.drop_index("ix_reference_figures_load_id", table_name="reference_figures")
    op.drop_table("reference_figures")
    op.drop_index("ix_reference_loads_sha256", table_name="reference_loads")
    op.drop_table("reference_loads")
