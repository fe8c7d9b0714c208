"""The scale-up matrix page (with its timeline of changes) and its panel."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import pgettext

from samverkan import Panel
from samverkan.plugins.ledger.common import actor_limit, member_units
from samverkan.plugins.ledger.viewing import page_cutoff
from samverkan.plugins.scaleups.matrix import matrix_of
from samverkan.web.auth import service

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor

pages = Blueprint("scaleups_pages", __name__, template_folder="templates")


def stage_names() -> dict[str, str]:
    return {
        "planned": _("Planned"),
        "preparing": _("Preparing"),
        "piloting": _("Piloting"),
        "adopted": pgettext("adoption stage", "Adopted"),
        "sustained": _("Sustained"),
        "dropped": _("Dropped"),
    }


def status_names() -> dict[str, str]:
    return {"active": _("Active"), "completed": _("Completed"), "halted": _("Halted")}


@pages.get("/partnerships/<uuid:partnership_id>/scale-up-matrix")
def matrix_page(partnership_id: UUID) -> str:
    cutoff, as_of, error = page_cutoff(partnership_id)
    engine = service().sql
    return render_template(
        "scaleups/page.html",
        partnership_id=partnership_id,
        matrix=matrix_of(engine, partnership_id, cutoff),
        units=member_units(engine, partnership_id),
        stage_names=stage_names(),
        status_names=status_names(),
        as_of=as_of,
        as_of_value=request.args.get("as_of", ""),
        as_of_error=_("Give a date such as 2026-03-01.") if error else None,
        as_of_exit_url=url_for("scaleups_pages.matrix_page", partnership_id=partnership_id),
    )


def panel(service: Samverkan, partnership_id: UUID, actor: Actor | None) -> list[Panel]:
    engine = service.sql
    found = matrix_of(engine, partnership_id, actor_limit(engine, actor, partnership_id))
    if not found.practices:
        return []
    html = render_template(
        "scaleups/panel.html",
        partnership_id=partnership_id,
        matrix=found,
        units=member_units(engine, partnership_id),
        stage_names=stage_names(),
    )
    return [Panel(title=_("Scale-up tracker"), html=str(html), order=70)]
