"""Every error becomes problem+json for the API (RFC 9457), with a stable ``type`` per rule."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException

from samverkan.errors import Hidden, SamverkanError

log = logging.getLogger(__name__)

PROBLEM_TYPE = "urn:samverkan:problem:{slug}"
PROBLEM_JSON = "application/problem+json"

HTTP_SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    412: "stale-version",
    413: "body-too-large",
    415: "unsupported-media-type",
    422: "invalid-input",
    428: "precondition-required",
    429: "too-many-requests",
}


def problem(
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE.format(slug=slug),
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    response.headers.update(headers or {})
    return response


def field_errors(messages: Any) -> dict[str, list[str]]:
    """Flatten webargs' ``{location: {field: [message]}}`` into ``{field: [message]}``."""
    flat: dict[str, list[str]] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            flat.setdefault(prefix or "_schema", []).extend(value)
        else:
            flat.setdefault(prefix or "_schema", []).append(str(value))

    for location, fields in (messages or {}).items():
        walk("" if location in ("json", "query", "form", "headers") else str(location), fields)
    return flat


def from_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    errors = field_errors(data.get("messages")) if "messages" in data else None
    detail = error.description or ""
    if errors:
        detail = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in errors.items())
    slug = data.get("slug") or HTTP_SLUGS.get(status, "http-error")
    return problem(status, slug, error.name, detail, errors, dict(error.get_headers()[1:]))


def named_in_path() -> str:
    """``No decision <id>``: the first record the request's path names, as its route calls it
    (the same words as for a record that does not exist)."""
    for name, value in (request.view_args or {}).items():
        if name.endswith("_id"):
            return f"No {name.removesuffix('_id').replace('_', '-')} {value}"
    return "No such record"


def wants_problem_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def init_app(app: Flask, *, page_error: Any = None) -> None:
    """API paths always answer problem+json; pages get ``page_error`` if one is given."""

    @app.errorhandler(SamverkanError)
    def domain_error(error: SamverkanError) -> Any:
        if isinstance(error, Hidden):
            error = Hidden(named_in_path())
        if page_error is not None and not wants_problem_json():
            return page_error(error.status, error.title, error.detail)
        return problem(error.status, error.slug, error.title, error.detail, error.errors)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        if page_error is not None and not wants_problem_json():
            # Werkzeug's own English descriptions give way to the page's explanation.
            detail = "" if error.description == type(error).description else error.description
            return page_error(error.code or 500, error.name, detail or "")
        return from_http_exception(error)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Any:
        log.exception("unexpected error on %s %s", request.method, request.path)
        detail = "Something went wrong on our side; nothing was recorded by this request."
        if page_error is not None and not wants_problem_json():
            return page_error(500, "Internal error", detail)
        return problem(500, "internal-error", "Internal error", detail)
