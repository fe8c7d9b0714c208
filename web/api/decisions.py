"""Decisions: proposed in a partnership, signed off by each signatory organisation.

The unanimous rule is the domain's: once every signatory has signed, the decision is
adopted if none objected and one approved, else rejected, in the same write as the last
sign-off. Members propose and sign for their own organisation; auditors only read.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import request, url_for
from marshmallow import Schema, fields, validate

from samverkan.application.viewer import CONTRIBUTE, SIGN
from samverkan.domain.decision import Decision
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import DECISION_STATUSES, EVIDENCE_KINDS, STANCES
from samverkan.errors import InvalidInput, NotFound
from samverkan.readmodels.current_state import load_many, states
from samverkan.readmodels.records_index import records
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import Reply, expected_version, page, page_args, reply
from samverkan.web.api.presenters_decision import present
from samverkan.web.api.records import (
    allowed,
    as_seen,
    at_limit,
    command_on,
    current,
    partnership_of,
    read_limit,
)
from samverkan.web.api.schemas import NoNul, Strict, Versioned, choice, list_schema, text
from samverkan.web.auth import service

RECORD_EVIDENCE = ("experiment", "measure", "lesson", "decision")

blp = blueprint("decisions", "Decisions and their sign-offs under the unanimous rule")


class DecisionEvidenceSchema(Strict):
    kind = choice(EVIDENCE_KINDS, required=True)
    id = fields.UUID(required=True)


class DecisionSignoffSchema(Schema):
    organisation_id = fields.UUID()
    stance = fields.String()
    comment = fields.String(allow_none=True, metadata={"description": "null when erased"})
    user_id = fields.UUID(allow_none=True)
    at = fields.DateTime()


class DecisionProposerSchema(Schema):
    at = fields.DateTime()
    user_id = fields.UUID(allow_none=True)
    organisation_id = fields.UUID(allow_none=True)


class DecisionSchema(Versioned):
    partnership_id = fields.UUID()
    title = fields.String()
    status = fields.String(metadata={"enum": list(DECISION_STATUSES)})
    context = fields.String(allow_none=True)
    options = fields.List(fields.String())
    proposal = fields.String(allow_none=True)
    rationale = fields.String(allow_none=True)
    signatory_ids = fields.List(fields.UUID())
    evidence = fields.List(fields.Nested(DecisionEvidenceSchema))
    meeting_id = fields.UUID(allow_none=True)
    superseded_by = fields.UUID(allow_none=True)
    signoffs = fields.List(fields.Nested(DecisionSignoffSchema))
    awaiting_ids = fields.List(
        fields.UUID(), metadata={"description": "signatories yet to sign, while proposed"}
    )
    proposed_by = fields.Nested(DecisionProposerSchema, allow_none=True)
    proposed_at = fields.DateTime()
    updated_at = fields.DateTime()
    closed_at = fields.DateTime(allow_none=True)


class DecisionProposeSchema(NoNul):
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    context = text()
    options = fields.List(fields.String(validate=validate.Length(min=1, max=1000)), load_default=[])
    proposal = text()
    rationale = text()
    signatory_ids = fields.List(fields.UUID(), required=True, validate=validate.Length(min=1))
    evidence = fields.List(fields.Nested(DecisionEvidenceSchema), load_default=[])
    meeting_id = fields.UUID(load_default=None, allow_none=True)


class DecisionSignOffRequestSchema(NoNul):
    stance = choice(STANCES, required=True)
    comment = text(required=False)


class DecisionAmendRequestSchema(NoNul):
    changes = fields.Dict(keys=fields.String(), required=True, validate=validate.Length(min=1))
    reason = text()


class DecisionWithdrawRequestSchema(NoNul):
    reason = text()


class DecisionSupersedeRequestSchema(NoNul):
    by_decision_id = fields.UUID(required=True)


def answer(decision: Decision, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("decisions.decision", decision_id=decision.id)
    return reply(present(decision), decision.version, status, location)


def require_evidence(partnership_id: UUID, links: Any) -> None:
    """Evidence must be records of this partnership (422 otherwise), checked before the core
    would say a record belongs to another partnership: one the caller cannot see answers
    like one that does not exist. Meetings are checked by the core."""
    if not isinstance(links, list):
        return  # the core names the field
    wanted = {
        (link.get("kind"), str(link.get("id")))
        for link in links
        if isinstance(link, dict) and link.get("kind") in RECORD_EVIDENCE
    }
    if not wanted:
        return
    with service().sql.connect() as connection:
        found = {
            (row.kind, row.id)
            for row in connection.execute(
                sa.select(states.c.kind, states.c.id).where(
                    states.c.id.in_([record_id for _, record_id in wanted]),
                    states.c.partnership_id == str(partnership_id),
                )
            )
        }
    missing = sorted(f"{kind} {record_id}" for kind, record_id in wanted - found)
    if missing:
        raise InvalidInput.field("evidence", f"no {', '.join(missing)} in this partnership")


@blp.post("/partnerships/<uuid:partnership_id>/decisions")
@blp.arguments(DecisionProposeSchema)
@blp.response(201, DecisionSchema)
def propose(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Propose a decision for the signatories to sign off (members and coordinators)."""
    user = allowed(partnership_id, CONTRIBUTE)
    current(Partnership, partnership_id)
    evidence = [{"kind": link["kind"], "id": str(link["id"])} for link in body["evidence"]]
    require_evidence(partnership_id, evidence)
    proposed = service().propose_decision(
        user.actor,
        partnership_id,
        body["title"],
        body["context"],
        body["options"],
        body["proposal"],
        body["rationale"],
        body["signatory_ids"],
        evidence,
        body["meeting_id"],
    )
    return answer(proposed, 201)


