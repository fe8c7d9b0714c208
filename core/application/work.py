"""The improvement work: experiments (PDSA), measures, lessons and scale-ups."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor, record_name, require_date, require_id, require_ids
from samverkan.domain.decision import Decision
from samverkan.domain.experiment import Experiment
from samverkan.domain.lesson import Lesson
from samverkan.domain.measure import Measure
from samverkan.domain.organisation import Organisation
from samverkan.domain.partnership import Partnership
from samverkan.domain.scaleup import ScaleUp
from samverkan.errors import InvalidInput, NotFound

# Lesson sources that are records of the partnership (a system analysis may be outside it).
LESSON_SOURCE_TYPES: dict[str, type[Any]] = {"experiment": Experiment, "decision": Decision}


class WorkCommands(ServiceBase):
    def _member_unit_owner(self, partnership: Partnership, field: str, unit_id: Any) -> UUID:
        """The member organisation that has the unit."""
        unit = require_id(field, unit_id)
        for organisation_id in partnership.members:
            if self.read(Organisation, UUID(organisation_id)).has_unit(unit):
                return UUID(organisation_id)
        raise InvalidInput.field(field, f"{unit} is not a unit of a member organisation")

    def _own(self, cls: type[Any], partnership: Partnership, field: str, record_id: Any) -> Any:
        """The record, if it belongs to the partnership; another partnership's record is
        refused like an unknown id, so nothing tells the caller it exists."""
        unknown = InvalidInput.field(
            field, f"no {record_name(cls)} {record_id} in this partnership"
        )
        try:
            record = self.read(cls, require_id(field, record_id))
        except NotFound:
            raise unknown from None
        if record.partnership_id != partnership.id:
            raise unknown
        return record

    # Experiments

    def plan_experiment(
        self,
        actor: Actor,
        partnership_id: UUID,
        title: str,
        change_idea: str,
        prediction: str,
        site_unit_id: UUID,
        measure_ids: list[UUID],
        previous_id: UUID | None = None,
        planned_end_on: Any = None,
    ) -> Experiment:
        partnership = self.read(Partnership, partnership_id)
        site_owner = self._member_unit_owner(partnership, "site_unit_id", site_unit_id)
        measures = require_ids("measure_ids", measure_ids)
        for measure_id in measures:
            self._own(Measure, partnership, "measure_ids", measure_id)
        if previous_id is not None:
            previous_id = self._own(Experiment, partnership, "previous_id", previous_id).id
        return self.record(
            Experiment.plan(
                actor,
                partnership,
                title=title,
                change_idea=self.text("change_idea", change_idea),
                prediction=self.text("prediction", prediction),
                site_organisation_id=site_owner,
                site_unit_id=require_id("site_unit_id", site_unit_id),
                measure_ids=measures,
                previous_id=previous_id,
                planned_end_on=None
                if planned_end_on is None
                else require_date("planned_end_on", planned_end_on),
            )
        )

    def start_experiment(
        self, actor: Actor, experiment_id: UUID, *, expected_version: int | None = None
    ) -> Experiment:
        experiment, _ = self.change(
            Experiment, experiment_id, lambda e: e.start(actor), expected_version=expected_version
        )
        return experiment

    def record_observation(
        self,
        actor: Actor,
        experiment_id: UUID,
        note: str,
        observed_on: Any,
        *,
        expected_version: int | None = None,
    ) -> Experiment:
        text = self.text("note", note)
        day = require_date("observed_on", observed_on)
        experiment, _ = self.change(
            Experiment,
            experiment_id,
            lambda e: e.record_observation(actor, text, day),
            expected_version=expected_version,
        )
        return experiment

    def study_experiment(
        self,
        actor: Actor,
        experiment_id: UUID,
        result: str,
        prediction_held: str,
        *,
        expected_version: int | None = None,
    ) -> Experiment:
        text = self.text("result", result)
        experiment, _ = self.change(
            Experiment,
            experiment_id,
            lambda e: e.study(actor, text, prediction_held),
            expected_version=expected_version,
        )
        return experiment

    def conclude_experiment(
        self,
        actor: Actor,
        experiment_id: UUID,
        act: str,
        rationale: str,
        *,
        expected_version: int | None = None,
    ) -> Experiment:
        text = self.text("rationale", rationale)
        experiment, _ = self.change(
            Experiment,
            experiment_id,
            lambda e: e.conclude(actor, act, text),
            expected_version=expected_version,
        )
        return experiment

    # Measures

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

    # Lessons

    def record_lesson(
        self,
        actor: Actor,
        partnership_id: UUID,
        text: str,
        source_kind: str,
        source_id: UUID | None,
        level: str,
        tags: list[str],
    ) -> Lesson:
        partnership = self.read(Partnership, partnership_id)
        source = None if source_id is None else require_id("source_id", source_id)
        if source is not None and source_kind in LESSON_SOURCE_TYPES:
            self._own(LESSON_SOURCE_TYPES[source_kind], partnership, "source_id", source)
        elif (
            source is not None
            and source_kind == "meeting"
            and str(source) not in partnership.meetings
        ):
            raise InvalidInput.field("source_id", "is not a meeting of the partnership")
        return self.record(
            Lesson.record(
                actor,
                partnership,
                text=self.text("text", text),
                source_kind=source_kind,
                source_id=source,
                level=level,
                tags=tags,
            )
        )

    def retract_lesson(
        self, actor: Actor, lesson_id: UUID, reason: str, *, expected_version: int | None = None
    ) -> Lesson:
        why = self.text("reason", reason)
        lesson, _ = self.change(
            Lesson, lesson_id, lambda x: x.retract(actor, why), expected_version=expected_version
        )
        return lesson

    # Scale-ups

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
            self._member_unit_owner(partnership, "target_unit_ids", unit)
        if origin_id is not None:
            origin_id = self._own(Experiment, partnership, "origin_id", origin_id).id
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
