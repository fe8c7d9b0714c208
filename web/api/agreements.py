"""Risk-sharing agreements: the parties' shares, what they commit and contribute, costs,
benefits and risks. The ledger (GET /agreements/{id}/ledger) is a plugin's route."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from marshmallow import fields, validate

from samverkan.application.viewer import CONTRIBUTE
from samverkan.domain.agreement import Agreement
from samverkan.domain.vocabulary import BENEFICIARIES, CONTRIBUTION_KINDS, RISK_STATUSES
from samverkan.web.api import records
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import Reply
from samverkan.web.api.records import Entry, Texts, allowed, amount, command_on, listing, show
from samverkan.web.api.schemas import (
    NoNul,
    PageQuery,
    Recorded,
    Strict,
    Versioned,
    choice,
    list_schema,
    required_text,
    whole,
)
from samverkan.web.api.schemas import amount as amount_field
from samverkan.web.auth import service

blp = blueprint("agreements", "Risk-sharing agreements between the parties of a partnership")

DECIMAL = {"description": "A decimal, as a string"}


def optional_text() -> fields.String:
    return fields.String(load_default="", allow_none=True, validate=validate.Length(max=20_000))


class AgreementInSchema(NoNul):
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    currency = fields.String(required=True, metadata={"description": "ISO 4217, such as SEK"})
    shares = fields.Dict(
        keys=fields.String(),
        values=amount_field(),
        required=True,
        metadata={"description": "organisation_id: percent; each above 0, summing to 100"},
    )


class AgreementResourceInSchema(NoNul):
    organisation_id = fields.UUID(required=True)
    kind = choice(CONTRIBUTION_KINDS, required=True)
    amount = amount_field(required=True)
    unit = fields.String(required=True, validate=validate.Length(min=1, max=50))
    description = optional_text()


class AgreementCostInSchema(NoNul):
    amount = amount_field(required=True)
    description = required_text()


class AgreementBenefitInSchema(NoNul):
    beneficiary = choice(BENEFICIARIES, required=True)
    amount = amount_field(required=True)
    description = required_text()


class AgreementRiskInSchema(NoNul):
    description = required_text()
    owner_id = fields.UUID(required=True)
    likelihood = whole(1, 5, required=True)
    impact = whole(1, 5, required=True)


class AgreementRiskStatusInSchema(NoNul):
    status = choice(RISK_STATUSES, required=True)
    note = optional_text()


class AgreementResourceSchema(Recorded):
    organisation_id = fields.UUID()
    kind = choice(CONTRIBUTION_KINDS)
    amount = fields.String(metadata=DECIMAL)
    unit = fields.String()
    description = fields.String(allow_none=True, metadata={"description": "null when erased"})


class AgreementCostSchema(Recorded):
    amount = fields.String(metadata=DECIMAL)
    description = fields.String(allow_none=True)


class AgreementBenefitSchema(Recorded):
    beneficiary = choice(BENEFICIARIES)
    amount = fields.String(metadata=DECIMAL)
    description = fields.String(allow_none=True)


class AgreementRiskChangeSchema(Recorded):
    status = choice(RISK_STATUSES)
    note = fields.String(allow_none=True)


class AgreementRiskSummarySchema(Strict):
    id = fields.UUID()
    owner_id = fields.UUID()
    status = choice(RISK_STATUSES)


class AgreementRiskSchema(AgreementRiskSummarySchema, Recorded):
    description = fields.String(allow_none=True)
    likelihood = fields.Integer()
    impact = fields.Integer()
    history = fields.List(fields.Nested(AgreementRiskChangeSchema))


class AgreementSummarySchema(Versioned):
    partnership_id = fields.UUID()
    title = fields.String()
    currency = fields.String()
    shares = fields.Dict(keys=fields.String(), values=fields.String(metadata=DECIMAL))
    risks = fields.List(fields.Nested(AgreementRiskSummarySchema))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class AgreementSchema(AgreementSummarySchema):
    agreed = fields.Nested(Recorded)
    commitments = fields.List(fields.Nested(AgreementResourceSchema))
    contributions = fields.List(fields.Nested(AgreementResourceSchema))
    costs = fields.List(fields.Nested(AgreementCostSchema))
    benefits = fields.List(fields.Nested(AgreementBenefitSchema))
    risks = fields.List(fields.Nested(AgreementRiskSchema))


def summary(agreement: Agreement) -> dict[str, Any]:
    return {
        "id": agreement.id,
        "version": agreement.version,
        "partnership_id": agreement.partnership_id,
        "title": agreement.title,
        "currency": agreement.currency,
        "shares": {party: amount(share) for party, share in agreement.shares.items()},
        "risks": [
            {"id": risk_id, "owner_id": risk["owner_id"], "status": risk["status"]}
            for risk_id, risk in agreement.risks.items()
        ],
        "created_at": agreement.created_on,
        "updated_at": agreement.modified_on,
    }


def resource(entry: Entry, texts: Texts) -> dict[str, Any]:
    event = entry.event
    return {
        "organisation_id": event.organisation_id,
        "kind": event.kind,
        "amount": amount(event.amount),
        "unit": event.unit,
        "description": texts(event.description),
        **entry.by(),
    }


def present(agreement: Agreement, entries: list[Entry]) -> dict[str, Any]:
    """The agreement with every commitment, contribution, cost, benefit and risk, in order."""
    texts = Texts(
        getattr(entry.event, name, None) for entry in entries for name in ("description", "note")
    )
    body = summary(agreement) | {
        "commitments": [],
        "contributions": [],
        "costs": [],
        "benefits": [],
    }
    risks: dict[str, dict[str, Any]] = {}
    for entry in entries:
        event = entry.event
        if entry.topic == "agreement.agreed":
            body["agreed"] = entry.by()
        elif entry.topic == "agreement.commitment_made":
            body["commitments"].append(resource(entry, texts))
        elif entry.topic == "agreement.contribution_recorded":
            body["contributions"].append(resource(entry, texts))
        elif entry.topic == "agreement.cost_incurred":
            body["costs"].append(
                {"amount": amount(event.amount), "description": texts(event.description)}
                | entry.by()
            )
        elif entry.topic == "agreement.benefit_realised":
            body["benefits"].append(
                {
                    "beneficiary": event.beneficiary,
                    "amount": amount(event.amount),
                    "description": texts(event.description),
                    **entry.by(),
                }
            )
        elif entry.topic == "agreement.risk_registered":
            risks[str(event.risk_id)] = {
                "id": event.risk_id,
                "description": texts(event.description),
                "owner_id": event.owner_id,
                "likelihood": event.likelihood,
                "impact": event.impact,
                "status": "open",
                "history": [],
                **entry.by(),
            }
        elif entry.topic == "agreement.risk_status_changed":
            risk = risks[str(event.risk_id)]
            risk["status"] = event.status
            risk["history"].append({"status": event.status, "note": texts(event.note)} | entry.by())
    body["risks"] = list(risks.values())
    return body


def answer(agreement: Agreement, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("agreements.agreement", agreement_id=agreement.id)
    return records.answer(agreement, present, status, location)


@blp.post("/partnerships/<uuid:partnership_id>/agreements")
@blp.arguments(AgreementInSchema)
@blp.response(201, AgreementSchema)
def agree(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Agree how members share risk: shares above 0 that sum to exactly 100 (409 if not)."""
    user = allowed(partnership_id, CONTRIBUTE)
    agreement = service().make_agreement(
        user.actor, partnership_id, body["title"], body["currency"], body["shares"]
    )
    return answer(agreement, 201)


