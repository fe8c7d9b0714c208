"""Following the log outside the request: the projection worker and plugins' reactions.

``follow`` is what ``samverkan projections run`` runs. On PostgreSQL it listens through
eventsourcing's ``ApplicationSubscription`` (LISTEN/NOTIFY) and wakes at once when events
are recorded; SQLite recorders cannot subscribe, so there it polls. Either way each wake-up
is a ``catch_up`` from the projections' own positions, which is what makes several workers
safe together: whichever applies an event first moves the position, the others roll back.
"""

from __future__ import annotations

import logging
import threading
from itertools import islice
from typing import TYPE_CHECKING
from uuid import UUID

from eventsourcing.projection import ApplicationSubscription

from samverkan.audit.checkpoints import sign_when_due
from samverkan.projections.base import SqlTracking, advance, record_failure, start_at
from samverkan.projections.runner import Projections
from samverkan.storage.log import read_log

if TYPE_CHECKING:
    from samverkan.plugin_manager import Plugins

log = logging.getLogger(__name__)

REACTION_BATCH = 100


def reaction_name(plugin: str) -> str:
    """The position name of a plugin's on_events follower."""
    return f"on_events:{plugin}"


def start_reactions(projections: Projections, plugins: Plugins) -> None:
    """A plugin reacts to events recorded from its first start on, not to all of history."""
    head = projections.head()
    with projections.engine.begin() as connection:
        for impl in plugins.pm.hook.on_events.get_hookimpls():
            start_at(connection, reaction_name(impl.plugin_name), head)


def deliver_reactions(projections: Projections, plugins: Plugins) -> int:
    """Offer each plugin's ``on_events`` the events after its position, in batches.

    At least once: the position moves only after the hook returned, so a batch that
    raised (or a crash in between) is offered again next time. Returns events delivered.
    """
    service, engine = projections.service, projections.engine
    delivered = 0
    for impl in plugins.pm.hook.on_events.get_hookimpls():
        name = reaction_name(impl.plugin_name)
        position = SqlTracking(engine, name).max_tracking_id() or 0
        while True:
            batch = list(islice(read_log(service, after=position), REACTION_BATCH))
            if not batch:
                break
            try:
                impl.function(service=service, events=batch)
            except Exception as error:
                plugins.fail(impl.plugin_name, "on_events", error)
                message = f"{type(error).__name__}: {error}"
                record_failure(engine, name, batch[0].notification_id, message)
                break
            position = batch[-1].notification_id
            with engine.begin() as connection:
                advance(connection, name, position)
            delivered += len(batch)
    return delivered


def _wake_on_notify(subscription: ApplicationSubscription[UUID], wake: threading.Event) -> None:
    for _ in subscription:
        wake.set()


def follow(
    projections: Projections,
    plugins: Plugins | None,
    stop: threading.Event,
    *,
    poll_interval: float = 0.05,
    retry_interval: float = 5.0,
) -> None:
    """Keep projections (and reactions) up to date until ``stop`` is set.

    On PostgreSQL a notification wakes the loop; ``retry_interval`` bounds how long a
    failed projection waits before it is tried again. On SQLite ``poll_interval`` is the
    polling period.
    """
    service = projections.service
    if plugins is not None:
        start_reactions(projections, plugins)
    wake = threading.Event()
    subscription = None
    listener = None
    if service.config.is_postgres:
        subscription = ApplicationSubscription(service, gt=projections.head())
        subscription.__enter__()
        listener = threading.Thread(target=_wake_on_notify, args=(subscription, wake), daemon=True)
        listener.start()
    timeout = retry_interval if subscription is not None else poll_interval
    try:
        while not stop.is_set():
            wake.clear()
            projections.catch_up()
            sign_when_due(projections.service)
            if plugins is not None:
                deliver_reactions(projections, plugins)
            # Wake on a notification, on stop, or after the timeout.
            waited = 0.0
            while not (wake.is_set() or stop.is_set()) and waited < timeout:
                wake.wait(0.05)
                waited += 0.05
    finally:
        if subscription is not None:
            subscription.__exit__(None, None, None)
        if listener is not None:
            listener.join()
