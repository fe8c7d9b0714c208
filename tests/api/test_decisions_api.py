"""Decisions over HTTP: proposal, the unanimous rule, amendments, withdrawal, supersession."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote
from uuid import uuid4

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from tests.api.callers import Caller
from tests.api.partnership_team import PROBLEM, V1, Team, start_team


@pytest.fixture
def team(flask_app: Flask, admin: Caller) -> Team:
    return start_team(flask_app, admin)


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.json
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.json
    assert body["status"] == status
    return body


def sign(caller: Caller, decision: dict[str, Any], stance: str, comment: str = "") -> Any:
    return caller.post(
        f"{V1}/decisions/{decision['id']}/signoffs", json={"stance": stance, "comment": comment}
    )


def adopted(team: Team, **changes: Any) -> dict[str, Any]:
    decision = team.propose(**changes).json
    assert sign(team.coordinator, decision, "approve").status_code == 200
    closed = sign(team.partner, decision, "approve")
    assert closed.json["status"] == "adopted"
    return dict(closed.json)


def test_propose_answers_201_with_the_decision(team: Team) -> None:
    proposed = team.propose()
    assert proposed.status_code == 201, proposed.json
    body = proposed.json
    assert proposed.headers["Location"].endswith(f"{V1}/decisions/{body['id']}")
    assert proposed.headers["ETag"] == '"1"'
    assert body["status"] == "proposed" and body["signoffs"] == [] and body["version"] == 1
    assert body["partnership_id"] == team.partnership["id"]
    assert body["context"] == "Discharges from hospital to home care lose information."
    assert body["options"] == ["Keep as is", "Shared checklist"]
    assert body["signatory_ids"] == [team.region, team.municipality]
    assert body["awaiting_ids"] == [team.region, team.municipality]
    assert body["proposed_by"]["organisation_id"] == team.municipality
    read = team.auditor.get(f"{V1}/decisions/{body['id']}")
    assert read.status_code == 200 and read.json == body and read.headers["ETag"] == '"1"'


def test_two_organisations_approve_and_the_decision_is_adopted(team: Team) -> None:
    decision = team.propose().json
    first = sign(team.coordinator, decision, "approve", "Good for patients")
    assert first.status_code == 200 and first.json["status"] == "proposed"
    assert first.headers["ETag"] == '"2"'
    [signed] = first.json["signoffs"]
    assert signed["organisation_id"] == team.region and signed["stance"] == "approve"
    assert signed["comment"] == "Good for patients"
    assert signed["user_id"] == str(team.coordinator.user_id) and signed["at"]
    last = sign(team.partner, decision, "approve")
    assert last.status_code == 200 and last.json["status"] == "adopted"
    assert last.json["version"] == 4  # the sign-off and the adoption, in one write
    assert [s["organisation_id"] for s in last.json["signoffs"]] == [team.region, team.municipality]
    assert last.json["awaiting_ids"] == [] and last.json["closed_at"]
    closed = problem(sign(team.partner, decision, "object"), 409)
    assert closed["type"].endswith("decision-not-open")
    listed = team.partner.get(f"{team.path}/decisions?status=adopted").json
    assert [d["id"] for d in listed["items"]] == [decision["id"]]
    assert team.partner.get(f"{team.path}/decisions?status=proposed").json["items"] == []


def test_an_objection_rejects_and_the_latest_stance_counts(team: Team) -> None:
    decision = team.propose().json
    assert sign(team.coordinator, decision, "object", "Too early").json["status"] == "proposed"
    changed = sign(team.coordinator, decision, "approve", "Convinced")
    assert [s["stance"] for s in changed.json["signoffs"]] == ["approve"]
    assert changed.json["signoffs"][0]["comment"] == "Convinced"
    assert sign(team.coordinator, decision, "object").json["signoffs"][0]["stance"] == "object"
    rejected = sign(team.partner, decision, "approve")
    assert rejected.json["status"] == "rejected"
    assert {s["stance"] for s in rejected.json["signoffs"]} == {"object", "approve"}


def test_abstentions_alone_reject(team: Team) -> None:
    decision = team.propose().json
    sign(team.coordinator, decision, "abstain")
    assert sign(team.partner, decision, "abstain").json["status"] == "rejected"


def test_as_of_before_the_signoffs_shows_it_proposed(team: Team) -> None:
    decision = team.propose().json
    sign(team.coordinator, decision, "approve")
    done = sign(team.partner, decision, "approve").json
    path = f"{V1}/decisions/{decision['id']}"
    before = team.partner.get(f"{path}?as_of={quote(decision['proposed_at'])}")
    assert before.status_code == 200, before.json
    assert before.json["status"] == "proposed" and before.json["signoffs"] == []
    assert before.headers["ETag"] == '"1"'
    halfway = team.partner.get(f"{path}?version=2").json
    assert halfway["status"] == "proposed" and len(halfway["signoffs"]) == 1
    assert halfway["awaiting_ids"] == [team.municipality]
    now = team.partner.get(f"{path}?as_of={quote(done['updated_at'])}").json
    assert now == done
    problem(team.partner.get(f"{path}?as_of=2000-01-01"), 404)
    problem(team.partner.get(f"{path}?as_of=2026-01-01&version=1"), 400)


def test_who_may_sign(team: Team) -> None:
    decision = team.propose().json
    not_signatory = problem(sign(team.funder, decision, "approve"), 409)
    assert not_signatory["type"].endswith("not-a-signatory")
    problem(sign(team.auditor, decision, "approve"), 403)
    problem(sign(team.admin, decision, "approve"), 409)  # the operator signs for no one here
    problem(sign(team.foreign, decision, "approve"), 404)
    problem(team.foreign.get(f"{V1}/decisions/{decision['id']}"), 404)
    assert team.funder.get(f"{V1}/decisions/{decision['id']}").status_code == 200
    eligible = problem(team.propose(signatory_ids=[team.company]), 409)
    assert eligible["type"].endswith("signatory-not-eligible")
    problem(team.propose(signatory_ids=[team.outsider]), 409)
    problem(team.propose(caller=team.auditor), 403)
    problem(team.propose(caller=team.foreign), 404)
    assert team.propose(caller=team.coordinator).status_code == 201
    assert team.propose(caller=team.admin).status_code == 201


def test_an_amendment_voids_the_signoffs(team: Team) -> None:
    decision = team.propose().json
    sign(team.coordinator, decision, "approve")
    path = f"{V1}/decisions/{decision['id']}/amendments"
    amended = team.partner.post(
        path,
        json={
            "changes": {"title": "Shared checklist, v2", "proposal": "Start in Umeå"},
            "reason": "Narrower start",
        },
    )
    assert amended.status_code == 200, amended.json
    body = amended.json
    assert body["title"] == "Shared checklist, v2" and body["proposal"] == "Start in Umeå"
    assert body["signoffs"] == [] and body["status"] == "proposed" and body["version"] == 3
    problem(team.partner.post(path, json={"changes": {"status": "adopted"}, "reason": "r"}), 422)
    problem(team.partner.post(path, json={"changes": {}, "reason": "r"}), 422)
    problem(team.partner.post(path, json={"changes": {"title": 5}, "reason": "r"}), 422)
    problem(team.partner.post(path, json={"changes": {"signatory_ids": "x"}, "reason": "r"}), 422)
    problem(team.partner.post(path, json={"changes": "title", "reason": "r"}), 422)
    problem(team.auditor.post(path, json={"changes": {"title": "x"}, "reason": "r"}), 403)
    sign(team.coordinator, body, "approve")
    assert sign(team.partner, body, "approve").json["status"] == "adopted"
    problem(team.partner.post(path, json={"changes": {"title": "x"}, "reason": "r"}), 409)


def test_withdrawal(team: Team) -> None:
    decision = team.propose().json
    path = f"{V1}/decisions/{decision['id']}/withdrawal"
    problem(team.partner.post(path, json={}), 422)
    withdrawn = team.partner.post(path, json={"reason": "Overtaken by events"})
    assert withdrawn.status_code == 200 and withdrawn.json["status"] == "withdrawn"
    assert withdrawn.json["closed_at"]
    problem(team.partner.post(path, json={"reason": "again"}), 409)
    problem(sign(team.coordinator, decision, "approve"), 409)
    listed = team.auditor.get(f"{team.path}/decisions?status=withdrawn").json["items"]
    assert [d["id"] for d in listed] == [decision["id"]]


def test_supersession(team: Team, flask_app: Flask) -> None:
    old = adopted(team)
    new = adopted(team, title="Shared checklist, revised")
    open_one = team.propose().json
    path = f"{V1}/decisions/{old['id']}/supersession"
    problem(team.partner.post(path, json={"by_decision_id": open_one["id"]}), 409)
    problem(team.partner.post(path, json={"by_decision_id": str(uuid4())}), 422)
    problem(team.partner.post(path, json={"by_decision_id": old["id"]}), 422)
    problem(team.partner.post(path, json={"by_decision_id": "later"}), 422)
    elsewhere = start_team_elsewhere(team)
    problem(team.partner.post(path, json={"by_decision_id": elsewhere}), 422)
    superseded = team.partner.post(path, json={"by_decision_id": new["id"]})
    assert superseded.status_code == 200, superseded.json
    assert superseded.json["status"] == "superseded"
    assert superseded.json["superseded_by"] == new["id"]
    problem(
        team.partner.post(
            f"{V1}/decisions/{open_one['id']}/supersession", json={"by_decision_id": new["id"]}
        ),
        409,
    )


def start_team_elsewhere(team: Team) -> str:
    """An adopted decision in a partnership the partner's organisation is not in."""
    other = team.foreign.post(
        f"{V1}/partnerships",
        json={"title": "Skåne", "kind": "lab", "purpose": "p", "starts_on": "2026-01-01"},
    ).json
    decision = team.foreign.post(
        f"{V1}/partnerships/{other['id']}/decisions",
        json={
            "title": "t",
            "context": "c",
            "proposal": "p",
            "rationale": "r",
            "signatory_ids": [team.outsider],
        },
    ).json
    assert sign(team.foreign, decision, "approve").json["status"] == "adopted"
    return str(decision["id"])


