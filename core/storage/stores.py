"""Which store to use: a SQLite directory by default, PostgreSQL when a URL is given.

Events go to eventsourcing's own recorders (``eventsourcing.sqlite`` / ``eventsourcing.postgres``:
about twice as fast as eventsourcing-sqlalchemy, which adds events one at a time). Texts,
accounts, read models and the audit tree are ordinary SQL tables, reached through SQLAlchemy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import sqlalchemy as sa
from sqlalchemy import event as sa_event

DEFAULT_DATA_DIR = "instance"


@dataclass(frozen=True)
class StoreConfig:
    """Where the event store and the SQL tables live."""

    data_dir: Path
    database_url: str | None = None

    @classmethod
    def from_environment(cls, data_dir: str | None = None) -> StoreConfig:
        """``--data-dir`` wins, then SAMVERKAN_DATA_DIR; SAMVERKAN_DATABASE_URL picks PostgreSQL."""
        url = os.environ.get("SAMVERKAN_DATABASE_URL") or None
        directory = data_dir or os.environ.get("SAMVERKAN_DATA_DIR") or DEFAULT_DATA_DIR
        return cls(data_dir=Path(directory), database_url=url)

    @property
    def is_postgres(self) -> bool:
        return self.database_url is not None

    @property
    def description(self) -> str:
        if self.database_url:
            parts = urlsplit(self.database_url)
            return f"PostgreSQL {parts.hostname}:{parts.port or 5432}{parts.path}"
        return f"SQLite in {self.data_dir}"

    def _postgres_parts(self) -> dict[str, str]:
        assert self.database_url
        parts = urlsplit(self.database_url)
        if parts.scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
            raise ValueError(f"SAMVERKAN_DATABASE_URL must be postgresql://…, not {parts.scheme}")
        query = parse_qs(parts.query)
        return {
            "host": parts.hostname or "127.0.0.1",
            "port": str(parts.port or 5432),
            "user": unquote(parts.username or "postgres"),
            "password": unquote(parts.password or ""),
            "dbname": parts.path.lstrip("/") or "postgres",
            "schema": query.get("schema", [""])[0],
        }

    def event_store_env(self, *, create_tables: bool = True) -> dict[str, str]:
        """The environment eventsourcing's Application reads its recorder settings from."""
        create = "y" if create_tables else "n"
        # Recently used aggregates stay in memory and are fast-forwarded from the store on
        # each read (other processes may have written since), instead of rebuilt each time.
        cache = {"AGGREGATE_CACHE_MAXSIZE": "1000", "AGGREGATE_CACHE_FASTFORWARD": "y"}
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.data_dir / "events.sqlite"),
                "SQLITE_LOCK_TIMEOUT": "10",
                "CREATE_TABLE": create,
                **cache,
            }
        pg = self._postgres_parts()
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": pg["dbname"],
            "POSTGRES_HOST": pg["host"],
            "POSTGRES_PORT": pg["port"],
            "POSTGRES_USER": pg["user"],
            "POSTGRES_PASSWORD": pg["password"],
            "POSTGRES_LOCK_TIMEOUT": "5",
            "POSTGRES_POOL_SIZE": "5",
            "POSTGRES_MAX_OVERFLOW": "10",
            "CREATE_TABLE": create,
            **cache,
        }
        if pg["schema"]:
            env["POSTGRES_SCHEMA"] = pg["schema"]
        return env

    def sql_engine(self) -> sa.Engine:
        """The SQLAlchemy engine of texts, accounts, read models and the audit tree."""
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            engine = sa.create_engine(
                f"sqlite:///{self.data_dir / 'records.sqlite'}",
                connect_args={"timeout": 30},
            )
            sa_event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        pg = self._postgres_parts()
        url = sa.URL.create(
            "postgresql+psycopg",
            username=pg["user"],
            password=pg["password"] or None,
            host=pg["host"],
            port=int(pg["port"]),
            database=pg["dbname"],
        )
        connect_args = {"options": f"-c search_path={pg['schema']}"} if pg["schema"] else {}
        return sa.create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
