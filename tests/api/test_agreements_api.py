"""Risk-sharing agreements through the API: shares, commitments, contributions, costs,
benefits and risks; amounts stay exact decimals from the body to the response."""

from __future__ import annotations

from typing import Any
from uuid import UUID

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


def shares(work: Work) -> dict[str, Any]:
    return {str(work.region): "60", str(work.municipality): 30, str(work.company): "10.0"}


def agree(work: Work, caller: Caller | None = None, **changes: Any) -> dict[str, Any]:
    body = {"title": "Tandvårdskliniken", "currency": "SEK", "shares": shares(work)} | changes
    return ok((caller or work.member).post(f"{work.base}/agreements", json=body), 201)


def test_shares_sum_exactly_to_one_hundred_in_decimals(work: Work) -> None:
    fourth = work.service.register_organisation(OPERATOR, "Umeå universitet", "academia", "SE")
    work.service.add_member(OPERATOR, work.partnership_id, fourth.id, "partner")
    work.catch_up()
    parties = [work.region, work.municipality, work.company, fourth.id]
    body = {
        "title": "Fyra parter",
        "currency": "SEK",
        "shares": dict(zip(map(str, parties), [8.1, 20.6, 43.6, 27.7], strict=True)),
    }
    created = work.member.post(f"{work.base}/agreements", json=body)
    agreement = ok(created, 201)
    assert created.headers["Location"].endswith(f"/api/v1/agreements/{agreement['id']}")
    assert agreement["shares"] == dict(
        zip(map(str, parties), ["8.1", "20.6", "43.6", "27.7"], strict=True)
    )
    head = events(work.service)
    for wrong in ([8.1, 20.6, 43.6, 27.6], [0, 20.6, 51.7, 27.7], [-10, 40, 42, 28]):
        body["shares"] = dict(zip(map(str, parties), wrong, strict=True))
        refused = problem(work.member.post(f"{work.base}/agreements", json=body), 409)
        assert refused["type"] == "urn:samverkan:problem:shares-invalid"
    not_member = problem(
        work.member.post(
            f"{work.base}/agreements",
            json={"title": "X", "currency": "SEK", "shares": {str(work.foreign): 100}},
        ),
        409,
        "not-a-member",
    )
    assert not_member["detail"]
    assert events(work.service) == head


def test_the_whole_agreement_is_read_back(work: Work) -> None:
    agreement = agree(work)
    path = f"/api/v1/agreements/{agreement['id']}"
    assert agreement["commitments"] == [] and agreement["risks"] == []
    committed = ok(
        work.member.post(
            f"{path}/commitments",
            json={
                "organisation_id": str(work.region),
                "kind": "money",
                "amount": "300000.00",
                "unit": "SEK",
                "description": "Projektledning",
            },
            headers={"If-Match": '"1"'},
        )
    )
    assert committed["version"] == 2
    commitment = committed["commitments"][0]
    assert commitment["amount"] == "300000.00" and commitment["kind"] == "money"
    assert commitment["description"] == "Projektledning"
    assert commitment["organisation_id"] == str(work.region)
    assert commitment["actor"]["organisation_id"] == str(work.municipality)
    ok(
        work.coordinator.post(
            f"{path}/contributions",
            json={
                "organisation_id": str(work.municipality),
                "kind": "staff_hours",
                "amount": 120.5,
                "unit": "h",
            },
        )
    )
    ok(work.member.post(f"{path}/costs", json={"amount": "1000.10", "description": "Lokal"}))
    ok(
        work.member.post(
            f"{path}/benefits",
            json={"beneficiary": "residents", "amount": 2500, "description": "Färre besök"},
        )
    )
    registered = work.member.post(
        f"{path}/risks",
        json={
            "description": "Företaget lämnar",
            "owner_id": str(work.company),
            "likelihood": 2,
            "impact": 5,
        },
    )
    risk = ok(registered)["risks"][0]
    assert registered.headers["Risk-Id"] == risk["id"]
    assert risk["status"] == "open" and risk["likelihood"] == 2 and risk["impact"] == 5
    assert risk["description"] == "Företaget lämnar" and risk["owner_id"] == str(work.company)
    changed = ok(
        work.coordinator.post(
            f"{path}/risks/{risk['id']}/status",
            json={"status": "mitigated", "note": "Nytt avtal"},
        )
    )
    assert changed["risks"][0]["status"] == "mitigated"
    assert changed["risks"][0]["history"][0]["note"] == "Nytt avtal"
    assert changed["contributions"][0]["amount"] == "120.5"
    assert changed["contributions"][0]["description"] == ""
    assert changed["costs"][0]["amount"] == "1000.10"
    assert changed["benefits"][0] | {"at": None} == {
        "beneficiary": "residents",
        "amount": "2500",
        "description": "Färre besök",
        "at": None,
        "actor": {"user_id": str(work.member.user_id), "organisation_id": str(work.municipality)},
    }
    assert changed["version"] == 7
    assert ok(work.auditor.get(path)) == changed
    before = ok(work.auditor.get(f"{path}?version=4"))
    assert before["risks"] == [] and before["benefits"] == [] and len(before["costs"]) == 1
    problem(work.auditor.get(f"{path}?as_of=1999-12-31"), 404)
    items = ok(work.auditor.get(f"{work.base}/agreements"))["items"]
    assert items[0]["shares"] == agreement["shares"]
    assert items[0]["risks"] == [
        {"id": risk["id"], "owner_id": str(work.company), "status": "mitigated"}
    ]


