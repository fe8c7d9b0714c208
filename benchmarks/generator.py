"""Realistic stores, fast: the demo's five partnership histories recorded over and over.

Every step runs the application's own commands (validation, domain rules, texts), but
``BulkSamverkan`` keeps the changed aggregates in memory and writes them many at a time
(``Application.save(*aggregates)``: one transaction for hundreds of events), and stores
their texts in one insert per batch. Each cohort registers its own organisations, so the
store holds many partnerships, organisations and units, as a national deployment would.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from samverkan.application.base import A
from samverkan.application.service import Samverkan
from samverkan.demo import OPERATOR, Ids, demo_data, record_partnership
from samverkan.domain.base import Actor, TextRef
from samverkan.errors import NotFound
from samverkan.storage.tables import texts
from samverkan.storage.texts import text_hash

ADMIN_EMAIL = "bench-admin@bench.samverkan.example"
ADMIN_PASSWORD = "bench-password-1"


class BulkSamverkan(Samverkan):
    """Samverkan whose saves and texts are held back until ``flush``."""

    name = Samverkan.name  # the same tables (eventsourcing names them after the application)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held: dict[UUID, Any] = {}
        self.saved: dict[UUID, Any] = {}  # written, still current: this process is the only writer
        self.held_texts: list[dict[str, Any]] = []

    def save(self, *objs: Any, **kwargs: Any) -> list[Any]:
        for obj in objs:
            self.held[obj.id] = obj
        return []

    def get(self, cls: type[A], aggregate_id: UUID, **kwargs: Any) -> A:
        held = self.held.get(aggregate_id) or self.saved.get(aggregate_id)
        if held is None or any(value is not None for value in kwargs.values()):
            return super().get(cls, aggregate_id, **kwargs)
        if not isinstance(held, cls):
            raise NotFound(f"No {cls.__name__} {aggregate_id}")
        return held

    def text(self, field: str, value: Any, *, required: bool = True) -> TextRef:
        body = ("" if value is None else str(value)).strip()
        salt = secrets.token_bytes(16)
        ref = TextRef(uuid.uuid4(), text_hash(salt, body))
        self.held_texts.append({"id": str(ref.id), "salt": salt, "body": body})
        return ref

    def held_events(self) -> int:
        return sum(len(obj.pending_events) for obj in self.held.values())

    def flush(self) -> int:
        """Write the held texts, then the held aggregates' events in one transaction."""
        if self.held_texts:
            with self.sql.begin() as connection:
                connection.execute(texts.insert(), self.held_texts)
            self.held_texts = []
        count = self.held_events()
        if self.held:
            Application.save(self, *self.held.values())
            self.saved.update(self.held)
            self.held = {}
        return count


@dataclass(frozen=True)
class Generated:
    events: int
    partnerships: list[UUID]
    admin_token: str


def register_cohort(app: BulkSamverkan, cohort: int) -> Ids:
    """The demo's organisations (with their units) for one cohort; a fresh actor for each."""
    ids = Ids()
    for organisation in demo_data().organisations:
        name = f"{organisation['name']} ({cohort})"
        registered = app.register_organisation(
            OPERATOR, name, organisation["kind"], organisation["country"]
        )
        actor = Actor(user_id=uuid.uuid4(), organisation_id=registered.id)
        ids.organisations[organisation["key"]] = registered.id
        ids.actors[organisation["key"]] = actor
        for unit in organisation["units"]:
            _, unit_id = app.add_unit(actor, registered.id, unit["name"], unit["unit_type"])
            ids.units[(organisation["key"], unit["key"])] = unit_id
    return ids


def generate(app: BulkSamverkan, events: int) -> Generated:
    """Record cohorts of the five demo partnerships until the log holds ``events`` events
    (rounded up to a whole partnership), then an admin with a token and a password."""
    partnerships: list[UUID] = []
    recorded = app.recorder.max_notification_id() or 0
    cohort = 0
    while recorded < events:
        ids = register_cohort(app, cohort)
        for partnership in demo_data().partnerships:
            ids.records = {}
            before = set(started_partnerships(app))
            record_partnership(app, ids, partnership)
            partnerships.extend(set(started_partnerships(app)) - before)
            if recorded + app.held_events() >= events:
                break
        recorded += app.flush()
        cohort += 1
        app.saved.clear()  # the next cohort has its own organisations: memory stays flat
    recorded += app.flush()
    admin_org = app.register_organisation(OPERATOR, "Benchmark operator", "other", "SE")
    app.flush()
    user = Samverkan.create_user(
        app, OPERATOR, ADMIN_EMAIL, "Benchmark admin", admin_org.id, "admin", ADMIN_PASSWORD
    )
    app.flush()
    _, token = app.issue_token(user.id, label="benchmarks")
    return Generated(app.recorder.max_notification_id() or 0, partnerships, token)


def started_partnerships(app: BulkSamverkan) -> list[UUID]:
    """The partnership among the held aggregates (record_partnership started one)."""
    from samverkan.domain.partnership import Partnership

    return [obj.id for obj in app.held.values() if isinstance(obj, Partnership)]
