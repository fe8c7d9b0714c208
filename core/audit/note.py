"""C2SP signed notes and tlog checkpoints with Ed25519 (stdlib and `cryptography` only).

Formats (https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint):

- checkpoint text: ``<origin>\\n<size>\\n<base64 root>\\n`` and, here, one extension
  line ``timestamp <RFC 3339 UTC>\\n`` so the signing time is signed too;
- signed note: the text, a blank line, then one line per signature,
  ``— <key name> base64(key ID || Ed25519 signature)\\n``, each signature over the text;
- key ID: ``SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]``;
- verifier key (as Go's sumdb/note): ``<name>+<hex key ID>+base64(0x01 || key)``.

The offline verifier imports this module, so it must not import the service.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

__all__ = [
    "ED25519",
    "CheckpointText",
    "NoteError",
    "NoteSignature",
    "b64",
    "b64decode_strict",
    "check_name",
    "checkpoint_text",
    "key_id",
    "parse_checkpoint_text",
    "parse_note",
    "parse_verifier_key",
    "signature_line",
    "verifier_key",
    "verify_ed25519",
]

ED25519 = b"\x01"
EM_DASH = "\u2014"
TIMESTAMP_PREFIX = "timestamp "


class NoteError(ValueError):
    """Text that is not a well-formed signed note, checkpoint or key."""


def b64(data: bytes) -> str:
    """Standard base64, padded (RFC 4648 §4), as every hash and signature in the API."""
    return base64.b64encode(data).decode("ascii")


def b64decode_strict(text: str, what: str = "value") -> bytes:
    """Decode canonical standard base64 only: no other alphabet, spacing or spare bits."""
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise NoteError(f"{what} is not base64") from None
    if b64(data) != text:
        raise NoteError(f"{what} is not canonical base64")
    return data


def key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte signed-note key ID of an Ed25519 key named `name`."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + ED25519 + public_key).digest()[:4]


def verifier_key(name: str, public_key: bytes) -> str:
    """The one-line verifier key that note tooling (sumdb/note, litetlog) reads."""
    return f"{name}+{key_id(name, public_key).hex()}+{b64(ED25519 + public_key)}"


def parse_verifier_key(text: str) -> tuple[str, bytes]:
    """(name, raw 32-byte public key) of a verifier key line; NoteError if it is not one."""
    name, _, rest = text.strip().partition("+")
    hex_id, _, key = rest.partition("+")
    raw = b64decode_strict(key, "verifier key")
    if not name or len(raw) != 33 or raw[:1] != ED25519:
        raise NoteError("not an Ed25519 verifier key <name>+<key id>+<base64 key>")
    if key_id(name, raw[1:]).hex() != hex_id:
        raise NoteError("the verifier key's key ID does not match its name and key")
    return name, raw[1:]


def verify_ed25519(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """True iff `signature` is a valid Ed25519 signature of `message` by `public_key`."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class CheckpointText:
    origin: str
    size: int
    root_hash: bytes
    timestamp: str


def checkpoint_text(origin: str, size: int, root_hash: bytes, timestamp: str) -> str:
    """The signed body of a checkpoint (tlog-checkpoint note text with a timestamp line)."""
    check_name(origin)
    if size < 0 or len(root_hash) != 32:
        raise NoteError("a checkpoint needs a size >= 0 and a 32-byte root")
    return f"{origin}\n{size}\n{b64(root_hash)}\n{TIMESTAMP_PREFIX}{timestamp}\n"


def parse_checkpoint_text(text: str) -> CheckpointText:
    """Parse a checkpoint body written by `checkpoint_text`; NoteError otherwise."""
    lines = text.split("\n")
    if len(lines) != 5 or lines[4] != "" or not lines[3].startswith(TIMESTAMP_PREFIX):
        raise NoteError("a checkpoint is origin, size, root and timestamp lines")
    origin, size_text, root_text, stamp = lines[0], lines[1], lines[2], lines[3]
    if not size_text.isdigit() or (size_text != "0" and size_text.startswith("0")):
        raise NoteError("the checkpoint size is not a decimal number")
    root_hash = b64decode_strict(root_text, "root hash")
    result = CheckpointText(origin, int(size_text), root_hash, stamp[len(TIMESTAMP_PREFIX) :])
    if checkpoint_text(result.origin, result.size, result.root_hash, result.timestamp) != text:
        raise NoteError("the checkpoint text is not in canonical form")
    return result


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_id: bytes
    signature: bytes

    def line(self) -> str:
        return signature_line(self.name, self.key_id, self.signature)


def signature_line(name: str, key: bytes, signature: bytes) -> str:
    """``— <name> base64(key ID || signature)`` and a newline."""
    check_name(name)
    return f"{EM_DASH} {name} {b64(key + signature)}\n"


def parse_note(note: str) -> tuple[str, list[NoteSignature]]:
    """Split a signed note into its text and signatures (unverified); NoteError if malformed."""
    if any(ord(ch) < 0x20 and ch != "\n" for ch in note):
        raise NoteError("a signed note holds no control characters but newlines")
    text, sep, block = note.rpartition("\n\n")
    if not sep or not block.endswith("\n"):
        raise NoteError("a signed note is text, a blank line and signature lines")
    signatures = []
    for line in block[:-1].split("\n"):
        dash, _, rest = line.partition(" ")
        name, _, encoded = rest.partition(" ")
        if dash != EM_DASH or not name or " " in encoded:
            raise NoteError(f"malformed signature line: {line!r}")
        raw = b64decode_strict(encoded, "signature")
        if len(raw) < 5:
            raise NoteError("a signature line needs a key ID and a signature")
        signatures.append(NoteSignature(name, raw[:4], raw[4:]))
    return text + "\n", signatures


def check_name(name: str) -> None:
    """Key names and origins: non-empty, no whitespace, no '+' (signed-note rules)."""
    if not name or any(ch.isspace() or ch == "+" for ch in name):
        raise NoteError(f"a key name or origin has no spaces or '+': {name!r}")
