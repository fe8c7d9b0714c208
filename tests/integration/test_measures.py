"""Measures: one value per period, changed only by a correction that says why."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.measure import Measure
from samverkan.errors import DuplicatePeriod, InvalidInput, NotFound, UnknownPeriod
from tests.integration.helpers import Team, count, log, start_team, types


def define(app: Samverkan, team: Team, **changes: object) -> Measure:
    fields: dict[str, object] = {
        "partnership_id": team.partnership_id,
        "name": "Andel som använder förbättringsmodellen",
        "unit": "%",
        "direction": "increase",
        "baseline": "54",
        "target": 80,
        "method": "Enkät till deltagarna",
    }
    fields.update(changes)
    return app.define_measure(team.region, **fields)  # type: ignore[arg-type]


def test_defining_a_measure(app: Samverkan) -> None:
    team = start_team(app)
    measure = define(app, team)
    loaded = app.get(Measure, measure.id)
    assert (loaded.name, loaded.unit, loaded.direction) == (
        "Andel som använder förbättringsmodellen",
        "%",
        "increase",
    )
    assert (loaded.baseline, loaded.target, loaded.values) == (Decimal(54), Decimal(80), {})
    [defined] = log(app, measure.id)
    assert (defined.type, defined.actor) == ("measure.defined", team.region)
    assert defined.data["baseline"] == "54"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"direction": "up"}, "direction"),
        ({"baseline": 54.0}, "baseline"),
        ({"target": "många"}, "target"),
        ({"name": ""}, "name"),
        ({"unit": ""}, "unit"),
    ],
)
def test_invalid_definitions_name_the_field(
    app: Samverkan, changes: dict[str, object], field: str
) -> None:
    team = start_team(app)
    with pytest.raises(InvalidInput) as raised:
        define(app, team, **changes)
    assert field in raised.value.errors
    assert "measure.defined" not in types(app)


def test_recording_values_for_months_and_days(app: Samverkan) -> None:
    team = start_team(app)
    measure_id = define(app, team).id
    app.record_value(team.region, measure_id, "2016-02", 76, n=41)
    measure = app.record_value(team.municipality, measure_id, "2016-03-15", Decimal("62.5"))
    assert measure.values == {"2016-02": Decimal(76), "2016-03-15": Decimal("62.5")}
    assert app.get(Measure, measure_id).values == measure.values
    recorded = log(app, measure_id)[1:]
    assert [e.type for e in recorded] == ["measure.value_recorded"] * 2
    assert (recorded[0].data["period"], recorded[0].data["value"], recorded[0].data["n"]) == (
        "2016-02",
        "76",
        41,
    )
    assert recorded[1].actor == team.municipality


def test_a_second_value_for_a_period_is_a_duplicate(app: Samverkan) -> None:
    team = start_team(app)
    measure_id = define(app, team).id
    app.record_value(team.region, measure_id, "2016-02", 76)
    with pytest.raises(DuplicatePeriod):
        app.record_value(team.region, measure_id, "2016-02", 77)
    app.record_value(team.region, measure_id, "2016-02-01", 70)  # a day is another period
    with pytest.raises(DuplicatePeriod):
        app.record_value(team.region, measure_id, "2016-02-01", 71)
    assert app.get(Measure, measure_id).values == {
        "2016-02": Decimal(76),
        "2016-02-01": Decimal(70),
    }


@pytest.mark.parametrize(
    ("period", "value", "n", "field"),
    [
        ("2016-13", 1, None, "period"),
        ("februari", 1, None, "period"),
        ("2016-02", 7.6, None, "value"),
        ("2016-02", "NaN", None, "value"),
        ("2016-02", 1, 0, "n"),
    ],
)
def test_invalid_values_name_the_field(
    app: Samverkan, period: str, value: object, n: int | None, field: str
) -> None:
    team = start_team(app)
    measure_id = define(app, team).id
    with pytest.raises(InvalidInput) as raised:
        app.record_value(team.region, measure_id, period, value, n)
    assert field in raised.value.errors
    assert types(app, measure_id) == ["measure.defined"]


def test_correcting_a_value(app: Samverkan) -> None:
    team = start_team(app)
    measure_id = define(app, team).id
    app.record_value(team.region, measure_id, "2016-02", 76)
    corrected = app.correct_value(team.region, measure_id, "2016-02", "67", "Omkastade siffror")
    assert corrected.values == {"2016-02": Decimal(67)}
    last = log(app, measure_id)[-1]
    assert (last.type, last.data["value"]) == ("measure.value_corrected", "67")
    reason = app.texts.get(uuid.UUID(last.data["reason"]["text_id"]))
    assert reason == "Omkastade siffror"


def test_a_correction_names_a_recorded_period_and_a_reason(app: Samverkan) -> None:
    team = start_team(app)
    measure_id = define(app, team).id
    app.record_value(team.region, measure_id, "2016-02", 76)
    with pytest.raises(UnknownPeriod):
        app.correct_value(team.region, measure_id, "2016-03", 60, "Fel")
    with pytest.raises(InvalidInput) as raised:
        app.correct_value(team.region, measure_id, "2016-02", 60, "")
    assert "reason" in raised.value.errors
    assert app.get(Measure, measure_id).values == {"2016-02": Decimal(76)}


def test_unknown_measures_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    before = count(app)
    with pytest.raises(NotFound):
        app.record_value(team.region, uuid.uuid4(), "2016-02", 1)
    with pytest.raises(NotFound):
        app.correct_value(team.region, uuid.uuid4(), "2016-02", 1, "Fel")
    with pytest.raises(NotFound):
        define(app, team, partnership_id=uuid.uuid4())
    assert count(app) == before
