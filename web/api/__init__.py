"""The JSON API under /api/v1, described by the OpenAPI document at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

import flask_smorest
from flask import Flask, current_app, g, request
from marshmallow import Schema
from webargs import core as webargs_core
from webargs.flaskparser import FlaskParser

from samverkan.web.api import conventions
from samverkan.web.auth import require_user

PREFIX = "/api/v1"


class BodyParser(FlaskParser):
    """Read the body conventions.check_body parsed (amounts kept exact, never floats)."""

    def load_json(self, req: Any, schema: Schema) -> Any:
        return g.get("json_body", webargs_core.missing)


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = BodyParser()


def require_sign_in() -> None:
    """Every route of the API's blueprints (the core's and the built-in plugins') needs a
    bearer token: a missing or bad one is 401 before the body is read or validated."""
    if isinstance(current_app.blueprints.get(request.blueprint or ""), Blueprint):
        require_user()


def blueprint(name: str, description: str) -> Blueprint:
    return Blueprint(name, __name__, url_prefix=PREFIX, description=description)


def init_app(app: Flask) -> flask_smorest.Api:
    from samverkan.web.api import (
        agreements,
        audit,
        decisions,
        events,
        experiments,
        lessons,
        measures,
        openapi,
        organisations,
        partnerships,
        scaleups,
        texts,
        users,
    )

    app.config.update(
        API_TITLE="Samverkan",
        API_VERSION="v1",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX=PREFIX,
        OPENAPI_JSON_PATH="openapi.json",
    )
    api = openapi.make_api(
        app,
        {
            "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
            "security": [{"bearer": []}],
        },
    )
    app.before_request(require_sign_in)  # before conventions' body checks
    conventions.init_app(app)
    for module in (
        agreements,
        audit,
        decisions,
        events,
        experiments,
        lessons,
        measures,
        organisations,
        partnerships,
        scaleups,
        texts,
        users,
    ):
        api.register_blueprint(module.blp)
    app.extensions["samverkan.api"] = api
    return api
