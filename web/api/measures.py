"""Measures: what a partnership measures, and the value of each period with its corrections.

The run chart (GET /measures/{id}/run-chart) is a plugin's route, not this module's.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from marshmallow import fields, validate

from samverkan.application.viewer import CONTRIBUTE
from samverkan.domain.measure import Measure
from samverkan.domain.vocabulary import DIRECTIONS
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

blp = blueprint("measures", "Improvement measures and their values per period")

PERIOD = {"description": "A month (2026-03) or a date (2026-03-01)"}


class MeasureDefineSchema(NoNul):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    unit = fields.String(required=True, validate=validate.Length(min=1, max=50))
    direction = choice(DIRECTIONS, required=True)
    baseline = amount_field(allow_none=True, load_default=None)
    target = amount_field(allow_none=True, load_default=None)
    method = fields.String(load_default="", validate=validate.Length(max=20_000))


class MeasureValueInSchema(NoNul):
    period = fields.String(required=True, metadata=PERIOD)
    value = amount_field(required=True)
    n = whole(1, allow_none=True, load_default=None)


class MeasureCorrectionInSchema(NoNul):
    period = fields.String(required=True, metadata=PERIOD)
    value = amount_field(required=True)
    reason = required_text()


class MeasureCorrectionSchema(Recorded):
    value = fields.String(metadata={"description": "A decimal, as a string"})
    reason = fields.String(allow_none=True, metadata={"description": "null when erased"})


class MeasureValueSchema(Recorded):
    period = fields.String(metadata=PERIOD)
    value = fields.String(metadata={"description": "The value now: the latest correction's"})
    recorded_value = fields.String(metadata={"description": "The value first recorded"})
    n = fields.Integer(allow_none=True)
    corrections = fields.List(fields.Nested(MeasureCorrectionSchema))


class LatestValueSchema(Strict):
    period = fields.String()
    value = fields.String()


class MeasureSummarySchema(Versioned):
    partnership_id = fields.UUID()
    name = fields.String()
    unit = fields.String()
    direction = choice(DIRECTIONS)
    baseline = fields.String(allow_none=True)
    target = fields.String(allow_none=True)
    value_count = fields.Integer()
    latest = fields.Nested(LatestValueSchema, allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class MeasureSchema(MeasureSummarySchema):
    method = fields.String(allow_none=True)
    defined = fields.Nested(Recorded)
    values = fields.List(fields.Nested(MeasureValueSchema))


def summary(measure: Measure) -> dict[str, Any]:
    latest = max(measure.values) if measure.values else None
    return {
        "id": measure.id,
        "version": measure.version,
        "partnership_id": measure.partnership_id,
        "name": measure.name,
        "unit": measure.unit,
        "direction": measure.direction,
        "baseline": amount(measure.baseline),
        "target": amount(measure.target),
        "value_count": len(measure.values),
        "latest": None
        if latest is None
        else {"period": latest, "value": amount(measure.values[latest])},
        "created_at": measure.created_on,
        "updated_at": measure.modified_on,
    }


def present(measure: Measure, entries: list[Entry]) -> dict[str, Any]:
    """The measure with every period's value, oldest period first, and its corrections."""
    texts = Texts(
        getattr(entry.event, name, None) for entry in entries for name in ("method", "reason")
    )
    body = summary(measure) | {"method": None, "values": []}
    values: dict[str, dict[str, Any]] = {}
    for entry in entries:
        event = entry.event
        if entry.topic == "measure.defined":
            body["method"] = texts(event.method)
            body["defined"] = entry.by()
        elif entry.topic == "measure.value_recorded":
            values[event.period] = {
                "period": event.period,
                "value": amount(event.value),
                "recorded_value": amount(event.value),
                "n": event.n,
                "corrections": [],
                **entry.by(),
            }
        elif entry.topic == "measure.value_corrected":
            value = values[event.period]
            value["value"] = amount(event.value)
            value["corrections"].append(
                {"value": amount(event.value), "reason": texts(event.reason), **entry.by()}
            )
    body["values"] = [values[period] for period in sorted(values)]
    return body


def answer(measure: Measure, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("measures.measure", measure_id=measure.id)
    return records.answer(measure, present, status, location)


@blp.post("/partnerships/<uuid:partnership_id>/measures")
@blp.arguments(MeasureDefineSchema)
@blp.response(201, MeasureSchema)
def define(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Define a measure: its unit, the direction that is better, baseline and target."""
    user = allowed(partnership_id, CONTRIBUTE)
    measure = service().define_measure(
        user.actor,
        partnership_id,
        body["name"],
        body["unit"],
        body["direction"],
        body["baseline"],
        body["target"],
        body["method"],
    )
    return answer(measure, 201)


@blp.post("/measures/<uuid:measure_id>/values")
@blp.arguments(MeasureValueInSchema)
@blp.response(200, MeasureSchema)
def record_value(body: dict[str, Any], measure_id: UUID) -> Reply:
    """Record the value of a period; a period that has one answers 409 (send a correction)."""
    measure = command_on(
        Measure, measure_id, service().record_value, body["period"], body["value"], body["n"]
    )
    return answer(measure)


@blp.post("/measures/<uuid:measure_id>/corrections")
@blp.arguments(MeasureCorrectionInSchema)
@blp.response(200, MeasureSchema)
def correct_value(body: dict[str, Any], measure_id: UUID) -> Reply:
    """Correct a recorded value, saying why; the first value stays in the history."""
    measure = command_on(
        Measure, measure_id, service().correct_value, body["period"], body["value"], body["reason"]
    )
    return answer(measure)


@blp.get("/measures/<uuid:measure_id>")
@blp.response(200, MeasureSchema)
def measure(measure_id: UUID) -> Reply:
    """The measure now, or ``?as_of=`` / ``?version=``."""
    return show(Measure, measure_id, present)


@blp.get("/partnerships/<uuid:partnership_id>/measures")
@blp.arguments(PageQuery, location="query")
@blp.response(200, list_schema(MeasureSummarySchema))
def measures(query: dict[str, Any], partnership_id: UUID) -> dict[str, Any]:
    """The partnership's measures, oldest first."""
    return listing(Measure, partnership_id, lambda found: [summary(m) for m in found])