BAD_PROPOSALS: list[tuple[dict[str, Any], set[str]]] = [
    ({"title": None}, {"title"}),
    ({"title": ""}, {"title"}),
    ({"context": 3}, {"context"}),
    ({"options": "one"}, {"options"}),
    ({"signatory_ids": []}, {"signatory_ids"}),
    ({"signatory_ids": ["nobody"]}, {"signatory_ids.0"}),
    ({"evidence": [{"kind": "rumour", "id": str(uuid4())}]}, {"evidence.0.kind"}),
    ({"evidence": [{"kind": "experiment", "id": str(uuid4())}]}, {"evidence"}),
    ({"meeting_id": str(uuid4())}, {"meeting_id"}),
    ({"priority": "high"}, {"priority"}),
]


@pytest.mark.parametrize(("change", "fields"), BAD_PROPOSALS)
def test_bad_proposals_are_422_and_record_nothing(
    team: Team, service: Samverkan, change: dict[str, Any], fields: set[str]
) -> None:
    head = service.recorder.max_notification_id()
    answer = problem(team.propose(**change), 422)
    assert set(answer["errors"]) == fields
    assert service.recorder.max_notification_id() == head


def test_other_bad_input(team: Team, service: Samverkan) -> None:
    decision = team.propose().json
    head = service.recorder.max_notification_id()
    path = f"{V1}/decisions/{decision['id']}/signoffs"
    assert set(problem(team.partner.post(path, json={}), 422)["errors"]) == {"stance"}
    problem(team.partner.post(path, json={"stance": "maybe"}), 422)
    problem(team.partner.post(path, json={"stance": "approve", "comment": 5}), 422)
    problem(team.partner.post(path, data="{", headers={"Content-Type": "application/json"}), 400)
    problem(team.partner.post(path, data="x", headers={"Content-Type": "text/plain"}), 415)
    stale = problem(
        team.partner.post(path, json={"stance": "approve"}, headers={"If-Match": '"7"'}), 412
    )
    assert stale["type"].endswith("stale-version")
    problem(
        team.partner.post(f"{V1}/decisions/{uuid4()}/signoffs", json={"stance": "approve"}), 404
    )
    problem(team.partner.get(f"{V1}/decisions/{uuid4()}"), 404)
    problem(team.admin.get(f"{V1}/decisions/{uuid4()}"), 404)
    problem(team.partner.post(f"{V1}/partnerships/{uuid4()}/decisions", json={}), 422)
    problem(team.admin.get(f"{V1}/partnerships/{uuid4()}/decisions"), 404)
    problem(team.partner.get(f"{team.path}/decisions?status=maybe"), 422)
    problem(team.partner.get(f"{team.path}/decisions?cursor=bm90IGEgY3Vyc29y"), 422)
    assert service.recorder.max_notification_id() == head
    fresh = team.partner.post(path, json={"stance": "approve"}, headers={"If-Match": '"1"'})
    assert fresh.status_code == 200 and fresh.headers["ETag"] == '"2"'


