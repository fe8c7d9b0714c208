"""Partnerships: who works together, in which phase, on which challenges, with what money.

Coordinators start partnerships for their own organisation and manage them (members, phase,
status, challenges, meetings, funding, clinics); members and auditors read the partnerships
their organisation is in; anything else answers 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import url_for
from marshmallow import Schema, fields, validate

from samverkan.application.viewer import MANAGE, Forbidden, Viewer
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import (
    LEVELS,
    MEETING_KINDS,
    MEMBER_ROLES,
    NEEDS_OF,
    PARTNERSHIP_KINDS,
    PARTNERSHIP_STATUSES,
    PHASES,
)
from samverkan.errors import NotFound
from samverkan.readmodels.current_state import load_many, states
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import Reply, expected_version, page, page_args, reply
from samverkan.web.api.presenters_partnership import present, present_summaries
from samverkan.web.api.records import (
    allowed,
    as_seen,
    current,
    read_limit,
    require_organisation,
    utc,
)
from samverkan.web.api.schemas import NoNul, Versioned, amount, choice, list_schema, text
from samverkan.web.auth import require_user, service

blp = blueprint("partnerships", "Partnerships, their members, phases, meetings and funding")


def title() -> fields.String:
    return fields.String(required=True, validate=validate.Length(min=1, max=200))


class PartnershipEntrySchema(Schema):
    at = fields.DateTime()
    user_id = fields.UUID(allow_none=True)
    organisation_id = fields.UUID(allow_none=True)


class PartnershipMemberSchema(Schema):
    organisation_id = fields.UUID()
    role = fields.String()
    joined_at = fields.DateTime(allow_none=True)


class PartnershipFormerMemberSchema(Schema):
    organisation_id = fields.UUID()
    role = fields.String(allow_none=True)
    left_at = fields.DateTime()
    reason = fields.String(allow_none=True)


class PartnershipPhaseSchema(PartnershipEntrySchema):
    phase = fields.String()
    rationale = fields.String(allow_none=True)


class PartnershipStatusChangeSchema(PartnershipEntrySchema):
    status = fields.String()
    reason = fields.String(allow_none=True)


class PartnershipChallengeSchema(PartnershipEntrySchema):
    id = fields.UUID()
    title = fields.String()
    description = fields.String(allow_none=True)
    level = fields.String()
    needs_of = fields.List(fields.String())


class PartnershipMeetingSchema(PartnershipEntrySchema):
    id = fields.UUID()
    kind = fields.String()
    held_on = fields.Date()
    place = fields.String()
    attending_organisation_ids = fields.List(fields.UUID())
    summary = fields.String(allow_none=True)


class PartnershipFundingSchema(PartnershipEntrySchema):
    funder_id = fields.UUID()
    amount = amount()
    currency = fields.String()
    reference = fields.String()


class PartnershipClinicSchema(PartnershipEntrySchema):
    organisation_id = fields.UUID()
    unit_id = fields.UUID()


class PartnershipSummarySchema(Versioned):
    title = fields.String()
    kind = fields.String()
    status = fields.String()
    phase = fields.String(allow_none=True)
    purpose = fields.String(allow_none=True, metadata={"description": "null when erased"})
    goals = fields.List(fields.String())
    coordinator_id = fields.UUID()
    starts_on = fields.Date()
    ends_on = fields.Date(allow_none=True)
    members = fields.List(fields.Nested(PartnershipMemberSchema))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class PartnershipSchema(PartnershipSummarySchema):
    former_members = fields.List(fields.Nested(PartnershipFormerMemberSchema))
    phases = fields.List(fields.Nested(PartnershipPhaseSchema))
    status_changes = fields.List(fields.Nested(PartnershipStatusChangeSchema))
    challenges = fields.List(fields.Nested(PartnershipChallengeSchema))
    meetings = fields.List(fields.Nested(PartnershipMeetingSchema))
    funding = fields.List(fields.Nested(PartnershipFundingSchema))
    clinics = fields.List(fields.Nested(PartnershipClinicSchema))


class PartnershipStartSchema(NoNul):
    title = title()
    kind = choice(PARTNERSHIP_KINDS, required=True)
    purpose = text()
    goals = fields.List(fields.String(validate=validate.Length(min=1, max=500)), load_default=[])
    coordinator_id = fields.UUID(
        load_default=None, metadata={"description": "defaults to the caller's organisation"}
    )
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(load_default=None, allow_none=True)


class PartnershipJoinSchema(NoNul):
    organisation_id = fields.UUID(required=True)
    role = choice(MEMBER_ROLES, required=True)


class PartnershipLeaveSchema(NoNul):
    reason = text()


class PartnershipPhaseRequestSchema(NoNul):
    phase = choice(PHASES, required=True)
    rationale = text()


class PartnershipStatusRequestSchema(NoNul):
    status = choice(PARTNERSHIP_STATUSES, required=True)
    reason = text()


class PartnershipChallengeRequestSchema(NoNul):
    title = title()
    description = text()
    level = choice(LEVELS, required=True)
    needs_of = fields.List(choice(NEEDS_OF), required=True, validate=validate.Length(min=1))


class PartnershipMeetingRequestSchema(NoNul):
    kind = choice(MEETING_KINDS, required=True)
    held_on = fields.Date(required=True)
    place = title()
    attending_organisation_ids = fields.List(fields.UUID(), load_default=[])
    summary = text(required=False)


class PartnershipFundingRequestSchema(NoNul):
    funder_id = fields.UUID(required=True)
    amount = amount(required=True)
    currency = fields.String(required=True, validate=validate.Regexp(r"^[A-Z]{3}$"))
    reference = title()


class PartnershipClinicRequestSchema(NoNul):
    organisation_id = fields.UUID(required=True)
    unit_id = fields.UUID(required=True)


def answer(partnership: Partnership, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("partnerships.partnership", partnership_id=partnership.id)
    return reply(present(partnership), partnership.version, status, location)


def manager(partnership_id: UUID) -> Any:
    """The caller, who may manage the partnership (404 if invisible, 403 if not its role)."""
    user = allowed(partnership_id, MANAGE)
    current(Partnership, partnership_id)  # an admin's unknown id: 404 before any body check
    return user


@blp.get("/partnerships")
@blp.response(200, list_schema(PartnershipSummarySchema))
def partnerships() -> dict[str, Any]:
    """The partnerships the caller's organisation is or was in (all, for admins)."""
    user = require_user()
    access = Viewer.of(service().sql, user)
    visible = access.visible_partnerships()
    limit, cursor = page_args()
    query = sa.select(states.c.id).where(states.c.kind == "partnership").order_by(states.c.id)
    if visible is not None:
        query = query.where(states.c.id.in_([str(pid) for pid in visible]))
    if cursor is not None:
        query = query.where(states.c.id > str(cursor))
    with service().sql.connect() as connection:
        ids = [UUID(row.id) for row in connection.execute(query.limit(limit + 1))]
    found = load_many(service().sql, Partnership, ids)
    for n, seen in enumerate(found):  # one that left sees each as it was when it left
        left_at = access.read_limit(seen.id)
        if left_at is not None:
            found[n] = service().get(Partnership, seen.id, as_of=utc(left_at))
    return page(present_summaries(found), limit, lambda item: str(item["id"]))


