"""The audit tree's SQL tables, on the application's SQLAlchemy engine (`app.sql`).

They hold only what can be recomputed from the event store (leaves, nodes) or
what was signed over it (checkpoints, cosignatures, the keys that signed), so
`samverkan audit verify` can check every row against the store.
"""

from __future__ import annotations

import threading
import weakref

import sqlalchemy as sa

from samverkan.storage.migrations import upgrade

audit_metadata = sa.MetaData()

leaves = sa.Table(
    "audit_leaves",
    audit_metadata,
    sa.Column("position", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("notification_id", sa.BigInteger, nullable=False, unique=True),
    sa.Column("leaf_hash", sa.LargeBinary(32), nullable=False, index=True),
)
"""One row per sequenced event: its dense 0-based position and where the store keeps it."""

nodes = sa.Table(
    "audit_nodes",
    audit_metadata,
    sa.Column("level", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("index", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("hash", sa.LargeBinary(32), nullable=False),
)
"""Perfect subtrees (level, index): the hash of 2**level leaves from index * 2**level."""

sequencer = sa.Table(
    "audit_sequencer",
    audit_metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("notification_id", sa.BigInteger, nullable=False),
)
"""The tree size and the last notification id sequenced (one row, name 'main')."""

log_keys = sa.Table(
    "audit_log_keys",
    audit_metadata,
    sa.Column("key_id", sa.String(8), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("public_key", sa.LargeBinary(32), nullable=False),
)
"""Public keys that signed this log's checkpoints (the current one, earlier or imported ones)."""

checkpoints = sa.Table(
    "audit_checkpoints",
    audit_metadata,
    sa.Column("size", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("root_hash", sa.LargeBinary(32), nullable=False),
    sa.Column("timestamp", sa.String(40), nullable=False),
    sa.Column("origin", sa.String(200), nullable=False),
    sa.Column("key_id", sa.String(8), nullable=False),
    sa.Column("signature", sa.LargeBinary(64), nullable=False),
)
"""Signed tree heads; the signature is over the checkpoint note text (core/audit/note.py)."""

witness_keys = sa.Table(
    "audit_witness_keys",
    audit_metadata,
    sa.Column("organisation_id", sa.String(36), primary_key=True),
    sa.Column("key_id", sa.String(8), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("public_key", sa.LargeBinary(32), nullable=False),
)
"""Partner organisations' Ed25519 keys, registered before they cosign."""

cosignatures = sa.Table(
    "audit_cosignatures",
    audit_metadata,
    sa.Column("size", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("organisation_id", sa.String(36), primary_key=True),
    sa.Column("key_id", sa.String(8), primary_key=True),
    sa.Column("signature", sa.LargeBinary(64), nullable=False),
    sa.Column("recorded_at", sa.String(40), nullable=False),
)
"""A partner's signature over the same checkpoint note text (a witness)."""

_ready: weakref.WeakSet[sa.Engine] = weakref.WeakSet()
_lock = threading.Lock()


def ensure_audit_tables(engine: sa.Engine) -> None:
    """Create the audit tables and the sequencer row once per engine (idempotent).

    `samverkan init` runs this before anything else; later calls are a set lookup.
    Processes that still race to create the tables retry: the loser finds them made.
    """
    if engine in _ready:
        return
    with _lock:
        upgrade(engine)  # the tables are made by the migrations (core/storage/migrations)
        with engine.connect() as connection:
            present = connection.execute(
                sa.select(sequencer.c.name).where(sequencer.c.name == "main")
            ).first()
        if present is None:
            try:
                with engine.begin() as connection:
                    connection.execute(
                        sequencer.insert().values(name="main", size=0, notification_id=0)
                    )
            except sa.exc.IntegrityError:
                pass  # another process made it first
        _ready.add(engine)
