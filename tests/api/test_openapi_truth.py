"""The OpenAPI document tells the truth (API.md "Errors in the API description").

Every route of the role matrix is called by each role with a valid body: the answer's
status must be documented for that operation, its content type too, and its body must match
the documented schema. Headers the document promises (ETag, Location) are sent, and none it
does not promise; a write that documents If-Match answers 412 to a stale one, and one that
does not ignores it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from flask import Flask
from werkzeug.test import TestResponse

from samverkan.web.errors import PROBLEM_JSON
from tests.api import test_role_matrix as matrix
from tests.api.test_role_matrix import ROLES, ROUTES, Route, World

world = matrix.world  # the role matrix's partnership and callers, built once per module

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def spec(world: World) -> dict[str, Any]:
    document: dict[str, Any] = world.callers["admin"].get("/api/v1/openapi.json").json
    return document


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def resolve(spec: dict[str, Any], value: dict[str, Any]) -> dict[str, Any]:
    """A component a ``$ref`` points to (or the value itself)."""
    while "$ref" in value:
        kind, name = value["$ref"].split("/")[-2:]
        value = spec["components"][kind][name]
    return value


def parameter_names(spec: dict[str, Any], operation: dict[str, Any]) -> set[str]:
    return {resolve(spec, p)["name"] for p in operation.get("parameters", [])}


def call(world: World, route: Route, role: str, headers: dict[str, str] | None = None) -> Any:
    path, body = route.make(world, role)
    world.app.extensions["samverkan.projections"].catch_up()  # targets made directly
    caller = world.callers[role]
    if route.method == "GET":
        return caller.get(path, headers=headers)
    if route.method == "DELETE":
        return caller.delete(path, json=body, headers=headers)
    return caller.post(path, json=body if body is not None else {}, headers=headers)


def mismatches(
    spec: dict[str, Any], operation: dict[str, Any], response: TestResponse
) -> list[str]:
    """How an answer differs from what the document says of it."""
    documented = operation["responses"].get(str(response.status_code))
    if documented is None:
        return [f"status {response.status_code} is not documented: {response.get_data()[:200]!r}"]
    documented = resolve(spec, documented)
    content = documented.get("content")
    if not content:
        return [] if not response.get_data() else ["a body where none is documented"]
    media = content.get(response.mimetype)
    if media is None:
        return [f"{response.status_code} as {response.mimetype}, documented {sorted(content)}"]
    if response.mimetype not in ("application/json", PROBLEM_JSON):
        return []
    schema = {**media["schema"], "components": as_read(spec["components"])}
    validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    return [f"{response.status_code}: {error}" for error in validator.iter_errors(response.json)]


def as_read(value: Any) -> Any:
    """Schemas as a response is read: write-only properties are neither sent nor required."""
    if isinstance(value, list):
        return [as_read(item) for item in value]
    if not isinstance(value, dict):
        return value
    read = {key: as_read(inner) for key, inner in value.items()}
    properties = read.get("properties")
    if isinstance(properties, dict):
        hidden = {name for name, prop in properties.items() if prop.get("writeOnly")}
        read["properties"] = {n: p for n, p in properties.items() if n not in hidden}
        if "required" in read:
            read["required"] = [name for name in read["required"] if name not in hidden]
    return read


def test_errors_are_problems_and_there_is_no_default_response(spec: dict[str, Any]) -> None:
    problem = spec["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    assert problem["properties"]["errors"]["additionalProperties"]["type"] == "array"
    assert "Error" not in spec["components"]["schemas"]
    assert "DEFAULT_ERROR" not in spec["components"].get("responses", {})
    wrong = []
    for method, path, operation in operations(spec):
        for status, response in operation["responses"].items():
            if status == "default":
                wrong.append(f"{method} {path}: a default response")
            elif int(status) >= 400:
                content = resolve(spec, response)["content"]
                if content != {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}:
                    wrong.append(f"{method} {path} {status}: {content}")
    assert wrong == []


def test_each_operation_documents_the_errors_its_conventions_give(spec: dict[str, Any]) -> None:
    wrong = []
    for method, path, operation in operations(spec):
        statuses = set(operation["responses"])
        expected = {"401"}
        if "{" in path:
            expected.add("404")
        if method != "get":
            expected |= {"400", "403", "404", "409", "413", "415"}
        if method == "post" or "requestBody" in operation:
            expected.add("422")
        if "If-Match" in parameter_names(spec, operation):
            expected.add("412")
        if expected - statuses:
            wrong.append(f"{method} {path} lacks {sorted(expected - statuses)}")
        unauthorized = resolve(spec, operation["responses"]["401"])
        if "WWW-Authenticate" not in unauthorized.get("headers", {}):
            wrong.append(f"{method} {path}: 401 without WWW-Authenticate")
        if method == "post" and "Idempotency-Key" not in parameter_names(spec, operation):
            wrong.append(f"{method} {path}: no Idempotency-Key")
    assert wrong == []


def success_headers(spec: dict[str, Any], operation: dict[str, Any], status: int) -> set[str]:
    response = resolve(spec, operation["responses"][str(status)])
    return set(response.get("headers", {}))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_every_answer_is_as_documented(world: World, spec: dict[str, Any], route: Route) -> None:
    operation = spec["paths"][route.path][route.method.lower()]
    wrong = []
    for role in ROLES:
        response = call(world, route, role)
        wrong += [f"{role}: {problem}" for problem in mismatches(spec, operation, response)]
        if not 200 <= response.status_code < 300:
            continue
        promised = success_headers(spec, operation, response.status_code)
        for header in ("ETag", "Location"):
            if (header in promised) != (header in response.headers):
                wrong.append(f"{role}: {header} promised: {header in promised}, sent: no/yes")
    assert wrong == []


WRITES = [route for route in ROUTES if route.method != "GET"]


@pytest.mark.parametrize("route", WRITES, ids=lambda r: f"{r.method} {r.path}")
def test_if_match_is_honoured_exactly_where_documented(
    world: World, spec: dict[str, Any], route: Route
) -> None:
    operation = spec["paths"][route.path][route.method.lower()]
    documented = "If-Match" in parameter_names(spec, operation)
    role = "coordinator" if route.path.startswith("/api/v1/decisions/") else "admin"
    response = call(world, route, role, headers={"If-Match": '"100000"'})
    assert (response.status_code == 412) == documented, response.get_data()[:300]
    assert mismatches(spec, operation, response) == []


OPERATION_IDS = Path(__file__).with_name("operation_ids.txt")


def test_operation_ids_are_unique_and_stable(spec: dict[str, Any]) -> None:
    """A changed id breaks clients generated from the document: change operation_ids.txt
    only on purpose (`python -m tests.api.operation_ids` writes it)."""
    found = [
        f"{operation.get('operationId')} {method.upper()} {path}"
        for method, path, operation in operations(spec)
    ]
    ids = [line.split()[0] for line in found]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z][A-Za-z]+", name) for name in ids)
    assert sorted(found) == OPERATION_IDS.read_text().splitlines()


def test_a_plugins_operation_named_like_the_cores_gets_its_own_id(flask_app: Flask) -> None:
    document = flask_app.test_client().get("/api/v1/openapi.json").json
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(set(ids)) == len(ids)
    assert document["paths"]["/api/v1/organisations"]["post"]["operationId"] == (
        "registerOrganisation"
    )
    example = document["paths"]["/api/v1/example/organisations"]["post"]
    assert example["operationId"] == "exampleApiRegisterOrganisation"


API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_the_error_model_and_headers_are_described_in_the_docs(spec: dict[str, Any]) -> None:
    text = API_DOC.read_text().partition("## The OpenAPI document")[2].partition("## Errors")[0]
    statuses = {
        status
        for _, _, operation in operations(spec)
        for status in operation["responses"]
        if int(status) >= 400
    }
    assert [status for status in sorted(statuses) if f"| {status} |" not in text] == []
    headers = {resolve(spec, p)["name"] for p in spec["components"]["parameters"].values()}
    headers = {name for name in headers if name[0].isupper()}
    headers |= {"ETag", "Location", "Idempotent-Replayed", "WWW-Authenticate"}
    assert [header for header in sorted(headers) if f"`{header}`" not in text] == []
