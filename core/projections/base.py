"""Read models: projections of the log into SQL tables, each with its tracked position.

A projection has eventsourcing's ``Projection`` shape (``topics``, ``process_event(event,
tracking)``, a ``view`` that is a ``TrackingRecorder``). Its rows and its position change in
one SQLAlchemy transaction: the runner (``samverkan.projections.runner``) applies a page of
events at a time, after locking the positions it moves, so of two workers that race for the
same events only one applies them, and events processed again change nothing. Write one
by subclassing ``SqlProjection``:

    class Decisions(SqlProjection):
        name = "decisions"
        metadata = sa.MetaData()
        rows = sa.Table("decisions", metadata, sa.Column("id", sa.String(36), primary_key=True))

        @handles("decision.proposed")
        def proposed(self, connection: sa.Connection, event: Any) -> None:
            connection.execute(self.rows.insert().values(id=str(event.originator_id)))

A projection with costly rows may override ``apply_batch`` to write a page of events in a
few statements (``samverkan.readmodels.current_state`` and ``samverkan.readmodels.event_index`` do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ClassVar, TypeVar

import sqlalchemy as sa
from eventsourcing.persistence import Notification, Tracking, TrackingRecorder
from eventsourcing.projection import Projection
from eventsourcing.utils import get_topic
from sqlalchemy.dialects import postgresql, sqlite

APPLICATION_NAME = "samverkan"

tracking_metadata = sa.MetaData()

positions = sa.Table(
    "projection_positions",
    tracking_metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("position", sa.BigInteger, nullable=False),
    # The event a projection stopped at, and why; cleared when it moves on.
    sa.Column("failed_at", sa.BigInteger, nullable=True),
    sa.Column("error", sa.Text, nullable=True),
)

Handler = Callable[[Any, sa.Connection, Any], None]
H = TypeVar("H", bound=Callable[..., None])
T = TypeVar("T")

# A page of the log as a projection receives it: each domain event with its stored form.
Batch = Sequence[tuple[Any, Notification]]


class EventFailed(Exception):
    """A projection's handler raised on this event (the cause is chained)."""

    def __init__(self, notification_id: int, error: BaseException) -> None:
        self.notification_id = notification_id
        self.error = f"{type(error).__name__}: {error}"
        super().__init__(f"event {notification_id}: {self.error}")


def handles(*topics: str) -> Callable[[H], H]:
    """Mark a method of a projection as the handler of events with these stable topics."""

    def mark(method: H) -> H:
        method.__dict__["handles_topics"] = topics
        return method

    return mark


def dialect_insert(connection: sa.Connection) -> Any:
    """The dialect's insert (it has ``on_conflict_do_nothing``/``_do_update``)."""
    return (postgresql if connection.dialect.name == "postgresql" else sqlite).insert


def advance(connection: sa.Connection, name: str, position: int) -> bool:
    """Move ``name`` to ``position`` unless it is there or beyond; True when it moved.

    One statement (INSERT ... ON CONFLICT DO UPDATE ... WHERE position < new): a second
    worker waits on the row lock, then finds the position taken and changes nothing.
    """
    statement = dialect_insert(connection)(positions).values(name=name, position=position)
    statement = statement.on_conflict_do_update(
        index_elements=[positions.c.name],
        set_={"position": position, "failed_at": None, "error": None},
        where=positions.c.position < position,
    ).returning(positions.c.position)
    # A row comes back only if it was inserted or updated (rowcount is not reliable here).
    return connection.execute(statement).first() is not None


def lock_positions(connection: sa.Connection, names: Iterable[str]) -> dict[str, int]:
    """The positions of ``names``, locked until the transaction ends.

    The first statement writes (a missing row is inserted), which on SQLite takes the
    database's write lock; on PostgreSQL the rows are locked in name order, so two workers
    never wait on each other in a circle.
    """
    ordered = sorted(names)
    statement = dialect_insert(connection)(positions).on_conflict_do_nothing(
        index_elements=[positions.c.name]
    )
    connection.execute(statement, [{"name": name, "position": 0} for name in ordered])
    query = (
        sa.select(positions.c.name, positions.c.position)
        .where(positions.c.name.in_(ordered))
        .order_by(positions.c.name)
    )
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    return {str(name): int(position) for name, position in connection.execute(query)}


def move_positions(connection: sa.Connection, names: Iterable[str], position: int) -> None:
    """Move ``names`` forward to ``position`` (never back), clearing any failure."""
    connection.execute(
        positions.update()
        .where(positions.c.name.in_(list(names)), positions.c.position < position)
        .values(position=position, failed_at=None, error=None)
    )


def chunked(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size`` (SQL ``IN`` lists stay within the drivers' limits)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def reset(connection: sa.Connection, name: str, position: int) -> None:
    """Set the position unconditionally (a rebuild)."""
    statement = dialect_insert(connection)(positions).values(name=name, position=position)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[positions.c.name],
            set_={"position": position, "failed_at": None, "error": None},
        )
    )


