"""Experiments: Plan-Do-Study-Act cycles of a partnership, through their stages in order."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from marshmallow import fields, validate

from samverkan.application.viewer import CONTRIBUTE
from samverkan.domain.experiment import Experiment
from samverkan.domain.measure import Measure
from samverkan.domain.vocabulary import ACTS, EXPERIMENT_STAGES, PREDICTION_HELD
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
    Versioned,
    choice,
    list_schema,
    required_text,
)
from samverkan.web.auth import service

blp = blueprint("experiments", "PDSA cycles: planned, running, studied, concluded")


class ExperimentPlanSchema(NoNul):
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    change_idea = required_text()
    prediction = required_text()
    site_unit_id = fields.UUID(required=True)
    measure_ids = fields.List(fields.UUID(), load_default=list)
    previous_id = fields.UUID(allow_none=True, load_default=None)
    planned_end_on = fields.Date(allow_none=True, load_default=None)


class ExperimentObservationInSchema(NoNul):
    note = required_text()
    observed_on = fields.Date(required=True)


class ExperimentStudyInSchema(NoNul):
    result = required_text()
    prediction_held = choice(PREDICTION_HELD, required=True)


class ExperimentConclusionInSchema(NoNul):
    act = choice(ACTS, required=True)
    rationale = required_text()


class ExperimentObservationSchema(Recorded):
    note = fields.String(allow_none=True, metadata={"description": "null when erased"})
    observed_on = fields.Date()


class ExperimentStudySchema(Recorded):
    result = fields.String(allow_none=True)
    prediction_held = fields.String()


class ExperimentConclusionSchema(Recorded):
    act = fields.String()
    rationale = fields.String(allow_none=True)


class ExperimentSummarySchema(Versioned):
    partnership_id = fields.UUID()
    title = fields.String()
    stage = choice(EXPERIMENT_STAGES)
    site_organisation_id = fields.UUID()
    site_unit_id = fields.UUID()
    measure_ids = fields.List(fields.UUID())
    previous_id = fields.UUID(allow_none=True)
    planned_end_on = fields.Date(allow_none=True)
    observation_count = fields.Integer()
    prediction_held = fields.String(allow_none=True)
    act = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ExperimentSchema(ExperimentSummarySchema):
    change_idea = fields.String(allow_none=True)
    prediction = fields.String(allow_none=True)
    started = fields.Nested(Recorded, allow_none=True)
    observations = fields.List(fields.Nested(ExperimentObservationSchema))
    study = fields.Nested(ExperimentStudySchema, allow_none=True)
    conclusion = fields.Nested(ExperimentConclusionSchema, allow_none=True)


class ExperimentQuery(PageQuery):
    stage = choice(EXPERIMENT_STAGES)


def summary(experiment: Experiment) -> dict[str, Any]:
    return {
        "id": experiment.id,
        "version": experiment.version,
        "partnership_id": experiment.partnership_id,
        "title": experiment.title,
        "stage": experiment.stage,
        "site_organisation_id": experiment.site_organisation_id,
        "site_unit_id": experiment.site_unit_id,
        "measure_ids": experiment.measure_ids,
        "previous_id": experiment.previous_id,
        "planned_end_on": experiment.planned_end_on,
        "observation_count": experiment.observations,
        "prediction_held": getattr(experiment, "prediction_held", None),
        "act": experiment.act,
        "created_at": experiment.created_on,
        "updated_at": experiment.modified_on,
    }


def present(experiment: Experiment, entries: list[Entry]) -> dict[str, Any]:
    """The experiment with its plan's texts and every stage it went through."""
    texts = Texts(
        ref
        for entry in entries
        for ref in (
            getattr(entry.event, name, None)
            for name in ("change_idea", "prediction", "note", "result", "rationale")
        )
    )
    body = summary(experiment) | {
        "change_idea": None,
        "prediction": None,
        "started": None,
        "observations": [],
        "study": None,
        "conclusion": None,
    }
    for entry in entries:
        event = entry.event
        if entry.topic == "experiment.planned":
            body["change_idea"] = texts(event.change_idea)
            body["prediction"] = texts(event.prediction)
        elif entry.topic == "experiment.started":
            body["started"] = entry.by()
        elif entry.topic == "experiment.observation_recorded":
            body["observations"].append(
                {"note": texts(event.note), "observed_on": event.observed_on, **entry.by()}
            )
        elif entry.topic == "experiment.studied":
            body["study"] = {
                "result": texts(event.result),
                "prediction_held": event.prediction_held,
                **entry.by(),
            }
        elif entry.topic == "experiment.concluded":
            body["conclusion"] = {
                "act": event.act,
                "rationale": texts(event.rationale),
                **entry.by(),
            }
    return body


