"""Scale-ups: adoption recorded per target unit until the scale-up completes or halts."""

from __future__ import annotations

import uuid

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.scaleup import ScaleUp
from samverkan.errors import InvalidInput, NotATargetUnit, NotFound, ScaleUpEnded
from tests.integration.helpers import Team, count, log, register, start_team, types


def plan(app: Samverkan, team: Team) -> tuple[ScaleUp, uuid.UUID, uuid.UUID]:
    """A scale-up to two units of the municipality; returns it and the two unit ids."""
    first = team.unit(app, team.municipality, "Hemtjänst norr")
    second = team.unit(app, team.municipality, "Hemtjänst söder")
    scale_up = app.plan_scale_up(
        team.region, team.partnership_id, "Trygg hemgång", None, [first, second]
    )
    return scale_up, first, second


def test_planning_a_scale_up(app: Samverkan) -> None:
    team = start_team(app)
    origin = app.plan_experiment(
        team.region, team.partnership_id, "Hemgång", "Idé", "Färre återinskrivningar",
        team.unit(app, team.region), [],
    )  # fmt: skip
    unit = team.unit(app, team.municipality, "Hemtjänst")
    scale_up = app.plan_scale_up(
        team.region, team.partnership_id, "Trygg hemgång", origin.id, [unit]
    )
    loaded = app.get(ScaleUp, scale_up.id)
    assert (loaded.practice, loaded.origin_id, loaded.target_unit_ids) == (
        "Trygg hemgång",
        origin.id,
        [unit],
    )
    assert (loaded.status, loaded.stages) == ("active", {})
    [planned] = log(app, scale_up.id)
    assert (planned.type, planned.actor) == ("scale_up.planned", team.region)


def test_recording_adoption_per_unit(app: Samverkan) -> None:
    team = start_team(app)
    scale_up, first, second = plan(app, team)
    app.record_adoption(team.municipality, scale_up.id, first, "preparing")
    app.record_adoption(team.municipality, scale_up.id, first, "piloting", "Två team")
    changed = app.record_adoption(team.municipality, scale_up.id, second, "planned")
    assert changed.stages == {str(first): "piloting", str(second): "planned"}
    assert app.get(ScaleUp, scale_up.id).stages == changed.stages
    assert types(app, scale_up.id)[1:] == ["scale_up.adoption_recorded"] * 3
    last = log(app, scale_up.id)[-1]
    assert (last.actor, last.data["unit_id"], last.data["stage"]) == (
        team.municipality,
        str(second),
        "planned",
    )


def test_adoption_only_for_target_units_and_known_stages(app: Samverkan) -> None:
    team = start_team(app)
    scale_up, first, _ = plan(app, team)
    other_unit = team.unit(app, team.region, "Akuten")
    with pytest.raises(NotATargetUnit):
        app.record_adoption(team.region, scale_up.id, other_unit, "piloting")
    with pytest.raises(InvalidInput) as raised:
        app.record_adoption(team.region, scale_up.id, first, "spreading")
    assert "stage" in raised.value.errors
    assert types(app, scale_up.id) == ["scale_up.planned"]


@pytest.mark.parametrize("ending", ["completed", "halted"])
def test_nothing_after_completion_or_halt(app: Samverkan, ending: str) -> None:
    team = start_team(app)
    scale_up, first, _ = plan(app, team)
    app.record_adoption(team.municipality, scale_up.id, first, "adopted")
    if ending == "completed":
        ended = app.complete_scale_up(team.region, scale_up.id, "Spridd överallt")
    else:
        ended = app.halt_scale_up(team.region, scale_up.id, "Pengarna tog slut")
    assert ended.status == ending
    assert app.get(ScaleUp, scale_up.id).status == ending
    assert types(app, scale_up.id)[-1] == f"scale_up.{ending}"
    before = count(app)
    with pytest.raises(ScaleUpEnded):
        app.record_adoption(team.municipality, scale_up.id, first, "sustained")
    with pytest.raises(ScaleUpEnded):
        app.complete_scale_up(team.region, scale_up.id, "Igen")
    with pytest.raises(ScaleUpEnded):
        app.halt_scale_up(team.region, scale_up.id, "Igen")
    assert count(app) == before


def test_a_halt_gives_a_reason(app: Samverkan) -> None:
    team = start_team(app)
    scale_up, _, _ = plan(app, team)
    with pytest.raises(InvalidInput) as raised:
        app.halt_scale_up(team.region, scale_up.id, "")
    assert "reason" in raised.value.errors
    assert app.get(ScaleUp, scale_up.id).status == "active"


def test_targets_are_units_of_members_and_the_origin_is_ours(app: Samverkan) -> None:
    team = start_team(app)
    other = start_team(app, "Ett annat nätverk")
    outsider = register(app, "Luleå kommun", "municipality")
    foreign_unit = team.unit(app, outsider, "Hemtjänsten")
    own_unit = team.unit(app, team.municipality, "Hemtjänst")
    foreign_origin = app.plan_experiment(
        other.region, other.partnership_id, "Hemgång", "Idé", "Färre",
        team.unit(app, other.region), [],
    )  # fmt: skip
    for targets in ([foreign_unit], [], [uuid.uuid4()], [own_unit, own_unit]):
        with pytest.raises(InvalidInput) as raised:
            app.plan_scale_up(team.region, team.partnership_id, "Praxis", None, targets)
        assert "target_unit_ids" in raised.value.errors
    with pytest.raises(InvalidInput):
        app.plan_scale_up(team.region, team.partnership_id, "Praxis", foreign_origin.id, [own_unit])
    with pytest.raises(InvalidInput) as raised:
        app.plan_scale_up(team.region, team.partnership_id, "Praxis", uuid.uuid4(), [own_unit])
    assert "origin_id" in raised.value.errors
    assert "scale_up.planned" not in types(app)


def test_unknown_scale_ups_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    with pytest.raises(NotFound):
        app.record_adoption(team.region, uuid.uuid4(), uuid.uuid4(), "planned")
    with pytest.raises(NotFound):
        app.complete_scale_up(team.region, uuid.uuid4(), "")
    with pytest.raises(NotFound):
        app.halt_scale_up(team.region, uuid.uuid4(), "Slut")
    with pytest.raises(NotFound):
        app.plan_scale_up(team.region, uuid.uuid4(), "Praxis", None, [uuid.uuid4()])
