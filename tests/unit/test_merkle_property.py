"""Property tests: the stored tree agrees with a naive RFC 6962 MTH, and proofs verify or fail."""

from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.audit.merkle import (
    EMPTY_ROOT,
    MemoryNodeStore,
    append_leaf,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

MAX_SIZE = 300


def naive_mth(leaves: list[bytes]) -> bytes:
    """RFC 6962 §2.1 MTH, straight from the definition."""
    if not leaves:
        return EMPTY_ROOT
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = 1 << ((len(leaves) - 1).bit_length() - 1)
    return node_hash(naive_mth(leaves[:k]), naive_mth(leaves[k:]))


def build(leaves: list[bytes]) -> MemoryNodeStore:
    store = MemoryNodeStore()
    size = 0
    for leaf in leaves:
        size = append_leaf(size, leaf, store)
    return store


def flip(data: bytes, position: int, mask: int) -> bytes:
    """XOR one byte of `data` (position taken modulo its length) with a non-zero mask."""
    i = position % len(data)
    return data[:i] + bytes([data[i] ^ mask]) + data[i + 1 :]


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[bytes], MemoryNodeStore]:
    """A tree of 1..MAX_SIZE distinct-ish leaves and its incrementally built store."""
    size = draw(st.integers(1, MAX_SIZE))
    salt = draw(st.binary(max_size=8))
    leaves = [salt + i.to_bytes(2, "big") for i in range(size)]
    return leaves, build(leaves)


masks = st.integers(1, 255)
positions = st.integers(0, 10_000)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=12), max_size=70), st.data())
def test_incremental_root_equals_naive_mth(leaves: list[bytes], data: st.DataObject) -> None:
    store = build(leaves)
    assert root(len(leaves), store) == naive_mth(leaves)
    size = data.draw(st.integers(0, len(leaves)), label="older size")
    assert root(size, store) == naive_mth(leaves[:size])


@settings(max_examples=60, deadline=None)
@given(trees(), st.data())
def test_inclusion_proofs_verify(
    tree: tuple[list[bytes], MemoryNodeStore], data: st.DataObject
) -> None:
    leaves, store = tree
    size = data.draw(st.integers(1, len(leaves)), label="size")
    expected_root = naive_mth(leaves[:size])
    assert root(size, store) == expected_root
    for _ in range(5):
        index = data.draw(st.integers(0, size - 1), label="index")
        lh = leaf_hash(leaves[index])
        proof = inclusion_proof(index, size, store)
        assert verify_inclusion(lh, index, size, proof, expected_root)


@settings(max_examples=60, deadline=None)
@given(trees(), st.data())
def test_consistency_proofs_verify(
    tree: tuple[list[bytes], MemoryNodeStore], data: st.DataObject
) -> None:
    leaves, store = tree
    second = data.draw(st.integers(1, len(leaves)), label="second")
    second_root = naive_mth(leaves[:second])
    for _ in range(5):
        first = data.draw(st.integers(1, second), label="first")
        proof = consistency_proof(first, second, store)
        assert verify_consistency(first, second, naive_mth(leaves[:first]), second_root, proof)


@settings(max_examples=100, deadline=None)
@given(trees(), st.data(), positions, masks)
def test_tampered_inclusion_fails(
    tree: tuple[list[bytes], MemoryNodeStore], data: st.DataObject, position: int, mask: int
) -> None:
    leaves, store = tree
    size = len(leaves)
    index = data.draw(st.integers(0, size - 1), label="index")
    rt = root(size, store)
    lh = leaf_hash(leaves[index])
    proof = inclusion_proof(index, size, store)
    assert not verify_inclusion(flip(lh, position, mask), index, size, proof, rt)
    assert not verify_inclusion(leaf_hash(leaves[index] + b"\x00"), index, size, proof, rt)
    if leaves[index]:
        assert not verify_inclusion(
            leaf_hash(flip(leaves[index], position, mask)), index, size, proof, rt
        )
    if proof:
        k = data.draw(st.integers(0, len(proof) - 1), label="element")
        bad = [*proof[:k], flip(proof[k], position, mask), *proof[k + 1 :]]
        assert not verify_inclusion(lh, index, size, bad, rt)


@settings(max_examples=100, deadline=None)
@given(trees(), st.data(), positions, masks)
def test_tampered_consistency_fails(
    tree: tuple[list[bytes], MemoryNodeStore], data: st.DataObject, position: int, mask: int
) -> None:
    leaves, store = tree
    second = len(leaves)
    first = data.draw(st.integers(1, second), label="first")
    r1, r2 = root(first, store), root(second, store)
    proof = consistency_proof(first, second, store)
    assert not verify_consistency(first, second, flip(r1, position, mask), r2, proof)
    assert not verify_consistency(first, second, r1, flip(r2, position, mask), proof)
    if proof:
        k = data.draw(st.integers(0, len(proof) - 1), label="element")
        bad = [*proof[:k], flip(proof[k], position, mask), *proof[k + 1 :]]
        assert not verify_consistency(first, second, r1, r2, bad)


@settings(max_examples=25, deadline=None)
@given(trees())
def test_every_proof_for_one_tree(tree: tuple[list[bytes], MemoryNodeStore]) -> None:
    """Exhaustive over one drawn tree: all inclusion and all consistency proofs into it."""
    leaves, store = tree
    size = len(leaves)
    rt = root(size, store)
    assert rt == naive_mth(leaves)
    for index in range(size):
        proof = inclusion_proof(index, size, store)
        assert verify_inclusion(leaf_hash(leaves[index]), index, size, proof, rt)
    for first in range(1, size + 1):
        proof = consistency_proof(first, size, store)
        assert verify_consistency(first, size, root(first, store), rt, proof)
