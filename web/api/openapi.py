"""The OpenAPI document tells the truth: one Problem schema, real error responses, headers.

flask-smorest describes what the decorators say (the body, the success response). An
apispec plugin then completes each operation from what its route does (openapi_facts.py)
and from the conventions every route shares (API.md):

- every route that needs a token answers 401 (with ``WWW-Authenticate``); one that can
  refuse a role 403; one with an id in its path 404; one that validates input 422;
- every write reads a JSON body (400 unparsable, 413 too large, 415 not JSON) and may be
  refused by a domain rule or lose a race (409); a POST honours ``Idempotency-Key``;
- a write that reads ``If-Match`` documents it, and 412;
- a success that carries a version documents ``ETag``; a 201 that says where the new
  resource is documents ``Location``.

Every error response is ``application/problem+json`` with the ``Problem`` schema; no
"default" response. Each operation gets a stable ``operationId`` (tests/api/operation_ids.txt).
"""

from __future__ import annotations

import http
import re
from typing import Any

import flask_smorest
from apispec import APISpec, BasePlugin
from flask import Flask, url_for
from marshmallow import INCLUDE, Schema, fields
from werkzeug.routing import Rule

from samverkan.web.api import conventions
from samverkan.web.api.openapi_facts import Facts, facts_of
from samverkan.web.auth import require_user
from samverkan.web.errors import PROBLEM_JSON

METHODS = ("get", "post", "put", "patch", "delete")
WRITES = frozenset(METHODS) - {"get"}


class ProblemSchema(Schema):
    """An error (RFC 9457): ``type`` is a stable URI per rule, ``errors`` names fields."""

    class Meta:
        unknown = INCLUDE  # RFC 9457 allows members of a problem type's own

    type = fields.String(required=True, metadata={"example": "urn:samverkan:problem:invalid-input"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True, metadata={"description": "For a person to read"})
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Invalid fields and what is wrong with each"},
    )


WHY = {
    400: 'The body is not valid JSON, `If-Match` is not a version tag such as `"7"`, or '
    "`as_of` and `version` are both given",
    401: "No token, or one that is invalid or revoked",
    403: "The caller's role may not do this",
    404: "No such resource, or one the caller may not see (or none yet at `as_of`/`version`)",
    409: "A domain rule forbids the command, or it lost a race with another write",
    412: "`If-Match` names a version that is no longer the current one",
    413: "The body is over 1 MiB",
    415: "The body is not `application/json`",
    422: "Invalid or missing fields (named in `errors`), or an `Idempotency-Key` reused for "
    "another request",
    429: "Too many requests",
    503: "Not available right now (for example, the audit signing key is missing)",
}

HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        "description": 'The resource\'s version as an entity tag, `"7"`: send it as `If-Match`',
        "schema": {"type": "string", "pattern": r'^"\d+"$'},
    },
    "Location": {
        "description": "Where the new resource is read",
        "schema": {"type": "string", "format": "uri-reference"},
    },
    "IdempotentReplayed": {
        "description": "`true` when this is the stored answer to a repeated `Idempotency-Key`",
        "schema": {"type": "string", "enum": ["true"]},
    },
    "WWWAuthenticate": {
        "description": "`Bearer`: send `Authorization: Bearer <token>`",
        "schema": {"type": "string"},
    },
}

PARAMETERS: dict[str, dict[str, Any]] = {
    "IfMatch": {
        "in": "header",
        "name": "If-Match",
        "required": False,
        "description": 'The version the write expects, as the ETag received (`"7"`); '
        "412 if the resource has changed since. Without it a lost race is retried.",
        "schema": {"type": "string"},
    },
    "IdempotencyKey": {
        "in": "header",
        "name": "Idempotency-Key",
        "required": False,
        "description": "Repeating a POST with the same key (same caller, within 24 h) "
        "returns the first response and records nothing new",
        "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    },
    "AsOf": {
        "in": "query",
        "name": "as_of",
        "required": False,
        "description": "Recording time: a date (the end of that day, Europe/Stockholm) or a "
        "time with an offset. Not with `version`.",
        "schema": {"type": "string"},
    },
    "Version": {
        "in": "query",
        "name": "version",
        "required": False,
        "description": "The resource as it was at this version. Not with `as_of`.",
        # Versions are SQL INTEGERs: a larger one is refused (422) by conventions.time_travel.
        "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
    },
    "Limit": {
        "in": "query",
        "name": "limit",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": conventions.MAX_LIMIT},
    },
    "Cursor": {
        "in": "query",
        "name": "cursor",
        "required": False,
        "description": "`next` of the previous page",
        "schema": {"type": "string"},
    },
}

# Where the rule below reads badly, the name a person would give.
OPERATION_IDS = {
    "decisions.sign_off": "signOffDecision",
    "agreements.agree": "createAgreement",
    "audit.cosign": "cosignCheckpoint",
    "audit.witness_key": "registerWitnessKey",
}


def ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def problem_response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": WHY.get(status, http.HTTPStatus(status).phrase),
        "content": {PROBLEM_JSON: {"schema": ref("schemas", "Problem")}},
    }
    if status == 401:
        response["headers"] = {"WWW-Authenticate": ref("headers", "WWWAuthenticate")}
    return response


def response_name(status: int) -> str:
    return http.HTTPStatus(status).name


def singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def camel(segment: str, one: bool = False) -> str:
    words = [word for word in re.split(r"[-._]", segment) if word]
    if one:
        words[-1] = singular(words[-1])
    return "".join(word[:1].upper() + word[1:] for word in words)


