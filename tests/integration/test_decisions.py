"""Decisions: proposed, signed off by every signatory, closed by the unanimous rule."""

from __future__ import annotations

import uuid

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.decision import Decision
from samverkan.errors import (
    DecisionNotAdopted,
    DecisionNotOpen,
    InvalidInput,
    NotAMember,
    NotASignatory,
    NotFound,
    SignatoryNotEligible,
)
from tests.integration.helpers import (
    Team,
    acting_for,
    count,
    log,
    propose,
    register,
    saves,
    start_team,
    types,
)


def adopted_decision(app: Samverkan, team: Team) -> uuid.UUID:
    decision_id = propose(app, team, [team.region])
    app.sign_off(team.region, decision_id, "approve")
    return decision_id


def test_proposing_a_decision(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    decision = app.get(Decision, decision_id)
    assert decision.status == "proposed"
    assert decision.stances == {}
    assert decision.partnership_id == team.partnership_id
    assert decision.signatory_ids == [
        team.region.organisation_id,
        team.municipality.organisation_id,
    ]
    assert decision.options == ["Vänta ett år", "Öppna nu"]
    assert app.texts.get(decision.proposal) == "Öppna hälsocentralen som innovationsklinik"
    [proposed] = log(app, decision_id)
    assert (proposed.type, proposed.actor) == ("decision.proposed", team.region)


def test_signatories_are_coordinator_or_partner_members(app: Samverkan) -> None:
    team = start_team(app)
    funder = team.join(app, "Vinnova", "funder", "agency")
    observer = team.join(app, "Patientföreningen", "observer", "civil_society")
    outsider = register(app, "Luleå kommun", "municipality")
    before = count(app)
    for ineligible in (funder, observer):
        with pytest.raises(SignatoryNotEligible):
            propose(app, team, [team.region, ineligible])
    with pytest.raises(NotAMember):
        propose(app, team, [team.region, outsider])
    with pytest.raises(InvalidInput) as raised:
        propose(app, team, [])
    assert "signatory_ids" in raised.value.errors
    with pytest.raises(InvalidInput) as raised:
        propose(app, team, [team.region, team.region])
    assert "signatory_ids" in raised.value.errors
    assert count(app) == before


def test_a_signatory_signs_for_its_own_organisation(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    signed = app.sign_off(team.municipality, decision_id, "approve", "Vi står bakom")
    assert signed.status == "proposed"
    assert signed.stances == {str(team.municipality.organisation_id): "approve"}
    signed_off = log(app, decision_id)[-1]
    assert signed_off.type == "decision.signed_off"
    assert signed_off.actor == team.municipality
    assert signed_off.data["organisation_id"] == str(team.municipality.organisation_id)
    assert signed_off.data["stance"] == "approve"
    comment_id = uuid.UUID(signed_off.data["comment"]["text_id"])
    assert app.texts.get(comment_id) == "Vi står bakom"


def test_only_a_signatory_signs(app: Samverkan) -> None:
    team = start_team(app)
    funder = team.join(app, "Vinnova", "funder", "agency")
    decision_id = propose(app, team, [team.region])
    for stranger in (team.municipality, funder, acting_for(uuid.uuid4())):
        with pytest.raises(NotASignatory):
            app.sign_off(stranger, decision_id, "approve")
    assert types(app, decision_id) == ["decision.proposed"]


def test_a_stance_comes_from_its_vocabulary(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region])
    with pytest.raises(InvalidInput) as raised:
        app.sign_off(team.region, decision_id, "yes")
    assert "stance" in raised.value.errors
    assert app.get(Decision, decision_id).version == 1


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        ("approve", "approve", "adopted"),
        ("approve", "object", "rejected"),
        ("object", "approve", "rejected"),
        ("abstain", "abstain", "rejected"),
        ("approve", "abstain", "adopted"),
        ("abstain", "approve", "adopted"),
        ("object", "abstain", "rejected"),
    ],
)
def test_the_unanimous_rule(
    app: Samverkan, monkeypatch: pytest.MonkeyPatch, first: str, second: str, status: str
) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    assert app.sign_off(team.region, decision_id, first).status == "proposed"
    batches = saves(app, monkeypatch)
    decision = app.sign_off(team.municipality, decision_id, second)
    assert decision.status == status
    assert app.get(Decision, decision_id).status == status
    # The last needed sign-off and the outcome are stored together, in one transaction.
    assert batches == [["decision.signed_off", f"decision.{status}"]]
    closing = log(app, decision_id)[-1]
    assert (closing.type, closing.version, closing.actor) == (
        f"decision.{status}",
        4,
        team.municipality,
    )


