"""The database behind the order book and the case log: one schema (SQLAlchemy Core) for a
SQLite file on one desk and a PostgreSQL server shared by a team, migrated by Alembic on open.

Nothing here is imported on the window's first paint or the plain CLI compose path: the
modules import SQLAlchemy, Alembic and psycopg inside the functions that need them.
"""