def test_domain_rules_answer_409(work: Work) -> None:
    path = f"/api/v1/agreements/{agree(work)['id']}"
    registered = work.member.post(
        f"{path}/risks",
        json={"description": "R", "owner_id": str(work.region), "likelihood": 1, "impact": 1},
    )
    risk_id = ok(registered)["risks"][0]["id"]
    head = events(work.service)
    problem(
        work.member.post(
            f"{path}/commitments",
            json={
                "organisation_id": str(work.foreign),
                "kind": "money",
                "amount": 1,
                "unit": "SEK",
            },
        ),
        409,
        "not-a-party",
    )
    problem(
        work.member.post(
            f"{path}/risks",
            json={"description": "R", "owner_id": str(work.foreign), "likelihood": 1, "impact": 1},
        ),
        409,
        "not-a-party",
    )
    problem(
        work.member.post(f"{path}/risks/{UNKNOWN}/status", json={"status": "closed"}),
        409,
        "risk-unknown",
    )
    problem(
        work.member.post(f"{path}/risks/{risk_id}/status", json={"status": "open"}),
        409,
        "status-unchanged",
    )
    assert events(work.service) == head
    ok(work.member.post(f"{path}/risks/{risk_id}/status", json={"status": "closed"}))
    problem(
        work.member.post(f"{path}/risks/{risk_id}/status", json={"status": "open"}),
        409,
        "risk-closed",
    )


def test_bad_input(work: Work) -> None:
    path = f"{work.base}/agreements"
    head = events(work.service)
    missing = problem(work.member.post(path, json={}), 422, "invalid-input")
    assert {"title", "currency", "shares"} <= set(missing["errors"])
    for changes, field in (
        ({"currency": "kronor"}, "currency"),
        ({"shares": []}, "shares"),
        ({"shares": {}}, "shares"),
        ({"shares": {"not-an-id": 100}}, "shares"),
        ({"shares": {str(work.region): "all"}}, "shares"),
        ({"shares": {str(work.region): True}}, "shares"),
        ({"title": ""}, "title"),
    ):
        body = {"title": "T", "currency": "SEK", "shares": shares(work)} | changes
        refused = problem(work.member.post(path, json=body), 422)
        assert any(key.split(".")[0] == field for key in refused["errors"]), (changes, refused)
    upper, lower = str(work.region).upper(), str(work.region)
    refused = problem(
        work.member.post(
            path, json={"title": "T", "currency": "SEK", "shares": {upper: 50, lower: 50}}
        ),
        422,
    )
    assert "shares" in refused["errors"]
    problem(bad_json(work.member, path), 400)
    problem(not_json(work.member, path), 415)
    assert events(work.service) == head

    agreement = f"/api/v1/agreements/{agree(work)['id']}"
    head = events(work.service)
    resource = {"organisation_id": str(work.region), "kind": "money", "amount": 1, "unit": "SEK"}
    for route, body, field in (
        ("commitments", resource | {"kind": "gold"}, "kind"),
        ("commitments", resource | {"amount": 0}, "amount"),
        ("contributions", resource | {"amount": "-5"}, "amount"),
        ("contributions", {"kind": "money"}, "organisation_id"),
        ("costs", {"amount": "ten", "description": "x"}, "amount"),
        ("costs", {"amount": 10}, "description"),
        (
            "benefits",
            {"beneficiary": "shareholders", "amount": 1, "description": "x"},
            "beneficiary",
        ),
        (
            "risks",
            {"description": "x", "owner_id": str(work.region), "likelihood": 6, "impact": 1},
            "likelihood",
        ),
        (
            "risks",
            {"description": "x", "owner_id": str(work.region), "likelihood": 1, "impact": "3"},
            "impact",
        ),
        (
            "risks",
            {"description": "x", "owner_id": str(work.region), "likelihood": 2.5, "impact": 1},
            "likelihood",
        ),
    ):
        refused = problem(work.member.post(f"{agreement}/{route}", json=body), 422)
        assert field in refused["errors"], (route, body, refused)
    refused = problem(
        work.member.post(f"{agreement}/risks/{UNKNOWN}/status", json={"status": "forgotten"}), 422
    )
    assert "status" in refused["errors"]
    problem(bad_json(work.member, f"{agreement}/costs"), 400)
    problem(
        work.member.post(
            f"{agreement}/costs",
            json={"amount": 1, "description": "x"},
            headers={"If-Match": '"2"'},
        ),
        412,
        "stale-version",
    )
    assert events(work.service) == head


