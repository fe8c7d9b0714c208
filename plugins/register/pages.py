"""The register page (filter by status, as-of control) and the panel on the partnership page."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _

from samverkan import Panel
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import DECISION_STATUSES
from samverkan.plugins.ledger.common import actor_limit, organisation_names
from samverkan.plugins.ledger.viewing import page_cutoff
from samverkan.plugins.register.register import evidence_titles, register_of
from samverkan.readmodels.current_state import load_current
from samverkan.web.auth import service

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor

pages = Blueprint("register_pages", __name__, template_folder="templates")


def status_names() -> dict[str, str]:
    return {
        "proposed": _("Proposed"),
        "adopted": _("Adopted"),
        "rejected": _("Rejected"),
        "withdrawn": _("Withdrawn"),
        "superseded": _("Superseded"),
    }


def stance_names() -> dict[str, str]:
    return {"approve": _("Approve"), "object": _("Object"), "abstain": _("Abstain")}


@pages.get("/partnerships/<uuid:partnership_id>/decision-register")
def register_page(partnership_id: UUID) -> str:
    cutoff, as_of, error = page_cutoff(partnership_id)
    status = request.args.get("status") or None
    status = status if status in DECISION_STATUSES else None
    engine = service().sql
    entries = register_of(engine, partnership_id, cutoff, status)
    organisations = [org for entry in entries for org in entry.signatory_ids]
    return render_template(
        "register/page.html",
        partnership_id=partnership_id,
        entries=entries,
        status=status,
        statuses=DECISION_STATUSES,
        status_names=status_names(),
        stance_names=stance_names(),
        names=organisation_names(engine, organisations),
        titles=evidence_titles(engine, load_current(engine, Partnership, partnership_id)),
        as_of=as_of,
        as_of_value=request.args.get("as_of", ""),
        as_of_error=_("Give a date such as 2026-03-01.") if error else None,
        as_of_exit_url=url_for("register_pages.register_page", partnership_id=partnership_id),
    )


def panel(service: Samverkan, partnership_id: UUID, actor: Actor | None) -> list[Panel]:
    """How many decisions are in each status, with links to the filtered register."""
    engine = service.sql
    entries = register_of(engine, partnership_id, actor_limit(engine, actor, partnership_id))
    if not entries:
        return []
    counts = {s: sum(1 for e in entries if e.status == s) for s in DECISION_STATUSES}
    html = render_template(
        "register/panel.html",
        partnership_id=partnership_id,
        counts=counts,
        status_names=status_names(),
    )
    return [Panel(title=_("Decision register"), html=str(html), order=30)]
