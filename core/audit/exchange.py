"""`samverkan export` / `samverkan import`: the whole store as a portable, verifiable bundle.

The bundle is JSON lines in canonical form (core/audit/standalone.py checks it): a
header (origin, size, root, public keys), the signed checkpoints with their
cosignatures, then every sequenced event as the store holds it. Free texts are
not in it: they are personal data and stay in the erasable text table.
Import loads a bundle into an empty store only after the whole bundle verified,
sequences as it goes, checks the root at every checkpoint's size and ends with the
bundle's root.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.persistence import StoredEvent

from samverkan.errors import SamverkanError, StoreNotEmpty

from .checkpoints import (
    Checkpoint,
    SigningApp,
    all_checkpoints,
    cosignatures_of,
    sign_checkpoint,
)
from .leaf import LeafFields
from .merkle import leaf_hash, root
from .note import b64, b64decode_strict
from .proofs import public_keys
from .sequencer import catch_up
from .sqlstore import SqlNodeStore, tree_size
from .standalone import EXPORT_TYPE, FORMAT_VERSION, BundleError, canonical, verify_export
from .streams import sequenced_leaves
from .tables import checkpoints, cosignatures, ensure_audit_tables, log_keys, witness_keys

IMPORT_BATCH = 100


class ImportFailed(SamverkanError):
    slug = "import-failed"
    status = 422
    title = "The bundle does not verify"


def export_store(app: SigningApp, out: BinaryIO) -> Checkpoint:
    """Write the bundle up to a checkpoint signed now (or the latest, if nothing is new)."""
    checkpoint = sign_checkpoint(app)
    history = [c for c in all_checkpoints(app) if c.size <= checkpoint.size]
    header = {
        "type": EXPORT_TYPE,
        "version": FORMAT_VERSION,
        "origin": checkpoint.origin,
        "size": checkpoint.size,
        "root_hash": b64(checkpoint.root_hash),
        "public_keys": [
            {k: v for k, v in key.items() if k != "verifier_key"}
            for key in public_keys(app, history)
        ],
    }
    _write(out, header)
    for c in history:
        entry = c.as_dict()
        entry.update(type="checkpoint", cosignatures=cosignatures_of(app, c.size))
        _write(out, entry)
    for position, stored in enumerate(_sequenced_events(app, checkpoint.size)):
        _write(
            out,
            {
                "type": "event",
                "position": position,
                "originator_id": stored.originator_id,
                "originator_version": stored.originator_version,
                "topic": stored.topic,
                "state": b64(stored.state),
            },
        )
    return checkpoint


def _write(out: BinaryIO, entry: dict[str, Any]) -> None:
    out.write((canonical(entry) + "\n").encode("ascii"))


def _sequenced_events(app: SigningApp, size: int) -> Iterator[LeafFields]:
    """The stored events at positions [0, size), checked against their leaves on the way."""
    page: list[Any] = []
    for sequenced in sequenced_leaves(app.sql, size):
        page.append(sequenced)
        if len(page) == 500:
            yield from _fetch(app, page)
            page = []
    yield from _fetch(app, page)


def _fetch(app: SigningApp, page: list[Any]) -> Iterator[LeafFields]:
    if not page:
        return
    first, last = page[0].notification_id, page[-1].notification_id
    found = {
        n.id: n
        for n in app.recorder.select_notifications(start=first, stop=last, limit=last - first + 1)
    }
    for sequenced in page:
        stored = found.get(sequenced.notification_id)
        fields = None if stored is None else LeafFields.of(stored)
        if fields is None or leaf_hash(fields.encode()) != sequenced.leaf_hash:
            raise ImportFailed(
                f"position {sequenced.position} does not verify: run `samverkan audit verify`"
            )
        yield fields


def import_store(app: SigningApp, path: Path) -> tuple[int, bytes]:
    """Load a verified bundle into an empty store; return its (size, root)."""
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        sequenced = tree_size(connection)
    if app.recorder.max_notification_id() is not None or sequenced:
        raise StoreNotEmpty("Import needs an empty store")
    try:
        with path.open("rb") as file:
            outcome = verify_export(file)
    except BundleError as error:
        raise ImportFailed(f"Nothing imported: {error}") from None
    entries = _entries(path)
    header = next(entries)
    heads: dict[int, dict[str, Any]] = {}
    batch: list[StoredEvent] = []
    for entry in entries:
        if entry["type"] == "checkpoint":
            heads[entry["size"]] = entry
            continue
        batch.append(
            StoredEvent(
                originator_id=UUID(entry["originator_id"]),
                originator_version=entry["originator_version"],
                topic=entry["topic"],
                state=b64decode_strict(entry["state"]),
            )
        )
        if len(batch) == IMPORT_BATCH or entry["position"] + 1 in heads:
            _load(app, batch, heads)
            batch = []
    _load(app, batch, heads)
    _keep_signatures(app, header, heads)
    with app.sql.connect() as connection:
        final = root(tree_size(connection), SqlNodeStore(connection))
    if final != outcome.root_hash:
        raise ImportFailed("The imported store's root is not the bundle's")
    return outcome.size, final


def _entries(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as file:
        for line in file:
            yield json.loads(line)


def _load(app: SigningApp, batch: list[StoredEvent], heads: dict[int, dict[str, Any]]) -> None:
    if batch:
        app.recorder.insert_events(batch)
    size = catch_up(app)
    if size in heads:
        with app.sql.connect() as connection:
            here = root(size, SqlNodeStore(connection))
        if b64(here) != heads[size]["root_hash"]:
            raise ImportFailed(f"After {size} events the root is not checkpoint {size}'s")


def _keep_signatures(
    app: SigningApp, header: dict[str, Any], heads: dict[int, dict[str, Any]]
) -> None:
    """Store the bundle's keys, checkpoints and cosignatures (all verified already)."""
    with app.sql.begin() as connection:
        for key in header["public_keys"]:
            if not connection.execute(
                sa.select(log_keys.c.key_id).where(log_keys.c.key_id == key["key_id"])
            ).first():
                connection.execute(
                    log_keys.insert().values(
                        key_id=key["key_id"],
                        name=key["name"],
                        public_key=b64decode_strict(key["public_key"]),
                    )
                )
        for size, entry in sorted(heads.items()):
            connection.execute(
                checkpoints.insert().values(
                    size=size,
                    root_hash=b64decode_strict(entry["root_hash"]),
                    timestamp=entry["timestamp"],
                    origin=entry["origin"],
                    key_id=entry["key_id"],
                    signature=b64decode_strict(entry["signature"]),
                )
            )
            for cosignature in entry["cosignatures"]:
                _keep_cosignature(connection, size, cosignature)


def _keep_cosignature(connection: sa.Connection, size: int, cosignature: dict[str, Any]) -> None:
    known = connection.execute(
        sa.select(witness_keys.c.key_id).where(
            witness_keys.c.organisation_id == cosignature["organisation_id"],
            witness_keys.c.key_id == cosignature["key_id"],
        )
    ).first()
    if known is None:
        connection.execute(
            witness_keys.insert().values(
                organisation_id=cosignature["organisation_id"],
                key_id=cosignature["key_id"],
                name=cosignature["name"],
                public_key=b64decode_strict(cosignature["public_key"]),
            )
        )
    connection.execute(
        cosignatures.insert().values(
            size=size,
            organisation_id=cosignature["organisation_id"],
            key_id=cosignature["key_id"],
            signature=b64decode_strict(cosignature["signature"]),
            recorded_at=cosignature["recorded_at"],
        )
    )