@blp.post("/agreements/<uuid:agreement_id>/commitments")
@blp.arguments(AgreementResourceInSchema)
@blp.response(200, AgreementSchema)
def commit(body: dict[str, Any], agreement_id: UUID) -> Reply:
    """A party commits money, staff hours or something in kind."""
    agreement = command_on(
        Agreement,
        agreement_id,
        service().make_commitment,
        body["organisation_id"],
        body["kind"],
        body["amount"],
        body["unit"],
        body["description"],
    )
    return answer(agreement)


@blp.post("/agreements/<uuid:agreement_id>/contributions")
@blp.arguments(AgreementResourceInSchema)
@blp.response(200, AgreementSchema)
def contribute(body: dict[str, Any], agreement_id: UUID) -> Reply:
    """A party contributed money, staff hours or something in kind."""
    agreement = command_on(
        Agreement,
        agreement_id,
        service().record_contribution,
        body["organisation_id"],
        body["kind"],
        body["amount"],
        body["unit"],
        body["description"],
    )
    return answer(agreement)


@blp.post("/agreements/<uuid:agreement_id>/costs")
@blp.arguments(AgreementCostInSchema)
@blp.response(200, AgreementSchema)
def incur_cost(body: dict[str, Any], agreement_id: UUID) -> Reply:
    """A cost, in the agreement's currency, that the parties share by their shares."""
    agreement = command_on(
        Agreement, agreement_id, service().incur_cost, body["amount"], body["description"]
    )
    return answer(agreement)


@blp.post("/agreements/<uuid:agreement_id>/benefits")
@blp.arguments(AgreementBenefitInSchema)
@blp.response(200, AgreementSchema)
def realise_benefit(body: dict[str, Any], agreement_id: UUID) -> Reply:
    """A benefit realised for the region, the companies or the residents."""
    agreement = command_on(
        Agreement,
        agreement_id,
        service().realise_benefit,
        body["beneficiary"],
        body["amount"],
        body["description"],
    )
    return answer(agreement)


@blp.post("/agreements/<uuid:agreement_id>/risks")
@blp.arguments(AgreementRiskInSchema)
@blp.response(200, AgreementSchema)
def register_risk(body: dict[str, Any], agreement_id: UUID) -> Reply:
    """Register a risk owned by a party; the new risk's id is in ``Risk-Id``."""
    agreement, risk_id = command_on(
        Agreement,
        agreement_id,
        service().register_risk,
        body["description"],
        body["owner_id"],
        body["likelihood"],
        body["impact"],
    )
    written, status, headers = answer(agreement)
    return written, status, headers | {"Risk-Id": str(risk_id)}


@blp.post("/agreements/<uuid:agreement_id>/risks/<uuid:risk_id>/status")
@blp.arguments(AgreementRiskStatusInSchema)
@blp.response(200, AgreementSchema)
def change_risk_status(body: dict[str, Any], agreement_id: UUID, risk_id: UUID) -> Reply:
    """A risk is mitigated, materialised or closed (or open again)."""
    agreement = command_on(
        Agreement, agreement_id, service().change_risk_status, risk_id, body["status"], body["note"]
    )
    return answer(agreement)


@blp.get("/agreements/<uuid:agreement_id>")
@blp.response(200, AgreementSchema)
def agreement(agreement_id: UUID) -> Reply:
    """The agreement now, or ``?as_of=`` / ``?version=``."""
    return show(Agreement, agreement_id, present)


@blp.get("/partnerships/<uuid:partnership_id>/agreements")
@blp.arguments(PageQuery, location="query")
@blp.response(200, list_schema(AgreementSummarySchema))
def agreements(query: dict[str, Any], partnership_id: UUID) -> dict[str, Any]:
    """The partnership's agreements, oldest first."""
    return listing(Agreement, partnership_id, lambda found: [summary(a) for a in found])
