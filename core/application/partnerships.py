"""Partnerships: members, phases, status, challenges, meetings, funding, clinics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor, require_date, require_id, require_ids
from samverkan.domain.organisation import Organisation
from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput, SignatoryCannotLeave, UnitUnknown

R = TypeVar("R")


class PartnershipCommands(ServiceBase):
    def start_partnership(
        self,
        actor: Actor,
        title: str,
        kind: str,
        purpose: str,
        goals: list[str],
        coordinator_id: UUID,
        starts_on: Any,
        ends_on: Any,
    ) -> Partnership:
        coordinator = self.get(Organisation, require_id("coordinator_id", coordinator_id))
        starts = require_date("starts_on", starts_on)
        ends = None if ends_on is None else require_date("ends_on", ends_on)
        return self.record(
            Partnership.start(
                actor,
                title=title,
                kind=kind,
                purpose=self.text("purpose", purpose),
                goals=goals,
                coordinator_id=coordinator.id,
                starts_on=starts,
                ends_on=ends,
            )
        )

    def _change_partnership(
        self,
        partnership_id: UUID,
        command: Callable[[Partnership], R],
        expected_version: int | None,
    ) -> tuple[Partnership, R]:
        return self.change(Partnership, partnership_id, command, expected_version=expected_version)

    def add_member(
        self,
        actor: Actor,
        partnership_id: UUID,
        organisation_id: UUID,
        role: str,
        *,
        expected_version: int | None = None,
    ) -> Partnership:
        member = self.get(Organisation, require_id("organisation_id", organisation_id))
        partnership, _ = self._change_partnership(
            partnership_id, lambda p: p.join(actor, member.id, role), expected_version
        )
        return partnership

    def remove_member(
        self,
        actor: Actor,
        partnership_id: UUID,
        organisation_id: UUID,
        reason: str,
        *,
        expected_version: int | None = None,
    ) -> Partnership:
        leaver = require_id("organisation_id", organisation_id)
        self._require_no_open_signature(partnership_id, leaver)
        why = self.text("reason", reason)
        partnership, _ = self._change_partnership(
            partnership_id, lambda p: p.leave(actor, leaver, why), expected_version
        )
        return partnership

    def _require_no_open_signature(self, partnership_id: UUID, organisation_id: UUID) -> None:
        """An organisation that must still sign an open decision cannot leave (API.md).

        The candidates come from the current-state read model; each is re-read from the log.
        """
        from samverkan.domain.decision import Decision
        from samverkan.readmodels.current_state import decisions_of

        for decision_id in decisions_of(self.sql, partnership_id):
            decision = self.get(Decision, decision_id)
            if decision.status == "proposed" and organisation_id in decision.signatory_ids:
                raise SignatoryCannotLeave(
                    f"Organisation {organisation_id} must still sign the open decision "
                    f"'{decision.title}'"
                )

    def enter_phase(
        self,
        actor: Actor,
        partnership_id: UUID,
        phase: str,
        rationale: str,
        *,
        expected_version: int | None = None,
    ) -> Partnership:
        why = self.text("rationale", rationale)
        partnership, _ = self._change_partnership(
            partnership_id, lambda p: p.enter_phase(actor, phase, why), expected_version
        )
        return partnership

    def change_status(
        self,
        actor: Actor,
        partnership_id: UUID,
        status: str,
        reason: str,
        *,
        expected_version: int | None = None,
    ) -> Partnership:
        why = self.text("reason", reason)
        partnership, _ = self._change_partnership(
            partnership_id, lambda p: p.change_status(actor, status, why), expected_version
        )
        return partnership

    def define_challenge(
        self,
        actor: Actor,
        partnership_id: UUID,
        title: str,
        description: str,
        level: str,
        needs_of: list[str],
        *,
        expected_version: int | None = None,
    ) -> tuple[Partnership, UUID]:
        text = self.text("description", description)
        return self._change_partnership(
            partnership_id,
            lambda p: p.define_challenge(actor, title, text, level, needs_of),
            expected_version,
        )

    def award_funding(
        self,
        actor: Actor,
        partnership_id: UUID,
        funder_id: UUID,
        amount: Any,
        currency: str,
        reference: str,
        *,
        expected_version: int | None = None,
    ) -> Partnership:
        funder = self.get(Organisation, require_id("funder_id", funder_id))
        partnership, _ = self._change_partnership(
            partnership_id,
            lambda p: p.award_funding(actor, funder.id, amount, currency, reference),
            expected_version,
        )
        return partnership

    def hold_meeting(
        self,
        actor: Actor,
        partnership_id: UUID,
        kind: str,
        held_on: Any,
        place: str,
        attending_organisation_ids: list[UUID],
        summary: str,
        *,
        expected_version: int | None = None,
    ) -> tuple[Partnership, UUID]:
        day: date = require_date("held_on", held_on)
        attending = require_ids("attending_organisation_ids", attending_organisation_ids)
        text = self.text("summary", summary, required=False)
        return self._change_partnership(
            partnership_id,
            lambda p: p.hold_meeting(actor, kind, day, place, attending, text),
            expected_version,
        )

    def designate_clinic(
        self,
        actor: Actor,
        partnership_id: UUID,
        organisation_id: UUID,
        unit_id: UUID,
        *,
        expected_version: int | None = None,
    ) -> Partnership:
        organisation = self.get(Organisation, require_id("organisation_id", organisation_id))
        unit = require_id("unit_id", unit_id)
        if not organisation.has_unit(unit):
            raise UnitUnknown(f"{organisation.name} has no unit {unit}")
        partnership, _ = self._change_partnership(
            partnership_id,
            lambda p: p.designate_clinic(actor, organisation.id, unit),
            expected_version,
        )
        return partnership

    def require_meeting(self, partnership: Partnership, meeting_id: Any) -> UUID | None:
        if meeting_id is None:
            return None
        meeting = require_id("meeting_id", meeting_id)
        if str(meeting) not in partnership.meetings:
            raise InvalidInput.field("meeting_id", "is not a meeting of the partnership")
        return meeting
