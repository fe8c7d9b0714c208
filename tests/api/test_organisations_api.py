"""POST/GET /organisations and units, with the API's conventions."""

from __future__ import annotations

from flask import Flask

from tests.api.callers import Caller, make_caller

PROBLEM = "application/problem+json"


def test_register_and_read_an_organisation(admin: Caller) -> None:
    created = admin.post(
        "/api/v1/organisations",
        json={"name": "Region Västerbotten", "kind": "region", "country": "SE"},
    )
    assert created.status_code == 201, created.json
    body = created.json
    assert body["name"] == "Region Västerbotten" and body["version"] == 1 and body["units"] == []
    assert created.headers["ETag"] == '"1"'
    assert created.headers["Location"].endswith(f"/api/v1/organisations/{body['id']}")
    read = admin.get(f"/api/v1/organisations/{body['id']}")
    assert read.status_code == 200 and read.json == body


def test_units_are_added_with_if_match(admin: Caller) -> None:
    org = admin.post(
        "/api/v1/organisations",
        json={"name": "Umeå kommun", "kind": "municipality", "country": "SE"},
    ).json
    path = f"/api/v1/organisations/{org['id']}/units"
    unit = {"name": "Bjurholms hälsocentral", "unit_type": "health_centre"}
    added = admin.post(path, json=unit, headers={"If-Match": '"1"'})
    assert added.status_code == 200, added.json
    assert added.json["version"] == 2 and added.json["units"][0]["name"] == unit["name"]
    stale = admin.post(
        path, json={"name": "Other", "unit_type": "ward"}, headers={"If-Match": '"1"'}
    )
    assert stale.status_code == 412 and stale.mimetype == PROBLEM
    assert stale.json["type"] == "urn:samverkan:problem:stale-version"


def test_bad_input_is_problem_json(admin: Caller) -> None:
    missing = admin.post("/api/v1/organisations", json={"name": "X"})
    assert missing.status_code == 422 and missing.mimetype == PROBLEM
    assert set(missing.json["errors"]) == {"kind", "country"}
    wrong = admin.post(
        "/api/v1/organisations", json={"name": "X", "kind": "planet", "country": "SE"}
    )
    assert wrong.status_code == 422 and "kind" in wrong.json["errors"]
    country = admin.post(
        "/api/v1/organisations", json={"name": "X", "kind": "region", "country": "XX"}
    )
    assert country.status_code == 422 and "country" in country.json["errors"]
    not_json = admin.post(
        "/api/v1/organisations", data="name=X", headers={"Content-Type": "text/plain"}
    )
    assert not_json.status_code == 415 and not_json.mimetype == PROBLEM
    broken = admin.post(
        "/api/v1/organisations", data="{", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400 and broken.mimetype == PROBLEM
    huge = admin.post(
        "/api/v1/organisations",
        data='{"name": "' + "x" * (1024 * 1024) + '"}',
        headers={"Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and huge.mimetype == PROBLEM


def test_unknown_ids_and_missing_tokens(admin: Caller, flask_app: Flask) -> None:
    unknown = admin.get("/api/v1/organisations/00000000-0000-0000-0000-000000000001")
    assert unknown.status_code == 404 and unknown.mimetype == PROBLEM
    anonymous = flask_app.test_client().get("/api/v1/organisations")
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"] == "Bearer"
    bad = flask_app.test_client().get(
        "/api/v1/organisations", headers={"Authorization": "Bearer nope"}
    )
    assert bad.status_code == 401


def test_only_admins_register(admin: Caller, flask_app: Flask, operator_org) -> None:
    member = make_caller(flask_app, operator_org, "member", "member@example.org")
    refused = member.post(
        "/api/v1/organisations", json={"name": "X", "kind": "region", "country": "SE"}
    )
    assert refused.status_code == 403 and refused.mimetype == PROBLEM
    assert member.get("/api/v1/organisations").status_code == 200


def test_idempotency_key_replays_the_first_response(admin: Caller, service) -> None:
    body = {"name": "Region Norrbotten", "kind": "region", "country": "SE"}
    headers = {"Idempotency-Key": "abc-1"}
    first = admin.post("/api/v1/organisations", json=body, headers=headers)
    head = service.recorder.max_notification_id()
    again = admin.post("/api/v1/organisations", json=body, headers=headers)
    assert again.status_code == 201 and again.json == first.json
    assert again.headers["Location"] == first.headers["Location"]
    assert service.recorder.max_notification_id() == head


def test_pagination_and_time_travel(admin: Caller) -> None:
    for i in range(3):
        admin.post(
            "/api/v1/organisations",
            json={"name": f"Kommun {i}", "kind": "municipality", "country": "SE"},
        )
    first = admin.get("/api/v1/organisations?limit=2").json
    assert len(first["items"]) == 2 and first["next"]
    rest = admin.get(f"/api/v1/organisations?limit=2&cursor={first['next']}").json
    assert len(rest["items"]) == 2 and rest["next"] is None  # the operator's own + 3 made here
    assert admin.get("/api/v1/organisations?limit=501").status_code == 422
    org = first["items"][0]
    both = admin.get(f"/api/v1/organisations/{org['id']}?version=1&as_of=2026-01-01")
    assert both.status_code == 400
    before = admin.get(f"/api/v1/organisations/{org['id']}?as_of=2000-01-01")
    assert before.status_code == 404
    v1 = admin.get(f"/api/v1/organisations/{org['id']}?version=1")
    assert v1.status_code == 200 and v1.json["version"] == 1


def test_openapi_document_lists_the_routes(admin: Caller) -> None:
    spec = admin.get("/api/v1/openapi.json").json
    assert "/api/v1/organisations" in spec["paths"]
    assert "/api/v1/users/{user_id}/tokens" in spec["paths"]
