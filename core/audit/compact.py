"""A compact range: the RFC 6962 root of a growing leaf stream in O(log n) memory (stdlib only).

Verifiers stream millions of leaves; they keep only the perfect subtrees ("peaks")
of the leaves seen so far, one per set bit of the size, and can give the root
at every size on the way.
"""

from __future__ import annotations

from .merkle import EMPTY_ROOT, Node, append_nodes, node_hash

__all__ = ["CompactRange"]


class CompactRange:
    """Leaves [0, size) folded into their peaks."""

    def __init__(self) -> None:
        self.size = 0
        self._peaks: dict[int, bytes] = {}

    def append(self, leaf_hash: bytes) -> list[Node]:
        """Add the next leaf hash; return the nodes it completes (as merkle.append_nodes)."""
        nodes = append_nodes(self.size, leaf_hash, lambda level, _index: self._peaks[level])
        for level, _index, _value in nodes[:-1]:
            self._peaks.pop(level, None)
        top_level, _top_index, top_value = nodes[-1]
        self._peaks[top_level] = top_value
        self.size += 1
        return nodes

    def root(self) -> bytes:
        """RFC 6962 MTH of the leaves so far (EMPTY_ROOT when there are none)."""
        if not self._peaks:
            return EMPTY_ROOT
        levels = sorted(self._peaks)
        value = self._peaks[levels[0]]
        for level in levels[1:]:
            value = node_hash(self._peaks[level], value)
        return value
