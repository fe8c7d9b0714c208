"""The core's tables are made by Alembic migrations, which match the code's table definitions."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from samverkan.storage.migrations import upgrade
from samverkan.storage.stores import StoreConfig
from samverkan.storage.tables import metadata


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


def test_revision_0002_adds_sessions_and_drops_the_old_failure_table(
    store_config: StoreConfig,
) -> None:
    from alembic import command

    from samverkan.storage.migrations import alembic_config

    engine = store_config.sql_engine()
    try:
        command.upgrade(alembic_config(engine), "0001")
        with engine.begin() as connection:  # as the pages made it before revision 0002
            connection.execute(sa.text("CREATE TABLE login_failures (id INTEGER PRIMARY KEY)"))
        upgrade(engine)
        tables = set(sa.inspect(engine).get_table_names())
        assert {"sessions", "sign_in_failures"} <= tables and "login_failures" not in tables
    finally:
        engine.dispose()
