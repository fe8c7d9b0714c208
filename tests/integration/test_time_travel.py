"""Time travel: an aggregate as it was at a version, or at a recording time (``as_of``)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from samverkan.domain.measure import Measure
from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput, NotFound
from tests.integration.helpers import log, propose, start_team

TICK = timedelta(microseconds=1)


def test_an_earlier_version(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    app.sign_off(team.region, decision_id, "approve")
    app.sign_off(team.municipality, decision_id, "approve")
    proposed = app.get(Decision, decision_id, version=1)
    assert (proposed.version, proposed.status, proposed.stances) == (1, "proposed", {})
    half = app.get(Decision, decision_id, version=2)
    assert half.stances == {str(team.region.organisation_id): "approve"}
    assert app.get(Decision, decision_id, version=4).status == "adopted"
    assert app.get(Decision, decision_id).version == 4


@pytest.mark.parametrize("version", [0, 5])
def test_a_version_the_aggregate_never_had_is_not_found(app: Samverkan, version: int) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region])
    app.sign_off(team.region, decision_id, "object")  # versions 1, 2 and 3
    with pytest.raises(NotFound):
        app.get(Decision, decision_id, version=version)


def test_as_of_a_recording_time(app: Samverkan) -> None:
    team = start_team(app)
    pid = team.partnership_id
    app.enter_phase(team.region, pid, "understand", "Behoven först")
    app.enter_phase(team.region, pid, "redesign", "Småskaliga försök")
    started, joined, understood, redesigned = log(app, pid)
    assert started.at <= joined.at <= understood.at <= redesigned.at
    assert app.get(Partnership, pid, as_of=started.at).members == {
        str(team.region.organisation_id): "coordinator"
    }
    at_understanding = app.get(Partnership, pid, as_of=understood.at)
    assert (at_understanding.version, at_understanding.phase) == (3, "understand")
    just_before = app.get(Partnership, pid, as_of=redesigned.at - TICK)
    assert understood.at < redesigned.at  # separate saves
    assert just_before.phase == "understand"
    assert app.get(Partnership, pid, as_of=redesigned.at + timedelta(days=1)).phase == "redesign"


def test_before_creation_is_not_found(app: Samverkan) -> None:
    team = start_team(app)
    created = log(app, team.partnership_id)[0]
    with pytest.raises(NotFound):
        app.get(Partnership, team.partnership_id, as_of=created.at - TICK)
    with pytest.raises(NotFound):
        app.get(Partnership, uuid.uuid4(), as_of=created.at)


def test_as_of_is_a_time_with_an_offset(app: Samverkan) -> None:
    team = start_team(app)
    naive = log(app, team.partnership_id)[-1].at.replace(tzinfo=None)
    with pytest.raises(InvalidInput) as raised:
        app.get(Partnership, team.partnership_id, as_of=naive)
    assert "as_of" in raised.value.errors
    stockholm = timezone(timedelta(hours=1))
    later = datetime.now(stockholm) + timedelta(minutes=1)
    assert app.get(Partnership, team.partnership_id, as_of=later).version == 2


def test_as_of_asks_for_the_right_kind_of_record(app: Samverkan) -> None:
    team = start_team(app)
    now = log(app, team.partnership_id)[-1].at
    with pytest.raises(NotFound):
        app.get(Decision, team.partnership_id, as_of=now)
    with pytest.raises(NotFound):
        app.get(Decision, team.partnership_id, version=1)


def test_as_of_across_a_snapshot(app: Samverkan) -> None:
    """The application snapshots every 50 events; older states still come back exactly."""
    team = start_team(app)
    measure = app.define_measure(
        team.region, team.partnership_id, "Inläggningar", "st", "decrease", None, None, ""
    )
    periods = [f"{2015 + month // 12}-{month % 12 + 1:02d}" for month in range(56)]
    for number, period in enumerate(periods):
        app.record_value(team.region, measure.id, period, number)
    events = log(app, measure.id)
    assert len(events) == 57

    snapshots: list[Any] = list(app.snapshots.get(measure.id)) if app.snapshots else []
    assert [snapshot.originator_version for snapshot in snapshots] == [50]
    # The 53rd event is later than the snapshot: reading as of then starts from the snapshot.
    as_of = events[52].at
    assert snapshots[0].timestamp <= as_of
    then = app.get(Measure, measure.id, as_of=as_of)
    assert then.version == 53
    assert then.values == {period: Decimal(n) for n, period in enumerate(periods[:52])}
    before_snapshot = app.get(Measure, measure.id, as_of=events[40].at)
    assert (before_snapshot.version, len(before_snapshot.values)) == (41, 40)
    assert app.get(Measure, measure.id, version=53).values == then.values
    assert len(app.get(Measure, measure.id).values) == 56


def test_as_of_sees_a_correction_only_after_it(app: Samverkan) -> None:
    team = start_team(app)
    measure = app.define_measure(
        team.region, team.partnership_id, "Andel", "%", "increase", None, None, ""
    )
    app.record_value(team.region, measure.id, "2016-01", 76)
    app.correct_value(team.region, measure.id, "2016-01", 67, "Omkastade siffror")
    _, recorded, corrected = log(app, measure.id)
    assert app.get(Measure, measure.id, as_of=recorded.at).values == {"2016-01": Decimal(76)}
    assert app.get(Measure, measure.id, as_of=corrected.at).values == {"2016-01": Decimal(67)}
