"""The audit log's HTTP routes: checkpoints, cosignatures, proofs and bundles, with visibility."""

from __future__ import annotations

import base64
import hashlib
from uuid import UUID

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import sign_checkpoint
from samverkan.audit.keys import ensure_key_pair
from samverkan.audit.verify_proofs import verify_consistency, verify_inclusion
from samverkan.storage.log import read_log
from tests.api.callers import OPERATOR, Caller, make_caller

PROBLEM = "application/problem+json"


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


@pytest.fixture
def world(flask_app: Flask, service: Samverkan) -> dict[str, object]:
    """Two partnerships of two organisations, a signing key and a checkpoint."""
    ensure_key_pair(service.config)
    region = service.register_organisation(OPERATOR, "Region Västerbotten", "region", "SE").id
    town = service.register_organisation(OPERATOR, "Norrtälje kommun", "municipality", "SE").id
    ours = service.start_partnership(
        OPERATOR,
        "Innovationskliniker",
        "innovation_partnership",
        "Syfte",
        [],
        region,
        "2017-09-01",
        None,
    ).id
    theirs = service.start_partnership(
        OPERATOR, "Testbädd", "testbed", "Syfte", [], town, "2018-11-01", "2020-11-30"
    ).id
    member = make_caller(flask_app, region, "member", "lead@region.se")
    outsider = make_caller(flask_app, town, "member", "lead@kommun.se")
    auditor = make_caller(flask_app, region, "auditor", "audit@region.se")
    flask_app.extensions["samverkan.projections"].catch_up()
    checkpoint = sign_checkpoint(service)
    return {
        "member": member,
        "outsider": outsider,
        "auditor": auditor,
        "ours": ours,
        "theirs": theirs,
        "size": checkpoint.size,
    }


def position_of_start(service: Samverkan, partnership_id: UUID) -> int:
    ids = [e.notification_id for e in read_log(service)]
    started = next(
        e.notification_id
        for e in read_log(service)
        if e.type == "partnership.started" and e.originator_id == partnership_id
    )
    return ids.index(started)  # SQLite ids are dense; the tree position is the log order


def test_the_checkpoint_is_signed_by_the_public_key(world: dict, service: Samverkan) -> None:
    member: Caller = world["member"]
    checkpoint = member.get("/api/v1/audit/checkpoint").json
    assert checkpoint["size"] == world["size"]
    key = member.get("/api/v1/audit/public-key").json
    public = serialization.load_pem_public_key(key["pem"].encode())
    note = member.get("/api/v1/audit/checkpoint.txt")
    assert note.mimetype == "text/plain"
    body, _, signatures = note.get_data(as_text=True).partition("\n\n")
    assert body.splitlines()[1:3] == [str(checkpoint["size"]), checkpoint["root_hash"]]
    public.verify(unb64(checkpoint["signature"]), (body + "\n").encode())  # raises if bad
    assert signatures.startswith("— ")


def test_inclusion_proofs_verify_and_respect_visibility(world: dict, service: Samverkan) -> None:
    member: Caller = world["member"]
    outsider: Caller = world["outsider"]
    root = unb64(member.get("/api/v1/audit/checkpoint").json["root_hash"])
    position = position_of_start(service, world["ours"])
    proof = member.get(f"/api/v1/audit/inclusion?position={position}").json
    leaf_hash = hashlib.sha256(b"\x00" + unb64(proof["leaf"])).digest()
    path = [unb64(node) for node in proof["audit_path"]]
    assert verify_inclusion(leaf_hash, proof["leaf_index"], proof["tree_size"], path, root)
    hidden = outsider.get(f"/api/v1/audit/inclusion?position={position}")
    assert hidden.status_code == 404 and hidden.mimetype == PROBLEM
    too_far = member.get(f"/api/v1/audit/inclusion?position={world['size']}")
    assert too_far.status_code == 422
    assert member.get("/api/v1/audit/inclusion?position=x").status_code == 422
    assert member.get("/api/v1/audit/inclusion").status_code == 422


def test_consistency_between_two_checkpoints(
    world: dict, service: Samverkan, flask_app: Flask
) -> None:
    member: Caller = world["member"]
    first = member.get("/api/v1/audit/checkpoint").json
    service.enter_phase(OPERATOR, world["ours"], "understand", "Vi börjar förstå")
    flask_app.extensions["samverkan.projections"].catch_up()
    sign_checkpoint(service)
    second = member.get("/api/v1/audit/checkpoint").json
    assert second["size"] == first["size"] + 1
    proof = member.get(
        f"/api/v1/audit/consistency?first={first['size']}&second={second['size']}"
    ).json
    assert verify_consistency(
        first["size"],
        second["size"],
        unb64(first["root_hash"]),
        unb64(second["root_hash"]),
        [unb64(node) for node in proof["proof"]],
    )
    listing = member.get("/api/v1/audit/checkpoints").json["items"]
    assert [c["size"] for c in listing] == [second["size"], first["size"]]


def test_the_bundle_holds_only_the_partnership(world: dict) -> None:
    member: Caller = world["member"]
    bundle = member.get(f"/api/v1/partnerships/{world['ours']}/bundle").json
    assert bundle["partnership_id"] == str(world["ours"])
    assert {e["type"] for e in bundle["events"]} == {"partnership.started"}
    assert member.get(f"/api/v1/partnerships/{world['theirs']}/bundle").status_code == 404


def test_a_partner_cosigns_a_checkpoint(world: dict) -> None:
    member: Caller = world["member"]
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    organisation = str(member.organisation_id)
    registered = member.post(
        "/api/v1/audit/witness-keys",
        json={
            "organisation_id": organisation,
            "name": "witness.region.se",
            "public_key": base64.b64encode(raw).decode(),
        },
    )
    assert registered.status_code == 201, registered.json
    key_id = registered.json["key_id"]
    note = member.get("/api/v1/audit/checkpoint.txt").get_data(as_text=True)
    body = note.split("\n\n")[0] + "\n"
    signature = base64.b64encode(private.sign(body.encode())).decode()
    path = f"/api/v1/audit/checkpoints/{world['size']}/cosignatures"
    bad = member.post(
        path,
        json={
            "organisation_id": organisation,
            "key_id": key_id,
            "signature": base64.b64encode(b"x" * 64).decode(),
        },
    )
    assert bad.status_code == 422 and "signature" in bad.json["errors"]
    signed = member.post(
        path, json={"organisation_id": organisation, "key_id": key_id, "signature": signature}
    )
    assert signed.status_code == 201, signed.json
    listing = member.get("/api/v1/audit/checkpoints").json["items"][0]
    assert [c["name"] for c in listing["cosignatures"]] == ["witness.region.se"]
    assert member.get("/api/v1/audit/checkpoint.txt").get_data(as_text=True).count("\n— ") == 2
    auditor: Caller = world["auditor"]
    assert (
        auditor.post(
            path, json={"organisation_id": organisation, "key_id": key_id, "signature": signature}
        ).status_code
        == 403
    )
    outsider: Caller = world["outsider"]
    assert (
        outsider.post(
            path, json={"organisation_id": organisation, "key_id": key_id, "signature": signature}
        ).status_code
        == 403
    )
    assert (
        member.post(
            "/api/v1/audit/checkpoints/99999/cosignatures",
            json={"organisation_id": organisation, "key_id": key_id, "signature": signature},
        ).status_code
        == 404
    )
