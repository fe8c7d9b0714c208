"""The real Flask app on a real store, and callers with real bearer tokens."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.callers import OPERATOR, Caller, make_caller


@pytest.fixture
def flask_app(store_config: StoreConfig) -> Iterator[Flask]:
    app = create_app({"STORE": store_config, "TESTING": True, "SECRET_KEY": "test"})
    yield app
    app.extensions["samverkan"].close()


@pytest.fixture
def service(flask_app: Flask) -> Samverkan:
    app: Samverkan = flask_app.extensions["samverkan"]
    return app


@pytest.fixture
def operator_org(service: Samverkan) -> UUID:
    return service.register_organisation(OPERATOR, "Samverkan operator", "other", "SE").id


@pytest.fixture
def admin(flask_app: Flask, operator_org: UUID) -> Caller:
    return make_caller(flask_app, operator_org, "admin", "admin@example.org")
