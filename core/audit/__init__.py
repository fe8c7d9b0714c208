"""Tamper-evident audit log: Merkle tree, checkpoints, proofs."""
