"""Offline verifiers for RFC 9162 inclusion and consistency proofs (stdlib only).

Self-contained on purpose: this file can be copied into a standalone verifier.
Both functions take only hashes and sizes, never raise on bad values, and return
False for anything that does not verify, including arguments outside the
RFC's domain (index >= size, first > second, negative sizes, first == 0) and
any hash that is not 32 bytes long.
"""

import hashlib
import hmac

__all__ = ["verify_consistency", "verify_inclusion"]

_HASH_SIZE = 32


def _sized(*hashes: bytes) -> bool:
    """True if every argument is a 32-byte SHA-256 digest."""
    return all(len(x) == _HASH_SIZE for x in hashes)


def _node(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def verify_inclusion(
    leaf_hash: bytes, index: int, size: int, proof: list[bytes], root: bytes
) -> bool:
    """Check `leaf_hash` is leaf `index` of the `size`-leaf tree with `root` (RFC 9162 §2.1.3.2)."""
    if not _sized(leaf_hash, root, *proof):
        return False
    if index < 0 or index >= size:  # step 1
        return False
    fn, sn = index, size - 1  # step 2
    r = leaf_hash  # step 3
    for p in proof:  # step 4
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _node(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = _node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and hmac.compare_digest(r, root)  # step 5


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, proof: list[bytes]
) -> bool:
    """Check that tree `second` extends tree `first` (RFC 9162 §2.1.4.2).

    first == second verifies iff the proof is empty and the roots are equal
    (RFC 6962 §2.1.2: PROOF(m, D[m]) is empty). first == 0 returns False:
    RFC 9162 defines consistency only for 0 < first.
    """
    if first <= 0 or first > second or not _sized(first_root, second_root, *proof):
        return False
    if first == second:
        return not proof and hmac.compare_digest(first_root, second_root)
    if not proof:  # step 1
        return False
    path = [first_root, *proof] if first & (first - 1) == 0 else list(proof)  # step 2
    fn, sn = first - 1, second - 1  # step 3
    while fn & 1:  # step 4
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]  # step 5
    for c in path[1:]:  # step 6
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = _node(c, fr)
            sr = _node(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = _node(sr, c)
        fn >>= 1
        sn >>= 1
    return (  # step 7
        sn == 0 and hmac.compare_digest(fr, first_root) and hmac.compare_digest(sr, second_root)
    )
