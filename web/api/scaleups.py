"""Scale-ups: spreading a practice that worked to more units, each unit stage by stage."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from marshmallow import fields, validate

from samverkan.application.viewer import CONTRIBUTE
from samverkan.domain.experiment import Experiment
from samverkan.domain.scaleup import ScaleUp
from samverkan.domain.vocabulary import ADOPTION_STAGES
from samverkan.web.api import records
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import Reply
from samverkan.web.api.records import (
    Entry,
    Texts,
    allowed,
    command_on,
    listing,
    require_records,
    show,
)
from samverkan.web.api.schemas import (
    NoNul,
    PageQuery,
    Recorded,
    Strict,
    Versioned,
    choice,
    list_schema,
    required_text,
)
from samverkan.web.auth import service

blp = blueprint("scale_ups", "Spreading what worked: target units and their adoption stages")

STATUSES = ("active", "completed", "halted")


class ScaleUpPlanSchema(NoNul):
    practice = fields.String(required=True, validate=validate.Length(min=1, max=300))
    origin_id = fields.UUID(allow_none=True, load_default=None)
    target_unit_ids = fields.List(
        fields.UUID(), required=True, validate=validate.Length(min=1, max=500)
    )


class ScaleUpAdoptionInSchema(NoNul):
    unit_id = fields.UUID(required=True)
    stage = choice(ADOPTION_STAGES, required=True)
    note = fields.String(load_default="", allow_none=True, validate=validate.Length(max=20_000))


class ScaleUpCompletionInSchema(NoNul):
    note = fields.String(load_default="", allow_none=True, validate=validate.Length(max=20_000))


class ScaleUpHaltInSchema(NoNul):
    reason = required_text()


class ScaleUpAdoptionSchema(Recorded):
    stage = choice(ADOPTION_STAGES)
    note = fields.String(allow_none=True, metadata={"description": "null when erased"})


class TargetUnitSummarySchema(Strict):
    unit_id = fields.UUID()
    stage = fields.String(allow_none=True, metadata={"description": "null until one is recorded"})


class TargetUnitSchema(TargetUnitSummarySchema):
    adoptions = fields.List(fields.Nested(ScaleUpAdoptionSchema))


class ScaleUpCompletionSchema(Recorded):
    note = fields.String(allow_none=True)


class ScaleUpHaltSchema(Recorded):
    reason = fields.String(allow_none=True)


class ScaleUpSummarySchema(Versioned):
    partnership_id = fields.UUID()
    practice = fields.String()
    origin_id = fields.UUID(allow_none=True)
    target_unit_ids = fields.List(fields.UUID())
    status = choice(STATUSES)
    units = fields.List(fields.Nested(TargetUnitSummarySchema))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ScaleUpSchema(ScaleUpSummarySchema):
    units = fields.List(fields.Nested(TargetUnitSchema))
    planned = fields.Nested(Recorded)
    completion = fields.Nested(ScaleUpCompletionSchema, allow_none=True)
    halt = fields.Nested(ScaleUpHaltSchema, allow_none=True)


class ScaleUpQuery(PageQuery):
    status = choice(STATUSES)


def summary(scale_up: ScaleUp) -> dict[str, Any]:
    return {
        "id": scale_up.id,
        "version": scale_up.version,
        "partnership_id": scale_up.partnership_id,
        "practice": scale_up.practice,
        "origin_id": scale_up.origin_id,
        "target_unit_ids": scale_up.target_unit_ids,
        "status": scale_up.status,
        "units": [
            {"unit_id": unit, "stage": scale_up.stages.get(str(unit))}
            for unit in scale_up.target_unit_ids
        ],
        "created_at": scale_up.created_on,
        "updated_at": scale_up.modified_on,
    }


def present(scale_up: ScaleUp, entries: list[Entry]) -> dict[str, Any]:
    """The scale-up with each target unit's stage and the adoptions that led to it."""
    texts = Texts(
        getattr(entry.event, name, None) for entry in entries for name in ("note", "reason")
    )
    body = summary(scale_up) | {"completion": None, "halt": None}
    units = {str(unit["unit_id"]): unit | {"adoptions": []} for unit in body["units"]}
    body["units"] = list(units.values())
    for entry in entries:
        event = entry.event
        if entry.topic == "scale_up.planned":
            body["planned"] = entry.by()
        elif entry.topic == "scale_up.adoption_recorded":
            units[str(event.unit_id)]["adoptions"].append(
                {"stage": event.stage, "note": texts(event.note), **entry.by()}
            )
        elif entry.topic == "scale_up.completed":
            body["completion"] = {"note": texts(event.note), **entry.by()}
        elif entry.topic == "scale_up.halted":
            body["halt"] = {"reason": texts(event.reason), **entry.by()}
    return body


