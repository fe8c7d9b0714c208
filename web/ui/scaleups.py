"""Scale-ups: spreading a practice to more units; the list links to the scale-up plugin's
practice × unit matrix, a scale-up's page shows each unit's stage and how it got there."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.domain.experiment import Experiment
from samverkan.domain.scaleup import ScaleUp
from samverkan.domain.vocabulary import ADOPTION_STAGES
from samverkan.errors import InvalidInput
from samverkan.web.api.scaleups import present
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.forms import Field
from samverkan.web.ui.labels import options
from samverkan.web.ui.work import (
    contribute_form,
    history_vars,
    record_of,
    records_of,
    titles,
    unit_names,
    unit_options,
)


@bp.get("/partnerships/<uuid:partnership_id>/scale-ups")
@signed_in_page
def scaleups(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found = records_of(ScaleUp, page)
    return render_template(
        "scaleups.html",
        **page.template_vars(),
        scaleups=found,
        origins={e.id: e.title for e in records_of(Experiment, page)},
    )


@bp.get("/partnerships/<uuid:partnership_id>/scale-ups/<uuid:scale_up_id>")
@signed_in_page
def scaleup(partnership_id: UUID, scale_up_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found, entries = record_of(ScaleUp, page, scale_up_id)
    origin = None
    if found.origin_id is not None:
        origin = next((e for e in records_of(Experiment, page) if e.id == found.origin_id), None)
    return render_template(
        "scaleup.html",
        **page.template_vars(),
        scaleup=found,
        body=present(found, entries),
        origin=origin,
        units=unit_names(page, found.target_unit_ids),
        **history_vars(entries),
    )


@bp.route("/partnerships/<uuid:partnership_id>/scale-ups/new", methods=["GET", "POST"])
@signed_in_page
def plan_scaleup(partnership_id: UUID) -> Any:
    def fields(page: PartnershipPage) -> list[Field]:
        return [
            Field("practice", _l("Practice to spread")),
            Field(
                "origin_id",
                _l("The experiment it comes from"),
                "select",
                required=False,
                options=lambda: titles(records_of(Experiment, page)),
            ),
            Field(
                "target_unit_ids",
                _l("Units to spread it to"),
                "checkboxes",
                options=lambda: unit_options(page),
            ),
        ]

    def save(page: PartnershipPage, v: dict[str, Any]) -> str:
        planned = service().plan_scale_up(
            page.user.actor,
            page.id,
            v["practice"],
            UUID(v["origin_id"]) if v["origin_id"] else None,
            [UUID(u) for u in v["target_unit_ids"]],
        )
        return url_for("ui.scaleup", partnership_id=page.id, scale_up_id=planned.id)

    return contribute_form(
        partnership_id,
        fields=fields,
        title=_("Plan a scale-up"),
        submit=_("Plan the scale-up"),
        save=save,
        done=_("The scale-up is planned."),
        back=lambda page: url_for("ui.scaleups", partnership_id=page.id),
    )


def scaleup_form(
    partnership_id: UUID,
    scale_up_id: UUID,
    fields: Any,
    title: Any,
    submit: Any,
    command: Any,
    done: Any,
) -> Any:
    """A form on an active scale-up, at the version the form was answered against."""

    def active(page: PartnershipPage) -> ScaleUp:
        found, _entries = record_of(ScaleUp, page, scale_up_id)
        return found

    def save(page: PartnershipPage, values: dict[str, Any]) -> str:
        found = active(page)
        if found.status != "active":
            raise InvalidInput.field(
                "form", _("The scale-up has ended; nothing more can be recorded.")
            )
        command(page, values, found.version)
        return url_for("ui.scaleup", partnership_id=page.id, scale_up_id=scale_up_id)

    return contribute_form(
        partnership_id,
        fields=lambda page: fields(page, active(page)),
        title=title,
        submit=submit,
        save=save,
        done=done,
        back=lambda page: url_for("ui.scaleup", partnership_id=page.id, scale_up_id=scale_up_id),
    )


SCALE_UP = "/partnerships/<uuid:partnership_id>/scale-ups/<uuid:scale_up_id>"


@bp.route(f"{SCALE_UP}/adoptions/new", methods=["GET", "POST"])
@signed_in_page
def record_adoption(partnership_id: UUID, scale_up_id: UUID) -> Any:
    def fields(page: PartnershipPage, found: ScaleUp) -> list[Field]:
        def targets() -> list[tuple[str, str]]:
            names = unit_names(page, found.target_unit_ids)
            return [(str(u), names.get(str(u), str(u))) for u in found.target_unit_ids]

        return [
            Field("unit_id", _l("Unit"), "select", options=targets),
            Field("stage", _l("Stage"), "select", options=lambda: options(ADOPTION_STAGES)),
            Field("note", _l("Note"), "textarea", required=False),
        ]

    return scaleup_form(
        partnership_id,
        scale_up_id,
        fields,
        _("Record adoption"),
        _("Record the stage"),
        lambda page, v, version: service().record_adoption(
            page.user.actor,
            scale_up_id,
            UUID(v["unit_id"]),
            v["stage"],
            v["note"] or "",
            expected_version=version,
        ),
        _("The stage is recorded."),
    )


@bp.route(f"{SCALE_UP}/completion", methods=["GET", "POST"])
@signed_in_page
def complete_scaleup(partnership_id: UUID, scale_up_id: UUID) -> Any:
    return scaleup_form(
        partnership_id,
        scale_up_id,
        lambda page, found: [Field("note", _l("Note"), "textarea", required=False)],
        _("Complete the scale-up"),
        _("Complete the scale-up"),
        lambda page, v, version: service().complete_scale_up(
            page.user.actor, scale_up_id, v["note"] or "", expected_version=version
        ),
        _("The scale-up is completed."),
    )


@bp.route(f"{SCALE_UP}/halt", methods=["GET", "POST"])
@signed_in_page
def halt_scaleup(partnership_id: UUID, scale_up_id: UUID) -> Any:
    return scaleup_form(
        partnership_id,
        scale_up_id,
        lambda page, found: [Field("reason", _l("Why it is halted"), "textarea")],
        _("Halt the scale-up"),
        _("Halt the scale-up"),
        lambda page, v, version: service().halt_scale_up(
            page.user.actor, scale_up_id, v["reason"], expected_version=version
        ),
        _("The scale-up is halted."),
    )