def test_re_signing_while_proposed_counts_the_latest_stance(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    app.sign_off(team.region, decision_id, "object", "För dyrt")
    changed = app.sign_off(team.region, decision_id, "approve", "Efter omräkning")
    assert changed.status == "proposed"
    assert changed.stances == {str(team.region.organisation_id): "approve"}
    decision = app.sign_off(team.municipality, decision_id, "approve")
    assert decision.status == "adopted"
    assert types(app, decision_id) == [
        "decision.proposed",
        "decision.signed_off",
        "decision.signed_off",
        "decision.signed_off",
        "decision.adopted",
    ]


def test_a_closed_decision_takes_no_sign_off(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region])
    app.sign_off(team.region, decision_id, "object")
    with pytest.raises(DecisionNotOpen):
        app.sign_off(team.region, decision_id, "approve")
    assert app.get(Decision, decision_id).status == "rejected"
    assert types(app, decision_id)[-1] == "decision.rejected"


def test_an_amendment_voids_the_sign_offs(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    app.sign_off(team.region, decision_id, "approve")
    amended = app.amend_decision(
        team.region,
        decision_id,
        {"title": "Öppna två kliniker", "proposal": "Två kliniker samtidigt"},
        "Större ambition",
    )
    assert amended.status == "proposed"
    assert amended.stances == {}
    assert amended.title == "Öppna två kliniker"
    assert app.texts.get(amended.proposal) == "Två kliniker samtidigt"
    assert types(app, decision_id)[-1] == "decision.amended"
    # The region's earlier approval no longer counts: the municipality's alone does not close it.
    assert app.sign_off(team.municipality, decision_id, "approve").status == "proposed"
    assert app.sign_off(team.region, decision_id, "approve").status == "adopted"


def test_an_amendment_can_change_the_signatories(app: Samverkan) -> None:
    team = start_team(app)
    funder = team.join(app, "Vinnova", "funder", "agency")
    decision_id = propose(app, team, [team.region])
    municipality_only = [team.municipality.organisation_id]
    with pytest.raises(SignatoryNotEligible):
        app.amend_decision(
            team.region, decision_id, {"signatory_ids": [funder.organisation_id]}, "R"
        )
    amended = app.amend_decision(
        team.region, decision_id, {"signatory_ids": municipality_only}, "R"
    )
    assert amended.signatory_ids == municipality_only
    with pytest.raises(NotASignatory):
        app.sign_off(team.region, decision_id, "approve")


@pytest.mark.parametrize("changes", [{}, {"status": "adopted"}, {"partnership_id": "x"}])
def test_only_the_proposal_can_be_amended(app: Samverkan, changes: dict[str, object]) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region])
    with pytest.raises(InvalidInput) as raised:
        app.amend_decision(team.region, decision_id, changes, "Försök")
    assert "changes" in raised.value.errors
    assert types(app, decision_id) == ["decision.proposed"]


