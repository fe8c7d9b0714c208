"""The partnership page's body is kept rendered until the read models move on: a write shows
at once, each viewer sees what their access allows, erased texts never show again."""

from __future__ import annotations

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.partnership import Partnership
from samverkan.domain.redaction import Redaction
from samverkan.readmodels.current_state import load_current
from samverkan.web.plugins import projections_of
from samverkan.web.ui.fragments import Fragments
from tests.ui.conftest import Team
from tests.ui.pages import CSRF, text, visitor
from tests.ui.test_partnership_pages import propose

PURPOSE = "Vinna-vinna-vinna för regionen, företagen och invånarna"


def test_a_write_through_a_form_shows_on_the_page_kept_before_it(
    flask_app: Flask, team: Team
) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    path = f"/partnerships/{team.partnership_id}"
    assert "No phase has been entered yet." in text(person.get(path))
    assert "No phase has been entered yet." in text(person.get(path))  # kept
    response = person.submit(
        f"{path}/phases/new", {"phase": "understand", "rationale": "Vi börjar med behoven"}
    )
    assert response.status_code == 302, text(response)
    page = text(person.get(path))
    assert "Understand (current phase)" in page
    assert "Vi börjar med behoven" in page


def test_a_write_the_projections_apply_later_shows_once_they_have(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    path = f"/partnerships/{team.partnership_id}"
    assert "Decision register" not in text(person.get(path))  # no decisions: no panel
    propose(service, team)  # recorded by another process, say
    assert "Decision register" not in text(person.get(path))  # the read models are behind
    projections_of(flask_app).catch_up()
    assert "Proposed: 1" in text(person.get(path))


def test_each_viewer_sees_what_their_access_allows(flask_app: Flask, team: Team) -> None:
    coordinator = visitor(flask_app)
    coordinator.sign_in("anna@region.example")
    member = visitor(flask_app)
    member.sign_in("bo@company.example")
    path = f"/partnerships/{team.partnership_id}"
    assert "Add a member" in text(coordinator.get(path))
    assert "Add a member" not in text(member.get(path))
    assert "Add a member" in text(coordinator.get(path))


def test_the_page_is_kept_in_each_language(flask_app: Flask, team: Team) -> None:
    english = visitor(flask_app)
    english.sign_in("anna@region.example")
    swedish = visitor(flask_app, language="sv")
    swedish.sign_in("anna@region.example")
    path = f"/partnerships/{team.partnership_id}"
    assert "Members and their roles over time" in text(english.get(path))
    assert "Medlemmar" in text(swedish.get(path))
    assert "Members and their roles over time" in text(english.get(path))


def test_an_erased_purpose_is_not_shown_from_a_kept_page(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    path = f"/partnerships/{team.partnership_id}"
    assert PURPOSE in text(person.get(path))
    partnership = load_current(service.sql, Partnership, team.partnership_id)
    assert partnership is not None
    service.redact_text(team.region, partnership.purpose.id, "Personuppgifter")
    projections_of(flask_app).catch_up()
    page = text(person.get(path))
    assert PURPOSE not in page
    assert "This text has been erased." in page


def test_a_text_whose_erasure_is_recorded_is_not_shown_before_it_is_gone(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    """The redaction is recorded first and the text erased just after: a page rendered in
    between must not keep the text."""
    partnership = load_current(service.sql, Partnership, team.partnership_id)
    assert partnership is not None
    text_id = partnership.purpose.id
    sha256 = service.texts.hash_of(text_id)
    assert sha256 is not None
    service.save(Redaction.record(team.region, text_id, sha256, "Personuppgifter"))
    projections_of(flask_app).catch_up()
    assert service.texts.get(text_id) == PURPOSE  # not erased yet
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    page = text(person.get(f"/partnerships/{team.partnership_id}"))
    assert PURPOSE not in page
    assert "This text has been erased." in page


def test_the_form_token_stays_the_same_and_works(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    path = f"/partnerships/{team.partnership_id}"
    first = CSRF.search(person.get(path).get_data(as_text=True))
    again = CSRF.search(person.get(path).get_data(as_text=True))
    assert first is not None and again is not None
    assert first.group(1) == again.group(1)
    response = person.client.post(
        f"{path}/phases/new",
        data={"phase": "understand", "rationale": "Med samma formulär", "csrf_token": first[1]},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 302, text(response)


def test_the_cache_keeps_the_latest_used_and_tells_versions_apart() -> None:
    cache = Fragments(capacity=2)
    made: list[str] = []

    def make(value: str) -> str:
        made.append(value)
        return value

    assert cache.remembered("a", lambda: make("a1"), version=1) == "a1"
    assert cache.remembered("a", lambda: make("a2"), version=1) == "a1"
    assert cache.remembered("a", lambda: make("a3"), version=2) == "a3"
    assert cache.remembered("b", lambda: make("b1"), version=2) == "b1"
    assert len(cache) == 2  # ("a", 1) went first
    assert cache.remembered("a", lambda: make("a4"), version=1) == "a4"
    assert made == ["a1", "a3", "b1", "a4"]