@blp.post("/partnerships")
@blp.arguments(PartnershipStartSchema)
@blp.response(201, PartnershipSchema)
def start(body: dict[str, Any]) -> Reply:
    """Start a partnership (coordinators, for their own organisation; admins, for any)."""
    user = require_user()
    access = Viewer.of(service().sql, user)
    access.require_role("coordinator")
    coordinator_id = body["coordinator_id"] or user.organisation_id
    if not access.is_admin and coordinator_id != user.organisation_id:
        raise Forbidden("A coordinator starts partnerships for its own organisation")
    require_organisation("coordinator_id", coordinator_id)
    started = service().start_partnership(
        user.actor,
        body["title"],
        body["kind"],
        body["purpose"],
        body["goals"],
        coordinator_id,
        body["starts_on"],
        body["ends_on"],
    )
    return answer(started, 201)


@blp.get("/partnerships/<uuid:partnership_id>")
@blp.response(200, PartnershipSchema)
def partnership(partnership_id: UUID) -> Reply:
    """The partnership now, ``?version=n`` or ``?as_of=`` (a former member: at its leaving)."""
    _, limit = read_limit(partnership_id)
    seen = as_seen(Partnership, partnership_id, current(Partnership, partnership_id), limit)
    return answer(seen)


@blp.post("/partnerships/<uuid:partnership_id>/members")
@blp.arguments(PartnershipJoinSchema)
@blp.response(200, PartnershipSchema)
def add_member(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Add a member organisation (coordinators)."""
    user = manager(partnership_id)
    organisation_id = require_organisation("organisation_id", body["organisation_id"])
    changed = service().add_member(
        user.actor,
        partnership_id,
        organisation_id,
        body["role"],
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.delete("/partnerships/<uuid:partnership_id>/members/<uuid:organisation_id>")
@blp.arguments(PartnershipLeaveSchema)
@blp.response(200, PartnershipSchema)
def remove_member(body: dict[str, Any], partnership_id: UUID, organisation_id: UUID) -> Reply:
    """Remove a member (coordinators); 409 while it must still sign an open decision."""
    user = manager(partnership_id)
    if not current(Partnership, partnership_id).is_member(organisation_id):
        raise NotFound(f"Organisation {organisation_id} is not a member of the partnership")
    changed = service().remove_member(
        user.actor,
        partnership_id,
        organisation_id,
        body["reason"],
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.post("/partnerships/<uuid:partnership_id>/phases")
@blp.arguments(PartnershipPhaseRequestSchema)
@blp.response(200, PartnershipSchema)
def enter_phase(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Enter a phase: understand, redesign or scale_up (coordinators)."""
    user = manager(partnership_id)
    changed = service().enter_phase(
        user.actor,
        partnership_id,
        body["phase"],
        body["rationale"],
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.post("/partnerships/<uuid:partnership_id>/status")
@blp.arguments(PartnershipStatusRequestSchema)
@blp.response(200, PartnershipSchema)
def change_status(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Change the status: planned, active, paused or completed (coordinators)."""
    user = manager(partnership_id)
    changed = service().change_status(
        user.actor,
        partnership_id,
        body["status"],
        body["reason"],
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.post("/partnerships/<uuid:partnership_id>/challenges")
@blp.arguments(PartnershipChallengeRequestSchema)
@blp.response(200, PartnershipSchema)
def define_challenge(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Define a challenge the partnership works on (coordinators)."""
    user = manager(partnership_id)
    changed, _ = service().define_challenge(
        user.actor,
        partnership_id,
        body["title"],
        body["description"],
        body["level"],
        body["needs_of"],
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.post("/partnerships/<uuid:partnership_id>/meetings")
@blp.arguments(PartnershipMeetingRequestSchema)
@blp.response(200, PartnershipSchema)
def hold_meeting(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Record a meeting: a workshop, network gathering, local meeting... (coordinators)."""
    user = manager(partnership_id)
    changed, _ = service().hold_meeting(
        user.actor,
        partnership_id,
        body["kind"],
        body["held_on"],
        body["place"],
        body["attending_organisation_ids"],
        body.get("summary") or "",
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.post("/partnerships/<uuid:partnership_id>/funding")
@blp.arguments(PartnershipFundingRequestSchema)
@blp.response(200, PartnershipSchema)
def award_funding(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Record funding awarded to the partnership (coordinators)."""
    user = manager(partnership_id)
    funder_id = require_organisation("funder_id", body["funder_id"])
    changed = service().award_funding(
        user.actor,
        partnership_id,
        funder_id,
        body["amount"],
        body["currency"],
        body["reference"],
        expected_version=expected_version(),
    )
    return answer(changed)


@blp.post("/partnerships/<uuid:partnership_id>/clinics")
@blp.arguments(PartnershipClinicRequestSchema)
@blp.response(200, PartnershipSchema)
def designate_clinic(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Designate a member's unit an innovation clinic (coordinators)."""
    user = manager(partnership_id)
    organisation_id = require_organisation("organisation_id", body["organisation_id"])
    changed = service().designate_clinic(
        user.actor,
        partnership_id,
        organisation_id,
        body["unit_id"],
        expected_version=expected_version(),
    )
    return answer(changed)