def test_amending_only_while_proposed(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = adopted_decision(app, team)
    with pytest.raises(DecisionNotOpen):
        app.amend_decision(team.region, decision_id, {"title": "Ny titel"}, "För sent")
    assert "decision.amended" not in types(app, decision_id)


def test_withdrawing(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = propose(app, team, [team.region, team.municipality])
    withdrawn = app.withdraw_decision(team.region, decision_id, "Inaktuellt")
    assert withdrawn.status == "withdrawn"
    assert types(app, decision_id)[-1] == "decision.withdrawn"
    with pytest.raises(DecisionNotOpen):
        app.sign_off(team.region, decision_id, "approve")
    with pytest.raises(DecisionNotOpen):
        app.withdraw_decision(team.region, decision_id, "Igen")


def test_withdrawing_only_while_proposed(app: Samverkan) -> None:
    team = start_team(app)
    decision_id = adopted_decision(app, team)
    with pytest.raises(DecisionNotOpen):
        app.withdraw_decision(team.region, decision_id, "För sent")
    assert app.get(Decision, decision_id).status == "adopted"


def test_superseding_an_adopted_decision(app: Samverkan) -> None:
    team = start_team(app)
    old = adopted_decision(app, team)
    new = adopted_decision(app, team)
    superseded = app.supersede_decision(team.region, old, new)
    assert superseded.status == "superseded"
    assert superseded.superseded_by == new
    last = log(app, old)[-1]
    assert (last.type, last.data["by_decision_id"]) == ("decision.superseded", str(new))
    with pytest.raises(DecisionNotAdopted):
        app.supersede_decision(team.region, old, new)


def test_only_an_adopted_decision_is_superseded(app: Samverkan) -> None:
    team = start_team(app)
    adopted = adopted_decision(app, team)
    proposed = propose(app, team, [team.region])
    with pytest.raises(DecisionNotAdopted):
        app.supersede_decision(team.region, proposed, adopted)
    rejected = propose(app, team, [team.region])
    app.sign_off(team.region, rejected, "object")
    with pytest.raises(DecisionNotAdopted):
        app.supersede_decision(team.region, rejected, adopted)


def test_only_an_adopted_decision_supersedes(app: Samverkan) -> None:
    team = start_team(app)
    adopted = adopted_decision(app, team)
    proposed = propose(app, team, [team.region])
    with pytest.raises(DecisionNotAdopted):
        app.supersede_decision(team.region, adopted, proposed)
    assert app.get(Decision, adopted).status == "adopted"


def test_a_successor_is_another_decision_of_the_same_partnership(app: Samverkan) -> None:
    team = start_team(app)
    other = start_team(app, "Ett annat nätverk")
    adopted = adopted_decision(app, team)
    elsewhere = adopted_decision(app, other)
    with pytest.raises(InvalidInput):
        app.supersede_decision(team.region, adopted, elsewhere)
    for by in (adopted, uuid.uuid4()):
        with pytest.raises(InvalidInput) as raised:
            app.supersede_decision(team.region, adopted, by)
        assert "by_decision_id" in raised.value.errors
    assert app.get(Decision, adopted).status == "adopted"


def test_evidence_links_point_at_records_of_the_partnership(app: Samverkan) -> None:
    team = start_team(app)
    pid = team.partnership_id
    region = team.region
    unit = team.unit(app, region)
    measure = app.define_measure(region, pid, "Väntetid", "dagar", "decrease", None, None, "")
    experiment = app.plan_experiment(region, pid, "Incheckning", "Idé", "Kortare", unit, [])
    lesson = app.record_lesson(region, pid, "Börja smått", "meeting", None, "micro", [])
    earlier = adopted_decision(app, team)
    _, meeting = app.hold_meeting(region, pid, "workshop", "2019-02-01", "Umeå", [], "")
    evidence = [
        {"kind": "measure", "id": str(measure.id)},
        {"kind": "experiment", "id": str(experiment.id)},
        {"kind": "lesson", "id": str(lesson.id)},
        {"kind": "decision", "id": str(earlier)},
        {"kind": "meeting", "id": str(meeting)},
    ]
    decision_id = propose(app, team, [region], evidence=evidence, meeting_id=meeting)
    decision = app.get(Decision, decision_id)
    assert decision.evidence == evidence
    assert decision.meeting_id == meeting


def test_evidence_must_exist_in_the_same_partnership(app: Samverkan) -> None:
    team = start_team(app)
    other = start_team(app, "Ett annat nätverk")
    foreign = app.define_measure(
        other.region, other.partnership_id, "Väntetid", "dagar", "decrease", None, None, ""
    )
    _, foreign_meeting = app.hold_meeting(
        other.region, other.partnership_id, "workshop", "2019-02-01", "Umeå", [], ""
    )
    before = count(app)
    with pytest.raises(InvalidInput):
        propose(app, team, [team.region], evidence=[{"kind": "measure", "id": str(foreign.id)}])
    for link in (
        {"kind": "measure", "id": str(uuid.uuid4())},
        {"kind": "lesson", "id": str(foreign.id)},
        {"kind": "meeting", "id": str(foreign_meeting)},
        {"kind": "rumour", "id": str(uuid.uuid4())},
        {"kind": "measure", "id": "not-an-id"},
    ):
        with pytest.raises(InvalidInput) as raised:
            propose(app, team, [team.region], evidence=[link])
        assert "evidence" in raised.value.errors
    assert count(app) == before


def test_unknown_decisions_and_partnerships_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    with pytest.raises(NotFound):
        propose(app, team, [team.region], partnership_id=uuid.uuid4())
    with pytest.raises(NotFound):
        app.sign_off(team.region, uuid.uuid4(), "approve")
    with pytest.raises(NotFound):
        app.amend_decision(team.region, uuid.uuid4(), {"title": "X"}, "R")
    with pytest.raises(NotFound):
        app.withdraw_decision(team.region, uuid.uuid4(), "R")
    with pytest.raises(NotFound):
        app.supersede_decision(team.region, uuid.uuid4(), adopted_decision(app, team))