@blp.get("/partnerships/<uuid:partnership_id>/decisions")
@blp.response(200, list_schema(DecisionSchema))
def decisions(partnership_id: UUID) -> dict[str, Any]:
    """The partnership's decisions, oldest first; ``?status=`` keeps those with that status."""
    _, limit = read_limit(partnership_id)
    status = request.args.get("status")
    if status is not None and status not in DECISION_STATUSES:
        raise InvalidInput.field("status", f"must be one of {', '.join(DECISION_STATUSES)}")
    size, cursor = page_args()
    if cursor is not None and (
        not isinstance(cursor, list)
        or len(cursor) != 2
        or not all(isinstance(part, str) for part in cursor)
    ):
        raise InvalidInput.field("cursor", "is not a cursor this API gave")
    query = (
        sa.select(records.c.id, records.c.created_at)
        .where(records.c.kind == "decision", records.c.partnership_id == str(partnership_id))
        .order_by(records.c.created_at, records.c.id)
    )
    if status is not None and limit is None:
        query = query.where(records.c.status == status)
    if limit is not None:
        query = query.where(records.c.created_at <= limit)
    with service().sql.connect() as connection:
        rows = connection.execute(query).all()
    keys = {row.id: [row.created_at.isoformat(), row.id] for row in rows}
    ids = [UUID(row.id) for row in rows if cursor is None or keys[row.id] > cursor]
    found: list[Decision] = []
    if limit is None:  # the status was filtered in SQL: the page is the first size + 1
        found = load_many(service().sql, Decision, ids[: size + 1])
    for decision_id in ids if limit is not None else ():
        seen = at_limit(Decision, decision_id, limit)
        if seen is not None and (status is None or seen.status == status):
            found.append(seen)
        if len(found) > size:
            break
    return page([present(d) for d in found], size, lambda item: keys[str(item["id"])])


@blp.get("/decisions/<uuid:decision_id>")
@blp.response(200, DecisionSchema)
def decision(decision_id: UUID) -> Reply:
    """The decision with each signatory's latest sign-off (``?version=``, ``?as_of=``)."""
    _, limit = read_limit(partnership_of(Decision, decision_id))
    return answer(as_seen(Decision, decision_id, current(Decision, decision_id), limit))


@blp.post("/decisions/<uuid:decision_id>/signoffs")
@blp.arguments(DecisionSignOffRequestSchema)
@blp.response(200, DecisionSchema)
def sign_off(body: dict[str, Any], decision_id: UUID) -> Reply:
    """Sign for the caller's own organisation: approve, object or abstain (409 if closed)."""
    signed = command_on(
        Decision,
        decision_id,
        service().sign_off,
        body["stance"],
        body.get("comment") or "",
        action=SIGN,
    )
    return answer(signed)


@blp.post("/decisions/<uuid:decision_id>/amendments")
@blp.arguments(DecisionAmendRequestSchema)
@blp.response(200, DecisionSchema)
def amend(body: dict[str, Any], decision_id: UUID) -> Reply:
    """Change a proposed decision; the sign-offs made so far no longer count."""
    partnership_id = partnership_of(Decision, decision_id)
    user = allowed(partnership_id, CONTRIBUTE)
    require_evidence(partnership_id, body["changes"].get("evidence"))
    amended = service().amend_decision(
        user.actor,
        decision_id,
        body["changes"],
        body["reason"],
        expected_version=expected_version(),
    )
    return answer(amended)


@blp.post("/decisions/<uuid:decision_id>/withdrawal")
@blp.arguments(DecisionWithdrawRequestSchema)
@blp.response(200, DecisionSchema)
def withdraw(body: dict[str, Any], decision_id: UUID) -> Reply:
    """Withdraw a proposed decision."""
    withdrawn = command_on(Decision, decision_id, service().withdraw_decision, body["reason"])
    return answer(withdrawn)


@blp.post("/decisions/<uuid:decision_id>/supersession")
@blp.arguments(DecisionSupersedeRequestSchema)
@blp.response(200, DecisionSchema)
def supersede(body: dict[str, Any], decision_id: UUID) -> Reply:
    """Mark an adopted decision superseded by a later adopted one of the same partnership."""
    partnership_id = partnership_of(Decision, decision_id)
    user = allowed(partnership_id, CONTRIBUTE)
    by_id = body["by_decision_id"]
    try:
        same = partnership_of(Decision, by_id) == partnership_id
    except NotFound:
        same = False
    if not same:  # another partnership's decision answers like one that does not exist
        raise InvalidInput.field("by_decision_id", "is not a decision of this partnership")
    superseded = service().supersede_decision(
        user.actor, decision_id, by_id, expected_version=expected_version()
    )
    return answer(superseded)
