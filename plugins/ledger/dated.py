"""Dated event rows: the views' way to answer "as of any recording time" from SQL.

A view keeps one row per event it reads (record id, version, partnership, recording time,
topic and the few fields it needs, as JSON without free text) and folds the rows up to a
cut-off when it is asked. Rebuilding the rows from the log gives the same answers.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.plugins.ledger.common import utc
from samverkan.projections.base import Batch, SqlProjection, topic_of


def dated_table(name: str, metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("partnership_id", sa.String(36), nullable=False, index=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("topic", sa.String(60), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )


def plain(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)  # dates, decimals


def keep(
    connection: sa.Connection,
    table: sa.Table,
    event: Any,
    partnership_id: str | None = None,
    **data: Any,
) -> None:
    """Store the event as a dated row; ``partnership_id`` defaults to the record's first row's."""
    record_id = str(event.originator_id)
    held: HeldRows | None = connection.info.get(HeldRows.KEY)
    if partnership_id is None:
        partnership_id = _partnership_of(connection, table, record_id, held)
        if partnership_id is None:
            return  # a record this view does not follow
    row = {
        "record_id": record_id,
        "version": event.originator_version,
        "partnership_id": partnership_id,
        "recorded_at": event.timestamp,
        "topic": topic_of(event),
        "data": json.dumps(plain(data), sort_keys=True),
    }
    if held is None:
        connection.execute(_statements(table)[1], row)
        return
    held.rows.setdefault(table, []).append(row)
    held.partnerships.setdefault((table.name, record_id), partnership_id)


def _partnership_of(
    connection: sa.Connection, table: sa.Table, record_id: str, held: HeldRows | None
) -> str | None:
    key = (table.name, record_id)
    if held is not None and key in held.partnerships:
        return held.partnerships[key]
    first_row = _statements(table)[0]
    found: str | None = connection.execute(first_row, {"row_id": record_id}).scalar_one_or_none()
    if held is not None:
        held.partnerships[key] = found
    return found


class HeldRows:
    """A batch's dated rows, kept back until the batch is applied: one insert per table."""

    KEY = "samverkan.dated.held_rows"  # in ``connection.info`` while a batch is applied

    def __init__(self) -> None:
        self.rows: dict[sa.Table, list[dict[str, Any]]] = {}
        self.partnerships: dict[tuple[str, str], str | None] = {}


class DatedProjection(SqlProjection):
    """A projection that keeps dated rows (``keep``); a batch of events is written in one
    insert per table. Subclasses declare their tables in their own ``metadata``."""

    metadata = sa.MetaData()

    def apply_batch(self, connection: sa.Connection, batch: Batch) -> None:
        held = connection.info[HeldRows.KEY] = HeldRows()
        try:
            super().apply_batch(connection, batch)
        finally:
            del connection.info[HeldRows.KEY]
        for table, rows in held.rows.items():
            connection.execute(_statements(table)[1], rows)


@functools.cache
def _statements(table: sa.Table) -> tuple[sa.Select[Any], sa.Insert]:
    """A table's two statements, built once: SQLAlchemy then skips compiling them again."""
    first_row = (
        sa.select(table.c.partnership_id)
        .where(table.c.record_id == sa.bindparam("row_id"))
        .limit(1)
    )
    return first_row, table.insert()


@dataclass(frozen=True)
class Dated:
    record_id: str
    version: int
    recorded_at: datetime
    topic: str
    data: dict[str, Any]


def rows_of(
    engine: sa.Engine, table: sa.Table, partnership_id: UUID | str, cutoff: datetime | None
) -> list[Dated]:
    """A partnership's rows recorded up to ``cutoff`` (None: all), in recording order."""
    query = (
        sa.select(table)
        .where(table.c.partnership_id == str(partnership_id))
        .order_by(table.c.recorded_at, table.c.record_id, table.c.version)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    limit = None if cutoff is None else utc(cutoff)
    return [
        Dated(row.record_id, row.version, utc(row.recorded_at), row.topic, json.loads(row.data))
        for row in rows
        if limit is None or utc(row.recorded_at) <= limit
    ]
