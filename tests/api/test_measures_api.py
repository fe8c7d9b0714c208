"""Measures through the API: define, record values per period, correct them, read them back."""

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


MEASURE = {
    "name": "Använder förbättringsmodellen",
    "unit": "%",
    "direction": "increase",
    "baseline": "54.0",
    "target": 80,
    "method": "Enkät till alla deltagare",
}


def define(work: Work, caller: Caller | None = None, **changes: Any) -> dict[str, Any]:
    created = (caller or work.member).post(f"{work.base}/measures", json=MEASURE | changes)
    return ok(created, 201)


def test_define_record_correct_and_read(work: Work) -> None:
    created = work.member.post(f"{work.base}/measures", json=MEASURE)
    measure = ok(created, 201)
    assert created.headers["Location"].endswith(f"/api/v1/measures/{measure['id']}")
    assert measure["baseline"] == "54.0" and measure["target"] == "80"
    assert measure["method"] == "Enkät till alla deltagare" and measure["values"] == []
    assert measure["direction"] == "increase" and measure["version"] == 1
    path = f"/api/v1/measures/{measure['id']}"

    first = ok(
        work.member.post(f"{path}/values", json={"period": "2026-03", "value": 76.5, "n": 40})
    )
    assert first["values"] == [
        {
            "period": "2026-03",
            "value": "76.5",
            "recorded_value": "76.5",
            "n": 40,
            "corrections": [],
            "at": first["values"][0]["at"],
            "actor": {
                "user_id": str(work.member.user_id),
                "organisation_id": str(work.municipality),
            },
        }
    ]
    ok(work.coordinator.post(f"{path}/values", json={"period": "2026-02-01", "value": "0.10"}))
    corrected = ok(
        work.coordinator.post(
            f"{path}/corrections",
            json={"period": "2026-03", "value": "77", "reason": "Två svar räknades dubbelt"},
            headers={"If-Match": '"3"'},
        )
    )
    assert corrected["version"] == 4
    assert [v["period"] for v in corrected["values"]] == ["2026-02-01", "2026-03"]
    march = corrected["values"][1]
    assert march["value"] == "77" and march["recorded_value"] == "76.5"
    assert march["corrections"][0]["reason"] == "Två svar räknades dubbelt"
    assert march["corrections"][0]["actor"]["organisation_id"] == str(work.region)
    assert corrected["latest"] == {"period": "2026-03", "value": "77"}
    assert corrected["values"][0]["value"] == "0.10" and corrected["values"][0]["n"] is None

    assert ok(work.auditor.get(path)) == corrected
    before = ok(work.auditor.get(f"{path}?version=2"))
    assert before["values"][0]["value"] == "76.5" and before["values"][0]["corrections"] == []
    problem(work.auditor.get(f"{path}?as_of=2000-01-01"), 404)
    listed = ok(work.auditor.get(f"{work.base}/measures"))
    assert listed["items"][0]["id"] == measure["id"] and listed["items"][0]["value_count"] == 2
    assert listed["next"] is None


def test_a_second_value_for_a_period_is_a_conflict(work: Work) -> None:
    path = f"/api/v1/measures/{define(work)['id']}"
    ok(work.member.post(f"{path}/values", json={"period": "2026-03", "value": 1}))
    head = events(work.service)
    again = problem(
        work.member.post(f"{path}/values", json={"period": "2026-03", "value": 2}),
        409,
        "duplicate-period",
    )
    assert "correction" in again["detail"]
    problem(
        work.member.post(
            f"{path}/corrections", json={"period": "2026-04", "value": 2, "reason": "Fel"}
        ),
        409,
        "unknown-period",
    )
    problem(
        work.member.post(
            f"{path}/values", json={"period": "2026-05", "value": 2}, headers={"If-Match": '"1"'}
        ),
        412,
        "stale-version",
    )
    assert events(work.service) == head


