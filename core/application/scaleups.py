"""Scale-ups: a practice planned for target units, its adoption recorded per unit."""

from __future__ import annotations

from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor, require_id, require_ids
from samverkan.domain.experiment import Experiment
from samverkan.domain.partnership import Partnership
from samverkan.domain.scaleup import ScaleUp


class ScaleUpCommands(ServiceBase):
    def plan_scale_up(
        self,
        actor: Actor,
        partnership_id: UUID,
        practice: str,
        origin_id: UUID | None,
        target_unit_ids: list[UUID],
    ) -> ScaleUp:
        partnership = self.read(Partnership, partnership_id)
        units = require_ids("target_unit_ids", target_unit_ids)
        for unit in units:
            self.member_unit_owner(partnership, "target_unit_ids", unit)
        if origin_id is not None:
            origin_id = self.own(Experiment, partnership, "origin_id", origin_id).id
        return self.record(ScaleUp.plan(actor, partnership, practice, origin_id, units))

    def record_adoption(
        self,
        actor: Actor,
        scale_up_id: UUID,
        unit_id: UUID,
        stage: str,
        note: str = "",
        *,
        expected_version: int | None = None,
    ) -> ScaleUp:
        unit = require_id("unit_id", unit_id)
        text = self.text("note", note, required=False)
        scale_up, _ = self.change(
            ScaleUp,
            scale_up_id,
            lambda s: s.record_adoption(actor, unit, stage, text),
            expected_version=expected_version,
        )
        return scale_up

    def complete_scale_up(
        self, actor: Actor, scale_up_id: UUID, note: str, *, expected_version: int | None = None
    ) -> ScaleUp:
        text = self.text("note", note, required=False)
        scale_up, _ = self.change(
            ScaleUp,
            scale_up_id,
            lambda s: s.complete(actor, text),
            expected_version=expected_version,
        )
        return scale_up

    def halt_scale_up(
        self, actor: Actor, scale_up_id: UUID, reason: str, *, expected_version: int | None = None
    ) -> ScaleUp:
        why = self.text("reason", reason)
        scale_up, _ = self.change(
            ScaleUp, scale_up_id, lambda s: s.halt(actor, why), expected_version=expected_version
        )
        return scale_up
