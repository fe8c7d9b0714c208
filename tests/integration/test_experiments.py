"""Experiments: a PDSA cycle moves through its stages in order, and only in order."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.domain.experiment import Experiment
from samverkan.errors import InvalidInput, NotFound, StageOutOfOrder
from tests.integration.helpers import Team, count, log, register, start_team, types


def plan(app: Samverkan, team: Team, **changes: object) -> Experiment:
    fields: dict[str, object] = {
        "partnership_id": team.partnership_id,
        "title": "Digital incheckning",
        "change_idea": "Patienterna checkar in i appen",
        "prediction": "Väntan i receptionen halveras",
        "measure_ids": [],
    }
    fields.update(changes)
    if "site_unit_id" not in fields:
        fields["site_unit_id"] = team.unit(app, team.region, f"Klinik {uuid.uuid4().hex[:6]}")
    return app.plan_experiment(team.region, **fields)  # type: ignore[arg-type]


Step = Callable[[Samverkan, Actor, uuid.UUID], Experiment]

STEPS: dict[str, Step] = {
    "start": lambda app, actor, eid: app.start_experiment(actor, eid),
    "observe": lambda app, actor, eid: app.record_observation(actor, eid, "Kö", "2019-03-01"),
    "study": lambda app, actor, eid: app.study_experiment(actor, eid, "Halverad", "partly"),
    "conclude": lambda app, actor, eid: app.conclude_experiment(actor, eid, "adapt", "Justera"),
}
# What each stage allows; everything else is out of order.
ALLOWED = {
    "planned": {"start"},
    "running": {"observe", "study"},
    "studied": {"conclude"},
    "concluded": set(),
}
REACH = {
    "planned": [],
    "running": ["start"],
    "studied": ["start", "study"],
    "concluded": ["start", "study", "conclude"],
}


def test_planning_an_experiment(app: Samverkan) -> None:
    team = start_team(app)
    measure = app.define_measure(
        team.region, team.partnership_id, "Väntetid", "min", "decrease", 20, 10, ""
    )
    experiment = plan(app, team, measure_ids=[measure.id], planned_end_on="2019-06-30")
    loaded = app.get(Experiment, experiment.id)
    assert loaded.stage == "planned"
    assert loaded.partnership_id == team.partnership_id
    assert loaded.site_organisation_id == team.region.organisation_id
    assert loaded.measure_ids == [measure.id]
    assert loaded.planned_end_on == date(2019, 6, 30)
    [planned] = log(app, experiment.id)
    assert (planned.type, planned.actor) == ("experiment.planned", team.region)
    second = plan(app, team, previous_id=experiment.id, site_unit_id=loaded.site_unit_id)
    assert second.previous_id == experiment.id


def test_a_cycle_runs_through_its_stages(app: Samverkan) -> None:
    team = start_team(app)
    experiment_id = plan(app, team).id
    started = app.start_experiment(team.region, experiment_id)
    assert started.stage == "running"
    observed = app.record_observation(team.region, experiment_id, "Kortare kö", "2019-03-01")
    observed = app.record_observation(team.municipality, experiment_id, "Nöjda", "2019-03-08")
    assert (observed.stage, observed.observations) == ("running", 2)
    studied = app.study_experiment(team.region, experiment_id, "Väntan halverades", "yes")
    assert (studied.stage, studied.prediction_held) == ("studied", "yes")
    concluded = app.conclude_experiment(team.region, experiment_id, "adopt", "Det fungerade")
    assert (concluded.stage, concluded.act) == ("concluded", "adopt")
    assert app.get(Experiment, experiment_id).stage == "concluded"
    assert types(app, experiment_id) == [
        "experiment.planned",
        "experiment.started",
        "experiment.observation_recorded",
        "experiment.observation_recorded",
        "experiment.studied",
        "experiment.concluded",
    ]
    observation = log(app, experiment_id)[3]
    assert observation.actor == team.municipality
    assert observation.data["observed_on"] == "2019-03-08"


@pytest.mark.parametrize(
    ("stage", "step"),
    [(stage, step) for stage in ALLOWED for step in STEPS if step not in ALLOWED[stage]],
)
def test_each_step_out_of_order_is_rejected(app: Samverkan, stage: str, step: str) -> None:
    team = start_team(app)
    experiment_id = plan(app, team).id
    for earlier in REACH[stage]:
        STEPS[earlier](app, team.region, experiment_id)
    assert app.get(Experiment, experiment_id).stage == stage
    before = count(app)
    with pytest.raises(StageOutOfOrder):
        STEPS[step](app, team.region, experiment_id)
    assert count(app) == before
    assert app.get(Experiment, experiment_id).stage == stage


def test_study_and_conclusion_use_their_vocabularies(app: Samverkan) -> None:
    team = start_team(app)
    experiment_id = plan(app, team).id
    app.start_experiment(team.region, experiment_id)
    with pytest.raises(InvalidInput) as raised:
        app.study_experiment(team.region, experiment_id, "Oklart", "maybe")
    assert "prediction_held" in raised.value.errors
    app.study_experiment(team.region, experiment_id, "Oklart", "no")
    with pytest.raises(InvalidInput) as raised:
        app.conclude_experiment(team.region, experiment_id, "continue", "Vet ej")
    assert "act" in raised.value.errors
    assert app.get(Experiment, experiment_id).stage == "studied"


def test_the_site_is_a_unit_of_a_member(app: Samverkan) -> None:
    team = start_team(app)
    outsider = register(app, "Luleå kommun", "municipality")
    _, foreign_unit = app.add_unit(outsider, outsider.organisation_id, "Hemtjänsten", "team")
    for unit in (foreign_unit, uuid.uuid4()):
        with pytest.raises(InvalidInput) as raised:
            plan(app, team, site_unit_id=unit)
        assert "site_unit_id" in raised.value.errors
    assert "experiment.planned" not in types(app)


def test_measures_and_previous_cycle_belong_to_the_partnership(app: Samverkan) -> None:
    team = start_team(app)
    other = start_team(app, "Ett annat nätverk")
    foreign_measure = app.define_measure(
        other.region, other.partnership_id, "Väntetid", "min", "decrease", None, None, ""
    )
    foreign_cycle = plan(app, other)
    with pytest.raises(InvalidInput):
        plan(app, team, measure_ids=[foreign_measure.id])
    with pytest.raises(InvalidInput):
        plan(app, team, previous_id=foreign_cycle.id)
    with pytest.raises(InvalidInput) as raised:
        plan(app, team, measure_ids=[uuid.uuid4()])
    assert "measure_ids" in raised.value.errors
    with pytest.raises(InvalidInput) as raised:
        plan(app, team, previous_id=uuid.uuid4())
    assert "previous_id" in raised.value.errors
    assert types(app).count("experiment.planned") == 1


def test_unknown_experiments_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    for step in STEPS.values():
        with pytest.raises(NotFound):
            step(app, team.region, uuid.uuid4())
    with pytest.raises(NotFound):
        plan(app, team, partnership_id=uuid.uuid4())
