"""RFC 6962 / RFC 9162 Merkle tree whose nodes live in an external node store.

Only perfect subtrees are stored, addressed as (level, index): the hash of the
2**level leaves starting at leaf index * 2**level. Appends, roots and proofs
for any past tree size need O(log n) or O(log² n) store lookups, never a scan
of the leaves. Verifiers live in `verify_proofs` (self-contained, stdlib only)
and are re-exported here.

Why hand-written rather than the `pymerkle` package (7.0.0, checked 2026-11):
pymerkle's storage interface holds leaves only (`_store_leaf`, `_get_leaves`)
and recomputes every interior node from the leaf hashes, so a cold root or
proof over n leaves reads O(n) leaves; its only mitigation is an in-process LRU
cache that is not persisted, so interior nodes cannot live in our own database
with O(log n) appends and proofs. It is maintained (7.0.0 released October
2026, Python 3.11-3.14), but it pins `cachetools==7.2.1` exactly, is GPL-3.0+
(Samverkan is EUPL-1.2), ships no type hints, uses its own proof objects rather
than RFC 9162 paths, and its README warns it still needs a security audit.
The RFC algorithms are short enough to own, test against published vectors
and copy into an offline verifier.
"""

import hashlib
from collections.abc import Callable
from typing import Protocol, TypeAlias

from .verify_proofs import verify_consistency, verify_inclusion

__all__ = [
    "EMPTY_ROOT",
    "MemoryNodeStore",
    "Node",
    "NodeGetter",
    "NodeStore",
    "append_leaf",
    "append_nodes",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "parent_level",
    "root",
    "subtree_hash",
    "verify_consistency",
    "verify_inclusion",
]

Node: TypeAlias = tuple[int, int, bytes]
"""(level, index, hash) of one perfect subtree."""
NodeGetter: TypeAlias = Callable[[int, int], bytes]

EMPTY_ROOT = hashlib.sha256(b"").digest()
HASH_SIZE = 32


def leaf_hash(leaf: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || leaf)."""
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def parent_level(hashes: list[bytes]) -> list[bytes]:
    """The complete parents of one level's consecutive nodes, from an even index (an odd
    last node has no parent yet)."""
    sha256 = hashlib.sha256
    return [
        sha256(b"\x01" + left + right).digest()
        for left, right in zip(hashes[::2], hashes[1::2], strict=False)
    ]


class NodeStore(Protocol):
    """Persistent map of perfect-subtree hashes keyed by (level, index)."""

    def get(self, level: int, index: int) -> bytes:
        """Hash of leaves [index * 2**level, (index + 1) * 2**level); KeyError if absent."""
        ...

    def put(self, nodes: list[Node]) -> None:
        """Store (level, index, hash) triples."""
        ...


class MemoryNodeStore:
    """Dict-backed NodeStore for tests and small trees."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[int, int], bytes] = {}

    def get(self, level: int, index: int) -> bytes:
        """Return the stored hash; KeyError if absent."""
        try:
            return self.nodes[(level, index)]
        except KeyError:
            raise KeyError(f"no Merkle node at level {level}, index {index}") from None

    def put(self, nodes: list[Node]) -> None:
        """Store the given nodes, overwriting nothing else."""
        for level, index, value in nodes:
            self.nodes[(level, index)] = value


def append_nodes(size: int, leaf_hash: bytes, get: NodeGetter) -> list[Node]:
    """Nodes to store when appending leaf number `size` (the leaf, then each completed parent)."""
    if size < 0:
        raise ValueError(f"tree size must be >= 0, got {size}")
    if len(leaf_hash) != HASH_SIZE:
        raise ValueError(f"leaf hash must be {HASH_SIZE} bytes, got {len(leaf_hash)}")
    nodes = [(0, size, leaf_hash)]
    level, index, value = 0, size, leaf_hash
    while index & 1:  # a right child completes its parent
        value = node_hash(get(level, index - 1), value)
        level, index = level + 1, index >> 1
        nodes.append((level, index, value))
    return nodes


def append_leaf(size: int, leaf: bytes, store: NodeStore) -> int:
    """Hash `leaf`, store it as leaf number `size` with its new parents; return the new size."""
    store.put(append_nodes(size, leaf_hash(leaf), store.get))
    return size + 1


def root(size: int, store: NodeStore) -> bytes:
    """RFC 6962 MTH of the first `size` leaves (EMPTY_ROOT for 0), in <= log2(size)+1 lookups."""
    if size < 0:
        raise ValueError(f"tree size must be >= 0, got {size}")
    return subtree_hash(0, size, store)


def subtree_hash(start: int, end: int, store: NodeStore) -> bytes:
    """RFC 6962 MTH of leaves [start, end).

    O(log n) lookups when `start` is a multiple of the largest power of two
    <= end - start, which holds for every range the RFC recursion visits;
    other ranges are split recursively down to aligned pieces.
    """
    if not 0 <= start <= end:
        raise ValueError(f"need 0 <= start <= end, got start={start}, end={end}")
    n = end - start
    if n == 0:
        return EMPTY_ROOT
    if start % (1 << (n.bit_length() - 1)) == 0:
        return _fold_peaks(start, n, store.get)
    k = _split(n)
    return node_hash(subtree_hash(start, start + k, store), subtree_hash(start + k, end, store))


def inclusion_proof(index: int, size: int, store: NodeStore) -> list[bytes]:
    """RFC 6962 §2.1.1 PATH(index, D[0:size]), leaf to root; O(log² n) lookups."""
    if not 0 <= index < size:
        raise ValueError(f"need 0 <= index < size, got index={index}, size={size}")
    path: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        k = _split(end - start)
        if index < start + k:
            path.append(subtree_hash(start + k, end, store))
            end = start + k
        else:
            path.append(subtree_hash(start, start + k, store))
            start += k
    path.reverse()
    return path


def consistency_proof(first: int, second: int, store: NodeStore) -> list[bytes]:
    """RFC 6962 §2.1.2 PROOF(first, D[0:second]); empty if first == second; O(log² n) lookups.

    Raises ValueError unless 0 < first <= second (RFC 9162 defines no proof from size 0).
    """
    if not 0 < first <= second:
        raise ValueError(f"need 0 < first <= second, got first={first}, second={second}")
    path: list[bytes] = []
    start, end, m, whole = 0, second, first, True
    while m != end - start:  # SUBPROOF(m, D[start:end], whole)
        k = _split(end - start)
        if m <= k:
            path.append(subtree_hash(start + k, end, store))
            end = start + k
        else:
            path.append(subtree_hash(start, start + k, store))
            start, m, whole = start + k, m - k, False
    if not whole:
        path.append(subtree_hash(start, end, store))
    path.reverse()
    return path


def _split(n: int) -> int:
    """Largest power of two strictly less than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def _fold_peaks(start: int, n: int, get: NodeGetter) -> bytes:
    """MTH of n leaves from an aligned `start`: fold its perfect subtrees right to left."""
    peaks: list[bytes] = []
    offset = start
    for level in range(n.bit_length() - 1, -1, -1):
        if n >> level & 1:
            peaks.append(get(level, offset >> level))
            offset += 1 << level
    value = peaks.pop()
    while peaks:
        value = node_hash(peaks.pop(), value)
    return value
