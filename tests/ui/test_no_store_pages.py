"""A signed-in person's pages carry ``Cache-Control: no-store``; the sign-in page before
signing in does not need it."""

from __future__ import annotations

from flask import Flask

from tests.ui.conftest import Team
from tests.ui.pages import visitor


def test_signed_in_pages_are_not_stored(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    assert "no-store" not in person.get("/sign-in").headers.get("Cache-Control", "")
    person.sign_in("anna@region.example")
    for path in ("/", f"/partnerships/{team.partnership_id}", "/partnerships/unknown-page"):
        response = person.get(path)
        assert response.headers.get("Cache-Control") == "no-store", (path, response.status)
    style = person.get("/ui/static/samverkan.css")
    assert style.status_code == 200
    assert style.headers.get("Cache-Control") != "no-store"
    style.close()
