"""GET /api/v1/agreements/{id}/ledger (API.md's shape) and its CSV download."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from flask import Response
from marshmallow import Schema, fields

from samverkan.domain.vocabulary import RISK_STATUSES
from samverkan.plugins.ledger.common import earliest, organisation_names, reading_limit
from samverkan.plugins.ledger.ledger import Ledger, ledger_of, partnership_of
from samverkan.plugins.ledger.present import as_csv, as_json
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import Reply, etag, reply, time_travel
from samverkan.web.api.schemas import amount
from samverkan.web.auth import require_user, service

blp = blueprint("ledger", "The risk-sharing ledger of an agreement")


class LedgerKindsSchema(Schema):
    money = amount()
    staff_hours = amount()
    in_kind = amount()


class LedgerPartySchema(Schema):
    organisation_id = fields.UUID()
    share = amount(metadata={"description": "percent"})
    committed = fields.Nested(LedgerKindsSchema)
    contributed = fields.Nested(LedgerKindsSchema)
    share_of_costs = amount(metadata={"description": "share / 100 × costs_total"})
    balance = amount(metadata={"description": "contributed.money − share_of_costs"})


class LedgerBenefitSchema(Schema):
    beneficiary = fields.String()
    amount = amount()


class LedgerRiskSchema(Schema):
    id = fields.UUID()
    owner_id = fields.UUID()
    status = fields.String()
    likelihood = fields.Integer()
    impact = fields.Integer()


class LedgerTotalsSchema(Schema):
    share = amount()
    committed = fields.Nested(LedgerKindsSchema)
    contributed = fields.Nested(LedgerKindsSchema)
    share_of_costs = amount()
    balance = amount()
    benefits = amount()
    risks = fields.Dict(keys=fields.String(), values=fields.Integer())


class LedgerSchema(Schema):
    agreement_id = fields.UUID()
    partnership_id = fields.UUID()
    title = fields.String()
    version = fields.Integer()
    currency = fields.String()
    as_of = fields.DateTime(metadata={"description": "the recording time the ledger reflects"})
    costs_total = amount()
    parties = fields.List(fields.Nested(LedgerPartySchema))
    benefits = fields.List(fields.Nested(LedgerBenefitSchema))
    risks = fields.List(
        fields.Nested(LedgerRiskSchema), metadata={"description": f"statuses: {RISK_STATUSES}"}
    )
    totals = fields.Nested(LedgerTotalsSchema)


def visible_ledger(agreement_id: UUID) -> Ledger:
    """The ledger as the caller may see it: 404 if invisible, a former member's ends when it
    left; ``?as_of=`` / ``?version=`` travel in recording time."""
    user = require_user()
    version, as_of = time_travel()
    engine = service().sql
    limit = reading_limit(engine, user, UUID(partnership_of(engine, agreement_id)))
    cutoff: datetime | None = earliest(as_of, limit)
    return ledger_of(engine, agreement_id, as_of=cutoff, version=version)


@blp.get("/agreements/<uuid:agreement_id>/ledger")
@blp.response(200, LedgerSchema)
def ledger(agreement_id: UUID) -> Reply:
    """Per party: share, committed and contributed by kind, share of costs and balance;
    benefits by beneficiary; risks with their owners. Takes ``as_of`` or ``version``."""
    found = visible_ledger(agreement_id)
    return reply(as_json(found), found.version)


@blp.get("/agreements/<uuid:agreement_id>/ledger.csv")
@blp.doc(responses={"200": {"description": "CSV", "content": {"text/csv": {"schema": {}}}}})
def ledger_csv(agreement_id: UUID) -> Any:
    """The ledger as CSV: a row per party and a total row. Takes ``as_of`` or ``version``."""
    found = visible_ledger(agreement_id)
    names = organisation_names(service().sql, [p.organisation_id for p in found.parties])
    response = Response(as_csv([found], names), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="ledger-{agreement_id}.csv"'
    return etag(response, found.version)
