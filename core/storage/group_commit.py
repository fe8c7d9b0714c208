"""Group commit: concurrent saves of one process written in one store transaction.

Each save hands its stored events to the committer. When no other save is being written,
it leads: it takes every save waiting (its own and those that arrived while the previous
batch was committed) and inserts them all in one transaction, so they share one commit
(one fsync). When another save is being written, it waits, and is either written in that
leader's next batch or leads the next one itself.

If a batch fails (most often one save lost a race for an aggregate version: IntegrityError),
each of its saves is inserted again on its own, so each caller gets its own outcome: its
notification ids, or the error its own events caused.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import StoredEvent

Insert = Callable[..., Sequence[int] | None]


@dataclass
class PendingSave:
    """One caller's events, and what became of them."""

    events: Sequence[StoredEvent]
    done: bool = False
    notification_ids: Sequence[int] | None = None
    error: BaseException | None = None

    def outcome(self) -> Sequence[int] | None:
        if self.error is not None:
            raise self.error
        return self.notification_ids


class GroupCommit:
    """Wraps a recorder's ``insert_events``: the same calls, fewer transactions."""

    def __init__(self, insert: Insert) -> None:
        self.insert = insert
        self.changed = threading.Condition()
        self.waiting: list[PendingSave] = []
        self.writing = False
        self.batches = 0  # transactions written, and saves in them: for tests and metrics
        self.saves = 0

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        if kwargs.get("tracking") is not None:  # a processed event's position: never grouped
            return self.insert(stored_events, **kwargs)
        mine = PendingSave(stored_events)
        with self.changed:
            self.waiting.append(mine)
            while self.writing and not mine.done:
                self.changed.wait()
            if mine.done:  # a leader wrote it
                return mine.outcome()
            self.writing = True
            batch, self.waiting = self.waiting, []
        try:
            self.write(batch)
        finally:
            for pending in batch:  # interrupted: no caller may take its save for written
                if not pending.done:
                    pending.error = RuntimeError("the save was interrupted")
                    pending.done = True
            with self.changed:
                self.writing = False
                self.changed.notify_all()
        return mine.outcome()

    def write(self, batch: list[PendingSave]) -> None:
        """Insert the batch in one transaction; if that fails, each save on its own."""
        try:
            if len(batch) > 1:
                self.write_together(batch)
                return
        except Exception:
            pass  # one save's conflict must not fail the others: write them one by one
        for pending in batch:
            try:
                pending.notification_ids = self.insert(pending.events)
                self.batches += 1
                self.saves += 1
            except BaseException as error:  # handed to the caller whose save it was
                pending.error = error
            pending.done = True

    def write_together(self, batch: list[PendingSave]) -> None:
        events = [event for pending in batch for event in pending.events]
        ids = self.insert(events)
        self.batches += 1
        self.saves += len(batch)
        start = 0
        for pending in batch:
            end = start + len(pending.events)
            pending.notification_ids = None if ids is None else list(ids[start:end])
            pending.done = True
            start = end
