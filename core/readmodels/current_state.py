"""The current state of every aggregate, kept in SQL so reads of the present never replay.

A projection like any other (a built-in plugin), but generic: it applies each event with the
domain's own mutator to the aggregate's stored state and writes the state back, in the
snapshot format. Reading an aggregate now is then one row, whatever the length of its history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import Tracking

from samverkan.domain.base import Record, kind_of, make_transcoder
from samverkan.domain.registry import event_topics
from samverkan.markers import hookimpl
from samverkan.projections.base import Batch, SqlProjection, chunked

A = TypeVar("A", bound=Record)

metadata = sa.MetaData()

states = sa.Table(
    "current_states",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(30), nullable=False, index=True),
    sa.Column("partnership_id", sa.String(36), nullable=True, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("state", sa.LargeBinary, nullable=False),
    # A partnership's records of one kind (its decisions, say): without both columns in one
    # index SQLite may walk the kind's index, every decision of a national store.
    sa.Index("current_states_partnership_kind", "partnership_id", "kind"),
)


def create_state_tables(engine: sa.Engine) -> None:
    """The table and its indexes, also an index added since the table was made (processes
    starting at once may race to make one: the loser finds it made)."""
    metadata.create_all(engine)
    for index in states.indexes:
        with contextlib.suppress(sa.exc.DBAPIError):
            index.create(engine, checkfirst=True)


transcoder = make_transcoder()


def encode(aggregate: Any) -> bytes:
    """The snapshot format without the snapshot's own timestamp: a rebuild gives equal bytes."""
    snapshot: Any = Snapshot.take(aggregate)
    return transcoder.encode({"topic": snapshot.topic, "state": snapshot.state})


def decode(aggregate_id: str, version: int, data: bytes) -> Any:
    document = transcoder.decode(data)
    snapshot: Any = Snapshot(
        originator_id=UUID(aggregate_id),
        originator_version=version,
        timestamp=document["state"]["_modified_on"],
        topic=document["topic"],
        state=document["state"],
    )
    return snapshot.mutate(None)


class CurrentState(SqlProjection):
    """One row per aggregate: its state after its latest event."""

    name = "current_state"
    metadata = metadata

    def apply(
        self, connection: sa.Connection, domain_event: Any, tracking: Tracking | None = None
    ) -> None:
        self.apply_events(connection, [domain_event])

    def apply_batch(self, connection: sa.Connection, batch: Batch) -> None:
        self.apply_events(connection, [domain_event for domain_event, _ in batch])

    def apply_events(self, connection: sa.Connection, events: Sequence[Any]) -> None:
        """Read the touched rows in one query, apply the events in memory, and write each
        changed aggregate once: new rows in one insert, changed rows in one update."""
        ids = sorted({str(event.originator_id) for event in events})
        stored: dict[str, Any] = {}
        for some in chunked(ids):
            query = sa.select(states.c.id, states.c.version, states.c.state)
            for row in connection.execute(query.where(states.c.id.in_(some))):
                stored[row.id] = row
        changed: dict[str, Any] = {}
        first_at: dict[str, datetime] = {}
        last_at: dict[str, datetime] = {}
        for event in events:
            aggregate_id = str(event.originator_id)
            aggregate = changed.get(aggregate_id)
            if aggregate is None and aggregate_id in stored:
                row = stored[aggregate_id]
                aggregate = decode(aggregate_id, row.version, row.state)
            if aggregate is not None and aggregate.version >= event.originator_version:
                continue  # applied before
            changed[aggregate_id] = event.mutate(aggregate)
            first_at.setdefault(aggregate_id, event.timestamp)
            last_at[aggregate_id] = event.timestamp
        inserts, updates = [], []
        for aggregate_id, aggregate in changed.items():
            values = {
                "version": aggregate.version,
                "updated_at": last_at[aggregate_id],
                "state": encode(aggregate),
            }
            if aggregate_id in stored:
                updates.append({"row_id": aggregate_id, **values})
                continue
            partnership_id = getattr(aggregate, "partnership_id", None)
            inserts.append(
                {
                    "id": aggregate_id,
                    "kind": kind_of(type(aggregate)),
                    "partnership_id": None if partnership_id is None else str(partnership_id),
                    "created_at": first_at[aggregate_id],
                    **values,
                }
            )
        if inserts:
            connection.execute(states.insert(), inserts)
        if updates:
            connection.execute(UPDATE_STATE, updates)


# The SET clause follows the parameters' other keys (version, updated_at, state).
UPDATE_STATE = states.update().where(states.c.id == sa.bindparam("row_id"))


# Every event type of the domain: the projection reads them all (``apply`` handles each).
CurrentState.subscribe(event_topics())


def load_current(engine: sa.Engine, cls: type[A], aggregate_id: UUID) -> A | None:
    """The aggregate as the projection last saw it, or None."""
    found = load_many(engine, cls, [aggregate_id])
    return found[0] if found else None


def load_many(engine: sa.Engine, cls: type[A], ids: Sequence[UUID]) -> list[A]:
    if not ids:
        return []
    with engine.connect() as connection:
        # By primary key only: with the kind in the WHERE clause too, SQLite may walk the
        # kind's index, every organisation of a national store, instead.
        rows = connection.execute(
            sa.select(states.c.id, states.c.kind, states.c.version, states.c.state).where(
                states.c.id.in_([str(i) for i in ids])
            )
        ).all()
    kind = kind_of(cls)
    by_id = {row.id: decode(row.id, row.version, row.state) for row in rows if row.kind == kind}
    return [by_id[str(i)] for i in ids if str(i) in by_id]


def decisions_of(engine: sa.Engine, partnership_id: UUID) -> list[UUID]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(states.c.id).where(
                states.c.kind == "decision", states.c.partnership_id == str(partnership_id)
            )
        ).all()
    return [UUID(row.id) for row in rows]


@hookimpl
def register_projections(service: object) -> Iterable[type[SqlProjection]]:
    return [CurrentState]
