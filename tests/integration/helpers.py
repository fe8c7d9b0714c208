"""Builders the integration tests share: organisations, a partnership, and log readers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.domain import DomainEvent

from samverkan.application.service import AGGREGATES, Samverkan
from samverkan.domain.base import Actor
from samverkan.storage.log import LoggedEvent, read_log
from samverkan.storage.stores import StoreConfig


def acting_for(organisation_id: UUID) -> Actor:
    """A new user acting for the organisation."""
    return Actor(user_id=uuid.uuid4(), organisation_id=organisation_id)


def register(app: Samverkan, name: str, kind: str = "region") -> Actor:
    """Register an organisation (registered by its own first user); return that user."""
    registrar = acting_for(uuid.uuid4())
    organisation = app.register_organisation(registrar, name, kind, "SE")
    return acting_for(organisation.id)


@dataclass(frozen=True)
class Team:
    """A partnership coordinated by a region, with a municipality as partner."""

    partnership_id: UUID
    region: Actor
    municipality: Actor

    def join(self, app: Samverkan, name: str, role: str, kind: str = "company") -> Actor:
        """Register another organisation and add it with ``role``; return a user of it."""
        member = register(app, name, kind)
        app.add_member(self.region, self.partnership_id, member.organisation_id, role)
        return member

    def unit(self, app: Samverkan, member: Actor, name: str = "Vårdcentralen") -> UUID:
        """Add a health centre to a member organisation; return the unit's id."""
        _, unit_id = app.add_unit(member, member.organisation_id, name, "health_centre")
        return unit_id


def start_team(app: Samverkan, title: str = "Innovation i samverkan") -> Team:
    region = register(app, "Region Västerbotten", "region")
    municipality = register(app, "Umeå kommun", "municipality")
    partnership = app.start_partnership(
        region,
        title,
        "innovation_partnership",
        "Vinna-vinna-vinna för regionen, företagen och invånarna",
        ["Tre innovationskliniker"],
        region.organisation_id,
        "2019-01-01",
        "2021-12-31",
    )
    app.add_member(region, partnership.id, municipality.organisation_id, "partner")
    return Team(partnership.id, region, municipality)


def propose(app: Samverkan, team: Team, signatories: list[Actor], **changes: Any) -> UUID:
    """Propose a decision that ``signatories`` must sign; return its id."""
    fields: dict[str, Any] = {
        "partnership_id": team.partnership_id,
        "title": "Öppna en tredje innovationsklinik",
        "context": "Två kliniker är igång",
        "options": ["Vänta ett år", "Öppna nu"],
        "proposal": "Öppna hälsocentralen som innovationsklinik",
        "rationale": "Erfarenheterna från tandvården",
        "signatory_ids": [signatory.organisation_id for signatory in signatories],
        "evidence": [],
    }
    fields.update(changes)
    return app.propose_decision(team.region, **fields).id


def log(app: Samverkan, originator_id: UUID | None = None) -> list[LoggedEvent]:
    """The stored events, oldest first: all of them, or those of one aggregate."""
    return [e for e in read_log(app) if originator_id in (None, e.originator_id)]


def types(app: Samverkan, originator_id: UUID | None = None) -> list[str]:
    return [logged.type for logged in log(app, originator_id)]


def count(app: Samverkan) -> int:
    return len(log(app))


def all_topics() -> set[str]:
    """Every event topic the aggregates declare (not the unused ``Created`` classes)."""
    topics = set()
    for aggregate in AGGREGATES:
        for name, value in vars(aggregate).items():
            is_event = isinstance(value, type) and issubclass(value, DomainEvent)
            topic = getattr(value, "TOPIC", None) if is_event and name != "Created" else None
            if topic:
                topics.add(str(topic))
    return topics


