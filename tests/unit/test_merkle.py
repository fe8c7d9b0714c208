"""RFC 6962 Merkle tree: published test vectors, edge cases, lookup bounds.

Every expected hash below is copied from transparency-dev/merkle (the successor
of Trillian's and certificate-transparency-go's merkle packages, which carry
the same RFC 6962 vectors):
  - testonly/constants.go @ 582a6ad190b6848f1d26f8bf08ddef29955d9db1
    (LeafInputs, NodeHashes, RootHashes, EmptyRootHash)
  - proof/verify_test.go @ 02194e9afb6c1d95b5381350007963aa70fff472
    (inclusionProofs, consistencyProofs, corruption probes)
  - proof/proof_test.go @ 02a3e2029520f515596d5238c54fb0ac9e19bff4
    (TestInclusion / TestConsistency node-ID layouts)
"""

import pytest

from samverkan.audit.merkle import (
    EMPTY_ROOT,
    MemoryNodeStore,
    append_leaf,
    append_nodes,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    subtree_hash,
    verify_consistency,
    verify_inclusion,
)


def h(s: str) -> bytes:
    return bytes.fromhex(s)


# testonly/constants.go LeafInputs()
LEAVES = [h(x) for x in (
    "", "00", "10", "2021", "3031", "40414243",
    "5051525354555657", "606162636465666768696a6b6c6d6e6f",
)]  # fmt: skip

