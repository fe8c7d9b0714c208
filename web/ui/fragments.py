"""Parts of pages kept in memory until the read models move on.

Everything these parts show comes from the read models, which the projections keep, and
from the texts. A part is kept under its own key and every projection's position: any event
a projection applies changes the positions, and the next request renders it afresh. Texts
are erased after their ``text.redacted`` event is recorded, so a part must leave out the
texts whose redaction the current-state read model holds (``shown_texts``): then a part
made before the text itself is gone shows it erased too.

One cache per app and process (each gunicorn worker has its own), least recently used
first out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa
from flask import current_app, g

from samverkan.domain.redaction import Redaction
from samverkan.projections.base import positions
from samverkan.readmodels.current_state import load_many
from samverkan.web.auth import page_connection, service

T = TypeVar("T")
CAPACITY = 256  # parts per process: a partnership page's body is some 20 kB
POSITIONS = sa.select(positions.c.name, positions.c.position).order_by(positions.c.name)


def store_version() -> tuple[tuple[str, int], ...]:
    """Every projection's position, read once per request."""
    version: tuple[tuple[str, int], ...] | None = g.get("store_version")
    if version is None:
        rows = page_connection().execute(POSITIONS)
        version = g.store_version = tuple((row.name, row.position) for row in rows)
    return version


class Fragments:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def remembered(self, key: Hashable, make: Callable[[], T], version: Hashable) -> T:
        """What is kept under ``key`` at ``version``, else ``make()``'s answer, kept."""
        full = (key, version)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                found: T = self._items[full]
                return found
        made = make()
        with self._lock:
            self._items[full] = made
            self._items.move_to_end(full)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return made

    def __len__(self) -> int:
        return len(self._items)


def fragments() -> Fragments:
    """The app's cache (made on first use)."""
    cache: Fragments | None = current_app.extensions.get("samverkan.fragments")
    if cache is None:
        cache = current_app.extensions.setdefault("samverkan.fragments", Fragments())
    return cache


def remembered(key: Hashable, make: Callable[[], T]) -> T:
    """A part of a page, made once per version of the read models."""
    return fragments().remembered(key, make, store_version())


def shown_texts(text_ids: Iterable[UUID]) -> dict[UUID, str]:
    """The texts by id, leaving out those erased or whose erasure is recorded."""
    found = service().texts.get_many(text_ids)
    redacted = {r.id for r in load_many(service().sql, Redaction, list(found))}
    return {text_id: body for text_id, body in found.items() if text_id not in redacted}
