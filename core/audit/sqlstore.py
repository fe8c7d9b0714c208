"""The Merkle NodeStore on the audit_nodes table (merkle.NodeStore protocol)."""

from __future__ import annotations

import sqlalchemy as sa

from .merkle import Node
from .tables import leaves, nodes, sequencer


class SqlNodeStore:
    """Reads and writes perfect-subtree hashes through one connection (one snapshot)."""

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    def get(self, level: int, index: int) -> bytes:
        """The stored hash; KeyError if the subtree is not complete yet."""
        value = self.connection.execute(
            sa.select(nodes.c.hash).where(nodes.c.level == level, nodes.c.index == index)
        ).scalar()
        if value is None:
            raise KeyError(f"no Merkle node at level {level}, index {index}")
        return bytes(value)

    def put(self, new_nodes: list[Node]) -> None:
        """Insert nodes; an existing (level, index) is an IntegrityError, never overwritten."""
        if new_nodes:
            self.connection.execute(
                nodes.insert(), [{"level": lv, "index": ix, "hash": h} for lv, ix, h in new_nodes]
            )


def tree_size(connection: sa.Connection) -> int:
    """How many events are sequenced (the size of the tree the nodes describe)."""
    size = connection.execute(
        sa.select(sequencer.c.size).where(sequencer.c.name == "main")
    ).scalar()
    return int(size or 0)


def position_of(connection: sa.Connection, notification_id: int) -> int | None:
    """The position of a stored event, None while it is not sequenced."""
    value = connection.execute(
        sa.select(leaves.c.position).where(leaves.c.notification_id == notification_id)
    ).scalar()
    return None if value is None else int(value)


def notification_at(connection: sa.Connection, position: int) -> int | None:
    """The notification id sequenced at a position (None beyond the tree)."""
    value = connection.execute(
        sa.select(leaves.c.notification_id).where(leaves.c.position == position)
    ).scalar()
    return None if value is None else int(value)
