"""Concurrent writers: one wins each race; commuting writes are retried; nothing is lost."""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from samverkan.application.base import WRITE_RETRIES
from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from samverkan.domain.measure import Measure
from samverkan.errors import StaleVersion, WriteConflict
from samverkan.storage.stores import StoreConfig
from tests.integration.helpers import (
    Write,
    count,
    log,
    perform,
    propose,
    start_team,
    types,
    write_concurrently,
)


@pytest.fixture
def rival(app: Samverkan) -> Iterator[Samverkan]:
    """A second application on the same store: another web worker or host."""
    other = Samverkan(app.config, create_tables=False)
    yield other
    other.close()
    other.sql.dispose()


def interleaving(before_save: Callable[[], object], times: int = 1) -> Callable[[], bool]:
    """Run ``before_save`` (another writer's command) during the first ``times`` attempts."""
    calls = 0

    def maybe() -> bool:
        nonlocal calls
        calls += 1
        if calls <= times:
            before_save()
            return True
        return False

    return maybe


def test_of_two_saves_of_one_version_the_second_conflicts(app: Samverkan, rival: Samverkan) -> None:
    """Both load version 1 and both save: the store takes the first and refuses the second."""
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    comment = app.text("comment", "", required=False)
    mine: Decision = app.repository.get(decision_id)
    theirs: Decision = rival.repository.get(decision_id)
    mine.sign_off(team.region, "approve", comment)
    theirs.sign_off(team.municipality, "object", comment)
    app.save(mine)
    with pytest.raises(IntegrityError):
        rival.save(theirs)
    assert types(app, decision_id) == ["decision.proposed", "decision.signed_off"]
    assert app.get(Decision, decision_id).stances == {str(team.region.organisation_id): "approve"}


