"""Group commit: threads' saves share a transaction, and each caller gets its own outcome."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pytest
from eventsourcing.persistence import IntegrityError, Recording

from samverkan.application.service import Samverkan
from samverkan.domain.organisation import Organisation
from samverkan.storage.group_commit import GroupCommit
from tests.integration.helpers import register

THREADS = 6


def committer(app: Samverkan) -> GroupCommit:
    assert app.group_commit is not None, "group commit is on by default"
    return app.group_commit


def hold_first_write(app: Samverkan, waiting: int) -> None:
    """The first transaction waits until ``waiting`` saves queue behind it: they must then
    be written together in the next one."""
    group = committer(app)
    insert = group.insert
    first = threading.Event()

    def held(stored_events: Sequence[Any], **kwargs: Any) -> Any:
        if not first.is_set():
            first.set()
            deadline = time.monotonic() + 10
            while len(group.waiting) < waiting and time.monotonic() < deadline:
                time.sleep(0.005)
        return insert(stored_events, **kwargs)

    group.insert = held


def race(saves: list[Callable[[], Any]]) -> list[Any]:
    """Run the saves in threads started together; each one's result or exception."""
    results: list[Any] = [None] * len(saves)
    start = threading.Barrier(len(saves))

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = saves[index]()
        except Exception as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(saves))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def stored_originator(app: Samverkan, notification_id: int) -> Any:
    (notification,) = app.recorder.select_notifications(start=notification_id, limit=1)
    assert notification.id == notification_id
    return notification.originator_id


def test_saves_waiting_behind_a_transaction_are_written_in_one(app: Samverkan) -> None:
    actor = register(app, "Region Norr")
    made = [
        Organisation.register(actor, f"Kommun {i}", "municipality", "SE") for i in range(THREADS)
    ]
    group = committer(app)
    before = group.batches
    hold_first_write(app, waiting=THREADS - 1)

    results = race([partial(app.save, o) for o in made])

    assert group.batches - before == 2  # the first save, then the other five together
    ids: list[int] = []
    for organisation, recordings in zip(made, results, strict=True):
        (recording,) = recordings
        assert isinstance(recording, Recording)
        assert recording.domain_event.originator_id == organisation.id
        assert stored_originator(app, recording.notification.id) == organisation.id
        ids.append(recording.notification.id)
    assert len(set(ids)) == THREADS
    for organisation in made:
        assert app.get(Organisation, organisation.id).name == organisation.name


def test_a_conflict_in_a_batch_fails_only_its_own_save(app: Samverkan) -> None:
    actor = register(app, "Region Syd")
    rival = app.register_organisation(actor, "Kommun A", "municipality", "SE")
    first, second = app.get(Organisation, rival.id), app.get(Organisation, rival.id)
    first.rename(actor, "Kommun A1")
    second.rename(actor, "Kommun A2")  # the same version: only one of the two may be stored
    others = [Organisation.register(actor, f"Bolag {i}", "company", "SE") for i in range(3)]
    leader = Organisation.register(actor, "Bolag först", "company", "SE")
    group = committer(app)
    hold_first_write(app, waiting=5)

    def after_leader(save: Callable[[], Any]) -> Callable[[], Any]:
        def later() -> Any:
            while not group.writing:  # queue behind the leader's held transaction
                time.sleep(0.001)
            return save()

        return later

    saves = [lambda: app.save(leader)]
    saves += [after_leader(partial(app.save, o)) for o in [first, second, *others]]
    results = race(saves)

    conflicts = [r for r in results[1:3] if isinstance(r, IntegrityError)]
    assert len(conflicts) == 1, results
    winner = first if not isinstance(results[1], Exception) else second
    assert app.get(Organisation, rival.id).name == winner.name
    for aggregate, recordings in zip([leader, *others], [results[0], *results[3:]], strict=True):
        assert not isinstance(recordings, Exception), recordings
        (recording,) = recordings
        assert stored_originator(app, recording.notification.id) == aggregate.id


def test_a_save_made_alone_is_written_as_before(app: Samverkan) -> None:
    actor = register(app, "Region Väst")
    group = committer(app)
    before = (group.batches, group.saves)
    organisation = app.register_organisation(actor, "Kommun B", "municipality", "SE")
    assert (group.batches, group.saves) == (before[0] + 1, before[1] + 1)
    with pytest.raises(IntegrityError):
        stale = app.get(Organisation, organisation.id)
        app.rename_organisation(actor, organisation.id, "Kommun B1")
        stale.rename(actor, "Kommun B2")
        app.save(stale)
    assert app.get(Organisation, organisation.id).name == "Kommun B1"


def test_many_threads_saving_at_once_lose_nothing(app: Samverkan) -> None:
    actor = register(app, "Region Öst")
    made = [Organisation.register(actor, f"Enhet {i}", "company", "SE") for i in range(THREADS * 5)]
    chunks = [made[i::THREADS] for i in range(THREADS)]

    def save_all(chunk: list[Organisation]) -> list[int]:
        return [app.save(o)[0].notification.id for o in chunk]

    results = race([partial(save_all, c) for c in chunks])

    for chunk, ids in zip(chunks, results, strict=True):
        assert not isinstance(ids, Exception), ids
        for organisation, notification_id in zip(chunk, ids, strict=True):
            assert stored_originator(app, notification_id) == organisation.id
