"""Alembic's environment: the engine comes from the application, never from a file."""

from alembic import context

from samverkan.storage.tables import metadata

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    context.run_migrations()
