"""Reading the stored log as people and clients see it: type, actor, time and data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.utils import get_topic

from samverkan.domain.base import Actor, TextRef

HIDDEN_FIELDS = {"originator_id", "originator_version", "timestamp", "originator_topic", "actor"}
PAGE = 500


@dataclass(frozen=True)
class LoggedEvent:
    notification_id: int
    originator_id: UUID
    version: int
    type: str
    at: datetime
    actor: Actor | None
    data: dict[str, Any]


def plain(value: Any) -> Any:
    """JSON-ready values: ids and dates as strings, amounts as decimal strings."""
    if isinstance(value, (UUID, Decimal)):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, TextRef):
        return {"text_id": str(value.id), "sha256": value.sha256}
    if isinstance(value, Actor):
        return {"user_id": str(value.user_id), "organisation_id": str(value.organisation_id)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def logged_event(notification_id: int, domain_event: Any) -> LoggedEvent:
    return LoggedEvent(
        notification_id=notification_id,
        originator_id=domain_event.originator_id,
        version=domain_event.originator_version,
        type=get_topic(type(domain_event)),
        at=domain_event.timestamp,
        actor=getattr(domain_event, "actor", None),
        data={
            key: plain(value)
            for key, value in domain_event.__dict__.items()
            if key not in HIDDEN_FIELDS
        },
    )


def read_log(app: Application[UUID], after: int = 0) -> Iterator[LoggedEvent]:
    """Every stored event after notification id ``after``, oldest first."""
    while True:
        notifications = app.recorder.select_notifications(start=after + 1, limit=PAGE)
        for notification in notifications:
            yield logged_event(notification.id, app.mapper.to_domain_event(notification))
        if len(notifications) < PAGE:
            return
        after = notifications[-1].id


def partnership_log(
    app: Application[UUID],
    partnership_id: UUID,
    *,
    after: int = 0,
    known: Iterable[UUID] = (),
) -> Iterator[LoggedEvent]:
    """The events of a partnership and of every record that belongs to it (after
    notification id ``after``; ``known`` names records found to belong before it)."""
    belongs = {partnership_id, *known}
    for logged in read_log(app, after):
        if logged.version == 1 and logged.data.get("partnership_id") == str(partnership_id):
            belongs.add(logged.originator_id)
        if logged.originator_id in belongs:
            yield logged
