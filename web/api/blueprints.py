"""The API's blueprints: every route under /api/v1 reads its body the same way."""

from __future__ import annotations

from typing import Any

import flask_smorest
from flask import current_app, g, request
from marshmallow import Schema
from webargs import core as webargs_core
from webargs.flaskparser import FlaskParser

from samverkan.web.auth import require_user

PREFIX = "/api/v1"


class BodyParser(FlaskParser):
    """Read the body conventions.check_body parsed (amounts kept exact, never floats)."""

    def load_json(self, req: Any, schema: Schema) -> Any:
        return g.get("json_body", webargs_core.missing)


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = BodyParser()


def blueprint(name: str, description: str) -> Blueprint:
    return Blueprint(name, __name__, url_prefix=PREFIX, description=description)


def require_sign_in() -> None:
    """Every route of the API's blueprints (the core's and the built-in plugins') needs a
    bearer token: a missing or bad one is 401 before the body is read or validated."""
    if isinstance(current_app.blueprints.get(request.blueprint or ""), Blueprint):
        require_user()
