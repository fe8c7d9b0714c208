"""Projections on both stores: tracked positions, failures, rebuilds, the records index."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from eventsourcing.persistence import Tracking

from samverkan.application.service import Samverkan
from samverkan.domain.partnership import Partnership
from samverkan.projections.base import APPLICATION_NAME, SqlProjection, advance, handles, positions
from samverkan.projections.runner import ProjectionFailed, Projections
from samverkan.readmodels.records_index import members, partnerships, records
from tests.integration.helpers import record_every_event, start_team


def rows(engine: sa.Engine, *tables: sa.Table) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables, in a stable order."""
    with engine.connect() as connection:
        return {
            table.name: sorted(tuple(row) for row in connection.execute(sa.select(table)))
            for table in tables
        }


def index_rows(app: Samverkan) -> dict[str, list[tuple[Any, ...]]]:
    return rows(app.sql, records, partnerships, members)


class Fragile(SqlProjection):
    """Counts partnerships; raises on a title marked as poison until ``fixed``."""

    name = "fragile"
    metadata = sa.MetaData()
    seen = sa.Table("fragile_seen", metadata, sa.Column("title", sa.String(200)))
    fixed = False

    @handles("partnership.started")
    def started(self, connection: sa.Connection, event: Any) -> None:
        if "poison" in event.title and not Fragile.fixed:
            raise ValueError("cannot handle poison")
        connection.execute(self.seen.insert().values(title=event.title))


def test_the_position_moves_only_forward(app: Samverkan) -> None:
    Projections(app, [])
    with app.sql.begin() as connection:
        assert advance(connection, "p", 5)
        assert not advance(connection, "p", 5), "the same event again changes nothing"
        assert not advance(connection, "p", 3)
        assert advance(connection, "p", 9)  # gaps in notification ids are fine
    with app.sql.connect() as connection:
        assert connection.execute(sa.select(positions.c.position)).scalar() == 9


def test_processing_an_event_twice_changes_nothing(app: Samverkan) -> None:
    start_team(app)
    runner = Projections(app, [("test", Fragile)])
    projection = runner.get("fragile")
    notification = app.recorder.select_notifications(
        start=1, limit=1, topics=["partnership.started"]
    )[0]
    event = app.mapper.to_domain_event(notification)
    tracking = Tracking(APPLICATION_NAME, notification.id)
    assert projection.apply_tracked(event, tracking)
    before = rows(app.sql, Fragile.seen)
    assert not projection.apply_tracked(event, tracking)
    projection.process_event(event, tracking)
    assert rows(app.sql, Fragile.seen) == before == {"fragile_seen": [("Innovation i samverkan",)]}


def test_a_failing_projection_stops_at_the_event_and_resumes_after_a_fix(
    app: Samverkan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Fragile, "fixed", False)
    start_team(app, "first")
    start_team(app, "poison")
    start_team(app, "third")
    runner = Projections(
        app, [("samverkan.readmodels.records_index", _index()), ("fragile-plugin", Fragile)]
    )
    applied = runner.catch_up()
    assert applied["records_index"] > 0, "the healthy projection still catches up"
    status = {s.name: s for s in runner.status()}["fragile"]
    started = app.recorder.select_notifications(start=1, limit=9, topics=["partnership.started"])
    poison_id = started[1].id
    assert status.failed_at == poison_id
    assert status.plugin == "fragile-plugin"
    assert status.error == "ValueError: cannot handle poison"
    assert status.pending == 2
    assert rows(app.sql, Fragile.seen) == {"fragile_seen": [("first",)]}
    with pytest.raises(ProjectionFailed, match="projection fragile failed at event"):
        runner.catch_up_one("fragile")

    monkeypatch.setattr(Fragile, "fixed", True)
    assert runner.catch_up_one("fragile") == 2
    assert rows(app.sql, Fragile.seen) == {"fragile_seen": [("first",), ("poison",), ("third",)]}
    status = {s.name: s for s in runner.status()}["fragile"]
    assert (status.error, status.failed_at, status.pending) == (None, None, 0)


def test_a_rebuild_equals_the_incremental_rows_and_is_repeatable(app: Samverkan) -> None:
    runner = Projections(app, [("samverkan.readmodels.records_index", _index())])
    start_team(app, "early")
    runner.catch_up()  # part of the log incrementally ...
    record_every_event(app)
    runner.catch_up()  # ... and the rest
    incremental = index_rows(app)
    assert runner.rebuild("records_index") > 0
    assert index_rows(app) == incremental
    runner.rebuild("records_index")
    assert index_rows(app) == incremental
    status = runner.status()[0]
    assert status.pending == 0 and status.position > 0