def answer(experiment: Experiment, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("experiments.experiment", experiment_id=experiment.id)
    return records.answer(experiment, present, status, location)


@blp.post("/partnerships/<uuid:partnership_id>/experiments")
@blp.arguments(ExperimentPlanSchema)
@blp.response(201, ExperimentSchema)
def plan(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Plan an experiment at a unit of a member organisation."""
    user = allowed(partnership_id, CONTRIBUTE)
    require_records(Measure, partnership_id, "measure_ids", body["measure_ids"])
    require_records(Experiment, partnership_id, "previous_id", [body["previous_id"]])
    experiment = service().plan_experiment(
        user.actor,
        partnership_id,
        body["title"],
        body["change_idea"],
        body["prediction"],
        body["site_unit_id"],
        body["measure_ids"],
        body["previous_id"],
        body["planned_end_on"],
    )
    return answer(experiment, 201)


@blp.post("/experiments/<uuid:experiment_id>/start")
@blp.response(200, ExperimentSchema)
def start(experiment_id: UUID) -> Reply:
    """Start a planned experiment (Do)."""
    return answer(command_on(Experiment, experiment_id, service().start_experiment))


@blp.post("/experiments/<uuid:experiment_id>/observations")
@blp.arguments(ExperimentObservationInSchema)
@blp.response(200, ExperimentSchema)
def observe(body: dict[str, Any], experiment_id: UUID) -> Reply:
    """Record what was observed while the experiment runs."""
    experiment = command_on(
        Experiment, experiment_id, service().record_observation, body["note"], body["observed_on"]
    )
    return answer(experiment)


@blp.post("/experiments/<uuid:experiment_id>/study")
@blp.arguments(ExperimentStudyInSchema)
@blp.response(200, ExperimentSchema)
def study(body: dict[str, Any], experiment_id: UUID) -> Reply:
    """Study the result against the prediction."""
    experiment = command_on(
        Experiment,
        experiment_id,
        service().study_experiment,
        body["result"],
        body["prediction_held"],
    )
    return answer(experiment)


@blp.post("/experiments/<uuid:experiment_id>/conclusion")
@blp.arguments(ExperimentConclusionInSchema)
@blp.response(200, ExperimentSchema)
def conclude(body: dict[str, Any], experiment_id: UUID) -> Reply:
    """Act: adopt, adapt or abandon the change."""
    experiment = command_on(
        Experiment, experiment_id, service().conclude_experiment, body["act"], body["rationale"]
    )
    return answer(experiment)


@blp.get("/experiments/<uuid:experiment_id>")
@blp.response(200, ExperimentSchema)
def experiment(experiment_id: UUID) -> Reply:
    """The experiment now, or ``?as_of=`` / ``?version=``."""
    return show(Experiment, experiment_id, present)


@blp.get("/partnerships/<uuid:partnership_id>/experiments")
@blp.arguments(ExperimentQuery, location="query")
@blp.response(200, list_schema(ExperimentSummarySchema))
def experiments(query: dict[str, Any], partnership_id: UUID) -> dict[str, Any]:
    """The partnership's experiments, oldest first; ``?stage=`` filters."""
    stage = query.get("stage")
    return listing(
        Experiment,
        partnership_id,
        lambda found: [summary(e) for e in found],
        lambda e: stage is None or e.stage == stage,
    )
