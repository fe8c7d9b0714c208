"""The machinery every command module shares: reads, as-of, retried writes, texts."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, project_aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from samverkan.domain.base import TRANSCODINGS, Record, TextRef, record_name, require_id
from samverkan.domain.organisation import Organisation
from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput, NotFound, StaleVersion, WriteConflict
from samverkan.readmodels.current_state import create_state_tables
from samverkan.storage.migrations import upgrade
from samverkan.storage.stores import StoreConfig
from samverkan.storage.texts import TextStore

log = logging.getLogger(__name__)

WRITE_RETRIES = 5
RETRY_BACKOFF = 0.005  # seconds, doubled per attempt
MAX_TEXT = 20_000

A = TypeVar("A", bound=Record)
R = TypeVar("R")


class ServiceBase(Application[UUID]):
    """Reads and writes of aggregates; the command modules build on these."""

    def __init__(self, config: StoreConfig, *, create_tables: bool = True) -> None:
        self.config = config
        super().__init__(env=config.event_store_env(create_tables=create_tables))
        self.sql = config.sql_engine()
        if create_tables:
            upgrade(self.sql)  # the core's own tables, by Alembic migrations
            create_state_tables(self.sql)  # the core's commands read it
        self.texts = TextStore(self.sql)
        self._recorded = threading.local()
        self._reading = threading.local()

    def close(self) -> None:
        super().close()
        self.sql.dispose()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding)

    def _take_snapshots(self, processing_event: Any) -> None:
        # A snapshot only speeds up reads: failing to take one must not fail the command.
        try:
            super()._take_snapshots(processing_event)
        except Exception:
            log.warning("snapshot failed; the command was recorded", exc_info=True)

    # Reads

    def get(
        self,
        cls: type[A],
        aggregate_id: UUID,
        *,
        version: int | None = None,
        as_of: datetime | None = None,
    ) -> A:
        """The aggregate now, at a version, or as it was at a recording time."""
        if as_of is not None:
            if as_of.utcoffset() is None:  # recording times are UTC; a naive time is ambiguous
                raise InvalidInput.field("as_of", "must be a time with an offset")
            aggregate: Any = self._as_of(aggregate_id, as_of)
        else:
            try:
                aggregate = self.repository.get(
                    aggregate_id,
                    version=version,
                    deepcopy_from_cache=not getattr(self._reading, "shared", False),
                )
            except AggregateNotFoundError:
                aggregate = None
        if not isinstance(aggregate, cls):
            raise NotFound(f"No {record_name(cls)} {aggregate_id}")
        if version is not None and aggregate.version != version:
            raise NotFound(f"{record_name(cls)} {aggregate_id} has no version {version}")
        return aggregate

    def read(self, cls: type[A], aggregate_id: UUID) -> A:
        """The aggregate now, for a command that only checks it: the cached aggregate
        itself, not a copy (copying a large aggregate costs more than reading it), so it
        must not be changed."""
        self._reading.shared = True
        try:
            return self.get(cls, aggregate_id)
        finally:
            self._reading.shared = False

    def _as_of(self, aggregate_id: UUID, as_of: datetime) -> Any:
        """Start from the newest snapshot taken before ``as_of``, then apply later events."""
        start: Any = None
        if self.snapshots is not None:
            snapshot: Any
            for snapshot in self.snapshots.get(aggregate_id, desc=True):
                if snapshot.timestamp <= as_of:
                    start = snapshot
                    break
        gt = start.originator_version if start is not None else None
        events = [start] if start is not None else []
        domain_event: Any
        for domain_event in self.events.get(aggregate_id, gt=gt):
            if domain_event.timestamp > as_of:
                break
            events.append(domain_event)
        return project_aggregate(None, events) if events else None

    # Writes

    def record(self, aggregate: A) -> A:
        """Save a new aggregate (its id is new, so it cannot conflict)."""
        recordings = self.save(aggregate)
        self._recorded.last = (aggregate.id, [r.domain_event for r in recordings])
        return aggregate

    def just_recorded(self, aggregate_id: UUID, version: int) -> list[Any] | None:
        """The events of a record this thread has just made, if it is still at ``version``
        (a write answers with the record's history without reading it back)."""
        last = getattr(self._recorded, "last", None)
        if last is None or last[0] != aggregate_id or len(last[1]) != version:
            return None
        return list(last[1])

    def change(
        self,
        cls: type[A],
        aggregate_id: UUID,
        command: Callable[[A], R],
        *,
        expected_version: int | None = None,
    ) -> tuple[A, R]:
        """Load, apply ``command``, save; on a lost race reload and apply it again.

        With ``expected_version`` (the client's If-Match) a changed aggregate is not retried:
        the client decided on what it saw, so it is told (StaleVersion).
        """
        for attempt in range(WRITE_RETRIES + 1):
            aggregate = self.get(cls, aggregate_id)
            if expected_version is not None and aggregate.version != expected_version:
                raise StaleVersion(
                    f"The record is at version {aggregate.version}, not {expected_version}"
                )
            result = command(aggregate)
            try:
                self.save(aggregate)
            except IntegrityError:
                if expected_version is not None:
                    raise StaleVersion("The record changed while the command ran") from None
                log.info("write conflict on %s, attempt %d", aggregate_id, attempt + 1)
                # Jittered backoff, so writers that collided do not collide again at once.
                time.sleep(random.uniform(0, RETRY_BACKOFF * 2**attempt))
                continue
            return aggregate, result
        raise WriteConflict(f"{record_name(cls)} {aggregate_id} kept changing; try again")

    def text(self, field: str, value: Any, *, required: bool = True) -> TextRef:
        """Store free text in the erasable table; the event will hold the returned ref."""
        if value is None and not required:
            value = ""
        if not isinstance(value, str):
            raise InvalidInput.field(field, "must be a text")
        if required and not value.strip():
            raise InvalidInput.field(field, "must not be empty")
        if "\x00" in value:  # PostgreSQL cannot store it; no person types it
            raise InvalidInput.field(field, "must not contain a NUL character")
        if len(value) > MAX_TEXT:
            raise InvalidInput.field(field, f"must be at most {MAX_TEXT} characters")
        return self.texts.put(value.strip())

    def is_empty(self) -> bool:
        return self.recorder.max_notification_id() is None

    def member_unit_owner(self, partnership: Partnership, field: str, unit_id: Any) -> UUID:
        """The member organisation that has the unit."""
        unit = require_id(field, unit_id)
        for organisation_id in partnership.members:
            if self.read(Organisation, UUID(organisation_id)).has_unit(unit):
                return UUID(organisation_id)
        raise InvalidInput.field(field, f"{unit} is not a unit of a member organisation")

    def own(self, cls: type[Any], partnership: Partnership, field: str, record_id: Any) -> Any:
        """The record, if it belongs to the partnership; another partnership's record is
        refused like an unknown id, so nothing tells the caller it exists."""
        unknown = InvalidInput.field(
            field, f"no {record_name(cls)} {record_id} in this partnership"
        )
        try:
            record = self.read(cls, require_id(field, record_id))
        except NotFound:
            raise unknown from None
        if record.partnership_id != partnership.id:
            raise unknown
        return record
