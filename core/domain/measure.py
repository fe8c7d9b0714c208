"""Measure: what is measured, how, and the values recorded per period."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    TextRef,
    created_topic,
    require_amount,
    require_choice,
    require_int,
    require_text,
)
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import DIRECTIONS
from samverkan.errors import DuplicatePeriod, InvalidInput, UnknownPeriod

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def normalise_period(value: Any) -> str:
    """A period is a month (``2026-03``) or a day (``2026-03-01``)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        if MONTH.match(value):
            return value
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise InvalidInput.field("period", "must be a month such as 2026-03 or a date")


def optional_amount(field: str, value: Any) -> Decimal | None:
    return None if value is None else require_amount(field, value, positive=False)


class Measure(Record):
    TOPIC = "measure"
    Created = created_topic("measure")

    @classmethod
    def define(
        cls,
        actor: Actor,
        partnership: Partnership,
        name: str,
        unit: str,
        direction: str,
        baseline: Any,
        target: Any,
        method: TextRef,
    ) -> Measure:
        return cls(
            actor=actor,
            partnership_id=partnership.id,
            name=require_text("name", name, max_length=200),
            unit=require_text("unit", unit, max_length=50),
            direction=require_choice("direction", direction, DIRECTIONS),
            baseline=optional_amount("baseline", baseline),
            target=optional_amount("target", target),
            method=method,
        )

    @event("Defined", topic="measure.defined")
    def __init__(
        self,
        actor: Actor,
        partnership_id: UUID,
        name: str,
        unit: str,
        direction: str,
        baseline: Decimal | None,
        target: Decimal | None,
        method: TextRef,
    ) -> None:
        self.partnership_id = partnership_id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.values: dict[str, Decimal] = {}

    def record_value(self, actor: Actor, period: Any, value: Any, n: int | None) -> None:
        period = normalise_period(period)
        if period in self.values:
            raise DuplicatePeriod(f"A value for {period} is recorded; send a correction")
        self._value_recorded(
            actor=actor,
            period=period,
            value=require_amount("value", value, positive=False),
            n=None if n is None else require_int("n", n, low=1),
        )

    @event("ValueRecorded", topic="measure.value_recorded")
    def _value_recorded(self, actor: Actor, period: str, value: Decimal, n: int | None) -> None:
        self.values[period] = value

    def correct_value(self, actor: Actor, period: Any, value: Any, reason: TextRef) -> None:
        period = normalise_period(period)
        if period not in self.values:
            raise UnknownPeriod(f"No value is recorded for {period}")
        self._value_corrected(
            actor=actor,
            period=period,
            value=require_amount("value", value, positive=False),
            reason=reason,
        )

    @event("ValueCorrected", topic="measure.value_corrected")
    def _value_corrected(self, actor: Actor, period: str, value: Decimal, reason: TextRef) -> None:
        self.values[period] = value
