"""Meetings and decisions proposed at a meeting -> dated rows (summaries stay out)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.plugins.calendar.tables import calendar_events, metadata
from samverkan.plugins.ledger.dated import DatedProjection, keep
from samverkan.projections.base import handles


class CalendarProjection(DatedProjection):
    name = "calendar"
    metadata = metadata

    @handles("partnership.meeting_held")
    def meeting_held(self, connection: sa.Connection, event: Any) -> None:
        keep(
            connection,
            calendar_events,
            event,
            str(event.originator_id),
            meeting_id=event.meeting_id,
            kind=event.kind,
            held_on=event.held_on,
            place=event.place,
            attending=event.attending_organisation_ids,
        )

    @handles("decision.proposed")
    def decision_proposed(self, connection: sa.Connection, event: Any) -> None:
        if event.meeting_id is None:
            return  # decided outside meetings: not on the calendar
        keep(
            connection,
            calendar_events,
            event,
            str(event.partnership_id),
            meeting_id=event.meeting_id,
            title=event.title,
        )

    @handles("decision.amended")
    def decision_amended(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, calendar_events, event, title=event.changes.get("title"))

    @handles("decision.adopted", "decision.rejected", "decision.withdrawn", "decision.superseded")
    def decision_closed(self, connection: sa.Connection, event: Any) -> None:
        keep(connection, calendar_events, event)
