"""Workers: several followers of one log apply each event exactly once; gaps are no trouble."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from eventsourcing.persistence import IntegrityError

from samverkan.application.service import Samverkan
from samverkan.domain.organisation import Organisation
from samverkan.plugin_manager import Plugins
from samverkan.projections.base import SqlProjection, handles
from samverkan.projections.runner import Projections
from samverkan.projections.worker import follow
from samverkan.storage.stores import StoreConfig
from tests.conftest import postgres_config
from tests.integration.helpers import register, start_team
from tests.plugins.install import TARGET as TEST_PLUGINS

applied_metadata = sa.MetaData()
applied = sa.Table(
    "test_applied_events",
    applied_metadata,
    # No key on purpose: an event applied twice shows up as two rows.
    sa.Column("originator_id", sa.String(36), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("worker", sa.String(10), nullable=False),
)


class Counting(SqlProjection):
    """Writes one row per event it applies, naming the worker that applied it."""

    name = "counting"
    metadata = applied_metadata
    worker = "?"

    @handles("organisation.registered", "organisation.renamed")
    def record(self, connection: sa.Connection, event: Any) -> None:
        connection.execute(
            applied.insert().values(
                originator_id=str(event.originator_id),
                version=event.originator_version,
                worker=self.worker,
            )
        )


class CountingA(Counting):
    name = "counting"
    worker = "a"


class CountingB(Counting):
    name = "counting"
    worker = "b"


def applied_rows(engine: sa.Engine) -> list[tuple[str, int]]:
    with engine.connect() as connection:
        query = sa.select(applied.c.originator_id, applied.c.version)
        return sorted((row[0], row[1]) for row in connection.execute(query))


def logged(app: Samverkan) -> list[tuple[str, int]]:
    topics = list(Counting.topics)
    found = app.recorder.select_notifications(start=1, limit=10_000, topics=topics)
    return sorted((str(n.originator_id), n.originator_version) for n in found)


@pytest.mark.postgres
def test_two_workers_apply_every_event_once(postgres_schema: str, tmp_path: Path) -> None:
    config = postgres_config(postgres_schema, tmp_path)
    writer = Samverkan(config)
    services = [Samverkan(config, create_tables=False) for _ in range(2)]
    runners = [
        Projections(service, [("test", cls)])
        for service, cls in zip(services, (CountingA, CountingB), strict=True)
    ]
    stop = threading.Event()
    threads = [
        # A long retry interval: only LISTEN/NOTIFY wakes the workers after they start.
        threading.Thread(target=follow, args=(runner, None, stop), kwargs={"retry_interval": 60})
        for runner in runners
    ]
    try:
        register(writer, "Before the workers")  # already in the log when they start
        for thread in threads:
            thread.start()
        for n in range(40):
            member = register(writer, f"Organisation {n}")
            writer.rename_organisation(member, member.organisation_id, f"Organisation {n} AB")
        head = writer.recorder.max_notification_id() or 0
        assert runners[0].wait_until_current(head, timeout=60), "the workers did not catch up"
        assert runners[1].wait_until_current(head, timeout=60)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    events = logged(writer)
    assert len(events) == 81
    assert applied_rows(writer.sql) == events, "an event was skipped or applied twice"
    for service in [writer, *services]:
        service.close()
        service.sql.dispose()


def test_gaps_in_notification_ids_are_tolerated(app: Samverkan) -> None:
    runner = Projections(app, [("test", CountingA)])
    member = register(app, "Region Kalmar")
    first = app.get(Organisation, member.organisation_id)
    second = app.get(Organisation, member.organisation_id)
    first.rename(member, "Region Kalmar län")
    second.rename(member, "Kalmar")
    app.save(first)
    with pytest.raises(IntegrityError):
        app.save(second)  # on PostgreSQL this uses up a notification id: a gap
    register(app, "Region Blekinge")
    runner.catch_up()
    assert applied_rows(app.sql) == logged(app)
    assert runner.status()[0].pending == 0


def test_a_sqlite_worker_polls(tmp_path: Path) -> None:
    config = StoreConfig(data_dir=tmp_path)
    writer = Samverkan(config)
    runner = Projections(Samverkan(config), [("test", CountingA)])
    stop = threading.Event()
    thread = threading.Thread(
        target=follow, args=(runner, None, stop), kwargs={"poll_interval": 0.05}
    )
    thread.start()
    try:
        register(writer, "Region Örebro")
        head = writer.recorder.max_notification_id() or 0
        assert runner.wait_until_current(head, timeout=30)
    finally:
        stop.set()
        thread.join()
    assert applied_rows(writer.sql) == logged(writer)
    writer.close()
    runner.service.close()


@pytest.mark.postgres
def test_two_worker_processes_share_the_log(
    postgres_schema: str, tmp_path: Path, example_plugin: str
) -> None:
    """`samverkan projections run` twice, as real processes, on one PostgreSQL: the example
    plugin's meetings table has a key per meeting, so an event applied twice would fail."""
    config = postgres_config(postgres_schema, tmp_path)
    writer = Samverkan(config)
    team = start_team(writer)
    env = dict(os.environ, SAMVERKAN_DATABASE_URL=config.database_url or "")
    env["SAMVERKAN_DATA_DIR"] = str(tmp_path)
    env["PYTHONPATH"] = str(TEST_PLUGINS)  # where the test run installed the example plugin
    command = [sys.executable, "-m", "samverkan.cli.main", "projections", "run"]
    root = Path(__file__).resolve().parents[2]
    workers = [
        subprocess.Popen(command, env=env, cwd=root, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for worker in workers:  # each says so once it follows the log and handles SIGTERM
        assert worker.stdout is not None
        assert worker.stdout.readline().startswith("Following the log")
    try:
        for day in range(1, 21):
            writer.hold_meeting(
                team.region, team.partnership_id, "workshop", f"2019-03-{day:02}", "Umeå", [], ""
            )
        runner = Projections.from_plugins(writer, Plugins())
        head = writer.recorder.max_notification_id() or 0
        assert runner.wait_until_current(head, timeout=60), "the workers did not catch up"
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        exit_codes = [worker.wait(timeout=60) for worker in workers]
        for worker in workers:
            assert worker.stdout is not None
            worker.stdout.close()
    assert exit_codes == [0, 0]
    status = {s.name: s for s in runner.status()}
    assert all(s.error is None for s in status.values()), status
    with writer.sql.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM example_meetings")).scalar()
    assert count == 20
    writer.close()
    writer.sql.dispose()
