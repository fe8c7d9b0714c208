"""Schema migrations of the core's own SQL tables (texts, users, tokens), with Alembic.

Read models are not migrated: a projection's tables are dropped and rebuilt from the log.
"""

from __future__ import annotations

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


def upgrade(engine: sa.Engine) -> None:
    """Bring the core tables to the newest revision (idempotent, safe to run at every start)."""
    command.upgrade(alembic_config(engine), "head")
