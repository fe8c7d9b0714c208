"""Administration pages (organisations, units, users, roles, tokens, plugins) and My account,
on both stores: good input, each kind of bad input beside its field, and who may see them."""

from __future__ import annotations

import re

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.organisation import Organisation
from samverkan.plugin_manager import Plugins
from tests.api.callers import OPERATOR
from tests.ui.conftest import Team
from tests.ui.pages import Visitor, text, user_with_password, visitor


def signed_in(flask_app: Flask, email: str, language: str = "en") -> Visitor:
    person = visitor(flask_app, language)
    assert person.sign_in(email).status_code == 302
    return person


def an_admin(service: Samverkan, team: Team, flask_app: Flask) -> Visitor:
    operator = service.register_organisation(OPERATOR, "Driftbolaget", "company", "SE").id
    user_with_password(service, operator, "admin", "root@ops.example")
    return signed_in(flask_app, "root@ops.example")


def errors_of(html: str) -> set[str]:
    return set(re.findall(r'id="([a-z_]+)-error"', html))


def test_only_administrators_see_the_administration(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    coordinator = signed_in(flask_app, "anna@region.example")
    assert "Administration" not in text(coordinator.get("/"))
    for path in (
        "/admin",
        "/admin/organisations",
        "/admin/organisations/new",
        f"/admin/organisations/{team.region_id}",
        f"/admin/organisations/{team.region_id}/rename",
        "/admin/users",
        "/admin/users/new",
        "/admin/plugins",
    ):
        response = coordinator.get(path)
        assert response.status_code == 403, path
        assert "You may not do this" in text(response)
    token = coordinator.csrf_token("/")
    response = coordinator.client.post(
        "/admin/organisations/new",
        data={"name": "X", "kind": "region", "country": "SE", "csrf_token": token},
    )
    assert response.status_code == 403
    assert visitor(flask_app).get("/admin").status_code == 302  # not signed in: sign in first
    admin = an_admin(service, team, flask_app)
    assert admin.get("/admin").status_code == 200
    assert "Administration" in text(admin.get("/"))


def test_organisations_are_registered_renamed_and_get_units(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    admin = an_admin(service, team, flask_app)
    head = service.recorder.max_notification_id()
    bad = {
        "empty": ({}, {"name", "kind", "country"}),
        "kind": ({"name": "Region Norr", "kind": "planet", "country": "SE"}, {"kind"}),
        "country": ({"name": "Region Norr", "kind": "region", "country": "Sverige"}, {"country"}),
    }
    for case, (data, fields) in bad.items():
        response = admin.submit("/admin/organisations/new", data)
        assert response.status_code == 422, case
        assert fields <= errors_of(response.get_data(as_text=True)), (case, text(response))
    assert service.recorder.max_notification_id() == head
    made = admin.submit(
        "/admin/organisations/new", {"name": "Region Norr", "kind": "region", "country": "se"}
    )
    assert made.status_code == 302, text(made)
    page = admin.get(made.headers["Location"])
    assert "Region Norr" in text(page) and "SE" in text(page)
    org_path = made.headers["Location"]
    assert "Region Norr" in text(admin.get("/admin/organisations"))

    rename = admin.get(org_path).get_data(as_text=True)
    rename_path = re.search(r'href="([^"]*/rename\?version=\d+)"', rename)
    assert rename_path
    path = rename_path.group(1)
    same = admin.submit(path, {"name": "Region Norr"})
    assert same.status_code in (409, 422) and 'class="error-summary"' in same.get_data(as_text=True)
    assert "name" in errors_of(admin.submit(path, {"name": ""}).get_data(as_text=True))
    assert admin.submit(path, {"name": "Region Nord"}).status_code == 302
    stale = admin.submit(path, {"name": "Region Nordligast"})
    assert stale.status_code == 412

    unit_path = org_path + "/units/new"
    assert {"name", "unit_type"} <= errors_of(
        admin.submit(unit_path, {"unit_type": "castle"}).get_data(as_text=True)
    )
    assert (
        admin.submit(
            unit_path, {"name": "Vårdcentral Ost", "unit_type": "health_centre"}
        ).status_code
        == 302
    )
    shown = text(admin.get(org_path))
    assert "Region Nord" in shown and "Vårdcentral Ost" in shown and "Health centre" in shown
    twice = admin.submit(unit_path, {"name": "Vårdcentral Ost", "unit_type": "clinic"})
    assert twice.status_code in (409, 422) and "error-summary" in twice.get_data(as_text=True)
    organisation_id = org_path.rsplit("/", 1)[1]
    assert admin.get("/admin/organisations/00000000-0000-0000-0000-000000000001").status_code == 404
    from uuid import UUID

    assert service.get(Organisation, UUID(organisation_id)).name == "Region Nord"


def test_users_are_created_and_change_role(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    admin = an_admin(service, team, flask_app)
    good = {
        "name": "Cilla",
        "email": "cilla@region.example",
        "organisation_id": str(team.region_id),
        "role": "member",
        "password": "a long enough secret",
    }
    cases = {
        "empty": ({}, {"name", "email", "organisation_id", "role"}),
        "email": ({**good, "email": "not an address"}, {"email"}),
        "organisation": ({**good, "organisation_id": "nope"}, {"organisation_id"}),
        "role": ({**good, "role": "king"}, {"role"}),
        "password": ({**good, "password": "short"}, {"password"}),
        "taken": ({**good, "email": "anna@region.example"}, set()),
    }
    for case, (data, fields) in cases.items():
        response = admin.submit("/admin/users/new", data)
        assert response.status_code in (409, 422), (case, response.status_code)
        html = response.get_data(as_text=True)
        assert fields <= errors_of(html), (case, text(response))
        assert "a long enough secret" not in html  # a password is never shown back
    assert admin.submit("/admin/users/new", good).status_code == 302
    listing = text(admin.get("/admin/users"))
    assert "Cilla" in listing and "cilla@region.example" in listing
    cilla = service.find_user("cilla@region.example")
    assert cilla is not None and cilla.role == "member"
    cilla_visits = visitor(flask_app)
    assert cilla_visits.sign_in("cilla@region.example", "a long enough secret").status_code == 302

    role_path = f"/admin/users/{cilla.id}/role"
    assert "role" in errors_of(admin.submit(role_path, {"role": "king"}).get_data(as_text=True))
    assert admin.submit(role_path, {"role": "auditor"}).status_code == 302
    cilla_now = service.find_user("cilla@region.example")
    assert cilla_now is not None and cilla_now.role == "auditor"
    assert admin.get("/admin/users/00000000-0000-0000-0000-000000000001/role").status_code == 404


def test_a_role_change_ends_the_users_sessions_and_the_last_admin_stays(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    admin = an_admin(service, team, flask_app)
    bo = signed_in(flask_app, "bo@company.example")
    assert (
        admin.submit(f"/admin/users/{team.company.user_id}/role", {"role": "auditor"}).status_code
        == 302
    )
    assert bo.get("/").status_code == 302  # signed out by the change: signs in anew
    root = service.find_user("root@ops.example")
    assert root is not None
    own = f"/admin/users/{root.id}/role"
    refused = admin.submit(own, {"role": "member"})
    assert refused.status_code == 409
    assert "This is the last administrator. Make another user an administrator first." in text(
        refused
    )
    assert (
        admin.submit(f"/admin/users/{team.region.user_id}/role", {"role": "admin"}).status_code
        == 302
    )
    assert admin.submit(own, {"role": "member"}).status_code == 302  # another admin is left
    assert admin.get("/").status_code == 200  # the session that made the change goes on


def test_tokens_are_shown_once_listed_and_revoked(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    person = signed_in(flask_app, "bo@company.example")
    empty = person.submit("/account", {"label": ""})
    assert empty.status_code == 422 and "label" in errors_of(empty.get_data(as_text=True))
    made = person.submit("/account", {"label": "Vårt journalsystem"})
    assert made.status_code == 201
    token = re.search(r'id="new-token"[^>]*value="([^"]+)"', made.get_data(as_text=True))
    assert token
    bo = service.find_user("bo@company.example")
    assert bo is not None
    me = f"/api/v1/users/{bo.id}"
    response = flask_app.test_client().get(
        me, headers={"Authorization": f"Bearer {token.group(1)}"}
    )
    assert response.status_code == 200
    again = person.get("/account").get_data(as_text=True)
    assert "Vårt journalsystem" in again and token.group(1) not in again  # shown once
    token_id = re.search(r'name="token_id" value="([^"]+)"', again)
    assert token_id
    bogus = person.submit("/account/tokens/revoke", {"token_id": "nope"}, form_page="/account")
    assert bogus.status_code == 404 and "There is no such active token." in text(bogus)
    revoked = person.submit(
        "/account/tokens/revoke", {"token_id": token_id.group(1)}, form_page="/account"
    )
    assert revoked.status_code == 302
    assert (
        flask_app.test_client()
        .get(me, headers={"Authorization": f"Bearer {token.group(1)}"})
        .status_code
        == 401
    )

    # someone else's token cannot be revoked from one's own account
    admin = an_admin(service, team, flask_app)
    anna = service.find_user("anna@region.example")
    assert anna is not None
    path = f"/admin/users/{anna.id}/tokens"
    assert admin.submit(path, {"label": "Rapporter"}).status_code == 201
    theirs = re.search(r'name="token_id" value="([^"]+)"', admin.get(path).get_data(as_text=True))
    assert theirs
    denied = person.submit("/account/tokens/revoke", {"token_id": theirs.group(1)}, "/account")
    assert denied.status_code == 404
    assert "Rapporter" in text(admin.get(path))
    ok = admin.submit(f"/admin/users/{anna.id}/tokens/revoke", {"token_id": theirs.group(1)}, path)
    assert ok.status_code == 302
    assert signed_in(flask_app, "anna@region.example").get(path).status_code == 403


def test_the_plugins_page_lists_plugins_hooks_and_projections(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    admin = an_admin(service, team, flask_app)
    page = text(admin.get("/admin/plugins"))
    listing = flask_app.test_client().get("/-/plugins").get_json()
    for plugin in listing["plugins"]:
        assert plugin["name"] in page
    for projection in listing["projections"]:
        assert projection["name"] in page
    assert "register_projections" in page


def test_the_plugins_page_shows_failures_recorded_by_another_process(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    admin = an_admin(service, team, flask_app)
    elsewhere = Plugins()  # another worker's plugin manager, on the same store
    elsewhere.record_failures_in(service.sql)
    elsewhere.fail("exporter-plugin", "register_exporters", ValueError("bad sheet"))
    page = text(admin.get("/admin/plugins"))
    assert "exporter-plugin" in page and "register_exporters" in page
    assert "ValueError: bad sheet" in page and "last seen" in page


def test_the_administration_speaks_swedish_and_norwegian(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    an_admin(service, team, flask_app)
    assert "Organisationer" in text(signed_in(flask_app, "root@ops.example", "sv").get("/admin"))
    assert "Organisasjoner" in text(signed_in(flask_app, "root@ops.example", "nb").get("/admin"))
