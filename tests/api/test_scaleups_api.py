"""Scale-ups through the API: plan, record each unit's adoption stage, complete or halt."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.api.callers import OPERATOR, Caller
from tests.api.work_setup import (
    UNKNOWN,
    Work,
    bad_json,
    events,
    never_500,
    not_json,
    ok,
    problem,
    setup_work,
)


@pytest.fixture
def work(flask_app: Flask, admin: Caller) -> Work:
    return setup_work(flask_app, admin)


def second_unit(work: Work) -> str:
    _, unit_id = work.service.add_unit(OPERATOR, work.region, "Akutvårdsavdelning", "ward")
    work.catch_up()
    return str(unit_id)


def plan(work: Work, caller: Caller | None = None, **changes: Any) -> dict[str, Any]:
    body = {"practice": "Fluorlack vid varje besök", "target_unit_ids": [str(work.unit_id)]}
    return ok((caller or work.member).post(f"{work.base}/scale-ups", json=body | changes), 201)


def test_plan_adopt_and_complete(work: Work) -> None:
    ward = second_unit(work)
    origin = ok(
        work.member.post(
            f"{work.base}/experiments",
            json={"title": "T", "change_idea": "C", "prediction": "P", "site_unit_id": ward},
        ),
        201,
    )
    created = work.member.post(
        f"{work.base}/scale-ups",
        json={
            "practice": "Fluorlack vid varje besök",
            "origin_id": origin["id"],
            "target_unit_ids": [str(work.unit_id), ward],
        },
    )
    scale_up = ok(created, 201)
    assert created.headers["Location"].endswith(f"/api/v1/scale-ups/{scale_up['id']}")
    assert scale_up["status"] == "active" and scale_up["origin_id"] == origin["id"]
    assert [u["stage"] for u in scale_up["units"]] == [None, None]
    path = f"/api/v1/scale-ups/{scale_up['id']}"
    ok(
        work.member.post(
            f"{path}/adoptions", json={"unit_id": str(work.unit_id), "stage": "preparing"}
        )
    )
    piloting = ok(
        work.coordinator.post(
            f"{path}/adoptions",
            json={"unit_id": str(work.unit_id), "stage": "piloting", "note": "Två tandläkare"},
            headers={"If-Match": '"2"'},
        )
    )
    unit = piloting["units"][0]
    assert unit["unit_id"] == str(work.unit_id) and unit["stage"] == "piloting"
    assert [a["stage"] for a in unit["adoptions"]] == ["preparing", "piloting"]
    assert unit["adoptions"][1]["note"] == "Två tandläkare"
    assert unit["adoptions"][1]["actor"]["organisation_id"] == str(work.region)
    assert piloting["units"][1] == {"unit_id": ward, "stage": None, "adoptions": []}
    done = ok(work.member.post(f"{path}/completion", json={"note": "Alla enheter klara"}))
    assert done["status"] == "completed" and done["completion"]["note"] == "Alla enheter klara"
    assert ok(work.auditor.get(path)) == done
    assert ok(work.auditor.get(f"{path}?version=2"))["units"][0]["stage"] == "preparing"
    listed = ok(work.auditor.get(f"{work.base}/scale-ups"))["items"]
    assert listed[0]["units"][0] == {"unit_id": str(work.unit_id), "stage": "piloting"}
    assert ok(work.auditor.get(f"{work.base}/scale-ups?status=active"))["items"] == []
    assert len(ok(work.auditor.get(f"{work.base}/scale-ups?status=completed"))["items"]) == 1
    problem(work.auditor.get(f"{work.base}/scale-ups?status=paused"), 422)
    head = events(work.service)
    ended = problem(
        work.member.post(f"{path}/adoptions", json={"unit_id": ward, "stage": "planned"}),
        409,
        "scale-up-ended",
    )
    assert "completed" in ended["detail"]
    problem(work.member.post(f"{path}/halt", json={"reason": "x"}), 409, "scale-up-ended")
    assert events(work.service) == head


def test_halt_and_completion_without_a_body(work: Work) -> None:
    halted = plan(work)
    path = f"/api/v1/scale-ups/{halted['id']}"
    problem(work.member.post(f"{path}/halt", json={}), 422)
    stopped = ok(work.member.post(f"{path}/halt", json={"reason": "Ingen finansiering"}))
    assert stopped["status"] == "halted" and stopped["halt"]["reason"] == "Ingen finansiering"
    done = ok(work.member.post(f"/api/v1/scale-ups/{plan(work)['id']}/completion"))
    assert done["status"] == "completed" and done["completion"]["note"] == ""


def test_bad_input(work: Work) -> None:
    path = f"{work.base}/scale-ups"
    head = events(work.service)
    missing = problem(work.member.post(path, json={}), 422, "invalid-input")
    assert {"practice", "target_unit_ids"} <= set(missing["errors"])
    for body, field in (
        ({"practice": "P", "target_unit_ids": []}, "target_unit_ids"),
        ({"practice": "P", "target_unit_ids": "all"}, "target_unit_ids"),
        ({"practice": "P", "target_unit_ids": [str(work.foreign_unit_id)]}, "target_unit_ids"),
        ({"practice": "P", "target_unit_ids": [UNKNOWN]}, "target_unit_ids"),
        ({"practice": "", "target_unit_ids": [str(work.unit_id)]}, "practice"),
        (
            {"practice": "P", "target_unit_ids": [str(work.unit_id)], "origin_id": UNKNOWN},
            "origin_id",
        ),
    ):
        refused = problem(work.member.post(path, json=body), 422)
        assert any(key.split(".")[0] == field for key in refused["errors"]), (body, refused)
    problem(bad_json(work.member, path), 400)
    problem(not_json(work.member, path), 415)
    assert events(work.service) == head

    adoptions = f"/api/v1/scale-ups/{plan(work)['id']}/adoptions"
    head = events(work.service)
    refused = problem(work.member.post(adoptions, json={"unit_id": str(work.unit_id)}), 422)
    assert "stage" in refused["errors"]
    refused = problem(
        work.member.post(adoptions, json={"unit_id": str(work.unit_id), "stage": "dreaming"}), 422
    )
    assert "stage" in refused["errors"]
    problem(work.member.post(adoptions, json={"unit_id": "x", "stage": "planned"}), 422)
    problem(
        work.member.post(
            adoptions, json={"unit_id": str(work.foreign_unit_id), "stage": "planned"}
        ),
        409,
        "not-a-target-unit",
    )
    problem(
        work.member.post(
            adoptions,
            json={"unit_id": str(work.unit_id), "stage": "planned"},
            headers={"If-Match": '"7"'},
        ),
        412,
    )
    problem(bad_json(work.member, adoptions), 400)
    assert events(work.service) == head


def test_who_may_do_what(work: Work) -> None:
    for caller in (work.admin, work.coordinator, work.member):
        plan(work, caller)
    body = {"practice": "P", "target_unit_ids": [str(work.unit_id)]}
    head = events(work.service)
    problem(work.auditor.post(f"{work.base}/scale-ups", json=body), 403)
    problem(work.outsider.post(f"{work.base}/scale-ups", json=body), 404)
    scale_up = ok(work.auditor.get(f"{work.base}/scale-ups"))["items"][0]
    path = f"/api/v1/scale-ups/{scale_up['id']}"
    adoption = {"unit_id": str(work.unit_id), "stage": "planned"}
    problem(work.auditor.post(f"{path}/adoptions", json=adoption), 403)
    problem(work.outsider.post(f"{path}/adoptions", json=adoption), 404)
    problem(work.auditor.post(f"{path}/completion"), 403)
    problem(work.outsider.post(f"{path}/halt", json={"reason": "x"}), 404)
    problem(work.outsider.get(path), 404)
    problem(work.outsider.get(f"{work.base}/scale-ups"), 404)
    assert events(work.service) == head
    for caller in (work.admin, work.coordinator, work.member, work.auditor):
        assert ok(caller.get(path))["id"] == scale_up["id"]
        assert len(ok(caller.get(f"{work.base}/scale-ups"))["items"]) == 3
    problem(work.member.get(f"/api/v1/scale-ups/{UNKNOWN}"), 404)
    problem(work.member.post(f"/api/v1/scale-ups/{UNKNOWN}/adoptions", json=adoption), 404)


def test_no_body_makes_a_500(work: Work) -> None:
    path = f"/api/v1/scale-ups/{plan(work)['id']}"
    routes = ("adoptions", "halt", "completion")
    never_500(work.member, [f"{work.base}/scale-ups", *(f"{path}/{r}" for r in routes)])


def test_a_nul_character_is_invalid_input(work: Work) -> None:
    head = events(work.service)
    body = {"practice": "P\x00", "target_unit_ids": [str(work.unit_id)]}
    assert (
        "practice" in problem(work.member.post(f"{work.base}/scale-ups", json=body), 422)["errors"]
    )
    assert events(work.service) == head
