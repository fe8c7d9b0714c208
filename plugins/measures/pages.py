"""The measure page: run chart (picture, table and sentences), Shewhart limits, corrections;
and the panel on the partnership page (measures with baseline, latest and target)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from uuid import UUID

from flask import Blueprint, Response, redirect, render_template, request, url_for
from markupsafe import Markup, escape

from samverkan.errors import InvalidInput
from samverkan.plugins.measures import tables
from samverkan.plugins.measures.chart import SVG_POLICY, run_chart_svg
from samverkan.plugins.measures.control_charts import xmr_chart
from samverkan.plugins.measures.i18n import _
from samverkan.plugins.measures.reads import load_series
from samverkan.plugins.measures.statistics import RULE_SETS, Signal, run_chart, text
from samverkan.web.api.conventions import parse_as_of
from samverkan.web.auth import current_user, service

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan

bp = Blueprint("measures_ui", __name__, template_folder="templates")


def explain(signal: Signal) -> str:
    """One sentence per signal, in the reader's language."""
    p = signal.parameters
    if signal.rule == "shift":
        return _(
            "Shift: %(points)s points in a row on the same side of the median "
            "(%(min)s or more signal a shift).",
            points=p["points"],
            min=p["min_points"],
        )
    if signal.rule == "trend":
        message = (
            _("Trend: %(points)s points in a row all going up (%(min)s or more signal a trend).")
            if p["direction"] == "up"
            else _(
                "Trend: %(points)s points in a row all going down (%(min)s or more signal a trend)."
            )
        )
        return message % {"points": p["points"], "min": p["min_points"]}
    if signal.rule == "runs":
        few = p["too"] == "few"
        template = (
            _(
                "Too few runs: %(runs)s runs among %(n)s useful points; "
                "fewer than %(limit)s is unusual."
            )
            if few
            else _(
                "Too many runs: %(runs)s runs among %(n)s useful points; "
                "more than %(limit)s is unusual."
            )
        )
        limit = p["lower_limit"] if few else p["upper_limit"]
        return template % {"runs": p["runs"], "n": p["useful_observations"], "limit": limit}
    if signal.rule == "astronomical":
        return _(
            "Astronomical point: outside the limits %(lower)s to %(upper)s (XmR, 3 sigma).",
            lower=p["lower_limit"],
            upper=p["upper_limit"],
        )
    if signal.rule == "longest_run":
        return _(
            "Unusually long run: %(run)s points on one side of the median; more than %(limit)s "
            "is unusual for %(n)s useful points.",
            run=p["longest_run"],
            limit=p["limit"],
            n=p["useful_observations"],
        )
    if signal.rule == "crossings":
        return _(
            "Unusually few crossings: the line crosses the median %(crossings)s times; fewer "
            "than %(limit)s is unusual for %(n)s useful points.",
            crossings=p["crossings"],
            limit=p["limit"],
            n=p["useful_observations"],
        )
    if signal.rule == "outside_limits":
        return _(
            "Outside the control limits %(lower)s to %(upper)s.",
            lower=p["lower_limit"],
            upper=p["upper_limit"],
        )
    if signal.rule == "run_one_side":
        return _("%(points)s points in a row on one side of the centre line.", points=p["points"])
    if signal.rule == "two_of_three_beyond_2_sigma":
        return _("Two of three points in a row more than 2 sigma from the centre line.")
    return signal.rule


def page_args() -> tuple[str, datetime | None, str | None]:
    """``rules`` (unknown: IHI) and ``as_of`` (a date or a time; unreadable: an error to show)."""
    rules = request.args.get("rules", "ihi")
    if rules not in RULE_SETS:
        rules = "ihi"
    as_of, error = None, None
    if request.args.get("as_of"):
        try:
            as_of = parse_as_of(request.args["as_of"])
        except InvalidInput:
            error = _("Enter a date, or a date and a time.")
    return rules, as_of, error


