"""Alembic's environment: the app runs it with the open connection, inside the transaction
that app.db.engine.migrate began (and locked), so a migration is all or nothing."""

from __future__ import annotations

from alembic import context

from app.db.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  # SQLite alters a table by copying it; Alembic's batch mode does that.
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
