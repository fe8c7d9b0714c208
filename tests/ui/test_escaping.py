"""Every value a page shows is escaped, form labels and options included.

An organisation named like an HTML tag is a member and a party to an agreement; every form
and page that lists organisations shows the name as text, never as markup.
"""

from __future__ import annotations

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.web.plugins import projections_of
from tests.api.callers import OPERATOR
from tests.ui.conftest import Team
from tests.ui.pages import user_with_password, visitor

EVIL = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"


def test_an_organisation_named_like_markup_shows_as_text(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    evil = service.register_organisation(OPERATOR, EVIL, "company", "SE").id
    outsider = service.register_organisation(OPERATOR, f"Ute {EVIL}", "company", "SE").id
    service.add_unit(OPERATOR, evil, f"Enhet {EVIL}", "health_centre")
    pid = team.partnership_id
    service.add_member(team.region, pid, evil, "partner")
    shares = {str(team.region_id): 50, str(evil): 50}
    agreement = service.make_agreement(team.region, pid, "Avtal", "SEK", shares).id
    service.make_commitment(team.region, agreement, evil, "money", "100", "SEK", "")
    user_with_password(service, outsider, "admin", "admin@operator.example")
    projections_of(flask_app).catch_up()
    base = f"/partnerships/{pid}"
    coordinator_pages = [
        base,
        f"{base}/agreements",
        f"{base}/agreements/new",
        f"{base}/agreements/{agreement}/contributions/new",
        f"{base}/agreements/{agreement}/risks/new",
        f"{base}/meetings/new",
        f"{base}/decisions/new",
        f"{base}/funding/new",
        f"{base}/experiments/new",
        f"{base}/scale-ups/new",
        f"{base}/members/new",
        f"{base}/audit",
    ]
    admin_pages = ["/admin/organisations", "/admin/users/new", "/partnerships/new"]
    for email, pages in (
        ("anna@region.example", coordinator_pages),
        ("admin@operator.example", admin_pages),
    ):
        person = visitor(flask_app)
        person.sign_in(email)
        for path in pages:
            response = person.get(path)
            html = response.get_data(as_text=True)
            assert response.status_code == 200, (path, response.status)
            assert "<img" not in html, (path, html[html.index("<img") - 200 :][:400])
            assert ESCAPED in html, path
