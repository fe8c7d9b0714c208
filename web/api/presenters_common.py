"""What the partnership, decision and event resources share: who may read, as of when, texts.

A partnership the caller may not see answers 404 (``Access.read_limit``); an organisation
that left reads everything as it was when it left. The present comes from the current-state
read model; ``?version=`` and ``?as_of=`` are rebuilt by the application.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

from core.access import Access
from core.commands.accounts import User
from core.current_state import load_current
from core.domain.base import Actor, Record, TextRef, record_name
from core.domain.organisation import Organisation
from core.domain.partnership import Partnership
from core.errors import InvalidInput, NotFound
from core.event_index import record_history
from core.projections import topic_of
from web.api.conventions import time_travel
from web.auth import require_user, service

A = TypeVar("A", bound=Record)


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive UTC times; every time the API compares or shows is aware."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def access() -> Access:
    return Access.of(service().sql, require_user())


def read_limit(partnership_id: UUID) -> tuple[User, datetime | None]:
    """The caller and the time its reads stop at (404 if it may not see the partnership,
    or if there is no such partnership: admins see all, so theirs is checked here)."""
    user = require_user()
    caller = Access.of(service().sql, user)
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


@dataclass(frozen=True)
class Entry:
    """One event of a record, for the histories a representation shows."""

    topic: str
    version: int
    at: datetime
    actor: Actor | None
    event: Any

    def by(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "user_id": None if self.actor is None else self.actor.user_id,
            "organisation_id": None if self.actor is None else self.actor.organisation_id,
        }


def history(record_id: UUID, version: int) -> Iterator[Entry]:
    """The record's own events up to ``version`` (one aggregate's, never the whole log)."""
    event: Any
    for event in record_history(service(), record_id, version):
        yield Entry(
            topic_of(event),
            event.originator_version,
            utc(event.timestamp),
            getattr(event, "actor", None),
            event,
        )


class Texts:
    """Free texts of one response, fetched in one query; None where a text was erased."""

    def __init__(self, refs: Iterable[Any]) -> None:
        ids = [ref.id for ref in refs if isinstance(ref, TextRef)]
        self.found = service().texts.get_many(ids)

    def __call__(self, ref: Any) -> str | None:
        return self.found.get(ref.id) if isinstance(ref, TextRef) else None


def require_organisation(field: str, organisation_id: UUID) -> UUID:
    """An organisation named in a body must exist (422 naming the field otherwise)."""
    try:
        service().get(Organisation, organisation_id)
    except NotFound:
        raise InvalidInput.field(field, f"no organisation {organisation_id}") from None
    return organisation_id
