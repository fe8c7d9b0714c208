"""A person's details can be corrected or erased, and so can free text; history stays whole."""

from __future__ import annotations

from flask import Flask

from samverkan.domain.partnership import Partnership
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


def test_the_last_admin_cannot_demote_or_erase_itself(
    admin: Caller, flask_app: Flask, operator_org
) -> None:
    for refused in (
        admin.post(f"/api/v1/users/{admin.user_id}/role", json={"role": "member"}),
        admin.post(f"/api/v1/users/{admin.user_id}/erasure"),
    ):
        assert refused.status_code == 409
        assert refused.headers["Content-Type"] == "application/problem+json"
        assert refused.json["type"] == "urn:samverkan:problem:last-admin"
        assert "last admin" in refused.json["detail"]
    assert admin.get(f"/api/v1/users/{admin.user_id}").json["role"] == "admin"
    second = make_caller(flask_app, operator_org, "admin", "second@example.org")
    demoted = admin.post(f"/api/v1/users/{admin.user_id}/role", json={"role": "member"})
    assert demoted.status_code == 200 and demoted.json["role"] == "member"
    assert second.post(f"/api/v1/users/{second.user_id}/erasure").status_code == 409


def test_token_and_detail_changes_are_events_of_their_caller(
    admin: Caller, flask_app: Flask, operator_org
) -> None:
    member = make_caller(flask_app, operator_org, "member", "lead@example.org")
    issued = admin.post(f"/api/v1/users/{member.user_id}/tokens", json={"label": "ci"})
    token_id = issued.json["id"]
    assert admin.delete(f"/api/v1/users/{member.user_id}/tokens/{token_id}").status_code == 204
    member.post(f"/api/v1/users/{member.user_id}/details", json={"name": "Ward Lead"})
    feed = admin.get("/api/v1/events?limit=500").json["items"]
    mine = [e for e in feed if e["originator_id"] == str(member.user_id)][2:]
    assert [(e["type"], e["actor"]["user_id"]) for e in mine] == [
        ("user.token_issued", str(admin.user_id)),
        ("user.token_revoked", str(admin.user_id)),
        ("user.details_corrected", str(member.user_id)),
    ]
    assert mine[0]["data"] == {"token_id": token_id} and mine[2]["data"] == {"fields": ["name"]}