def create_tables(engine: sa.Engine, *metadatas: sa.MetaData) -> None:
    """Create missing tables. Several processes starting at once (gunicorn workers) may race
    to create the same table; the loser finds it made on its next try."""
    for attempt in range(3):
        try:
            for metadata in metadatas:
                metadata.create_all(engine)
            return
        except sa.exc.DBAPIError:
            if attempt == 2:
                raise


def start_at(connection: sa.Connection, name: str, position: int) -> None:
    """Give ``name`` a first position; an existing one is left as it is."""
    statement = dialect_insert(connection)(positions).values(name=name, position=position)
    connection.execute(statement.on_conflict_do_nothing(index_elements=[positions.c.name]))


def record_failure(engine: sa.Engine, name: str, notification_id: int, error: str) -> None:
    """Note where and why a projection stopped (its own transaction: the event's rolled back)."""
    with engine.begin() as connection:
        statement = dialect_insert(connection)(positions).values(
            name=name, position=0, failed_at=notification_id, error=error
        )
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[positions.c.name],
                set_={"failed_at": notification_id, "error": error},
            )
        )


class SqlTracking(TrackingRecorder):
    """The view of a SqlProjection: its engine, and its position in the positions table."""

    def __init__(self, engine: sa.Engine, name: str) -> None:
        self.engine = engine
        self.name = name

    def insert_tracking(self, tracking: Tracking) -> None:
        with self.engine.begin() as connection:
            advance(connection, self.name, tracking.notification_id)

    def max_tracking_id(self, application_name: str = APPLICATION_NAME) -> int | None:
        with self.engine.connect() as connection:
            return connection.execute(
                sa.select(positions.c.position).where(positions.c.name == self.name)
            ).scalar_one_or_none()


class SqlProjection(Projection[SqlTracking]):
    """Events with ``topics`` -> rows in the tables of ``metadata``, plus the position.

    Subclasses set ``name`` (stable: it keys the position), ``metadata`` (their tables
    only) and mark handlers with ``@handles(topic, ...)``; ``topics`` follows from them.
    """

    name = ""
    metadata: ClassVar[sa.MetaData] = sa.MetaData()
    handlers: ClassVar[dict[str, Handler]] = {}

    topic_set: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        handlers: dict[str, Handler] = {}
        for klass in reversed(cls.__mro__):
            for attribute in vars(klass).values():
                for topic in getattr(attribute, "handles_topics", ()):
                    handlers[topic] = attribute
        cls.handlers = handlers
        cls.subscribe(handlers)
        if cls.metadata is SqlProjection.metadata:
            raise TypeError(f"{cls.__name__} must declare its own tables: metadata = MetaData()")

    @classmethod
    def subscribe(cls, topics: Iterable[str]) -> None:
        """Set the topics the projection reads (its handlers' unless it says otherwise)."""
        cls.topics = tuple(sorted(topics))
        cls.topic_set = frozenset(cls.topics)

    def __init__(self, view: SqlTracking) -> None:
        super().__init__(view)

    @classmethod
    def for_engine(cls, engine: sa.Engine) -> SqlProjection:
        """The projection on an engine, its tables and the positions table created."""
        create_tables(engine, tracking_metadata, cls.metadata)
        return cls(SqlTracking(engine, cls.name))

    @property
    def position(self) -> int:
        return self.view.max_tracking_id() or 0

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        """Apply one event and move the position, both or neither (see ``apply_tracked``)."""
        self.apply_tracked(domain_event, tracking)

    def apply_tracked(self, domain_event: Any, tracking: Tracking) -> bool:
        """True if this call applied the event; False if it was applied before."""
        with self.view.engine.begin() as connection:
            if not advance(connection, self.name, tracking.notification_id):
                return False
            self.apply(connection, domain_event, tracking)
        return True

    def apply(
        self, connection: sa.Connection, domain_event: Any, tracking: Tracking | None = None
    ) -> None:
        """Run the handler of the event's topic inside the caller's transaction."""
        handler = self.handlers.get(topic_of(domain_event))
        if handler is not None:
            handler(self, connection, domain_event)

    def apply_batch(self, connection: sa.Connection, batch: Batch) -> None:
        """Apply a page of events in order inside the caller's transaction; a failure names
        its event (``EventFailed``). Override to write many rows per statement."""
        for domain_event, notification in batch:
            try:
                self.apply(connection, domain_event, Tracking(APPLICATION_NAME, notification.id))
            except Exception as error:
                raise EventFailed(notification.id, error) from error

    def clear(self, connection: sa.Connection) -> None:
        """Drop and recreate the projection's tables (a rebuild may follow a schema change)."""
        self.metadata.drop_all(connection)
        self.metadata.create_all(connection)


def topic_of(domain_event: Any) -> str:
    """The stable topic of an event (``decision.signed_off``), as stored in the log."""
    return get_topic(type(domain_event))
