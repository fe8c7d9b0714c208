"""GET /partnerships/{id}/clinics/dashboard: counts and the progress score, by hand.

Measure "Stoltid" (minutes, decrease), baseline 62, target 50. Values 63, 58, 55:
progress (55 − 62) / (50 − 62) = 0.58 ≥ 0.5 with an experiment concluded "adapt" -> 3.5 (t1).
The 55 is corrected to 49: the target is reached -> 4.0 (t2). Then 48 and 50: the target is
met in each of the last three periods -> 4.5; a scale-up from the experiment is adopted in
another unit -> 5.0 (now).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.measure import Measure
from samverkan.web.plugins import projections_of
from tests.api.callers import Caller, make_caller
from tests.integration.helpers import Team, start_team


@dataclass(frozen=True)
class Story:
    team: Team
    dental: UUID
    home_care: UUID
    health_centre: UUID
    company: UUID
    university: UUID
    measure: UUID
    adapted: UUID
    planned: UUID
    lesson: UUID
    scale_up: UUID
    t1: datetime
    t2: datetime


@pytest.fixture
def story(flask_app: Flask, service: Samverkan) -> Story:
    team = start_team(service)
    region, municipality, pid = team.region, team.municipality, team.partnership_id
    company = team.join(service, "MunHälsa AB", "partner", "company")
    university = team.join(service, "Umeå universitet", "partner", "academia")
    dental = team.unit(service, region, "Tandvården")
    health_centre = team.unit(service, region, "Vårdcentralen")
    home_care = team.unit(service, municipality, "Hemtjänsten")
    service.designate_clinic(region, pid, region.organisation_id, dental)
    service.designate_clinic(region, pid, municipality.organisation_id, home_care)
    measure = service.define_measure(region, pid, "Stoltid", "minuter", "decrease", 62, 50, "")
    adapted = service.plan_experiment(
        region, pid, "Digital enkät", "Enkät före besök", "Kortare tid", dental, [measure.id]
    )
    service.start_experiment(region, adapted.id)
    service.record_observation(company, adapted.id, "Fotona hjälper", "2018-02-10")
    service.study_experiment(region, adapted.id, "Tiden sjönk", "yes")
    service.conclude_experiment(region, adapted.id, "adapt", "Behåll med telefonhjälp")
    planned = service.plan_experiment(
        region, pid, "Påminnelser", "SMS", "Färre uteblivna", dental, []
    )
    lesson = service.record_lesson(
        university, pid, "Börja smått", "experiment", adapted.id, "micro", ["PDSA"]
    )
    retracted = service.record_lesson(
        region, pid, "Dubblett", "experiment", adapted.id, "micro", []
    )
    service.retract_lesson(region, retracted.id, "Dubblett")
    for period, value in (("2018-01", 63), ("2018-02", 58), ("2018-03", 55)):
        service.record_value(region, measure.id, period, value)
    t1 = service.get(Measure, measure.id).modified_on
    service.correct_value(region, measure.id, "2018-03", 49, "Fel i uttaget")
    t2 = service.get(Measure, measure.id).modified_on
    service.record_value(region, measure.id, "2018-04", 48)
    service.record_value(region, measure.id, "2018-05", 50)
    scale_up = service.plan_scale_up(region, pid, "Digital enkät", adapted.id, [health_centre])
    service.record_adoption(region, scale_up.id, health_centre, "adopted", "")
    projections_of(flask_app).catch_up()
    return Story(
        team, dental, home_care, health_centre, company.organisation_id,
        university.organisation_id, measure.id, adapted.id, planned.id, lesson.id,
        scale_up.id, t1, t2,
    )  # fmt: skip


def dashboard(admin: Caller, story: Story, as_of: datetime | None = None) -> dict:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/clinics/dashboard"
    query = {} if as_of is None else {"as_of": as_of.isoformat()}
    answer = admin.get(path, query_string=query)
    assert answer.status_code == 200, answer.json
    return answer.json


def test_the_dashboard_now(admin: Caller, story: Story) -> None:
    dental, home_care = dashboard(admin, story)["clinics"]
    assert (dental["unit_id"], dental["unit_name"]) == (str(story.dental), "Tandvården")
    experiments = dental["experiments"]
    assert experiments["by_stage"] == {"planned": 1, "running": 0, "studied": 0, "concluded": 1}
    assert experiments["acts"] == {"adopt": 0, "adapt": 1, "abandon": 0}
    assert [(e["id"], e["stage"], e["act"]) for e in experiments["items"]] == [
        (str(story.adapted), "concluded", "adapt"),
        (str(story.planned), "planned", None),
    ]
    (measure,) = dental["measures"]
    assert measure == {
        "id": str(story.measure), "name": "Stoltid", "unit": "minuter", "direction": "decrease",
        "baseline": "62", "latest": "50", "latest_period": "2018-05", "target": "50",
        "target_reached": True,
    }  # fmt: skip
    assert dental["lessons"] == [{"id": str(story.lesson), "level": "micro", "tags": ["pdsa"]}]
    assert sorted((p["organisation_id"], p["kind"]) for p in dental["partners"]) == sorted(
        [(str(story.company), "company"), (str(story.university), "academia")]
    )
    assert dental["scale_ups"] == [
        {
            "id": str(story.scale_up), "practice": "Digital enkät",
            "origin_id": str(story.adapted), "status": "active",
            "adoption": [{"unit_id": str(story.health_centre), "stage": "adopted"}],
        }
    ]  # fmt: skip
    assert dental["progress"]["score"] == "5.0"
    assert dental["progress"]["label"] == "Outstanding, sustainable results"
    assert all(level["met"] for level in dental["progress"]["levels"])
    assert home_care["unit_name"] == "Hemtjänsten"
    assert home_care["progress"]["score"] == "0.5"
    assert set(home_care["experiments"]["by_stage"].values()) == {0}
    assert home_care["partners"] == [] and home_care["measures"] == []


def test_the_score_as_of_t1_and_after_the_correction(admin: Caller, story: Story) -> None:
    dental = dashboard(admin, story, story.t1)["clinics"][0]
    assert dental["measures"][0]["latest"] == "55" and not dental["measures"][0]["target_reached"]
    met = {level["level"]: level["met"] for level in dental["progress"]["levels"]}
    assert met == {
        "0.5": True, "1.0": True, "1.5": True, "2.0": True, "2.5": True, "3.0": True,
        "3.5": True, "4.0": False, "4.5": False, "5.0": False,
    }  # fmt: skip
    assert dental["progress"]["score"] == "3.5" and dental["scale_ups"] == []
    corrected = dashboard(admin, story, story.t2)["clinics"][0]
    assert corrected["measures"][0]["latest"] == "49"
    assert corrected["progress"]["score"] == "4.0"  # 63, 58, 49: not three periods on target


def test_invisible_and_rebuild(
    flask_app: Flask, service: Samverkan, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/clinics/dashboard"
    other = service.register_organisation(story.team.region, "Annan", "region", "SE")
    assert make_caller(flask_app, other.id, "member", "x@a.se").get(path).status_code == 404
    before = admin.get(path).json
    projections_of(flask_app).rebuild("clinic_dashboard")
    assert admin.get(path).json == before


def test_the_dashboard_page_and_panel_in_swedish(admin: Caller, story: Story) -> None:
    with admin.client.session_transaction() as session:
        session["locale"] = "sv"
    pid = story.team.partnership_id
    page = admin.get(f"/partnerships/{pid}/clinic-dashboard")
    assert page.status_code == 200, page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    assert "Framstegspoäng: 5.0 av 5" in html and "Enastående, bestående resultat" in html
    assert "Börja smått" in html and "MunHälsa AB" in html and "Umeå universitet" in html
    assert "Dubblett" not in html  # the retracted lesson
    panel = admin.get(f"/partnerships/{pid}").get_data(as_text=True)
    assert "Innovationskliniker" in panel and "0.5 – Avsikt att delta" in panel


def test_openapi_describes_the_route(admin: Caller) -> None:
    paths = admin.get("/api/v1/openapi.json").json["paths"]
    assert "get" in paths["/api/v1/partnerships/{partnership_id}/clinics/dashboard"]