def test_unknown_partnership_with_a_good_body_is_404(team: Team) -> None:
    unknown = f"{V1}/partnerships/{uuid4()}/decisions"
    body = {
        "title": "t",
        "context": "c",
        "proposal": "p",
        "rationale": "r",
        "signatory_ids": [team.region],
    }
    problem(team.partner.post(unknown, json=body), 404)
    problem(team.admin.post(unknown, json=body), 404)


def test_idempotent_signoff(team: Team, service: Samverkan) -> None:
    decision = team.propose().json
    path = f"{V1}/decisions/{decision['id']}/signoffs"
    headers = {"Idempotency-Key": "sign-1"}
    first = team.partner.post(path, json={"stance": "approve"}, headers=headers)
    head = service.recorder.max_notification_id()
    again = team.partner.post(path, json={"stance": "approve"}, headers=headers)
    assert again.status_code == 200 and again.json == first.json
    assert service.recorder.max_notification_id() == head


def test_lists_page_oldest_first(team: Team) -> None:
    ids = [team.propose(title=f"Decision {n}").json["id"] for n in range(3)]
    first = team.auditor.get(f"{team.path}/decisions?limit=2").json
    assert [d["id"] for d in first["items"]] == ids[:2] and first["next"]
    rest = team.auditor.get(f"{team.path}/decisions?limit=2&cursor={first['next']}").json
    assert [d["id"] for d in rest["items"]] == ids[2:] and rest["next"] is None
    proposed = team.auditor.get(f"{team.path}/decisions?status=proposed").json["items"]
    assert len(proposed) == 3


