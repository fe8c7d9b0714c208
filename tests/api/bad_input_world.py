"""The role matrix's world on either store, for the tests of bad input over every route."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from samverkan.application.service import Samverkan
from samverkan.audit.keys import ensure_key_pair
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.callers import OPERATOR, make_caller
from tests.api.test_role_matrix import ROUTES, Route, World

__all__ = ["ROUTES", "Route", "World", "make_world", "operations", "resolve"]


def make_world(config: StoreConfig) -> Iterator[World]:
    ensure_key_pair(config)
    settings = {"STORE": config, "TESTING": True, "SECRET_KEY": "t", "DISABLE_PLUGINS": "example"}
    app = create_app(settings)
    service: Samverkan = app.extensions["samverkan"]
    operator = service.register_organisation(OPERATOR, "Operatör", "other", "SE").id
    coordinating = service.register_organisation(OPERATOR, "Region Norrbotten", "region", "SE").id
    member_org = service.register_organisation(OPERATOR, "Luleå kommun", "municipality", "SE").id
    foreign = service.register_organisation(OPERATOR, "Region Gotland", "region", "SE").id
    _, site = service.add_unit(OPERATOR, member_org, "Hälsocentral", "health_centre")
    callers = {
        "admin": make_caller(app, operator, "admin", "admin@example.org"),
        "coordinator": make_caller(app, coordinating, "coordinator", "coord@example.org"),
        "member": make_caller(app, member_org, "member", "member@example.org"),
        "auditor": make_caller(app, member_org, "auditor", "auditor@example.org"),
        "foreign": make_caller(app, foreign, "member", "foreign@example.org"),
    }
    yield World(app, service, callers, coordinating, member_org, site)
    service.close()


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path template, operation) of every operation of an OpenAPI document."""
    return [
        (method.upper(), path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A schema with its ``$ref`` followed (``#/components/schemas/...``)."""
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema
