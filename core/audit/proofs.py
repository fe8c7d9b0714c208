"""Inclusion and consistency proofs from the SQL tree, and the partnership bundle.

Each function returns the dict `/api/v1/audit/...` serves (docs/audit.md), so a route
only checks who may see what and returns the result. Proofs read O(log² n) nodes in
one connection (one snapshot of the tree).
"""

from __future__ import annotations

import itertools
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.application import Application

from samverkan.errors import InvalidInput, NotFound
from samverkan.readmodels.event_index import partnership_history
from samverkan.storage.log import LoggedEvent, read_log

from .checkpoints import Checkpoint, all_checkpoints, known_log_keys, latest_checkpoint
from .leaf import LeafFields
from .merkle import consistency_proof, inclusion_proof
from .note import b64, verifier_key
from .sequencer import AuditedApp
from .sqlstore import SqlNodeStore, notification_at, position_of, tree_size
from .tables import ensure_audit_tables, leaves

BUNDLE_TYPE = "samverkan-partnership-bundle"
BUNDLE_VERSION = 1


def stored_leaf(app: AuditedApp, notification_id: int) -> bytes:
    """The leaf bytes of the event the store keeps under a notification id."""
    found = app.recorder.select_notifications(start=notification_id, limit=1)
    if not found or found[0].id != notification_id:
        raise NotFound(
            f"The stored event {notification_id} is missing: run `samverkan audit verify`"
        )
    return LeafFields.of(found[0]).encode()


def inclusion(app: AuditedApp, position: int, size: int | None = None) -> dict[str, Any]:
    """`{leaf, leaf_index, tree_size, audit_path}`; size defaults to the latest checkpoint's."""
    if size is None:
        latest = latest_checkpoint(app)
        if latest is None:
            raise NotFound("No checkpoint has been signed yet")
        size = latest.size
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        if size > tree_size(connection):
            raise InvalidInput.field("size", f"the tree has only {tree_size(connection)} leaves")
        if not 0 <= position < size:
            raise InvalidInput.field("position", f"must be at least 0 and less than size {size}")
        notification_id = notification_at(connection, position)
        path = inclusion_proof(position, size, SqlNodeStore(connection))
    if notification_id is None:
        raise NotFound(
            f"No event is sequenced at position {position}: run `samverkan audit verify`"
        )
    return {
        "leaf": b64(stored_leaf(app, notification_id)),
        "leaf_index": position,
        "tree_size": size,
        "audit_path": [b64(node) for node in path],
    }


def event_at(app: Application[UUID], position: int) -> LoggedEvent:
    """The event at a position, decoded, so a route can check the caller may see it."""
    audited: Any = app
    ensure_audit_tables(audited.sql)
    with audited.sql.connect() as connection:
        notification_id = notification_at(connection, position)
    if notification_id is not None:
        for logged in read_log(app, after=notification_id - 1):
            if logged.notification_id == notification_id:
                return logged
            break
    raise NotFound(f"No event at position {position}")


def positions_of(app: AuditedApp, notification_ids: list[int]) -> dict[int, int]:
    """notification id -> position, for event lists (events not yet sequenced are left out)."""
    if not notification_ids:
        return {}
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        rows = connection.execute(
            sa.select(leaves.c.notification_id, leaves.c.position).where(
                leaves.c.notification_id.in_(notification_ids)
            )
        ).all()
    return {int(row.notification_id): int(row.position) for row in rows}


def consistency(app: AuditedApp, first: int, second: int) -> dict[str, Any]:
    """`{first, second, proof}`: the tree of size `second` extends that of size `first`."""
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        size = tree_size(connection)
        if not 0 < first <= second:
            raise InvalidInput.field("first", "need 0 < first <= second")
        if second > size:
            raise InvalidInput.field("second", f"the tree has only {size} leaves")
        proof = consistency_proof(first, second, SqlNodeStore(connection))
    return {"first": first, "second": second, "proof": [b64(node) for node in proof]}


def partnership_bundle(app: Application[UUID], partnership_id: UUID) -> dict[str, Any]:
    """Everything a partner needs to check a partnership's record offline.

    Its events (just that partnership's, from `partnership_history`) with leaves
    and inclusion proofs against the latest signed checkpoint, every earlier checkpoint
    with the consistency proof to the next one, and the public keys. Events recorded
    after that checkpoint are not in it (`pending` counts them).
    """
    audited: Any = app
    checkpoint = latest_checkpoint(audited)
    if checkpoint is None:
        raise NotFound("No checkpoint has been signed yet")
    events, pending = [], 0
    for logged in partnership_history(audited.sql, audited, partnership_id):
        with audited.sql.connect() as connection:
            position = position_of(connection, logged.notification_id)
            path = None
            if position is not None and position < checkpoint.size:
                path = inclusion_proof(position, checkpoint.size, SqlNodeStore(connection))
        if position is None or path is None:
            pending += 1
            continue
        events.append(
            {
                "position": position,
                "originator_id": str(logged.originator_id),
                "version": logged.version,
                "type": logged.type,
                "leaf": b64(stored_leaf(audited, logged.notification_id)),
                "leaf_index": position,
                "tree_size": checkpoint.size,
                "audit_path": [b64(node) for node in path],
            }
        )
    if not events and not pending:
        raise NotFound(f"No partnership {partnership_id}")
    history = [c for c in all_checkpoints(audited) if c.size <= checkpoint.size]
    return {
        "type": BUNDLE_TYPE,
        "version": BUNDLE_VERSION,
        "partnership_id": str(partnership_id),
        "checkpoint": checkpoint.as_dict(),
        "checkpoints": [c.as_dict() for c in history],
        "consistency": _chain(audited, history),
        "public_keys": public_keys(audited, history),
        "events": events,
        "pending": pending,
    }


def public_keys(app: AuditedApp, history: list[Checkpoint]) -> list[dict[str, str]]:
    """The public keys that signed the given checkpoints."""
    keys = known_log_keys(app)
    used = sorted({c.key_id for c in history if c.key_id in keys})
    return [
        {
            "name": keys[k][0],
            "key_id": k,
            "public_key": b64(keys[k][1]),
            "verifier_key": verifier_key(*keys[k]),
        }
        for k in used
    ]


def _chain(app: AuditedApp, history: list[Checkpoint]) -> list[dict[str, Any]]:
    """Consistency proofs between each checkpoint and the next (none from size 0)."""
    proofs = []
    for older, newer in itertools.pairwise(history):
        if older.size > 0:
            proofs.append(consistency(app, older.size, newer.size))
    return proofs
