"""The leaf layout: exact bytes, round trips, and refusal of anything else."""

from dataclasses import dataclass
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan.audit.compact import CompactRange
from samverkan.audit.leaf import LeafError, LeafFields, decode_leaf, encode_leaf
from samverkan.audit.merkle import MemoryNodeStore, append_nodes, leaf_hash, root

OID = "3f99efbb-ce15-4caf-a452-288882e03cdb"


def test_layout_is_the_documented_one() -> None:
    leaf = encode_leaf(OID, 3, "decision.signed_off", b'{"a":1}')
    assert leaf == (
        b"\x01"
        + b"\x00\x24" + OID.encode()
        + b"\x00\x00\x00\x00\x00\x00\x00\x03"
        + b"\x00\x13" + b"decision.signed_off"
        + b"\x00\x00\x00\x07" + b'{"a":1}'
    )  # fmt: skip


@given(
    st.uuids().map(str),
    st.integers(min_value=0, max_value=2**64 - 1),
    st.text(max_size=60),
    st.binary(max_size=300),
)
def test_round_trip(oid: str, version: int, topic: str, state: bytes) -> None:
    fields = decode_leaf(encode_leaf(oid, version, topic, state))
    assert fields == LeafFields(oid, version, topic, state)


@pytest.mark.parametrize(
    "leaf",
    [
        b"",
        b"\x02" + encode_leaf(OID, 1, "t", b"")[1:],  # unknown layout
        encode_leaf(OID, 1, "t", b"x")[:-1],  # cut short
        encode_leaf(OID, 1, "t", b"x") + b"\x00",  # trailing byte
    ],
)
def test_malformed_leaves_are_refused(leaf: bytes) -> None:
    with pytest.raises(LeafError):
        decode_leaf(leaf)


@dataclass
class Row:
    originator_id: UUID | str
    originator_version: int
    topic: str
    state: object


def test_a_row_whose_state_became_text_has_no_leaf() -> None:
    assert LeafFields.of(Row(UUID(OID), 1, "t", b"{}")).encode() == encode_leaf(OID, 1, "t", b"{}")
    with pytest.raises(LeafError):
        LeafFields.of(Row(UUID(OID), 1, "t", "{}"))  # type: ignore[arg-type]


@given(st.lists(st.binary(max_size=8), max_size=70))
def test_compact_range_gives_the_stored_tree(leaves: list[bytes]) -> None:
    compact, store = CompactRange(), MemoryNodeStore()
    for size, leaf in enumerate(leaves):
        expected = append_nodes(size, leaf_hash(leaf), store.get)
        store.put(expected)
        assert compact.append(leaf_hash(leaf)) == expected
        assert compact.root() == root(size + 1, store)
    assert compact.size == len(leaves)
