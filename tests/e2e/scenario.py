"""The people and the partnership of the browser tests, recorded through the service."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from flask import Flask

from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from samverkan.web.plugins import projections_of
from tests.api.callers import OPERATOR
from tests.ui.pages import PASSWORD, user_with_password


@dataclass
class Person:
    email: str
    token: str
    organisation_id: UUID
    password: str = PASSWORD


@dataclass
class Scenario:
    app: Flask
    partnership_id: UUID
    region: Person  # coordinator of Region Västerbotten
    company: Person  # member of Hälsoteknik AB, a partner


def scenario(data_dir: Path) -> Scenario:
    app = create_app({"STORE": StoreConfig(data_dir=data_dir), "TESTING": True})
    service = app.extensions["samverkan"]
    region = service.register_organisation(OPERATOR, "Region Västerbotten", "region", "SE").id
    company = service.register_organisation(OPERATOR, "Hälsoteknik AB", "company", "SE").id
    anna = user_with_password(service, region, "coordinator", "anna@region.example")
    bo = user_with_password(service, company, "member", "bo@company.example")
    partnership = service.start_partnership(
        anna,
        "Innovation i samverkan",
        "innovation_partnership",
        "Vinna-vinna-vinna för regionen, företagen och invånarna",
        ["Tre innovationskliniker"],
        region,
        "2019-01-01",
        "2021-12-31",
    )
    service.add_member(anna, partnership.id, company, "partner")
    service.enter_phase(anna, partnership.id, "understand", "Vi börjar med behoven")
    projections_of(app).catch_up()
    _, anna_token = service.issue_token(anna.user_id)
    _, bo_token = service.issue_token(bo.user_id)
    return Scenario(
        app,
        partnership.id,
        Person("anna@region.example", anna_token, region),
        Person("bo@company.example", bo_token, company),
    )
