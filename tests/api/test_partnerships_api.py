"""/partnerships and what the coordinator records in them, over HTTP, on both stores."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote
from uuid import UUID, uuid4

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from tests.api.callers import Caller, make_caller
from tests.api.partnership_team import PROBLEM, V1, Team, organisation, start_team

DECISION = {
    "title": "t",
    "context": "c",
    "proposal": "p",
    "rationale": "r",
    "signatory_ids": [str(uuid4())],
}


@pytest.fixture
def team(flask_app: Flask, admin: Caller) -> Team:
    return start_team(flask_app, admin)


def unit_of(admin: Caller, organisation_id: str) -> str:
    added = admin.post(
        f"{V1}/organisations/{organisation_id}/units",
        json={"name": "Ålidhems vårdcentral", "unit_type": "health_centre"},
    )
    assert added.status_code == 200, added.json
    return str(added.json["units"][0]["id"])


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.json
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.json
    assert body["status"] == status and body["type"].startswith("urn:samverkan:problem:")
    return body


def test_a_coordinator_starts_a_partnership(team: Team) -> None:
    created = team.partnership
    assert created["title"] == "Safe discharge" and created["kind"] == "learning_network"
    assert created["status"] == "planned" and created["phase"] is None
    assert created["purpose"] == "Fewer readmissions after discharge."
    assert created["goals"] == ["Halve missed handovers"] and created["ends_on"] is None
    assert created["coordinator_id"] == team.region and created["starts_on"] == "2026-01-01"
    roles = {m["organisation_id"]: m["role"] for m in created["members"]}
    assert roles == {
        team.region: "coordinator",
        team.municipality: "partner",
        team.company: "funder",
    }
    assert created["version"] == 3
    read = team.partner.get(team.path)
    assert read.status_code == 200 and read.headers["ETag"] == '"3"'
    assert read.json == created


def test_start_answers_201_with_location(team: Team) -> None:
    started = team.coordinator.post(
        f"{V1}/partnerships",
        json={
            "title": "Testbed",
            "kind": "testbed",
            "purpose": "Try home monitoring.",
            "goals": [],
            "starts_on": "2026-02-01",
            "ends_on": "2027-01-31",
        },
    )
    assert started.status_code == 201, started.json
    body = started.json
    assert started.headers["Location"].endswith(f"{V1}/partnerships/{body['id']}")
    assert started.headers["ETag"] == '"1"' and body["version"] == 1
    assert body["coordinator_id"] == team.region  # the caller's organisation by default
    assert body["members"][0]["role"] == "coordinator" and body["ends_on"] == "2027-01-31"


def test_the_coordinator_records_phases_status_challenges_meetings_funding_clinics(
    team: Team,
) -> None:
    c = team.coordinator
    phase = c.post(f"{team.path}/phases", json={"phase": "understand", "rationale": "Map flows"})
    assert phase.status_code == 200 and phase.json["phase"] == "understand"
    assert phase.json["phases"][0]["rationale"] == "Map flows"
    assert phase.json["phases"][0]["user_id"] == str(c.user_id)
    status = c.post(f"{team.path}/status", json={"status": "active", "reason": "Funded"})
    assert status.status_code == 200 and status.json["status"] == "active"
    assert status.json["status_changes"] == [
        {**status.json["status_changes"][0], "status": "active", "reason": "Funded"}
    ]
    challenge = c.post(
        f"{team.path}/challenges",
        json={
            "title": "Lost handovers",
            "description": "Information is lost at discharge.",
            "level": "meso",
            "needs_of": ["patients", "staff"],
        },
    )
    assert challenge.status_code == 200, challenge.json
    [defined] = challenge.json["challenges"]
    assert defined["description"] == "Information is lost at discharge."
    assert defined["needs_of"] == ["patients", "staff"] and defined["level"] == "meso"
    meeting = c.post(
        f"{team.path}/meetings",
        json={
            "kind": "workshop",
            "held_on": "2026-03-04",
            "place": "Umeå",
            "attending_organisation_ids": [team.region, team.municipality],
            "summary": "Agreed to map the flow.",
        },
    )
    assert meeting.status_code == 200, meeting.json
    [held] = meeting.json["meetings"]
    assert held["held_on"] == "2026-03-04" and held["summary"] == "Agreed to map the flow."
    assert set(held["attending_organisation_ids"]) == {team.region, team.municipality}
    funding = c.post(
        f"{team.path}/funding",
        json={"funder_id": team.company, "amount": 300000, "currency": "SEK", "reference": "V-1"},
    )
    assert funding.status_code == 200, funding.json
    assert funding.json["funding"][0]["amount"] == "300000"
    exact = c.post(
        f"{team.path}/funding",
        json={"funder_id": team.company, "amount": "0.10", "currency": "EUR", "reference": "V-2"},
    )
    assert exact.json["funding"][1]["amount"] == "0.10"
    unit = unit_of(team.admin, team.municipality)
    clinic = c.post(
        f"{team.path}/clinics", json={"organisation_id": team.municipality, "unit_id": unit}
    )
    assert clinic.status_code == 200, clinic.json
    assert clinic.json["clinics"][0]["unit_id"] == unit
    again = c.post(
        f"{team.path}/clinics", json={"organisation_id": team.municipality, "unit_id": unit}
    )
    problem(again, 409)
    assert clinic.json["version"] == 10 and clinic.headers["ETag"] == '"10"'
    read = team.auditor.get(team.path).json
    assert read == clinic.json


def test_members_join_and_leave(team: Team, flask_app: Flask) -> None:
    other = organisation(team.admin, "Umeå universitet", "academia")
    path = f"{team.path}/members"
    joined = team.coordinator.post(path, json={"organisation_id": other, "role": "observer"})
    assert joined.status_code == 200
    assert {"organisation_id": other, "role": "observer"}.items() <= joined.json["members"][
        -1
    ].items()
    problem(team.coordinator.post(path, json={"organisation_id": other, "role": "partner"}), 409)
    left = team.coordinator.delete(f"{path}/{other}", json={"reason": "Project ended"})
    assert left.status_code == 200, left.json
    assert other not in {m["organisation_id"] for m in left.json["members"]}
    [former] = left.json["former_members"]
    assert former["organisation_id"] == other and former["reason"] == "Project ended"
    assert former["role"] == "observer"
    problem(team.coordinator.delete(f"{path}/{other}", json={"reason": "again"}), 404)
    problem(team.coordinator.delete(f"{path}/{team.region}", json={"reason": "no"}), 409)
    problem(team.coordinator.delete(f"{path}/{team.company}"), 422)  # no reason


def test_a_signatory_of_an_open_decision_cannot_leave(team: Team) -> None:
    decision = team.propose()
    assert decision.status_code == 201
    path = f"{team.path}/members/{team.municipality}"
    refused = problem(team.coordinator.delete(path, json={"reason": "Leaving"}), 409)
    assert refused["type"].endswith("signatory-cannot-leave")
    for caller in (team.coordinator, team.partner):
        signed = caller.post(
            f"{V1}/decisions/{decision.json['id']}/signoffs", json={"stance": "approve"}
        )
        assert signed.status_code == 200
    assert team.coordinator.delete(path, json={"reason": "Leaving"}).status_code == 200


def test_a_former_member_reads_up_to_its_leaving(team: Team) -> None:
    left = team.coordinator.delete(
        f"{team.path}/members/{team.company}", json={"reason": "Funding ended"}
    )
    assert left.status_code == 200
    at_leaving = left.json
    later = team.coordinator.post(
        f"{team.path}/phases", json={"phase": "redesign", "rationale": "Next step"}
    )
    assert later.status_code == 200
    seen = team.funder.get(team.path)
    assert seen.status_code == 200 and seen.json["version"] == at_leaving["version"]
    assert seen.json["phase"] is None
    listed = team.funder.get(f"{V1}/partnerships").json["items"]
    assert [p["version"] for p in listed] == [at_leaving["version"]]
    problem(team.funder.get(f"{team.path}?version={later.json['version']}"), 404)
    problem(team.funder.post(f"{team.path}/decisions", json=DECISION), 403)  # reads only


def test_roles_may_only_what_the_table_says(team: Team) -> None:
    body = {"phase": "understand", "rationale": "r"}
    problem(team.partner.post(f"{team.path}/phases", json=body), 403)
    problem(team.auditor.post(f"{team.path}/phases", json=body), 403)
    problem(team.auditor.post(f"{team.path}/decisions", json=DECISION), 403)
    assert team.admin.post(f"{team.path}/phases", json=body).status_code == 200
    assert team.auditor.get(team.path).status_code == 200
    start = {
        "title": "Mine",
        "kind": "lab",
        "purpose": "p",
        "starts_on": "2026-01-01",
    }
    problem(team.partner.post(f"{V1}/partnerships", json=start), 403)
    problem(team.auditor.post(f"{V1}/partnerships", json=start), 403)
    foreign = {**start, "coordinator_id": team.municipality}
    problem(team.coordinator.post(f"{V1}/partnerships", json=foreign), 403)
    by_admin = team.admin.post(f"{V1}/partnerships", json=foreign)
    assert by_admin.status_code == 201 and by_admin.json["coordinator_id"] == team.municipality


def test_a_foreign_organisation_sees_nothing(team: Team) -> None:
    outsider = team.foreign
    missing = problem(outsider.get(team.path), 404)
    assert "Safe discharge" not in str(missing)
    assert outsider.get(f"{V1}/partnerships").json["items"] == []
    unknown = f"{V1}/partnerships/{uuid4()}"
    assert problem(outsider.get(unknown), 404)["title"] == missing["title"]
    for route, body in (
        ("members", {"organisation_id": team.outsider, "role": "partner"}),
        ("phases", {"phase": "understand", "rationale": "r"}),
        ("status", {"status": "active", "reason": "r"}),
        ("challenges", {"title": "t", "description": "d", "level": "micro", "needs_of": ["users"]}),
        ("meetings", {"kind": "seminar", "held_on": "2026-01-02", "place": "p"}),
        ("funding", {"funder_id": team.outsider, "amount": 1, "currency": "SEK", "reference": "r"}),
        ("clinics", {"organisation_id": team.outsider, "unit_id": str(uuid4())}),
        ("decisions", DECISION),
    ):
        problem(outsider.post(f"{team.path}/{route}", json=body), 404)
        problem(outsider.post(f"{unknown}/{route}", json=body), 404)
    problem(outsider.delete(f"{team.path}/members/{team.company}", json={"reason": "r"}), 404)
    for path in ("events", "decisions"):
        problem(outsider.get(f"{team.path}/{path}"), 404)


BAD_STARTS: list[tuple[dict[str, Any], set[str]]] = [
    ({}, {"title", "kind", "purpose", "starts_on"}),
    ({"kind": "planet"}, {"kind"}),
    ({"kind": 7}, {"kind"}),
    ({"title": ""}, {"title"}),
    ({"title": ["x"]}, {"title"}),
    ({"goals": "one goal"}, {"goals"}),
    ({"starts_on": "next week"}, {"starts_on"}),
    ({"ends_on": 20260101}, {"ends_on"}),
    ({"coordinator_id": "not-a-uuid"}, {"coordinator_id"}),
    ({"colour": "red"}, {"colour"}),
]


@pytest.mark.parametrize(("change", "fields"), BAD_STARTS)
def test_bad_starts_are_422_and_record_nothing(
    team: Team, service: Samverkan, change: dict[str, Any], fields: set[str]
) -> None:
    good = {"title": "T", "kind": "lab", "purpose": "P", "starts_on": "2026-01-01"}
    body = {} if not change else {**good, **change}
    head = service.recorder.max_notification_id()
    answer = problem(team.admin.post(f"{V1}/partnerships", json=body), 422)
    assert set(answer["errors"]) == fields
    assert service.recorder.max_notification_id() == head


def test_other_bad_input(team: Team, service: Samverkan) -> None:
    head = service.recorder.max_notification_id()
    c = team.coordinator
    good = {"title": "T", "kind": "lab", "purpose": "P", "starts_on": "2026-01-01"}
    unknown_org = problem(
        team.admin.post(f"{V1}/partnerships", json={**good, "coordinator_id": str(uuid4())}), 422
    )
    assert "coordinator_id" in unknown_org["errors"]
    ends_first = {**good, "ends_on": "2025-01-01"}
    problem(c.post(f"{V1}/partnerships", json=ends_first), 409)
    problem(
        c.post(f"{V1}/partnerships", data="{", headers={"Content-Type": "application/json"}), 400
    )
    problem(
        c.post(f"{V1}/partnerships", data="title=T", headers={"Content-Type": "text/plain"}), 415
    )
    member = problem(
        c.post(f"{team.path}/members", json={"organisation_id": str(uuid4()), "role": "partner"}),
        422,
    )
    assert "organisation_id" in member["errors"]
    problem(c.post(f"{team.path}/members", json={"organisation_id": team.outsider}), 422)
    problem(c.post(f"{team.path}/phases", json={"phase": "dream", "rationale": "r"}), 422)
    problem(c.post(f"{team.path}/status", json={"status": "planned", "reason": "r"}), 409)
    problem(
        c.post(
            f"{team.path}/challenges",
            json={"title": "t", "description": "d", "level": "micro", "needs_of": []},
        ),
        422,
    )
    problem(
        c.post(
            f"{team.path}/challenges",
            json={"title": "t", "description": "d", "level": "micro", "needs_of": ["cats"]},
        ),
        422,
    )
    meeting = {"kind": "seminar", "held_on": "2026-01-02", "place": "p"}
    problem(c.post(f"{team.path}/meetings", json={**meeting, "held_on": "soon"}), 422)
    problem(
        c.post(
            f"{team.path}/meetings",
            json={**meeting, "attending_organisation_ids": [team.outsider]},
        ),
        409,
    )
    funding = {"funder_id": team.company, "amount": 10, "currency": "SEK", "reference": "r"}
    for bad in ({"amount": "lots"}, {"amount": -5}, {"amount": 1.5e400}, {"currency": "kr"}):
        problem(c.post(f"{team.path}/funding", json={**funding, **bad}), 422)
    problem(c.post(f"{team.path}/funding", json={**funding, "funder_id": str(uuid4())}), 422)
    problem(
        c.post(
            f"{team.path}/clinics",
            json={"organisation_id": team.municipality, "unit_id": str(uuid4())},
        ),
        409,
    )
    assert service.recorder.max_notification_id() == head


def test_unknown_ids_are_404(team: Team) -> None:
    unknown = f"{V1}/partnerships/{uuid4()}"
    problem(team.admin.get(unknown), 404)
    problem(
        team.admin.post(f"{unknown}/phases", json={"phase": "understand", "rationale": "r"}), 404
    )
    problem(team.coordinator.get(unknown), 404)
    assert team.admin.get(f"{V1}/partnerships/not-a-uuid").status_code == 404


def test_stale_if_match_is_412_and_a_fresh_one_writes(team: Team, service: Samverkan) -> None:
    body = {"phase": "understand", "rationale": "r"}
    head = service.recorder.max_notification_id()
    stale = problem(
        team.coordinator.post(f"{team.path}/phases", json=body, headers={"If-Match": '"1"'}), 412
    )
    assert stale["type"].endswith("stale-version")
    assert service.recorder.max_notification_id() == head
    problem(
        team.coordinator.post(f"{team.path}/phases", json=body, headers={"If-Match": "seven"}), 400
    )
    fresh = team.coordinator.post(f"{team.path}/phases", json=body, headers={"If-Match": '"3"'})
    assert fresh.status_code == 200 and fresh.headers["ETag"] == '"4"'


def test_idempotency_key_replays_the_first_start(team: Team, service: Samverkan) -> None:
    body = {"title": "Lab", "kind": "lab", "purpose": "P", "starts_on": "2026-01-01"}
    headers = {"Idempotency-Key": "start-1"}
    first = team.coordinator.post(f"{V1}/partnerships", json=body, headers=headers)
    head = service.recorder.max_notification_id()
    again = team.coordinator.post(f"{V1}/partnerships", json=body, headers=headers)
    assert again.status_code == 201 and again.json == first.json
    assert again.headers["Location"] == first.headers["Location"]
    assert service.recorder.max_notification_id() == head


def test_time_travel_and_pages(team: Team) -> None:
    first = team.partner.get(f"{team.path}?version=1")
    assert first.status_code == 200 and first.headers["ETag"] == '"1"'
    assert [m["role"] for m in first.json["members"]] == ["coordinator"]
    problem(team.partner.get(f"{team.path}?version=9"), 404)
    problem(team.partner.get(f"{team.path}?as_of=2000-01-01"), 404)
    problem(team.partner.get(f"{team.path}?as_of=2026-01-01&version=1"), 400)
    problem(team.partner.get(f"{team.path}?as_of=yesterday"), 422)
    now = team.partner.get(f"{team.path}?as_of={quote(team.partnership['updated_at'])}")
    assert now.json == team.partnership
    for n in range(2):
        assert (
            team.coordinator.post(
                f"{V1}/partnerships",
                json={"title": f"P{n}", "kind": "lab", "purpose": "P", "starts_on": "2026-01-01"},
            ).status_code
            == 201
        )
    page1 = team.partner.get(f"{V1}/partnerships").json
    assert len(page1["items"]) == 1  # the partner is in one of the three
    mine = team.coordinator.get(f"{V1}/partnerships?limit=2").json
    assert len(mine["items"]) == 2 and mine["next"]
    rest = team.coordinator.get(f"{V1}/partnerships?limit=2&cursor={mine['next']}").json
    assert len(rest["items"]) == 1 and rest["next"] is None
    assert len(team.admin.get(f"{V1}/partnerships").json["items"]) == 3
    problem(team.coordinator.get(f"{V1}/partnerships?limit=0"), 422)
    problem(team.coordinator.get(f"{V1}/partnerships?cursor=@@"), 422)


def test_nul_characters_and_huge_bodies_are_refused(team: Team, service: Samverkan) -> None:
    head = service.recorder.max_notification_id()
    phase = {"phase": "understand", "rationale": "a\x00b"}
    refused = problem(team.coordinator.post(f"{team.path}/phases", json=phase), 422)
    assert set(refused["errors"]) == {"rationale"}
    start = {"title": "T\x00", "kind": "lab", "purpose": "p", "starts_on": "2026-01-01"}
    assert set(problem(team.coordinator.post(f"{V1}/partnerships", json=start), 422)["errors"]) == {
        "title"
    }
    goals = {**start, "title": "T", "goals": ["ok", "\x00"]}
    assert set(problem(team.coordinator.post(f"{V1}/partnerships", json=goals), 422)["errors"]) == {
        "goals.1"
    }
    problem(team.propose(title="\x00"), 422)
    huge = '{"phase": "understand", "rationale": "' + "x" * (1024 * 1024) + '"}'
    problem(
        team.coordinator.post(
            f"{team.path}/phases", data=huge, headers={"Content-Type": "application/json"}
        ),
        413,
    )
    assert service.recorder.max_notification_id() == head


def test_a_coordinator_of_a_partner_organisation_does_not_manage(
    team: Team, flask_app: Flask
) -> None:
    other = make_caller(flask_app, UUID(team.municipality), "coordinator", "coord@umea.example")
    body = {"phase": "understand", "rationale": "r"}
    problem(other.post(f"{team.path}/phases", json=body), 403)
    problem(other.delete(f"{team.path}/members/{team.company}", json={"reason": "r"}), 403)
    assert other.get(team.path).status_code == 200
    assert team.propose(caller=other).status_code == 201  # everything a member may