def test_a_former_member_sees_decisions_as_they_were_when_it_left(team: Team) -> None:
    before = team.propose(signatory_ids=[team.region]).json
    left = team.coordinator.delete(
        f"{team.path}/members/{team.company}", json={"reason": "Funding ended"}
    )
    assert left.status_code == 200
    sign(team.coordinator, before, "approve")
    after = team.propose(signatory_ids=[team.region]).json
    seen = team.funder.get(f"{V1}/decisions/{before['id']}").json
    assert seen["status"] == "proposed" and seen["signoffs"] == []
    problem(team.funder.get(f"{V1}/decisions/{after['id']}"), 404)
    listed = team.funder.get(f"{team.path}/decisions").json["items"]
    assert [(d["id"], d["status"]) for d in listed] == [(before["id"], "proposed")]
    assert team.funder.get(f"{team.path}/decisions?status=adopted").json["items"] == []


def test_evidence_links_records_of_the_same_partnership(team: Team) -> None:
    earlier = adopted(team)
    meeting = team.coordinator.post(
        f"{team.path}/meetings", json={"kind": "workshop", "held_on": "2026-02-02", "place": "Umeå"}
    ).json["meetings"][0]
    evidence = [{"kind": "decision", "id": earlier["id"]}, {"kind": "meeting", "id": meeting["id"]}]
    linked = team.propose(evidence=evidence, meeting_id=meeting["id"])
    assert linked.status_code == 201, linked.json
    assert linked.json["evidence"] == evidence and linked.json["meeting_id"] == meeting["id"]
    elsewhere = start_team_elsewhere(team)
    foreign = problem(team.propose(evidence=[{"kind": "decision", "id": elsewhere}]), 422)
    assert set(foreign["errors"]) == {"evidence"}
    amend = team.partner.post(
        f"{V1}/decisions/{linked.json['id']}/amendments",
        json={"changes": {"evidence": [{"kind": "decision", "id": elsewhere}]}, "reason": "r"},
    )
    assert set(problem(amend, 422)["errors"]) == {"evidence"}
