"""Every table that cannot be rebuilt from the log is made by Alembic migrations, which match
the code's table definitions; a store made before a table was migrated upgrades in place."""

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from samverkan.audit.tables import audit_metadata, sequencer
from samverkan.storage.migrations import alembic_config, upgrade
from samverkan.storage.stores import StoreConfig
from samverkan.storage.tables import metadata


def migrated_tables() -> sa.MetaData:
    """The core's tables and the audit tables, as the code defines them."""
    combined = sa.MetaData()
    for table in [*metadata.tables.values(), *audit_metadata.tables.values()]:
        table.to_metadata(combined)
    return combined


def head(engine: sa.Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def test_migrations_build_exactly_the_tables_the_code_defines(store_config: StoreConfig) -> None:
    engine = store_config.sql_engine()
    try:
        upgrade(engine)
        upgrade(engine)  # a second start changes nothing
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            revision = context.get_current_revision()
            differences = compare_metadata(context, migrated_tables())
        assert revision == head(engine)
        assert differences == []
        names = set(sa.inspect(engine).get_table_names())
        assert {
            "texts",
            "users",
            "api_tokens",
            "sessions",
            "sign_in_failures",
            "idempotency_keys",
            "plugin_failures",
        } <= names
    finally:
        engine.dispose()


def test_revision_0002_adds_sessions_and_drops_the_old_failure_table(
    store_config: StoreConfig,
) -> None:
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


def test_a_store_whose_tables_were_made_by_the_code_upgrades_in_place(
    store_config: StoreConfig,
) -> None:
    """Before they were migrated, the audit tables were made by the code that used them."""
    engine = store_config.sql_engine()
    try:
        command.upgrade(alembic_config(engine), "0001")
        audit_metadata.create_all(engine)
        with engine.begin() as connection:
            connection.execute(sequencer.insert().values(name="main", size=7, notification_id=9))
        upgrade(engine)
        with engine.connect() as connection:
            kept = connection.execute(sa.select(sequencer.c.size)).scalar_one()
            revision = MigrationContext.configure(connection).get_current_revision()
        assert kept == 7
        assert revision == head(engine)
    finally:
        engine.dispose()
