"""Names vulture can't see used: called by Jinja2 or Qt, or read from YAML by value.

Run: vulture app ui tools/vulture_allowlist.py --min-confidence 60
"""

# ruff: noqa
# mypy: ignore-errors
_ = object()

# Called by Jinja2 on a loader (BaseLoader's API) and on the environment.
_.get_source
environment
_.join_path  # an include inherits its includer's language (app.compose.loader)
_.intercepted_binops  # the sandbox's operators that go through call_binop
__self  # SandboxedEnvironment.call's own first parameter name

# Read from languages.yaml: each language's own name ("Español"), for people reading the data.
native

# Set on a module object so it looks like a package (app.message.stems loads one stemmer).
_.__path__

# Qt calls these overrides.
_.highlightBlock
_.sizeHint
_.paintEvent

# Actions are named in policy.yaml; the engine only compares a few of them by name.
RESEND
NEXT_ORDER_DISCOUNT
REIMBURSE_COST
NO_REFUND
WAIT

# An imported order's fields: the order book stores them (app/orders/book.py reads each).
buyer_name
destination_country
chosen_method
order_amount
estimated_weight
actual_weight

# The window keeps its File-menu order book commands reachable (tests drive the importer).
order_book

# The statistics: SQLAlchemy reads `inherit_cache` on a SQL function (app.stats.query), openpyxl
# these on a cell or a sheet (app.stats.export).
inherit_cache
_.data_type
_.number_format
_.freeze_panes
