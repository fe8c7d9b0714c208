"""The log's Ed25519 key pair: made at `samverkan init`, kept in a file outside the database.

Whoever can write the database must not also be able to sign, so the private key is a
PEM file (mode 0600) in the data directory, or where SAMVERKAN_AUDIT_KEY points. The
key name (the checkpoint origin) is SAMVERKAN_AUDIT_ORIGIN, by default
``samverkan.local/audit``; give each deployment its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from samverkan.errors import SamverkanError
from samverkan.storage.stores import StoreConfig

from .note import b64, key_id, verifier_key

DEFAULT_ORIGIN = "samverkan.local/audit"
KEY_FILE = "audit-key.pem"


class AuditKeyMissing(SamverkanError):
    slug = "audit-key-missing"
    status = 503
    title = "The audit signing key is missing"


@dataclass(frozen=True)
class LogKey:
    """The signing key with its signed-note name and key ID."""

    name: str
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def key_id(self) -> str:
        """The signed-note key ID as 8 hex digits."""
        return key_id(self.name, self.public_key).hex()

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)

    def public_info(self) -> dict[str, str]:
        """What `GET /audit/public-key` serves."""
        pem = self.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return {
            "algorithm": "Ed25519",
            "name": self.name,
            "key_id": self.key_id,
            "public_key": b64(self.public_key),
            "verifier_key": verifier_key(self.name, self.public_key),
            "pem": pem.decode("ascii"),
        }


def key_path(config: StoreConfig) -> Path:
    return Path(os.environ.get("SAMVERKAN_AUDIT_KEY") or config.data_dir / KEY_FILE)


def log_origin() -> str:
    return os.environ.get("SAMVERKAN_AUDIT_ORIGIN") or DEFAULT_ORIGIN


def ensure_key_pair(config: StoreConfig) -> tuple[LogKey, bool]:
    """Load the key pair, making it first if there is none; (key, whether it was made)."""
    path = key_path(config)
    if path.exists():
        return load_key(config), False
    path.parent.mkdir(parents=True, exist_ok=True)
    private_key = Ed25519PrivateKey.generate()
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made by a concurrent init
        return load_key(config), False
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return LogKey(log_origin(), private_key), True


def load_key(config: StoreConfig) -> LogKey:
    path = key_path(config)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuditKeyMissing(
            f"No audit signing key at {path}: run `samverkan init` (or set SAMVERKAN_AUDIT_KEY)"
        ) from None
    private_key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(private_key, Ed25519PrivateKey):
        raise AuditKeyMissing(f"{path} does not hold an Ed25519 private key")
    return LogKey(log_origin(), private_key)
