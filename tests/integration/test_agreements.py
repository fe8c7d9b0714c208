"""Agreements: shares that sum to exactly 100, and what the parties commit, give and risk."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.agreement import Agreement
from samverkan.errors import (
    InvalidInput,
    NotAMember,
    NotAParty,
    NotFound,
    RiskClosed,
    RiskUnknown,
    SharesInvalid,
    StatusUnchanged,
)
from tests.integration.helpers import Team, count, log, register, start_team, types


def agree(
    app: Samverkan, team: Team, region: object = "60", municipality: object = "40"
) -> uuid.UUID:
    shares = {
        str(team.region.organisation_id): region,
        str(team.municipality.organisation_id): municipality,
    }
    return app.make_agreement(team.region, team.partnership_id, "Delad risk", "SEK", shares).id


def test_agreeing_on_shares(app: Samverkan) -> None:
    team = start_team(app)
    agreement_id = agree(app, team, "60", 40)
    agreement = app.get(Agreement, agreement_id)
    assert (agreement.title, agreement.currency, agreement.partnership_id) == (
        "Delad risk",
        "SEK",
        team.partnership_id,
    )
    assert agreement.shares == {
        str(team.region.organisation_id): Decimal(60),
        str(team.municipality.organisation_id): Decimal(40),
    }
    [agreed] = log(app, agreement_id)
    assert (agreed.type, agreed.actor) == ("agreement.agreed", team.region)
    assert agreed.data["shares"][str(team.region.organisation_id)] == "60"


def test_decimal_shares_sum_exactly(app: Samverkan) -> None:
    team = start_team(app)
    company = team.join(app, "Företaget AB", "partner")
    university = team.join(app, "Umeå universitet", "partner", "academia")
    parts = [Decimal("8.1"), Decimal("20.6"), Decimal("43.6"), Decimal("27.7")]
    assert sum(parts) == 100
    members = [team.region, team.municipality, company, university]
    shares = {str(m.organisation_id): part for m, part in zip(members, parts, strict=True)}
    agreement = app.make_agreement(team.region, team.partnership_id, "Fyra parter", "SEK", shares)
    assert app.get(Agreement, agreement.id).shares == shares
    as_text = {key: str(part) for key, part in shares.items()}  # JSON clients send strings
    assert app.make_agreement(team.region, team.partnership_id, "Igen", "SEK", as_text).shares == (
        shares
    )


def test_float_shares_are_rejected(app: Samverkan) -> None:
    """0.1 + 0.2 is not 0.3 in binary: amounts must be decimals, even when floats add up."""
    team = start_team(app)
    with pytest.raises(InvalidInput) as raised:
        agree(app, team, 60.0, 40.0)
    assert "shares" in raised.value.errors
    assert "agreement.agreed" not in types(app)


@pytest.mark.parametrize(
    ("region", "municipality"),
    [("60", "39.9"), ("60", "40.01"), ("100", "0"), ("110", "-10"), ("50", "50.0000001")],
)
def test_shares_are_positive_and_sum_to_exactly_100(
    app: Samverkan, region: str, municipality: str
) -> None:
    team = start_team(app)
    with pytest.raises(SharesInvalid):
        agree(app, team, region, municipality)
    assert "agreement.agreed" not in types(app)


def test_a_party_is_named_once(app: Samverkan) -> None:
    """The same id in two spellings would otherwise merge silently into one share."""
    team = start_team(app)
    region = team.region.organisation_id
    shares = {
        str(region): "60",
        str(region).upper(): "40",
        str(team.municipality.organisation_id): "60",
    }
    with pytest.raises(InvalidInput) as raised:
        app.make_agreement(team.region, team.partnership_id, "Dubbel", "SEK", shares)
    assert "shares" in raised.value.errors
    assert "agreement.agreed" not in types(app)


def test_trailing_zeros_still_sum_to_100(app: Samverkan) -> None:
    team = start_team(app)
    assert app.get(Agreement, agree(app, team, "60.00", "40.0")).shares[
        str(team.region.organisation_id)
    ] == Decimal(60)


def test_parties_are_members(app: Samverkan) -> None:
    team = start_team(app)
    outsider = register(app, "Luleå kommun", "municipality")
    shares = {str(team.region.organisation_id): "50", str(outsider.organisation_id): "50"}
    with pytest.raises(NotAMember):
        app.make_agreement(team.region, team.partnership_id, "Delad risk", "SEK", shares)
    for bad in ({}, ["50", "50"], {"not-an-id": "100"}, {str(team.region.organisation_id): "x"}):
        with pytest.raises(InvalidInput) as raised:
            app.make_agreement(team.region, team.partnership_id, "Delad risk", "SEK", bad)
        assert "shares" in raised.value.errors
    with pytest.raises(InvalidInput) as raised:
        app.make_agreement(
            team.region, team.partnership_id, "Delad risk", "kr",
            {str(team.region.organisation_id): "100"},
        )  # fmt: skip
    assert "currency" in raised.value.errors
    assert "agreement.agreed" not in types(app)


def test_commitments_and_contributions(app: Samverkan) -> None:
    team = start_team(app)
    agreement_id = agree(app, team)
    municipality = team.municipality.organisation_id
    app.make_commitment(team.region, agreement_id, municipality, "money", "200000", "SEK", "Budget")
    app.record_contribution(
        team.municipality, agreement_id, municipality, "staff_hours", 120, "h", ""
    )
    app.record_contribution(
        team.municipality, agreement_id, municipality, "in_kind", "1", "lokal", "Lokaler"
    )
    committed, *contributed = log(app, agreement_id)[1:]
    assert committed.type == "agreement.commitment_made"
    assert (committed.data["kind"], committed.data["amount"], committed.data["unit"]) == (
        "money",
        "200000",
        "SEK",
    )
    assert [e.type for e in contributed] == ["agreement.contribution_recorded"] * 2
    assert contributed[0].actor == team.municipality
    assert contributed[0].data["organisation_id"] == str(municipality)
    assert app.get(Agreement, agreement_id).version == 4


@pytest.mark.parametrize("record", ["make_commitment", "record_contribution"])
def test_resources_come_from_parties_in_known_kinds(app: Samverkan, record: str) -> None:
    team = start_team(app)
    agreement_id = agree(app, team)
    funder = team.join(app, "Vinnova", "funder", "agency")
    command = getattr(app, record)
    region = team.region.organisation_id
    with pytest.raises(NotAParty):
        command(team.region, agreement_id, funder.organisation_id, "money", "10", "SEK", "")
    for kind, amount, unit, field in [
        ("time", "10", "h", "kind"),
        ("money", 10.5, "SEK", "amount"),
        ("money", "-5", "SEK", "amount"),
        ("money", "10", "", "unit"),
    ]:
        with pytest.raises(InvalidInput) as raised:
            command(team.region, agreement_id, region, kind, amount, unit, "")
        assert field in raised.value.errors
    assert types(app, agreement_id) == ["agreement.agreed"]


def test_costs_and_benefits(app: Samverkan) -> None:
    team = start_team(app)
    agreement_id = agree(app, team)
    app.incur_cost(team.region, agreement_id, "25000.50", "Licenser")
    app.realise_benefit(team.region, agreement_id, "residents", 5000, "Kortare väntan")
    cost, benefit = log(app, agreement_id)[1:]
    assert (cost.type, cost.data["amount"]) == ("agreement.cost_incurred", "25000.50")
    assert (benefit.type, benefit.data["beneficiary"], benefit.data["amount"]) == (
        "agreement.benefit_realised",
        "residents",
        "5000",
    )
    with pytest.raises(InvalidInput) as raised:
        app.incur_cost(team.region, agreement_id, 100.0, "Flyttal")
    assert "amount" in raised.value.errors
    with pytest.raises(InvalidInput) as raised:
        app.realise_benefit(team.region, agreement_id, "shareholders", 1, "Vinst")
    assert "beneficiary" in raised.value.errors
    with pytest.raises(InvalidInput) as raised:
        app.incur_cost(team.region, agreement_id, "10", "")
    assert "description" in raised.value.errors
    assert app.get(Agreement, agreement_id).version == 3


def test_a_risk_is_registered_and_changes_status(app: Samverkan) -> None:
    team = start_team(app)
    agreement_id = agree(app, team)
    owner = team.municipality.organisation_id
    registered, risk_id = app.register_risk(
        team.region, agreement_id, "Leverantören går i konkurs", owner, 2, 5
    )
    assert registered.risks[str(risk_id)] == {"status": "open", "owner_id": owner}
    entry = log(app, agreement_id)[-1]
    assert entry.type == "agreement.risk_registered"
    assert (entry.data["likelihood"], entry.data["impact"]) == (2, 5)
    for status in ("mitigated", "materialised", "closed"):
        changed = app.change_risk_status(team.region, agreement_id, risk_id, status, "")
        assert changed.risks[str(risk_id)]["status"] == status
    assert types(app, agreement_id)[-3:] == ["agreement.risk_status_changed"] * 3
    assert app.get(Agreement, agreement_id).risks[str(risk_id)]["status"] == "closed"


def test_risk_rules(app: Samverkan) -> None:
    team = start_team(app)
    agreement_id = agree(app, team)
    region = team.region.organisation_id
    funder = team.join(app, "Vinnova", "funder", "agency")
    _, risk_id = app.register_risk(team.region, agreement_id, "Förseningar", region, 3, 3)
    before = count(app)
    with pytest.raises(RiskUnknown):
        app.change_risk_status(team.region, agreement_id, uuid.uuid4(), "closed", "")
    with pytest.raises(StatusUnchanged):
        app.change_risk_status(team.region, agreement_id, risk_id, "open", "")
    with pytest.raises(InvalidInput) as raised:
        app.change_risk_status(team.region, agreement_id, risk_id, "forgotten", "")
    assert "status" in raised.value.errors
    with pytest.raises(NotAParty):
        app.register_risk(
            team.region, agreement_id, "Ägs av en utomstående", funder.organisation_id, 1, 1
        )
    for likelihood, impact, field in [
        (0, 3, "likelihood"),
        (3, 6, "impact"),
        ("3", 3, "likelihood"),
    ]:
        with pytest.raises(InvalidInput) as raised:
            app.register_risk(team.region, agreement_id, "Risk", region, likelihood, impact)
        assert field in raised.value.errors
    assert count(app) == before
    app.change_risk_status(team.region, agreement_id, risk_id, "closed", "Löst")
    with pytest.raises(RiskClosed):
        app.change_risk_status(team.region, agreement_id, risk_id, "open", "Tillbaka")


def test_unknown_agreements_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    region = team.region.organisation_id
    with pytest.raises(NotFound):
        app.incur_cost(team.region, uuid.uuid4(), "10", "Kostnad")
    with pytest.raises(NotFound):
        app.make_commitment(team.region, uuid.uuid4(), region, "money", "10", "SEK", "")
    with pytest.raises(NotFound):
        app.register_risk(team.region, uuid.uuid4(), "Risk", region, 1, 1)
    with pytest.raises(NotFound):
        app.make_agreement(team.region, uuid.uuid4(), "Avtal", "SEK", {str(region): "100"})
