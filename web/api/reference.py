"""The browsable API reference: the OpenAPI document rendered as a page, no network needed.

Server-rendered from the same document as /api/v1/openapi.json, so it cannot drift from it
and needs no JavaScript or files from elsewhere.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, current_app, render_template

reference = Blueprint("api_reference", __name__, template_folder="templates")

METHODS = ("get", "post", "put", "patch", "delete")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation, grouped by its tag, in path order."""
    found = []
    for path, item in sorted(spec.get("paths", {}).items()):
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{path}".replace("/", "-").strip("-"),
                    "tag": (operation.get("tags") or ["other"])[0],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "operation_id": operation.get("operationId", ""),
                    "parameters": [
                        resolve(spec, parameter)
                        for parameter in operation.get("parameters", [])
                        + item.get("parameters", [])
                    ],
                    "body": schema_name(body.get("schema")) if body else None,
                    "responses": [
                        {
                            "status": status,
                            "description": resolve(spec, response).get("description", ""),
                            "headers": sorted(resolve(spec, response).get("headers", {})),
                        }
                        for status, response in sorted(operation.get("responses", {}).items())
                    ],
                }
            )
    return found


def resolve(spec: dict[str, Any], value: dict[str, Any]) -> dict[str, Any]:
    """The component a ``$ref`` names (parameters and responses are shared ones)."""
    while "$ref" in value:
        kind, name = value["$ref"].split("/")[-2:]
        value = spec.get("components", {}).get(kind, {}).get(name, {})
    return value


def schema_name(schema: dict[str, Any] | None) -> str | None:
    if not schema:
        return None
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1] or None


@reference.get("/docs/api")
def page() -> str:
    spec = current_app.extensions["samverkan.api"].spec.to_dict()
    schemas = spec.get("components", {}).get("schemas", {})
    return render_template(
        "api_reference.html", spec=spec, operations=operations(spec), schemas=schemas
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(reference)
