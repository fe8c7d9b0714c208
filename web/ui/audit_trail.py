"""The partnership's audit trail: every event, who (organisation, then person), when, and
what changed as a diff of the record's fields; with filters, an as-of time, proofs and the
verifiable bundle.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventsourcing.utils import get_topic
from flask import Response, json, render_template, request

from samverkan.application.viewer import Forbidden
from samverkan.audit.proofs import inclusion, partnership_bundle, positions_of
from samverkan.audit.sequencer import catch_up
from samverkan.domain.base import TextRef
from samverkan.errors import NotFound
from samverkan.storage.log import plain
from samverkan.storage.tables import users
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import partnership_page, signed_in_page
from samverkan.web.ui.event_labels import event_label, field_label
from samverkan.web.ui.labels import LABELS, label
from samverkan.web.ui.pages import display_zone, organisation_names

HIDDEN = {"_id", "_version", "_created_on", "_modified_on", "_pending_events"}
PAGE = 500


@dataclass
class Change:
    field: str
    before: Any
    after: Any


@dataclass
class Entry:
    notification_id: int
    originator_id: UUID
    kind: str  # the record kind: the event type's first part
    type: str
    at: datetime
    organisation_id: str | None
    user_id: str | None
    title: str
    changes: list[Change] = field(default_factory=list)
    position: int | None = None


def _state(aggregate: Any) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in vars(aggregate).items() if k not in HIDDEN}


def _flat(state: dict[str, Any]) -> dict[str, Any]:
    """One level of nesting made visible: ``stances.<org>`` changes, not the whole dict."""
    flat: dict[str, Any] = {}
    for key, value in state.items():
        if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = inner_value
        else:
            flat[key] = value
    return flat


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    old, new = _flat(before), _flat(after)
    return [
        Change(key, old.get(key), new.get(key))
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key) and not (_empty(old.get(key)) and _empty(new.get(key)))
    ]


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (dict, list, tuple)) and not value)


def partnership_events(partnership_id: UUID) -> Iterator[tuple[int, Any]]:
    """(notification id, domain event) of the partnership and every record belonging to it."""
    app = service()
    belongs = {partnership_id}
    after = 0
    while True:
        notifications = app.recorder.select_notifications(start=after + 1, limit=PAGE)
        for notification in notifications:
            event: Any = app.mapper.to_domain_event(notification)
            if notification.originator_version == 1 and str(
                getattr(event, "partnership_id", "")
            ) == str(partnership_id):
                belongs.add(event.originator_id)
            if event.originator_id in belongs:
                yield notification.id, event
        if len(notifications) < PAGE:
            return
        after = notifications[-1].id


def trail(partnership_id: UUID, until: datetime | None) -> list[Entry]:
    """Every event up to ``until``, with the fields it changed on its record."""
    aggregates: dict[UUID, Any] = {}
    entries = []
    for notification_id, event in partnership_events(partnership_id):
        if until is not None and event.timestamp > until:
            break
        current = aggregates.get(event.originator_id)
        before = _state(current) if current is not None else {}
        aggregate = event.mutate(current)
        aggregates[event.originator_id] = aggregate
        after = _state(aggregate) if aggregate is not None else {}
        topic = get_topic(type(event))
        actor = getattr(event, "actor", None)
        entries.append(
            Entry(
                notification_id=notification_id,
                originator_id=event.originator_id,
                kind=topic.split(".")[0],
                type=topic,
                at=event.timestamp,
                organisation_id=str(actor.organisation_id) if actor else None,
                user_id=str(actor.user_id) if actor else None,
                title=str(after.get("title") or before.get("title") or ""),
                changes=diff(before, after),
            )
        )
    return entries


def person_names(ids: set[str]) -> dict[str, str]:
    """People by id; an erased person shows as erased, never by name."""
    if not ids:
        return {}
    with service().sql.connect() as connection:
        rows = connection.execute(
            sa.select(users.c.id, users.c.name, users.c.erased_at).where(users.c.id.in_(ids))
        ).all()
    return {row.id: row.name for row in rows if row.erased_at is None}


def parse_day(value: str | None, end: bool) -> datetime | None:
    if not value:
        return None
    day = date.fromisoformat(value)
    moment = datetime.combine(day, time.max if end else time.min, tzinfo=display_zone())
    return moment.astimezone(UTC)


def shown_value(value: Any, names: dict[str, str]) -> str:
    """A value as a person reads it: names for organisations, texts for text references."""
    if value is None:
        return "—"
    if isinstance(value, TextRef):
        text = service().texts.get(value)
        return text if text is not None else "[erased]"
    if isinstance(value, UUID) or (isinstance(value, str) and value in names):
        return names.get(str(value), str(value))
    if isinstance(value, datetime):
        return value.astimezone(display_zone()).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(shown_value(v, names) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {shown_value(v, names)}" for k, v in value.items())
    if isinstance(value, str) and value in LABELS:
        return label(value)
    return str(plain(value))


@bp.get("/partnerships/<uuid:partnership_id>/audit")
@signed_in_page
def audit_trail(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    errors: dict[str, str] = {}
    try:
        since = parse_day(request.args.get("from"), end=False)
    except ValueError:
        since, errors["from"] = None, "date"
    try:
        until_day = parse_day(request.args.get("to"), end=True)
    except ValueError:
        until_day, errors["to"] = None, "date"
    entries = trail(partnership_id, page.as_of)
    organisations = organisation_names(
        sorted({e.organisation_id for e in entries if e.organisation_id})
        + list(page.partnership.members)
        + list(page.partnership.former_members)
    )
    organisations[str(partnership_id)] = page.partnership.title
    kinds = sorted({e.type for e in entries})
    chosen_type = request.args.get("type") or ""
    chosen_org = request.args.get("organisation") or ""
    shown = [
        e
        for e in entries
        if (not chosen_type or e.type == chosen_type)
        and (not chosen_org or e.organisation_id == chosen_org)
        and (since is None or e.at >= since)
        and (until_day is None or e.at <= until_day)
    ]
    shown.reverse()  # newest first
    positions = positions_of(service(), [e.notification_id for e in shown])
    for entry in shown:
        entry.position = positions.get(entry.notification_id)
    people = person_names({e.user_id for e in shown if e.user_id})
    return render_template(
        "audit_trail.html",
        **page.template_vars(),
        entries=shown,
        total=len(entries),
        kinds=kinds,
        organisations=organisations,
        people=people,
        chosen_type=chosen_type,
        chosen_org=chosen_org,
        date_from=request.args.get("from", ""),
        date_to=request.args.get("to", ""),
        filter_errors=errors,
        may_download=page.access.read_limit(partnership_id) is None,
        shown_value=lambda v: shown_value(v, organisations),
        event_label=event_label,
        field_label=lambda name: field_label(name, organisations),
    )


@bp.get("/partnerships/<uuid:partnership_id>/audit/proof/<int:position>")
@signed_in_page
def inclusion_proof_page(partnership_id: UUID, position: int) -> Any:
    """The proof that an event of this partnership is in the signed log, for people.
    A former member sees proofs only of events recorded before it left."""
    page = partnership_page(partnership_id, as_of_text="")
    limit = page.access.read_limit(partnership_id)
    ids = {
        notification_id
        for notification_id, event in partnership_events(partnership_id)
        if limit is None or event.timestamp <= limit
    }
    catch_up(service())
    if position not in positions_of(service(), sorted(ids)).values():
        raise NotFound(f"No event of this partnership at position {position}")
    proof = inclusion(service(), position)
    return render_template(
        "audit_proof.html", **page.template_vars(), proof=proof, position=position
    )


@bp.get("/partnerships/<uuid:partnership_id>/audit/bundle.json")
@signed_in_page
def audit_bundle(partnership_id: UUID) -> Any:
    """The verifiable bundle as a download, for current members (as the API gives it)."""
    page = partnership_page(partnership_id, as_of_text="")
    if page.access.read_limit(partnership_id) is not None:
        raise Forbidden("Your organisation has left: ask for proofs of single events")
    bundle = partnership_bundle(service(), partnership_id)
    return Response(
        json.dumps(bundle, indent=2),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="partnership-{partnership_id}.json"'
        },
    )
