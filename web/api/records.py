"""What the resources of a partnership's work share: access, time travel, history and lists.

Experiments, measures, lessons, scale-ups and agreements all belong to one partnership, so
every route finds that partnership first and asks ``core.access.Access`` whether the caller
may see it (404 if not) or change it (403). The present is read from the current-state read
model; a past version is rebuilt by the application. The history a resource shows (each
observation, value, correction, commitment...) comes from the record's own events up to the
version shown, so the present and any past version are told the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa

from core.access import CONTRIBUTE, Access
from core.commands.accounts import User
from core.current_state import load_current, load_many, states
from core.domain.base import Actor, Record, TextRef, kind_of, record_name
from core.domain.partnership import Partnership
from core.errors import InvalidInput, NotFound
from core.event_index import record_history
from core.projections import topic_of
from web.api.conventions import Reply, page, page_args, reply, time_travel
from web.auth import require_user, service

A = TypeVar("A", bound=Record)


@dataclass(frozen=True)
class Entry:
    """One event of a record, as its history shows it."""

    topic: str
    version: int
    at: datetime
    actor: Actor | None
    event: Any

    def by(self) -> dict[str, Any]:
        """When it was recorded, and by whom: the fields every history item carries."""
        actor = None
        if self.actor is not None:
            actor = {"user_id": self.actor.user_id, "organisation_id": self.actor.organisation_id}
        return {"at": self.at, "actor": actor}


class Texts:
    """Free texts of a response, fetched in one query; None where a text was erased."""

    def __init__(self, refs: Iterable[TextRef | None]) -> None:
        ids = [ref.id for ref in refs if ref is not None]
        self.found = service().texts.get_many(ids)

    def __call__(self, ref: TextRef | None) -> str | None:
        return None if ref is None else self.found.get(ref.id)


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


def contributor(partnership_id: UUID) -> User:
    """The caller, who may contribute to the partnership (404 if invisible, else 403)."""
    user = require_user()
    Access.of(service().sql, user).require(partnership_id, CONTRIBUTE)
    return user


def contributor_to(cls: type[Record], record_id: UUID) -> User:
    return contributor(partnership_of(cls, record_id))


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive UTC times; the times compared here must all be aware."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def reader(partnership_id: UUID) -> datetime | None:
    """Check the caller may read the partnership; the time a former member's reads stop at."""
    limit = Access.of(service().sql, require_user()).read_limit(partnership_id)
    if limit is None:  # admins see every partnership: that this one exists is still news
        with service().sql.connect() as connection:
            known = connection.execute(
                sa.select(states.c.id).where(
                    states.c.id == str(partnership_id), states.c.kind == "partnership"
                )
            ).first()
        if known is None:
            service().get(Partnership, partnership_id)
    return None if limit is None else utc(limit)


def read(cls: type[A], record_id: UUID) -> tuple[A, list[Entry]]:
    """The record as the caller may see it (now, ``?version=`` or ``?as_of=``), its history.

    An organisation that left sees the record as it was when it left, never later.
    """
    current = load_current(service().sql, cls, record_id)
    if current is None:  # not in the read model (yet): the store knows, or 404
        current = service().get(cls, record_id)
    belongs: Any = current  # every record of a partnership's work has partnership_id
    limit = reader(belongs.partnership_id)
    version, as_of = time_travel()
    if limit is not None and version is None:
        as_of = limit if as_of is None else min(as_of, limit)
    if version is None and as_of is None:
        record = current
    else:
        record = service().get(cls, record_id, version=version, as_of=as_of)
        if limit is not None and utc(record.modified_on) > limit:
            raise NotFound(f"{record_name(cls)} {record_id} has no version {version} to show")
    return record, history(record_id, record.version)


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


def history(record_id: UUID, version: int) -> list[Entry]:
    found: Iterable[Any] = record_history(service(), record_id, version)
    return [
        Entry(
            topic_of(event),
            event.originator_version,
            event.timestamp,
            getattr(event, "actor", None),
            event,
        )
        for event in found
    ]


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
    limit = reader(partnership_id)
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
