"""Plugins in the web app: blueprints, /-/plugins, read-your-write, reactions, failures."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Blueprint, Flask
from flask.testing import FlaskClient

from samverkan import MenuLink, hookimpl
from samverkan.application.service import Samverkan
from samverkan.plugin_manager import Plugins
from samverkan.projections.runner import Projections
from samverkan.projections.worker import deliver_reactions, follow, reaction_name
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from samverkan.web.plugins import plugins_of, projections_of
from tests.integration.helpers import register


def make_app(tmp_path: Path, **config: Any) -> Flask:
    return create_app({"TESTING": True, "STORE": StoreConfig(data_dir=tmp_path), **config})


@pytest.fixture
def flask_app(tmp_path: Path, example_plugin: str) -> Iterator[Flask]:
    app = make_app(tmp_path)
    yield app
    app.extensions["samverkan"].close()


@pytest.fixture
def client(flask_app: Flask) -> FlaskClient:
    return flask_app.test_client()


class FailingEverywhere:
    """Raises in every hook it implements: the service must keep answering."""

    @hookimpl
    def register_blueprints(self, service: Any) -> list[Blueprint]:
        raise RuntimeError("no blueprints today")

    @hookimpl
    def startup(self, service: Any, flask_app: Any) -> None:
        raise RuntimeError("cannot start")

    @hookimpl
    def menu_links(self, service: Any, actor: Any) -> list[MenuLink]:
        raise RuntimeError("no menu")


def seen_events(flask_app: Flask) -> list[tuple[int, str]]:
    with flask_app.extensions["samverkan"].sql.connect() as connection:
        rows = connection.execute(sa.text("SELECT notification_id, type FROM example_seen_events"))
        return sorted((row[0], row[1]) for row in rows)


def test_hook_startup(flask_app: Flask) -> None:
    assert flask_app.extensions["example.started"] is True


def test_hook_register_blueprints(client: FlaskClient) -> None:
    page = client.get("/example/")
    assert page.status_code == 200
    assert b"Example plugin" in page.data
    api = client.get("/api/v1/example/meetings/00000000-0000-0000-0000-000000000000")
    assert api.status_code == 200
    assert api.json == {"meetings": []}


def test_plugin_api_routes_are_in_the_openapi_document(client: FlaskClient) -> None:
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert "/api/v1/example/meetings/{partnership_id}" in paths
    assert "post" in paths["/api/v1/example/organisations"]


def test_plugin_listing(client: FlaskClient, example_plugin: str) -> None:
    listing = client.get("/-/plugins").json
    plugins = {row["name"]: row for row in listing["plugins"]}
    assert plugins[example_plugin]["version"] == "0.1.0"
    assert "register_blueprints" in plugins[example_plugin]["hooks"]
    assert plugins["samverkan.readmodels.records_index"]["builtin"] is True
    projections = {row["name"]: row for row in listing["projections"]}
    assert projections["example_meetings"]["plugin"] == example_plugin
    assert projections["records_index"]["position"] == projections["records_index"]["head"]
    assert listing["failures"] == []


def test_a_user_reads_their_own_write(client: FlaskClient) -> None:
    created = client.post("/api/v1/example/organisations", json={"name": "Region Gävleborg"})
    assert created.status_code == 201
    record = client.get(f"/api/v1/example/records/{created.json['id']}")
    assert record.status_code == 200
    assert record.json["title"] == "Region Gävleborg"
    assert record.json["kind"] == "organisation"


def test_hook_on_events(flask_app: Flask, client: FlaskClient) -> None:
    created = client.post("/api/v1/example/organisations", json={"name": "Region Dalarna"})
    created.close()  # the reactions run after the response is sent (call_on_close)
    assert seen_events(flask_app) == [(1, "organisation.registered")]
    position = projections_of(flask_app).projections["records_index"].view
    assert position.max_tracking_id() == 1
    # At least once: a second delivery finds nothing new and delivers nothing again.
    assert deliver_reactions(projections_of(flask_app), plugins_of(flask_app)) == 0


def test_a_failing_reaction_is_offered_again(flask_app: Flask, client: FlaskClient) -> None:
    failed: list[int] = []

    class Flaky:
        @hookimpl
        def on_events(self, service: Any, events: Any) -> None:
            if not failed:
                failed.append(len(events))
                raise RuntimeError("webhook down")

    plugins = plugins_of(flask_app)
    plugins.register(Flaky(), "flaky")
    client.post("/api/v1/example/organisations", json={"name": "Region Jämtland"}).close()
    assert failed == [1]
    assert any(f.plugin == "flaky" and f.hook == "on_events" for f in plugins.failures)
    assert deliver_reactions(projections_of(flask_app), plugins) == 1  # offered again
    tracking = projections_of(flask_app).projections["records_index"].view
    assert tracking.engine is not None
    from samverkan.projections.base import SqlTracking

    assert SqlTracking(tracking.engine, reaction_name("flaky")).max_tracking_id() == 1


def test_a_failing_plugin_leaves_the_service_answering(tmp_path: Path, example_plugin: str) -> None:
    app = make_app(tmp_path, EXTRA_PLUGINS=[("failing", FailingEverywhere())])
    try:
        client = app.test_client()
        assert client.get("/healthz").status_code == 200
        assert client.get("/example/").status_code == 200  # the other plugins still work
        listing = client.get("/-/plugins").json
        assert listing["failures"] == [{"plugin": "failing"}]  # details: administrators only
        failed = {(row.plugin, row.hook) for row in plugins_of(app).failures}
        assert failed == {("failing", "register_blueprints"), ("failing", "startup")}
        assert "failing" in {row["name"] for row in listing["plugins"]}
    finally:
        app.extensions["samverkan"].close()


def test_a_disabled_plugin_serves_nothing(tmp_path: Path, example_plugin: str) -> None:
    app = make_app(tmp_path, DISABLE_PLUGINS=[example_plugin])
    try:
        client = app.test_client()
        assert client.get("/example/").status_code == 404
        names = {row["name"] for row in client.get("/-/plugins").json["plugins"]}
        assert example_plugin not in names
    finally:
        app.extensions["samverkan"].close()


def test_workers_mode_waits_for_the_workers(tmp_path: Path, example_plugin: str) -> None:
    """With PROJECTIONS=workers the web applies nothing itself; a worker process (a thread
    here) follows the log, and the write request waits until it has the write."""
    app = make_app(tmp_path, PROJECTIONS="workers", PROJECTIONS_WAIT=30)
    worker_service = Samverkan(StoreConfig(data_dir=tmp_path), create_tables=False)
    worker = Projections.from_plugins(worker_service, Plugins())
    stop = threading.Event()
    thread = threading.Thread(
        target=follow, args=(worker, None, stop), kwargs={"poll_interval": 0.05}
    )
    thread.start()
    try:
        client = app.test_client()
        created = client.post("/api/v1/example/organisations", json={"name": "Region Uppsala"})
        record = client.get(f"/api/v1/example/records/{created.json['id']}")
        assert record.status_code == 200
    finally:
        stop.set()
        thread.join()
        worker_service.close()
        app.extensions["samverkan"].close()


def test_reactions_start_at_the_plugins_first_start(tmp_path: Path, example_plugin: str) -> None:
    before = Samverkan(StoreConfig(data_dir=tmp_path))
    register(before, "Recorded before the plugin started")
    before.close()
    app = make_app(tmp_path)
    try:
        client = app.test_client()
        client.post("/api/v1/example/organisations", json={"name": "Region Halland"}).close()
        assert seen_events(app) == [(2, "organisation.registered")]
    finally:
        app.extensions["samverkan"].close()
