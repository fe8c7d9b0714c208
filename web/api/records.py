"""What the API's resources share: access, time travel, history, texts and lists.

Every record belongs to one partnership, so every route finds that partnership first and
asks ``Viewer`` whether the caller may see it (404 if not) or change it (403);
an organisation that left reads everything as it was when it left. The present is read from
the current-state read model; ``?version=`` and ``?as_of=`` are rebuilt by the application.
The history a resource shows (each observation, value, sign-off, commitment...) comes from
the record's own events up to the version shown, so the present and any past version are
told the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa

from samverkan.application.accounts import User
from samverkan.application.viewer import CONTRIBUTE, Viewer
from samverkan.domain.base import Actor, Record, TextRef, kind_of, record_name
from samverkan.domain.organisation import Organisation
from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput, NotFound
from samverkan.projections.base import topic_of
from samverkan.readmodels.current_state import load_current, load_many, states
from samverkan.readmodels.event_index import record_history
from samverkan.web.api.conventions import (
    Reply,
    expected_version,
    page,
    page_args,
    reply,
    time_travel,
)
from samverkan.web.auth import require_user, service

A = TypeVar("A", bound=Record)
T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """One event of a record, as its history shows it."""

    topic: str
    version: int
    at: datetime
    actor: Actor | None
    event: Any

    def by(self) -> dict[str, Any]:
        """When it was recorded, and by whom (``actor`` nested): the work resources' items."""
        actor = None
        if self.actor is not None:
            actor = {"user_id": self.actor.user_id, "organisation_id": self.actor.organisation_id}
        return {"at": self.at, "actor": actor}

    def by_flat(self) -> dict[str, Any]:
        """When and by whom, with the actor's ids beside ``at``: partnership and decision items."""
        return {
            "at": self.at,
            "user_id": None if self.actor is None else self.actor.user_id,
            "organisation_id": None if self.actor is None else self.actor.organisation_id,
        }


def history(record_id: UUID, version: int) -> list[Entry]:
    """The record's own events up to ``version`` (one aggregate's, never the whole log)."""
    found: Iterable[Any] | None = service().just_recorded(record_id, version)
    if found is None:
        found = record_history(service().sql, service().events, record_id, version)
    return [
        Entry(
            topic_of(event),
            event.originator_version,
            utc(event.timestamp),
            getattr(event, "actor", None),
            event,
        )
        for event in found
    ]


class Texts:
    """Free texts of one response, fetched in one query; None where a text was erased."""

    def __init__(self, refs: Iterable[Any]) -> None:
        ids = [ref.id for ref in refs if isinstance(ref, TextRef)]
        self.found = service().texts.get_many(ids)

    def __call__(self, ref: Any) -> str | None:
        return self.found.get(ref.id) if isinstance(ref, TextRef) else None


def amount(value: Decimal | None) -> str | None:
    """Amounts and shares leave the API as decimal strings, exactly as recorded."""
    return None if value is None else str(value)


def partnership_of(cls: type[Record], record_id: UUID) -> UUID:
    """The partnership a record belongs to (404 if there is no such record).

    The read model answers; a record it has not caught up with yet is read from the store.
    """
    with service().sql.connect() as connection:
        found = connection.execute(
            sa.select(states.c.partnership_id).where(
                states.c.id == str(record_id), states.c.kind == kind_of(cls)
            )
        ).scalar()
    if found is None:
        record: Any = service().get(cls, record_id)
        return UUID(str(record.partnership_id))
    return UUID(found)


def allowed(partnership_id: UUID, action: str) -> User:
    """The caller, who may do ``action`` in the partnership (404 if invisible, else 403)."""
    user = require_user()
    # An admin may act in every partnership: its organisation's memberships are not read.
    caller = Viewer(user, {}) if user.role == "admin" else Viewer.of(service().sql, user)
    caller.require(partnership_id, action)
    return user


def command_on(
    cls: type[Record],
    record_id: UUID,
    command: Callable[..., T],
    *args: Any,
    action: str = CONTRIBUTE,
) -> T:
    """Run ``command(actor, record_id, *args)`` on the version the caller saw (If-Match),
    if the caller may do ``action`` in the record's partnership (404 if invisible, else 403).
    """
    user = allowed(partnership_of(cls, record_id), action)
    return command(user.actor, record_id, *args, expected_version=expected_version())


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive UTC times; every time the API compares or shows is aware."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def access() -> Viewer:
    return Viewer.of(service().sql, require_user())


def read_limit(partnership_id: UUID) -> tuple[User, datetime | None]:
    """The caller and the time its reads stop at (404 if it may not see the partnership,
    or if there is no such partnership: admins see all, so theirs is checked here)."""
    user = require_user()
    caller = Viewer.of(service().sql, user)
    limit = caller.read_limit(partnership_id)
    if caller.is_admin:
        current(Partnership, partnership_id)
    return user, None if limit is None else utc(limit)