def operation_id(method: str, path: str, endpoint: str, operation: dict[str, Any]) -> str:
    """``getDecision``, ``listPartnershipDecisions``, ``addPartnershipMember``: reads use the
    path's nouns; writes the view's verb, the resource it acts on and what it adds."""
    if endpoint in OPERATION_IDS:
        return OPERATION_IDS[endpoint]
    parts = path.removeprefix(PREFIX).strip("/").split("/")
    literals = [
        (part, index + 1 < len(parts) and parts[index + 1].startswith("{"))
        for index, part in enumerate(parts)
        if not part.startswith("{")
    ]
    if method == "get":
        verb = "list" if success_schema(operation).endswith("List") else "get"
        return verb + "".join(camel(part, one) for part, one in literals)
    owners = [camel(part, True) for part, one in literals if one]
    owner = owners[0] if owners else ""
    created = camel(literals[-1][0], True) if "201" in responses_of(operation) else ""
    verb, *rest = endpoint.rpartition(".")[2].split("_")
    if rest:
        return verb + owner + camel("_".join(rest))
    return verb + (created or owner)


def responses_of(operation: dict[str, Any]) -> dict[str, Any]:
    responses = {str(status): value for status, value in operation.get("responses", {}).items()}
    operation["responses"] = responses
    return responses


def success_schema(operation: dict[str, Any]) -> str:
    for status, response in responses_of(operation).items():
        if status.startswith("2") and isinstance(response, dict):
            for content in response.get("content", {}).values():
                schema = content.get("schema", {})
                return str(schema.get("$ref", "") if isinstance(schema, dict) else schema)
    return ""


def error_statuses(method: str, rule: Rule, operation: dict[str, Any], facts: Facts) -> set[int]:
    statuses = {status for status in facts.statuses() if status >= 400}
    if facts.reaches(require_user):
        statuses.add(401)
    if rule.arguments:
        statuses.add(404)
    if method in WRITES:  # conventions.check_body; a domain rule or a lost race; an id
        statuses |= {400, 404, 409, 413, 415}  # in the body the command looks up
    if method == "post":  # an Idempotency-Key used for another request
        statuses.add(422)
    if "requestBody" in operation or any(
        isinstance(p, dict) and p.get("in") == "query" for p in operation.get("parameters", [])
    ):
        statuses.add(422)
    if facts.reaches(conventions.expected_version):
        statuses |= {400, 412}
    return statuses


def add_parameters(method: str, operation: dict[str, Any], facts: Facts) -> None:
    parameters = operation.setdefault("parameters", [])
    named = {p.get("name") for p in parameters if isinstance(p, dict)}
    wanted = []
    if facts.reaches(conventions.time_travel):
        wanted += ["AsOf", "Version"]
    if facts.reaches(conventions.page_args):
        wanted += ["Limit", "Cursor"]
    if facts.reaches(conventions.expected_version):
        wanted.append("IfMatch")
    if method == "post":
        wanted.append("IdempotencyKey")
    parameters.extend(w for w in wanted if PARAMETERS[w]["name"] not in named)
    if not parameters:
        del operation["parameters"]


def add_headers(method: str, operation: dict[str, Any], facts: Facts) -> None:
    for status, response in responses_of(operation).items():
        if not status.startswith("2") or not isinstance(response, dict):
            continue
        headers = response.setdefault("headers", {})
        sets_etag = facts.reaches(conventions.reply) or facts.reaches(conventions.etag)
        if sets_etag and status in ("200", "201"):
            headers["ETag"] = ref("headers", "ETag")
        if status == "201" and facts.reaches(url_for):
            headers["Location"] = ref("headers", "Location")
        if method == "post":
            headers["Idempotent-Replayed"] = ref("headers", "IdempotentReplayed")
        if not headers:
            del response["headers"]


PREFIX = "/api/v1"


class Described(BasePlugin):
    """Completes each operation of the app's API from what its view does."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.operation_ids: set[str] = set()

    def init_spec(self, spec: APISpec) -> None:
        spec.components.schema("Problem", schema=ProblemSchema)
        for name, header in HEADERS.items():
            spec.components.header(name, header)
        for name, parameter in PARAMETERS.items():
            spec.components.parameter(name, parameter["in"], parameter)

    def operation_helper(
        self, path: str | None = None, operations: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        rule = kwargs.get("rule")
        if not isinstance(rule, Rule) or path is None or not operations:
            return
        view = self.app.view_functions.get(rule.endpoint)
        if view is None:
            return
        facts = facts_of(view)
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            responses = responses_of(operation)
            responses.pop("default", None)
            for status in sorted(error_statuses(method, rule, operation, facts)):
                responses[str(status)] = response_name(status)
            add_parameters(method, operation, facts)
            add_headers(method, operation, facts)
            if "operationId" not in operation:
                operation["operationId"] = self.unique(
                    operation_id(method, path, rule.endpoint, operation), rule.endpoint
                )

    def unique(self, name: str, endpoint: str) -> str:
        """The name, or, when an earlier operation has it (a plugin's route named like the
        core's), the name after its blueprint's: the core's names never change for a plugin."""
        if name in self.operation_ids:
            blueprint = camel(endpoint.partition(".")[0])
            name = blueprint[:1].lower() + blueprint[1:] + name[:1].upper() + name[1:]
        self.operation_ids.add(name)
        return name


class Api(flask_smorest.Api):
    """flask-smorest's Api with Problem errors in place of its Error schema and default."""

    ERROR_SCHEMA = ProblemSchema
    DEFAULT_ERROR_RESPONSE_NAME = None

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            if status >= 400:
                self.spec.components.response(status.name, problem_response(status), lazy=True)


def make_api(app: Flask, spec_kwargs: dict[str, Any]) -> flask_smorest.Api:
    return Api(app, spec_kwargs={**spec_kwargs, "extra_plugins": [Described(app)]})
