"""GET /partnerships/{id}/register: decisions, stances, evidence, status filter, as of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from samverkan.web.plugins import projections_of
from tests.api.callers import Caller, make_caller
from tests.integration.helpers import Team, propose, start_team


@dataclass(frozen=True)
class Story:
    team: Team
    adopted: UUID
    amended: UUID
    withdrawn: UUID
    open: UUID
    successor: UUID
    measure: UUID
    meeting: UUID
    t1: datetime


@pytest.fixture
def story(flask_app: Flask, service: Samverkan) -> Story:
    team = start_team(service)
    region, municipality, pid = team.region, team.municipality, team.partnership_id
    both = [region, municipality]
    measure = service.define_measure(region, pid, "Väntetid", "dagar", "decrease", 30, 10, "")
    _, meeting = service.hold_meeting(
        region, pid, "workshop", "2019-02-01", "Umeå", [region.organisation_id], ""
    )
    evidence = [{"kind": "measure", "id": str(measure.id)}]
    adopted = propose(service, team, both, meeting_id=meeting, evidence=evidence)
    service.sign_off(region, adopted, "approve", "Bra")
    service.sign_off(municipality, adopted, "approve", "")
    amended = propose(service, team, both, title="Två kliniker")
    service.sign_off(region, amended, "approve", "")
    service.amend_decision(
        region,
        amended,
        {"title": "Tre kliniker", "evidence": [{"kind": "meeting", "id": str(meeting)}]},
        "Större",
    )
    withdrawn = propose(service, team, [region], title="Nattpatrull")
    service.withdraw_decision(region, withdrawn, "Inaktuellt")
    t1 = service.get(Decision, withdrawn).modified_on  # the latest event before the next line
    service.sign_off(municipality, amended, "object", "För dyrt")
    service.sign_off(region, amended, "approve", "")
    still_open = propose(service, team, both, title="Öppen fråga")
    service.sign_off(municipality, still_open, "abstain", "")
    successor = propose(service, team, [region], title="Ersättare")
    service.sign_off(region, successor, "approve", "")
    service.supersede_decision(region, adopted, successor)
    projections_of(flask_app).catch_up()
    return Story(team, adopted, amended, withdrawn, still_open, successor, measure.id, meeting, t1)


def by_id(body: dict) -> dict[str, dict]:
    return {item["id"]: item for item in body["items"]}


def stances(item: dict) -> list[tuple[str, str | None]]:
    return [(s["organisation_id"], s["stance"]) for s in item["signatories"]]


def test_the_register_now(admin: Caller, story: Story) -> None:
    answer = admin.get(f"/api/v1/partnerships/{story.team.partnership_id}/register")
    assert answer.status_code == 200, answer.json
    body = answer.json
    r, m = str(story.team.region.organisation_id), str(story.team.municipality.organisation_id)
    assert [item["id"] for item in body["items"]] == [
        str(d) for d in (story.adopted, story.amended, story.withdrawn, story.open, story.successor)
    ]
    assert body["counts"] == {
        "proposed": 1, "adopted": 1, "rejected": 1, "withdrawn": 1, "superseded": 1,
    }  # fmt: skip
    items = by_id(body)
    adopted = items[str(story.adopted)]
    assert adopted["status"] == "superseded" and adopted["superseded_by"] == str(story.successor)
    assert adopted["meeting_id"] == str(story.meeting) and adopted["decided_at"] is not None
    assert stances(adopted) == [(r, "approve"), (m, "approve")]
    assert adopted["evidence"] == [
        {"kind": "measure", "id": str(story.measure), "title": "Väntetid"}
    ]
    amended = items[str(story.amended)]
    assert (amended["title"], amended["status"]) == ("Tre kliniker", "rejected")
    assert stances(amended) == [(r, "approve"), (m, "object")]
    assert amended["evidence"][0]["kind"] == "meeting"
    assert amended["evidence"][0]["title"] == "2019-02-01 Umeå"
    assert stances(items[str(story.open)]) == [(r, None), (m, "abstain")]
    assert items[str(story.withdrawn)]["status"] == "withdrawn"


def test_filter_by_status_and_pages(admin: Caller, story: Story) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/register"
    proposed = admin.get(path, query_string={"status": "proposed"}).json
    assert [item["id"] for item in proposed["items"]] == [str(story.open)]
    assert proposed["counts"]["adopted"] == 1  # counts are never filtered
    adopted = admin.get(path, query_string={"status": "adopted"}).json["items"]
    assert [item["id"] for item in adopted] == [str(story.successor)]
    bad = admin.get(path, query_string={"status": "maybe"})
    assert bad.status_code == 422 and "status" in bad.json["errors"]
    first = admin.get(path, query_string={"limit": 2}).json
    assert len(first["items"]) == 2 and first["next"]
    rest = admin.get(path, query_string={"limit": 10, "cursor": first["next"]}).json
    assert [i["id"] for i in first["items"] + rest["items"]] == [
        str(d) for d in (story.adopted, story.amended, story.withdrawn, story.open, story.successor)
    ]
    assert rest["next"] is None


def test_as_of_shows_the_amendment_voiding_earlier_sign_offs(admin: Caller, story: Story) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/register"
    body = admin.get(path, query_string={"as_of": story.t1.isoformat()}).json
    r, m = str(story.team.region.organisation_id), str(story.team.municipality.organisation_id)
    assert [item["id"] for item in body["items"]] == [
        str(story.adopted), str(story.amended), str(story.withdrawn),
    ]  # fmt: skip
    items = by_id(body)
    assert items[str(story.adopted)]["status"] == "adopted"
    amended = items[str(story.amended)]
    assert amended["title"] == "Tre kliniker" and amended["status"] == "proposed"
    assert stances(amended) == [(r, None), (m, None)]  # the amendment voided the approval
    assert body["counts"]["superseded"] == 0 and body["counts"]["proposed"] == 1
    early = admin.get(path, query_string={"as_of": "2000-01-01"}).json
    assert early["items"] == []


def test_invisible_partnerships_are_404(
    flask_app: Flask, service: Samverkan, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/register"
    other = service.register_organisation(story.team.region, "Annan", "region", "SE")
    outsider = make_caller(flask_app, other.id, "member", "x@annan.se")
    assert outsider.get(path).status_code == 404
    assert admin.get(f"/api/v1/partnerships/{UUID(int=5)}/register").status_code == 404
    member = make_caller(flask_app, story.team.municipality.organisation_id, "member", "m@u.se")
    assert member.get(path).status_code == 200


def test_rebuild_gives_the_same_register(flask_app: Flask, admin: Caller, story: Story) -> None:
    path = f"/api/v1/partnerships/{story.team.partnership_id}/register"
    before = admin.get(path).json
    projections_of(flask_app).rebuild("decision_register")
    assert admin.get(path).json == before


def test_the_register_page_and_panel_in_norwegian(admin: Caller, story: Story) -> None:
    with admin.client.session_transaction() as session:
        session["locale"] = "nb"
    pid = story.team.partnership_id
    page = admin.get(f"/partnerships/{pid}/decision-register", query_string={"status": "rejected"})
    assert page.status_code == 200, page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    assert "Beslutningsregister" in html and "Tre kliniker" in html and "Avvist" in html
    assert "Ersättare" not in html  # filtered out: adopted
    panel = admin.get(f"/partnerships/{pid}").get_data(as_text=True)
    assert "Beslutningsregister" in panel and "Foreslått: 1" in panel


def test_openapi_describes_the_route(admin: Caller) -> None:
    paths = admin.get("/api/v1/openapi.json").json["paths"]
    assert "get" in paths["/api/v1/partnerships/{partnership_id}/register"]
