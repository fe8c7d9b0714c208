"""Clinics, experiments, measures, lessons, scale-ups and decisions' evidence -> dated rows.

Only what the dashboard counts is kept (no free text). Each experiment and lesson row keeps
the organisation of the user who recorded it: that is how an organisation is active in an
experiment.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.plugins.clinics.tables import clinic_events, metadata
from samverkan.plugins.ledger.dated import DatedProjection, keep
from samverkan.projections.base import handles


def by(event: Any) -> str:
    return str(event.actor.organisation_id)


class ClinicsProjection(DatedProjection):
    name = "clinic_dashboard"
    metadata = metadata

    @handles("partnership.started")
    def started(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event, str(event.originator_id))

    @handles("partnership.clinic_designated")
    def clinic(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            clinic_events,
            event,
            organisation_id=event.organisation_id,
            unit_id=event.unit_id,
        )

    @handles("experiment.planned")
    def planned(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            clinic_events,
            event,
            str(event.partnership_id),
            title=event.title,
            site_unit_id=event.site_unit_id,
            measure_ids=event.measure_ids,
            by=by(event),
        )

    @handles("experiment.started", "experiment.observation_recorded")
    def running(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event, by=by(event))

    @handles("experiment.studied")
    def studied(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event, prediction_held=event.prediction_held, by=by(event))

    @handles("experiment.concluded")
    def concluded(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event, act=event.act, by=by(event))

    @handles("measure.defined")
    def measure(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            clinic_events,
            event,
            str(event.partnership_id),
            name=event.name,
            unit=event.unit,
            direction=event.direction,
            baseline=event.baseline,
            target=event.target,
        )

    @handles("measure.value_recorded", "measure.value_corrected")
    def value(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event, period=event.period, value=event.value)

    @handles("lesson.recorded")
    def lesson(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            clinic_events,
            event,
            str(event.partnership_id),
            source_kind=event.source_kind,
            source_id=event.source_id,
            level=event.level,
            tags=event.tags,
            by=by(event),
        )

    @handles("lesson.retracted")
    def retracted(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event)

    @handles("scale_up.planned")
    def scale_up(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            clinic_events,
            event,
            str(event.partnership_id),
            practice=event.practice,
            origin_id=event.origin_id,
        )

    @handles("scale_up.adoption_recorded")
    def adoption(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event, unit_id=event.unit_id, stage=event.stage)

    @handles("scale_up.completed", "scale_up.halted")
    def scale_up_ended(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, clinic_events, event)

    @handles("decision.proposed")
    def decision(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            clinic_events,
            event,
            str(event.partnership_id),
            evidence=event.evidence,
            signatory_ids=event.signatory_ids,
        )

    @handles("decision.amended")
    def amended(self, connection: sa.Connection, event: Any) -> None:
        changes = event.changes
        keep(
            connection,
            clinic_events,
            event,
            evidence=changes.get("evidence"),
            signatory_ids=changes.get("signatory_ids"),
        )
