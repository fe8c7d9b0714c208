"""Paged streams over the event store, the sequenced leaves and the stored nodes.

Verification walks all three side by side; each is read a page at a time, so a
verifier's memory does not grow with the log. `StoredHashes` and `AuditRows` read the
same in bulk, through the drivers' own cursors, for the check of a sound store; the
per-item streams locate a difference.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from .leaf import LeafError, LeafFields, leaf_hasher
from .merkle import HASH_SIZE, leaf_hash
from .sequencer import AuditedApp
from .tables import leaves, nodes

T = TypeVar("T")
PAGE = 1000


@dataclass(frozen=True)
class StoredLeaf:
    """An event as the store holds it now, with its recomputed leaf hash."""

    notification_id: int
    leaf_hash: bytes
    originator_id: str
    version: int
    topic: str

    def describe(self) -> str:
        return (
            f"notification {self.notification_id}, {self.topic} "
            f"{self.originator_id} v{self.version}"
        )


@dataclass(frozen=True)
class SequencedLeaf:
    position: int
    notification_id: int
    leaf_hash: bytes


def stored_leaves(app: AuditedApp, page: int = PAGE) -> Iterator[StoredLeaf]:
    """Every stored event in notification order, its leaf recomputed from the stored bytes."""
    start = 1
    while True:
        batch = app.recorder.select_notifications(start=start, limit=page)
        for notification in batch:
            try:
                fields = LeafFields.of(notification)
            except LeafError:  # a row whose types changed: no leaf hash can match it
                yield StoredLeaf(
                    notification.id,
                    b"",
                    str(notification.originator_id),
                    notification.originator_version,
                    str(notification.topic),
                )
                continue
            yield StoredLeaf(
                notification.id,
                leaf_hash(fields.encode()),
                fields.originator_id,
                fields.originator_version,
                fields.topic,
            )
        if len(batch) < page:
            return
        start = batch[-1].id + 1


def sequenced_leaves(engine: sa.Engine, size: int, page: int = PAGE) -> Iterator[SequencedLeaf]:
    """The leaves table in position order, up to `size`."""
    position = 0
    while position < size:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(leaves.c.position, leaves.c.notification_id, leaves.c.leaf_hash)
                .where(leaves.c.position >= position, leaves.c.position < size)
                .order_by(leaves.c.position)
                .limit(page)
            ).all()
        for row in rows:
            yield SequencedLeaf(int(row.position), int(row.notification_id), bytes(row.leaf_hash))
        if len(rows) < page:
            return
        position = int(rows[-1].position) + 1


def level_nodes(engine: sa.Engine, level: int, page: int = PAGE) -> Iterator[tuple[int, bytes]]:
    """(index, hash) of one level's stored nodes in index order."""
    index = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(nodes.c.index, nodes.c.hash)
                .where(nodes.c.level == level, nodes.c.index >= index)
                .order_by(nodes.c.index)
                .limit(page)
            ).all()
        for node_index, node_hash in rows:  # not row.index: that is tuple.index
            yield int(node_index), bytes(node_hash)
        if len(rows) < page:
            return
        index = int(rows[-1][0]) + 1


class Peekable(Generic[T]):
    """An iterator that can look a few items ahead."""

    def __init__(self, items: Iterator[T]) -> None:
        self._items = items
        self._ahead: deque[T] = deque()

    def peek(self, n: int = 0) -> T | None:
        while len(self._ahead) <= n:
            try:
                self._ahead.append(next(self._items))
            except StopIteration:
                return None
        return self._ahead[n]

    def next(self) -> T | None:
        value = self.peek()
        if value is not None:
            self._ahead.popleft()
        return value


class StoredHashes:
    """The stored events' leaf hashes in notification order, read straight off the store.

    The raw rows are read through the event store's own driver connection, many at a time,
    and hashed from their columns (`leaf_hasher`); other recorders are read through
    `select_notifications`.
    """

    def __init__(self, app: AuditedApp, page: int = 4 * PAGE) -> None:
        self.page, self.last_id = page, 0
        self._rows, originator = _row_reader(app.recorder)
        self._hashed = leaf_hasher(originator)

    def next(self, count: int) -> list[bytes]:
        """The leaf hashes of the next `count` stored events (fewer at the end of the store)."""
        hashes: list[bytes] = []
        hashed = self._hashed
        while len(hashes) < count:
            rows = self._rows(self.last_id, min(self.page, count - len(hashes)))
            hashes.extend([hashed(o, v, t, s) for _, o, v, t, s in rows])
            if not rows:
                break
            self.last_id = rows[-1][0]
        return hashes

    def count_rest(self) -> int:
        """How many stored events follow the ones read (counted a page at a time)."""
        total = 0
        while rows := self._rows(self.last_id, self.page):
            total += len(rows)
            self.last_id = rows[-1][0]
        return total


RowReader = Callable[[int, int], Sequence[Sequence[Any]]]
"""(after notification id, limit) -> rows of (id, originator id, version, topic, state)."""
Originator = Callable[[Any], object]
"""A stored originator id as the recorder returns it (the leaf holds its `str`)."""


