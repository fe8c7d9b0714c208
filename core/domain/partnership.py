"""Partnership: who works together, on what, in which phase, with what money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    TextRef,
    created_topic,
    require_amount,
    require_choice,
    require_currency,
    require_period,
    require_text,
)
from samverkan.domain.vocabulary import (
    LEVELS,
    MEETING_KINDS,
    MEMBER_ROLES,
    NEEDS_OF,
    PARTNERSHIP_KINDS,
    PARTNERSHIP_STATUSES,
    PHASES,
    SIGNING_ROLES,
)
from samverkan.errors import (
    AlreadyAMember,
    AlreadyDesignated,
    CoordinatorCannotLeave,
    InvalidInput,
    NotAMember,
    PartnershipClosed,
    StatusUnchanged,
)


class Partnership(Record):
    TOPIC = "partnership"
    Created = created_topic("partnership")

    @classmethod
    def start(
        cls,
        actor: Actor,
        title: str,
        kind: str,
        purpose: TextRef,
        goals: list[str],
        coordinator_id: UUID,
        starts_on: date,
        ends_on: date | None,
    ) -> Partnership:
        """A partnership starts ``planned``; the coordinator records when it becomes active."""
        require_period(starts_on, ends_on)
        if not isinstance(goals, list):
            raise InvalidInput.field("goals", "must be a list of texts")
        return cls(
            actor=actor,
            title=require_text("title", title, max_length=200),
            kind=require_choice("kind", kind, PARTNERSHIP_KINDS),
            purpose=purpose,
            goals=[require_text("goals", goal, max_length=500) for goal in goals],
            coordinator_id=coordinator_id,
            starts_on=starts_on,
            ends_on=ends_on,
            status="planned",
        )

    @event("Started", topic="partnership.started")
    def __init__(
        self,
        actor: Actor,
        title: str,
        kind: str,
        purpose: TextRef,
        goals: list[str],
        coordinator_id: UUID,
        starts_on: date,
        ends_on: date | None,
        status: str,
    ) -> None:
        self.title = title
        self.kind = kind
        self.purpose = purpose
        self.goals = goals
        self.coordinator_id = coordinator_id
        self.starts_on = starts_on
        self.ends_on = ends_on
        self.status = status
        self.phase: str | None = None
        self.members: dict[str, str] = {str(coordinator_id): "coordinator"}
        self.former_members: dict[str, str] = {}
        self.challenges: dict[str, dict[str, Any]] = {}
        self.meetings: dict[str, dict[str, Any]] = {}
        self.funding: list[dict[str, Any]] = []
        self.clinics: list[dict[str, str]] = []

    # Members

    def is_member(self, organisation_id: UUID) -> bool:
        return str(organisation_id) in self.members

    def can_sign(self, organisation_id: UUID) -> bool:
        return self.members.get(str(organisation_id)) in SIGNING_ROLES

    def require_member(self, organisation_id: UUID) -> None:
        if not self.is_member(organisation_id):
            raise NotAMember(f"Organisation {organisation_id} is not a member of {self.title}")

    def join(self, actor: Actor, organisation_id: UUID, role: str) -> None:
        self._require_open()
        if self.is_member(organisation_id):
            raise AlreadyAMember(f"Organisation {organisation_id} is already a member")
        self._member_joined(
            actor=actor,
            organisation_id=organisation_id,
            role=require_choice("role", role, MEMBER_ROLES),
        )

    @event("MemberJoined", topic="partnership.member_joined")
    def _member_joined(self, actor: Actor, organisation_id: UUID, role: str) -> None:
        self.members[str(organisation_id)] = role
        self.former_members.pop(str(organisation_id), None)

    def leave(self, actor: Actor, organisation_id: UUID, reason: TextRef) -> None:
        self._require_open()
        self.require_member(organisation_id)
        if organisation_id == self.coordinator_id:
            raise CoordinatorCannotLeave("The coordinating organisation cannot leave")
        self._member_left(actor=actor, organisation_id=organisation_id, reason=reason)

    @event("MemberLeft", topic="partnership.member_left")
    def _member_left(self, actor: Actor, organisation_id: UUID, reason: TextRef) -> None:
        role = self.members.pop(str(organisation_id))
        self.former_members[str(organisation_id)] = role

    # Phase and status

    def enter_phase(self, actor: Actor, phase: str, rationale: TextRef) -> None:
        self._require_open()
        phase = require_choice("phase", phase, PHASES)
        if phase == self.phase:
            raise StatusUnchanged(f"The partnership is already in phase {phase}")
        self._phase_entered(actor=actor, phase=phase, rationale=rationale)

    @event("PhaseEntered", topic="partnership.phase_entered")
    def _phase_entered(self, actor: Actor, phase: str, rationale: TextRef) -> None:
        self.phase = phase

    def change_status(self, actor: Actor, status: str, reason: TextRef) -> None:
        status = require_choice("status", status, PARTNERSHIP_STATUSES)
        self._require_open()
        if status == self.status:
            raise StatusUnchanged(f"The partnership is already {status}")
        if status == "completed":
            self._closed(actor=actor, reason=reason)
        else:
            self._status_changed(actor=actor, status=status, reason=reason)

    @event("StatusChanged", topic="partnership.status_changed")
    def _status_changed(self, actor: Actor, status: str, reason: TextRef) -> None:
        self.status = status

    @event("Closed", topic="partnership.closed")
    def _closed(self, actor: Actor, reason: TextRef) -> None:
        self.status = "completed"

    def _require_open(self) -> None:
        if self.status == "completed":
            raise PartnershipClosed(f"{self.title} is completed")

    # What the partnership works on

    def define_challenge(
        self, actor: Actor, title: str, description: TextRef, level: str, needs_of: list[str]
    ) -> UUID:
        self._require_open()
        if not isinstance(needs_of, list) or not needs_of:
            raise InvalidInput.field("needs_of", f"must list one or more of {NEEDS_OF}")
        challenge_id = uuid4()
        self._challenge_defined(
            actor=actor,
            challenge_id=challenge_id,
            title=require_text("title", title, max_length=200),
            description=description,
            level=require_choice("level", level, LEVELS),
            needs_of=sorted({require_choice("needs_of", n, NEEDS_OF) for n in needs_of}),
        )
        return challenge_id

    @event("ChallengeDefined", topic="partnership.challenge_defined")
    def _challenge_defined(
        self,
        actor: Actor,
        challenge_id: UUID,
        title: str,
        description: TextRef,
        level: str,
        needs_of: list[str],
    ) -> None:
        self.challenges[str(challenge_id)] = {"title": title, "level": level}

    def award_funding(
        self, actor: Actor, funder_id: UUID, amount: Any, currency: str, reference: str
    ) -> None:
        self._require_open()
        self._funding_awarded(
            actor=actor,
            funder_id=funder_id,
            amount=require_amount("amount", amount),
            currency=require_currency(currency),
            reference=require_text("reference", reference, max_length=200),
        )

    @event("FundingAwarded", topic="partnership.funding_awarded")
    def _funding_awarded(
        self, actor: Actor, funder_id: UUID, amount: Decimal, currency: str, reference: str
    ) -> None:
        self.funding.append({"funder_id": funder_id, "amount": amount, "currency": currency})

    def hold_meeting(
        self,
        actor: Actor,
        kind: str,
        held_on: date,
        place: str,
        attending_organisation_ids: list[UUID],
        summary: TextRef,
    ) -> UUID:
        self._require_open()
        for organisation_id in attending_organisation_ids:
            self.require_member(organisation_id)
        meeting_id = uuid4()
        self._meeting_held(
            actor=actor,
            meeting_id=meeting_id,
            kind=require_choice("kind", kind, MEETING_KINDS),
            held_on=held_on,
            place=require_text("place", place, max_length=200),
            attending_organisation_ids=list(attending_organisation_ids),
            summary=summary,
        )
        return meeting_id

    @event("MeetingHeld", topic="partnership.meeting_held")
    def _meeting_held(
        self,
        actor: Actor,
        meeting_id: UUID,
        kind: str,
        held_on: date,
        place: str,
        attending_organisation_ids: list[UUID],
        summary: TextRef,
    ) -> None:
        self.meetings[str(meeting_id)] = {"kind": kind, "held_on": held_on, "place": place}

    def designate_clinic(self, actor: Actor, organisation_id: UUID, unit_id: UUID) -> None:
        """Name a member's unit an innovation clinic (the caller checks the unit exists)."""
        self._require_open()
        self.require_member(organisation_id)
        if any(clinic["unit_id"] == str(unit_id) for clinic in self.clinics):
            raise AlreadyDesignated(f"Unit {unit_id} is already an innovation clinic")
        self._clinic_designated(actor=actor, organisation_id=organisation_id, unit_id=unit_id)

    @event("ClinicDesignated", topic="partnership.clinic_designated")
    def _clinic_designated(self, actor: Actor, organisation_id: UUID, unit_id: UUID) -> None:
        self.clinics.append({"organisation_id": str(organisation_id), "unit_id": str(unit_id)})
