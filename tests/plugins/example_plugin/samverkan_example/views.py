"""The example's blueprints: a page, and a JSON API under /api/v1/example/.

The API blueprint is a flask-smorest one, so the OpenAPI document describes its routes.
"""

from __future__ import annotations

import uuid
from typing import Any

import flask_smorest
import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify, request

from samverkan.domain.base import Actor
from samverkan.readmodels.records_index import records

from .projection import meetings_of

pages = Blueprint("example", __name__)
api = flask_smorest.Blueprint(
    "example_api", __name__, url_prefix="/api/v1/example", description="The example plugin"
)


def service() -> Any:
    return current_app.extensions["samverkan"]


@pages.get("/example/")
def page() -> str:
    return "<h1>Example plugin</h1><p>Meetings of each partnership, from its projection.</p>"


@api.route("/meetings/<partnership_id>", methods=["GET"])
def meetings_api(partnership_id: str) -> Any:
    """The meetings of a partnership, from the example's projection."""
    return jsonify(meetings=meetings_of(service().sql, partnership_id))


@api.route("/organisations", methods=["POST"])
def register_organisation() -> Any:
    """A write through the application service; the records index has it at once after."""
    body = request.get_json(force=True)
    actor = Actor(user_id=uuid.uuid4(), organisation_id=uuid.uuid4())
    organisation = service().register_organisation(actor, body["name"], "region", "SE")
    return jsonify(id=str(organisation.id), version=organisation.version), 201


@api.route("/records/<record_id>", methods=["GET"])
def record_api(record_id: str) -> Any:
    """One record from the core's records index."""
    with service().sql.connect() as connection:
        row = connection.execute(sa.select(records).where(records.c.id == record_id)).first()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(id=row.id, kind=row.kind, title=row.title, status=row.status)
