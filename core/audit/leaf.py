"""The audit leaf: the canonical bytes hashed for one stored event (stdlib only).

The leaf holds exactly what the event store keeps for the event, so a change to
any stored byte changes the leaf hash. The notification id is left out on
purpose: it is where the store put the event, not part of the event, and it
differs between stores (PostgreSQL leaves gaps), so an exported and re-imported
log keeps its root. The layout, all integers big-endian::

    0x01                                  layout version
    u16 length || originator id           UTF-8, the UUID as text (36 bytes)
    u64 originator version
    u16 length || topic                   UTF-8, the stable event name
    u32 length || state                   the stored state bytes, unchanged

The offline verifier (`samverkan-verify`) imports this module, so it keeps to
the standard library.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

__all__ = [
    "LEAF_VERSION",
    "LeafError",
    "LeafFields",
    "StoredLike",
    "decode_leaf",
    "encode_leaf",
    "leaf_hasher",
]

LEAF_VERSION = 1
_U16, _U32, _U64 = struct.Struct(">H"), struct.Struct(">I"), struct.Struct(">Q")
_HASHED_PREFIX = bytes((0, LEAF_VERSION))  # RFC 6962's leaf prefix, then the layout version


class LeafError(ValueError):
    """Bytes that are not a well-formed leaf, or fields that cannot be one."""


class StoredLike(Protocol):
    """What eventsourcing's StoredEvent and Notification both carry."""

    @property
    def originator_id(self) -> UUID | str: ...
    @property
    def originator_version(self) -> int: ...
    @property
    def topic(self) -> str: ...
    @property
    def state(self) -> bytes: ...


@dataclass(frozen=True)
class LeafFields:
    originator_id: str
    originator_version: int
    topic: str
    state: bytes

    @classmethod
    def of(cls, stored: StoredLike) -> LeafFields:
        """The fields of a stored event as the recorder returns it.

        LeafError if the row no longer has the stored types (say, text written over the
        state bytes): no leaf can stand for it, so it never verifies.
        """
        state: object = stored.state
        if not isinstance(state, (bytes, bytearray, memoryview)):
            raise LeafError(f"the stored state is {type(state).__name__}, not bytes")
        if not isinstance(stored.topic, str) or not isinstance(stored.originator_version, int):
            raise LeafError("the stored topic or version has the wrong type")
        return cls(str(stored.originator_id), stored.originator_version, stored.topic, bytes(state))

    def encode(self) -> bytes:
        return encode_leaf(self.originator_id, self.originator_version, self.topic, self.state)


def encode_leaf(originator_id: str, originator_version: int, topic: str, state: bytes) -> bytes:
    """The leaf bytes of one stored event (layout in the module docstring)."""
    oid, name = originator_id.encode("utf-8"), topic.encode("utf-8")
    if len(oid) > 0xFFFF or len(name) > 0xFFFF or len(state) > 0xFFFFFFFF:
        raise LeafError("originator id, topic or state too long for a leaf")
    if not 0 <= originator_version < 1 << 64:
        raise LeafError(f"originator version out of range: {originator_version}")
    return b"".join(
        (
            bytes([LEAF_VERSION]),
            _U16.pack(len(oid)),
            oid,
            _U64.pack(originator_version),
            _U16.pack(len(name)),
            name,
            _U32.pack(len(state)),
            state,
        )
    )


RowHasher = Callable[[Any, Any, Any, Any], bytes]


def leaf_hasher(originator: Callable[[Any], object] = str, most: int = 100_000) -> RowHasher:
    """A function giving the RFC 6962 leaf hash of a stored row straight from its columns
    (originator id as stored, version, topic, state): `leaf_hash(encode_leaf(...))` with
    the originator id read as `str(originator(raw))`, without building the leaf.

    b"" (which matches no leaf hash) for columns without the stored types or that cannot
    form a leaf. Each originator's and topic's leaf bytes are worked out once (an
    aggregate's events share them; at most `most` of each are kept).
    """
    heads: dict[Any, bytes | None] = {}
    names: dict[Any, bytes | None] = {}
    sha256, version_bytes, length_bytes = hashlib.sha256, _U64.pack, _U32.pack

    def head(raw: Any) -> bytes | None:
        oid = str(originator(raw)).encode("utf-8")
        found = None if len(oid) > 0xFFFF else _HASHED_PREFIX + _U16.pack(len(oid)) + oid
        if type(raw) in (str, UUID):  # kept only where equal keys mean equal text
            if len(heads) >= most:
                heads.clear()
            heads[raw] = found
        return found

    def name(topic: Any) -> bytes | None:
        if type(topic) is not str:
            return None
        encoded = topic.encode("utf-8")
        if len(names) >= most:
            names.clear()
        names[topic] = None if len(encoded) > 0xFFFF else _U16.pack(len(encoded)) + encoded
        return names[topic]

    def hashed(originator_id: Any, originator_version: Any, topic: Any, state: Any) -> bytes:
        start = heads[originator_id] if originator_id in heads else head(originator_id)
        middle = names[topic] if topic in names else name(topic)
        if (
            start is None
            or middle is None
            or type(originator_version) is not int
            or not 0 <= originator_version < 1 << 64
            or not isinstance(state, (bytes, bytearray, memoryview))
            or len(state) > 0xFFFFFFFF
        ):
            return b""
        digest = sha256(
            start + version_bytes(originator_version) + middle + length_bytes(len(state))
        )
        digest.update(state)
        return digest.digest()

    return hashed


def decode_leaf(leaf: bytes) -> LeafFields:
    """Parse leaf bytes; LeafError unless they are exactly one well-formed leaf."""
    reader = _Reader(leaf)
    version = reader.take(1)[0]
    if version != LEAF_VERSION:
        raise LeafError(f"unknown leaf layout version {version}")
    try:
        oid = reader.take(_U16.unpack(reader.take(2))[0]).decode("utf-8")
        originator_version = _U64.unpack(reader.take(8))[0]
        topic = reader.take(_U16.unpack(reader.take(2))[0]).decode("utf-8")
    except UnicodeDecodeError:
        raise LeafError("originator id or topic is not UTF-8") from None
    state = reader.take(_U32.unpack(reader.take(4))[0])
    if reader.offset != len(leaf):
        raise LeafError(f"{len(leaf) - reader.offset} bytes after the end of the leaf")
    return LeafFields(oid, originator_version, topic, state)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.offset = data, 0

    def take(self, n: int) -> bytes:
        if self.offset + n > len(self.data):
            raise LeafError("leaf ends early")
        chunk = self.data[self.offset : self.offset + n]
        self.offset += n
        return chunk