def sign_in_first() -> Any:
    target = request.full_path if request.query_string else request.path
    return redirect(url_for("ui.sign_in", next=target))


@bp.get("/measures/<uuid:measure_id>")
def measure_page(measure_id: UUID) -> Any:
    user = current_user()
    if user is None:
        return sign_in_first()
    rules, as_of, as_of_error = page_args()
    series = load_series(service(), user, measure_id, as_of=as_of)
    chart = run_chart(series.points, rules)
    xmr = xmr_chart(series.points)
    flagged: dict[str, list[str]] = {}
    for signal in chart.signals:
        for period in signal.periods:
            flagged.setdefault(period, []).append(signal.rule)
    corrections = (
        [] if series.as_of is not None else tables.corrections_of(service().sql, measure_id)
    )
    reasons = service().texts.get_many([c.reason_text_id for c in corrections])
    image_args: dict[str, Any] = {"rules": rules}
    if as_of is not None:
        image_args["as_of"] = request.args["as_of"]
    return render_template(
        "measures/measure.html",
        series=series,
        chart=chart,
        xmr=xmr,
        rules=rules,
        image_url=url_for("measures_ui.run_chart_image", measure_id=measure_id, **image_args),
        explained=[(signal, explain(signal)) for signal in chart.signals],
        flagged=flagged,
        corrections=corrections,
        reasons=reasons,
        text=text,
        as_of=series.as_of,
        as_of_error=as_of_error,
        as_of_exit_url=url_for("measures_ui.measure_page", measure_id=measure_id, rules=rules),
    )


@bp.get("/measures/<uuid:measure_id>/run-chart.svg")
def run_chart_image(measure_id: UUID) -> Any:
    """The run chart picture of the page (the page carries its text alternative)."""
    user = current_user()
    if user is None:
        return sign_in_first()
    rules, as_of, _error = page_args()
    series = load_series(service(), user, measure_id, as_of=as_of)
    svg = run_chart_svg(run_chart(series.points, rules), series.name, series.unit)
    response = Response(svg, mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = SVG_POLICY
    return response


def panel_html(service: Samverkan, partnership_id: UUID) -> Markup | None:
    """Measures side by side: baseline, first and latest value, target (escaped HTML).

    Built without a template: the hook may be called outside a request (the CLI, tests)."""
    rows = tables.measures_of(service.sql, partnership_id)
    if not rows:
        return None

    def number(value: Decimal | None, period: str | None = None) -> Markup:
        if value is None:
            return Markup("–")
        shown = escape(text(value))
        if period is None:
            return shown
        return Markup('{} <span class="muted">{}</span>').format(shown, period)

    body = Markup("")
    for measure in rows:
        values = tables.values_of(service.sql, measure.id)
        first = values[0] if values else None
        latest = values[-1] if len(values) > 1 else None
        body += Markup(
            '<tr><th scope="row"><a href="/measures/{id}">{name}</a> '
            '<span class="muted">({unit})</span></th>'
            '<td class="number">{baseline}</td><td class="number">{first}</td>'
            '<td class="number">{latest}</td><td class="number">{target}</td></tr>'
        ).format(
            id=str(measure.id),
            name=measure.name,
            unit=measure.unit,
            baseline=number(measure.baseline),
            first=number(first.value, first.period) if first else number(None),
            latest=number(latest.value, latest.period) if latest else number(None),
            target=number(measure.target),
        )
    head = Markup("").join(
        Markup('<th scope="col"{}>{}</th>').format(
            Markup("") if i == 0 else Markup(' class="number"'), label
        )
        for i, label in enumerate(
            (_("Measure"), _("Baseline"), _("First value"), _("Latest value"), _("Target"))
        )
    )
    return Markup(
        '<div class="table-wrap"><table class="measures-panel">'
        '<caption class="visually-hidden">{}</caption><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table></div>"
    ).format(_("Measures with baseline, latest value and target"), head, body)
