"""Signed tree heads (checkpoints) and partners' cosignatures.

A checkpoint is the C2SP tlog-checkpoint note text of (origin, size, root, timestamp),
signed with the log's Ed25519 key; a partner witnesses it by signing the same text
with its own registered key. Routes and the CLI call these functions and return
their dicts as they are (base64 standard alphabet, padded).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from uuid import UUID

import sqlalchemy as sa

from samverkan.errors import InvalidInput, NotFound
from samverkan.storage.stores import StoreConfig

from .keys import AuditKeyMissing, LogKey, load_key
from .merkle import root
from .note import (
    NoteError,
    b64,
    b64decode_strict,
    check_name,
    checkpoint_text,
    key_id,
    signature_line,
    verify_ed25519,
)
from .sequencer import AuditedApp, catch_up
from .sqlstore import SqlNodeStore, tree_size
from .tables import checkpoints, cosignatures, ensure_audit_tables, log_keys, witness_keys

DEFAULT_INTERVAL = timedelta(hours=1)


class SigningApp(AuditedApp, Protocol):
    @property
    def config(self) -> StoreConfig: ...


@dataclass(frozen=True)
class Checkpoint:
    size: int
    root_hash: bytes
    timestamp: str
    origin: str
    key_id: str
    signature: bytes

    @classmethod
    def from_row(cls, row: Any) -> Checkpoint:
        return cls(
            int(row.size),
            bytes(row.root_hash),
            row.timestamp,
            row.origin,
            row.key_id,
            bytes(row.signature),
        )

    def text(self) -> str:
        """The signed note text (what the log and every witness sign)."""
        return checkpoint_text(self.origin, self.size, self.root_hash, self.timestamp)

    def as_dict(self) -> dict[str, Any]:
        """`GET /audit/checkpoint`: {size, root_hash, timestamp, signature, key_id} (+ origin)."""
        return {
            "size": self.size,
            "root_hash": b64(self.root_hash),
            "timestamp": self.timestamp,
            "signature": b64(self.signature),
            "key_id": self.key_id,
            "origin": self.origin,
        }


def utc_now() -> str:
    """RFC 3339 UTC to the second, as checkpoints carry it."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def register_log_key(app: AuditedApp, key: LogKey) -> None:
    """Remember a public key that signs (or signed) this log's checkpoints."""
    ensure_audit_tables(app.sql)
    with app.sql.begin() as connection:
        known = connection.execute(
            sa.select(log_keys.c.key_id).where(log_keys.c.key_id == key.key_id)
        ).first()
        if known is None:
            connection.execute(
                log_keys.insert().values(
                    key_id=key.key_id, name=key.name, public_key=key.public_key
                )
            )


def sign_checkpoint(app: SigningApp, *, sequence: bool = True) -> Checkpoint:
    """Sign the current tree head (after sequencing what is stored); reuse it if unchanged."""
    if sequence:
        catch_up(app)
    ensure_audit_tables(app.sql)
    key = load_key(app.config)
    register_log_key(app, key)
    with app.sql.connect() as connection:
        size = tree_size(connection)
        head = root(size, SqlNodeStore(connection))
        latest = _latest(connection)
    if latest is not None and latest.size == size and latest.key_id == key.key_id:
        return latest
    stamp = utc_now()
    text = checkpoint_text(key.name, size, head, stamp)
    checkpoint = Checkpoint(size, head, stamp, key.name, key.key_id, key.sign(text.encode()))
    try:
        with app.sql.begin() as connection:
            connection.execute(
                checkpoints.insert().values(
                    size=size,
                    root_hash=head,
                    timestamp=stamp,
                    origin=key.name,
                    key_id=key.key_id,
                    signature=checkpoint.signature,
                )
            )
    except sa.exc.IntegrityError:  # signed at this size by another process
        found = get_checkpoint(app, size)
        assert found is not None
        return found
    return checkpoint


def checkpoint_if_due(app: SigningApp, interval: timedelta | None = None) -> Checkpoint | None:
    """Sign when the log grew and the last checkpoint is older than the interval.

    The interval is SAMVERKAN_CHECKPOINT_INTERVAL seconds (default an hour); workers and
    cron jobs call this as often as they like.
    """
    if interval is None:
        seconds = os.environ.get("SAMVERKAN_CHECKPOINT_INTERVAL")
        interval = timedelta(seconds=float(seconds)) if seconds else DEFAULT_INTERVAL
    size = catch_up(app)
    latest = latest_checkpoint(app)
    if latest is not None:
        signed_at = datetime.fromisoformat(latest.timestamp.replace("Z", "+00:00"))
        if latest.size == size or datetime.now(UTC) - signed_at < interval:
            return None
    return sign_checkpoint(app, sequence=False)


def sign_when_due(app: SigningApp) -> Checkpoint | None:
    """``checkpoint_if_due`` for the service's own loops: a store without a key signs nothing."""
    try:
        return checkpoint_if_due(app)
    except AuditKeyMissing:
        return None


def latest_checkpoint(app: AuditedApp) -> Checkpoint | None:
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        return _latest(connection)


def get_checkpoint(app: AuditedApp, size: int) -> Checkpoint | None:
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        row = connection.execute(sa.select(checkpoints).where(checkpoints.c.size == size)).first()
    return None if row is None else Checkpoint.from_row(row)


def all_checkpoints(app: AuditedApp) -> list[Checkpoint]:
    """Every checkpoint, smallest first (one per interval, so few enough to list)."""
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        rows = connection.execute(sa.select(checkpoints).order_by(checkpoints.c.size)).all()
    return [Checkpoint.from_row(row) for row in rows]


