"""Measures: baseline, latest and target side by side; a measure's values and corrections;
the forms that define a measure and record or correct its values. The run chart is the
measures plugin's page, linked from here."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.domain.experiment import Experiment
from samverkan.domain.measure import Measure, normalise_period
from samverkan.domain.vocabulary import DIRECTIONS
from samverkan.errors import InvalidInput
from samverkan.web.api.measures import present, summary
from samverkan.web.auth import service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import PartnershipPage, partnership_page, signed_in_page
from samverkan.web.ui.forms import Field
from samverkan.web.ui.labels import options
from samverkan.web.ui.work import contribute_form, history_vars, record_of, records_of, whole_number


@bp.get("/partnerships/<uuid:partnership_id>/measures")
@signed_in_page
def measures(partnership_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    return render_template(
        "measures.html",
        **page.template_vars(),
        measures=[summary(m) for m in records_of(Measure, page)],
    )


@bp.get("/partnerships/<uuid:partnership_id>/measures/<uuid:measure_id>")
@signed_in_page
def measure(partnership_id: UUID, measure_id: UUID) -> Any:
    page = partnership_page(partnership_id)
    found, entries = record_of(Measure, page, measure_id)
    return render_template(
        "measure.html",
        **page.template_vars(),
        measure=found,
        body=present(found, entries),
        experiments=[e for e in records_of(Experiment, page) if measure_id in e.measure_ids],
        **history_vars(entries),
    )


@bp.route("/partnerships/<uuid:partnership_id>/measures/new", methods=["GET", "POST"])
@signed_in_page
def define_measure(partnership_id: UUID) -> Any:
    def fields(page: PartnershipPage) -> list[Field]:
        return [
            Field("name", _l("Name")),
            Field("unit", _l("Unit"), hint=_l("Such as %, days or patients.")),
            Field(
                "direction",
                _l("Better is"),
                "select",
                options=lambda: options(DIRECTIONS),
            ),
            Field("baseline", _l("Baseline"), "amount", required=False),
            Field("target", _l("Target"), "amount", required=False),
            Field("method", _l("How it is measured"), "textarea", required=False),
        ]

    def save(page: PartnershipPage, v: dict[str, Any]) -> str:
        defined = service().define_measure(
            page.user.actor,
            page.id,
            v["name"],
            v["unit"],
            v["direction"],
            v["baseline"],
            v["target"],
            v["method"] or "",
        )
        return url_for("ui.measure", partnership_id=page.id, measure_id=defined.id)

    return contribute_form(
        partnership_id,
        fields=fields,
        title=_("Define a measure"),
        submit=_("Define the measure"),
        save=save,
        done=_("The measure is defined."),
        back=lambda page: url_for("ui.measures", partnership_id=page.id),
    )


def checked_period(value: str) -> str:
    """The period as the measure keeps it, or an error beside the field in the page's language."""
    try:
        return normalise_period(value)
    except InvalidInput:
        raise InvalidInput.field("period", str(PERIOD_HINT)) from None


PERIOD_HINT = _l("A month such as 2026-03, or a day such as 2026-03-15.")


def value_form(
    partnership_id: UUID,
    measure_id: UUID,
    fields: Any,
    title: Any,
    submit: Any,
    command: Any,
    done: Any,
) -> Any:
    def save(page: PartnershipPage, values: dict[str, Any]) -> str:
        found, _entries = record_of(Measure, page, measure_id)
        command(page, values, found.version)
        return url_for("ui.measure", partnership_id=page.id, measure_id=measure_id)

    def checked(page: PartnershipPage) -> list[Field]:
        found, _entries = record_of(Measure, page, measure_id)  # 404 if not of this partnership
        result: list[Field] = fields(found)
        return result

    return contribute_form(
        partnership_id,
        fields=checked,
        title=title,
        submit=submit,
        save=save,
        done=done,
        back=lambda page: url_for("ui.measure", partnership_id=page.id, measure_id=measure_id),
    )


MEASURE = "/partnerships/<uuid:partnership_id>/measures/<uuid:measure_id>"


@bp.route(f"{MEASURE}/values/new", methods=["GET", "POST"])
@signed_in_page
def record_value(partnership_id: UUID, measure_id: UUID) -> Any:
    def fields(found: Measure) -> list[Field]:
        return [
            Field("period", _l("Period"), hint=PERIOD_HINT),
            Field("value", _l("Value"), "amount"),
            Field(
                "n",
                _l("Number of cases"),
                "amount",
                required=False,
                hint=_l("How many the value is based on."),
            ),
        ]

    def command(page: PartnershipPage, v: dict[str, Any], version: int) -> None:
        period = checked_period(v["period"])
        found, _entries = record_of(Measure, page, measure_id)
        if period in found.values:
            raise InvalidInput.field(
                "period", _("A value for this period is recorded; correct it instead.")
            )
        n = whole_number("n", v["n"], _("Enter a whole number, 1 or more."))
        service().record_value(
            page.user.actor, measure_id, period, v["value"], n, expected_version=version
        )

    return value_form(
        partnership_id,
        measure_id,
        fields,
        _("Record a value"),
        _("Record the value"),
        command,
        _("The value is recorded."),
    )


@bp.route(f"{MEASURE}/corrections/new", methods=["GET", "POST"])
@signed_in_page
def correct_value(partnership_id: UUID, measure_id: UUID) -> Any:
    def fields(found: Measure) -> list[Field]:
        periods = sorted(found.values)
        return [
            Field("period", _l("Period"), "select", options=lambda: [(p, p) for p in periods]),
            Field("value", _l("Corrected value"), "amount"),
            Field("reason", _l("Reason for the correction"), "textarea"),
        ]

    return value_form(
        partnership_id,
        measure_id,
        fields,
        _("Correct a value"),
        _("Record the correction"),
        lambda page, v, version: service().correct_value(
            page.user.actor,
            measure_id,
            v["period"],
            v["value"],
            v["reason"],
            expected_version=version,
        ),
        _("The correction is recorded."),
    )
