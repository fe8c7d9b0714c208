"""GET /api/v1/partnerships/{id}/register?status=: the decision register."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import request
from marshmallow import Schema, fields

from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import DECISION_STATUSES
from samverkan.errors import InvalidInput
from samverkan.plugins.ledger.viewing import partnership_cutoff
from samverkan.plugins.register.register import Entry, evidence_titles, register_of
from samverkan.readmodels.current_state import load_current
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import page, page_args
from samverkan.web.auth import service

blp = blueprint("decision_register", "The decision register of a partnership")


class DecisionRegisterSignatorySchema(Schema):
    organisation_id = fields.UUID()
    stance = fields.String(allow_none=True, metadata={"description": "approve | object | abstain"})
    signed_at = fields.DateTime(allow_none=True)
    user_id = fields.UUID(allow_none=True)


class DecisionRegisterEvidenceSchema(Schema):
    kind = fields.String()
    id = fields.UUID()
    title = fields.String(allow_none=True)


class DecisionRegisterDecisionSchema(Schema):
    id = fields.UUID()
    version = fields.Integer()
    title = fields.String()
    status = fields.String()
    proposed_at = fields.DateTime()
    decided_at = fields.DateTime(allow_none=True)
    meeting_id = fields.UUID(allow_none=True)
    superseded_by = fields.UUID(allow_none=True)
    signatories = fields.List(fields.Nested(DecisionRegisterSignatorySchema))
    evidence = fields.List(fields.Nested(DecisionRegisterEvidenceSchema))


class DecisionRegisterSchema(Schema):
    partnership_id = fields.UUID()
    as_of = fields.DateTime(allow_none=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    items = fields.List(fields.Nested(DecisionRegisterDecisionSchema))
    next = fields.String(allow_none=True)


def present(entry: Entry, titles: dict[str, str | None]) -> dict[str, Any]:
    return {
        "id": entry.id,
        "version": entry.version,
        "title": entry.title,
        "status": entry.status,
        "proposed_at": entry.proposed_at,
        "decided_at": entry.decided_at,
        "meeting_id": entry.meeting_id,
        "superseded_by": entry.superseded_by,
        "signatories": [
            {
                "organisation_id": organisation_id,
                "stance": stance.stance if stance else None,
                "signed_at": stance.signed_at if stance else None,
                "user_id": stance.user_id if stance else None,
            }
            for organisation_id in entry.signatory_ids
            for stance in [entry.stances.get(organisation_id)]
        ],
        "evidence": [{**link, "title": titles.get(link["id"])} for link in entry.evidence],
    }


@blp.get("/partnerships/<uuid:partnership_id>/register")
@blp.response(200, DecisionRegisterSchema)
def register(partnership_id: UUID) -> dict[str, Any]:
    """Every decision with its status, signatories and their stances, and its evidence;
    ``?status=`` filters (``proposed | adopted | rejected | withdrawn | superseded``),
    ``?as_of=`` travels in recording time; ``counts`` are per status, unfiltered."""
    cutoff = partnership_cutoff(partnership_id)
    status = request_status()
    limit, cursor = page_args()
    engine = service().sql
    everything = register_of(engine, partnership_id, cutoff)
    chosen = [entry for entry in everything if status is None or entry.status == status]
    if cursor is not None:
        ids = [entry.id for entry in chosen]
        chosen = chosen[ids.index(cursor) + 1 :] if cursor in ids else []
    partnership = load_current(engine, Partnership, partnership_id)
    titles = evidence_titles(engine, partnership)
    body = page([present(entry, titles) for entry in chosen[: limit + 1]], limit, _id)
    return {
        "partnership_id": partnership_id,
        "as_of": cutoff,
        "counts": {s: sum(1 for e in everything if e.status == s) for s in DECISION_STATUSES},
        **body,
    }


def _id(item: dict[str, Any]) -> str:
    return str(item["id"])


def request_status() -> str | None:
    status = request.args.get("status")
    if status is None or status == "":
        return None
    if status not in DECISION_STATUSES:
        raise InvalidInput.field("status", f"must be one of {', '.join(DECISION_STATUSES)}")
    return status
