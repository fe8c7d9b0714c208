"""Experiments: the PDSA board by stage, an experiment's page, and a form for each stage."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.domain.experiment import Experiment
from samverkan.domain.lesson import Lesson
from samverkan.domain.measure import Measure
from samverkan.domain.vocabulary import ACTS, EXPERIMENT_STAGES, PREDICTION_HELD
from samverkan.web.api.experiments import present
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.forms import Field
from samverkan.web.ui.labels import options
from samverkan.web.ui.work import (
    contribute_form,
    history_vars,
    record_of,
    records_of,
    titles,
    today,
    unit_names,
)
from samverkan.web.ui.work import unit_options as units


def past_end(experiment: Experiment) -> bool:
    end = experiment.planned_end_on
    return experiment.stage in ("planned", "running") and end is not None and end < today()


@bp.get("/partnerships/<uuid:partnership_id>/experiments")
@signed_in_page
def experiments(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found = records_of(Experiment, page)
    board = {stage: [e for e in found if e.stage == stage] for stage in EXPERIMENT_STAGES}
    return render_template(
        "experiments.html",
        **page.template_vars(),
        board=board,
        late={e.id for e in found if past_end(e)},
        units=unit_names(page, [e.site_unit_id for e in found]),
    )


@bp.get("/partnerships/<uuid:partnership_id>/experiments/<uuid:experiment_id>")
@signed_in_page
def experiment(partnership_id: UUID, experiment_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found, entries = record_of(Experiment, page, experiment_id)
    body = present(found, entries)
    cycles = records_of(Experiment, page)
    by_id = {e.id: e for e in cycles}
    lessons = [
        lesson
        for lesson in records_of(Lesson, page)
        if lesson.source_kind == "experiment" and lesson.source_id == experiment_id
    ]
    measures = {m.id: m for m in records_of(Measure, page)}
    return render_template(
        "experiment.html",
        **page.template_vars(),
        experiment=found,
        body=body,
        late=past_end(found),
        previous=by_id.get(found.previous_id) if found.previous_id else None,
        following=[e for e in cycles if e.previous_id == experiment_id],
        measures=[measures[m] for m in found.measure_ids if m in measures],
        lessons=lessons,
        lesson_texts=service().texts.get_many([lesson.text.id for lesson in lessons]),
        units=unit_names(page, [found.site_unit_id]),
        **history_vars(entries),
    )


def back_to(experiment_id: UUID) -> Any:
    return lambda page: url_for(
        "ui.experiment", partnership_id=page.id, experiment_id=experiment_id
    )


def current(page: PartnershipPage, experiment_id: UUID) -> Experiment:
    found, _entries = record_of(Experiment, page, experiment_id)
    return found


@bp.route("/partnerships/<uuid:partnership_id>/experiments/new", methods=["GET", "POST"])
@signed_in_page
def plan_experiment(partnership_id: UUID) -> Any:
    def fields(page: PartnershipPage) -> list[Field]:
        return [
            Field("title", _l("Title")),
            Field("change_idea", _l("Change idea"), "textarea", hint=_l("What will you change?")),
            Field(
                "prediction", _l("Prediction"), "textarea", hint=_l("What do you expect to see?")
            ),
            Field("site_unit_id", _l("Where it is tried"), "select", options=lambda: units(page)),
            Field(
                "measure_ids",
                _l("Measures"),
                "checkboxes",
                required=False,
                options=lambda: titles(records_of(Measure, page), "name"),
            ),
            Field(
                "previous_id",
                _l("Previous cycle"),
                "select",
                required=False,
                options=lambda: titles(records_of(Experiment, page)),
            ),
            Field("planned_end_on", _l("Planned end"), "date", required=False),
        ]

    def save(page: PartnershipPage, v: dict[str, Any]) -> str:
        planned = service().plan_experiment(
            page.user.actor,
            page.id,
            v["title"],
            v["change_idea"],
            v["prediction"],
            UUID(v["site_unit_id"]),
            [UUID(i) for i in v["measure_ids"]],
            UUID(v["previous_id"]) if v["previous_id"] else None,
            v["planned_end_on"],
        )
        return url_for("ui.experiment", partnership_id=page.id, experiment_id=planned.id)

    return contribute_form(
        partnership_id,
        fields=fields,
        title=_("Plan an experiment"),
        submit=_("Plan the experiment"),
        save=save,
        done=_("The experiment is planned."),
        back=lambda page: url_for("ui.experiments", partnership_id=page.id),
    )


def stage_form(
    partnership_id: UUID,
    experiment_id: UUID,
    fields: list[Field],
    title: Any,
    submit: Any,
    command: Any,
    done: Any,
) -> Any:
    """A form that moves an experiment on, at the version the form was shown."""

    def save(page: PartnershipPage, values: dict[str, Any]) -> str:
        found = current(page, experiment_id)
        command(page, values, found.version)
        return url_for("ui.experiment", partnership_id=page.id, experiment_id=experiment_id)

    def checked(page: PartnershipPage) -> list[Field]:
        current(page, experiment_id)  # 404 for an experiment of another partnership
        return fields

    return contribute_form(
        partnership_id,
        fields=checked,
        title=title,
        submit=submit,
        save=save,
        done=done,
        back=back_to(experiment_id),
    )


EXPERIMENT = "/partnerships/<uuid:partnership_id>/experiments/<uuid:experiment_id>"


@bp.route(f"{EXPERIMENT}/start", methods=["GET", "POST"])
@signed_in_page
def start_experiment(partnership_id: UUID, experiment_id: UUID) -> Any:
    return stage_form(
        partnership_id,
        experiment_id,
        [],
        _("Start the experiment"),
        _("Start the experiment"),
        lambda page, v, version: service().start_experiment(
            page.user.actor, experiment_id, expected_version=version
        ),
        _("The experiment is running."),
    )


@bp.route(f"{EXPERIMENT}/observations/new", methods=["GET", "POST"])
@signed_in_page
def record_observation(partnership_id: UUID, experiment_id: UUID) -> Any:
    return stage_form(
        partnership_id,
        experiment_id,
        [
            Field("observed_on", _l("Observed on"), "date"),
            Field("note", _l("What was observed"), "textarea"),
        ],
        _("Record an observation"),
        _("Record the observation"),
        lambda page, v, version: service().record_observation(
            page.user.actor, experiment_id, v["note"], v["observed_on"], expected_version=version
        ),
        _("The observation is recorded."),
    )


@bp.route(f"{EXPERIMENT}/study", methods=["GET", "POST"])
@signed_in_page
def study_experiment(partnership_id: UUID, experiment_id: UUID) -> Any:
    return stage_form(
        partnership_id,
        experiment_id,
        [
            Field(
                "result",
                _l("Result"),
                "textarea",
                hint=_l("What happened, compared with the prediction?"),
            ),
            Field(
                "prediction_held",
                _l("Did the prediction hold?"),
                "select",
                options=lambda: options(PREDICTION_HELD),
            ),
        ],
        _("Study the results"),
        _("Record the study"),
        lambda page, v, version: service().study_experiment(
            page.user.actor,
            experiment_id,
            v["result"],
            v["prediction_held"],
            expected_version=version,
        ),
        _("The study is recorded."),
    )


@bp.route(f"{EXPERIMENT}/conclusion", methods=["GET", "POST"])
@signed_in_page
def conclude_experiment(partnership_id: UUID, experiment_id: UUID) -> Any:
    return stage_form(
        partnership_id,
        experiment_id,
        [
            Field("act", _l("What now"), "select", options=lambda: options(ACTS)),
            Field("rationale", _l("Why"), "textarea"),
        ],
        _("Conclude the experiment"),
        _("Record the conclusion"),
        lambda page, v, version: service().conclude_experiment(
            page.user.actor, experiment_id, v["act"], v["rationale"], expected_version=version
        ),
        _("The conclusion is recorded."),
    )
