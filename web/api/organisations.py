"""Organisations and their units. Admins register and change them; everyone signed in reads."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import url_for
from marshmallow import fields, validate

from samverkan.application.viewer import Viewer
from samverkan.domain.organisation import Organisation
from samverkan.domain.vocabulary import ORGANISATION_KINDS, UNIT_TYPES
from samverkan.errors import NotFound
from samverkan.readmodels.current_state import load_current, load_many, states
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import (
    Reply,
    expected_version,
    page,
    page_args,
    reply,
    time_travel,
)
from samverkan.web.api.schemas import Strict, Versioned, choice, list_schema
from samverkan.web.auth import require_user, service

blp = blueprint("organisations", "Regions, municipalities, companies... and their units")


class UnitSchema(Strict):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    unit_type = choice(UNIT_TYPES, required=True)


class OrganisationSchema(Versioned, Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = choice(ORGANISATION_KINDS, required=True)
    country = fields.String(required=True, metadata={"description": "ISO 3166-1 alpha-2"})
    units = fields.List(fields.Nested(UnitSchema), dump_only=True)

    class Meta:
        dump_only = ("id", "version", "units")


class RenameSchema(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))


def present(organisation: Organisation) -> dict[str, Any]:
    return {
        "id": organisation.id,
        "version": organisation.version,
        "name": organisation.name,
        "kind": organisation.kind,
        "country": organisation.country,
        "units": [{"id": UUID(uid), **unit} for uid, unit in organisation.units.items()],
    }


def answer(organisation: Organisation, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("organisations.organisation", organisation_id=organisation.id)
    return reply(present(organisation), organisation.version, status, location)


@blp.get("/organisations")
@blp.response(200, list_schema(OrganisationSchema))
def organisations() -> dict[str, Any]:
    """Every organisation (any signed-in user), in a stable order."""
    require_user()
    limit, cursor = page_args()
    query = sa.select(states.c.id).where(states.c.kind == "organisation").order_by(states.c.id)
    if cursor is not None:
        query = query.where(states.c.id > cursor)
    with service().sql.connect() as connection:
        ids = [UUID(row.id) for row in connection.execute(query.limit(limit + 1))]
    items = [present(o) for o in load_many(service().sql, Organisation, ids)]
    return page(items, limit, lambda item: str(item["id"]))


@blp.post("/organisations")
@blp.arguments(OrganisationSchema)
@blp.response(201, OrganisationSchema)
def register(body: dict[str, Any]) -> Reply:
    """Register an organisation (admins)."""
    user = require_user()
    Viewer.of(service().sql, user).require_role("admin")
    organisation = service().register_organisation(
        user.actor, body["name"], body["kind"], body["country"]
    )
    return answer(organisation, 201)


@blp.get("/organisations/<uuid:organisation_id>")
@blp.response(200, OrganisationSchema)
def organisation(organisation_id: UUID) -> Reply:
    require_user()
    version, as_of = time_travel()
    if version is None and as_of is None:
        found = load_current(service().sql, Organisation, organisation_id)
        if found is None:
            raise NotFound(f"No organisation {organisation_id}")
    else:
        found = service().get(Organisation, organisation_id, version=version, as_of=as_of)
    return answer(found)


@blp.post("/organisations/<uuid:organisation_id>/name")
@blp.arguments(RenameSchema)
@blp.response(200, OrganisationSchema)
def rename(body: dict[str, Any], organisation_id: UUID) -> Reply:
    """Rename an organisation (admins)."""
    user = require_user()
    Viewer.of(service().sql, user).require_role("admin")
    renamed = service().rename_organisation(
        user.actor, organisation_id, body["name"], expected_version=expected_version()
    )
    return answer(renamed)


@blp.post("/organisations/<uuid:organisation_id>/units")
@blp.arguments(UnitSchema)
@blp.response(200, OrganisationSchema)
def add_unit(body: dict[str, Any], organisation_id: UUID) -> Reply:
    """Add a unit (a clinic, ward, health centre...) to an organisation (admins)."""
    user = require_user()
    Viewer.of(service().sql, user).require_role("admin")
    changed, _ = service().add_unit(
        user.actor,
        organisation_id,
        body["name"],
        body["unit_type"],
        expected_version=expected_version(),
    )
    return answer(changed)
