"""Plugins' failures in SQL: one row per plugin and hook, upserted by whichever process saw it.

Several gunicorn workers, projection workers and the CLI share one store, so a failure any of
them records is seen by all of them (``/-/plugins``, ``/readyz``, ``samverkan plugins``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from samverkan.storage.tables import plugin_failures

MAX_ERROR = 2000  # characters of an error message kept


@dataclass
class PluginFailure:
    """The last error of one plugin in one hook, when it was first and last seen, how often."""

    plugin: str
    hook: str
    error: str
    count: int = 1
    first_seen: datetime | None = None
    last_seen: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "plugin": self.plugin,
            "hook": self.hook,
            "error": self.error,
            "count": self.count,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
        }


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite gives back naive datetimes; they were written in UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def record_failure(engine: sa.Engine, plugin: str, hook: str, error: str, count: int = 1) -> None:
    """Add ``count`` occurrences to the plugin's row for ``hook`` (made on the first)."""
    now = datetime.now(UTC)
    values = {
        "plugin": plugin[:200],
        "hook": hook[:200],
        "error": error[:MAX_ERROR],
        "first_seen": now,
        "last_seen": now,
        "count": count,
    }
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(plugin_failures).values(**values)
    upsert = insert.on_conflict_do_update(
        index_elements=[plugin_failures.c.plugin, plugin_failures.c.hook],
        set_={
            "error": insert.excluded.error,
            "last_seen": insert.excluded.last_seen,
            "count": plugin_failures.c.count + insert.excluded.count,
        },
    )
    with engine.begin() as connection:
        connection.execute(upsert)


def read_failures(engine: sa.Engine) -> list[PluginFailure]:
    """Every recorded failure, by plugin and hook."""
    query = sa.select(plugin_failures).order_by(plugin_failures.c.plugin, plugin_failures.c.hook)
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [
        PluginFailure(
            row["plugin"],
            row["hook"],
            row["error"],
            int(row["count"]),  # not row.count: a Row's tuple method
            row["first_seen"],
            row["last_seen"],
        )
        for row in rows
    ]


def clear_failures(engine: sa.Engine, plugin: str | None = None) -> int:
    """Forget the failures of ``plugin`` (None: of every plugin); how many rows went."""
    delete = plugin_failures.delete()
    if plugin is not None:
        delete = delete.where(plugin_failures.c.plugin == plugin)
    with engine.begin() as connection:
        return connection.execute(delete).rowcount
