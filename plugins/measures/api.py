"""API routes of the measures plugin: the run chart (API.md), Shewhart charts, and a
partnership's survey indicators (baseline against the latest follow-up)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from flask import request
from marshmallow import Schema, fields

from samverkan.application.viewer import Viewer
from samverkan.errors import InvalidInput, NotFound
from samverkan.plugins.measures import tables
from samverkan.plugins.measures.control_charts import ControlChart, p_chart, xmr_chart
from samverkan.plugins.measures.reads import NotProportions, Series, load_series
from samverkan.plugins.measures.statistics import (
    DEFAULT_BASELINE_POINTS,
    RULE_SETS,
    run_chart,
    text,
)
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import reply, time_travel
from samverkan.web.auth import require_user, service

blp = blueprint("measure_charts", "Run charts, Shewhart charts and survey indicators of measures")

CHARTS = ("xmr", "p")


class PointSchema(Schema):
    period = fields.String(required=True)
    value = fields.String(required=True)


class SignalSchema(Schema):
    rule = fields.String(required=True)
    periods = fields.List(fields.String(), required=True)
    parameters = fields.Dict(required=True)


class RunChartSchema(Schema):
    measure_id = fields.UUID()
    version = fields.Integer()
    as_of = fields.DateTime(allow_none=True)
    rules = fields.String()
    baseline_points = fields.Integer()
    median = fields.String(allow_none=True)
    points = fields.List(fields.Nested(PointSchema))
    signals = fields.List(fields.Nested(SignalSchema))


class LimitPointSchema(Schema):
    period = fields.String(required=True)
    value = fields.String(required=True)
    n = fields.Integer(allow_none=True)
    plotted = fields.String(required=True)
    lower_limit = fields.String(required=True)
    upper_limit = fields.String(required=True)


class ControlChartSchema(Schema):
    measure_id = fields.UUID()
    version = fields.Integer()
    as_of = fields.DateTime(allow_none=True)
    chart = fields.String()
    centre = fields.String(allow_none=True)
    points = fields.List(fields.Nested(LimitPointSchema))
    signals = fields.List(fields.Nested(SignalSchema))


class IndicatorValueSchema(Schema):
    period = fields.String()
    value = fields.String()
    n = fields.Integer(allow_none=True)


class IndicatorSchema(Schema):
    measure_id = fields.UUID()
    name = fields.String()
    unit = fields.String()
    direction = fields.String()
    baseline = fields.String(allow_none=True)
    target = fields.String(allow_none=True)
    first = fields.Nested(IndicatorValueSchema, allow_none=True)
    latest = fields.Nested(IndicatorValueSchema, allow_none=True)
    change = fields.String(allow_none=True)
    improved = fields.Boolean(allow_none=True)


class IndicatorsSchema(Schema):
    partnership_id = fields.UUID()
    items = fields.List(fields.Nested(IndicatorSchema))


def choice_arg(name: str, allowed: tuple[str, ...], default: str) -> str:
    value = request.args.get(name, default)
    if value not in allowed:
        raise InvalidInput.field(name, f"must be one of {', '.join(allowed)}")
    return value


def baseline_points_arg() -> int:
    raw = request.args.get("baseline_points", str(DEFAULT_BASELINE_POINTS))
    if not raw.isdigit() or not 1 <= int(raw) <= 1000:
        raise InvalidInput.field("baseline_points", "must be a whole number from 1 to 1000")
    return int(raw)


def series_asked(measure_id: UUID) -> Series:
    user = require_user()
    version, as_of = time_travel()
    return load_series(service(), user, measure_id, version=version, as_of=as_of)


# Recorded values leave as recorded (str); computed ones (median, limits) without trailing zeros.


def run_chart_body(series: Series, rules: str, baseline_points: int) -> dict[str, Any]:
    chart = run_chart(series.points, rules, baseline_points)
    return {
        "measure_id": series.measure_id,
        "version": series.version,
        "as_of": series.as_of,
        "rules": rules,
        "baseline_points": baseline_points,
        "median": None if chart.median is None else text(chart.median),
        "points": [{"period": p.period, "value": str(p.value)} for p in series.points],
        "signals": [s.as_dict() for s in chart.signals],
    }


@blp.get("/measures/<uuid:measure_id>/run-chart")
@blp.response(200, RunChartSchema)
def measure_run_chart(measure_id: UUID) -> Any:
    """The run chart: median (frozen after ``baseline_points``, default 12) and the signals of
    the IHI (``rules=ihi``, default) or Anhøj (``rules=anhoej``) rules. ``as_of`` or
    ``version`` rebuild the values as they were recorded then."""
    rules = choice_arg("rules", RULE_SETS, "ihi")
    baseline_points = baseline_points_arg()
    series = series_asked(measure_id)
    return reply(run_chart_body(series, rules, baseline_points), series.version)


def control_chart_of(series: Series, kind: str) -> ControlChart:
    if kind == "xmr":
        return xmr_chart(series.points)
    try:
        return p_chart(series.points, Decimal(100) if series.percent else Decimal(1))
    except ValueError as error:
        raise NotProportions(
            f"{error}: record n with each value, and values in % (unit %) or between 0 and 1"
        ) from None


def control_chart_body(series: Series, chart: ControlChart) -> dict[str, Any]:
    scale = Decimal(100) if chart.chart == "p" and series.percent else Decimal(1)
    return {
        "measure_id": series.measure_id,
        "version": series.version,
        "as_of": series.as_of,
        "chart": chart.chart,
        "centre": None if chart.centre is None else text(chart.centre * scale),
        "points": [
            {
                "period": point.period,
                "value": str(point.value),
                "n": point.n,
                "plotted": text(chart.plotted[i] * scale),
                "lower_limit": text(chart.lower[i] * scale),
                "upper_limit": text(chart.upper[i] * scale),
            }
            for i, point in enumerate(chart.points)
            if i < len(chart.plotted)
        ],
        "signals": [s.as_dict() for s in chart.signals],
    }


@blp.get("/measures/<uuid:measure_id>/spc")
@blp.response(200, ControlChartSchema)
def measure_spc(measure_id: UUID) -> Any:
    """A Shewhart chart: ``chart=xmr`` (individuals, default) or ``chart=p`` (proportions with
    n; limits vary per point), with the special causes found (docs/measures.md)."""
    kind = choice_arg("chart", CHARTS, "xmr")
    series = series_asked(measure_id)
    chart = control_chart_of(series, kind)
    return reply(control_chart_body(series, chart), series.version)


def indicator(row: tables.MeasureRow, values: list[tables.ValueRow]) -> dict[str, Any]:
    """Baseline (the first period's value) against the latest follow-up, as in Lofoten."""
    first = values[0] if values else None
    latest = values[-1] if len(values) > 1 else None
    change = None if first is None or latest is None else latest.value - first.value
    improved = None
    if change is not None and change != 0:
        improved = (change > 0) == (row.direction == "increase")

    def point(v: tables.ValueRow | None) -> dict[str, Any] | None:
        return None if v is None else {"period": v.period, "value": str(v.value), "n": v.n}

    return {
        "measure_id": row.id,
        "name": row.name,
        "unit": row.unit,
        "direction": row.direction,
        "baseline": None if row.baseline is None else str(row.baseline),
        "target": None if row.target is None else str(row.target),
        "first": point(first),
        "latest": point(latest),
        "change": None if change is None else str(change),
        "improved": improved,
    }


def indicators_of(partnership_id: UUID) -> list[dict[str, Any]]:
    engine = service().sql
    return [
        indicator(m, tables.values_of(engine, m.id))
        for m in tables.measures_of(engine, partnership_id)
    ]


@blp.get("/partnerships/<uuid:partnership_id>/indicators")
@blp.response(200, IndicatorsSchema)
def partnership_indicators(partnership_id: UUID) -> dict[str, Any]:
    """Each measure of the partnership: its first value (the baseline survey) beside its latest
    (the follow-up), the change, whether it went the wanted way, and the target."""
    user = require_user()
    try:
        Viewer.of(service().sql, user).read_limit(partnership_id)
    except NotFound:
        raise NotFound(f"No partnership {partnership_id}") from None
    return {"partnership_id": partnership_id, "items": indicators_of(partnership_id)}