def test_bad_input_is_refused_beside_the_field(work: Work) -> None:
    path = f"{work.base}/measures"
    head = events(work.service)
    missing = problem(work.member.post(path, json={"name": "X"}), 422, "invalid-input")
    assert {"unit", "direction"} <= set(missing["errors"])
    wrong = problem(
        work.member.post(
            path, json=MEASURE | {"direction": "sideways", "baseline": "many", "name": 3}
        ),
        422,
    )
    assert {"direction", "baseline", "name"} <= set(wrong["errors"])
    problem(work.member.post(path, json=MEASURE | {"target": "NaN"}), 422)
    problem(work.member.post(path, json=MEASURE | {"target": True}), 422)
    problem(bad_json(work.member, path), 400)
    problem(not_json(work.member, path), 415)
    assert events(work.service) == head

    values = f"/api/v1/measures/{define(work)['id']}/values"
    head = events(work.service)
    for body, field in (
        ({"value": 1}, "period"),
        ({"period": "2026-03"}, "value"),
        ({"period": "March", "value": 1}, "period"),
        ({"period": "2026-13", "value": 1}, "period"),
        ({"period": "2026-03", "value": "lots"}, "value"),
        ({"period": "2026-03", "value": 1, "n": 0}, "n"),
        ({"period": "2026-03", "value": 1, "n": 2.5}, "n"),
        ({"period": "2026-03", "value": 1, "n": "5"}, "n"),
        ({"period": 202603, "value": 1}, "period"),
    ):
        refused = problem(work.member.post(values, json=body), 422)
        assert field in refused["errors"], (body, refused)
    problem(bad_json(work.member, values), 400)
    corrections = values.replace("/values", "/corrections")
    refused = problem(work.member.post(corrections, json={"period": "2026-03", "value": 1}), 422)
    assert "reason" in refused["errors"]
    assert events(work.service) == head


def test_who_may_do_what(work: Work) -> None:
    for caller in (work.admin, work.coordinator, work.member):
        define(work, caller)
    head = events(work.service)
    problem(work.auditor.post(f"{work.base}/measures", json=MEASURE), 403, "forbidden")
    problem(work.outsider.post(f"{work.base}/measures", json=MEASURE), 404, "not-found")
    measure = ok(work.auditor.get(f"{work.base}/measures"))["items"][0]
    path = f"/api/v1/measures/{measure['id']}"
    problem(work.auditor.post(f"{path}/values", json={"period": "2026-03", "value": 1}), 403)
    problem(work.outsider.post(f"{path}/values", json={"period": "2026-03", "value": 1}), 404)
    problem(work.outsider.get(path), 404)
    problem(work.outsider.get(f"{work.base}/measures"), 404)
    assert events(work.service) == head
    for caller in (work.admin, work.coordinator, work.member, work.auditor):
        assert ok(caller.get(path))["id"] == measure["id"]
    problem(work.member.get(f"/api/v1/measures/{UNKNOWN}"), 404)
    problem(
        work.member.post(
            f"/api/v1/measures/{UNKNOWN}/values", json={"period": "2026-03", "value": 1}
        ),
        404,
    )
    problem(work.admin.get(f"/api/v1/partnerships/{UNKNOWN}/measures"), 404)
    # An experiment's id is not a measure's.
    experiment = ok(
        work.member.post(
            f"{work.base}/experiments",
            json={
                "title": "T",
                "change_idea": "C",
                "prediction": "P",
                "site_unit_id": str(work.unit_id),
            },
        ),
        201,
    )
    problem(work.member.get(f"/api/v1/measures/{experiment['id']}"), 404)


def test_erased_method_reads_as_null(work: Work) -> None:
    measure = define(work)
    defined = next(iter(work.service.events.get(UUID(measure["id"]))))
    work.service.redact_text(OPERATOR, defined.method.id, "Personuppgifter")
    assert ok(work.member.get(f"/api/v1/measures/{measure['id']}"))["method"] is None


def test_no_body_makes_a_500(work: Work) -> None:
    path = f"/api/v1/measures/{define(work)['id']}"
    never_500(work.member, [f"{work.base}/measures", f"{path}/values", f"{path}/corrections"])


def test_a_nul_character_is_invalid_input(work: Work) -> None:
    head = events(work.service)
    refused = problem(
        work.member.post(f"{work.base}/measures", json=MEASURE | {"unit": "\x00"}), 422
    )
    assert "unit" in refused["errors"]
    path = f"/api/v1/measures/{define(work)['id']}/values"
    head = events(work.service)
    refused = problem(work.member.post(path, json={"period": "2026-03\x00", "value": 1}), 422)
    assert "period" in refused["errors"]
    assert events(work.service) == head
