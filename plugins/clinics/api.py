"""GET /api/v1/partnerships/{id}/clinics/dashboard: one dashboard per innovation clinic."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from marshmallow import Schema, fields

from samverkan.plugins.clinics.dashboard import as_json, dashboard_of
from samverkan.plugins.ledger.common import member_units
from samverkan.plugins.ledger.viewing import partnership_cutoff
from samverkan.web.api.blueprints import blueprint
from samverkan.web.auth import service

blp = blueprint("clinic_dashboard", "The innovation-clinic dashboard of a partnership")


class DashboardClinicExperimentSchema(Schema):
    id = fields.UUID()
    title = fields.String()
    stage = fields.String()
    act = fields.String(allow_none=True)


class DashboardClinicExperimentsSchema(Schema):
    by_stage = fields.Dict(keys=fields.String(), values=fields.Integer())
    acts = fields.Dict(keys=fields.String(), values=fields.Integer())
    items = fields.List(fields.Nested(DashboardClinicExperimentSchema))


class DashboardClinicMeasureSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    unit = fields.String()
    direction = fields.String()
    baseline = fields.String(allow_none=True, metadata={"description": "decimal"})
    latest = fields.String(allow_none=True, metadata={"description": "decimal, corrected"})
    latest_period = fields.String(allow_none=True)
    target = fields.String(allow_none=True, metadata={"description": "decimal"})
    target_reached = fields.Boolean()


class DashboardClinicLessonSchema(Schema):
    id = fields.UUID()
    level = fields.String()
    tags = fields.List(fields.String())


class DashboardClinicPartnerSchema(Schema):
    organisation_id = fields.UUID()
    kind = fields.String()


class DashboardClinicAdoptionSchema(Schema):
    unit_id = fields.UUID()
    stage = fields.String()


class DashboardClinicScaleUpSchema(Schema):
    id = fields.UUID()
    practice = fields.String()
    origin_id = fields.UUID(allow_none=True)
    status = fields.String()
    adoption = fields.List(fields.Nested(DashboardClinicAdoptionSchema))


class DashboardClinicLevelSchema(Schema):
    level = fields.String()
    met = fields.Boolean()


class DashboardClinicProgressSchema(Schema):
    score = fields.String(metadata={"description": "IHI progress scale, 0.5 to 5.0"})
    label = fields.String()
    levels = fields.List(fields.Nested(DashboardClinicLevelSchema))


class DashboardClinicSchema(Schema):
    organisation_id = fields.UUID()
    unit_id = fields.UUID()
    unit_name = fields.String(allow_none=True)
    experiments = fields.Nested(DashboardClinicExperimentsSchema)
    measures = fields.List(fields.Nested(DashboardClinicMeasureSchema))
    lessons = fields.List(fields.Nested(DashboardClinicLessonSchema))
    partners = fields.List(fields.Nested(DashboardClinicPartnerSchema))
    scale_ups = fields.List(fields.Nested(DashboardClinicScaleUpSchema))
    progress = fields.Nested(DashboardClinicProgressSchema)


class ClinicDashboardSchema(Schema):
    partnership_id = fields.UUID()
    as_of = fields.DateTime(allow_none=True)
    clinics = fields.List(fields.Nested(DashboardClinicSchema))


@blp.get("/partnerships/<uuid:partnership_id>/clinics/dashboard")
@blp.response(200, ClinicDashboardSchema)
def clinic_dashboard(partnership_id: UUID) -> dict[str, Any]:
    """Per designated clinic: experiments by stage and act, measures (latest against baseline
    and target), lessons, active companies and universities, scale-ups from its experiments,
    and a progress score (IHI 0.5–5.0) with the levels met; ``?as_of=``."""
    cutoff = partnership_cutoff(partnership_id)
    engine = service().sql
    units = member_units(engine, partnership_id)
    clinics = [as_json(c, units) for c in dashboard_of(engine, partnership_id, cutoff)]
    return {"partnership_id": partnership_id, "as_of": cutoff, "clinics": clinics}
