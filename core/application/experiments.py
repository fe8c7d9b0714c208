"""Experiments (PDSA cycles): planned at a member's unit, started, observed, studied, concluded."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor, require_date, require_id, require_ids
from samverkan.domain.experiment import Experiment
from samverkan.domain.measure import Measure
from samverkan.domain.partnership import Partnership


class ExperimentCommands(ServiceBase):
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
        site_owner = self.member_unit_owner(partnership, "site_unit_id", site_unit_id)
        measures = require_ids("measure_ids", measure_ids)
        for measure_id in measures:
            self.own(Measure, partnership, "measure_ids", measure_id)
        if previous_id is not None:
            previous_id = self.own(Experiment, partnership, "previous_id", previous_id).id
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
