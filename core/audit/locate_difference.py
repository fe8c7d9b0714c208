"""The second pass of `verify_store`, run only when the bulk check found a difference.

Position by position, in O(log n) memory, it compares the store, the sequenced leaves and
the stored nodes, and names the first difference: an event changed, missing, reordered or
inserted, a wrong or missing node, or a root that does not match a signed size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import sqlalchemy as sa

from .compact import CompactRange
from .merkle import Node
from .sequencer import AuditedApp
from .streams import (
    Peekable,
    SequencedLeaf,
    StoredLeaf,
    level_nodes,
    sequenced_leaves,
    stored_leaves,
)
from .tables import leaves
from .verify_report import Problem, Report

Progress = Callable[[int], None]
Heads = dict[int, list[tuple[str, bytes, str]]]
"""Signed roots by tree size: (kind, root hash, when signed)."""


def walk_positions(
    app: AuditedApp, size: int, heads: Heads, report: Report, progress: Progress | None
) -> None:
    """Compare store, leaves and nodes position by position; check roots at signed sizes."""
    stored = Peekable(stored_leaves(app))
    sequenced = Peekable(sequenced_leaves(app.sql, size))
    nodes = _NodeChecker(app.sql)
    from_store, from_tables = CompactRange(), CompactRange()
    aligned, last_good = True, 0
    for position in range(size):
        ours = sequenced.next()
        if ours is None or ours.position != position:
            report.problems.append(Problem(position, "tree", "no sequenced leaf at this position"))
            return
        theirs = stored.peek() if aligned else None
        if aligned and (theirs is None or theirs.leaf_hash != ours.leaf_hash):
            report.problems.append(_classify(app, position, ours, stored, sequenced))
            aligned = False
        if aligned:
            stored.next()
            from_store.append(ours.leaf_hash)
        problem = nodes.check(from_tables.append(ours.leaf_hash))
        if problem:
            report.problems.append(problem)
        report.stored += 1 if aligned else 0
        for kind, root_hash, when in heads.get(position + 1, []):
            if aligned and from_store.root() != root_hash:
                report.problems.append(
                    Problem(
                        last_good,
                        kind,
                        f"the store's first {position + 1} events do not have the root of the "
                        f"{kind} signed {when}: an event in positions {last_good}..{position} "
                        "was changed, removed, reordered or inserted, and the audit tables "
                        "rewritten to match",
                    )
                )
            elif aligned:
                last_good = position + 1
        if progress is not None:
            progress(1)
    if aligned:
        report.stored += sum(1 for _ in _drain(stored))


def _drain(stream: Peekable[StoredLeaf]) -> Iterator[StoredLeaf]:
    while (item := stream.next()) is not None:
        yield item


def _classify(
    app: AuditedApp,
    position: int,
    ours: SequencedLeaf,
    stored: Peekable[StoredLeaf],
    sequenced: Peekable[SequencedLeaf],
) -> Problem:
    """Name what happened at the first position where the store and the tree differ."""
    here, after = stored.peek(0), stored.peek(1)
    following = sequenced.peek(0)  # the leaf sequenced at position + 1
    if here is None:
        return Problem(
            position,
            "missing",
            f"the event sequenced here (notification {ours.notification_id}) is no longer stored",
        )
    if following is not None and here.leaf_hash == following.leaf_hash:
        if after is not None and after.leaf_hash == ours.leaf_hash:
            return Problem(
                position,
                "reordered",
                f"the events at positions {position} and {position + 1} were swapped "
                f"(now {here.describe()} comes first)",
            )
        return Problem(
            position,
            "missing",
            f"the event sequenced here (notification {ours.notification_id}) is no longer stored",
        )
    if after is not None and after.leaf_hash == ours.leaf_hash:
        return Problem(
            position, "inserted", f"{here.describe()} is stored here but was never sequenced"
        )
    with app.sql.connect() as connection:
        elsewhere = connection.execute(
            sa.select(leaves.c.position).where(leaves.c.leaf_hash == here.leaf_hash)
        ).scalar()
    if elsewhere is not None:
        return Problem(
            position,
            "reordered",
            f"the store holds here the event sequenced at position {elsewhere} ({here.describe()})",
        )
    if here.notification_id < ours.notification_id:
        return Problem(
            position, "inserted", f"{here.describe()} is stored here but was never sequenced"
        )
    if here.notification_id > ours.notification_id:
        return Problem(
            position,
            "missing",
            f"the event sequenced here (notification {ours.notification_id}) is no longer stored",
        )
    return Problem(
        position, "changed", f"the stored bytes of {here.describe()} differ from the sequenced leaf"
    )


class _NodeChecker:
    """Compares the nodes the sequenced leaves give with the stored ones, level by level."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.levels: dict[int, Iterator[tuple[int, bytes]]] = {}
        self.failed = False

    def check(self, expected: list[Node]) -> Problem | None:
        """The first wrong or missing node among `expected` (later ones are not checked)."""
        if self.failed:
            return None
        for level, index, value in expected:
            stream = self.levels.setdefault(level, level_nodes(self.engine, level))
            stored = next(stream, None)
            if stored is None or stored != (index, value):
                self.failed = True
                first_leaf = index << level
                return Problem(
                    first_leaf,
                    "tree",
                    f"the stored node (level {level}, index {index}) is "
                    f"{'missing' if stored is None or stored[0] != index else 'wrong'}",
                )
        return None
