"""The real app over a real store, two organisations, their users, one partnership."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.callers import OPERATOR
from tests.ui.pages import user_with_password


@pytest.fixture
def flask_app(store_config: StoreConfig) -> Iterator[Flask]:
    app = create_app({"STORE": store_config, "TESTING": True})
    yield app
    app.extensions["samverkan"].close()


@pytest.fixture
def service(flask_app: Flask) -> Samverkan:
    app: Samverkan = flask_app.extensions["samverkan"]
    return app


@dataclass
class Team:
    partnership_id: UUID
    region: Actor  # a coordinator user of the coordinating region
    company: Actor  # a member user of a partner company
    region_id: UUID
    company_id: UUID


@pytest.fixture
def team(service: Samverkan, flask_app: Flask) -> Team:
    region = service.register_organisation(OPERATOR, "Region Västerbotten", "region", "SE").id
    company = service.register_organisation(OPERATOR, "Hälsoteknik AB", "company", "SE").id
    coordinator = user_with_password(service, region, "coordinator", "anna@region.example")
    member = user_with_password(service, company, "member", "bo@company.example")
    partnership = service.start_partnership(
        coordinator,
        "Innovation i samverkan",
        "innovation_partnership",
        "Vinna-vinna-vinna för regionen, företagen och invånarna",
        ["Tre innovationskliniker"],
        region,
        "2019-01-01",
        "2021-12-31",
    )
    service.add_member(coordinator, partnership.id, company, "partner")
    from samverkan.web.plugins import projections_of

    projections_of(flask_app).catch_up()
    return Team(partnership.id, coordinator, member, region, company)
