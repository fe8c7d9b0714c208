"""Forms that start and change a partnership: each a spec of fields and one command."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.application.viewer import MANAGE, Viewer
from samverkan.domain.vocabulary import (
    LEVELS,
    MEETING_KINDS,
    MEMBER_ROLES,
    NEEDS_OF,
    PARTNERSHIP_KINDS,
    PARTNERSHIP_STATUSES,
    PHASES,
)
from samverkan.errors import InvalidInput
from samverkan.readmodels.current_state import states
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import page_user, partnership_page, signed_in_page
from samverkan.web.ui.forms import Field, handle_form
from samverkan.web.ui.labels import options
from samverkan.web.ui.pages import organisation_names


def all_organisations() -> list[tuple[str, str]]:
    with service().sql.connect() as connection:
        ids = [
            row.id
            for row in connection.execute(
                sa.select(states.c.id).where(states.c.kind == "organisation")
            )
        ]
    names = organisation_names(ids)
    return sorted(names.items(), key=lambda item: item[1].lower())


@bp.route("/partnerships/new", methods=["GET", "POST"])
@signed_in_page
def new_partnership() -> Any:
    user = page_user()
    Viewer.of(service().sql, user).require_role("coordinator")
    own = str(user.organisation_id)

    def coordinators() -> list[tuple[str, str]]:
        if user.role == "admin":
            return all_organisations()
        return [(own, organisation_names([own]).get(own, own))]

    fields = [
        Field("title", _l("Title")),
        Field("kind", _l("Kind"), "select", options=lambda: options(PARTNERSHIP_KINDS)),
        Field("purpose", _l("Purpose"), "textarea"),
        Field("goals", _l("Goals"), "lines", required=False),
        Field("coordinator_id", _l("Coordinating organisation"), "select", options=coordinators),
        Field("starts_on", _l("Starts on"), "date"),
        Field("ends_on", _l("Ends on"), "date", required=False),
    ]

    def save(values: dict[str, Any]) -> str:
        if user.role != "admin" and values["coordinator_id"] != own:
            raise InvalidInput.field("coordinator_id", "must be your own organisation")
        created = service().start_partnership(
            user.actor,
            title=values["title"],
            kind=values["kind"],
            purpose=values["purpose"],
            goals=values["goals"],
            coordinator_id=UUID(values["coordinator_id"]),
            starts_on=values["starts_on"],
            ends_on=values["ends_on"],
        )
        return url_for("ui.partnership", partnership_id=created.id)

    return handle_form(
        fields=fields,
        title=_("Start a partnership"),
        submit=_("Start the partnership"),
        save=save,
        done_message=_("The partnership is recorded."),
        initial={"coordinator_id": own},
        cancel_url=url_for("ui.home"),
        partnership=None,
    )


def manage_form(
    partnership_id: UUID,
    fields: list[Field],
    title: Any,
    submit: Any,
    command: Any,
    done: Any,
) -> Any:
    """A form of the coordinating organisation on the partnership, at its current version."""
    page = partnership_page(partnership_id, as_of_text="")
    page.access.require(partnership_id, MANAGE)
    version = page.partnership.version

    def save(values: dict[str, Any]) -> str:
        command(page, values, version)
        return url_for("ui.partnership", partnership_id=partnership_id)

    return handle_form(
        fields=fields,
        title=title,
        submit=submit,
        save=save,
        done_message=done,
        cancel_url=url_for("ui.partnership", partnership_id=partnership_id),
        **page.template_vars(),
    )


def members_of(page: Any) -> list[tuple[str, str]]:
    names = organisation_names(list(page.partnership.members))
    return sorted(((i, names.get(i, i)) for i in page.partnership.members), key=lambda x: x[1])


@bp.route("/partnerships/<uuid:partnership_id>/members/new", methods=["GET", "POST"])
@signed_in_page
def add_member(partnership_id: UUID) -> Any:
    def outsiders() -> list[tuple[str, str]]:
        current = set(partnership_page(partnership_id, as_of_text="").partnership.members)
        return [(i, name) for i, name in all_organisations() if i not in current]

    fields = [
        Field("organisation_id", _l("Organisation"), "select", options=outsiders),
        Field("role", _l("Role"), "select", options=lambda: options(MEMBER_ROLES[1:])),
    ]
    return manage_form(
        partnership_id,
        fields,
        _("Add a member"),
        _("Add the member"),
        lambda page, v, version: service().add_member(
            page.user.actor,
            partnership_id,
            UUID(v["organisation_id"]),
            v["role"],
            expected_version=version,
        ),
        _("The member is added."),
    )


@bp.route("/partnerships/<uuid:partnership_id>/phases/new", methods=["GET", "POST"])
@signed_in_page
def enter_phase(partnership_id: UUID) -> Any:
    fields = [
        Field("phase", _l("Phase"), "select", options=lambda: options(PHASES)),
        Field("rationale", _l("Why now"), "textarea"),
    ]
    return manage_form(
        partnership_id,
        fields,
        _("Enter a phase"),
        _("Enter the phase"),
        lambda page, v, version: service().enter_phase(
            page.user.actor, partnership_id, v["phase"], v["rationale"], expected_version=version
        ),
        _("The phase is recorded."),
    )


@bp.route("/partnerships/<uuid:partnership_id>/status/new", methods=["GET", "POST"])
@signed_in_page
def change_status(partnership_id: UUID) -> Any:
    fields = [
        Field("status", _l("Status"), "select", options=lambda: options(PARTNERSHIP_STATUSES)),
        Field("reason", _l("Reason"), "textarea"),
    ]
    return manage_form(
        partnership_id,
        fields,
        _("Change status"),
        _("Change the status"),
        lambda page, v, version: service().change_status(
            page.user.actor, partnership_id, v["status"], v["reason"], expected_version=version
        ),
        _("The status is recorded."),
    )


@bp.route("/partnerships/<uuid:partnership_id>/meetings/new", methods=["GET", "POST"])
@signed_in_page
def hold_meeting(partnership_id: UUID) -> Any:
    def attendees() -> list[tuple[str, str]]:
        return members_of(partnership_page(partnership_id, as_of_text=""))

    fields = [
        Field("kind", _l("Kind of meeting"), "select", options=lambda: options(MEETING_KINDS)),
        Field("held_on", _l("Held on"), "date"),
        Field("place", _l("Place")),
        Field(
            "attending_organisation_ids",
            _l("Attending organisations"),
            "checkboxes",
            options=attendees,
        ),
        Field("summary", _l("Summary"), "textarea", required=False),
    ]
    return manage_form(
        partnership_id,
        fields,
        _("Record a meeting"),
        _("Record the meeting"),
        lambda page, v, version: service().hold_meeting(
            page.user.actor,
            partnership_id,
            v["kind"],
            v["held_on"],
            v["place"],
            [UUID(i) for i in v["attending_organisation_ids"]],
            v["summary"] or "",
            expected_version=version,
        ),
        _("The meeting is recorded."),
    )


@bp.route("/partnerships/<uuid:partnership_id>/challenges/new", methods=["GET", "POST"])
@signed_in_page
def define_challenge(partnership_id: UUID) -> Any:
    fields = [
        Field("title", _l("Title")),
        Field("description", _l("Description"), "textarea"),
        Field("level", _l("Level"), "select", options=lambda: options(LEVELS)),
        Field("needs_of", _l("Whose needs"), "checkboxes", options=lambda: options(NEEDS_OF)),
    ]
    return manage_form(
        partnership_id,
        fields,
        _("Define a challenge"),
        _("Define the challenge"),
        lambda page, v, version: service().define_challenge(
            page.user.actor,
            partnership_id,
            v["title"],
            v["description"],
            v["level"],
            v["needs_of"],
            expected_version=version,
        ),
        _("The challenge is recorded."),
    )


@bp.route("/partnerships/<uuid:partnership_id>/funding/new", methods=["GET", "POST"])
@signed_in_page
def award_funding(partnership_id: UUID) -> Any:
    fields = [
        Field("funder_id", _l("Funder"), "select", options=all_organisations),
        Field("amount", _l("Amount"), "amount"),
        Field("currency", _l("Currency"), hint=_l("Three letters, such as SEK, NOK or EUR.")),
        Field("reference", _l("Reference"), hint=_l("The grant's number or name.")),
    ]
    return manage_form(
        partnership_id,
        fields,
        _("Record funding"),
        _("Record the funding"),
        lambda page, v, version: service().award_funding(
            page.user.actor,
            partnership_id,
            UUID(v["funder_id"]),
            v["amount"],
            v["currency"].upper(),
            v["reference"],
            expected_version=version,
        ),
        _("The funding is recorded."),
    )
