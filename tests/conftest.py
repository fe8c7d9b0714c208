"""Fixtures shared by every test: stores (SQLite file and real PostgreSQL) and actors."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.storage.stores import StoreConfig

POSTGRES_URL = os.environ.get(
    "SAMVERKAN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI") == "true"


def postgres_unavailable() -> str | None:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"PostgreSQL at {POSTGRES_URL} is not reachable: {error}"


def skip_or_fail(reason: str) -> None:
    """Tests that need PostgreSQL or Chromium skip locally but fail under CI=true."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this must not be skipped)")
    pytest.skip(reason)


@contextmanager
def fresh_postgres_schema() -> Iterator[str]:
    """A fresh schema in the test database, dropped afterwards: runs never collide."""
    reason = postgres_unavailable()
    if reason:
        skip_or_fail(reason)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def postgres_schema() -> Iterator[str]:
    with fresh_postgres_schema() as schema:
        yield schema


STORES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=STORES)
def module_store_config(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[StoreConfig]:
    """One store per module and kind, for tests that only read a store built once."""
    if request.param == "sqlite":
        yield StoreConfig(data_dir=tmp_path_factory.mktemp("store"))
        return
    with fresh_postgres_schema() as schema:
        yield postgres_config(schema, tmp_path_factory.mktemp("keys"))


def postgres_config(schema: str, data_dir: Path) -> StoreConfig:
    return StoreConfig(data_dir=data_dir, database_url=f"{POSTGRES_URL}?schema={schema}")


@pytest.fixture(params=STORES)
def store_config(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> StoreConfig:
    """The same test against both stores."""
    if request.param == "sqlite":
        return StoreConfig(data_dir=tmp_path_factory.mktemp("store"))
    schema = request.getfixturevalue("postgres_schema")
    return postgres_config(schema, tmp_path_factory.mktemp("keys"))


@pytest.fixture
def app(store_config: StoreConfig) -> Iterator[Samverkan]:
    application = Samverkan(store_config)
    yield application
    application.close()


@pytest.fixture
def actor() -> Actor:
    return Actor(user_id=uuid.uuid4(), organisation_id=uuid.uuid4())


@pytest.fixture(scope="session")
def example_plugin() -> str:
    """The example third-party plugin (tests/plugins/example_plugin), installed through its
    entry point; returns its plugin name."""
    from tests.plugins.install import ensure_example_plugin

    return ensure_example_plugin()


def pytest_configure(config: pytest.Config) -> None:
    """The example plugin is installed for the whole test run (not the venv) before any
    test module imports the CLI, whose plugin commands are found at import time."""
    from tests.plugins.install import ensure_example_plugin

    ensure_example_plugin()
