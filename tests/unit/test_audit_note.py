"""Signed notes and checkpoints: the published sumdb/note vector and our checkpoint text.

The Ed25519 vector (key "PeterNeumann", its verifier key, the signed note) is the
package example of golang.org/x/mod/sumdb/note (note.go, also in note_test.go);
its private key "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
is 0x01 followed by the Ed25519 seed, and Ed25519 signing is deterministic.
"""

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from samverkan.audit.note import (
    NoteError,
    b64decode_strict,
    checkpoint_text,
    key_id,
    parse_checkpoint_text,
    parse_note,
    parse_verifier_key,
    signature_line,
    verifier_key,
    verify_ed25519,
)

SEED = base64.b64decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")[1:]
VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
SIGNED = (
    TEXT + "\n— PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)


def peter() -> tuple[Ed25519PrivateKey, bytes]:
    private_key = Ed25519PrivateKey.from_private_bytes(SEED)
    return private_key, private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def test_key_id_and_verifier_key_match_the_published_vector() -> None:
    _, public_key = peter()
    assert key_id("PeterNeumann", public_key).hex() == "c74f20a3"
    assert verifier_key("PeterNeumann", public_key) == VERIFIER_KEY
    assert parse_verifier_key(VERIFIER_KEY) == ("PeterNeumann", public_key)


def test_signing_reproduces_the_published_note() -> None:
    private_key, public_key = peter()
    signature = private_key.sign(TEXT.encode())
    note = (
        TEXT + "\n" + signature_line("PeterNeumann", key_id("PeterNeumann", public_key), signature)
    )
    assert note == SIGNED


def test_parse_and_verify_the_published_note() -> None:
    _, public_key = peter()
    text, signatures = parse_note(SIGNED)
    assert text == TEXT
    [signature] = signatures
    assert signature.name == "PeterNeumann" and signature.key_id.hex() == "c74f20a3"
    assert verify_ed25519(public_key, signature.signature, text.encode())
    assert not verify_ed25519(public_key, signature.signature, text.encode() + b"x")


@pytest.mark.parametrize(
    "bad",
    [
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # wrong id
        "PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # wrong name
        "PeterNeumann+c74f20a3+AhpcDkMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # not Ed25519
    ],
)
def test_mangled_verifier_keys_are_refused(bad: str) -> None:
    with pytest.raises(NoteError):
        parse_verifier_key(bad)


def test_checkpoint_text_is_the_tlog_checkpoint_body_with_a_timestamp() -> None:
    root_hash = bytes(range(32))
    text = checkpoint_text("example.org/log", 7, root_hash, "2026-11-23T01:00:00Z")
    assert text == (
        "example.org/log\n7\n"
        + base64.b64encode(root_hash).decode()
        + "\ntimestamp 2026-11-23T01:00:00Z\n"
    )
    parsed = parse_checkpoint_text(text)
    assert (parsed.origin, parsed.size, parsed.root_hash) == ("example.org/log", 7, root_hash)
    assert parsed.timestamp == "2026-11-23T01:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "o\n07\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntimestamp t\n",  # leading zero
        "o\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  # no timestamp
        "o\n7\nAAAA\ntimestamp t\n",  # short root
        "o\n-7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntimestamp t\n",
    ],
)
def test_malformed_checkpoint_texts_are_refused(text: str) -> None:
    with pytest.raises(NoteError):
        parse_checkpoint_text(text)


def test_only_canonical_base64_is_accepted() -> None:
    assert b64decode_strict("QQ==") == b"A"
    for bad in ("QR==", "QQ", "Q Q==", "QQ==\n", "-_8="):
        with pytest.raises(NoteError):
            b64decode_strict(bad)


def test_names_with_spaces_or_plus_are_refused() -> None:
    for name in ("", "a b", "a+b"):
        with pytest.raises(NoteError):
            checkpoint_text(name, 0, bytes(32), "t")
