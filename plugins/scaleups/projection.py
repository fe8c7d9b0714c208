"""Scale-up events -> dated rows (notes stay out: they are erasable text)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import DatedProjection, keep
from samverkan.plugins.scaleups.tables import metadata, scale_up_events
from samverkan.projections.base import handles


class ScaleUpProjection(DatedProjection):
    name = "scale_up_matrix"
    metadata = metadata

    @handles("scale_up.planned")
    def planned(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            scale_up_events,
            event,
            str(event.partnership_id),
            practice=event.practice,
            origin_id=event.origin_id,
            target_unit_ids=event.target_unit_ids,
        )

    @handles("scale_up.adoption_recorded")
    def adoption(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, scale_up_events, event, unit_id=event.unit_id, stage=event.stage)

    @handles("scale_up.completed", "scale_up.halted")
    def ended(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, scale_up_events, event)
