"""The bulk verifier's shortcuts give the same hashes as the leaf layout and the RFC tree."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from samverkan.audit.leaf import encode_leaf, leaf_hasher
from samverkan.audit.merkle import MemoryNodeStore, append_leaf, leaf_hash, parent_level, root


@given(
    version=st.integers(0, (1 << 64) - 1),
    topic=st.text(max_size=40),
    state=st.binary(max_size=300),
)
def test_a_rows_leaf_hash_is_the_hash_of_its_encoded_leaf(
    version: int, topic: str, state: bytes
) -> None:
    oid = uuid.uuid4()
    expected = leaf_hash(encode_leaf(str(oid), version, topic, state))
    assert leaf_hasher()(str(oid), version, topic, state) == expected
    assert leaf_hasher()(oid, version, topic, memoryview(state)) == expected
    assert leaf_hasher(uuid.UUID)(oid.hex, version, topic, state) == expected  # as SQLite keeps it


def test_remembered_leaf_bytes_stay_right_when_forgotten_and_for_each_row() -> None:
    hashed = leaf_hasher(most=1)
    rows = [(str(uuid.uuid4()), version, f"topic.{version % 3}", b"{}") for version in range(9)]
    for oid, version, topic, state in rows * 2:
        assert hashed(oid, version, topic, state) == leaf_hash(
            encode_leaf(oid, version, topic, state)
        )


def test_a_row_without_the_stored_types_has_no_leaf_hash() -> None:
    oid, hashed = str(uuid.uuid4()), leaf_hasher()
    assert hashed(oid, 1, "topic", "text, not bytes") == b""
    assert hashed(oid, "1", "topic", b"{}") == b""
    assert hashed(oid, 1.0, "topic", b"{}") == b""
    assert hashed(oid, 1, b"topic", b"{}") == b""
    assert hashed(oid, -1, "topic", b"{}") == b""
    assert hashed(oid, 1 << 64, "topic", b"{}") == b""
    assert hashed(oid, 1, "t" * 0x10000, b"{}") == b""
    assert hashed("o" * 0x10000, 1, "topic", b"{}") == b""
    assert hashed(oid, 1, "topic", b"{}") != b""
    assert hashed(1, 1, "topic", b"{}") == leaf_hash(encode_leaf("1", 1, "topic", b"{}"))
    assert hashed(1.0, 1, "topic", b"{}") == leaf_hash(encode_leaf("1.0", 1, "topic", b"{}"))


@given(count=st.integers(1, 70))
def test_levels_folded_pairwise_give_the_stored_nodes_and_root(count: int) -> None:
    store = MemoryNodeStore()
    for number in range(count):
        append_leaf(number, number.to_bytes(4, "big"), store)
    level, hashes = 0, [store.get(0, i) for i in range(count)]
    while hashes:
        assert hashes == [store.get(level, i) for i in range(len(hashes))]
        level, hashes = level + 1, parent_level(hashes)
    assert (level, 0) not in store.nodes
    if count & (count - 1) == 0:  # a perfect tree: its top node is the root
        assert store.get(level - 1, 0) == root(count, store)
