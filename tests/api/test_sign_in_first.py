"""A missing or bad token is 401 on every route of the API, before its body is read.

Every operation of the OpenAPI document is called with a body (or query) that would be
refused (422, 400) and without a token, or with a bad one: each answers 401 problem+json
with ``WWW-Authenticate: Bearer``, so nothing about the route's rules leaks to a stranger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask

from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.bad_input_world import operations

SOME_ID = "3f0c9a52-8d7e-4f55-9a43-1b2c3d4e5f60"
BAD_BODIES = ({"bogus": [1], "title": 10**20}, "{not json")
TOKENS = ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YWRtaW46eA=="})


@pytest.fixture(scope="module")
def app(module_store_config: StoreConfig) -> Iterator[Flask]:
    settings = {"STORE": module_store_config, "TESTING": True, "DISABLE_PLUGINS": "example"}
    flask_app = create_app(settings)
    yield flask_app
    flask_app.extensions["samverkan"].close()


def test_every_operation_answers_401_before_validating(app: Flask) -> None:
    client = app.test_client()
    spec = client.get("/api/v1/openapi.json").json
    wrong, tried = [], 0
    for method, template, _ in operations(spec):
        path = re.sub(r"\{size\}", "1", re.sub(r"\{\w+_id\}", SOME_ID, template))
        for headers in TOKENS:
            for body in BAD_BODIES:
                if method == "GET":
                    response = client.get(f"{path}?limit=0&version=x", headers=headers)
                elif isinstance(body, str):
                    kwargs = {"data": body, "content_type": "application/json"}
                    response = client.open(path, method=method, headers=headers, **kwargs)
                else:
                    response = client.open(path, method=method, headers=headers, json=body)
                tried += 1
                answer = (
                    response.status_code,
                    response.mimetype,
                    response.headers.get("WWW-Authenticate"),
                )
                if answer != (401, "application/problem+json", "Bearer"):
                    wrong.append(f"{method} {path} {headers} {body!r}: {answer}")
    assert wrong == []
    assert tried > 200


def test_the_api_document_needs_no_token(app: Flask) -> None:
    assert app.test_client().get("/api/v1/openapi.json").status_code == 200
