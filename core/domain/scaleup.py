"""ScaleUp: spreading a practice that worked to more units, stage by stage."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    TextRef,
    created_topic,
    require_choice,
    require_text,
)
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import ADOPTION_STAGES
from samverkan.errors import InvalidInput, NotATargetUnit, ScaleUpEnded


class ScaleUp(Record):
    TOPIC = "scale_up"
    Created = created_topic("scale_up")

    @classmethod
    def plan(
        cls,
        actor: Actor,
        partnership: Partnership,
        practice: str,
        origin_id: UUID | None,
        target_unit_ids: list[UUID],
    ) -> ScaleUp:
        """The caller checks that the origin experiment and the target units exist."""
        if not target_unit_ids:
            raise InvalidInput.field("target_unit_ids", "must name at least one unit")
        return cls(
            actor=actor,
            partnership_id=partnership.id,
            practice=require_text("practice", practice, max_length=300),
            origin_id=origin_id,
            target_unit_ids=list(target_unit_ids),
        )

    @event("Planned", topic="scale_up.planned")
    def __init__(
        self,
        actor: Actor,
        partnership_id: UUID,
        practice: str,
        origin_id: UUID | None,
        target_unit_ids: list[UUID],
    ) -> None:
        self.partnership_id = partnership_id
        self.practice = practice
        self.origin_id = origin_id
        self.target_unit_ids = target_unit_ids
        self.stages: dict[str, str] = {}
        self.status = "active"

    def record_adoption(self, actor: Actor, unit_id: UUID, stage: str, note: TextRef) -> None:
        self._require_active()
        if unit_id not in self.target_unit_ids:
            raise NotATargetUnit(f"Unit {unit_id} is not a target of this scale-up")
        self._adoption_recorded(
            actor=actor,
            unit_id=unit_id,
            stage=require_choice("stage", stage, ADOPTION_STAGES),
            note=note,
        )

    @event("AdoptionRecorded", topic="scale_up.adoption_recorded")
    def _adoption_recorded(self, actor: Actor, unit_id: UUID, stage: str, note: TextRef) -> None:
        self.stages[str(unit_id)] = stage

    def complete(self, actor: Actor, note: TextRef) -> None:
        self._require_active()
        self._completed(actor=actor, note=note)

    @event("Completed", topic="scale_up.completed")
    def _completed(self, actor: Actor, note: TextRef) -> None:
        self.status = "completed"

    def halt(self, actor: Actor, reason: TextRef) -> None:
        self._require_active()
        self._halted(actor=actor, reason=reason)

    @event("Halted", topic="scale_up.halted")
    def _halted(self, actor: Actor, reason: TextRef) -> None:
        self.status = "halted"

    def _require_active(self) -> None:
        if self.status != "active":
            raise ScaleUpEnded(f"The scale-up is {self.status}")
