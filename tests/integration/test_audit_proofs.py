"""Inclusion and consistency proofs from the store, and the partnership bundle."""

from __future__ import annotations

import base64
import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import sign_checkpoint
from samverkan.audit.keys import ensure_key_pair
from samverkan.audit.leaf import decode_leaf
from samverkan.audit.merkle import leaf_hash, verify_consistency, verify_inclusion
from samverkan.audit.proofs import (
    consistency,
    event_at,
    inclusion,
    partnership_bundle,
    positions_of,
)
from samverkan.audit.standalone import BundleError, main, verify_partnership
from samverkan.domain.base import Actor
from samverkan.errors import InvalidInput, NotFound
from samverkan.storage.log import partnership_log, read_log
from tests.integration.helpers import propose, start_team


def b(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def test_every_inclusion_proof_verifies_against_the_checkpoint(
    app: Samverkan, actor: Actor
) -> None:
    ensure_key_pair(app.config)
    for number in range(6):
        app.register_organisation(actor, f"Kommun {number}", "municipality", "SE")
    checkpoint = sign_checkpoint(app)
    stored = list(read_log(app))
    for position in range(checkpoint.size):
        proof = inclusion(app, position)
        assert set(proof) == {"leaf", "leaf_index", "tree_size", "audit_path"}
        assert (proof["leaf_index"], proof["tree_size"]) == (position, 6)
        leaf = b(proof["leaf"])
        fields = decode_leaf(leaf)
        assert fields.originator_id == str(stored[position].originator_id)
        assert fields.topic == "organisation.registered"
        path = [b(node) for node in proof["audit_path"]]
        assert verify_inclusion(leaf_hash(leaf), position, 6, path, checkpoint.root_hash)
        assert not verify_inclusion(leaf_hash(leaf + b"x"), position, 6, path, checkpoint.root_hash)


def test_consistency_between_checkpoints_verifies(app: Samverkan, actor: Actor) -> None:
    ensure_key_pair(app.config)
    app.register_organisation(actor, "Region Örebro", "region", "SE")
    older = sign_checkpoint(app)
    for number in range(4):
        app.register_organisation(actor, f"Kommun {number}", "municipality", "SE")
    newer = sign_checkpoint(app)
    proof = consistency(app, older.size, newer.size)
    assert (proof["first"], proof["second"]) == (1, 5)
    nodes = [b(node) for node in proof["proof"]]
    assert verify_consistency(1, 5, older.root_hash, newer.root_hash, nodes)
    assert inclusion(app, 0, size=1)["tree_size"] == 1


def test_out_of_range_requests_are_refused(app: Samverkan, actor: Actor) -> None:
    ensure_key_pair(app.config)
    with pytest.raises(NotFound):
        inclusion(app, 0)  # no checkpoint yet
    app.register_organisation(actor, "Region Gävleborg", "region", "SE")
    sign_checkpoint(app)
    with pytest.raises(InvalidInput) as raised:
        inclusion(app, 1)
    assert raised.value.status == 422
    with pytest.raises(InvalidInput):
        inclusion(app, 0, size=2)
    with pytest.raises(InvalidInput):
        consistency(app, 0, 1)
    with pytest.raises(InvalidInput):
        consistency(app, 1, 2)


def partnership_with_neighbours(app: Samverkan) -> tuple[Any, Any]:
    """Two partnerships in one store: a bundle of one must not hold the other's events."""
    ensure_key_pair(app.config)
    ours = start_team(app)
    propose(app, ours, [ours.region])
    sign_checkpoint(app)
    theirs = start_team(app, "Lärande nätverk")
    propose(app, theirs, [theirs.region])
    propose(app, ours, [ours.municipality])
    return ours, theirs


def test_a_partnership_bundle_holds_just_its_events_and_verifies(
    app: Samverkan, tmp_path: Path
) -> None:
    ours, theirs = partnership_with_neighbours(app)
    checkpoint = sign_checkpoint(app)
    bundle = partnership_bundle(app, ours.partnership_id)
    expected = {
        (str(e.originator_id), e.version) for e in partnership_log(app, ours.partnership_id)
    }
    found = {(e["originator_id"], e["version"]) for e in bundle["events"]}
    assert found == expected
    others = {str(e.originator_id) for e in partnership_log(app, theirs.partnership_id)}
    assert not others & {e["originator_id"] for e in bundle["events"]}
    assert bundle["checkpoint"]["size"] == checkpoint.size
    assert len(bundle["checkpoints"]) == 2 and len(bundle["consistency"]) == 1

    outcome = verify_partnership(json.loads(json.dumps(bundle)))
    assert outcome.events == len(expected)
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle, indent=2), encoding="utf-8")
    assert main([str(path)]) == 0
    verifier_key = bundle["public_keys"][0]["verifier_key"]
    assert main([str(path), "--key", verifier_key]) == 0