def saves(app: Samverkan, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Watch the store: each later save appends the topics it inserted in one transaction."""
    batches: list[list[str]] = []
    recorder: Any = app.recorder
    insert_events = recorder.insert_events

    def watched(stored_events: list[Any], **kwargs: Any) -> Any:
        batches.append([stored.topic for stored in stored_events])
        return insert_events(stored_events, **kwargs)

    monkeypatch.setattr(recorder, "insert_events", watched)
    return batches


def record_every_event(app: Samverkan) -> Team:
    """A partnership's whole history, one command for each kind of event."""
    team = start_team(app)
    region, municipality = team.region, team.municipality
    pid = team.partnership_id
    app.rename_organisation(region, region.organisation_id, "Region Västerbotten (RVN)")
    clinic = team.unit(app, region, "Tandvårdskliniken")
    ward = team.unit(app, municipality, "Hemtjänsten")
    observer = team.join(app, "Patientföreningen", "observer", "civil_society")
    app.remove_member(region, pid, observer.organisation_id, "Deltar via referensgrupp")
    app.enter_phase(region, pid, "understand", "Vi börjar med behoven")
    app.define_challenge(region, pid, "Sköra äldre", "Många inläggningar", "meso", ["patients"])
    app.award_funding(region, pid, region.organisation_id, "950000", "SEK", "Dnr 2015-1")
    _, meeting_id = app.hold_meeting(
        region, pid, "workshop", "2019-02-01", "Umeå", [region.organisation_id], "Start"
    )
    app.designate_clinic(region, pid, region.organisation_id, clinic)

    measure = app.define_measure(region, pid, "Väntetid", "dagar", "decrease", 30, 10, "Journal")
    app.record_value(region, measure.id, "2019-03", 28)
    app.correct_value(region, measure.id, "2019-03", Decimal("27.5"), "Fel i uttaget")

    experiment = app.plan_experiment(
        region, pid, "Digital incheckning", "Incheckning via app", "Kortare väntan", clinic, []
    )
    app.start_experiment(region, experiment.id)
    app.record_observation(region, experiment.id, "Färre i kö", "2019-03-15")
    app.study_experiment(region, experiment.id, "Väntan minskade", "yes")
    app.conclude_experiment(region, experiment.id, "adopt", "Det fungerade")

    lesson = app.record_lesson(
        region, pid, "Börja smått", "experiment", experiment.id, "micro", ["PDSA"]
    )
    app.retract_lesson(region, lesson.id, "Dubblett")

    adopted = propose(app, team, [region, municipality], meeting_id=meeting_id)
    app.sign_off(region, adopted, "approve", "Bra")
    app.sign_off(municipality, adopted, "approve")
    rejected = propose(app, team, [region])
    app.amend_decision(region, rejected, {"title": "Öppna två kliniker"}, "Större ambition")
    app.sign_off(region, rejected, "object", "För dyrt")
    withdrawn = propose(app, team, [region])
    app.withdraw_decision(region, withdrawn, "Inaktuellt")
    successor = propose(app, team, [region], evidence=[{"kind": "decision", "id": str(adopted)}])
    app.sign_off(region, successor, "approve")
    app.supersede_decision(region, adopted, successor)

    scale_up = app.plan_scale_up(region, pid, "Digital incheckning", experiment.id, [ward])
    app.record_adoption(municipality, scale_up.id, ward, "piloting")
    app.complete_scale_up(region, scale_up.id, "Spridd")
    halted = app.plan_scale_up(region, pid, "Nattpatrull", None, [ward])
    app.halt_scale_up(region, halted.id, "Ingen finansiering")

    shares = {str(region.organisation_id): "60", str(municipality.organisation_id): "40"}
    agreement = app.make_agreement(region, pid, "Risk och nytta", "SEK", shares)
    app.make_commitment(
        region, agreement.id, region.organisation_id, "money", "100000", "SEK", "Budget"
    )
    app.record_contribution(
        municipality, agreement.id, municipality.organisation_id, "staff_hours", 120, "h", ""
    )
    app.incur_cost(region, agreement.id, "25000", "Licenser")
    app.realise_benefit(region, agreement.id, "residents", "5000", "Kortare väntan")
    _, risk = app.register_risk(
        region, agreement.id, "Leverantören försvinner", municipality.organisation_id, 2, 4
    )
    app.change_risk_status(region, agreement.id, risk, "mitigated", "Två leverantörer")

    user = app.create_user(region, "lena@example.se", "Lena", region.organisation_id, "member")
    app.change_role(region, user.id, "coordinator")
    app.correct_user(user.id, name="Lena Berg", email=None, actor=region)
    token_id, _token = app.issue_token(user.id, "script", actor=region)
    app.revoke_token(user.id, token_id, actor=region)
    app.erase_user(region, user.id)

    app.change_status(region, pid, "paused", "Sommaruppehåll")
    app.change_status(region, pid, "completed", "Projektet är slut")
    app.redact_text(region, lesson.text.id, "Innehöll ett namn")
    return team


@dataclass(frozen=True)
class Write:
    """One command of a concurrent writer: a sign-off (``stance``) or a value (``period``)."""

    actor: Actor
    target_id: UUID
    command: str  # "sign_off" or "record_value"
    argument: str
    expected_version: int | None = None


def perform(app: Samverkan, write: Write) -> str:
    """Run the write; "ok", or the name of the error it raised."""
    try:
        if write.command == "sign_off":
            app.sign_off(
                write.actor, write.target_id, write.argument, "",
                expected_version=write.expected_version,
            )  # fmt: skip
        else:
            app.record_value(
                write.actor, write.target_id, write.argument, 1,
                expected_version=write.expected_version,
            )  # fmt: skip
    except Exception as error:  # the test compares names; anything unexpected shows up there
        return type(error).__name__
    return "ok"


def write_concurrently(
    config: StoreConfig, writes: list[Write], barrier: Any, results: Any
) -> None:
    """A writer thread's or process's body: its own application on the shared store.

    It waits at ``barrier`` until every writer is ready, so that their writes collide, then
    puts its outcomes on ``results``.
    """
    try:
        app = Samverkan(config, create_tables=False)
    except Exception as error:
        results.put([f"start failed: {error!r}"])
        return
    try:
        barrier.wait(timeout=60)
        results.put([perform(app, write) for write in writes])
    finally:
        app.close()
        app.sql.dispose()
