"""A partnership with a caller of every role, for the tests of its work's resources.

The region coordinates, the municipality is a partner with a health centre, a company is a
funder; outside it, a foreign organisation. Callers: the region's coordinator and auditor, the
municipality's member, the foreign organisation's member, and an admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from flask import Flask
from werkzeug.test import TestResponse

from samverkan.application.service import Samverkan
from tests.api.callers import OPERATOR, Caller, make_caller

PROBLEM = "application/problem+json"
UNKNOWN = "00000000-0000-0000-0000-00000000abcd"


@dataclass
class Work:
    flask_app: Flask
    service: Samverkan
    partnership_id: UUID
    region: UUID
    municipality: UUID
    company: UUID
    foreign: UUID
    unit_id: UUID
    foreign_unit_id: UUID
    admin: Caller
    coordinator: Caller
    member: Caller
    auditor: Caller
    outsider: Caller
    other_partnership_id: UUID

    @property
    def base(self) -> str:
        return f"/api/v1/partnerships/{self.partnership_id}"

    def catch_up(self) -> None:
        """Bring the read models up to date after writes made through the service."""
        self.flask_app.extensions["samverkan.projections"].catch_up()

    def everyone(self) -> list[Caller]:
        return [self.admin, self.coordinator, self.member, self.auditor, self.outsider]


def organisation(service: Samverkan, name: str, kind: str) -> UUID:
    return service.register_organisation(OPERATOR, name, kind, "SE").id


def setup_work(flask_app: Flask, admin: Caller) -> Work:
    service: Samverkan = flask_app.extensions["samverkan"]
    region = organisation(service, "Region Västerbotten", "region")
    municipality = organisation(service, "Umeå kommun", "municipality")
    company = organisation(service, "Tandteknik AB", "company")
    foreign = organisation(service, "Helse Nord", "health_trust")
    _, unit_id = service.add_unit(OPERATOR, municipality, "Ersboda hälsocentral", "health_centre")
    _, foreign_unit_id = service.add_unit(OPERATOR, foreign, "Bodø legevakt", "clinic")
    partnership = service.start_partnership(
        OPERATOR,
        "Innovation i samverkan",
        "innovation_partnership",
        "Vinna-vinna-vinna",
        ["Tre innovationskliniker"],
        region,
        "2019-01-01",
        None,
    )
    service.add_member(OPERATOR, partnership.id, municipality, "partner")
    service.add_member(OPERATOR, partnership.id, company, "funder")
    other = service.start_partnership(
        OPERATOR, "Lofoten", "improvement_network", "Forbedring", [], foreign, "2020-01-01", None
    )
    work = Work(
        flask_app,
        service,
        partnership.id,
        region,
        municipality,
        company,
        foreign,
        unit_id,
        foreign_unit_id,
        admin,
        make_caller(flask_app, region, "coordinator", "coordinator@region.se"),
        make_caller(flask_app, municipality, "member", "member@umea.se"),
        make_caller(flask_app, region, "auditor", "auditor@region.se"),
        make_caller(flask_app, foreign, "member", "member@helse-nord.no"),
        other.id,
    )
    work.catch_up()
    return work


def problem(response: TestResponse, status: int, slug: str | None = None) -> dict[str, Any]:
    """Assert the response is problem+json with ``status`` (and type ``slug``); its body."""
    assert response.status_code == status, (response.status_code, response.get_data(True))
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.json
    if slug is not None:
        assert body["type"] == f"urn:samverkan:problem:{slug}", body
    return body


def ok(response: TestResponse, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.get_data(True))
    body: dict[str, Any] = response.json
    if "version" in body:
        assert response.headers["ETag"] == f'"{body["version"]}"'
    return body


def bad_json(caller: Caller, path: str) -> TestResponse:
    return caller.post(path, data="{", headers={"Content-Type": "application/json"})


def not_json(caller: Caller, path: str) -> TestResponse:
    return caller.post(path, data="x=1", headers={"Content-Type": "text/plain"})


def events(service: Samverkan) -> int | None:
    """How many notifications the store holds: a refused write must not change it."""
    return service.recorder.max_notification_id()


GARBAGE: tuple[Any, ...] = (None, [], [1], "text", 7, True, {"": None}, {"x": {"y": []}})


def never_500(caller: Caller, paths: list[str]) -> None:
    """Whatever JSON a client sends to a write, the answer is never a 500."""
    for path in paths:
        for body in GARBAGE:
            response = caller.post(path, json=body)
            assert response.status_code < 500, (path, body, response.get_data(True))
            assert response.status_code < 400 or response.mimetype == PROBLEM
        response = caller.post(path, data=b"\xff\xfe", headers={"Content-Type": "application/json"})
        assert response.status_code == 400, (path, response.get_data(True))
