"""For every projection: applying a random interleaving of events incrementally, in random
slices, gives the rows of a rebuild; and a rebuild run twice gives the same rows."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.application.service import Samverkan
from samverkan.errors import SamverkanError
from samverkan.plugin_manager import Plugins
from samverkan.projections.runner import Projections
from samverkan.storage.stores import StoreConfig
from tests.integration.helpers import acting_for, register


class World:
    """The records a random history has made so far, to aim the next command at."""

    def __init__(self, app: Samverkan) -> None:
        self.app = app
        self.organisations = [register(app, f"Organisation {n}") for n in range(3)]
        self.partnerships: list[UUID] = []
        self.decisions: list[UUID] = []
        self.lessons: list[UUID] = []

    def pick(self, items: list[UUID], n: int) -> UUID | None:
        return items[n % len(items)] if items else None


def start(w: World, n: int) -> None:
    coordinator = w.organisations[n % 3]
    partnership = w.app.start_partnership(
        coordinator,
        f"Partnership {n}",
        "testbed",
        "Syfte",
        [],
        coordinator.organisation_id,
        "2019-01-01",
        None,
    )
    w.partnerships.append(partnership.id)


def with_partnership(command: Callable[[World, UUID, int], Any]) -> Callable[[World, int], None]:
    def run(w: World, n: int) -> None:
        pid = w.pick(w.partnerships, n)
        if pid is not None:
            command(w, pid, n)

    return run


def coordinator_of(w: World, pid: UUID) -> Any:
    from samverkan.domain.partnership import Partnership

    return acting_for(w.app.get(Partnership, pid).coordinator_id)


def join(w: World, pid: UUID, n: int) -> None:
    org = w.organisations[n % 3]
    w.app.add_member(org, pid, org.organisation_id, ("partner", "observer", "funder")[n % 3])


def leave(w: World, pid: UUID, n: int) -> None:
    w.app.remove_member(w.organisations[0], pid, w.organisations[n % 3].organisation_id, "Slut")


def phase(w: World, pid: UUID, n: int) -> None:
    w.app.enter_phase(w.organisations[0], pid, ("understand", "redesign", "scale_up")[n % 3], "Nu")


def status(w: World, pid: UUID, n: int) -> None:
    new = ("active", "paused", "completed")[n % 3]
    w.app.change_status(w.organisations[0], pid, new, "Därför")


def meeting(w: World, pid: UUID, n: int) -> None:
    w.app.hold_meeting(w.organisations[0], pid, "workshop", f"2019-0{n % 9 + 1}-01", "Umeå", [], "")


def propose(w: World, pid: UUID, n: int) -> None:
    coordinator = coordinator_of(w, pid)
    decision = w.app.propose_decision(
        coordinator, pid, f"Beslut {n}", "K", [], "F", "M", [coordinator.organisation_id], []
    )
    w.decisions.append(decision.id)


def lesson(w: World, pid: UUID, n: int) -> None:
    found = w.app.record_lesson(w.organisations[0], pid, "Lärdom", "meeting", None, "micro", [])
    w.lessons.append(found.id)


def with_decision(command: Callable[[World, UUID, int], Any]) -> Callable[[World, int], None]:
    def run(w: World, n: int) -> None:
        decision_id = w.pick(w.decisions, n)
        if decision_id is not None:
            command(w, decision_id, n)

    return run


def signatory(w: World, decision_id: UUID) -> Any:
    from samverkan.domain.decision import Decision

    return acting_for(w.app.get(Decision, decision_id).signatory_ids[0])


def sign(w: World, decision_id: UUID, n: int) -> None:
    stance = ("approve", "object", "abstain")[n % 3]
    w.app.sign_off(signatory(w, decision_id), decision_id, stance)


def amend(w: World, decision_id: UUID, n: int) -> None:
    w.app.amend_decision(signatory(w, decision_id), decision_id, {"title": f"Ändrat {n}"}, "Ny")


def withdraw(w: World, decision_id: UUID, n: int) -> None:
    w.app.withdraw_decision(signatory(w, decision_id), decision_id, "Inaktuellt")


def retract(w: World, n: int) -> None:
    lesson_id = w.pick(w.lessons, n)
    if lesson_id is not None:
        w.app.retract_lesson(w.organisations[0], lesson_id, "Fel")


def rename(w: World, n: int) -> None:
    org = w.organisations[n % 3]
    w.app.rename_organisation(org, org.organisation_id, f"Organisation {n} (nytt namn)")


COMMANDS: dict[str, Callable[[World, int], None]] = {
    "start": start,
    "join": with_partnership(join),
    "leave": with_partnership(leave),
    "phase": with_partnership(phase),
    "status": with_partnership(status),
    "meeting": with_partnership(meeting),
    "propose": with_partnership(propose),
    "lesson": with_partnership(lesson),
    "sign": with_decision(sign),
    "amend": with_decision(amend),
    "withdraw": with_decision(withdraw),
    "retract": retract,
    "rename": rename,
}
CATCH_UP = "catch up"
steps = st.lists(
    st.tuples(st.sampled_from([*COMMANDS, CATCH_UP]), st.integers(min_value=0, max_value=50)),
    min_size=1,
    max_size=30,
)


def _projection_names() -> list[str]:
    """Every projection the installed plugins register (the example's too)."""
    from samverkan.projections.base import SqlProjection

    classes: list[type[SqlProjection]] = [
        cls for _plugin, cls in Plugins().collect("register_projections", service=None)
    ]
    return sorted({cls.name for cls in classes} | {"example_meetings"})


def rows_of(runner: Projections, name: str) -> dict[str, list[tuple[Any, ...]]]:
    with runner.engine.connect() as connection:
        return {
            table.name: sorted(tuple(row) for row in connection.execute(sa.select(table)))
            for table in runner.get(name).metadata.sorted_tables
        }


@pytest.mark.parametrize("projection", _projection_names())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=steps)
def test_incremental_processing_equals_a_rebuild(
    example_plugin: str, projection: str, history: list[Any]
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = Samverkan(StoreConfig(data_dir=Path(directory)))
        try:
            runner = Projections.from_plugins(app, Plugins())
            world = World(app)
            for name, n in history:
                if name == CATCH_UP:
                    runner.catch_up_one(projection)
                    continue
                with contextlib.suppress(SamverkanError):  # refused: nothing recorded
                    COMMANDS[name](world, n)
            runner.catch_up_one(projection)
            incremental = rows_of(runner, projection)
            runner.rebuild(projection)
            assert rows_of(runner, projection) == incremental
            runner.rebuild(projection)
            assert rows_of(runner, projection) == incremental
            assert {s.name: s.pending for s in runner.status()}[projection] == 0
        finally:
            app.close()
            app.sql.dispose()
