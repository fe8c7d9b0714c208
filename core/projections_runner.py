"""Keeping projections up to date: catch up (embedded), follow (worker), rebuild, status.

Every mode reads the log from each projection's own position with ``select_notifications``
(ids may have gaps on PostgreSQL: nothing here expects id + 1), applies events one
transaction each, and stops a projection at an event that fails: its position stays before
that event, so the next run starts from it again and skips nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from eventsourcing.persistence import Notification, Tracking

from core.audit.sequencer import catch_up as sequence_audit_log
from core.projections import (
    APPLICATION_NAME,
    SqlProjection,
    create_tables,
    positions,
    record_failure,
    reset,
    tracking_metadata,
)

if TYPE_CHECKING:
    from core.application import Samverkan
    from core.plugins import Plugins

log = logging.getLogger(__name__)

PAGE = 500
PENDING_CAP = 100_000
Progress = Callable[[int], None]


class ProjectionFailed(Exception):
    """A projection raised on an event; it stays before that event until fixed."""

    def __init__(self, name: str, notification_id: int, error: BaseException) -> None:
        self.name = name
        self.notification_id = notification_id
        self.error = f"{type(error).__name__}: {error}"
        super().__init__(f"projection {name} failed at event {notification_id}: {self.error}")


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    plugin: str
    position: int
    head: int
    pending: int
    failed_at: int | None
    error: str | None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Projections:
    """The projections of one application (from its plugins) and how they are run."""

    def __init__(
        self, service: Samverkan, registered: Iterable[tuple[str, type[SqlProjection]]]
    ) -> None:
        self.service = service
        self.engine: sa.Engine = service.sql
        create_tables(self.engine, tracking_metadata)
        self.plugin_of: dict[str, str] = {}
        self.projections: dict[str, SqlProjection] = {}
        for plugin, cls in registered:
            if cls.name in self.projections:
                log.error("plugin %s: projection name %s is taken; skipped", plugin, cls.name)
                continue
            self.projections[cls.name] = cls.for_engine(self.engine)
            self.plugin_of[cls.name] = plugin

    @classmethod
    def from_plugins(cls, service: Samverkan, plugins: Plugins) -> Projections:
        registered = plugins.collect("register_projections", service=service)
        return cls(service, registered)

    def get(self, name: str) -> SqlProjection:
        try:
            return self.projections[name]
        except KeyError:
            known = ", ".join(sorted(self.projections)) or "none"
            raise KeyError(f"no projection {name!r} (known: {known})") from None

    def head(self) -> int:
        return self.service.recorder.max_notification_id() or 0

    def _notifications(
        self, projection: SqlProjection, after: int, stop: int | None = None
    ) -> Iterator[Notification]:
        if not projection.topics:  # no topics would mean every event to the recorder
            return
        while True:
            page = self.service.recorder.select_notifications(
                start=after + 1, limit=PAGE, stop=stop, topics=projection.topics
            )
            yield from page
            if len(page) < PAGE:
                return
            after = page[-1].id

    # Embedded mode and the worker's step

    def catch_up(self) -> dict[str, int]:
        """Apply every projection up to the log's head; how many events each applied.

        A failing projection is recorded (position table, log) and left behind; the
        others still catch up.
        """
        applied: dict[str, int] = {}
        # The audit tree follows the log first: every event gets its position at once.
        sequence_audit_log(self.service)
        at = self._positions()
        for name in self.projections:
            try:
                applied[name] = self.catch_up_one(name, at.get(name, 0))
            except ProjectionFailed as failure:
                log.error("%s (plugin %s)", failure, self.plugin_of[name])
                applied[name] = 0
        return applied

    def _positions(self) -> dict[str, int]:
        """Every projection's position in one query (not one each: this runs per write)."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(positions.c.name, positions.c.position)).all()
        return {str(row.name): int(row.position) for row in rows}

    def catch_up_one(self, name: str, position: int | None = None) -> int:
        """Apply ``name`` from ``position`` (read now if not given) to the head. Another
        process may have moved it since ``position`` was read: its events are skipped by
        the conditional position upsert."""
        projection = self.get(name)
        count = 0
        start = projection.position if position is None else position
        notifications = self._notifications(projection, start)
        for notification in notifications:
            try:
                domain_event = self.service.mapper.to_domain_event(notification)
                tracking = Tracking(APPLICATION_NAME, notification.id)
                count += projection.apply_tracked(domain_event, tracking)
            except Exception as error:
                failure = ProjectionFailed(name, notification.id, error)
                record_failure(self.engine, name, notification.id, failure.error)
                raise failure from error
        return count

    def rebuild(self, name: str, progress: Progress | None = None) -> int:
        """Drop the projection's rows and replay the log, all in one transaction.

        The position row is locked first, so workers wait for the rebuild instead of
        writing into tables it is replacing. Returns the number of events applied.
        """
        projection = self.get(name)
        head = self.head()
        count, last, current = 0, 0, None
        try:
            with self.engine.begin() as connection:
                reset(connection, name, 0)
                projection.clear(connection)
                for notification in self._notifications(projection, 0, stop=head):
                    current = notification.id
                    domain_event = self.service.mapper.to_domain_event(notification)
                    tracking = Tracking(APPLICATION_NAME, notification.id)
                    projection.apply(connection, domain_event, tracking)
                    count, last = count + 1, notification.id
                    if progress is not None:
                        progress(notification.id)
                reset(connection, name, last)
        except Exception as error:
            if current is None:
                raise
            failure = ProjectionFailed(name, current, error)
            record_failure(self.engine, name, current, failure.error)
            raise failure from error
        return count

    # Status and the workers mode's wait

    def pending(self, name: str, position: int, head: int) -> int:
        projection = self.get(name)
        count = 0
        for _ in self._notifications(projection, position, stop=head):
            count += 1
            if count >= PENDING_CAP:
                break
        return count

    def status(self) -> list[ProjectionStatus]:
        head = self.head()
        with self.engine.connect() as connection:
            rows = {row.name: row for row in connection.execute(sa.select(positions))}
        result = []
        for name in self.projections:
            row = rows.get(name)
            position = row.position if row is not None else 0
            result.append(
                ProjectionStatus(
                    name=name,
                    plugin=self.plugin_of[name],
                    position=position,
                    head=head,
                    pending=self.pending(name, position, head),
                    failed_at=row.failed_at if row is not None else None,
                    error=row.error if row is not None else None,
                )
            )
        return result

    def behind(self, head: int) -> list[str]:
        """Healthy projections that have events up to ``head`` still to apply."""
        with self.engine.connect() as connection:
            rows = {row.name: row for row in connection.execute(sa.select(positions))}
        names = []
        for name in self.projections:
            row = rows.get(name)
            if row is not None and row.error is not None:
                continue  # a failed projection is reported, not waited for
            if self.pending(name, row.position if row is not None else 0, head):
                names.append(name)
        return names

    def wait_until_current(self, head: int, timeout: float) -> bool:
        """Workers mode: wait up to ``timeout`` s for the projections to reach ``head``;
        False if some did not (the caller answers anyway)."""
        deadline = time.monotonic() + timeout
        interval = 0.02
        while self.behind(head):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(interval, remaining))
            interval = min(interval * 2, 0.2)
        return True