# testonly/constants.go NodeHashes(): [level][index]
NODE_HASHES = [
    [h(x) for x in (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    )],
    [h(x) for x in (
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    )],
    [h(x) for x in (
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    )],
    [h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")],
]  # fmt: skip

# testonly/constants.go RootHashes(), indexed by tree size 0..8
ROOTS = [h(x) for x in (
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
)]  # fmt: skip

# proof/verify_test.go inclusionProofs: (leaf, size, proof); `leaf` is 1-based there.
INCLUSION_VECTORS = [
    (1, 1, []),
    (1, 8, [h(x) for x in (
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    )]),
    (6, 8, [h(x) for x in (
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    )]),
    (3, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
    (2, 5, [h(x) for x in (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    )]),
]  # fmt: skip

# proof/verify_test.go consistencyProofs: (size1, size2, proof)
CONSISTENCY_VECTORS = [
    (1, 1, []),
    (1, 8, [h(x) for x in (
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    )]),
    (6, 8, [h(x) for x in (
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    )]),
    (2, 5, [h(x) for x in (
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    )]),
    (6, 7, [h(x) for x in (
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    )]),
]  # fmt: skip

# verify_test.go sha256SomeHash
SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456")


def n(level: int, index: int) -> bytes:
    """Published node hash at (level, index) of the 8-leaf reference tree."""
    return NODE_HASHES[level][index]


# proof_test.go names: a..f,j = leaves 0..6, g,h,i = (1,0..2), k,l = (2,0..1).
# In trees of size 7 the node l is absent; the source rehashes it as l=hash(i,j).
L7 = node_hash(n(1, 2), n(0, 6))

# proof_test.go TestInclusion cases with size <= 8: (size, index) -> node layout.
INCLUSION_LAYOUTS = {
    (1, 0): [],
    (2, 0): [n(0, 1)],
    (2, 1): [n(0, 0)],
    (3, 1): [n(0, 0), n(0, 2)],
    (7, 0): [n(0, 1), n(1, 1), L7],
    (7, 1): [n(0, 0), n(1, 1), L7],
    (7, 2): [n(0, 3), n(1, 0), L7],
    (7, 3): [n(0, 2), n(1, 0), L7],
    (7, 4): [n(0, 5), n(0, 6), n(2, 0)],
    (7, 5): [n(0, 4), n(0, 6), n(2, 0)],
    (7, 6): [n(1, 2), n(2, 0)],
    (4, 2): [n(0, 3), n(1, 0)],
    (5, 3): [n(0, 2), n(1, 0), n(0, 4)],
    (6, 3): [n(0, 2), n(1, 0), n(1, 2)],
    (6, 4): [n(0, 5), n(2, 0)],
}

# proof_test.go TestConsistency cases with size2 <= 8: (size1, size2) -> node layout.
CONSISTENCY_LAYOUTS = {
    (1, 2): [n(0, 1)],
    (1, 4): [n(0, 1), n(1, 1)],
    (1, 6): [n(0, 1), n(1, 1), n(1, 2)],
    (2, 3): [n(0, 2)],
    (2, 8): [n(1, 1), n(2, 1)],
    (3, 7): [n(0, 2), n(0, 3), n(1, 0), L7],
    (4, 7): [L7],
    (5, 7): [n(0, 4), n(0, 5), n(0, 6), n(2, 0)],
    (6, 7): [n(1, 2), n(0, 6), n(2, 0)],
    (7, 8): [n(0, 6), n(0, 7), n(1, 2), n(2, 0)],
    (2, 4): [n(1, 1)],
    (3, 5): [n(0, 2), n(0, 3), n(1, 0), n(0, 4)],
    (3, 6): [n(0, 2), n(0, 3), n(1, 0), n(1, 2)],
    (4, 6): [n(1, 2)],
    (1, 7): [n(0, 1), n(1, 1), L7],
    **{(s, s): [] for s in (1, 2, 3, 4, 5, 7, 8)},
}


class CountingStore(MemoryNodeStore):
    """MemoryNodeStore that counts get() calls."""

    def __init__(self) -> None:
        super().__init__()
        self.gets = 0

    def get(self, level: int, index: int) -> bytes:
        self.gets += 1
        return super().get(level, index)


def build(leaves: list[bytes]) -> MemoryNodeStore:
    store = CountingStore()
    size = 0
    for leaf in leaves:
        size = append_leaf(size, leaf, store)
    store.gets = 0
    return store


@pytest.fixture(scope="module")
def ref_store() -> MemoryNodeStore:
    return build(LEAVES)


def test_hash_primitives() -> None:
    assert ROOTS[0] == EMPTY_ROOT
    assert [leaf_hash(x) for x in LEAVES] == NODE_HASHES[0]
    assert node_hash(n(0, 0), n(0, 1)) == n(1, 0)


def test_stored_nodes_match_published_node_hashes(ref_store: MemoryNodeStore) -> None:
    expected = {(lv, i): v for lv, row in enumerate(NODE_HASHES) for i, v in enumerate(row)}
    assert ref_store.nodes == expected


@pytest.mark.parametrize("size", range(9))
def test_published_roots(ref_store: MemoryNodeStore, size: int) -> None:
    assert root(size, ref_store) == ROOTS[size]
    assert root(size, build(LEAVES[:size])) == ROOTS[size]


@pytest.mark.parametrize(("leaf", "size", "proof"), INCLUSION_VECTORS)
def test_published_inclusion_proofs(
    ref_store: MemoryNodeStore, leaf: int, size: int, proof: list[bytes]
) -> None:
    index = leaf - 1
    assert inclusion_proof(index, size, ref_store) == proof
    assert verify_inclusion(leaf_hash(LEAVES[index]), index, size, proof, ROOTS[size])


@pytest.mark.parametrize(("first", "second", "proof"), CONSISTENCY_VECTORS)
def test_published_consistency_proofs(
    ref_store: MemoryNodeStore, first: int, second: int, proof: list[bytes]
) -> None:
    assert consistency_proof(first, second, ref_store) == proof
    assert verify_consistency(first, second, ROOTS[first], ROOTS[second], proof)


@pytest.mark.parametrize(("key", "expected"), INCLUSION_LAYOUTS.items())
def test_inclusion_layouts(
    ref_store: MemoryNodeStore, key: tuple[int, int], expected: list[bytes]
) -> None:
    size, index = key
    proof = inclusion_proof(index, size, ref_store)
    assert proof == expected
    assert verify_inclusion(n(0, index), index, size, proof, ROOTS[size])


@pytest.mark.parametrize(("key", "expected"), CONSISTENCY_LAYOUTS.items())
def test_consistency_layouts(
    ref_store: MemoryNodeStore, key: tuple[int, int], expected: list[bytes]
) -> None:
    first, second = key
    proof = consistency_proof(first, second, ref_store)
    assert proof == expected
    assert verify_consistency(first, second, ROOTS[first], ROOTS[second], proof)


def _extend(proof: list[bytes], *extra: bytes) -> list[bytes]:
    return [*proof, *extra]


def _prepend(proof: list[bytes], *extra: bytes) -> list[bytes]:
    return [*extra, *proof]


@pytest.mark.parametrize(("leaf", "size", "proof"), INCLUSION_VECTORS)
def test_inclusion_corruption_probes(leaf: int, size: int, proof: list[bytes]) -> None:
    """verify_test.go corruptInclusionProof: every probe must fail."""
    index, rt, lh = leaf - 1, ROOTS[size], leaf_hash(LEAVES[leaf - 1])
    probes = [
        (index - 1, size, rt, lh, proof),
        (index + 1, size, rt, lh, proof),
        (index ^ 2, size, rt, lh, proof),
        (index, size * 2, rt, lh, proof),
        (index, size // 2, rt, lh, proof),
        (index, size, rt, b"WrongLeaf", proof),
        (index, size, EMPTY_ROOT, lh, proof),
        (index, size, SOME_HASH, lh, proof),
        (index, size, rt, lh, _extend(proof, b"")),
        (index, size, rt, lh, _extend(proof, rt)),
        (index, size, rt, lh, _prepend(proof, b"")),
        (index, size, rt, lh, _prepend(proof, rt)),
    ]
    for i in range(len(proof)):
        wrong = list(proof)
        wrong[i] = bytes([wrong[i][0] ^ 8]) + wrong[i][1:]
        probes.append((index, size, rt, lh, wrong))
    if proof:
        probes.append((index, size, rt, lh, proof[:-1]))
    if len(proof) > 1:
        probes.append((index, size, rt, lh, [proof[0], SOME_HASH, *proof[1:]]))
    for p_index, p_size, p_root, p_leaf, p_proof in probes:
        assert not verify_inclusion(p_leaf, p_index, p_size, p_proof, p_root), (p_index, p_size)


@pytest.mark.parametrize(("first", "second", "proof"), CONSISTENCY_VECTORS)
def test_consistency_corruption_probes(first: int, second: int, proof: list[bytes]) -> None:
    """verify_test.go corruptConsistencyProof (non-trivial proofs only, as there)."""
    if not proof:
        return
    r1, r2 = ROOTS[first], ROOTS[second]
    probes = [
        (first - 1, second, r1, r2, proof),
        (first + 1, second, r1, r2, proof),
        (first ^ 2, second, r1, r2, proof),
        (first, second * 2, r1, r2, proof),
        (first, second // 2, r1, r2, proof),
        (first, second, b"WrongRoot", r2, proof),
        (first, second, r1, b"WrongRoot", proof),
        (first, second, r2, r1, proof),
        (first, second, r1, r2, []),
        (first, second, r1, r2, _extend(proof, b"")),
        (first, second, r1, r2, _extend(proof, r1)),
        (first, second, r1, r2, _extend(proof, r2)),
        (first, second, r1, r2, _prepend(proof, b"")),
        (first, second, r1, r2, _prepend(proof, r1)),
        (first, second, r1, r2, _prepend(proof, r2)),
        (first, second, r1, r2, _prepend(proof, proof[0])),
        (first, second, r1, r2, proof[:-1]),
    ]
    for i in range(len(proof)):
        wrong = list(proof)
        wrong[i] = bytes([wrong[i][0] ^ 16]) + wrong[i][1:]
        probes.append((first, second, r1, r2, wrong))
    for s1, s2, p1, p2, p_proof in probes:
        assert not verify_consistency(s1, s2, p1, p2, p_proof), (s1, s2, p_proof)


def test_verify_inclusion_degenerate_inputs() -> None:
    """verify_test.go TestVerifyInclusion / TestVerifyInclusionSingleEntry."""
    for index, size in ((0, 0), (0, 1), (1, 0), (2, 1)):
        assert not verify_inclusion(SOME_HASH, index, size, [], b"")
        assert not verify_inclusion(b"", index, size, [], EMPTY_ROOT)
        assert not verify_inclusion(SOME_HASH, index, size, [], EMPTY_ROOT)
    single = leaf_hash(b"data")
    assert verify_inclusion(single, 0, 1, [], single)
    assert not verify_inclusion(b"", 0, 1, [], single)
    assert not verify_inclusion(single, 0, 1, [], b"")
    assert not verify_inclusion(b"", 0, 1, [], b"")
    assert not verify_inclusion(single, -1, 1, [], single)


def test_verify_consistency_degenerate_inputs() -> None:
    """verify_test.go TestVerifyConsistency, except size 0, which we reject.

    The source uses short "don't care" roots; this module rejects any hash that
    is not 32 bytes, so they are hashed first.
    """
    r1, r2 = leaf_hash(b"don't care 1"), leaf_hash(b"don't care 2")
    assert not verify_consistency(1, 1, b"short", b"short", [])
    assert not verify_consistency(1, 1, r1, r2, [])
    assert verify_consistency(1, 1, r2, r2, [])
    assert not verify_consistency(1, 0, r1, r2, [])
    assert not verify_consistency(2, 1, r1, r2, [])
    assert not verify_consistency(1, 2, r1, r2, [])
    assert not verify_consistency(1, 1, EMPTY_ROOT, r2, [])
    assert not verify_consistency(1, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT])
    # transparency-dev accepts (0, 0) and (0, 1) with an empty proof; RFC 9162
    # defines consistency only for 0 < first, so this module returns False.
    assert not verify_consistency(0, 0, r1, r1, [])
    assert not verify_consistency(0, 1, EMPTY_ROOT, r2, [])
    assert not verify_consistency(-1, 1, r1, r2, [])


@pytest.mark.parametrize(
    ("index", "size"), [(0, 0), (1, 0), (1, 1), (2, 1), (3, 0), (8, 7), (-1, 3)]
)
def test_inclusion_proof_rejects_bad_arguments(
    ref_store: MemoryNodeStore, index: int, size: int
) -> None:
    with pytest.raises(ValueError, match="index"):
        inclusion_proof(index, size, ref_store)


@pytest.mark.parametrize(("first", "second"), [(5, 0), (9, 8), (2, 1), (0, 0), (0, 5), (-1, 3)])
def test_consistency_proof_rejects_bad_arguments(
    ref_store: MemoryNodeStore, first: int, second: int
) -> None:
    with pytest.raises(ValueError, match="first"):
        consistency_proof(first, second, ref_store)


def test_other_bad_arguments(ref_store: MemoryNodeStore) -> None:
    with pytest.raises(ValueError):
        root(-1, ref_store)
    with pytest.raises(ValueError):
        subtree_hash(3, 2, ref_store)
    with pytest.raises(ValueError):
        subtree_hash(-1, 2, ref_store)
    with pytest.raises(ValueError):
        append_nodes(-1, leaf_hash(b"x"), ref_store.get)
    with pytest.raises(ValueError, match="32 bytes"):
        append_nodes(0, b"short", ref_store.get)


def test_missing_nodes_raise_key_error(ref_store: MemoryNodeStore) -> None:
    with pytest.raises(KeyError, match="level 0, index 8"):
        ref_store.get(0, 8)
    with pytest.raises(KeyError):
        root(9, ref_store)
    with pytest.raises(KeyError):
        inclusion_proof(0, 9, ref_store)


def test_append_nodes_returns_leaf_and_completed_parents() -> None:
    store = MemoryNodeStore()
    for size in range(7):
        store.put(append_nodes(size, n(0, size), store.get))
    nodes = append_nodes(7, n(0, 7), store.get)
    assert nodes == [(0, 7, n(0, 7)), (1, 3, n(1, 3)), (2, 1, n(2, 1)), (3, 0, n(3, 0))]
    assert append_nodes(4, n(0, 4), store.get) == [(0, 4, n(0, 4))]


def test_subtree_hash_any_range(ref_store: MemoryNodeStore) -> None:
    def mth(leaves: list[bytes]) -> bytes:
        if not leaves:
            return EMPTY_ROOT
        if len(leaves) == 1:
            return leaf_hash(leaves[0])
        k = 1 << ((len(leaves) - 1).bit_length() - 1)
        return node_hash(mth(leaves[:k]), mth(leaves[k:]))

    for start in range(9):
        for end in range(start, 9):
            assert subtree_hash(start, end, ref_store) == mth(LEAVES[start:end]), (start, end)


def test_lookup_counts_are_logarithmic() -> None:
    size = 1000
    store = build([i.to_bytes(4, "big") for i in range(size)])
    assert isinstance(store, CountingStore)
    store.gets = 0
    root(size, store)
    assert store.gets == bin(size).count("1")
    depth = size.bit_length()
    for index in (0, 1, 499, 998, 999):
        store.gets = 0
        inclusion_proof(index, size, store)
        assert store.gets <= depth * depth
    for first in (1, 7, 512, 999):
        store.gets = 0
        consistency_proof(first, size, store)
        assert store.gets <= depth * depth
    store.gets = 0
    append_leaf(size, b"next", store)
    assert store.gets <= depth
