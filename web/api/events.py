"""The event feeds: a partnership's events, and the change feed of all the caller may see.

Each event carries its ``position`` in the audit log (the dense leaf index that inclusion
proofs and ``samverkan audit verify`` use), so a client can check any event it reads.
Free texts in ``data`` appear as ``{text_id, sha256, text}``; ``text`` is null once erased.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

import sqlalchemy as sa
from flask import request
from marshmallow import Schema, fields

from samverkan.audit.tables import ensure_audit_tables, leaves
from samverkan.errors import InvalidInput
from samverkan.readmodels.event_index import indexed, logged
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import page, page_args, whole_arg
from samverkan.web.api.records import access, read_limit, utc
from samverkan.web.api.schemas import list_schema
from samverkan.web.auth import service

blp = blueprint("events", "What happened, in recording order, with audit positions")

MAX_POSITION = 2**63 - 1  # positions and notification ids are SQL BIGINTs
OPEN_TYPES = "organisation.%"  # organisations are open to every signed-in user


class FeedActorSchema(Schema):
    user_id = fields.UUID(allow_none=True)
    organisation_id = fields.UUID(allow_none=True)


class FeedEventSchema(Schema):
    position = fields.Integer(
        allow_none=True, metadata={"description": "0-based leaf index in the audit log"}
    )
    id = fields.UUID(metadata={"description": "UUID v5 of (originator_id, version)"})
    originator_id = fields.UUID()
    version = fields.Integer()
    type = fields.String(metadata={"description": "a stable name such as decision.signed_off"})
    at = fields.DateTime()
    actor = fields.Nested(FeedActorSchema, allow_none=True)
    data = fields.Dict()


FeedEventListSchema = list_schema(FeedEventSchema)


def events_query() -> sa.Select[Any]:
    ensure_audit_tables(service().sql)
    joined = indexed.outerjoin(leaves, leaves.c.notification_id == indexed.c.notification_id)
    return (
        sa.select(indexed, leaves.c.position)
        .select_from(joined)
        .order_by(indexed.c.notification_id)
    )


def position_arg() -> int | None:
    raw = request.args.get("after")
    if raw is None:
        return None
    return whole_arg("after", raw, minimum=-1, maximum=MAX_POSITION - 1)


def cursor_arg(cursor: Any) -> int | None:
    if cursor is not None and (
        isinstance(cursor, bool) or not isinstance(cursor, int) or not 0 <= cursor < MAX_POSITION
    ):
        raise InvalidInput.field("cursor", "is not a cursor this API gave")
    return cursor


def texts_in(value: Any, found: list[UUID]) -> None:
    if isinstance(value, dict):
        if set(value) == {"text_id", "sha256"}:
            found.append(UUID(value["text_id"]))
        for inner in value.values():
            texts_in(inner, found)
    elif isinstance(value, list):
        for inner in value:
            texts_in(inner, found)


def with_texts(value: Any, texts: dict[UUID, str]) -> Any:
    if isinstance(value, dict):
        if set(value) == {"text_id", "sha256"}:
            return {**value, "text": texts.get(UUID(value["text_id"]))}
        return {key: with_texts(inner, texts) for key, inner in value.items()}
    if isinstance(value, list):
        return [with_texts(inner, texts) for inner in value]
    return value


def present(rows: list[Any]) -> list[dict[str, Any]]:
    events = [logged(row) for row in rows]
    ids: list[UUID] = []
    for event in events:
        texts_in(event.data, ids)
    texts = service().texts.get_many(ids)
    return [
        {
            "position": row.position,
            "id": uuid5(event.originator_id, str(event.version)),
            "originator_id": event.originator_id,
            "version": event.version,
            "type": event.type,
            "at": utc(event.at),
            "actor": None
            if event.actor is None
            else {
                "user_id": event.actor.user_id,
                "organisation_id": event.actor.organisation_id,
            },
            "data": with_texts(event.data, texts),
        }
        for row, event in zip(rows, events, strict=True)
    ]


def listing(query: sa.Select[Any], size: int) -> list[Any]:
    with service().sql.connect() as connection:
        return list(connection.execute(query.limit(size + 1)).all())


@blp.get("/partnerships/<uuid:partnership_id>/events")
@blp.response(200, FeedEventListSchema)
def partnership_events(partnership_id: UUID) -> dict[str, Any]:
    """Every event about the partnership and what belongs to it, oldest first.

    An organisation that left sees the events up to its leaving. ``?after=<position>``
    starts after an audit position; ``next`` pages on.
    """
    _, limit = read_limit(partnership_id)
    size, cursor = page_args()
    after, since = position_arg(), cursor_arg(cursor)
    query = events_query().where(indexed.c.partnership_id == str(partnership_id))
    if limit is not None:
        query = query.where(indexed.c.at <= limit)
    if after is not None:
        query = query.where(leaves.c.position > after)
    if since is not None:
        query = query.where(indexed.c.notification_id > since)
    rows = listing(query, size)
    items = present(rows)
    keys = {item["id"]: row.notification_id for item, row in zip(items, rows, strict=True)}
    return page(items, size, lambda item: keys[item["id"]])


@blp.get("/events")
@blp.response(200, FeedEventListSchema)
def change_feed() -> dict[str, Any]:
    """The change feed: every event the caller may see after ``?after=<position>``.

    Admins see everything; others the events of the partnerships their organisation is in
    (up to its leaving, for one that left) and of organisations.
    """
    caller = access()
    size, cursor = page_args()
    after = cursor_arg(cursor) if cursor is not None else position_arg()
    query = events_query().where(leaves.c.position.is_not(None))
    if after is not None:
        query = query.where(leaves.c.position > after)
    if not caller.is_admin:
        current = [str(pid) for pid, m in caller.memberships.items() if m.current]
        seen: list[Any] = [
            indexed.c.type.like(OPEN_TYPES),
            indexed.c.partnership_id.in_(current),
        ]
        for pid, membership in caller.memberships.items():
            if membership.left_at is not None:
                left: datetime = utc(membership.left_at)
                seen.append(sa.and_(indexed.c.partnership_id == str(pid), indexed.c.at <= left))
        query = query.where(sa.or_(*seen))
    rows = listing(query, size)
    return page(present(rows), size, lambda item: item["position"])
