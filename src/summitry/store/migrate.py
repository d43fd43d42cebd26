"""Bring a database to the newest schema by running the packaged Alembic migrations.

Opening a store calls `upgrade(engine)`: a database already at `schema.HEAD` costs one
query; an empty one gets every migration; an older one the missing ones.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from summitry.store.schema import HEAD

MIGRATIONS = Path(__file__).parent / "migrations"


def config() -> Config:
    """An Alembic Config pointing at the packaged scripts (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head() -> str | None:
    """The newest revision among the scripts (tests check it equals schema.HEAD)."""
    return ScriptDirectory.from_config(config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Run the migrations the database lacks, in one transaction per run."""
    if current(engine) == HEAD:
        return
    cfg = config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
