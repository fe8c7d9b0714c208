"""Keeping projections up to date: catch up (embedded), follow (worker), rebuild, status.

Every mode reads the log once for all projections, from the lowest position, with
``select_notifications`` (ids may have gaps on PostgreSQL: nothing here expects id + 1),
decodes each page once and applies it to every projection in one transaction. A projection
that fails is retried alone, event by event, and stops at the failing event: its position
stays before it, so the next run starts from it again and skips nothing; the others go on.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from eventsourcing.persistence import Notification

from samverkan.audit.sequencer import catch_up as sequence_audit_log
from samverkan.projections.base import (
    Batch,
    EventFailed,
    SqlProjection,
    create_tables,
    lock_positions,
    move_positions,
    positions,
    record_failure,
    reset,
    tracking_metadata,
)

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.plugin_manager import Plugins

log = logging.getLogger(__name__)

PAGE = 500
REBUILD_PAGE = 2000
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
        self._lock = threading.Lock()
        create_tables(self.engine, tracking_metadata)
        self.plugin_of: dict[str, str] = {}
        # Told of each projection failure: (plugin, hook, error); from_plugins sets it.
        self.report: Callable[[str, str, BaseException], None] | None = None
        self.projections: dict[str, SqlProjection] = {}
        for plugin, cls in registered:
            if cls.name in self.projections:
                log.error("plugin %s: projection name %s is taken; skipped", plugin, cls.name)
                continue
            self.projections[cls.name] = cls.for_engine(self.engine)
            self.plugin_of[cls.name] = plugin

    @classmethod
    def from_plugins(cls, service: Samverkan, plugins: Plugins) -> Projections:
        plugins.record_failures_in(service.sql)  # every process sees the plugins' failures
        registered = plugins.collect("register_projections", service=service)
        runner = cls(service, registered)
        runner.report = plugins.fail
        return runner

    def _report(self, failure: ProjectionFailed) -> None:
        """A projection's failure is its plugin's failure, in hook ``projection:<name>``."""
        if self.report is not None:
            self.report(self.plugin_of[failure.name], f"projection:{failure.name}", failure)

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
        for page in self._pages(projection.topics, after, stop):
            yield from page

    def _pages(
        self, topics: Sequence[str], after: int, stop: int | None = None, size: int = PAGE
    ) -> Iterator[Sequence[Notification]]:
        """The log after ``after`` (up to ``stop``), a page at a time, only ``topics``."""
        while True:
            page = self.service.recorder.select_notifications(
                start=after + 1, limit=size, stop=stop, topics=topics
            )
            if page:
                yield page
            if len(page) < size:
                return
            after = page[-1].id

    def _decoded(self, page: Sequence[Notification]) -> list[tuple[Any, Notification]]:
        to_domain_event = self.service.mapper.to_domain_event
        return [(to_domain_event(notification), notification) for notification in page]

    # Embedded mode and the worker's step

    def catch_up(self) -> dict[str, int]:
        """Apply every projection up to the log's head; how many events each applied.

        A failing projection is recorded (position table, log) and left behind; the
        others still catch up.
        """
        # The audit tree follows the log first: every event gets its position at once.
        sequence_audit_log(self.service)
        return self._follow(list(self.projections), raise_failure=False)

    def catch_up_one(self, name: str) -> int:
        """Apply ``name`` up to the head; ``ProjectionFailed`` if it stops at an event."""
        self.get(name)
        return self._follow([name], raise_failure=True)[name]

    def _positions(self) -> dict[str, int]:
        """Every projection's position in one query (not one each: this runs per write)."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(positions.c.name, positions.c.position)).all()
        return {str(row.name): int(row.position) for row in rows}

    def _follow(self, names: list[str], *, raise_failure: bool) -> dict[str, int]:
        """One pass over the log for all of ``names``: each page is read and decoded once
        and applied to every projection in one transaction. Threads of one process take
        turns; a thread that waited usually finds the work done."""
        applied = dict.fromkeys(names, 0)
        with self._lock:
            at = self._positions()
            after = min(at.get(name, 0) for name in names)
            active = names
            while active:
                topics = sorted(set().union(*(self.projections[n].topic_set for n in active)))
                page = self.service.recorder.select_notifications(
                    start=after + 1, limit=PAGE, topics=topics
                )
                if not page:
                    break
                try:
                    counts = self._apply_page(active, self._decoded(page))
                except Exception:
                    counts, failures = self._apply_page_each(active, page)
                    if failures and raise_failure:
                        raise failures[0] from None
                    failed = {failure.name for failure in failures}
                    active = [name for name in active if name not in failed]
                for name, count in counts.items():
                    applied[name] += count
                if len(page) < PAGE or not active:
                    break
                # Past this page, and past what every projection still going has seen.
                after = max(page[-1].id, min(at.get(name, 0) for name in active))
        return applied

    def _apply_page(self, names: Sequence[str], decoded: Batch) -> dict[str, int]:
        """Apply a page to every projection of ``names`` and move them past it, all in one
        transaction; positions already past an event (another worker) skip it."""
        counts = {}
        with self.engine.begin() as connection:
            at = lock_positions(connection, names)
            for name in names:
                counts[name] = self._apply_to(connection, name, decoded, at[name])
            move_positions(connection, names, decoded[-1][1].id)
        return counts

    def _apply_to(self, connection: sa.Connection, name: str, decoded: Batch, position: int) -> int:
        projection = self.projections[name]
        batch = [
            item
            for item in decoded
            if item[1].id > position and item[1].topic in projection.topic_set
        ]
        if batch:
            projection.apply_batch(connection, batch)
        return len(batch)

    def _apply_page_each(
        self, names: Sequence[str], page: Sequence[Notification]
    ) -> tuple[dict[str, int], list[ProjectionFailed]]:
        """The slow way, after a page failed: each projection in its own transaction, and
        one that fails again event by event, so it stops just before the failing event."""
        counts: dict[str, int] = {}
        failures = []
        for name in names:
            try:
                with self.engine.begin() as connection:
                    at = lock_positions(connection, [name])
                    counts[name] = self._apply_to(connection, name, self._decoded(page), at[name])
                    move_positions(connection, [name], page[-1].id)
            except Exception:
                counts[name], failure = self._apply_each(name, page)
                if failure is not None:
                    log.error("%s (plugin %s)", failure, self.plugin_of[name])
                    self._report(failure)
                    failures.append(failure)
        return counts, failures

    def _apply_each(
        self, name: str, page: Sequence[Notification]
    ) -> tuple[int, ProjectionFailed | None]:
        count = 0
        for notification in page:
            try:
                with self.engine.begin() as connection:
                    at = lock_positions(connection, [name])
                    decoded = self._decoded([notification])
                    count += self._apply_to(connection, name, decoded, at[name])
                    move_positions(connection, [name], notification.id)
            except Exception as error:
                cause = error.__cause__ if isinstance(error, EventFailed) else error
                failure = ProjectionFailed(name, notification.id, cause or error)
                record_failure(self.engine, name, notification.id, failure.error)
                return count, failure
        return count, None

    def rebuild(self, name: str, progress: Progress | None = None) -> int:
        """Drop one projection's rows and replay the log into it (see ``rebuild_all``)."""
        self.get(name)
        return self.rebuild_all([name], progress)[name]

    def rebuild_all(
        self, names: Sequence[str] | None = None, progress: Progress | None = None
    ) -> dict[str, int]:
        """Drop the projections' rows and replay the log once into all of them, in one
        transaction. The position rows are locked first, so workers wait for the rebuild
        instead of writing into tables it is replacing. Returns the events each applied.
        """
        names = list(self.projections) if names is None else list(names)
        head = self.head()
        counts = dict.fromkeys(names, 0)
        failing: tuple[str, int] | None = None
        try:
            with self._lock, self.engine.begin() as connection:
                lock_positions(connection, names)
                for name in names:
                    reset(connection, name, 0)
                    self.projections[name].clear(connection)
                topics = sorted(set().union(*(self.projections[n].topic_set for n in names)))
                for page in self._pages(topics, 0, stop=head, size=REBUILD_PAGE):
                    decoded = self._decoded(page)
                    for name in names:
                        failing = (name, page[0].id)
                        counts[name] += self._apply_to(connection, name, decoded, 0)
                    failing = None
                    if progress is not None:
                        progress(page[-1].id)
                for name in names:
                    reset(connection, name, head)
        except Exception as error:
            if failing is None:
                raise
            name, notification_id = failing
            if isinstance(error, EventFailed):
                notification_id, cause = error.notification_id, error.__cause__ or error
            else:
                cause = error
            failure = ProjectionFailed(name, notification_id, cause)
            record_failure(self.engine, name, notification_id, failure.error)
            self._report(failure)
            raise failure from error
        return counts

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
            position = row.position if row is not None else 0
            if position < head and self.pending(name, position, head):
                names.append(name)
        return names

    def wait_until_current(self, head: int, timeout: float) -> bool:
        """Workers mode: wait up to ``timeout`` s for the projections to reach ``head``;
        False if some did not (the caller answers anyway)."""
        deadline = time.monotonic() + timeout
        interval = 0.005  # a worker usually needs a few ms: look often, then less
        while self.behind(head):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(interval, remaining))
            interval = min(interval * 2, 0.05)
        return True
