"""GET /partnerships/{id}/scale-up-matrix: stages per practice and unit, changes, as of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.scaleup import ScaleUp
from samverkan.web.plugins import projections_of
from tests.api.callers import Caller, make_caller
from tests.integration.helpers import Team, start_team


@dataclass(frozen=True)
class Story:
    team: Team
    dental: UUID
    home_care: UUID
    health_centre: UUID
    check_in: UUID
    night_patrol: UUID
    t1: datetime


@pytest.fixture
def story(flask_app: Flask, service: Samverkan) -> Story:
    team = start_team(service)
    region, municipality, pid = team.region, team.municipality, team.partnership_id
    dental = team.unit(service, region, "Tandvården")
    home_care = team.unit(service, municipality, "Hemtjänsten")
    health_centre = team.unit(service, region, "Vårdcentralen")
    check_in = service.plan_scale_up(region, pid, "Digital incheckning", None, [dental, home_care])
    service.record_adoption(region, check_in.id, dental, "piloting", "")
    service.record_adoption(region, check_in.id, dental, "adopted", "Fungerar")
    t1 = service.get(ScaleUp, check_in.id).modified_on
    night = service.plan_scale_up(region, pid, "Nattpatrull", None, [home_care, health_centre])
    service.record_adoption(municipality, check_in.id, home_care, "preparing", "")
    service.record_adoption(region, night.id, health_centre, "planned", "")
    service.complete_scale_up(region, check_in.id, "Klart")
    service.halt_scale_up(region, night.id, "Ingen finansiering")
    projections_of(flask_app).catch_up()
    return Story(team, dental, home_care, health_centre, check_in.id, night.id, t1)


def cells(practice: dict) -> list[tuple[str, str | None]]:
    return [(cell["unit_id"], cell["stage"]) for cell in practice["stages"]]


def test_the_matrix_now(admin: Caller, story: Story) -> None:
    answer = admin.get(f"/api/v1/partnerships/{story.team.partnership_id}/scale-up-matrix")
    assert answer.status_code == 200, answer.json
    body = answer.json
    a, b, c = str(story.dental), str(story.home_care), str(story.health_centre)
    assert [(u["id"], u["name"]) for u in body["units"]] == [
        (a, "Tandvården"), (b, "Hemtjänsten"), (c, "Vårdcentralen"),
    ]  # fmt: skip
    assert body["units"][1]["organisation_id"] == str(story.team.municipality.organisation_id)
    first, second = body["practices"]
    assert (first["practice"], first["status"]) == ("Digital incheckning", "completed")
    assert cells(first) == [(a, "adopted"), (b, "preparing")]
    assert (second["practice"], second["status"]) == ("Nattpatrull", "halted")
    assert cells(second) == [(b, None), (c, "planned")]
    assert [(ch["unit_id"], ch["from_stage"], ch["to_stage"]) for ch in body["changes"]] == [
        (a, None, "piloting"),
        (a, "piloting", "adopted"),
        (b, None, "preparing"),
        (c, None, "planned"),
    ]


def test_the_matrix_as_of_a_recording_time(admin: Caller, story: Story) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/scale-up-matrix"
    body = admin.get(path, query_string={"as_of": story.t1.isoformat()}).json
    a, b = str(story.dental), str(story.home_care)
    assert [u["id"] for u in body["units"]] == [a, b]
    (only,) = body["practices"]
    assert only["status"] == "active" and cells(only) == [(a, "adopted"), (b, None)]
    assert len(body["changes"]) == 2
    assert datetime.fromisoformat(body["as_of"]) == story.t1


def test_invisible_and_rebuild(
    flask_app: Flask, service: Samverkan, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/scale-up-matrix"
    other = service.register_organisation(story.team.region, "Annan", "region", "SE")
    assert make_caller(flask_app, other.id, "member", "x@a.se").get(path).status_code == 404
    bad = admin.get(path, query_string={"as_of": "igår"})
    assert bad.status_code == 422 and "as_of" in bad.json["errors"]
    before = admin.get(path).json
    projections_of(flask_app).rebuild("scale_up_matrix")
    assert admin.get(path).json == before


def test_the_matrix_page_and_panel_in_swedish(admin: Caller, story: Story) -> None:
    with admin.client.session_transaction() as session:
        session["locale"] = "sv"
    pid = story.team.partnership_id
    page = admin.get(f"/partnerships/{pid}/scale-up-matrix")
    assert page.status_code == 200, page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    assert "Spridning" in html and "Införandesteg per arbetssätt och enhet" in html
    assert "Tandvården, Digital incheckning: Pilottestas → Infört" in html
    panel = admin.get(f"/partnerships/{pid}").get_data(as_text=True)
    assert "Inte påbörjad" in panel and "Nattpatrull" in panel


def test_openapi_describes_the_route(admin: Caller) -> None:
    paths = admin.get("/api/v1/openapi.json").json["paths"]
    assert "get" in paths["/api/v1/partnerships/{partnership_id}/scale-up-matrix"]
