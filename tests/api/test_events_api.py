"""The event feeds: a partnership's events and the change feed, with audit positions."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.audit.proofs import event_at
from tests.api.callers import Caller
from tests.api.partnership_team import PROBLEM, V1, Team, start_team


@pytest.fixture
def team(flask_app: Flask, admin: Caller) -> Team:
    return start_team(flask_app, admin)


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.json
    assert response.mimetype == PROBLEM
    return dict(response.json)


def signed_decision(team: Team) -> dict[str, Any]:
    decision = team.propose().json
    for caller in (team.coordinator, team.partner):
        caller.post(f"{V1}/decisions/{decision['id']}/signoffs", json={"stance": "approve"})
    return dict(decision)


def all_items(caller: Caller, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url = f"{path}{'&' if '?' in path else '?'}limit=3"
    while True:
        answer = caller.get(url)
        assert answer.status_code == 200, answer.json
        items += answer.json["items"]
        if answer.json["next"] is None:
            return items
        url = f"{path}{'&' if '?' in path else '?'}limit=3&cursor={answer.json['next']}"


def test_a_partnerships_events_oldest_first_with_positions(team: Team, service: Samverkan) -> None:
    decision = signed_decision(team)
    events = all_items(team.auditor, f"{team.path}/events")
    types = [e["type"] for e in events]
    assert types == [
        "partnership.started",
        "partnership.member_joined",
        "partnership.member_joined",
        "decision.proposed",
        "decision.signed_off",
        "decision.signed_off",
        "decision.adopted",
    ]
    positions = [e["position"] for e in events]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    for event in events:
        logged = event_at(service, event["position"])  # the audit log holds this very event
        assert str(logged.originator_id) == event["originator_id"]
        assert (logged.version, logged.type) == (event["version"], event["type"])
        assert set(event) == {
            "position", "id", "originator_id", "version", "type", "at", "actor", "data"
        }  # fmt: skip
        UUID(event["id"])
    assert {e["originator_id"] for e in events[3:]} == {decision["id"]}
    started = events[0]
    assert started["actor"] == {
        "user_id": str(team.coordinator.user_id),
        "organisation_id": team.region,
    }
    assert started["data"]["title"] == "Safe discharge"
    assert started["data"]["purpose"]["text"] == "Fewer readmissions after discharge."
    assert len(started["data"]["purpose"]["sha256"]) == 64
    assert events[4]["data"]["stance"] == "approve"
    assert events[4]["actor"]["organisation_id"] == team.region
    again = team.partner.get(f"{team.path}/events?after={positions[3]}").json["items"]
    assert [e["position"] for e in again] == positions[4:]


def test_erased_texts_are_null(team: Team, service: Samverkan) -> None:
    started = team.auditor.get(f"{team.path}/events?limit=1").json["items"][0]
    ref = started["data"]["purpose"]
    admin = service.get_user(team.admin.user_id).actor
    service.redact_text(admin, UUID(ref["text_id"]), "Personal data")
    erased = team.auditor.get(f"{team.path}/events?limit=1").json["items"][0]
    assert erased["data"]["purpose"] == {**ref, "text": None}
    assert team.auditor.get(team.path).json["purpose"] is None


def test_who_sees_a_partnerships_events(team: Team) -> None:
    for caller in (team.admin, team.coordinator, team.partner, team.funder, team.auditor):
        assert caller.get(f"{team.path}/events").status_code == 200
    missing = problem(team.foreign.get(f"{team.path}/events"), 404)
    assert "Safe discharge" not in str(missing)
    problem(team.admin.get(f"{V1}/partnerships/{uuid4()}/events"), 404)
    problem(team.partner.get(f"{team.path}/events?after=soon"), 422)
    problem(team.partner.get(f"{team.path}/events?limit=501"), 422)
    problem(team.partner.get(f"{team.path}/events?cursor=WyJhIl0="), 422)


def test_a_former_member_sees_events_up_to_its_leaving(team: Team) -> None:
    left = team.coordinator.delete(
        f"{team.path}/members/{team.company}", json={"reason": "Funding ended"}
    )
    assert left.status_code == 200
    signed_decision(team)
    seen = [e["type"] for e in all_items(team.funder, f"{team.path}/events")]
    assert seen[-1] == "partnership.member_left" and "decision.proposed" not in seen
    feed = [e["type"] for e in all_items(team.funder, f"{V1}/events")]
    assert "decision.proposed" not in feed and "partnership.member_left" in feed


def test_the_change_feed_shows_what_the_caller_may_see(team: Team) -> None:
    signed_decision(team)
    everything = all_items(team.admin, f"{V1}/events")
    assert [e["position"] for e in everything] == list(range(len(everything)))
    assert any(e["type"] == "user.enrolled" for e in everything)
    partner = all_items(team.partner, f"{V1}/events")
    assert {e["type"].split(".")[0] for e in partner} == {"organisation", "partnership", "decision"}
    assert len(partner) == len([e for e in everything if not e["type"].startswith("user.")])
    outsider = all_items(team.foreign, f"{V1}/events")
    assert outsider and {e["type"].split(".")[0] for e in outsider} == {"organisation"}
    other = team.foreign.post(
        f"{V1}/partnerships",
        json={"title": "Skåne lab", "kind": "lab", "purpose": "p", "starts_on": "2026-01-01"},
    )
    assert other.status_code == 201
    mine = all_items(team.foreign, f"{V1}/events")
    assert mine[-1]["type"] == "partnership.started"
    assert mine[-1]["originator_id"] == other.json["id"]
    assert other.json["id"] not in {
        e["originator_id"] for e in all_items(team.partner, f"{V1}/events")
    }
    last = partner[-1]["position"]
    assert team.partner.get(f"{V1}/events?after={last}").json["items"] == []
    after = team.admin.get(f"{V1}/events?after={last - 2}").json["items"]
    assert [e["position"] for e in after][:2] == [last - 1, last]
    problem(team.partner.get(f"{V1}/events?after=-5"), 422)
    problem(team.partner.get(f"{V1}/events?after=x"), 422)
    assert team.partner.get(f"{V1}/events?after=-1").json["items"][0]["position"] == 0


def test_the_feed_needs_a_token(flask_app: Flask) -> None:
    anonymous = flask_app.test_client().get(f"{V1}/events")
    assert anonymous.status_code == 401 and anonymous.mimetype == PROBLEM


def test_the_openapi_document_lists_the_routes(admin: Caller) -> None:
    paths = admin.get(f"{V1}/openapi.json").json["paths"]
    for path in (
        "/partnerships",
        "/partnerships/{partnership_id}",
        "/partnerships/{partnership_id}/members",
        "/partnerships/{partnership_id}/members/{organisation_id}",
        "/partnerships/{partnership_id}/phases",
        "/partnerships/{partnership_id}/status",
        "/partnerships/{partnership_id}/challenges",
        "/partnerships/{partnership_id}/meetings",
        "/partnerships/{partnership_id}/funding",
        "/partnerships/{partnership_id}/clinics",
        "/partnerships/{partnership_id}/decisions",
        "/partnerships/{partnership_id}/events",
        "/decisions/{decision_id}",
        "/decisions/{decision_id}/signoffs",
        "/decisions/{decision_id}/amendments",
        "/decisions/{decision_id}/withdrawal",
        "/decisions/{decision_id}/supersession",
        "/events",
    ):
        assert f"{V1}{path}" in paths, path


BAD_CURSORS = ("MTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA==", "WzEsIDJd", "eyJhIjogMX0=", "@@")


def test_no_cursor_or_position_a_client_sends_is_a_500(team: Team) -> None:
    for cursor in BAD_CURSORS:
        for path in (f"{V1}/events", f"{team.path}/events", f"{team.path}/decisions"):
            problem(team.partner.get(f"{path}?cursor={cursor}"), 422)
        assert team.partner.get(f"{V1}/partnerships?cursor={cursor}").status_code in (200, 422)
    problem(team.partner.get(f"{V1}/events?after={10**30}"), 422)
    problem(team.partner.get(f"{team.path}/events?after={10**30}"), 422)
