"""GET /partnerships/{id}/calendar: meetings by day, attendance, local meetings between
gatherings and the decisions taken at each, counted by hand; as of a recording time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from samverkan.web.plugins import exporters, plugins_of, projections_of
from tests.api.callers import Caller, make_caller
from tests.integration.helpers import Team, propose, start_team


@dataclass(frozen=True)
class Story:
    team: Team
    company: UUID
    ws1: UUID
    local_lulea: UUID
    local_umea: UUID
    ws2: UUID
    seminar: UUID
    at_ws1: UUID
    at_ws2: UUID
    t1: datetime


def meet(service: Samverkan, team: Team, kind: str, day: str, place: str, orgs: list) -> UUID:
    _, meeting_id = service.hold_meeting(
        team.region, team.partnership_id, kind, day, place, orgs, ""
    )
    return meeting_id


@pytest.fixture
def story(flask_app: Flask, service: Samverkan) -> Story:
    team = start_team(service)
    r, m = team.region.organisation_id, team.municipality.organisation_id
    c = team.join(service, "Vitalsensor AB", "partner", "company").organisation_id
    ws1 = meet(service, team, "workshop", "2019-02-01", "Umeå", [r, m])
    # Recorded before the local meetings that were held earlier: the calendar orders by day.
    ws2 = meet(service, team, "workshop", "2019-04-01", "Luleå", [r, m, c])
    local_lulea = meet(service, team, "local_meeting", "2019-02-15", "Luleå", [m])
    local_umea = meet(service, team, "local_meeting", "2019-03-01", "Umeå", [r])
    at_ws1 = propose(service, team, [team.region], meeting_id=ws1, title="Arbetsformer")
    service.sign_off(team.region, at_ws1, "approve", "")
    t1 = service.get(Decision, at_ws1).modified_on
    at_ws2 = propose(service, team, [team.region], meeting_id=ws2, title="Indikatorer")
    seminar = meet(service, team, "seminar", "2019-05-01", "Stockholm", [c])
    projections_of(flask_app).catch_up()
    return Story(team, c, ws1, local_lulea, local_umea, ws2, seminar, at_ws1, at_ws2, t1)


def test_the_calendar_now(admin: Caller, story: Story) -> None:
    answer = admin.get(f"/api/v1/partnerships/{story.team.partnership_id}/calendar")
    assert answer.status_code == 200, answer.json
    body = answer.json
    meetings = body["meetings"]
    assert [(m["held_on"], m["kind"], m["place"]) for m in meetings] == [
        ("2019-02-01", "workshop", "Umeå"),
        ("2019-02-15", "local_meeting", "Luleå"),
        ("2019-03-01", "local_meeting", "Umeå"),
        ("2019-04-01", "workshop", "Luleå"),
        ("2019-05-01", "seminar", "Stockholm"),
    ]
    assert meetings[0]["decisions"] == [
        {"id": str(story.at_ws1), "title": "Arbetsformer", "status": "adopted"}
    ]
    assert meetings[3]["decisions"] == [
        {"id": str(story.at_ws2), "title": "Indikatorer", "status": "proposed"}
    ]
    assert meetings[1]["decisions"] == []
    assert body["between_gatherings"] == [
        {
            "after_gathering_id": str(story.ws1),
            "before_gathering_id": str(story.ws2),
            "local_meeting_ids": [str(story.local_lulea), str(story.local_umea)],
        }
    ]
    r = str(story.team.region.organisation_id)
    m = str(story.team.municipality.organisation_id)
    attendance = {row["organisation_id"]: row for row in body["attendance"]}
    assert attendance[r] == {
        "organisation_id": r, "meetings": 3, "by_kind": {"workshop": 2, "local_meeting": 1},
    }  # fmt: skip
    assert attendance[m]["meetings"] == 3
    assert attendance[str(story.company)]["by_kind"] == {"workshop": 1, "seminar": 1}
    assert body["places"] == [
        {"place": "Luleå", "meetings": 2},
        {"place": "Stockholm", "meetings": 1},
        {"place": "Umeå", "meetings": 2},
    ]


def test_the_calendar_as_of_a_recording_time(admin: Caller, story: Story) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/calendar"
    body = admin.get(path, query_string={"as_of": story.t1.isoformat()}).json
    assert [m["id"] for m in body["meetings"]] == [
        str(story.ws1), str(story.local_lulea), str(story.local_umea), str(story.ws2),
    ]  # fmt: skip
    assert body["meetings"][3]["decisions"] == []  # proposed after t1
    assert body["meetings"][0]["decisions"][0]["status"] == "adopted"
    assert admin.get(path, query_string={"as_of": "2000-01-01"}).json["meetings"] == []


def test_invisible_and_ical_export(
    flask_app: Flask, service: Samverkan, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/calendar"
    other = service.register_organisation(story.team.region, "Annan", "region", "SE")
    assert make_caller(flask_app, other.id, "member", "x@a.se").get(path).status_code == 404
    ical = exporters(plugins_of(flask_app), service)["calendar"]
    text = str(ical.render(service, story.team.partnership_id))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == 5
    assert "DTSTART;VALUE=DATE:20190215\r\nDTEND;VALUE=DATE:20190216" in text


def test_rebuild_gives_the_same_calendar(flask_app: Flask, admin: Caller, story: Story) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/calendar"
    before = admin.get(path).json
    projections_of(flask_app).rebuild("calendar")
    assert admin.get(path).json == before


def test_the_calendar_page_and_panel_in_swedish(admin: Caller, story: Story) -> None:
    with admin.client.session_transaction() as session:
        session["locale"] = "sv"
    pid = story.team.partnership_id
    page = admin.get(f"/partnerships/{pid}/calendar")
    assert page.status_code == 200, page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    assert "Det lärande nätverkets kalender" in html and "Lokalt möte" in html
    assert "Mellan 2019-02-01 och 2019-04-01" in html and "Arbetsformer (Fattat)" in html
    panel = admin.get(f"/partnerships/{pid}").get_data(as_text=True)
    assert "Registrerade möten: 5" in panel


def test_openapi_describes_the_route(admin: Caller) -> None:
    paths = admin.get("/api/v1/openapi.json").json["paths"]
    assert "get" in paths["/api/v1/partnerships/{partnership_id}/calendar"]
