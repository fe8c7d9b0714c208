"""GET /api/v1/partnerships/{id}/calendar: meetings, attendance, decisions taken at each."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from marshmallow import Schema, fields

from samverkan.plugins.calendar.calendar import as_json, calendar_of
from samverkan.plugins.ledger.viewing import partnership_cutoff
from samverkan.web.api.blueprints import blueprint
from samverkan.web.auth import service

blp = blueprint("calendar", "The learning-network calendar of a partnership")


class CalendarDecisionSchema(Schema):
    id = fields.UUID()
    title = fields.String()
    status = fields.String()


class CalendarMeetingSchema(Schema):
    id = fields.UUID()
    kind = fields.String()
    held_on = fields.String(metadata={"description": "ISO 8601 date"})
    place = fields.String()
    attending_organisation_ids = fields.List(fields.UUID())
    decisions = fields.List(fields.Nested(CalendarDecisionSchema))


class CalendarIntervalSchema(Schema):
    after_gathering_id = fields.UUID(allow_none=True)
    before_gathering_id = fields.UUID(allow_none=True)
    local_meeting_ids = fields.List(fields.UUID())


class CalendarAttendanceSchema(Schema):
    organisation_id = fields.UUID()
    meetings = fields.Integer()
    by_kind = fields.Dict(keys=fields.String(), values=fields.Integer())


class CalendarPlaceSchema(Schema):
    place = fields.String()
    meetings = fields.Integer()


class CalendarSchema(Schema):
    partnership_id = fields.UUID()
    as_of = fields.DateTime(allow_none=True)
    meetings = fields.List(fields.Nested(CalendarMeetingSchema))
    between_gatherings = fields.List(fields.Nested(CalendarIntervalSchema))
    attendance = fields.List(fields.Nested(CalendarAttendanceSchema))
    places = fields.List(fields.Nested(CalendarPlaceSchema))


@blp.get("/partnerships/<uuid:partnership_id>/calendar")
@blp.response(200, CalendarSchema)
def calendar(partnership_id: UUID) -> dict[str, Any]:
    """Meetings by day held, with place, attending organisations and the decisions proposed at
    each; local meetings between gatherings; attendance per organisation; ``?as_of=``."""
    cutoff = partnership_cutoff(partnership_id)
    found = calendar_of(service().sql, partnership_id, cutoff)
    return {"partnership_id": partnership_id, "as_of": cutoff, **as_json(found)}
