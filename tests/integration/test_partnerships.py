"""Partnerships: members, phase, status, challenges, funding, meetings and clinics."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from samverkan.domain.partnership import Partnership
from samverkan.errors import (
    AlreadyAMember,
    AlreadyDesignated,
    CoordinatorCannotLeave,
    InvalidInput,
    NotAMember,
    NotFound,
    PartnershipClosed,
    PeriodInvalid,
    StatusUnchanged,
    UnitUnknown,
)
from tests.integration.helpers import count, log, register, start_team, types


def start(app: Samverkan, coordinator: Actor, **changes: object) -> Partnership:
    fields: dict[str, object] = {
        "title": "Testbädd Norrtälje",
        "kind": "testbed",
        "purpose": "Integrerad vård för de mest sköra äldre",
        "goals": ["Förstå", "Omforma", "Skala upp"],
        "coordinator_id": coordinator.organisation_id,
        "starts_on": "2018-11-01",
        "ends_on": "2020-11-30",
    }
    fields.update(changes)
    return app.start_partnership(coordinator, **fields)  # type: ignore[arg-type]


def test_starting_a_partnership(app: Samverkan) -> None:
    region = register(app, "Region Stockholm")
    partnership = start(app, region)
    loaded = app.get(Partnership, partnership.id)
    assert loaded.title == "Testbädd Norrtälje"
    assert loaded.kind == "testbed"
    assert loaded.goals == ["Förstå", "Omforma", "Skala upp"]
    assert (loaded.starts_on, loaded.ends_on) == (date(2018, 11, 1), date(2020, 11, 30))
    assert loaded.status == "planned"
    assert loaded.phase is None
    assert loaded.members == {str(region.organisation_id): "coordinator"}
    assert app.texts.get(loaded.purpose) == "Integrerad vård för de mest sköra äldre"
    [started] = log(app, partnership.id)
    assert started.type == "partnership.started"
    assert started.actor == region
    assert started.data["coordinator_id"] == str(region.organisation_id)


def test_a_partnership_is_planned_until_the_coordinator_activates_it(app: Samverkan) -> None:
    region = register(app, "Region Stockholm")
    partnership = start(app, region, ends_on=None)
    assert (partnership.status, partnership.ends_on) == ("planned", None)
    active = app.change_status(region, partnership.id, "active", "Avtalet är underskrivet")
    assert active.status == "active"
    last = log(app, partnership.id)[-1]
    assert (last.type, last.data["status"]) == ("partnership.status_changed", "active")


def test_a_period_ends_on_or_after_it_starts(app: Samverkan) -> None:
    region = register(app, "Region Stockholm")
    one_day = start(app, region, starts_on="2019-05-01", ends_on="2019-05-01")
    assert one_day.ends_on == one_day.starts_on
    with pytest.raises(PeriodInvalid):
        start(app, region, starts_on="2019-05-01", ends_on="2019-04-30")
    assert types(app).count("partnership.started") == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "consortium"}, "kind"),
        ({"title": ""}, "title"),
        ({"starts_on": "2019-13-01"}, "starts_on"),
        ({"goals": "Förstå"}, "goals"),
        ({"purpose": " "}, "purpose"),
    ],
)
def test_invalid_fields_are_named(app: Samverkan, changes: dict[str, object], field: str) -> None:
    region = register(app, "Region Stockholm")
    with pytest.raises(InvalidInput) as raised:
        start(app, region, **changes)
    assert field in raised.value.errors
    assert count(app) == 1


def test_the_coordinator_must_exist(app: Samverkan) -> None:
    region = register(app, "Region Stockholm")
    with pytest.raises(NotFound):
        start(app, region, coordinator_id=uuid.uuid4())


def test_members_join_with_a_role(app: Samverkan) -> None:
    team = start_team(app)
    funder = register(app, "Vinnova", "agency")
    joined = app.add_member(team.region, team.partnership_id, funder.organisation_id, "funder")
    assert joined.members[str(funder.organisation_id)] == "funder"
    assert app.get(Partnership, team.partnership_id).is_member(funder.organisation_id)
    last = log(app, team.partnership_id)[-1]
    assert last.type == "partnership.member_joined"
    assert last.data["role"] == "funder"
    assert last.data["organisation_id"] == str(funder.organisation_id)


def test_an_organisation_cannot_join_twice(app: Samverkan) -> None:
    team = start_team(app)
    before = count(app)
    with pytest.raises(AlreadyAMember):
        app.add_member(
            team.region, team.partnership_id, team.municipality.organisation_id, "funder"
        )
    with pytest.raises(AlreadyAMember):
        app.add_member(team.region, team.partnership_id, team.region.organisation_id, "partner")
    assert count(app) == before


def test_a_member_role_comes_from_its_vocabulary(app: Samverkan) -> None:
    team = start_team(app)
    company = register(app, "Företaget AB", "company")
    with pytest.raises(InvalidInput) as raised:
        app.add_member(team.region, team.partnership_id, company.organisation_id, "sponsor")
    assert "role" in raised.value.errors


def test_unknown_members_and_partnerships_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    company = register(app, "Företaget AB", "company")
    with pytest.raises(NotFound):
        app.add_member(team.region, team.partnership_id, uuid.uuid4(), "partner")
    with pytest.raises(NotFound):
        app.add_member(team.region, uuid.uuid4(), company.organisation_id, "partner")
    with pytest.raises(NotFound):
        app.get(Partnership, company.organisation_id)


def test_a_member_leaves_and_may_rejoin(app: Samverkan) -> None:
    team = start_team(app)
    municipality = str(team.municipality.organisation_id)
    left = app.remove_member(
        team.region, team.partnership_id, team.municipality.organisation_id, "Omorganisation"
    )
    assert municipality not in left.members
    assert left.former_members == {municipality: "partner"}
    assert types(app, team.partnership_id)[-1] == "partnership.member_left"
    rejoined = app.add_member(
        team.region, team.partnership_id, team.municipality.organisation_id, "observer"
    )
    assert rejoined.members[municipality] == "observer"
    assert rejoined.former_members == {}


def test_the_coordinator_cannot_leave(app: Samverkan) -> None:
    team = start_team(app)
    with pytest.raises(CoordinatorCannotLeave):
        app.remove_member(team.region, team.partnership_id, team.region.organisation_id, "Nej")
    assert app.get(Partnership, team.partnership_id).is_member(team.region.organisation_id)


def test_a_non_member_cannot_leave(app: Samverkan) -> None:
    team = start_team(app)
    outsider = register(app, "Luleå kommun", "municipality")
    with pytest.raises(NotAMember):
        app.remove_member(team.region, team.partnership_id, outsider.organisation_id, "Varför")


def test_entering_a_phase(app: Samverkan) -> None:
    team = start_team(app)
    entered = app.enter_phase(team.region, team.partnership_id, "redesign", "Förstått behoven")
    assert entered.phase == "redesign"
    last = log(app, team.partnership_id)[-1]
    assert (last.type, last.data["phase"]) == ("partnership.phase_entered", "redesign")
    with pytest.raises(StatusUnchanged):
        app.enter_phase(team.region, team.partnership_id, "redesign", "Igen")
    with pytest.raises(InvalidInput) as raised:
        app.enter_phase(team.region, team.partnership_id, "evaluate", "Utvärdera")
    assert "phase" in raised.value.errors
    assert types(app, team.partnership_id).count("partnership.phase_entered") == 1


def test_status_changes_and_closing(app: Samverkan) -> None:
    team = start_team(app)
    paused = app.change_status(team.region, team.partnership_id, "paused", "Sommar")
    assert paused.status == "paused"
    assert types(app, team.partnership_id)[-1] == "partnership.status_changed"
    with pytest.raises(StatusUnchanged):
        app.change_status(team.region, team.partnership_id, "paused", "Igen")
    with pytest.raises(InvalidInput) as raised:
        app.change_status(team.region, team.partnership_id, "archived", "Arkiv")
    assert "status" in raised.value.errors
    closed = app.change_status(team.region, team.partnership_id, "completed", "Klart")
    assert closed.status == "completed"
    assert types(app, team.partnership_id)[-1] == "partnership.closed"


def test_a_completed_partnership_records_nothing_more(app: Samverkan) -> None:
    team = start_team(app)
    pid = team.partnership_id
    app.change_status(team.region, pid, "completed", "Klart")
    company = register(app, "Företaget AB", "company")
    before = count(app)
    with pytest.raises(PartnershipClosed):
        app.add_member(team.region, pid, company.organisation_id, "partner")
    with pytest.raises(PartnershipClosed):
        app.change_status(team.region, pid, "active", "Igen")
    with pytest.raises(PartnershipClosed):
        app.enter_phase(team.region, pid, "scale_up", "Sprid")
    with pytest.raises(PartnershipClosed):
        app.award_funding(team.region, pid, company.organisation_id, 10, "SEK", "Ref")
    assert count(app) == before


def test_defining_a_challenge(app: Samverkan) -> None:
    team = start_team(app)
    partnership, challenge_id = app.define_challenge(
        team.region,
        team.partnership_id,
        "Unga med psykisk ohälsa",
        "Långa köer till BUP",
        "macro",
        ["users", "patients", "users"],
    )
    assert partnership.challenges[str(challenge_id)] == {
        "title": "Unga med psykisk ohälsa",
        "level": "macro",
    }
    last = log(app, team.partnership_id)[-1]
    assert last.type == "partnership.challenge_defined"
    assert last.data["needs_of"] == ["patients", "users"]


@pytest.mark.parametrize(
    ("level", "needs_of", "field"),
    [("global", ["patients"], "level"), ("micro", [], "needs_of"), ("micro", ["cats"], "needs_of")],
)
def test_a_challenge_uses_the_vocabularies(
    app: Samverkan, level: str, needs_of: list[str], field: str
) -> None:
    team = start_team(app)
    with pytest.raises(InvalidInput) as raised:
        app.define_challenge(team.region, team.partnership_id, "Titel", "Text", level, needs_of)
    assert field in raised.value.errors


def test_awarding_funding(app: Samverkan) -> None:
    team = start_team(app)
    funder = register(app, "Vinnova", "agency")
    funded = app.award_funding(
        team.region, team.partnership_id, funder.organisation_id, "3956310", "SEK", "2018-02345"
    )
    assert funded.funding == [
        {"funder_id": funder.organisation_id, "amount": Decimal("3956310"), "currency": "SEK"}
    ]
    last = log(app, team.partnership_id)[-1]
    assert last.type == "partnership.funding_awarded"
    assert last.data["amount"] == "3956310"


@pytest.mark.parametrize(
    ("amount", "currency", "field"),
    [(950000.0, "SEK", "amount"), (0, "SEK", "amount"), ("100", "kronor", "currency")],
)
def test_funding_is_a_positive_decimal_in_a_currency(
    app: Samverkan, amount: object, currency: str, field: str
) -> None:
    team = start_team(app)
    with pytest.raises(InvalidInput) as raised:
        app.award_funding(
            team.region, team.partnership_id, team.region.organisation_id, amount, currency, "R"
        )
    assert field in raised.value.errors


def test_an_unknown_funder_is_not_found(app: Samverkan) -> None:
    team = start_team(app)
    with pytest.raises(NotFound):
        app.award_funding(team.region, team.partnership_id, uuid.uuid4(), 10, "SEK", "R")


def test_holding_a_meeting(app: Samverkan) -> None:
    team = start_team(app)
    attending = [team.region.organisation_id, team.municipality.organisation_id]
    partnership, meeting_id = app.hold_meeting(
        team.region, team.partnership_id, "workshop", "2015-09-10", "Luleå", attending, ""
    )
    assert partnership.meetings[str(meeting_id)] == {
        "kind": "workshop",
        "held_on": date(2015, 9, 10),
        "place": "Luleå",
    }
    last = log(app, team.partnership_id)[-1]
    assert last.type == "partnership.meeting_held"
    assert last.data["attending_organisation_ids"] == [str(i) for i in attending]


def test_meeting_attendees_are_members_and_kinds_known(app: Samverkan) -> None:
    team = start_team(app)
    outsider = register(app, "Luleå kommun", "municipality")
    with pytest.raises(NotAMember):
        app.hold_meeting(
            team.region, team.partnership_id, "workshop", "2015-09-10", "Luleå",
            [outsider.organisation_id], "",
        )  # fmt: skip
    with pytest.raises(InvalidInput) as raised:
        app.hold_meeting(team.region, team.partnership_id, "party", "2015-09-10", "Luleå", [], "")
    assert "kind" in raised.value.errors
    assert "partnership.meeting_held" not in types(app)


def test_designating_an_innovation_clinic(app: Samverkan) -> None:
    team = start_team(app)
    unit = team.unit(app, team.region, "Tandvårdskliniken")
    designated = app.designate_clinic(
        team.region, team.partnership_id, team.region.organisation_id, unit
    )
    assert designated.clinics == [
        {"organisation_id": str(team.region.organisation_id), "unit_id": str(unit)}
    ]
    assert types(app, team.partnership_id)[-1] == "partnership.clinic_designated"
    with pytest.raises(AlreadyDesignated):
        app.designate_clinic(team.region, team.partnership_id, team.region.organisation_id, unit)


def test_a_clinic_is_a_unit_of_a_member(app: Samverkan) -> None:
    team = start_team(app)
    unit = team.unit(app, team.region, "Tandvårdskliniken")
    outsider = register(app, "Luleå kommun", "municipality")
    foreign_unit = team.unit(app, outsider, "Hälsocentralen")
    with pytest.raises(UnitUnknown):
        app.designate_clinic(
            team.region, team.partnership_id, team.municipality.organisation_id, unit
        )
    with pytest.raises(NotAMember):
        app.designate_clinic(
            team.region, team.partnership_id, outsider.organisation_id, foreign_unit
        )
    assert "partnership.clinic_designated" not in types(app)
