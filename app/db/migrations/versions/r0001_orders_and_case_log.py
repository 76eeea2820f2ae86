"""The order book (imports, orders, their items, remembered header mappings), the case log
and the team's settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# What Alembic reads from a revision file.
__all__ = ["branch_labels", "depends_on", "down_revision", "downgrade", "revision", "upgrade"]

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the column types of app/db/schema.py as this revision made them.
MONEY = sa.Numeric(14, 2)
WEIGHT = sa.Numeric(12, 3)
KEY = sa.String(120).with_variant(sa.String(120, collation="C"), "postgresql")
UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    _order_book()
    _case_log()


def _order_book() -> None:
    op.create_table(
        "order_imports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("preset", sa.String(40), nullable=False),
        sa.Column("imported_at", UTC_TIME, nullable=False),
        *(sa.Column(name, sa.Integer, nullable=False)
          for name in ("rows_read", "inserted", "updated", "unchanged", "problems")),
        sa.PrimaryKeyConstraint("id", name="pk_order_imports"))
    op.create_table(
        "orders",
        sa.Column("order_id", sa.String(64), nullable=False),
        sa.Column("marketplace", sa.String(16), nullable=False),
        sa.Column("buyer_name", sa.Text),
        sa.Column("buyer_key", KEY),
        sa.Column("destination_country", sa.String(2)),
        sa.Column("order_date", sa.Date),
        sa.Column("ship_date", sa.Date),
        sa.Column("chosen_method", sa.Text),
        sa.Column("actual_method", sa.Text),
        sa.Column("tracking_number", sa.String(64)),
        sa.Column("order_amount", MONEY),
        sa.Column("currency", sa.String(3)),
        sa.Column("store", sa.Text),
        sa.Column("estimated_weight", WEIGHT),
        sa.Column("actual_weight", WEIGHT),
        sa.Column("items_hash", sa.String(32)),
        sa.Column("import_id", sa.Integer, nullable=False),
        sa.Column("updated_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("order_id", "marketplace", name="pk_orders"))
    for column in ("tracking_number", "buyer_key"):
        op.create_index(f"ix_orders_{column}", "orders", [column])
    op.create_table(
        "order_items",
        sa.Column("order_id", sa.String(64), nullable=False),
        sa.Column("marketplace", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("sku", sa.Text),
        sa.Column("name", sa.Text),
        sa.Column("quantity", sa.Integer),
        sa.Column("unit_price", MONEY),
        sa.PrimaryKeyConstraint("order_id", "marketplace", "position", name="pk_order_items"))
    op.create_table(
        "header_mappings",
        sa.Column("header_hash", sa.String(64), nullable=False),
        sa.Column("header", sa.Text, nullable=False),
        sa.Column("mapping", sa.Text, nullable=False),
        sa.Column("saved_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("header_hash", name="pk_header_mappings"))


def _case_log() -> None:
    op.create_table(
        "case_log",
        sa.Column("id", sa.Uuid, nullable=False),
        sa.Column("logged_at", UTC_TIME, nullable=False),
        sa.Column("agent", sa.Text),
        sa.Column("store", sa.Text),
        sa.Column("marketplace", sa.String(16)),
        sa.Column("order_id", sa.String(64)),
        sa.Column("buyer", sa.Text),
        sa.Column("buyer_key", KEY),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("template", sa.String(128), nullable=False),
        sa.Column("actions", sa.Text, nullable=False),
        sa.Column("compensated", sa.Boolean, nullable=False),
        sa.Column("refund_amount", MONEY),
        sa.Column("refund_currency", sa.String(3)),
        sa.Column("policy_refund", MONEY),
        sa.Column("over_policy", sa.Boolean, nullable=False),
        sa.Column("deadline", sa.Date),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("hand_edited", sa.Boolean, nullable=False),
        sa.Column("markers_left", sa.Boolean, nullable=False),
        sa.Column("sku", sa.Text),
        sa.Column("product", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_log"))
    for columns in (("logged_at",), ("order_id",), ("buyer_key",), ("agent", "logged_at"),
                    ("store", "logged_at"), ("case_id", "logged_at"),
                    ("marketplace", "logged_at"), ("sku",)):
        op.create_index(f"ix_case_log_{'_'.join(columns)}", "case_log", list(columns))
    op.create_table(
        "case_log_actions",
        sa.Column("entry_id", sa.Uuid, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", "action", name="pk_case_log_actions"),
        sa.ForeignKeyConstraint(["entry_id"], ["case_log.id"], ondelete="CASCADE",
                                name="fk_case_log_actions_entry_id_case_log"))
    op.create_index("ix_case_log_actions_action", "case_log_actions", ["action"])
    op.create_table(
        "team_settings",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_team_settings"))


def downgrade() -> None:
    for table in ("team_settings", "case_log_actions", "case_log", "header_mappings",
                  "order_items", "orders", "order_imports"):
        op.drop_table(table)
