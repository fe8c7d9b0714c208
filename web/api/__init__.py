"""The JSON API under /api/v1, described by the OpenAPI document at /api/v1/openapi.json."""

from __future__ import annotations

import flask_smorest
from flask import Flask

from samverkan.web.api import (
    agreements,
    audit,
    conventions,
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
from samverkan.web.api.blueprints import PREFIX, require_sign_in


def init_app(app: Flask) -> flask_smorest.Api:
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
