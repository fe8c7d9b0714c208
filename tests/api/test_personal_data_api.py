"""A person's details can be corrected or erased, and so can free text; history stays whole."""

from __future__ import annotations

from flask import Flask

from core.domain.partnership import Partnership
from tests.api.callers import OPERATOR, Caller, make_caller


def test_a_user_corrects_their_own_details(admin: Caller, flask_app: Flask, operator_org) -> None:
    member = make_caller(flask_app, operator_org, "member", "lead@example.org")
    path = f"/api/v1/users/{member.user_id}/details"
    corrected = member.post(path, json={"email": "Ward.Lead@Example.org"})
    assert corrected.status_code == 200 and corrected.json["email"] == "ward.lead@example.org"
    assert member.post(path, json={"email": "admin@example.org"}).status_code == 409
    assert member.post(path, json={"email": "not-an-email"}).status_code == 422
    assert member.post(path, json={}).status_code == 422
    other = make_caller(flask_app, operator_org, "member", "other@example.org")
    assert other.post(path, json={"name": "X"}).status_code == 403


def test_erasing_a_user_revokes_access_and_keeps_the_events(
    admin: Caller, flask_app: Flask, operator_org
) -> None:
    member = make_caller(flask_app, operator_org, "member", "gone@example.org")
    assert admin.post(f"/api/v1/users/{member.user_id}/erasure").status_code == 204
    assert member.get("/api/v1/organisations").status_code == 401
    assert admin.get(f"/api/v1/users/{member.user_id}").status_code == 404
    feed = admin.get("/api/v1/events?limit=500").json["items"]
    assert [e["type"] for e in feed if e["originator_id"] == str(member.user_id)] == [
        "user.enrolled",
        "user.token_issued",
        "user.role_revoked",
        "user.erased",
    ]


def test_erasing_a_text_leaves_its_hash(admin: Caller, service, operator_org) -> None:
    partnership = service.start_partnership(
        OPERATOR,
        "Nätverk",
        "learning_network",
        "Kontakt: en namngiven person",
        [],
        operator_org,
        "2020-01-01",
        None,
    )
    purpose = service.get(Partnership, partnership.id).purpose
    erased = admin.post(f"/api/v1/texts/{purpose.id}/erasure", json={"reason": "Personuppgift"})
    assert erased.status_code == 200 and erased.json["sha256"] == purpose.sha256
    assert admin.get(f"/api/v1/partnerships/{partnership.id}").json["purpose"] is None
    again = admin.post(f"/api/v1/texts/{purpose.id}/erasure", json={"reason": "Igen"})
    assert again.status_code == 409
    assert (
        admin.post(
            "/api/v1/texts/00000000-0000-0000-0000-000000000009/erasure", json={"reason": "x"}
        ).status_code
        == 404
    )
    assert admin.post(f"/api/v1/texts/{purpose.id}/erasure", json={}).status_code == 422