def tampered_bundles(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    changes = []

    def change(fn: Any) -> None:
        copied = copy.deepcopy(bundle)
        fn(copied)
        changes.append(copied)

    def flip_leaf(x: dict[str, Any]) -> None:
        leaf = bytearray(b(x["events"][0]["leaf"]))
        leaf[-2] ^= 1
        x["events"][0]["leaf"] = base64.b64encode(bytes(leaf)).decode()

    change(flip_leaf)
    change(lambda x: x["events"][0].update(version=x["events"][0]["version"] + 1))
    change(lambda x: x["events"][0].update(position=x["events"][0]["position"] + 1))
    change(lambda x: x["events"][0]["audit_path"].pop())
    change(lambda x: x["checkpoint"].update(timestamp="2020-01-01T00:00:00Z"))
    change(lambda x: x["checkpoints"][-1].update(timestamp="2020-01-01T00:00:00Z"))
    change(lambda x: x["consistency"][0]["proof"].reverse())
    change(lambda x: x["consistency"].clear())
    change(lambda x: x["public_keys"][0].update(name="someone.else/log"))
    change(lambda x: x.update(pending=-1))
    change(lambda x: x.update(extra=1))
    return changes


def test_a_tampered_partnership_bundle_is_rejected(app: Samverkan) -> None:
    ours, _ = partnership_with_neighbours(app)
    sign_checkpoint(app)
    bundle = partnership_bundle(app, ours.partnership_id)
    for number, tampered in enumerate(tampered_bundles(bundle)):
        with pytest.raises(BundleError):
            verify_partnership(tampered)
            pytest.fail(f"change {number} was accepted")


def test_a_bundle_signed_by_another_key_is_rejected(app: Samverkan, tmp_path: Path) -> None:
    ours, _ = partnership_with_neighbours(app)
    sign_checkpoint(app)
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(partnership_bundle(app, ours.partnership_id)), encoding="utf-8")
    stranger = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    assert main([str(path), "--key", stranger]) == 1


def test_no_bundle_for_an_unknown_partnership(app: Samverkan) -> None:
    partnership_with_neighbours(app)
    with pytest.raises(NotFound):
        partnership_bundle(app, uuid.uuid4())


def test_event_lists_can_show_positions(app: Samverkan, actor: Actor) -> None:
    ensure_key_pair(app.config)
    for number in range(3):
        app.register_organisation(actor, f"Kommun {number}", "municipality", "SE")
    sign_checkpoint(app)
    app.register_organisation(actor, "Not yet sequenced", "municipality", "SE")
    ids = [e.notification_id for e in read_log(app)]
    assert positions_of(app, ids) == {ids[0]: 0, ids[1]: 1, ids[2]: 2}
    logged = event_at(app, 2)
    assert logged.notification_id == ids[2] and logged.type == "organisation.registered"
    with pytest.raises(NotFound):
        event_at(app, 3)
