"""Paged streams over the event store, the sequenced leaves and the stored nodes.

Verification walks all three side by side; each is read a page at a time, so a
verifier's memory does not grow with the log.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import sqlalchemy as sa

from .leaf import LeafError, LeafFields
from .merkle import leaf_hash
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
