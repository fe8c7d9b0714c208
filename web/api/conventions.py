"""The API's conventions (API.md): JSON bodies, ETag/If-Match, Idempotency-Key, pages, as_of."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import Flask, Response, g, request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType

from samverkan.errors import InvalidInput, SamverkanError
from samverkan.storage.tables import idempotency_keys
from samverkan.storage.texts import forget_written, remember_written
from samverkan.web.api.schemas import INTEGER_MAX
from samverkan.web.auth import current_user, service

MAX_BODY = 1024 * 1024
STOCKHOLM = ZoneInfo("Europe/Stockholm")
IDEMPOTENCY_WINDOW = timedelta(hours=24)
DEFAULT_LIMIT, MAX_LIMIT = 100, 500

REPLAYED_HEADERS = ("Location", "ETag", "Content-Type", "Risk-Id")

Reply = tuple[dict[str, Any], int, dict[str, str]]
"""What a write returns: the resource, the status, and its ETag (and Location) headers."""


def reply(
    body: dict[str, Any], version: int, status: int = 200, location: str | None = None
) -> Reply:
    headers = {"ETag": f'"{version}"'}
    if location is not None:
        headers["Location"] = location
    return body, status, headers


class BadTimeTravel(SamverkanError):
    slug = "as-of-and-version"
    status = 400
    title = "Give as_of or version, not both"


class BadIfMatch(SamverkanError):
    slug = "invalid-if-match"
    status = 400
    title = 'If-Match must be an entity tag such as "7"'


class KeyReused(SamverkanError):
    slug = "idempotency-key-reused"
    status = 422
    title = "This Idempotency-Key was used for another request"


def whole_arg(name: str, raw: str, minimum: int = 0, maximum: int = INTEGER_MAX) -> int:
    """A whole number from a query string or header, within the bounds the stores hold."""
    digits = raw[1:] if raw.startswith("-") else raw
    number = int(raw) if digits.isdigit() and digits.isascii() and len(digits) <= 20 else None
    if number is None or not minimum <= number <= maximum:
        raise InvalidInput.field(name, f"must be a whole number from {minimum} to {maximum}")
    return number


def body_bytes() -> bytes:
    """The request's body; over the limit (1 MiB) 413, also when it comes in chunks with no
    Content-Length (werkzeug then stops at the limit without saying so)."""
    limit = request.max_content_length or MAX_BODY
    if request.content_length is None and "wsgi.input_terminated" in request.environ:
        data: bytes = request.environ["wsgi.input"].read(limit + 1)
        if len(data) > limit:
            raise RequestEntityTooLarge(f"The body is over {limit} bytes.")
        return data
    return request.get_data()


def check_body() -> None:
    """Writes carry JSON (415 otherwise) that parses (400 otherwise); size is capped (413)."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE") or not request.path.startswith(
        "/api/"
    ):
        return
    data = body_bytes()
    if not data:
        return
    if not request.is_json:
        raise UnsupportedMediaType("Send the body as application/json.")
    try:
        g.json_body = json.loads(data, parse_float=str)
    except ValueError as error:
        raise BadRequest(f"The body is not valid JSON: {error}") from None


def expected_version() -> int | None:
    """The version a write expects, from ``If-Match: "7"`` (None without the header)."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    tag = header.strip().removeprefix("W/").strip('"')
    if not tag.isdigit() or not tag.isascii() or len(tag) > 10 or int(tag) > INTEGER_MAX:
        raise BadIfMatch(f'If-Match {header!r} is not a version tag such as "7"')
    return int(tag)


def etag(response: Response, version: int) -> Response:
    response.headers["ETag"] = f'"{version}"'
    return response


def time_travel() -> tuple[int | None, datetime | None]:
    """``?version=n`` or ``?as_of=`` (a date is the end of that day in Stockholm)."""
    version, as_of = request.args.get("version"), request.args.get("as_of")
    if version is not None and as_of is not None:
        raise BadTimeTravel("Give either as_of or version, not both")
    if version is not None:
        return whole_arg("version", version, minimum=1), None
    if as_of is None:
        return None, None
    return None, parse_as_of(as_of)


def parse_as_of(value: str) -> datetime:
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime.combine(day, time.max, tzinfo=STOCKHOLM).astimezone(UTC)
        # An unencoded "+" in a query string arrives as a space: "…T10:00:00 01:00".
        moment = datetime.fromisoformat(
            re.sub(r" (\d\d:\d\d)$", r"+\1", value.replace("Z", "+00:00"))
        )
    except ValueError:
        raise InvalidInput.field("as_of", "must be a date or a time with an offset") from None
    if moment.tzinfo is None:
        raise InvalidInput.field("as_of", "a time must carry an offset, such as +01:00")
    return moment.astimezone(UTC)


def page_args() -> tuple[int, Any]:
    limit = whole_arg("limit", request.args.get("limit", str(DEFAULT_LIMIT)), 1, MAX_LIMIT)
    cursor = request.args.get("cursor")
    if cursor is None:
        return limit, None
    try:
        return limit, json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise InvalidInput.field("cursor", "is not a cursor this API gave") from None


def make_cursor(key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def page(items: list[dict[str, Any]], limit: int, key: Any) -> dict[str, Any]:
    """``{items, next}``: ``items`` holds up to limit + 1 rows; ``key(row)`` makes the cursor."""
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "next": make_cursor(key(items[-1])) if more and items else None}


# Idempotency-Key: a repeated POST returns the first response and records nothing new.


def replay_idempotent() -> Response | None:
    key = request.headers.get("Idempotency-Key")
    user = current_user()
    if request.method != "POST" or not key or user is None:
        return None
    with service().sql.connect() as connection:
        row = connection.execute(
            sa.select(idempotency_keys).where(
                idempotency_keys.c.user_id == str(user.id), idempotency_keys.c.key == key
            )
        ).first()
    if row is None or row.created_at.replace(tzinfo=UTC) < datetime.now(UTC) - IDEMPOTENCY_WINDOW:
        return None
    if row.method != request.method or row.path != request.path:
        raise KeyReused(f"Idempotency-Key {key!r} was used for {row.method} {row.path}")
    response = Response(row.body, status=row.status)
    response.headers.update(json.loads(row.headers))
    response.headers["Idempotent-Replayed"] = "true"
    return response


def remember_idempotent(response: Response) -> Response:
    key = request.headers.get("Idempotency-Key")
    user = current_user() if "user" in g else None
    if request.method != "POST" or not key or user is None or not 200 <= response.status_code < 300:
        return response
    if response.headers.get("Idempotent-Replayed"):
        return response
    headers = {
        name: response.headers[name] for name in REPLAYED_HEADERS if name in response.headers
    }
    values = {
        "user_id": str(user.id),
        "key": key[:200],
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "body": response.get_data(),
        "headers": json.dumps(headers),
        "created_at": datetime.now(UTC),
    }
    with service().sql.begin() as connection:
        connection.execute(
            idempotency_keys.delete().where(
                idempotency_keys.c.user_id == values["user_id"],
                idempotency_keys.c.key == values["key"],
            )
        )
        connection.execute(idempotency_keys.insert().values(**values))
    return response


def init_app(app: Flask) -> None:
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    # A write's answer shows the texts it stored without reading them back (core/storage/texts.py).
    app.before_request(remember_written)
    app.teardown_request(lambda _error: forget_written())
    app.before_request(check_body)
    app.before_request(replay_idempotent)
    app.after_request(remember_idempotent)
