"""The role matrix's world on either store, for the tests of bad input over every route."""

from __future__ import annotations

from typing import Any

from tests.api.test_role_matrix import ROUTES, Route, World, make_world

__all__ = ["ROUTES", "Route", "World", "make_world", "operations", "resolve"]


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