def test_a_rebuild_that_fails_keeps_the_old_rows(
    app: Samverkan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Fragile, "fixed", True)
    start_team(app, "poison")
    runner = Projections(app, [("test", Fragile)])
    runner.catch_up()
    monkeypatch.setattr(Fragile, "fixed", False)
    with pytest.raises(ProjectionFailed):
        runner.rebuild("fragile")
    assert rows(app.sql, Fragile.seen) == {"fragile_seen": [("poison",)]}


def _index() -> type[SqlProjection]:
    from samverkan.readmodels.records_index import RecordsIndex

    return RecordsIndex


def test_the_records_index_agrees_with_the_aggregates(app: Samverkan) -> None:
    team = record_every_event(app)
    runner = Projections(app, [("samverkan.readmodels.records_index", _index())])
    runner.catch_up()
    with app.sql.connect() as connection:
        indexed = list(connection.execute(sa.select(records)))
    assert {row.kind for row in indexed} >= {
        "organisation",
        "partnership",
        "decision",
        "experiment",
        "measure",
        "lesson",
        "scale_up",
        "agreement",
    }
    for row in indexed:
        aggregate: Any = app.repository.get(UUID(row.id))
        assert row.version == aggregate.version, row
        expected_status = {
            "experiment": getattr(aggregate, "stage", None),
            "lesson": "retracted" if getattr(aggregate, "retracted", False) else "recorded",
        }.get(row.kind, getattr(aggregate, "status", None))
        assert row.status == expected_status, row
        title = getattr(aggregate, "title", None) or getattr(aggregate, "name", None)
        title = title or getattr(aggregate, "practice", None)
        assert row.title == (None if row.kind == "lesson" else title), row
        expected_partnership = getattr(aggregate, "partnership_id", None)
        assert row.partnership_id == (expected_partnership and str(expected_partnership))
    partnership = app.get(Partnership, team.partnership_id)
    with app.sql.connect() as connection:
        listed = connection.execute(
            sa.select(partnerships).where(partnerships.c.id == str(team.partnership_id))
        ).one()
        roles = dict(
            connection.execute(
                sa.select(members.c.organisation_id, members.c.role).where(
                    members.c.partnership_id == str(team.partnership_id)
                )
            ).all()
        )
    assert (listed.title, listed.kind, listed.status, listed.phase) == (
        partnership.title,
        partnership.kind,
        partnership.status,
        partnership.phase,
    )
    assert roles == partnership.members
    assert listed.member_count == len(partnership.members)


def test_the_index_reads_every_record_event() -> None:
    from tests.integration.helpers import all_topics

    record_topics = {t for t in all_topics() if t.split(".")[0] not in ("text", "user")}
    assert record_topics <= set(_index().topics)


def test_pages_read_partnerships_and_records_from_the_index(app: Samverkan) -> None:
    from samverkan.readmodels.records_index import partnership_rows, records_of
    from tests.integration.helpers import propose, register

    team = start_team(app, "Testbädd Norrtälje")
    outsider = register(app, "Region Skåne")
    decision = propose(app, team, [team.region])
    Projections(app, [("samverkan.readmodels.records_index", _index())]).catch_up()
    pid = str(team.partnership_id)
    (row,) = partnership_rows(app.sql, str(team.municipality.organisation_id))
    assert (row["id"], row["title"], row["kind"], row["phase"]) == (
        pid,
        "Testbädd Norrtälje",
        "innovation_partnership",
        None,
    )
    assert row["members"] == {
        str(team.region.organisation_id): "coordinator",
        str(team.municipality.organisation_id): "partner",
    }
    assert partnership_rows(app.sql, str(outsider.organisation_id)) == []
    assert [r["id"] for r in partnership_rows(app.sql)] == [pid]
    (record,) = records_of(app.sql, pid, "decision")
    assert (record["id"], record["status"]) == (str(decision), "proposed")


def every_row(runner: Projections) -> dict[str, list[tuple[Any, ...]]]:
    tables = [t for p in runner.projections.values() for t in p.metadata.sorted_tables]
    return rows(runner.engine, *tables)


def test_one_pass_rebuild_of_every_projection_equals_events_applied_one_at_a_time(
    app: Samverkan,
) -> None:
    """The batched paths (a page per transaction, ``apply_batch``) give the rows of the
    eventsourcing shape, ``process_event`` of one event at a time."""
    from samverkan.plugin_manager import Plugins

    record_every_event(app)
    runner = Projections.from_plugins(app, Plugins())
    assert len(runner.projections) >= 10
    notifications = app.recorder.select_notifications(start=1, limit=100_000)
    for notification in notifications:
        event = app.mapper.to_domain_event(notification)
        for projection in runner.projections.values():
            if notification.topic in projection.topic_set:
                projection.process_event(event, Tracking(APPLICATION_NAME, notification.id))
    one_at_a_time = every_row(runner)
    assert one_at_a_time["current_states"] and one_at_a_time["event_index"]
    counts = runner.rebuild_all()
    assert every_row(runner) == one_at_a_time
    assert counts["event_index"] == len(notifications)
    assert {status.pending for status in runner.status()} == {0}


def test_catching_up_racing_runners_apply_each_event_once(app: Samverkan) -> None:
    """Two runners (two workers) on one store: the locked positions let only one apply
    a page; the other finds it done, and no row is written twice."""
    import threading

    from samverkan.plugin_manager import Plugins

    record_every_event(app)
    runners = [Projections.from_plugins(app, Plugins()) for _ in range(2)]
    applied: list[dict[str, int]] = []
    threads = [threading.Thread(target=lambda r=r: applied.append(r.catch_up())) for r in runners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = len(app.recorder.select_notifications(start=1, limit=100_000))
    assert sum(counts["event_index"] for counts in applied) == total
    raced = every_row(runners[0])
    runners[0].rebuild_all()
    assert every_row(runners[0]) == raced


def test_a_partnership_history_reads_the_index_then_the_log_after_it(app: Samverkan) -> None:
    """The audit bundle's and `samverkan events --partnership`'s source: the index up to
    its position and the log after it give the same events as a scan of the whole log."""
    from samverkan.readmodels.event_index import EventIndex, indexed_up_to, partnership_history
    from samverkan.storage.log import partnership_log

    runner = Projections(app, [("samverkan.readmodels.event_index", EventIndex)])
    team = record_every_event(app)
    assert indexed_up_to(app.sql) == 0
    scanned = list(partnership_log(app, team.partnership_id))
    assert (
        list(partnership_history(app.sql, app, team.partnership_id)) == scanned
    )  # nothing indexed
    runner.catch_up()
    record_every_event(app)  # another team's records, and more of the log after the index
    later = start_team(app, "later")
    assert indexed_up_to(app.sql) < app.recorder.max_notification_id()
    for pid in (team.partnership_id, later.partnership_id):
        assert list(partnership_history(app.sql, app, pid)) == list(partnership_log(app, pid))
    assert len(scanned) > 20


def test_a_stuck_projection_does_not_make_every_catch_up_read_the_log_again(
    app: Samverkan, monkeypatch: pytest.MonkeyPatch
) -> None:
    import samverkan.projections.runner

    monkeypatch.setattr(samverkan.projections.runner, "PAGE", 5)
    monkeypatch.setattr(Fragile, "fixed", False)
    start_team(app, "poison")
    record_every_event(app)  # many pages after the poison
    runner = Projections(
        app, [("samverkan.readmodels.records_index", _index()), ("fragile-plugin", Fragile)]
    )
    runner.catch_up()
    assert {s.name: bool(s.error) for s in runner.status()} == {
        "records_index": False,
        "fragile": True,
    }
    pages = []
    select = app.recorder.select_notifications

    def counted(*args: Any, **kwargs: Any) -> Any:
        found = select(*args, **kwargs)
        pages.append(len(found))
        return found

    monkeypatch.setattr(app.recorder, "select_notifications", counted)
    runner.catch_up()
    log_pages = [n for n in pages if n]  # the audit sequencer's reads find nothing new
    assert len(log_pages) <= 2, "the page with the poison, then on from the head"


def test_a_partnerships_records_of_one_kind_are_found_by_one_index(app: Samverkan) -> None:
    """Not by the kind's index alone, which holds every record of that kind in the store."""
    from samverkan.readmodels.current_state import create_state_tables

    create_state_tables(app.sql)  # again: an index made since is added, nothing fails
    indexes = {index["name"] for index in sa.inspect(app.sql).get_indexes("current_states")}
    assert "current_states_partnership_kind" in indexes
    query = "SELECT id FROM current_states WHERE kind = 'decision' AND partnership_id = 'p'"
    with app.sql.connect() as connection:
        if connection.dialect.name == "sqlite":  # PostgreSQL plans by its statistics
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}")
            assert "current_states_partnership_kind" in " ".join(str(row) for row in rows)