def test_who_may_do_what(work: Work) -> None:
    for caller in (work.admin, work.coordinator, work.member):
        agree(work, caller)
    head = events(work.service)
    body = {"title": "T", "currency": "SEK", "shares": shares(work)}
    problem(work.auditor.post(f"{work.base}/agreements", json=body), 403)
    problem(work.outsider.post(f"{work.base}/agreements", json=body), 404)
    agreement = ok(work.auditor.get(f"{work.base}/agreements"))["items"][0]
    path = f"/api/v1/agreements/{agreement['id']}"
    cost = {"amount": 1, "description": "x"}
    problem(work.auditor.post(f"{path}/costs", json=cost), 403)
    problem(work.outsider.post(f"{path}/costs", json=cost), 404)
    problem(work.outsider.post(f"{path}/risks/{UNKNOWN}/status", json={"status": "closed"}), 404)
    problem(work.outsider.get(path), 404)
    problem(work.outsider.get(f"{work.base}/agreements"), 404)
    assert events(work.service) == head
    for caller in (work.admin, work.coordinator, work.member, work.auditor):
        assert ok(caller.get(path))["id"] == agreement["id"]
        assert len(ok(caller.get(f"{work.base}/agreements"))["items"]) == 3
    problem(work.member.get(f"/api/v1/agreements/{UNKNOWN}"), 404)
    problem(work.member.post(f"/api/v1/agreements/{UNKNOWN}/costs", json=cost), 404)


def test_an_erased_description_reads_as_null(work: Work) -> None:
    agreement = agree(work)
    path = f"/api/v1/agreements/{agreement['id']}"
    ok(work.member.post(f"{path}/costs", json={"amount": 5, "description": "Anna Svenssons lön"}))
    cost = list(work.service.events.get(UUID(agreement["id"])))[-1]
    work.service.redact_text(OPERATOR, cost.description.id, "Personuppgifter")
    assert ok(work.member.get(path))["costs"][0]["description"] is None


def test_no_body_makes_a_500(work: Work) -> None:
    path = f"/api/v1/agreements/{agree(work)['id']}"
    routes = (
        "commitments",
        "contributions",
        "costs",
        "benefits",
        "risks",
        f"risks/{UNKNOWN}/status",
    )
    never_500(work.member, [f"{work.base}/agreements", *(f"{path}/{r}" for r in routes)])


def test_a_nul_character_is_invalid_input(work: Work) -> None:
    head = events(work.service)
    body = {"title": "T\x00", "currency": "SEK", "shares": shares(work)}
    assert "title" in problem(work.member.post(f"{work.base}/agreements", json=body), 422)["errors"]
    path = f"/api/v1/agreements/{agree(work)['id']}"
    head = events(work.service)
    cost = {"amount": 1, "description": "\x00"}
    assert "description" in problem(work.member.post(f"{path}/costs", json=cost), 422)["errors"]
    assert events(work.service) == head
