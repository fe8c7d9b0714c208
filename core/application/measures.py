"""Measures: defined with unit, direction, baseline and target; values recorded and corrected."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor
from samverkan.domain.measure import Measure
from samverkan.domain.partnership import Partnership


class MeasureCommands(ServiceBase):
    def define_measure(
        self,
        actor: Actor,
        partnership_id: UUID,
        name: str,
        unit: str,
        direction: str,
        baseline: Any,
        target: Any,
        method: str,
    ) -> Measure:
        partnership = self.read(Partnership, partnership_id)
        return self.record(
            Measure.define(
                actor,
                partnership,
                name=name,
                unit=unit,
                direction=direction,
                baseline=baseline,
                target=target,
                method=self.text("method", method, required=False),
            )
        )

    def record_value(
        self,
        actor: Actor,
        measure_id: UUID,
        period: Any,
        value: Any,
        n: int | None = None,
        *,
        expected_version: int | None = None,
    ) -> Measure:
        measure, _ = self.change(
            Measure,
            measure_id,
            lambda m: m.record_value(actor, period, value, n),
            expected_version=expected_version,
        )
        return measure

    def correct_value(
        self,
        actor: Actor,
        measure_id: UUID,
        period: Any,
        value: Any,
        reason: str,
        *,
        expected_version: int | None = None,
    ) -> Measure:
        why = self.text("reason", reason)
        measure, _ = self.change(
            Measure,
            measure_id,
            lambda m: m.correct_value(actor, period, value, why),
            expected_version=expected_version,
        )
        return measure
