"""Plugins' failures are stored once per plugin and hook, and every process on the store sees
them: in /-/plugins (details to administrators only), in /readyz and in `samverkan plugins`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from flask import Flask

from samverkan import hookimpl
from samverkan.cli.main import main
from samverkan.projections.base import SqlProjection, handles
from samverkan.storage.plugin_failures import clear_failures, read_failures
from samverkan.storage.stores import StoreConfig
from samverkan.storage.tables import plugin_failures
from samverkan.web import create_app
from samverkan.web.plugins import plugins_of
from tests.api.callers import OPERATOR, Caller, make_caller
from tests.integration.helpers import start_team


class FailsAtStartup:
    @hookimpl
    def startup(self, service: Any, flask_app: Any) -> None:
        raise RuntimeError("the licence server is down")


class FailsToReact:
    @hookimpl
    def on_events(self, service: Any, events: Any) -> None:
        raise RuntimeError("webhook down")


def make_app(store_config: StoreConfig, **config: Any) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test", "STORE": store_config, **config})


@pytest.fixture
def apps(store_config: StoreConfig) -> Iterator[tuple[Flask, Flask]]:
    """Two apps on one store, as two gunicorn workers: only the first has the bad plugins."""
    first = make_app(
        store_config,
        EXTRA_PLUGINS=[("licensed", FailsAtStartup()), ("webhooks", FailsToReact())],
    )
    second = make_app(store_config)
    yield first, second
    first.extensions["samverkan"].close()
    second.extensions["samverkan"].close()


def callers(app: Flask) -> tuple[Caller, Caller]:
    service = app.extensions["samverkan"]
    organisation = service.register_organisation(OPERATOR, "Operator", "other", "SE").id
    admin = make_caller(app, organisation, "admin", "admin@example.org")
    member = make_caller(app, organisation, "member", "member@example.org")
    return admin, member


def test_a_failure_in_one_worker_is_seen_in_another(apps: tuple[Flask, Flask]) -> None:
    _first, second = apps
    admin, _member = callers(second)
    failures = admin.get("/-/plugins").json["failures"]
    assert [(f["plugin"], f["hook"], f["count"]) for f in failures] == [("licensed", "startup", 1)]
    assert failures[0]["error"] == "RuntimeError: the licence server is down"
    assert failures[0]["first_seen"] == failures[0]["last_seen"]
    ready = second.test_client().get("/readyz")
    assert ready.status_code == 200  # an optional plugin's failure keeps the instance serving
    assert ready.json["status"] == "degraded"
    assert ready.json["failing_plugins"] == ["licensed"]


def test_only_administrators_see_the_details(apps: tuple[Flask, Flask]) -> None:
    _first, second = apps
    admin, member = callers(second)
    for listing in (member.get("/-/plugins").json, second.test_client().get("/-/plugins").json):
        assert listing["failures"] == [{"plugin": "licensed"}]
        assert "the licence server" not in json.dumps(listing)
        assert "licensed" in {row["name"] for row in listing["plugins"]}
    assert admin.get("/-/plugins").json["failures"][0]["hook"] == "startup"


def test_a_failure_is_one_row_counted_and_dated(
    apps: tuple[Flask, Flask], store_config: StoreConfig
) -> None:
    first, second = apps
    plugins_of(first).fail("licensed", "startup", RuntimeError("still down"))
    plugins_of(second).fail("licensed", "startup", RuntimeError("down for good"))
    [failure] = read_failures(first.extensions["samverkan"].sql)
    assert (failure.count, failure.error) == (3, "RuntimeError: down for good")
    assert failure.first_seen is not None and failure.last_seen is not None
    assert failure.last_seen > failure.first_seen
    engine = second.extensions["samverkan"].sql
    with engine.connect() as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(plugin_failures)).scalar()
            == 1
        )


def test_a_failing_reaction_is_recorded_for_every_worker(apps: tuple[Flask, Flask]) -> None:
    first, second = apps
    admin, _member = callers(first)  # writes through the first app: reactions run there
    created = admin.post(
        "/api/v1/organisations",
        json={"name": "Region Gävleborg", "kind": "region", "country": "SE"},
    )
    assert created.status_code == 201
    created.close()  # the reactions run after the response is sent
    second_admin = Caller(second.test_client(), admin.token, admin.user_id, admin.organisation_id)
    listed = second_admin.get("/-/plugins").json["failures"]
    failures = {(f["plugin"], f["hook"]): f for f in listed}
    assert failures[("webhooks", "on_events")]["error"] == "RuntimeError: webhook down"
    ready = second.test_client().get("/readyz").json
    assert ready["failing_plugins"] == ["licensed", "webhooks"]


def test_a_failure_in_another_process_is_seen(
    store_config: StoreConfig, apps: tuple[Flask, Flask]
) -> None:
    _first, second = apps
    script = (
        "import sys\n"
        "from samverkan.plugin_manager import Plugins\n"
        "from pathlib import Path\nfrom samverkan.storage.stores import StoreConfig\n"
        "url = sys.argv[2] or None\n"
        "engine = StoreConfig(data_dir=Path(sys.argv[1]), database_url=url).sql_engine()\n"
        "plugins = Plugins()\n"
        "plugins.record_failures_in(engine)\n"
        "plugins.fail('exporter', 'register_exporters', ValueError('bad sheet'))\n"
    )
    url = store_config.database_url or ""
    subprocess.run(
        [sys.executable, "-c", script, str(store_config.data_dir), url],
        check=True,
        env=os.environ.copy(),
        timeout=60,
    )
    admin, _member = callers(second)
    failures = {(f["plugin"], f["hook"]) for f in admin.get("/-/plugins").json["failures"]}
    assert ("exporter", "register_exporters") in failures
    assert "exporter" in second.test_client().get("/readyz").json["failing_plugins"]


def test_cleared_failures_leave_readyz_ok(apps: tuple[Flask, Flask]) -> None:
    _first, second = apps
    assert clear_failures(second.extensions["samverkan"].sql, "licensed") == 1
    ready = second.test_client().get("/readyz")
    assert ready.status_code == 200 and ready.json["status"] == "ok"
    assert "failing_plugins" not in ready.json


class Poisoned(SqlProjection):
    """Raises on every partnership it is given."""

    name = "poisoned"
    metadata = sa.MetaData()
    seen = sa.Table("poisoned_seen", metadata, sa.Column("title", sa.String(200)))

    @handles("partnership.started")
    def started(self, connection: sa.Connection, event: Any) -> None:
        raise ValueError("cannot handle poison")


class ProjectsPoison:
    @hookimpl
    def register_projections(self, service: Any) -> list[type[SqlProjection]]:
        return [Poisoned]


def test_a_failing_projection_is_its_plugins_failure(store_config: StoreConfig) -> None:
    web = make_app(store_config)
    worker = make_app(store_config, EXTRA_PLUGINS=[("poison-plugin", ProjectsPoison())])
    try:
        start_team(worker.extensions["samverkan"])
        worker.extensions["samverkan.projections"].catch_up()  # as a projection worker would
        [failure] = read_failures(web.extensions["samverkan"].sql)
        assert (failure.plugin, failure.hook) == ("poison-plugin", "projection:poisoned")
        assert "cannot handle poison" in failure.error
        ready = web.test_client().get("/readyz")
        assert ready.status_code == 200 and ready.json["failing_plugins"] == ["poison-plugin"]
        # The worker itself also runs the projection: failed, but an optional plugin's.
        ready = worker.test_client().get("/readyz")
        assert ready.status_code == 200 and ready.json["status"] == "degraded"
        assert "poisoned" in ready.json["failed"]
    finally:
        web.extensions["samverkan"].close()
        worker.extensions["samverkan"].close()


def test_the_cli_lists_every_processs_failures_and_clears_them(tmp_path: Any) -> None:
    app = make_app(StoreConfig(data_dir=tmp_path), EXTRA_PLUGINS=[("licensed", FailsAtStartup())])
    app.extensions["samverkan"].close()

    def samverkan(*args: str) -> str:
        result = CliRunner().invoke(main, ["--data-dir", str(tmp_path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    listing = json.loads(samverkan("plugins", "--json"))
    assert [(f["plugin"], f["hook"]) for f in listing["failures"]] == [("licensed", "startup")]
    assert "cleared 1 failure(s)" in samverkan("plugins", "--clear-failures", "all")
    assert json.loads(samverkan("plugins", "--json"))["failures"] == []
