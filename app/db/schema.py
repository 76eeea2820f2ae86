"""The tables, one schema for SQLite and PostgreSQL. The migrations in migrations/versions
create exactly this (a test compares them); queries use these Table objects.

Times are UTC. Nothing here holds a street address, a phone number or an e-mail: only what
replies and the refund policy need.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Uuid,
)

from app.db.sql import KEY_LENGTH

# The newest migration: opening a database already at this revision skips Alembic (and its
# import, ~0.3 s); a test checks it is Alembic's head.
HEAD = "0002"

ORDER_ID_LENGTH = 64  # longer "order numbers" are reported as bad rows, never stored

MONEY = Numeric(14, 2)
WEIGHT = Numeric(12, 3)  # kg
# The case-folded buyer name, compared byte by byte ("C" collation on PostgreSQL, SQLite's
# default) so that a prefix search is an index range scan on both engines.
KEY = String(KEY_LENGTH).with_variant(String(KEY_LENGTH, collation="C"), "postgresql")
UTC_TIME = DateTime(timezone=True)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

order_imports = Table(
    "order_imports", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),  # the file's name
    Column("preset", String(40), nullable=False),
    Column("imported_at", UTC_TIME, nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("inserted", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
    Column("unchanged", Integer, nullable=False),
    Column("problems", Integer, nullable=False),
)

# Keyed by (order_id, marketplace): the key's index is also the order-number lookup's.
# No foreign keys to or from the orders: only an import writes them, in one transaction, and
# PostgreSQL's per-row checks doubled the time of a 100,000-row import.
orders = Table(
    "orders", metadata,
    Column("order_id", String(ORDER_ID_LENGTH), primary_key=True),
    Column("marketplace", String(16), primary_key=True),
    Column("buyer_name", Text),
    Column("buyer_key", KEY),
    Column("destination_country", String(2)),
    Column("order_date", Date),
    Column("ship_date", Date),
    Column("chosen_method", Text),  # what the buyer chose, as the export wrote it
    Column("actual_method", Text),  # what the parcel went by
    Column("tracking_number", String(ORDER_ID_LENGTH)),
    Column("order_amount", MONEY),
    Column("currency", String(3)),
    Column("store", Text),
    Column("estimated_weight", WEIGHT),
    Column("actual_weight", WEIGHT),
    Column("items_hash", String(32)),  # of its items as last listed, to see a change cheaply
    Column("import_id", Integer, nullable=False),  # the order_imports row that last changed it
    Column("updated_at", UTC_TIME, nullable=False),
    Index(None, "tracking_number"),
    Index(None, "buyer_key"),
)

order_items = Table(
    "order_items", metadata,
    Column("order_id", String(ORDER_ID_LENGTH), primary_key=True),
    Column("marketplace", String(16), primary_key=True),
    Column("position", Integer, primary_key=True),  # 0, 1, … in the export's order
    Column("sku", Text),
    Column("name", Text),
    Column("quantity", Integer),
    Column("unit_price", MONEY),
)

header_mappings = Table(
    "header_mappings", metadata,
    Column("header_hash", String(64), primary_key=True),  # sha256 of the header set
    Column("header", Text, nullable=False),  # JSON list, as the file wrote it
    Column("mapping", Text, nullable=False),  # JSON object: our field → the file's header
    Column("saved_at", UTC_TIME, nullable=False),
)

case_log = Table(
    "case_log", metadata,
    Column("id", Uuid, primary_key=True),  # made by the copying desk: a resend is a no-op
    Column("logged_at", UTC_TIME, nullable=False),
    Column("agent", Text),
    Column("store", Text),
    Column("marketplace", String(16)),
    Column("order_id", String(ORDER_ID_LENGTH)),
    Column("buyer", Text),
    Column("buyer_key", KEY),
    Column("case_id", String(64), nullable=False),
    Column("template", String(128), nullable=False),
    Column("actions", Text, nullable=False),  # comma-separated, in the policy's order
    Column("compensated", Boolean, nullable=False),  # a refund, resend, discount or cost paid
    Column("refund_amount", MONEY),  # what the reply offered (at most)
    Column("refund_currency", String(3)),
    Column("policy_refund", MONEY),  # the most the policy suggested
    Column("over_policy", Boolean, nullable=False),  # offered more than that
    Column("deadline", Date),
    Column("language", String(8), nullable=False),
    Column("hand_edited", Boolean, nullable=False),
    Column("markers_left", Boolean, nullable=False),  # "[order number]" still in the text
    Column("sku", Text),
    Column("product", Text),
    Column("text", Text, nullable=False),
    # For the history beside the form, the compensation warning and the statistics.
    Index(None, "logged_at"),
    Index(None, "order_id"),
    Index(None, "buyer_key"),
    Index(None, "agent", "logged_at"),
    Index(None, "store", "logged_at"),
    Index(None, "case_id", "logged_at"),
    Index(None, "marketplace", "logged_at"),
    Index(None, "sku", "logged_at"),  # a product's entries, newest first
    Index(None, "product", "logged_at"),  # the same where the order had no SKU
)

# One row per action of an entry, so statistics can group compensation by action.
case_log_actions = Table(
    "case_log_actions", metadata,
    Column("entry_id", Uuid, primary_key=True),
    Column("action", String(40), primary_key=True),
    ForeignKeyConstraint(["entry_id"], ["case_log.id"], ondelete="CASCADE"),
    Index(None, "action"),
)

# What the team lead sets for every desk (e.g. the days within which an earlier compensation
# to the same order or buyer is worth a warning).
team_settings = Table(
    "team_settings", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


# The case log's figures added up ahead, so a year of statistics reads thousands of rows, not
# a million (app/stats/rollups.py keeps them, in the transaction that writes the entries).
# A key column holds '' for an entry without that value: SQLite's unique keys treat NULLs as
# all different, so "no agent" would never meet its own row.
ROLLUP_KEYS = {  # key column -> its length (None: text)
    "agent": None, "store": None, "marketplace": 16, "case_id": 64, "actions": None,
    "sku": None, "product": None, "currency": 3}
CASE_KEYS = ("agent", "store", "marketplace", "case_id", "actions", "currency")
PRODUCT_KEYS = ("sku", "product", "currency")
# The case_log flags a rollup counts (the entries with each set), beside its replies.
FLAGS = ("compensated", "hand_edited", "over_policy", "markers_left")


def _rollup(name: str, period: str, keys: tuple[str, ...]) -> Table:
    """A table of figures per `period` ("day" or "month": its first day) and keys."""
    return Table(
        name, metadata,
        Column(period, Date, primary_key=True),
        *(Column(key, String(ROLLUP_KEYS[key]) if ROLLUP_KEYS[key] else Text,
                 primary_key=True) for key in keys),
        *(Column(count, Integer, nullable=False) for count in ("replies", *FLAGS)),
        Column("cents", BigInteger),  # the refunds offered, in hundredths; NULL: none
    )


# Per UTC day, agent and currency: replies per day and per agent, and the totals.
case_log_days = _rollup("case_log_days", "day", ("agent", "currency"))
# Per day, agent, store, marketplace, case, actions and currency: the days at the ends of a
# range of months, and per day for one store or case.
case_log_day_cases = _rollup("case_log_day_cases", "day", CASE_KEYS)
# Per day, product (SKU and name) and currency.
case_log_day_products = _rollup("case_log_day_products", "day", PRODUCT_KEYS)
# Per month, agent, store, marketplace, case, actions and currency.
case_log_months = _rollup("case_log_months", "month", CASE_KEYS)
# Per month, agent, product and currency: the products complained about over a year, in the
# team's view and in an agent's own.
case_log_product_months = _rollup("case_log_product_months", "month",
                                  ("agent", *PRODUCT_KEYS))
# Per month, case, product and currency: which products keep coming back stained (or broken,
# or wrong), and a product's cases.
case_log_case_product_months = _rollup("case_log_case_product_months", "month",
                                       ("case_id", *PRODUCT_KEYS))
