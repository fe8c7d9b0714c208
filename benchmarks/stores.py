"""Fresh stores to measure on: a SQLite directory, or a PostgreSQL schema dropped afterwards."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from samverkan.storage.stores import StoreConfig

POSTGRES_URL = os.environ.get(
    "SAMVERKAN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)
KINDS = ("sqlite", "postgres")
ROOT = Path(__file__).resolve().parent.parent


def environment(config: StoreConfig) -> dict[str, str]:
    """The environment a `samverkan` subprocess needs to open ``config``'s store."""
    env = dict(os.environ, SAMVERKAN_DATA_DIR=str(config.data_dir), PYTHONPATH=str(ROOT))
    env.pop("SAMVERKAN_DATABASE_URL", None)
    if config.database_url:
        env["SAMVERKAN_DATABASE_URL"] = config.database_url
    return env


@contextmanager
def fresh_store(kind: str) -> Iterator[StoreConfig]:
    """A new, empty store of ``kind``; everything it made is removed on exit."""
    directory = Path(tempfile.mkdtemp(prefix=f"samverkan-bench-{kind}-"))
    schema = None
    try:
        if kind == "sqlite":
            yield StoreConfig(data_dir=directory)
            return
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{schema}"')
        yield StoreConfig(data_dir=directory, database_url=f"{POSTGRES_URL}?schema={schema}")
    finally:
        if schema is not None:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
                connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        shutil.rmtree(directory, ignore_errors=True)


def postgres_version() -> str:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3) as connection:
            row = connection.execute("SHOW server_version").fetchone()
    except psycopg.Error as error:
        return f"unavailable ({type(error).__name__})"
    return str(row[0]) if row else "unknown"
