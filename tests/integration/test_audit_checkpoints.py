"""Checkpoints: the key pair, signatures, the signed note, the interval, cosignatures."""

from __future__ import annotations

import base64
import stat
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import (
    add_cosignature,
    checkpoint_if_due,
    checkpoint_listing,
    checkpoint_note,
    latest_checkpoint,
    register_witness_key,
    sign_checkpoint,
)
from samverkan.audit.keys import AuditKeyMissing, ensure_key_pair, key_path, load_key
from samverkan.audit.merkle import EMPTY_ROOT
from samverkan.audit.note import (
    key_id,
    parse_checkpoint_text,
    parse_note,
    parse_verifier_key,
    verify_ed25519,
)
from samverkan.cli.main import main
from samverkan.domain.base import Actor
from samverkan.errors import InvalidInput, NotFound
from samverkan.storage.stores import StoreConfig


def test_init_makes_a_private_key_only_its_owner_can_read(store_config: StoreConfig) -> None:
    env = {"SAMVERKAN_DATABASE_URL": store_config.database_url or ""}
    args = ["--data-dir", str(store_config.data_dir), "init"]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    path = key_path(store_config)
    assert path == store_config.data_dir / "audit-key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = load_key(store_config)
    assert f"Audit key {key.key_id} (made)" in result.output
    again = CliRunner().invoke(main, args, env=env)
    assert f"Audit key {key.key_id} (kept)" in again.output
    assert load_key(store_config).public_key == key.public_key


def test_the_key_can_live_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = StoreConfig(data_dir=tmp_path / "data")
    monkeypatch.setenv("SAMVERKAN_AUDIT_KEY", str(tmp_path / "secrets" / "log.pem"))
    key, made = ensure_key_pair(config)
    assert made and (tmp_path / "secrets" / "log.pem").exists()
    assert not (tmp_path / "data" / "audit-key.pem").exists()
    assert load_key(config).key_id == key.key_id


def test_signing_without_a_key_says_how_to_make_one(app: Samverkan) -> None:
    with pytest.raises(AuditKeyMissing, match="samverkan init"):
        sign_checkpoint(app)


def test_a_checkpoint_verifies_with_the_published_key(app: Samverkan, actor: Actor) -> None:
    key, _ = ensure_key_pair(app.config)
    empty = sign_checkpoint(app)
    assert (empty.size, empty.root_hash) == (0, EMPTY_ROOT)
    app.register_organisation(actor, "Region Stockholm", "region", "SE")
    checkpoint = sign_checkpoint(app)
    assert checkpoint.size == 1
    published = key.public_info()
    name, public_key = parse_verifier_key(published["verifier_key"])
    assert base64.b64decode(published["public_key"]) == public_key
    assert published["key_id"] == key_id(name, public_key).hex() == checkpoint.key_id

    shown = checkpoint.as_dict()
    assert set(shown) >= {"size", "root_hash", "timestamp", "signature", "key_id"}
    assert shown["timestamp"].endswith("Z")
    text, signatures = parse_note(checkpoint_note(app, checkpoint))
    parsed = parse_checkpoint_text(text)
    assert (parsed.origin, parsed.size) == (name, 1)
    assert base64.b64encode(parsed.root_hash).decode() == shown["root_hash"]
    assert parsed.timestamp == shown["timestamp"]
    [line] = signatures
    assert (line.name, line.key_id.hex()) == (name, checkpoint.key_id)
    assert line.signature == base64.b64decode(shown["signature"])
    assert verify_ed25519(public_key, line.signature, text.encode())
    assert not verify_ed25519(public_key, line.signature, text.replace("\n1\n", "\n2\n").encode())


def test_signing_again_without_new_events_keeps_the_checkpoint(
    app: Samverkan, actor: Actor
) -> None:
    ensure_key_pair(app.config)
    app.register_organisation(actor, "Region Uppsala", "region", "SE")
    first = sign_checkpoint(app)
    assert sign_checkpoint(app) == first
    assert [c["size"] for c in checkpoint_listing(app)] == [1]


def test_checkpoints_come_on_an_interval_only_when_the_log_grew(
    app: Samverkan, actor: Actor
) -> None:
    ensure_key_pair(app.config)
    assert checkpoint_if_due(app, timedelta(days=1)) is not None  # the first one is always due
    app.register_organisation(actor, "Region Halland", "region", "SE")
    assert checkpoint_if_due(app, timedelta(days=1)) is None  # not yet a day
    signed = checkpoint_if_due(app, timedelta(0))
    assert signed is not None and signed.size == 1
    assert checkpoint_if_due(app, timedelta(0)) is None  # nothing new since
    latest = latest_checkpoint(app)
    assert latest is not None and latest.size == 1


def partner_key() -> tuple[Ed25519PrivateKey, bytes]:
    private_key = Ed25519PrivateKey.generate()
    return private_key, private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def test_a_partner_cosigns_a_checkpoint(app: Samverkan, actor: Actor) -> None:
    ensure_key_pair(app.config)
    app.register_organisation(actor, "Region Jämtland", "region", "SE")
    checkpoint = sign_checkpoint(app)
    organisation = uuid.uuid4()
    private_key, public_key = partner_key()
    witness_id = register_witness_key(app, organisation, "regionjh.se/witness", public_key)
    assert witness_id == key_id("regionjh.se/witness", public_key).hex()
    signature = private_key.sign(checkpoint.text().encode())
    encoded = base64.b64encode(signature).decode()

    added = add_cosignature(app, checkpoint.size, organisation, witness_id, encoded)
    assert added["organisation_id"] == str(organisation) and added["signature"] == encoded
    [listed] = checkpoint_listing(app)
    assert [c["key_id"] for c in listed["cosignatures"]] == [witness_id]

    text, signatures = parse_note(checkpoint_note(app, checkpoint))
    assert [s.name for s in signatures] == [checkpoint.origin, "regionjh.se/witness"]
    assert verify_ed25519(public_key, signatures[1].signature, text.encode())


def test_a_bad_cosignature_is_refused(app: Samverkan, actor: Actor) -> None:
    ensure_key_pair(app.config)
    app.register_organisation(actor, "Region Dalarna", "region", "SE")
    checkpoint = sign_checkpoint(app)
    organisation = uuid.uuid4()
    private_key, public_key = partner_key()
    witness_id = register_witness_key(app, organisation, "dalarna.se/witness", public_key)
    wrong = base64.b64encode(private_key.sign(b"something else")).decode()
    with pytest.raises(InvalidInput, match="does not verify"):
        add_cosignature(app, checkpoint.size, organisation, witness_id, wrong)
    right = base64.b64encode(private_key.sign(checkpoint.text().encode())).decode()
    with pytest.raises(InvalidInput, match="no such key"):
        add_cosignature(app, checkpoint.size, uuid.uuid4(), witness_id, right)
    with pytest.raises(NotFound):
        add_cosignature(app, 99, organisation, witness_id, right)
    with pytest.raises(InvalidInput):
        register_witness_key(app, organisation, "has space", public_key)
    assert checkpoint_listing(app)[0]["cosignatures"] == []