def answer(scale_up: ScaleUp, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("scale_ups.scale_up", scale_up_id=scale_up.id)
    return records.answer(scale_up, present, status, location)


@blp.post("/partnerships/<uuid:partnership_id>/scale-ups")
@blp.arguments(ScaleUpPlanSchema)
@blp.response(201, ScaleUpSchema)
def plan(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Plan to spread a practice (from an experiment of the partnership) to member units."""
    user = allowed(partnership_id, CONTRIBUTE)
    require_records(Experiment, partnership_id, "origin_id", [body["origin_id"]])
    scale_up = service().plan_scale_up(
        user.actor, partnership_id, body["practice"], body["origin_id"], body["target_unit_ids"]
    )
    return answer(scale_up, 201)


@blp.post("/scale-ups/<uuid:scale_up_id>/adoptions")
@blp.arguments(ScaleUpAdoptionInSchema)
@blp.response(200, ScaleUpSchema)
def adopt(body: dict[str, Any], scale_up_id: UUID) -> Reply:
    """Record the stage a target unit has reached."""
    scale_up = command_on(
        ScaleUp,
        scale_up_id,
        service().record_adoption,
        body["unit_id"],
        body["stage"],
        body["note"],
    )
    return answer(scale_up)


@blp.post("/scale-ups/<uuid:scale_up_id>/completion")
@blp.arguments(ScaleUpCompletionInSchema)
@blp.response(200, ScaleUpSchema)
def complete(body: dict[str, Any], scale_up_id: UUID) -> Reply:
    """The scale-up is done; no more adoptions are recorded."""
    scale_up = command_on(ScaleUp, scale_up_id, service().complete_scale_up, body["note"])
    return answer(scale_up)


@blp.post("/scale-ups/<uuid:scale_up_id>/halt")
@blp.arguments(ScaleUpHaltInSchema)
@blp.response(200, ScaleUpSchema)
def halt(body: dict[str, Any], scale_up_id: UUID) -> Reply:
    """Stop the scale-up, saying why."""
    scale_up = command_on(ScaleUp, scale_up_id, service().halt_scale_up, body["reason"])
    return answer(scale_up)


@blp.get("/scale-ups/<uuid:scale_up_id>")
@blp.response(200, ScaleUpSchema)
def scale_up(scale_up_id: UUID) -> Reply:
    """The scale-up now, or ``?as_of=`` / ``?version=``."""
    return show(ScaleUp, scale_up_id, present)


@blp.get("/partnerships/<uuid:partnership_id>/scale-ups")
@blp.arguments(ScaleUpQuery, location="query")
@blp.response(200, list_schema(ScaleUpSummarySchema))
def scale_ups(query: dict[str, Any], partnership_id: UUID) -> dict[str, Any]:
    """The partnership's scale-ups, oldest first; ``?status=`` filters."""
    status = query.get("status")
    return listing(
        ScaleUp,
        partnership_id,
        lambda found: [summary(s) for s in found],
        lambda s: status is None or s.status == status,
    )
