"""The case log's figures added up per day and per month, for the statistics, and indexes
that list a product's entries newest first (by SKU, or by name where there was no SKU).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# What Alembic reads from a revision file.
__all__ = ["branch_labels", "depends_on", "down_revision", "downgrade", "revision", "upgrade"]

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FIGURES = ("replies", "compensated", "hand_edited", "over_policy", "markers_left")
# (table, period column, its other key columns as (name, length or None for text))
CASE_KEYS = (("agent", None), ("store", None), ("marketplace", 16), ("case_id", 64),
             ("actions", None), ("currency", 3))
PRODUCT_KEYS = (("sku", None), ("product", None), ("currency", 3))
ROLLUPS = (
    ("case_log_days", "day", (("agent", None), ("currency", 3))),
    ("case_log_day_cases", "day", CASE_KEYS),
    ("case_log_day_products", "day", PRODUCT_KEYS),
    ("case_log_months", "month", CASE_KEYS),
    ("case_log_product_months", "month", (("agent", None), *PRODUCT_KEYS)),
    ("case_log_case_product_months", "month", (("case_id", 64), *PRODUCT_KEYS)),
)


def upgrade() -> None:
    op.drop_index("ix_case_log_sku", "case_log")
    for column in ("sku", "product"):
        op.create_index(f"ix_case_log_{column}_logged_at", "case_log", [column, "logged_at"])
    for table, period, keys in ROLLUPS:
        op.create_table(
            table,
            sa.Column(period, sa.Date, nullable=False),
            *(sa.Column(name, sa.String(length) if length else sa.Text, nullable=False)
              for name, length in keys),
            *(sa.Column(name, sa.Integer, nullable=False) for name in FIGURES),
            sa.Column("cents", sa.BigInteger),
            sa.PrimaryKeyConstraint(period, *(name for name, _ in keys), name=f"pk_{table}"))
    # The entries logged so far, counted by the statement the app counts new ones with.
    from app.stats.rollups import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    for table, _, _ in ROLLUPS:
        op.drop_table(table)
    for column in ("sku", "product"):
        op.drop_index(f"ix_case_log_{column}_logged_at", "case_log")
    op.create_index("ix_case_log_sku", "case_log", ["sku"])
