"""The sequencer: gives each stored event its dense position and grows the tree.

It follows the event store in notification order (PostgreSQL ids have gaps; positions
do not) a page at a time, so memory stays flat however long the log. Each page is
one transaction: the conditional update of the sequencer's size comes first, so of
two sequencers racing for the same page one updates and the other, finding the size
moved, writes nothing and re-reads. Call `catch_up(app)` after each command
(embedded) or from a worker loop; it is cheap when there is nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import sqlalchemy as sa

from .leaf import LeafFields, StoredLike
from .merkle import Node, append_nodes, leaf_hash
from .sqlstore import SqlNodeStore
from .tables import ensure_audit_tables, leaves, sequencer

PAGE = 500


class NotificationLike(StoredLike, Protocol):
    @property
    def id(self) -> int: ...


class AuditedApp(Protocol):
    """What the audit needs of the application: its recorder and its SQL engine."""

    @property
    def recorder(self) -> Any: ...
    @property
    def sql(self) -> sa.Engine: ...


def catch_up(app: AuditedApp, *, page: int = PAGE) -> int:
    """Sequence every stored event not yet in the tree; return the tree size."""
    ensure_audit_tables(app.sql)
    while True:
        with app.sql.connect() as connection:
            size, last = connection.execute(
                sa.select(sequencer.c.size, sequencer.c.notification_id).where(
                    sequencer.c.name == "main"
                )
            ).one()
        notifications = app.recorder.select_notifications(start=last + 1, limit=page)
        if not notifications:
            return int(size)
        if _append(app.sql, int(size), notifications) and len(notifications) < page:
            return int(size) + len(notifications)


def _append(engine: sa.Engine, size: int, notifications: Sequence[NotificationLike]) -> bool:
    """Sequence one page at positions size, size+1, ...; False if another sequencer won."""
    try:
        with engine.begin() as connection:
            moved = connection.execute(
                sequencer.update()
                .where(sequencer.c.name == "main", sequencer.c.size == size)
                .values(size=size + len(notifications), notification_id=notifications[-1].id)
            )
            if moved.rowcount != 1:
                connection.rollback()
                return False
            store = SqlNodeStore(connection)
            fresh: dict[tuple[int, int], bytes] = {}

            def get(level: int, index: int) -> bytes:
                return fresh.get((level, index)) or store.get(level, index)

            new_leaves: list[dict[str, Any]] = []
            new_nodes: list[Node] = []
            for offset, notification in enumerate(notifications):
                value = leaf_hash(LeafFields.of(notification).encode())
                added = append_nodes(size + offset, value, get)
                fresh.update(((lv, ix), h) for lv, ix, h in added)
                new_nodes.extend(added)
                new_leaves.append(
                    {
                        "position": size + offset,
                        "notification_id": notification.id,
                        "leaf_hash": value,
                    }
                )
            connection.execute(leaves.insert(), new_leaves)
            store.put(new_nodes)
    except sa.exc.IntegrityError:
        return False  # the same positions were written by another sequencer
    return True
