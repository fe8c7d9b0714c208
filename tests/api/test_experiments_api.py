"""Experiments through the API: plan, start, observe, study, conclude; read now and before."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from flask import Flask

from tests.api.callers import OPERATOR, Caller, make_caller
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


def plan_body(work: Work, **changes: Any) -> dict[str, Any]:
    return {
        "title": "Fluorlack vid varje besök",
        "change_idea": "Erbjud fluorlack till alla barn",
        "prediction": "Färre kariesskador på ett år",
        "site_unit_id": str(work.unit_id),
        "measure_ids": [],
        "planned_end_on": "2026-06-30",
        **changes,
    }


def plan(work: Work, caller: Caller | None = None, **changes: Any) -> dict[str, Any]:
    return ok(
        (caller or work.member).post(f"{work.base}/experiments", json=plan_body(work, **changes)),
        201,
    )


def test_an_experiment_goes_through_its_stages(work: Work) -> None:
    created = work.member.post(f"{work.base}/experiments", json=plan_body(work))
    body = ok(created, 201)
    assert created.headers["Location"].endswith(f"/api/v1/experiments/{body['id']}")
    assert body["stage"] == "planned" and body["version"] == 1
    assert body["change_idea"] == "Erbjud fluorlack till alla barn"
    assert body["site_organisation_id"] == str(work.municipality)
    assert body["planned_end_on"] == "2026-06-30" and body["observations"] == []
    path = f"/api/v1/experiments/{body['id']}"

    started = ok(work.member.post(f"{path}/start", headers={"If-Match": '"1"'}))
    assert started["stage"] == "running" and started["version"] == 2
    assert started["started"]["actor"]["organisation_id"] == str(work.municipality)
    observed = ok(
        work.coordinator.post(
            f"{path}/observations", json={"note": "Tio barn fick lack", "observed_on": "2026-03-02"}
        )
    )
    assert observed["observations"][0]["note"] == "Tio barn fick lack"
    assert observed["observations"][0]["observed_on"] == "2026-03-02"
    assert observed["observations"][0]["actor"]["organisation_id"] == str(work.region)
    assert observed["observation_count"] == 1
    studied = ok(
        work.member.post(
            f"{path}/study", json={"result": "Färre skador", "prediction_held": "partly"}
        )
    )
    assert studied["stage"] == "studied" and studied["study"]["prediction_held"] == "partly"
    concluded = ok(
        work.member.post(f"{path}/conclusion", json={"act": "adapt", "rationale": "Bra men dyrt"})
    )
    assert concluded["stage"] == "concluded" and concluded["act"] == "adapt"
    assert concluded["conclusion"]["rationale"] == "Bra men dyrt"

    read = work.auditor.get(path)
    assert ok(read) == concluded
    assert read.headers["ETag"] == '"5"'
    planned = ok(work.auditor.get(f"{path}?version=1"))
    assert planned["stage"] == "planned" and planned["started"] is None
    assert planned["change_idea"] == "Erbjud fluorlack till alla barn"
    running = ok(work.auditor.get(f"{path}?version=3"))
    assert running["stage"] == "running" and len(running["observations"]) == 1
    problem(work.auditor.get(f"{path}?as_of=2000-01-01"), 404, "not-found")
    problem(work.auditor.get(f"{path}?version=9"), 404, "not-found")
    problem(work.auditor.get(f"{path}?version=1&as_of=2026-01-01"), 400)
    problem(work.auditor.get(f"{path}?version=zero"), 422)
    problem(work.auditor.get(f"{path}?as_of=yesterday"), 422)


def test_a_plan_links_measures_and_a_previous_cycle_of_the_partnership(work: Work) -> None:
    measure = ok(
        work.member.post(
            f"{work.base}/measures",
            json={"name": "Kariesfria barn", "unit": "%", "direction": "increase"},
        ),
        201,
    )
    first = plan(work)
    second = plan(work, measure_ids=[measure["id"]], previous_id=first["id"])
    assert second["measure_ids"] == [measure["id"]] and second["previous_id"] == first["id"]
    head = events(work.service)
    unknown = problem(
        work.member.post(f"{work.base}/experiments", json=plan_body(work, measure_ids=[UNKNOWN])),
        422,
    )
    assert "measure_ids" in unknown["errors"]
    unknown = problem(
        work.member.post(f"{work.base}/experiments", json=plan_body(work, previous_id=UNKNOWN)),
        422,
    )
    assert "previous_id" in unknown["errors"]
    foreign_unit = problem(
        work.member.post(
            f"{work.base}/experiments",
            json=plan_body(work, site_unit_id=str(work.foreign_unit_id)),
        ),
        422,
    )
    assert "site_unit_id" in foreign_unit["errors"]
    assert events(work.service) == head


def test_bad_input_answers_problem_json_and_records_nothing(work: Work) -> None:
    path = f"{work.base}/experiments"
    head = events(work.service)
    missing = problem(work.member.post(path, json={"title": "X"}), 422, "invalid-input")
    assert {"change_idea", "prediction", "site_unit_id"} <= set(missing["errors"])
    wrong = problem(
        work.member.post(
            path,
            json=plan_body(work, title=7, measure_ids="x", planned_end_on="soon", site_unit_id=3),
        ),
        422,
    )
    assert {"title", "measure_ids", "planned_end_on", "site_unit_id"} <= set(wrong["errors"])
    extra = problem(work.member.post(path, json=plan_body(work, colour="red")), 422)
    assert "colour" in extra["errors"]
    empty = problem(work.member.post(path, json=plan_body(work, change_idea="  ")), 422)
    assert "change_idea" in empty["errors"]
    problem(bad_json(work.member, path), 400)
    problem(not_json(work.member, path), 415)
    problem(work.member.post(path, json=[1, 2]), 422)
    assert events(work.service) == head

    experiment = plan(work)
    step = f"/api/v1/experiments/{experiment['id']}"
    problem(
        work.member.post(f"{step}/observations", json={"note": "x", "observed_on": "2026-01-01"}),
        409,
        "stage-out-of-order",
    )
    problem(
        work.member.post(f"{step}/conclusion", json={"act": "adopt", "rationale": "x"}),
        409,
        "stage-out-of-order",
    )
    ok(work.member.post(f"{step}/start"))
    problem(work.member.post(f"{step}/start"), 409, "stage-out-of-order")
    bad = problem(
        work.member.post(f"{step}/observations", json={"note": "", "observed_on": "2026-13-01"}),
        422,
    )
    assert {"note", "observed_on"} <= set(bad["errors"])
    bad = problem(
        work.member.post(f"{step}/study", json={"result": "x", "prediction_held": "maybe"}), 422
    )
    assert "prediction_held" in bad["errors"]
    problem(work.member.post(f"{step}/study", json={"prediction_held": "yes"}), 422)
    problem(bad_json(work.member, f"{step}/study"), 400)
    ok(work.member.post(f"{step}/study", json={"result": "x", "prediction_held": "no"}))
    bad = problem(
        work.member.post(f"{step}/conclusion", json={"act": "shrug", "rationale": "x"}), 422
    )
    assert "act" in bad["errors"]


def test_stale_if_match_is_refused(work: Work) -> None:
    experiment = plan(work)
    step = f"/api/v1/experiments/{experiment['id']}"
    ok(work.member.post(f"{step}/start", headers={"If-Match": '"1"'}))
    head = events(work.service)
    problem(
        work.member.post(
            f"{step}/observations",
            json={"note": "x", "observed_on": "2026-01-01"},
            headers={"If-Match": '"1"'},
        ),
        412,
        "stale-version",
    )
    problem(
        work.member.post(
            f"{step}/observations",
            json={"note": "x", "observed_on": "2026-01-01"},
            headers={"If-Match": "seven"},
        ),
        400,
    )
    assert events(work.service) == head


def test_who_may_do_what(work: Work) -> None:
    path = f"{work.base}/experiments"
    for caller in (work.admin, work.coordinator, work.member):
        plan(work, caller)
    head = events(work.service)
    problem(work.auditor.post(path, json=plan_body(work)), 403, "forbidden")
    invisible = problem(work.outsider.post(path, json=plan_body(work)), 404, "not-found")
    assert "Innovation" not in invisible["detail"]
    experiment = plan(work)
    step = f"/api/v1/experiments/{experiment['id']}"
    head = events(work.service)
    problem(work.auditor.post(f"{step}/start"), 403)
    problem(work.outsider.post(f"{step}/start"), 404)
    problem(work.outsider.get(step), 404, "not-found")
    problem(work.outsider.get(f"{step}?version=1"), 404)
    problem(work.outsider.get(path), 404)
    assert events(work.service) == head
    for caller in (work.admin, work.coordinator, work.member, work.auditor):
        assert ok(caller.get(step))["id"] == experiment["id"]
        assert len(ok(caller.get(path))["items"]) == 4
    problem(work.member.get(f"/api/v1/experiments/{UNKNOWN}"), 404)
    problem(work.member.post(f"/api/v1/experiments/{UNKNOWN}/start"), 404)
    problem(
        work.admin.post(f"/api/v1/partnerships/{UNKNOWN}/experiments", json=plan_body(work)), 404
    )
    problem(work.admin.get(f"/api/v1/partnerships/{UNKNOWN}/experiments"), 404)
    anonymous = work.flask_app.test_client().get(step)
    assert anonymous.status_code == 401


def test_the_list_filters_by_stage_and_pages(work: Work) -> None:
    ids = [plan(work, title=f"Cykel {i}")["id"] for i in range(3)]
    ok(work.member.post(f"/api/v1/experiments/{ids[1]}/start"))
    running = ok(work.member.get(f"{work.base}/experiments?stage=running"))
    assert [item["id"] for item in running["items"]] == [ids[1]]
    assert running["items"][0]["stage"] == "running" and running["next"] is None
    planned = ok(work.member.get(f"{work.base}/experiments?stage=planned"))
    assert [item["id"] for item in planned["items"]] == [ids[0], ids[2]]
    first = ok(work.member.get(f"{work.base}/experiments?limit=2"))
    assert [item["id"] for item in first["items"]] == ids[:2] and first["next"]
    rest = ok(work.member.get(f"{work.base}/experiments?limit=2&cursor={first['next']}"))
    assert [item["id"] for item in rest["items"]] == ids[2:] and rest["next"] is None
    problem(work.member.get(f"{work.base}/experiments?stage=dreaming"), 422)
    problem(work.member.get(f"{work.base}/experiments?limit=0"), 422)
    problem(work.member.get(f"{work.base}/experiments?cursor=nonsense"), 422)


def test_erased_text_reads_as_null(work: Work) -> None:
    experiment = plan(work)
    planned = next(iter(work.service.events.get(UUID(experiment["id"]))))
    work.service.redact_text(OPERATOR, planned.change_idea.id, "Namngav en patient")
    read = ok(work.member.get(f"/api/v1/experiments/{experiment['id']}"))
    assert read["change_idea"] is None and read["prediction"] == "Färre kariesskador på ett år"


def test_a_former_member_sees_the_experiment_as_it_was_when_it_left(work: Work) -> None:
    company = make_caller(work.flask_app, work.company, "member", "member@tandteknik.se")
    experiment = plan(work, company)
    step = f"/api/v1/experiments/{experiment['id']}"
    work.service.remove_member(OPERATOR, work.partnership_id, work.company, "Projektet slut")
    work.catch_up()
    ok(work.member.post(f"{step}/start"))
    seen = ok(company.get(step))
    assert seen["stage"] == "planned" and seen["version"] == 1
    assert ok(company.get(f"{work.base}/experiments"))["items"][0]["stage"] == "planned"
    problem(company.get(f"{step}?version=2"), 404)
    problem(
        company.post(f"{step}/observations", json={"note": "x", "observed_on": "2026-01-01"}), 403
    )
    assert ok(work.member.get(step))["stage"] == "running"


def test_no_body_makes_a_500(work: Work) -> None:
    step = f"/api/v1/experiments/{plan(work)['id']}"
    paths = [f"{step}/{route}" for route in ("observations", "study", "conclusion", "start")]
    never_500(work.member, [f"{work.base}/experiments", *paths])


def test_a_foreign_partnerships_records_cannot_be_linked(work: Work) -> None:
    foreign = work.service.define_measure(
        OPERATOR, work.other_partnership_id, "Ventetid", "dagar", "decrease", None, None, ""
    )
    work.catch_up()
    head = events(work.service)
    refused = problem(
        work.member.post(
            f"{work.base}/experiments", json=plan_body(work, measure_ids=[str(foreign.id)])
        ),
        422,
    )
    assert "measure_ids" in refused["errors"]
    assert events(work.service) == head


def test_idempotency_key_replays_the_plan(work: Work) -> None:
    headers = {"Idempotency-Key": "plan-1"}
    first = work.member.post(f"{work.base}/experiments", json=plan_body(work), headers=headers)
    head = events(work.service)
    again = work.member.post(f"{work.base}/experiments", json=plan_body(work), headers=headers)
    assert again.status_code == 201 and again.json == first.json
    assert again.headers["Location"] == first.headers["Location"]
    assert events(work.service) == head


def test_a_nul_character_is_invalid_input(work: Work) -> None:
    head = events(work.service)
    body = plan_body(work, prediction="\x00")
    assert (
        "prediction"
        in problem(work.member.post(f"{work.base}/experiments", json=body), 422)["errors"]
    )
    assert events(work.service) == head
