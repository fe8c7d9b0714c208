"""The audit log over HTTP: checkpoints, cosignatures, the public key, proofs, bundles.

Checkpoints and the public key are for every signed-in user. A leaf or proof is served
only for an event the caller may see (404 otherwise, as if it did not exist).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import Response, request
from marshmallow import fields, validate

from samverkan.application.viewer import Forbidden, Viewer
from samverkan.audit.checkpoints import (
    add_cosignature,
    checkpoint_listing,
    checkpoint_note,
    get_checkpoint,
    latest_checkpoint,
    register_witness_key,
)
from samverkan.audit.keys import load_key
from samverkan.audit.proofs import consistency, event_at, inclusion, partnership_bundle
from samverkan.errors import InvalidInput, NotFound
from samverkan.readmodels.current_state import states
from samverkan.storage.log import LoggedEvent
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import whole_arg
from samverkan.web.api.schemas import BIGINT_MAX, Strict
from samverkan.web.auth import require_user, service

blp = blueprint("audit", "The tamper-evident audit log: checkpoints, proofs and bundles")

OPEN_KINDS = ("organisation.",)

# Served as built (core/audit): described here, not dumped through a schema.
PUBLIC_KEY = {
    "type": "object",
    "required": ["algorithm", "name", "key_id", "public_key", "verifier_key", "pem"],
    "properties": {
        name: {"type": "string"}
        for name in ("algorithm", "name", "key_id", "public_key", "verifier_key", "pem")
    },
}
BUNDLE = {
    "type": "object",
    "description": "Events with leaves and inclusion proofs, checkpoints, consistency proofs "
    "and the public key: checkable offline by samverkan-verify",
}


def text_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/plain": {"schema": {"type": "string"}}}}


def json_response(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }  # organisations are public to every signed-in user


class CheckpointSchema(Strict):
    size = fields.Integer()
    root_hash = fields.String(metadata={"description": "base64"})
    timestamp = fields.String(metadata={"description": "RFC 3339, UTC"})
    signature = fields.String(metadata={"description": "base64 Ed25519 signature"})
    key_id = fields.String()
    origin = fields.String()


class CosignatureSchema(Strict):
    organisation_id = fields.UUID(required=True)
    key_id = fields.String(required=True, validate=validate.Regexp(r"^[0-9a-f]{8}$"))
    signature = fields.String(required=True)
    name = fields.String(dump_only=True)
    recorded_at = fields.String(dump_only=True)
    public_key = fields.String(dump_only=True)


class CheckpointWithCosignatures(CheckpointSchema):
    cosignatures = fields.List(fields.Nested(CosignatureSchema))


class CheckpointList(Strict):
    items = fields.List(fields.Nested(CheckpointWithCosignatures))
    next = fields.String(allow_none=True)


class WitnessKeySchema(Strict):
    organisation_id = fields.UUID(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    public_key = fields.String(required=True, metadata={"description": "base64, 32 bytes"})
    key_id = fields.String(dump_only=True)


class InclusionSchema(Strict):
    leaf = fields.String()
    leaf_index = fields.Integer()
    tree_size = fields.Integer()
    audit_path = fields.List(fields.String())


class ConsistencySchema(Strict):
    first = fields.Integer()
    second = fields.Integer()
    proof = fields.List(fields.String())


def int_arg(name: str, *, required: bool) -> int | None:
    raw = request.args.get(name)
    if raw is None:
        if required:
            raise InvalidInput.field(name, "is required")
        return None
    return whole_arg(name, raw, maximum=BIGINT_MAX)


def partnership_of(logged: LoggedEvent) -> UUID | None:
    """The partnership an event is about (None for events outside every partnership)."""
    if logged.type.startswith("partnership."):
        return logged.originator_id
    with service().sql.connect() as connection:
        found = connection.execute(
            sa.select(states.c.partnership_id).where(states.c.id == str(logged.originator_id))
        ).scalar_one_or_none()
    return None if found is None else UUID(found)


def require_visible(access: Viewer, logged: LoggedEvent) -> None:
    """404 unless the caller may see the event (admins see all)."""
    if access.is_admin or logged.type.startswith(OPEN_KINDS):
        return
    partnership_id = partnership_of(logged)
    if partnership_id is None:
        raise NotFound("No such event")
    limit = access.read_limit(partnership_id)
    if limit is not None and logged.at > limit:
        raise NotFound("No such event")


def require_own_organisation(organisation_id: UUID) -> None:
    """A partner signs for its own organisation; auditors write nothing."""
    user = require_user()
    access = Viewer.of(service().sql, user)
    access.require_role("coordinator", "member")
    if not access.is_admin and organisation_id != user.organisation_id:
        raise Forbidden("You act for another organisation")


@blp.get("/audit/checkpoint")
@blp.response(200, CheckpointSchema)
def checkpoint() -> dict[str, Any]:
    """The latest signed tree head."""
    require_user()
    latest = latest_checkpoint(service())
    if latest is None:
        raise NotFound("No checkpoint has been signed yet")
    return latest.as_dict()


@blp.get("/audit/checkpoint.txt")
@blp.response(200, content_type="text/plain")
@blp.doc(responses={"200": text_response("The signed note")})
def checkpoint_text() -> Response:
    """The latest checkpoint as a C2SP tlog-checkpoint signed note."""
    require_user()
    latest = latest_checkpoint(service())
    if latest is None:
        raise NotFound("No checkpoint has been signed yet")
    return Response(checkpoint_note(service(), latest), mimetype="text/plain")


@blp.get("/audit/checkpoints")
@blp.response(200, CheckpointList)
def checkpoints() -> dict[str, Any]:
    """Every checkpoint with its cosignatures, newest first."""
    require_user()
    return {"items": checkpoint_listing(service()), "next": None}


@blp.post("/audit/checkpoints/<int:size>/cosignatures")
@blp.arguments(CosignatureSchema)
@blp.response(201, CosignatureSchema)
def cosign(body: dict[str, Any], size: int) -> tuple[dict[str, Any], int]:
    """A partner organisation witnesses a checkpoint with its own signature."""
    require_own_organisation(body["organisation_id"])
    if get_checkpoint(service(), size) is None:
        raise NotFound(f"No checkpoint of size {size}")
    added = add_cosignature(
        service(), size, body["organisation_id"], body["key_id"], body["signature"]
    )
    return added, 201


@blp.post("/audit/witness-keys")
@blp.arguments(WitnessKeySchema)
@blp.response(201, WitnessKeySchema)
def witness_key(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Register a partner organisation's Ed25519 key, used to check its cosignatures."""
    require_own_organisation(body["organisation_id"])
    try:
        public_key = base64.b64decode(body["public_key"], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput.field("public_key", "must be base64") from None
    key_id = register_witness_key(service(), body["organisation_id"], body["name"], public_key)
    return {**body, "key_id": key_id}, 201


@blp.get("/audit/public-key")
@blp.doc(responses={"200": json_response(PUBLIC_KEY, "The public key")})
def public_key() -> dict[str, str]:
    """The log's public key (Ed25519), also as a signed-note verifier key."""
    require_user()
    return load_key(service().config).public_info()


@blp.get("/audit/inclusion")
@blp.response(200, InclusionSchema)
def inclusion_proof() -> dict[str, Any]:
    """Proof that the event at ``position`` is in the tree of ``size`` leaves."""
    user = require_user()
    position = int_arg("position", required=True)
    size = int_arg("size", required=False)
    assert position is not None
    proof = inclusion(service(), position, size)  # 422 when position >= size
    require_visible(Viewer.of(service().sql, user), event_at(service(), position))
    return proof


@blp.get("/audit/consistency")
@blp.response(200, ConsistencySchema)
def consistency_proof() -> dict[str, Any]:
    """Proof that the tree of ``second`` leaves extends the tree of ``first``."""
    require_user()
    first = int_arg("first", required=True)
    second = int_arg("second", required=True)
    assert first is not None and second is not None
    return consistency(service(), first, second)


@blp.get("/partnerships/<uuid:partnership_id>/bundle")
@blp.doc(responses={"200": json_response(BUNDLE, "The bundle (docs/audit.md)")})
def bundle(partnership_id: UUID) -> dict[str, Any]:
    """The partnership's events with leaves and inclusion proofs, checkable offline."""
    user = require_user()
    if Viewer.of(service().sql, user).read_limit(partnership_id) is not None:
        raise Forbidden("Your organisation has left: ask for proofs of single events")
    return partnership_bundle(service(), partnership_id)
