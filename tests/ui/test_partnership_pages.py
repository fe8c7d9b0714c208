"""My partnerships, the partnership page (now and as of a past time) and its forms."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from tests.ui.conftest import Team
from tests.ui.pages import text, visitor


def propose(service: Samverkan, team: Team) -> Decision:
    return service.propose_decision(
        team.region,
        partnership_id=team.partnership_id,
        title="Öppna en tredje innovationsklinik",
        context="Två kliniker är igång",
        options=["Vänta ett år", "Öppna nu"],
        proposal="Öppna hälsocentralen",
        rationale="Erfarenheterna från tandvården",
        signatory_ids=[team.region_id, team.company_id],
        evidence=[],
    )


def test_my_partnerships_shows_what_waits_for_my_organisation(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    propose(service, team)
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    person.submit("/partnerships/new", {}, form_page="/")  # a write: read models catch up
    page = text(person.get("/"))
    assert "Innovation i samverkan" in page
    assert "Innovation partnership" in page
    assert "Sign-off Öppna en tredje innovationsklinik" in page


def test_an_organisation_outside_the_partnership_cannot_see_it(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    from tests.api.callers import OPERATOR
    from tests.ui.pages import user_with_password

    other = service.register_organisation(OPERATOR, "Annan region", "region", "SE").id
    user_with_password(service, other, "coordinator", "eve@other.example")
    person = visitor(flask_app)
    person.sign_in("eve@other.example")
    assert "Innovation i samverkan" not in text(person.get("/"))
    assert person.get(f"/partnerships/{team.partnership_id}").status_code == 404
    assert person.get(f"/partnerships/{team.partnership_id}/audit").status_code == 404


def test_the_coordinator_enters_a_phase_and_the_page_shows_it_with_its_rationale(
    flask_app: Flask, team: Team
) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    path = f"/partnerships/{team.partnership_id}"
    before = datetime.now(UTC)
    response = person.submit(
        f"{path}/phases/new", {"phase": "understand", "rationale": "Vi börjar med behoven"}
    )
    assert response.status_code == 302, text(response)
    page = text(person.get(path))
    assert "Understand (current phase)" in page
    assert "Vi börjar med behoven" in page
    past = before.isoformat()
    then = person.get(path, query_string={"as_of": past})
    assert "You are looking at the past." in text(then)
    assert "No phase has been entered yet." in text(then)


def test_forms_show_errors_beside_the_fields_and_record_nothing(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    base = f"/partnerships/{team.partnership_id}"
    head = service.recorder.max_notification_id()
    cases = {
        "/phases/new": ({"phase": "nonsense", "rationale": ""}, ["phase-error", "rationale-error"]),
        "/funding/new": (
            {
                "funder_id": str(team.company_id),
                "amount": "lots",
                "currency": "SEK",
                "reference": "x",
            },
            ["amount-error"],
        ),
        "/meetings/new": (
            {"kind": "workshop", "held_on": "31/12/2020", "place": "Umeå"},
            ["held_on-error", "attending_organisation_ids-error"],
        ),
        "/challenges/new": (
            {"title": "T", "description": "D", "level": "micro"},
            ["needs_of-error"],
        ),
        "/members/new": (
            {"organisation_id": str(team.company_id), "role": "partner"},
            ["organisation_id-error"],
        ),
        "/status/new": ({"status": "planned", "reason": "Ingen ändring"}, []),
    }
    for path, (data, fields) in cases.items():
        response = person.submit(base + path, data)
        assert response.status_code in (409, 422), (path, response.status_code)
        html = response.get_data(as_text=True)
        for field in fields:
            assert f'id="{field}"' in html, (path, field)
        assert 'class="error-summary"' in html
    # a domain rule (the status is already planned) shows as a form-level message
    assert "This is not possible right now" in text(
        person.submit(base + "/status/new", {"status": "planned", "reason": "x"})
    )
    assert service.recorder.max_notification_id() == head


def test_the_coordinator_records_what_the_partnership_does(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    base = f"/partnerships/{team.partnership_id}"
    steps = {
        "/challenges/new": {
            "title": "Långa väntetider",
            "description": "Köerna växer",
            "level": "meso",
            "needs_of": ["patients", "staff"],
        },
        "/meetings/new": {
            "kind": "workshop",
            "held_on": "2020-03-01",
            "place": "Umeå",
            "attending_organisation_ids": [str(team.region_id)],
        },
        "/funding/new": {
            "funder_id": str(team.company_id),
            "amount": "125000,50",
            "currency": "sek",
            "reference": "Vinnova 2020-1",
        },
        "/status/new": {"status": "active", "reason": "Vi är igång"},
    }
    for path, data in steps.items():
        response = person.submit(base + path, data)
        assert response.status_code == 302, (path, text(response))
    page = text(person.get(base))
    assert "Långa väntetider" in page
    assert "Workshop, Umeå" in page
    assert "Hälsoteknik AB" in page and "125,000.50" in page
    assert "Active" in page


def test_a_member_may_not_manage_the_partnership(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    base = f"/partnerships/{team.partnership_id}"
    assert "Enter a phase" not in text(person.get(base))
    assert person.get(base + "/phases/new").status_code == 403


def test_start_a_partnership(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    response = person.submit(
        "/partnerships/new",
        {
            "title": "Nytt nätverk",
            "kind": "learning_network",
            "purpose": "Lära av varandra",
            "goals": "Ett\nTvå",
            "coordinator_id": str(team.region_id),
            "starts_on": "2024-01-01",
        },
    )
    assert response.status_code == 302, text(response)
    page = text(person.get(response.headers["Location"]))
    assert "Nytt nätverk" in page and "Lära av varandra" in page and "Två" in page
    bad = person.submit("/partnerships/new", {"title": "", "kind": "x", "starts_on": "igår"})
    assert bad.status_code == 422
    assert 'id="starts_on-error"' in bad.get_data(as_text=True)
