"""Agreements: the list with shares and risks (the ledger plugin's page linked), and the
forms that make an agreement and record commitments, contributions, costs, benefits, risks."""

from __future__ import annotations

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.agreement import Agreement
from tests.ui.conftest import Team
from tests.ui.pages import text
from tests.ui.work_setup import auditor, catch_up, field_error, form_error, signed_in, stranger


def base(team: Team) -> str:
    return f"/partnerships/{team.partnership_id}/agreements"


def agree(service: Samverkan, team: Team) -> Agreement:
    return service.make_agreement(
        team.region,
        team.partnership_id,
        "Riskdelning",
        "SEK",
        {str(team.region_id): "60", str(team.company_id): "40"},
    )


def test_making_an_agreement_with_shares_per_member_by_form(flask_app: Flask, team: Team) -> None:
    person = signed_in(flask_app, "anna@region.example")
    made = person.submit(
        f"{base(team)}/new",
        {
            "title": "Risk och vinst",
            "currency": "sek",
            f"share_{team.region_id}": "70",
            f"share_{team.company_id}": "30",
        },
    )
    assert made.status_code == 302, form_error(made)
    response = person.get(base(team))
    page = text(response)
    assert "Risk och vinst (SEK)" in page
    assert "Region Västerbotten 70 %" in page and "Hälsoteknik AB 30 %" in page
    html = response.get_data(as_text=True)
    assert f'href="/partnerships/{team.partnership_id}/ledger"' in html
    assert 'href="/partnerships/' in html and "Agreements" in page  # the nav links here


def test_shares_that_do_not_add_up_and_other_bad_input_show_beside_the_fields(
    flask_app: Flask, team: Team
) -> None:
    person = signed_in(flask_app, "anna@region.example")
    new = f"{base(team)}/new"
    share = f"share_{team.region_id}"
    first = f"share_{team.company_id}"  # the first share field: members by name
    cases: list[tuple[dict[str, str], str, str]] = [
        ({"currency": "SEK", share: "50"}, "title", "This field is required"),
        ({"title": "x", "currency": "SEK", share: "50"}, first, "add up to 100"),
        ({"title": "x", "currency": "SEK"}, first, "add up to 100"),
        ({"title": "x", "currency": "SEK", share: "-10"}, first, "above 0"),
        ({"title": "x", "currency": "SEK", share: "hundra"}, share, "Enter an amount"),
        ({"title": "x", "currency": "kronor", share: "100"}, "currency", "Three letters"),
    ]
    for data, field, message in cases:
        response = person.submit(new, data)
        assert response.status_code == 422, data
        assert message in (field_error(response, field) or ""), (data, field)
    assert "No agreements are made yet." in text(person.get(base(team)))


def test_commitments_contributions_costs_benefits_and_risks_by_forms(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    agreement = agree(service, team)
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    page = f"{base(team)}/{agreement.id}"
    company = str(team.company_id)
    for path, data in (
        (
            "commitments/new",
            {"organisation_id": company, "kind": "money", "amount": "100000", "unit": "SEK"},
        ),
        (
            "contributions/new",
            {"organisation_id": company, "kind": "staff_hours", "amount": "40", "unit": "h"},
        ),
        ("costs/new", {"amount": "2500", "description": "Licenser"}),
        (
            "benefits/new",
            {"beneficiary": "residents", "amount": "9000", "description": "Färre resor"},
        ),
        (
            "risks/new",
            {
                "description": "Leverantören går i konkurs",
                "owner_id": company,
                "likelihood": "2",
                "impact": "5",
            },
        ),
    ):
        response = person.submit(f"{page}/{path}", data)
        assert response.status_code == 302, (path, form_error(response))
    shown = text(person.get(base(team)))
    assert "Hälsoteknik AB 40 % 1 1" in shown
    assert "Costs recorded: 1. Benefits recorded: 1." in shown
    assert (
        "Leverantören går i konkurs — Owner: Hälsoteknik AB; likelihood 2, impact 5; Open" in shown
    )
    html = person.get(base(team)).get_data(as_text=True)
    risk_link = html.split(f"{page}/risks/")[1].split('"')[0]
    status = f"{page}/risks/{risk_link}"
    same = person.submit(status, {"status": "open"})
    assert "already has this status" in (field_error(same, "status") or "")
    assert person.submit(status, {"status": "closed", "note": "Avtal klart"}).status_code == 302
    closed = person.submit(status, {"status": "open"})
    assert "is closed" in (field_error(closed, "status") or "")
    assert "impact 5; Closed" in text(person.get(base(team)))


def test_bad_input_on_an_agreement_s_forms(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    agreement = agree(service, team)
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    page = f"{base(team)}/{agreement.id}"
    missing = person.submit(f"{page}/commitments/new", {"organisation_id": "x", "kind": "gold"})
    assert missing.status_code == 422
    assert "Choose among the listed options" in (field_error(missing, "organisation_id") or "")
    assert "Choose among the listed options" in (field_error(missing, "kind") or "")
    assert field_error(missing, "amount") == "Error: This field is required."
    negative = person.submit(f"{page}/costs/new", {"amount": "-5", "description": "x"})
    assert "above 0" in (field_error(negative, "amount") or "")
    scale = person.submit(
        f"{page}/risks/new",
        {"description": "x", "owner_id": str(team.company_id), "likelihood": "9", "impact": "1"},
    )
    assert "Choose among the listed options" in (field_error(scale, "likelihood") or "")
    beneficiary = person.submit(f"{page}/benefits/new", {"beneficiary": "me", "amount": "1"})
    assert "Choose among the listed options" in (field_error(beneficiary, "beneficiary") or "")
    assert (
        person.get(f"{page}/risks/00000000-0000-0000-0000-000000000001/status").status_code == 404
    )
    shown = text(person.get(base(team)))
    assert (
        "Costs recorded: 0. Benefits recorded: 0." in shown and "No risks are registered." in shown
    )


def test_roles_and_a_foreign_organisation(flask_app: Flask, service: Samverkan, team: Team) -> None:
    agreement = agree(service, team)
    catch_up(flask_app)
    page = f"{base(team)}/{agreement.id}"
    reader = auditor(flask_app, service, team)
    shown = text(reader.get(base(team)))
    assert (
        "Riskdelning" in shown and "Record a cost" not in shown and "Make an agreement" not in shown
    )
    for path in (f"{base(team)}/new", f"{page}/costs/new", f"{page}/risks/new"):
        assert reader.get(path).status_code == 403
    outsider = stranger(flask_app, service)
    for path in (base(team), f"{base(team)}/new", f"{page}/costs/new"):
        assert outsider.get(path).status_code == 404