def _latest(connection: sa.Connection) -> Checkpoint | None:
    row = connection.execute(
        sa.select(checkpoints).order_by(checkpoints.c.size.desc()).limit(1)
    ).first()
    return None if row is None else Checkpoint.from_row(row)


def known_log_keys(app: AuditedApp) -> dict[str, tuple[str, bytes]]:
    """key_id -> (name, public key) of every key that signed this log."""
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        rows = connection.execute(sa.select(log_keys)).all()
    return {row.key_id: (row.name, bytes(row.public_key)) for row in rows}


def checkpoint_signature_valid(checkpoint: Checkpoint, keys: dict[str, tuple[str, bytes]]) -> bool:
    """The log's signature verifies with the key its key_id names, under that key's name."""
    if checkpoint.key_id not in keys:
        return False
    name, public_key = keys[checkpoint.key_id]
    if name != checkpoint.origin or key_id(name, public_key).hex() != checkpoint.key_id:
        return False
    return verify_ed25519(public_key, checkpoint.signature, checkpoint.text().encode())


# Witnesses


def register_witness_key(
    app: AuditedApp, organisation_id: UUID, name: str, public_key: bytes
) -> str:
    """Register a partner's Ed25519 key (named as in its notes); return its key ID (hex)."""
    if len(public_key) != 32:
        raise InvalidInput.field("public_key", "must be a 32-byte Ed25519 public key")
    try:
        check_name(name)
    except NoteError as error:
        raise InvalidInput.field("name", str(error)) from None
    hex_id = key_id(name, public_key).hex()
    ensure_audit_tables(app.sql)
    try:
        with app.sql.begin() as connection:
            connection.execute(
                witness_keys.insert().values(
                    organisation_id=str(organisation_id),
                    key_id=hex_id,
                    name=name,
                    public_key=public_key,
                )
            )
    except sa.exc.IntegrityError:
        pass  # registered before: the key ID commits to the same name and key
    return hex_id


def add_cosignature(
    app: AuditedApp, size: int, organisation_id: UUID, key_id_hex: str, signature: str
) -> dict[str, Any]:
    """Record a partner's signature over checkpoint `size` after verifying it."""
    checkpoint = get_checkpoint(app, size)
    if checkpoint is None:
        raise NotFound(f"No checkpoint of size {size}")
    with app.sql.connect() as connection:
        key = connection.execute(
            sa.select(witness_keys).where(
                witness_keys.c.organisation_id == str(organisation_id),
                witness_keys.c.key_id == key_id_hex,
            )
        ).first()
    if key is None:
        raise InvalidInput.field("key_id", "no such key registered for the organisation")
    try:
        raw = b64decode_strict(signature, "signature")
    except NoteError as error:
        raise InvalidInput.field("signature", str(error)) from None
    if not verify_ed25519(bytes(key.public_key), raw, checkpoint.text().encode()):
        raise InvalidInput.field("signature", "does not verify over the checkpoint text")
    row = {
        "size": size,
        "organisation_id": str(organisation_id),
        "key_id": key_id_hex,
        "signature": raw,
        "recorded_at": utc_now(),
    }
    try:
        with app.sql.begin() as connection:
            connection.execute(cosignatures.insert().values(**row))
    except sa.exc.IntegrityError:
        pass  # the same witness signed this checkpoint before; keep the first
    return _cosignature_dict(row, key.name)


def cosignatures_of(app: AuditedApp, size: int) -> list[dict[str, Any]]:
    """A checkpoint's cosignatures with the witness keys' names and public keys."""
    query = (
        sa.select(cosignatures, witness_keys.c.name, witness_keys.c.public_key)
        .join(
            witness_keys,
            sa.and_(
                witness_keys.c.organisation_id == cosignatures.c.organisation_id,
                witness_keys.c.key_id == cosignatures.c.key_id,
            ),
        )
        .where(cosignatures.c.size == size)
        .order_by(cosignatures.c.recorded_at, cosignatures.c.organisation_id)
    )
    with app.sql.connect() as connection:
        rows = connection.execute(query).all()
    return [
        {**_cosignature_dict(row._asdict(), row.name), "public_key": b64(bytes(row.public_key))}
        for row in rows
    ]


def _cosignature_dict(row: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "organisation_id": row["organisation_id"],
        "name": name,
        "key_id": row["key_id"],
        "signature": b64(bytes(row["signature"])),
        "recorded_at": row["recorded_at"],
    }


def checkpoint_listing(app: AuditedApp) -> list[dict[str, Any]]:
    """`GET /audit/checkpoints`: every checkpoint with its cosignatures, newest first."""
    return [
        {**checkpoint.as_dict(), "cosignatures": cosignatures_of(app, checkpoint.size)}
        for checkpoint in reversed(all_checkpoints(app))
    ]


def checkpoint_note(app: AuditedApp, checkpoint: Checkpoint) -> str:
    """`GET /audit/checkpoint.txt`: the signed note, the log's signature first, then witnesses'."""
    lines = [
        signature_line(checkpoint.origin, bytes.fromhex(checkpoint.key_id), checkpoint.signature)
    ]
    for cosignature in cosignatures_of(app, checkpoint.size):
        lines.append(
            signature_line(
                cosignature["name"],
                bytes.fromhex(cosignature["key_id"]),
                b64decode_strict(cosignature["signature"]),
            )
        )
    return checkpoint.text() + "\n" + "".join(lines)
