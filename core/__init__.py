"""Samverkan: the shared, auditable record of cross-organisation healthcare partnerships."""
