"""Schema migrations of the core's own SQL tables (texts, users, tokens), with Alembic.

Read models are not migrated: a projection's tables are dropped and rebuilt from the log.
"""

from __future__ import annotations

import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

HERE = Path(__file__).resolve().parent


def alembic_config(engine: sa.Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: sa.Engine, attempts: int = 3) -> None:
    """Bring the core tables to the newest revision (idempotent, safe to run at every start).

    Two processes starting on a new store race to create the tables; the loser's migration
    fails as a whole, and on the next attempt it finds the revision there and does nothing.
    """
    for attempt in range(attempts):
        try:
            command.upgrade(alembic_config(engine), "head")
            return
        except sa.exc.DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
