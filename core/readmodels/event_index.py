"""The events index: every stored event with the partnership it is about, in SQL.

A partnership's events are spread over the log among every other partnership's, so its
event list, its audit trail page and each record's history read this table, never the log.
One row per event, keyed by notification id (so the audit position joins in), holding the
event's state in the store's own format. A built-in projection, required by the core.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.application import Application
from eventsourcing.persistence import EventStore, Mapper, StoredEvent, Tracking

from samverkan.domain.base import make_transcoder
from samverkan.domain.registry import event_topics
from samverkan.markers import hookimpl
from samverkan.projections.base import Batch, SqlProjection, chunked, positions, topic_of
from samverkan.storage.log import LoggedEvent, logged_event, partnership_log

metadata = sa.MetaData()

indexed = sa.Table(
    "event_index",
    metadata,
    sa.Column("notification_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("originator_id", sa.String(36), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("partnership_id", sa.String(36), nullable=True),
    sa.Column("type", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("organisation_id", sa.String(36), nullable=True),  # the actor's
    sa.Column("state", sa.LargeBinary, nullable=False),
    sa.Index("event_index_record", "originator_id", "version"),
    sa.Index("event_index_partnership", "partnership_id", "notification_id"),
)

mapper: Mapper[UUID] = Mapper(transcoder=make_transcoder())


class EventIndex(SqlProjection):
    name = "event_index"
    metadata = metadata

    def apply(
        self, connection: sa.Connection, domain_event: Any, tracking: Tracking | None = None
    ) -> None:
        assert tracking is not None, "the index is keyed by notification id"
        stored = mapper.to_stored_event(domain_event)
        self.index(connection, [(domain_event, tracking.notification_id, stored.state)])

    def apply_batch(self, connection: sa.Connection, batch: Batch) -> None:
        # The stored state is the event as the log holds it: no need to encode it again.
        self.index(connection, [(event, n.id, n.state) for event, n in batch])

    def index(self, connection: sa.Connection, events: Sequence[tuple[Any, int, bytes]]) -> None:
        """One insert for all of ``events`` (each: domain event, notification id, state)."""
        partnership_of = self._partnerships(connection, [event for event, _, _ in events])
        rows = []
        for event, notification_id, state in events:
            actor = getattr(event, "actor", None)
            rows.append(
                {
                    "notification_id": notification_id,
                    "originator_id": str(event.originator_id),
                    "version": event.originator_version,
                    "partnership_id": partnership_of.get(str(event.originator_id)),
                    "type": topic_of(event),
                    "at": event.timestamp,
                    "organisation_id": None if actor is None else str(actor.organisation_id),
                    "state": state,
                }
            )
        connection.execute(indexed.insert(), rows)

    @staticmethod
    def _partnerships(connection: sa.Connection, events: Sequence[Any]) -> dict[str, str | None]:
        """The partnership each event's record belongs to: a partnership is its own; other
        records name theirs in their first event (in this batch, or already indexed)."""
        found: dict[str, str | None] = {}
        for event in events:
            record_id = str(event.originator_id)
            if topic_of(event).startswith("partnership."):
                found[record_id] = record_id
            elif event.originator_version == 1:
                partnership_id = getattr(event, "partnership_id", None)
                found[record_id] = None if partnership_id is None else str(partnership_id)
        missing = sorted({str(event.originator_id) for event in events} - found.keys())
        for some in chunked(missing):
            query = sa.select(indexed.c.originator_id, indexed.c.partnership_id).where(
                indexed.c.originator_id.in_(some), indexed.c.version == 1
            )
            found.update(
                (row.originator_id, row.partnership_id) for row in connection.execute(query)
            )
        return found


EventIndex.subscribe(event_topics())


def decode(row: Any) -> Any:
    """The domain event of an index row."""
    return mapper.to_domain_event(
        StoredEvent(
            originator_id=UUID(row.originator_id),
            originator_version=row.version,
            topic=row.type,
            state=row.state,
        )
    )


def logged(row: Any) -> LoggedEvent:
    return logged_event(row.notification_id, decode(row))


def record_history(
    engine: sa.Engine, events: EventStore[UUID], record_id: UUID, upto_version: int
) -> list[Any]:
    """One record's events up to a version, oldest first, as domain events.

    Read from the index; only events it has not reached yet (a write answered in the same
    request, or a worker behind) come from the record's own stream.
    """
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(indexed)
            .where(indexed.c.originator_id == str(record_id), indexed.c.version <= upto_version)
            .order_by(indexed.c.version)
        ).all()
    found = [decode(row) for row in rows]
    if len(found) < upto_version:
        newest = found[-1].originator_version if found else 0
        found.extend(events.get(record_id, gt=newest, lte=upto_version))
    return found


def partnership_events(
    engine: sa.Engine,
    partnership_id: UUID,
    *,
    until: datetime | None = None,
    types: Sequence[str] = (),
    organisation_id: UUID | None = None,
    limit: int | None = None,
) -> list[LoggedEvent]:
    """The partnership's events, oldest first, optionally filtered (for the audit trail)."""
    query = (
        sa.select(indexed)
        .where(indexed.c.partnership_id == str(partnership_id))
        .order_by(indexed.c.notification_id)
    )
    if until is not None:
        query = query.where(indexed.c.at <= until)
    if types:
        query = query.where(indexed.c.type.in_(list(types)))
    if organisation_id is not None:
        query = query.where(indexed.c.organisation_id == str(organisation_id))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as connection:
        return [logged(row) for row in connection.execute(query)]


def partnership_history(
    engine: sa.Engine, app: Application[UUID], partnership_id: UUID
) -> Iterator[LoggedEvent]:
    """Every event of a partnership and its records, oldest first, as the log holds them:
    from the index up to its position, then from the log after it (a store whose index was
    never built is read whole)."""
    up_to = indexed_up_to(engine)
    found = []
    if up_to:
        indexed_events = partnership_events(engine, partnership_id)
        found = [logged for logged in indexed_events if logged.notification_id <= up_to]
    yield from found
    known = {logged.originator_id for logged in found}
    yield from partnership_log(app, partnership_id, after=up_to, known=known)


def indexed_up_to(engine: sa.Engine) -> int:
    """The notification id up to which every event is in the index (0: none)."""
    try:
        with engine.connect() as connection:
            found = connection.execute(
                sa.select(positions.c.position).where(positions.c.name == EventIndex.name)
            ).scalar_one_or_none()
    except sa.exc.DBAPIError:  # no projection has run on this store yet
        return 0
    return int(found or 0)


@hookimpl
def register_projections(service: object) -> Iterable[type[SqlProjection]]:
    return [EventIndex]