def current(cls: type[A], record_id: UUID) -> A:
    """The record now: the read model, or the log while the read model has not caught up."""
    found = load_current(service().sql, cls, record_id)
    return found if found is not None else service().get(cls, record_id)


def as_seen(cls: type[A], record_id: UUID, now: A, limit: datetime | None) -> A:
    """``now``, or the version/as_of the request asks for, never past ``limit``."""
    version, as_of = time_travel()
    if limit is not None and version is None:
        as_of = limit if as_of is None else min(as_of, limit)
    if version is None and as_of is None:
        return now
    record = service().get(cls, record_id, version=version, as_of=as_of)
    if limit is not None and utc(record.modified_on) > limit:
        raise NotFound(f"{record_name(cls)} {record_id} has no version {version} to show")
    return record


def at_limit(cls: type[A], record_id: UUID, limit: datetime | None) -> A | None:
    """The record as a former member last saw it (None if it began after the leaving)."""
    if limit is None:
        return current(cls, record_id)
    try:
        return service().get(cls, record_id, as_of=limit)
    except NotFound:
        return None


def show(
    cls: type[A], record_id: UUID, present: Callable[[A, list[Entry]], dict[str, Any]]
) -> Reply:
    """A GET of the record as the caller may see it (now, ``?version=`` or ``?as_of=``):
    its state and its history, with ETag.

    An organisation that left sees the record as it was when it left, never later.
    """
    now = current(cls, record_id)
    belongs: Any = now  # every record of a partnership's work has partnership_id
    _, limit = read_limit(belongs.partnership_id)
    record = as_seen(cls, record_id, now, limit)
    return reply(present(record, history(record_id, record.version)), record.version)


def answer(
    record: A,
    present: Callable[[A, list[Entry]], dict[str, Any]],
    status: int = 200,
    location: str | None = None,
) -> Reply:
    """A written record, told like any GET of it: its state and its history, with ETag."""
    return reply(
        present(record, history(record.id, record.version)), record.version, status, location
    )


def require_records(
    cls: type[Record], partnership_id: UUID, field: str, ids: Iterable[UUID | None]
) -> None:
    """Ids a command links to must be records of this partnership (422 otherwise).

    Checked here so that a record of a partnership the caller cannot see answers like one
    that does not exist, rather than as a record of another partnership.
    """
    wanted = {str(record_id) for record_id in ids if record_id is not None}
    if not wanted:
        return
    with service().sql.connect() as connection:
        found = set(
            connection.execute(
                sa.select(states.c.id).where(
                    states.c.id.in_(wanted),
                    states.c.kind == kind_of(cls),
                    states.c.partnership_id == str(partnership_id),
                )
            ).scalars()
        )
    missing = sorted(wanted - found)
    if missing:
        raise InvalidInput.field(
            field, f"no {record_name(cls)} {', '.join(missing)} in this partnership"
        )


def listing(
    cls: type[A],
    partnership_id: UUID,
    present: Callable[[list[A]], list[dict[str, Any]]],
    keep: Callable[[A], bool] = lambda record: True,
) -> dict[str, Any]:
    """A page of the partnership's records of one kind, oldest first, that ``keep`` keeps.

    A former member sees the records as they were when it left.
    """
    _, limit = read_limit(partnership_id)
    size, cursor = page_args()
    query = (
        sa.select(states.c.id, states.c.created_at)
        .where(states.c.kind == kind_of(cls), states.c.partnership_id == str(partnership_id))
        .order_by(states.c.created_at, states.c.id)
    )
    with service().sql.connect() as connection:
        rows = [
            row
            for row in connection.execute(query)
            if limit is None or utc(row.created_at) <= limit
        ]
    keys = {row.id: [utc(row.created_at).isoformat(), row.id] for row in rows}
    ids = [UUID(row.id) for row in rows]
    if cursor is not None:
        if not isinstance(cursor, list) or len(cursor) != 2:
            raise InvalidInput.field("cursor", "is not a cursor this API gave")
        ids = [i for i in ids if keys[str(i)] > cursor]
    kept: list[A] = []
    for start in range(0, len(ids), size + 1):  # load a page at a time until one is full
        chunk = ids[start : start + size + 1]
        if limit is None:
            records = load_many(service().sql, cls, chunk)
        else:
            records = [service().get(cls, i, as_of=limit) for i in chunk]
        kept.extend(record for record in records if keep(record))
        if len(kept) > size:
            break
    items = present(kept[: size + 1])
    return page(items, size, lambda item: keys[str(item["id"])])


def require_organisation(field: str, organisation_id: UUID) -> UUID:
    """An organisation named in a body must exist (422 naming the field otherwise)."""
    try:
        service().get(Organisation, organisation_id)
    except NotFound:
        raise InvalidInput.field(field, f"no organisation {organisation_id}") from None
    return organisation_id
