"""Alembic environment: the store hands over its open connection (`config.attributes`).

Run programmatically by `summitry.store.migrate.upgrade`; the `alembic` command line
works too when given `-x url=...`.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from summitry.store.schema import metadata

config = context.config
target_metadata = metadata


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(str(url))
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("summitry's migrations run online only (they need the database's dialect)")
run_online()
