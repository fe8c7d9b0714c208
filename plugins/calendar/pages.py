"""The calendar page and its panel on the partnership page."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _

from samverkan import Panel
from samverkan.domain.vocabulary import MEETING_KINDS
from samverkan.plugins.calendar.calendar import calendar_of
from samverkan.plugins.ledger.common import actor_limit, organisation_names
from samverkan.plugins.ledger.viewing import page_cutoff
from samverkan.web.auth import service

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor

pages = Blueprint("calendar_pages", __name__, template_folder="templates")


def kind_names() -> dict[str, str]:
    return {
        "workshop": _("Workshop"),
        "network_gathering": _("Network gathering"),
        "local_meeting": _("Local meeting"),
        "seminar": _("Seminar"),
        "other": _("Other meeting"),
    }


def status_names() -> dict[str, str]:
    return {
        "proposed": _("Proposed"),
        "adopted": _("Adopted"),
        "rejected": _("Rejected"),
        "withdrawn": _("Withdrawn"),
        "superseded": _("Superseded"),
    }


@pages.get("/partnerships/<uuid:partnership_id>/calendar")
def calendar_page(partnership_id: UUID) -> str:
    cutoff, as_of, error = page_cutoff(partnership_id)
    engine = service().sql
    found = calendar_of(engine, partnership_id, cutoff)
    organisations = [org for m in found.meetings for org in m.attending]
    return render_template(
        "calendar/page.html",
        partnership_id=partnership_id,
        calendar=found,
        by_id={m.id: m for m in found.meetings},
        kinds=MEETING_KINDS,
        kind_names=kind_names(),
        status_names=status_names(),
        names=organisation_names(engine, organisations),
        as_of=as_of,
        as_of_value=request.args.get("as_of", ""),
        as_of_error=_("Give a date such as 2026-03-01.") if error else None,
        as_of_exit_url=url_for("calendar_pages.calendar_page", partnership_id=partnership_id),
    )


def panel(service: Samverkan, partnership_id: UUID, actor: Actor | None) -> list[Panel]:
    """The latest meetings and how many there were."""
    engine = service.sql
    found = calendar_of(engine, partnership_id, actor_limit(engine, actor, partnership_id))
    if not found.meetings:
        return []
    html = render_template(
        "calendar/panel.html",
        partnership_id=partnership_id,
        latest=list(reversed(found.meetings[-3:])),
        count=len(found.meetings),
        kind_names=kind_names(),
    )
    return [Panel(title=_("Learning-network calendar"), html=str(html), order=60)]