def test_a_stale_expected_version_is_refused(app: Samverkan, rival: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    app.sign_off(team.region, decision_id, "approve", expected_version=1)
    with pytest.raises(StaleVersion):
        rival.sign_off(team.municipality, decision_id, "approve", expected_version=1)
    assert app.get(Decision, decision_id).status == "proposed"
    assert rival.sign_off(team.municipality, decision_id, "approve", expected_version=2).status == (
        "adopted"
    )


def test_losing_a_race_with_an_expected_version_is_stale(app: Samverkan, rival: Samverkan) -> None:
    """The rival saves after we loaded version 1 but before we save: we are not retried."""
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    comment = app.text("comment", "", required=False)
    race = interleaving(lambda: rival.sign_off(team.municipality, decision_id, "object"))

    def sign(decision: Decision) -> None:
        race()
        decision.sign_off(team.region, "approve", comment)

    with pytest.raises(StaleVersion):
        app.change(Decision, decision_id, sign, expected_version=1)
    assert types(app, decision_id) == ["decision.proposed", "decision.signed_off"]
    assert log(app, decision_id)[-1].actor == team.municipality


def test_a_lost_race_without_expected_version_is_retried(app: Samverkan, rival: Samverkan) -> None:
    """Two sign-offs commute: the loser reloads, signs again, and closes the decision."""
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    comment = app.text("comment", "", required=False)
    race = interleaving(lambda: rival.sign_off(team.municipality, decision_id, "approve"))
    attempts: list[int] = []

    def sign(decision: Decision) -> None:
        attempts.append(decision.version)
        race()
        decision.sign_off(team.region, "approve", comment)

    decision, _ = app.change(Decision, decision_id, sign)
    assert attempts == [1, 2]
    assert decision.status == "adopted"
    assert types(app, decision_id) == [
        "decision.proposed",
        "decision.signed_off",
        "decision.signed_off",
        "decision.adopted",
    ]
    signers = [e.data["organisation_id"] for e in log(app, decision_id) if "stance" in e.data]
    assert sorted(signers) == sorted(
        str(member.organisation_id) for member in (team.region, team.municipality)
    )


def test_a_writer_that_always_loses_is_told_after_the_retries(
    app: Samverkan, rival: Samverkan
) -> None:
    team = start_team(app)
    measure = app.define_measure(
        team.region, team.partnership_id, "Väntetid", "dagar", "decrease", None, None, ""
    )
    rival_periods = iter(f"2016-{month:02d}" for month in range(1, 13))
    race = interleaving(
        lambda: rival.record_value(team.municipality, measure.id, next(rival_periods), 5),
        times=WRITE_RETRIES + 1,
    )

    def record(measure: Measure) -> None:
        race()
        measure.record_value(team.region, "2015-12", 9, None)

    with pytest.raises(WriteConflict):
        app.change(Measure, measure.id, record)
    values = app.get(Measure, measure.id).values
    assert len(values) == WRITE_RETRIES + 1
    assert "2015-12" not in values


# Real threads and processes, racing on one store.


@dataclass(frozen=True)
class Race:
    """What the writers race on, and each writer's writes (its plan)."""

    decision_id: UUID
    measure_id: UUID
    guarded_id: UUID
    plans: list[list[Write]]
    events_before: int


def prepare_race(app: Samverkan, writers: int) -> Race:
    """Each writer signs one decision, records a value for its own period on one measure,
    then records a value on a second measure with ``expected_version=1`` (as with If-Match).

    One write per writer and aggregate: a writer loses a race on an aggregate only to a
    writer that then has succeeded there, so no one loses more than ``writers - 1`` times,
    within the service's retries. (Writers that write again and again can starve one.)
    """
    assert writers - 1 <= WRITE_RETRIES
    team = start_team(app)
    members = [team.region, team.municipality]
    members += [team.join(app, f"Företag {n}", "partner") for n in range(writers - 2)]
    decision_id = propose(app, team, members)
    measure, guarded = (
        app.define_measure(team.region, team.partnership_id, name, "st", "increase", None, None, "")
        for name in ("Besök", "Inläggningar")
    )
    plans = [
        [
            Write(member, decision_id, "sign_off", "approve"),
            Write(member, measure.id, "record_value", f"2016-{n + 1:02d}"),
            Write(member, guarded.id, "record_value", f"2017-{n + 1:02d}", expected_version=1),
        ]
        for n, member in enumerate(members)
    ]
    return Race(decision_id, measure.id, guarded.id, plans, count(app))


def assert_nothing_lost_or_doubled(app: Samverkan, race: Race, outcomes: list[list[str]]) -> None:
    assert [outcome[:2] for outcome in outcomes] == [["ok", "ok"]] * len(race.plans)
    # Each writer's sign-off and value, the adoption, and one guarded value: no more, no less.
    assert count(app) == race.events_before + 2 * len(race.plans) + 2
    guarded = sorted(outcome[2] for outcome in outcomes)
    assert guarded == ["StaleVersion"] * (len(race.plans) - 1) + ["ok"]

    decision = app.get(Decision, race.decision_id)
    assert decision.status == "adopted"
    assert decision.stances == {
        str(plan[0].actor.organisation_id): "approve" for plan in race.plans
    }
    assert Counter(types(app, race.decision_id)) == {
        "decision.proposed": 1,
        "decision.signed_off": len(race.plans),
        "decision.adopted": 1,
    }
    periods = sorted(plan[1].argument for plan in race.plans)
    recorded = [e.data["period"] for e in log(app, race.measure_id)[1:]]
    assert sorted(recorded) == periods
    assert sorted(app.get(Measure, race.measure_id).values) == periods
    assert types(app, race.guarded_id) == ["measure.defined", "measure.value_recorded"]
    assert len(app.get(Measure, race.guarded_id).values) == 1


def collect(results: Any, writers: int) -> list[list[str]]:
    return [results.get(timeout=120) for _ in range(writers)]


@pytest.mark.parametrize("store_config", ["sqlite"], indirect=True)
def test_threads_with_their_own_applications_on_one_sqlite_store(app: Samverkan) -> None:
    race = prepare_race(app, writers=4)
    barrier = threading.Barrier(len(race.plans))
    results: queue.Queue[list[str]] = queue.Queue()
    threads = [
        threading.Thread(target=write_concurrently, args=(app.config, plan, barrier, results))
        for plan in race.plans
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert_nothing_lost_or_doubled(app, race, collect(results, len(threads)))


@pytest.mark.parametrize("store_config", ["sqlite"], indirect=True)
def test_threads_sharing_one_application_on_sqlite(app: Samverkan) -> None:
    race = prepare_race(app, writers=4)
    barrier = threading.Barrier(len(race.plans))
    results: queue.Queue[list[str]] = queue.Queue()

    def write(plan: list[Write]) -> None:
        barrier.wait(timeout=60)
        results.put([perform(app, w) for w in plan])

    threads = [threading.Thread(target=write, args=(plan,)) for plan in race.plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert_nothing_lost_or_doubled(app, race, collect(results, len(threads)))


@pytest.mark.postgres
@pytest.mark.parametrize("store_config", ["postgres"], indirect=True)
def test_processes_on_one_postgres_store(app: Samverkan) -> None:
    """Each writer in its own spawned process, sharing nothing but the database URL."""
    assert app.config.database_url and "?schema=" in app.config.database_url
    race = prepare_race(app, writers=4)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(race.plans))
    results = context.Queue()
    config = StoreConfig(data_dir=app.config.data_dir, database_url=app.config.database_url)
    processes = [
        context.Process(target=write_concurrently, args=(config, plan, barrier, results))
        for plan in race.plans
    ]
    for process in processes:
        process.start()
    outcomes = collect(results, len(processes))
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert_nothing_lost_or_doubled(app, race, outcomes)
