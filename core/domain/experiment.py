"""Experiment: one Plan-Do-Study-Act cycle, its stages in order."""

from __future__ import annotations

from datetime import date
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
from samverkan.domain.vocabulary import ACTS, PREDICTION_HELD
from samverkan.errors import StageOutOfOrder


class Experiment(Record):
    TOPIC = "experiment"
    Created = created_topic("experiment")

    @classmethod
    def plan(
        cls,
        actor: Actor,
        partnership: Partnership,
        title: str,
        change_idea: TextRef,
        prediction: TextRef,
        site_organisation_id: UUID,
        site_unit_id: UUID,
        measure_ids: list[UUID],
        previous_id: UUID | None,
        planned_end_on: date | None,
    ) -> Experiment:
        """The caller checks that the site unit, measures and previous cycle exist."""
        partnership.require_member(site_organisation_id)
        return cls(
            actor=actor,
            partnership_id=partnership.id,
            title=require_text("title", title, max_length=200),
            change_idea=change_idea,
            prediction=prediction,
            site_organisation_id=site_organisation_id,
            site_unit_id=site_unit_id,
            measure_ids=list(measure_ids),
            previous_id=previous_id,
            planned_end_on=planned_end_on,
        )

    @event("Planned", topic="experiment.planned")
    def __init__(
        self,
        actor: Actor,
        partnership_id: UUID,
        title: str,
        change_idea: TextRef,
        prediction: TextRef,
        site_organisation_id: UUID,
        site_unit_id: UUID,
        measure_ids: list[UUID],
        previous_id: UUID | None,
        planned_end_on: date | None,
    ) -> None:
        self.partnership_id = partnership_id
        self.title = title
        self.site_organisation_id = site_organisation_id
        self.site_unit_id = site_unit_id
        self.measure_ids = measure_ids
        self.previous_id = previous_id
        self.planned_end_on = planned_end_on
        self.stage = "planned"
        self.observations = 0
        self.act: str | None = None

    def _require_stage(self, stage: str, doing: str) -> None:
        if self.stage != stage:
            raise StageOutOfOrder(f"Cannot {doing}: the experiment is {self.stage}, not {stage}")

    def start(self, actor: Actor) -> None:
        self._require_stage("planned", "start")
        self._started(actor=actor)

    @event("Started", topic="experiment.started")
    def _started(self, actor: Actor) -> None:
        self.stage = "running"

    def record_observation(self, actor: Actor, note: TextRef, observed_on: date) -> None:
        self._require_stage("running", "record an observation")
        self._observation_recorded(actor=actor, note=note, observed_on=observed_on)

    @event("ObservationRecorded", topic="experiment.observation_recorded")
    def _observation_recorded(self, actor: Actor, note: TextRef, observed_on: date) -> None:
        self.observations += 1

    def study(self, actor: Actor, result: TextRef, prediction_held: str) -> None:
        self._require_stage("running", "study the results")
        self._studied(
            actor=actor,
            result=result,
            prediction_held=require_choice("prediction_held", prediction_held, PREDICTION_HELD),
        )

    @event("Studied", topic="experiment.studied")
    def _studied(self, actor: Actor, result: TextRef, prediction_held: str) -> None:
        self.stage = "studied"
        self.prediction_held = prediction_held

    def conclude(self, actor: Actor, act: str, rationale: TextRef) -> None:
        self._require_stage("studied", "conclude")
        self._concluded(actor=actor, act=require_choice("act", act, ACTS), rationale=rationale)

    @event("Concluded", topic="experiment.concluded")
    def _concluded(self, actor: Actor, act: str, rationale: TextRef) -> None:
        self.stage = "concluded"
        self.act = act
