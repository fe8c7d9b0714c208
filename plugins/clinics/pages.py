"""The clinic dashboard page (every clinic, its score and how it was derived) and its panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from flask import Blueprint, render_template, request, url_for
from flask_babel import format_decimal, pgettext
from flask_babel import gettext as _

from samverkan import Panel
from samverkan.domain.lesson import Lesson
from samverkan.plugins.clinics.dashboard import Clinic, dashboard_of
from samverkan.plugins.ledger.common import actor_limit, member_units, organisation_names
from samverkan.plugins.ledger.viewing import page_cutoff
from samverkan.readmodels.current_state import load_many
from samverkan.web.auth import service

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor

pages = Blueprint("clinics_pages", __name__, template_folder="templates")


def level_names() -> dict[str, tuple[str, str]]:
    """Each level: its IHI meaning, and the rule the recorded evidence must meet."""
    return {
        "0.5": (_("Intent to participate"), _("The unit is designated an innovation clinic.")),
        "1.0": (_("Forming"), _("An experiment is planned at the clinic.")),
        "1.5": (_("Planning"), _("An experiment uses a measure with a baseline and a target.")),
        "2.0": (_("Activity, no changes yet"), _("An experiment has started.")),
        "2.5": (_("Changes tested"), _("An experiment has been studied.")),
        "3.0": (_("Modest improvement"), _("A measure's latest value beats its baseline.")),
        "3.5": (
            _("Improvement"),
            _("A measure is half way to its target and an experiment concluded adopt or adapt."),
        ),
        "4.0": (
            _("Significant improvement"),
            _("A measure reached its target and an experiment concluded adopt or adapt."),
        ),
        "4.5": (
            _("Sustainable improvement"),
            _("That measure met its target in each of its last three periods."),
        ),
        "5.0": (
            _("Outstanding, sustainable results"),
            _("Also, a scale-up from its experiments is adopted or sustained in another unit."),
        ),
    }


def words() -> dict[str, str]:
    return {
        "planned": _("Planned"),
        "running": _("Running"),
        "studied": _("Studied"),
        "concluded": _("Concluded"),
        "adopt": _("Adopt"),
        "adapt": _("Adapt"),
        "abandon": _("Abandon"),
        "preparing": _("Preparing"),
        "piloting": _("Piloting"),
        "adopted": pgettext("adoption stage", "Adopted"),
        "sustained": _("Sustained"),
        "dropped": _("Dropped"),
        "company": _("Company"),
        "academia": _("University"),
    }


def lesson_texts(clinics: list[Clinic]) -> dict[str, str]:
    """The lessons' texts (erased ones are left out)."""
    ids = [UUID(lesson.id) for clinic in clinics for lesson in clinic.lessons]
    lessons = load_many(service().sql, Lesson, ids)
    texts = service().texts.get_many([lesson.text.id for lesson in lessons])
    return {str(x.id): texts[x.text.id] for x in lessons if x.text.id in texts}


def context(engine: Any, partnership_id: UUID, clinics: list[Clinic]) -> dict[str, Any]:
    organisations = [
        o for c in clinics for o in (c.organisation_id, *(p for p, _kind in c.partners))
    ]
    return {
        "partnership_id": partnership_id,
        "clinics": clinics,
        "units": member_units(engine, partnership_id),
        "names": organisation_names(engine, organisations),
        "levels": level_names(),
        "words": words(),
        "number": format_decimal,
    }


@pages.get("/partnerships/<uuid:partnership_id>/clinic-dashboard")
def dashboard_page(partnership_id: UUID) -> str:
    cutoff, as_of, error = page_cutoff(partnership_id)
    engine = service().sql
    clinics = dashboard_of(engine, partnership_id, cutoff)
    return render_template(
        "clinics/page.html",
        **context(engine, partnership_id, clinics),
        lesson_texts=lesson_texts(clinics),
        as_of=as_of,
        as_of_value=request.args.get("as_of", ""),
        as_of_error=_("Give a date such as 2026-03-01.") if error else None,
        as_of_exit_url=url_for("clinics_pages.dashboard_page", partnership_id=partnership_id),
    )


def panel(service: Samverkan, partnership_id: UUID, actor: Actor | None) -> list[Panel]:
    engine = service.sql
    clinics = dashboard_of(engine, partnership_id, actor_limit(engine, actor, partnership_id))
    if not clinics:
        return []
    html = render_template("clinics/panel.html", **context(engine, partnership_id, clinics))
    return [Panel(title=_("Innovation clinics"), html=str(html), order=50)]
