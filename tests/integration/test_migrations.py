"""The core's tables are made by Alembic migrations, which match the code's table definitions."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from core.db import metadata
from core.migrations import upgrade
from core.stores import StoreConfig


def test_migrations_build_exactly_the_tables_the_code_defines(store_config: StoreConfig) -> None:
    engine = store_config.sql_engine()
    try:
        upgrade(engine)
        upgrade(engine)  # a second start changes nothing
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
        assert revision == "0002"
        assert differences == []
        assert {"texts", "users", "api_tokens", "sessions", "sign_in_failures"} <= set(
            sa.inspect(engine).get_table_names()
        )
    finally:
        engine.dispose()
