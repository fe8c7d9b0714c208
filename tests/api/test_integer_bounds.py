"""Whole numbers beyond what the stores hold answer 4xx problem+json, on every route.

Every integer parameter of the OpenAPI document (path, query, and integer properties of
request bodies), and the query parameters of API.md's conventions that the document leaves
out, is sent at and beyond the limits of a 64-bit integer by an admin, on SQLite (whose
driver overflows on such numbers) and PostgreSQL (which refuses them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from samverkan.storage.stores import StoreConfig
from tests.api.bad_input_world import ROUTES, World, make_world, operations, resolve

OUT_OF_RANGE = (2**63, -(2**63) - 1, 10**20, -(10**20), 2**64)

# API.md's conventions the OpenAPI document does not list: time travel on GETs of one
# resource, the change feed's position, and the audit proofs' positions and sizes.
CONVENTION_QUERIES = {
    ("GET", "/api/v1/events"): ("after",),
    ("GET", "/api/v1/audit/inclusion"): ("position", "size"),
    ("GET", "/api/v1/audit/consistency"): ("first", "second"),
    **{
        ("GET", path): ("version",)
        for path in (
            "/api/v1/organisations/{organisation_id}",
            "/api/v1/partnerships/{partnership_id}",
            "/api/v1/decisions/{decision_id}",
            "/api/v1/experiments/{experiment_id}",
            "/api/v1/lessons/{lesson_id}",
            "/api/v1/measures/{measure_id}",
            "/api/v1/scale-ups/{scale_up_id}",
            "/api/v1/agreements/{agreement_id}",
            "/api/v1/agreements/{agreement_id}/ledger",
            "/api/v1/measures/{measure_id}/run-chart",
        )
    },
}


@pytest.fixture(scope="module")
def world(module_store_config: StoreConfig) -> Iterator[World]:
    yield from make_world(module_store_config)


def integer_inputs(
    spec: dict[str, Any], method: str, path: str, operation: dict[str, Any]
) -> list[tuple[str, str]]:
    """(where, name) of each integer the operation takes."""
    found = [
        (parameter["in"], parameter["name"])
        for parameter in operation.get("parameters", [])
        if resolve(spec, parameter.get("schema", {})).get("type") == "integer"
    ]
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    properties = resolve(spec, body.get("schema", {})).get("properties", {})
    found += [
        ("body", name)
        for name, schema in properties.items()
        if "integer" in str(resolve(spec, schema).get("type"))
        and not resolve(spec, schema).get("readOnly")
    ]
    found += [("query", name) for name in CONVENTION_QUERIES.get((method, path), ())]
    return found


def with_value(template: str, concrete: str, where: str, name: str, value: int) -> str:
    """The concrete path with ``value`` in the path segment or query parameter ``name``."""
    url = urlsplit(concrete)
    if where == "path":
        segments = [
            str(value) if wanted == "{" + name + "}" else got
            for wanted, got in zip(template.split("/"), url.path.split("/"), strict=True)
        ]
        return "/".join(segments) + (f"?{url.query}" if url.query else "")
    query = [(k, v) for k, v in parse_qsl(url.query) if k != name] + [(name, str(value))]
    return f"{url.path}?{urlencode(query)}"


def test_every_integer_out_of_range_answers_4xx_problem_json(world: World) -> None:
    admin = world.callers["admin"]
    spec = admin.get("/api/v1/openapi.json").json
    routes = {(route.method, route.path): route for route in ROUTES}
    tried, wrong = 0, []
    for method, template, operation in operations(spec):
        for where, name in integer_inputs(spec, method, template, operation):
            for value in OUT_OF_RANGE:
                path, body = routes[(method, template)].make(world, "admin")
                world.app.extensions["samverkan.projections"].catch_up()
                if where == "body":
                    body = {**(body or {}), name: value}
                else:
                    path = with_value(template, path, where, name, value)
                if method == "GET":
                    response = admin.get(path)
                elif method == "DELETE":
                    response = admin.delete(path, json=body)
                else:
                    response = admin.post(path, json=body if body is not None else {})
                tried += 1
                problem = response.mimetype == "application/problem+json"
                if not (400 <= response.status_code < 500 and problem):
                    wrong.append(f"{method} {path} {where} {name}={value}: {response.status}")
    assert wrong == []
    assert tried >= 20 * len(OUT_OF_RANGE)


def test_the_bounds_are_in_the_api_document(world: World) -> None:
    """Every integer a client sends in a body declares its range, so clients see it."""
    spec = world.callers["admin"].get("/api/v1/openapi.json").json
    unbounded = [
        f"{method} {template} {name}"
        for method, template, operation in operations(spec)
        for where, name in integer_inputs(spec, method, template, operation)
        if where == "body"
        for body in [operation["requestBody"]["content"]["application/json"]["schema"]]
        if not {"minimum", "maximum"} <= set(resolve(spec, body)["properties"][name])
    ]
    assert unbounded == []


def test_versions_and_counts_stop_at_a_sql_integer(world: World) -> None:
    """Versions and counts are SQL INTEGERs: PostgreSQL refuses 2**31 in them."""
    admin = world.callers["admin"]
    measure = world.measure()
    world.app.extensions["samverkan.projections"].catch_up()
    assert admin.get(f"/api/v1/measures/{measure}?version={2**31 - 1}").status_code == 404
    for path in (f"/api/v1/measures/{measure}", f"/api/v1/measures/{measure}/run-chart"):
        response = admin.get(f"{path}?version={2**31}")
        assert (response.status_code, response.mimetype) == (422, "application/problem+json")
    value = {"period": "2026-02", "value": 3, "n": 2**31}
    response = admin.post(f"/api/v1/measures/{measure}/values", json=value)
    assert response.status_code == 422
    assert response.json["errors"] == {
        "n": ["Must be greater than or equal to 1 and less than or equal to 2147483647."]
    }
    stale = admin.post(
        f"/api/v1/measures/{measure}/values",
        json={**value, "n": 5},
        headers={"If-Match": f'"{2**31}"'},
    )
    assert stale.status_code == 400


@pytest.mark.parametrize("amount", ["1e999999", "1e15", -(10**20), "0.00000000001"])
def test_amounts_beyond_what_the_ledger_can_sum_are_refused(world: World, amount: object) -> None:
    """Such an amount, once recorded, would make every later read of the ledger a 500."""
    admin = world.callers["admin"]
    agreement, _ = world.agreement()
    measure = world.measure()
    world.app.extensions["samverkan.projections"].catch_up()
    writes = [
        (f"/api/v1/agreements/{agreement}/costs", {"amount": amount, "description": "x"}),
        (f"/api/v1/measures/{measure}/values", {"period": "2026-05", "value": amount}),
    ]
    for path, body in writes:
        response = admin.post(path, json=body)
        assert (response.status_code, response.mimetype) == (422, "application/problem+json")
        assert list(response.json["errors"]) in (["amount"], ["value"])
    assert admin.get(f"/api/v1/agreements/{agreement}/ledger").status_code == 200
    largest = {"amount": "999999999999999.99", "description": "x"}
    assert admin.post(writes[0][0], json=largest).status_code == 200
    assert admin.get(f"/api/v1/agreements/{agreement}/ledger").status_code == 200
