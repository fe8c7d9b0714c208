"""Answers to a caller with a bearer token carry ``Cache-Control: no-store``: reads, writes,
errors and replayed writes alike. Anonymous answers (the API document) are not affected."""

from __future__ import annotations

from flask import Flask

from tests.api.callers import Caller


def test_every_answer_to_a_token_is_not_stored(flask_app: Flask, admin: Caller) -> None:
    body = {"name": "Region Örebro län", "kind": "region", "country": "SE"}
    key = {"Idempotency-Key": "org-1"}
    created = admin.post("/api/v1/organisations", json=body, headers=key)
    answers = [
        created,
        admin.post("/api/v1/organisations", json=body, headers=key),  # replayed
        admin.get(f"/api/v1/organisations/{created.json['id']}"),
        admin.get("/api/v1/organisations"),
        admin.get("/api/v1/partnerships/00000000-0000-0000-0000-000000000000"),  # 404
        admin.post("/api/v1/organisations", json={"name": ""}),  # 422
    ]
    assert [a.status_code for a in answers] == [201, 201, 200, 200, 404, 422]
    assert answers[1].headers["Idempotent-Replayed"] == "true"
    assert {a.headers.get("Cache-Control") for a in answers} == {"no-store"}
    bad_token = flask_app.test_client().get(
        "/api/v1/organisations", headers={"Authorization": "Bearer nope"}
    )
    assert bad_token.status_code == 401 and bad_token.headers["Cache-Control"] == "no-store"


def test_the_api_document_may_be_cached(flask_app: Flask) -> None:
    assert "Cache-Control" not in flask_app.test_client().get("/api/v1/openapi.json").headers
