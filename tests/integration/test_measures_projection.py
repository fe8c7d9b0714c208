"""The measures plugin's projection on both stores: values by period after corrections, the
corrections with their reasons, idempotence, and a rebuild giving the same rows."""

from __future__ import annotations

import contextlib
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.persistence import Tracking
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.application.service import Samverkan
from samverkan.errors import SamverkanError
from samverkan.plugin_manager import Plugins
from samverkan.plugins.measures import tables
from samverkan.projections.base import APPLICATION_NAME
from samverkan.projections.runner import Projections
from samverkan.storage.stores import StoreConfig
from tests.integration.helpers import start_team


def rows(app: Samverkan) -> dict[str, list[tuple[Any, ...]]]:
    with app.sql.connect() as connection:
        return {
            table.name: sorted(tuple(row) for row in connection.execute(sa.select(table)))
            for table in tables.metadata.sorted_tables
        }


def history(app: Samverkan) -> tuple[Any, Any]:
    team = start_team(app)
    measure = app.define_measure(
        team.region, team.partnership_id, "Väntetid", "dagar", "decrease", "30", "14", "Kö"
    )
    for period, value in (("2024-01", "31"), ("2024-02", "28.5"), ("2024-03", "25")):
        app.record_value(team.region, measure.id, period, value)
    app.record_value(team.region, measure.id, "2024-04", "52", 40)
    app.correct_value(team.region, measure.id, "2024-04", "22", "Fel enhet: veckor")
    app.correct_value(team.region, measure.id, "2024-04", "21", "Omräknat")
    return team, measure


def test_values_after_corrections_and_the_reasons(app: Samverkan) -> None:
    team, measure = history(app)
    runner = Projections.from_plugins(app, Plugins())
    runner.catch_up()
    row = tables.measure_of(app.sql, measure.id)
    assert row is not None
    assert (row.name, row.unit, row.direction) == ("Väntetid", "dagar", "decrease")
    assert (row.baseline, row.target, row.version) == (Decimal(30), Decimal(14), 7)
    assert row.partnership_id == team.partnership_id
    values = tables.values_of(app.sql, measure.id)
    assert [(v.period, v.value, v.n, v.corrections) for v in values] == [
        ("2024-01", Decimal(31), None, 0),
        ("2024-02", Decimal("28.5"), None, 0),
        ("2024-03", Decimal(25), None, 0),
        ("2024-04", Decimal(21), 40, 2),
    ]
    assert values[-1].recorded_value == Decimal(52)
    corrections = tables.corrections_of(app.sql, measure.id)
    assert [(c.version, c.previous_value, c.value) for c in corrections] == [
        (6, Decimal(52), Decimal(22)),
        (7, Decimal(22), Decimal(21)),
    ]
    reasons = app.texts.get_many([c.reason_text_id for c in corrections])
    assert [reasons[c.reason_text_id] for c in corrections] == ["Fel enhet: veckor", "Omräknat"]
    assert [m.id for m in tables.measures_of(app.sql, team.partnership_id)] == [measure.id]


def test_processing_twice_changes_nothing_and_a_rebuild_gives_the_same_rows(
    app: Samverkan,
) -> None:
    history(app)
    runner = Projections.from_plugins(app, Plugins())
    runner.catch_up()
    built = rows(app)
    assert len(built["measures_values"]) == 4 and len(built["measures_corrections"]) == 2
    projection = runner.get("measures")
    for notification in app.recorder.select_notifications(start=1, limit=1000):
        event = app.mapper.to_domain_event(notification)
        tracking = Tracking(APPLICATION_NAME, notification.id)
        assert not projection.apply_tracked(event, tracking)  # the position says: done
        with app.sql.begin() as connection:  # and even applied again by hand
            projection.apply(connection, event)
    assert rows(app) == built
    runner.rebuild("measures")
    assert rows(app) == built


MEASURE_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["define", "record", "correct", "catch up"]),
        st.integers(min_value=0, max_value=20),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=MEASURE_STEPS)
def test_any_interleaving_of_measure_events_equals_a_rebuild(history: list[Any]) -> None:
    # The team's property test covers every projection but records no measure events; this
    # one drives measures: definitions, values, corrections, and catch-ups in between.
    with tempfile.TemporaryDirectory() as directory:
        app = Samverkan(StoreConfig(data_dir=Path(directory)))
        try:
            runner = Projections.from_plugins(app, Plugins())
            team = start_team(app)
            measures: list[UUID] = []
            for step, n in history:
                if step == "catch up":
                    runner.catch_up_one("measures")
                elif step == "define" or not measures:
                    measures.append(
                        app.define_measure(
                            team.region,
                            team.partnership_id,
                            f"Mått {n}",
                            "%",
                            "increase",
                            n,
                            None,
                            "",
                        ).id
                    )
                else:
                    measure_id = measures[n % len(measures)]
                    period = f"2024-{n % 12 + 1:02d}"
                    with contextlib.suppress(SamverkanError):  # refused: nothing recorded
                        if step == "record":
                            app.record_value(team.region, measure_id, period, n, n + 1)
                        else:
                            app.correct_value(team.region, measure_id, period, n * 2, "Rättat")
            runner.catch_up_one("measures")
            incremental = rows(app)
            runner.rebuild("measures")
            assert rows(app) == incremental
        finally:
            app.close()
