"""The decision register, the decision page and its forms, on both stores."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from tests.api.callers import OPERATOR
from tests.ui.conftest import Team
from tests.ui.pages import Visitor, text, user_with_password, visitor

TITLE = "Öppna en tredje innovationsklinik"


def propose(service: Samverkan, team: Team, title: str = TITLE) -> Decision:
    return service.propose_decision(
        team.region,
        partnership_id=team.partnership_id,
        title=title,
        context="Två kliniker är igång",
        options=["Vänta ett år", "Öppna nu"],
        proposal="Öppna hälsocentralen",
        rationale="Erfarenheterna från tandvården",
        signatory_ids=[team.region_id, team.company_id],
        evidence=[],
    )


def signed_in(flask_app: Flask, email: str, language: str = "en") -> Visitor:
    person = visitor(flask_app, language)
    assert person.sign_in(email).status_code == 302
    return person


def decision_path(team: Team, decision: Decision) -> str:
    return f"/partnerships/{team.partnership_id}/decisions/{decision.id}"


def test_both_organisations_sign_off_on_the_page_and_it_is_adopted(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    path = decision_path(team, decision)
    company = signed_in(flask_app, "bo@company.example")
    page = company.get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'name="stance" value="approve"' in html
    assert all(
        word in text(page) for word in ("Två kliniker är igång", "Öppna nu", "Not signed yet")
    )
    response = company.submit(
        path + "/sign-off", {"stance": "approve", "comment": "Vi står bakom"}, form_page=path
    )
    assert response.status_code == 302, text(response)
    shown = text(company.get(path))
    assert "Vi står bakom" in shown and "Approve" in shown
    assert "Your organisation's position now: Approve." in shown
    region = signed_in(flask_app, "anna@region.example")
    region.submit(path + "/sign-off", {"stance": "approve"}, form_page=path)
    after = region.get(path)
    assert "Adopted" in text(after)
    assert 'name="stance"' not in after.get_data(as_text=True)  # closed: no buttons
    assert service.get(Decision, decision.id).status == "adopted"
    assert "Decision adopted" in text(after)  # the history
    closed = company.submit(path + "/sign-off", {"stance": "object"}, form_page=path)
    assert closed.status_code == 409 and "This is not possible right now" in text(closed)


def test_the_register_filters_by_status(flask_app: Flask, service: Samverkan, team: Team) -> None:
    propose(service, team, "Första beslutet")
    second = propose(service, team, "Andra beslutet")
    service.withdraw_decision(team.region, second.id, "Inte längre aktuellt")
    person = signed_in(flask_app, "bo@company.example")
    person.submit("/partnerships/new", {}, form_page="/")  # a write: read models catch up
    base = f"/partnerships/{team.partnership_id}/decisions"
    everything = text(person.get(base))
    assert "Första beslutet" in everything and "Andra beslutet" in everything
    assert "Awaits your sign-off" in everything
    withdrawn = text(person.get(base, query_string={"status": "withdrawn"}))
    assert "Andra beslutet" in withdrawn and "Första beslutet" not in withdrawn
    wrong = person.get(base, query_string={"status": "nonsense"})
    assert wrong.status_code == 422 and 'id="status-error"' in wrong.get_data(as_text=True)


def test_proposing_on_the_page_and_each_kind_of_bad_input(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    person = signed_in(flask_app, "bo@company.example")
    path = f"/partnerships/{team.partnership_id}/decisions/new"
    head = service.recorder.max_notification_id()
    good = {
        "title": TITLE,
        "context": "Två kliniker",
        "options": "Vänta\nÖppna nu\n",
        "proposal": "Öppna",
        "rationale": "Därför",
        "signatory_ids": [str(team.region_id), str(team.company_id)],
    }
    cases = [
        ({}, ["title", "context", "options", "proposal", "rationale", "signatory_ids"]),
        ({**good, "signatory_ids": ["not-a-member"]}, ["signatory_ids"]),
        ({**good, "evidence": ["experiment:00000000-0000-0000-0000-000000000001"]}, ["evidence"]),
        ({**good, "meeting_id": "00000000-0000-0000-0000-000000000001"}, ["meeting_id"]),
        ({**good, "title": "x" * 201}, ["title"]),
    ]
    for data, fields in cases:
        response = person.submit(path, data)
        assert response.status_code == 422, (data, response.status_code)
        html = response.get_data(as_text=True)
        for field in fields:
            assert f'id="{field}-error"' in html, (field, text(response))
    assert service.recorder.max_notification_id() == head
    response = person.submit(path, good)
    assert response.status_code == 302, text(response)
    page = text(person.get(response.headers["Location"]))
    assert TITLE in page and "Proposed by Hälsoteknik AB (Bo)" in page


def test_evidence_links_to_the_partnerships_records(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    first = propose(service, team, "Grundbeslutet")
    person = signed_in(flask_app, "anna@region.example")
    path = f"/partnerships/{team.partnership_id}/decisions/new"
    person.submit("/partnerships/new", {}, form_page="/")
    form = person.get(path).get_data(as_text=True)
    assert f'value="decision:{first.id}"' in form
    response = person.submit(
        path,
        {
            "title": "Bygger på grundbeslutet",
            "context": "K",
            "options": "A",
            "proposal": "P",
            "rationale": "R",
            "signatory_ids": [str(team.region_id)],
            "evidence": [f"decision:{first.id}"],
        },
    )
    assert response.status_code == 302, text(response)
    page = person.get(response.headers["Location"]).get_data(as_text=True)
    assert f"/decisions/{first.id}" in page and "Grundbeslutet" in page


def test_sign_off_errors_show_on_the_page_and_record_nothing(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    path = decision_path(team, decision)
    person = signed_in(flask_app, "bo@company.example")
    head = service.recorder.max_notification_id()
    bad = person.submit(path + "/sign-off", {"stance": "maybe"}, form_page=path)
    assert bad.status_code == 422 and 'id="stance-error"' in bad.get_data(as_text=True)
    stale = person.submit(
        path + "/sign-off", {"stance": "approve", "version": "99"}, form_page=path
    )
    assert stale.status_code == 412
    assert "Someone else changed this decision first" in text(stale)
    too_long = person.submit(
        path + "/sign-off", {"stance": "object", "comment": "x" * 20001}, form_page=path
    )
    assert too_long.status_code == 422, too_long.status_code
    assert 'class="error-summary"' in too_long.get_data(as_text=True)
    assert service.recorder.max_notification_id() == head


def test_who_may_do_what_on_the_decision_page(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    path = decision_path(team, decision)
    user_with_password(service, team.company_id, "auditor", "ulla@company.example")
    auditor = signed_in(flask_app, "ulla@company.example")
    page = auditor.get(path)
    assert page.status_code == 200 and TITLE in text(page)
    html = page.get_data(as_text=True)
    assert 'name="stance"' not in html and "/amend" not in html
    assert auditor.submit(path + "/sign-off", {"stance": "approve"}, path).status_code == 403
    assert auditor.get(path + "/amend").status_code == 403
    assert auditor.get(f"/partnerships/{team.partnership_id}/decisions/new").status_code == 403

    other = service.register_organisation(OPERATOR, "Annan region", "region", "SE").id
    user_with_password(service, other, "coordinator", "eve@other.example")
    outsider = signed_in(flask_app, "eve@other.example")
    base = f"/partnerships/{team.partnership_id}/decisions"
    for url in (base, path, base + "/new", path + "/amend", path + "/withdraw"):
        assert outsider.get(url).status_code == 404, url
    token = outsider.csrf_token("/")
    response = outsider.client.post(
        path + "/sign-off", data={"stance": "approve", "csrf_token": token}
    )
    assert response.status_code == 404

    # a decision of another partnership is not found under this one's address
    theirs = service.start_partnership(
        team.region, "Annat", "testbed", "Syfte", [], team.region_id, "2020-01-01", None
    )
    foreign = service.propose_decision(
        team.region, theirs.id, "Annat beslut", "K", ["A"], "P", "R", [team.region_id], []
    )
    region = signed_in(flask_app, "anna@region.example")
    assert region.get(f"{base}/{foreign.id}").status_code == 404


def test_amend_withdraw_and_supersede_forms(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    path = decision_path(team, decision)
    service.sign_off(team.company, decision.id, "approve")
    person = signed_in(flask_app, "anna@region.example")
    amend = f"{path}/amend?version={decision.version + 1}"
    form = person.get(amend).get_data(as_text=True)
    assert "Två kliniker är igång" in form  # the current texts, ready to edit
    same = {
        "title": TITLE,
        "context": "Två kliniker är igång",
        "options": "Vänta ett år\nÖppna nu",
        "proposal": "Öppna hälsocentralen",
        "rationale": "Erfarenheterna från tandvården",
        "signatory_ids": [str(team.region_id), str(team.company_id)],
        "reason": "Ingen ändring",
    }
    unchanged = person.submit(amend, same)
    assert unchanged.status_code == 422 and "Change at least one field" in text(unchanged)
    no_reason = person.submit(amend, {**same, "title": "Nytt", "reason": ""})
    assert 'id="reason-error"' in no_reason.get_data(as_text=True)
    stale = person.submit(f"{path}/amend?version=1", {**same, "title": "Ny titel"})
    assert stale.status_code == 412
    done = person.submit(amend, {**same, "title": "Ny titel"})
    assert done.status_code == 302, text(done)
    amended = service.get(Decision, decision.id)
    assert amended.title == "Ny titel" and amended.stances == {}

    withdraw = f"{path}/withdraw?version={amended.version}"
    assert 'id="reason-error"' in person.submit(withdraw, {"reason": ""}).get_data(as_text=True)
    assert person.submit(withdraw, {"reason": "Fel väg"}).status_code == 302
    assert service.get(Decision, decision.id).status == "withdrawn"
    page = person.get(path)
    assert "Withdrawn" in text(page) and "/withdraw" not in page.get_data(as_text=True)
    again = person.submit(withdraw.split("?")[0], {"reason": "igen"})
    assert again.status_code == 409 and "This is not possible right now" in text(again)

    old, new = propose(service, team, "Gammalt"), propose(service, team, "Nytt")
    for record in (old, new):
        service.sign_off(team.company, record.id, "approve")
        service.sign_off(team.region, record.id, "approve")
    person.submit("/partnerships/new", {}, form_page="/")
    supersede = f"{decision_path(team, old)}/supersede"
    assert 'id="by_decision_id-error"' in person.submit(
        supersede, {"by_decision_id": str(decision.id)}
    ).get_data(as_text=True)
    assert person.submit(supersede, {"by_decision_id": str(new.id)}).status_code == 302
    shown = text(person.get(decision_path(team, old)))
    assert "Superseded by Nytt" in shown


def test_the_decision_as_it_was_before_the_sign_offs(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    before = datetime.now(UTC)
    service.sign_off(team.company, decision.id, "object", "Inte nu")
    path = decision_path(team, decision)
    person = signed_in(flask_app, "anna@region.example")
    person.submit("/partnerships/new", {}, form_page="/")
    now = text(person.get(path))
    assert "Inte nu" in now and "Object" in now
    then = person.get(path, query_string={"as_of": before.isoformat()})
    shown = text(then)
    assert "You are looking at the past." in shown
    assert "Inte nu" not in shown and "Not signed yet" in shown
    assert 'name="stance"' not in then.get_data(as_text=True)
    register = text(
        person.get(
            f"/partnerships/{team.partnership_id}/decisions",
            query_string={"as_of": before.isoformat(), "status": "proposed"},
        )
    )
    assert TITLE in register


def test_the_pages_speak_swedish_and_norwegian(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    decision = propose(service, team)
    path = decision_path(team, decision)
    assert "Signerande organisationer" in text(
        signed_in(flask_app, "bo@company.example", "sv").get(path)
    )
    assert "Signerende organisasjoner" in text(
        signed_in(flask_app, "bo@company.example", "nb").get(path)
    )