def _row_reader(recorder: Any) -> tuple[RowReader, Originator]:
    module = type(recorder).__module__
    if module == "eventsourcing.sqlite" and hasattr(recorder, "datastore"):
        return _sqlite_rows(recorder), recorder.convert_originator_id
    if module == "eventsourcing.postgres" and hasattr(recorder, "datastore"):
        return _postgres_rows(recorder), str
    return _notification_rows(recorder), str


def _sqlite_rows(recorder: Any) -> RowReader:
    statement = (
        "SELECT rowid, originator_id, originator_version, topic, state "
        f"FROM {recorder.events_table_name} WHERE rowid > ? ORDER BY rowid LIMIT ?"
    )

    def rows(after: int, limit: int) -> Sequence[Sequence[Any]]:
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (after, limit))
            return list(cursor.fetchall())

    return rows


def _postgres_rows(recorder: Any) -> RowReader:
    from psycopg import sql
    from psycopg.rows import tuple_row  # binary: bytea and integers without text decoding

    statement = sql.SQL(
        "SELECT notification_id, originator_id, originator_version, topic, state "
        "FROM {}.{} WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
    ).format(sql.Identifier(recorder.datastore.schema), sql.Identifier(recorder.events_table_name))

    def rows(after: int, limit: int) -> Sequence[Sequence[Any]]:
        with (
            recorder.datastore.get_connection() as connection,
            connection.cursor(binary=True, row_factory=tuple_row) as cursor,
        ):
            cursor.execute(statement, (after, limit))
            fetched: list[tuple[Any, ...]] = cursor.fetchall()
            return fetched

    return rows


def _notification_rows(recorder: Any) -> RowReader:
    def rows(after: int, limit: int) -> Sequence[Sequence[Any]]:
        return [
            (n.id, n.originator_id, n.originator_version, n.topic, n.state)
            for n in recorder.select_notifications(start=after + 1, limit=limit)
        ]

    return rows


class AuditRows:
    """Sequenced leaves and stored nodes by position range, over one driver connection.

    SQLite hands over rows cheaply; from PostgreSQL (psycopg decodes every value in
    Python) each range comes as one value, its hashes joined in order, with the count,
    first and last key and shortest and longest hash that show it is whole.
    """

    def __init__(self, connection: sa.Connection) -> None:
        driver: Any = connection.connection.dbapi_connection
        self.joined = connection.dialect.name == "postgresql"
        self.cursor = driver.cursor(binary=True) if self.joined else driver.cursor()
        if self.joined:
            self._leaves = _joined_statement(leaves.name, "leaf_hash", "position", "")
            self._nodes = _joined_statement(nodes.name, "hash", '"index"', "level = %s AND ")
            return
        qmark = connection.dialect.paramstyle == "qmark"
        self._leaves = _placeholders(
            f"SELECT position, leaf_hash FROM {leaves.name} "
            "WHERE position >= ? AND position < ? ORDER BY position",
            qmark,
        )
        self._nodes = _placeholders(
            f'SELECT "index", hash FROM {nodes.name} '
            'WHERE level = ? AND "index" >= ? AND "index" < ? ORDER BY "index"',
            qmark,
        )

    def leaf_hashes(self, start: int, end: int) -> list[bytes] | None:
        """The sequenced leaf hashes at positions [start, end); None unless all are there."""
        self.cursor.execute(self._leaves, (start, end))
        return self._hashes(start, end)

    def node_hashes(self, level: int, start: int, end: int) -> list[bytes] | None:
        """The stored hashes of one level's nodes [start, end); None unless all are there."""
        self.cursor.execute(self._nodes, (level, start, end))
        return self._hashes(start, end)

    def _hashes(self, start: int, end: int) -> list[bytes] | None:
        if self.joined:
            row = self.cursor.fetchone()
            return None if row is None else _split(row, start, end)
        return _dense(self.cursor.fetchall(), start, end)


def _placeholders(statement: str, qmark: bool) -> str:
    return statement if qmark else statement.replace("?", "%s")


def _joined_statement(table: str, value: str, key: str, where: str) -> str:
    return (
        f"SELECT count(*), min({key}), max({key}), min(length({value})), "
        f"max(length({value})), string_agg({value}, ''::bytea ORDER BY {key}) "
        f"FROM {table} WHERE {where}{key} >= %s AND {key} < %s"
    )


def _dense(rows: Sequence[Sequence[Any]], start: int, end: int) -> list[bytes] | None:
    """The hashes of rows keyed start, start + 1, ..., end - 1 (ordered, unique keys)."""
    if len(rows) != end - start or (rows and (rows[0][0] != start or rows[-1][0] != end - 1)):
        return None
    return [value for _, value in rows]


def _split(row: Sequence[Any], start: int, end: int) -> list[bytes] | None:
    """The hashes keyed start, ..., end - 1 from a `_joined_statement` row (unique keys)."""
    count, first, last, shortest, longest, joined = row
    if count != end - start:
        return None
    if count == 0:
        return []
    if (first, last, shortest, longest) != (start, end - 1, HASH_SIZE, HASH_SIZE):
        return None
    return [joined[i : i + HASH_SIZE] for i in range(0, len(joined), HASH_SIZE)]
