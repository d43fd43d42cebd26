"""Small SQL helpers that keep the store's statements portable across SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_ignore(conn: Connection, table: Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING, spelled for the connection's dialect."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    raise NotImplementedError(f"the store supports SQLite and PostgreSQL, not {conn.dialect.name}")


def upsert(conn: Connection, table: Table, values: dict[str, Any], key: str) -> None:
    """Insert a row, or update it where one with the same `key` exists."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table).values(**values)
    update = {k: v for k, v in values.items() if k != key}
    conn.execute(stmt.on_conflict_do_update(index_elements=[key], set_=update))


def insert_id(conn: Connection, statement: Any) -> int:
    """Execute a single-row INSERT and return the new row's integer primary key."""
    key = conn.execute(statement).inserted_primary_key
    assert key is not None
    return int(key[0])
