"""What the pages of the improvement work share: loading a partnership's records as they are
(read models) or as they were (rebuilt with ``as_of``), their histories, and the forms of the
organisations that may contribute.

The pages themselves live in experiments.py, measures.py, lessons.py, scaleups.py and
agreements.py; importing this module registers them all on the ``ui`` blueprint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from uuid import UUID

import sqlalchemy as sa
from flask import url_for

from samverkan.application.viewer import CONTRIBUTE
from samverkan.domain.base import Record, kind_of
from samverkan.domain.organisation import Organisation
from samverkan.errors import InvalidInput, NotFound
from samverkan.readmodels.current_state import load_current, load_many, states
from samverkan.web.api.records import Entry, history
from samverkan.web.api.schemas import INTEGER_MAX
from samverkan.web.auth import service
from samverkan.web.ui.context import PartnershipPage, partnership_page
from samverkan.web.ui.forms import Field, handle_form
from samverkan.web.ui.pages import organisation_names

A = TypeVar("A", bound=Record)


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC times; compare aware ones only."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def records_of(cls: type[A], page: PartnershipPage) -> list[A]:
    """The partnership's records of one kind, oldest first, as the page shows them."""
    query = (
        sa.select(states.c.id, states.c.created_at)
        .where(states.c.kind == kind_of(cls), states.c.partnership_id == str(page.id))
        .order_by(states.c.created_at, states.c.id)
    )
    with service().sql.connect() as connection:
        rows = connection.execute(query).all()
    if page.as_of is None:
        return load_many(service().sql, cls, [UUID(row.id) for row in rows])
    moment = aware(page.as_of)
    found: list[A] = []
    for row in rows:
        if aware(row.created_at) <= moment:
            try:
                found.append(service().get(cls, UUID(row.id), as_of=page.as_of))
            except NotFound:
                continue
    return found


def record_of(cls: type[A], page: PartnershipPage, record_id: UUID) -> tuple[A, list[Entry]]:
    """One record of the partnership and its history up to the version shown (404 if the
    record belongs to another partnership or did not exist yet)."""
    record: Any
    if page.as_of is None:
        record = load_current(service().sql, cls, record_id)
        if record is None:
            record = service().get(cls, record_id)
    else:
        record = service().get(cls, record_id, as_of=page.as_of)
    if record.partnership_id != page.id:
        raise NotFound(f"No such record {record_id} in this partnership")
    return record, history(record_id, record.version)


def history_vars(entries: Sequence[Entry], **more: Any) -> dict[str, Any]:
    """What ``work_history.html`` needs: the entries, organisations' and people's names."""
    from samverkan.web.ui.audit_trail import person_names
    from samverkan.web.ui.event_labels import event_label

    orgs = {str(e.actor.organisation_id) for e in entries if e.actor is not None}
    people = {str(e.actor.user_id) for e in entries if e.actor is not None}
    return {
        "history": list(entries),
        "history_orgs": organisation_names(sorted(orgs)),
        "history_people": person_names(people),
        "event_label": event_label,
        **more,
    }


def today() -> date:
    return datetime.now(UTC).date()


def unit_options(page: PartnershipPage) -> list[tuple[str, str]]:
    """The units of the member organisations, as 'Organisation — Unit'."""
    organisations = load_many(
        service().sql, Organisation, [UUID(i) for i in page.partnership.members]
    )
    found = [
        (unit_id, f"{organisation.name} — {unit['name']}")
        for organisation in organisations
        for unit_id, unit in organisation.units.items()
    ]
    return sorted(found, key=lambda item: item[1].lower())


def unit_names(page: PartnershipPage, unit_ids: Sequence[Any]) -> dict[str, str]:
    """Names of units (of members, or of organisations that have left)."""
    names = dict(unit_options(page))
    wanted = {str(u) for u in unit_ids} - set(names)
    if wanted:
        with service().sql.connect() as connection:
            ids = [
                UUID(row.id)
                for row in connection.execute(
                    sa.select(states.c.id).where(states.c.kind == "organisation")
                )
            ]
        for organisation in load_many(service().sql, Organisation, ids):
            for unit_id, unit in organisation.units.items():
                if unit_id in wanted:
                    names[unit_id] = f"{organisation.name} — {unit['name']}"
    return names


def member_options(page: PartnershipPage) -> list[tuple[str, str]]:
    names = organisation_names(list(page.partnership.members))
    return sorted(
        ((i, names.get(i, i)) for i in page.partnership.members), key=lambda x: x[1].lower()
    )


def titles(records: Sequence[Any], attribute: str = "title") -> list[tuple[str, str]]:
    return [(str(record.id), str(getattr(record, attribute))) for record in records]


def whole_number(field: str, value: str | None, message: str) -> int | None:
    """An optional whole number of 1 or more from a form (amount fields give strings)."""
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput.field(field, message) from None
    if not 1 <= number <= INTEGER_MAX or str(number) != value:
        raise InvalidInput.field(field, message)
    return number


def contribute_form(
    partnership_id: UUID,
    *,
    fields: Callable[[PartnershipPage], list[Field]],
    title: Any,
    submit: Any,
    save: Callable[[PartnershipPage, dict[str, Any]], str],
    done: Any,
    back: Callable[[PartnershipPage], str] | None = None,
    template: str = "form_page.html",
    **context: Any,
) -> Any:
    """A form of an organisation that may contribute to the partnership, in the present.

    404 for who may not see the partnership, 403 for who may only read it.
    """
    page = partnership_page(partnership_id, as_of_text="")
    page.access.require(partnership_id, CONTRIBUTE)
    cancel = back(page) if back else url_for("ui.partnership", partnership_id=partnership_id)
    return handle_form(
        fields=fields(page),
        title=title,
        submit=submit,
        save=lambda values: save(page, values),
        done_message=done,
        cancel_url=cancel,
        template=template,
        **page.template_vars(),
        **context,
    )
