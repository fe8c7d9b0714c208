"""Shewhart charts (XmR and p), in exact decimals: the centre line, the limits per point and
the special-cause rules. Pure functions like the run charts in statistics.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from samverkan.plugins.measures.statistics import Point, Signal, periods_of, text, xmr_limits

D2 = Decimal("1.128")
SPC_RUN_POINTS = 8  # 8 in a row on one side of the centre line
SPC_TREND_POINTS = 6  # 6 in a row steadily increasing or decreasing


@dataclass(frozen=True)
class ControlChart:
    """A Shewhart chart: the centre line and limits per point (p-chart limits vary with n)."""

    chart: str
    centre: Decimal | None
    points: tuple[Point, ...]
    plotted: tuple[Decimal, ...]  # the statistic per point (the value, or the proportion)
    lower: tuple[Decimal, ...]
    upper: tuple[Decimal, ...]
    sigma: tuple[Decimal, ...]
    signals: tuple[Signal, ...]


def p_limits(p_bar: Decimal, n: int) -> tuple[Decimal, Decimal, Decimal]:
    """(sigma, lower, upper) of one point of a p-chart: p̄ ± 3√(p̄(1 − p̄)/n), within [0, 1]."""
    with localcontext() as context:
        context.prec = 28
        sigma = (p_bar * (1 - p_bar) / n).sqrt()
    return sigma, max(Decimal(0), p_bar - 3 * sigma), min(Decimal(1), p_bar + 3 * sigma)


def special_causes(
    points: Sequence[Point],
    plotted: Sequence[Decimal],
    centre: Decimal,
    lower: Sequence[Decimal],
    upper: Sequence[Decimal],
    sigma: Sequence[Decimal],
    chart: str,
) -> list[Signal]:
    """The special-cause rules of a Shewhart chart (Western Electric / Montgomery):

    1. a point outside the 3-sigma limits;
    2. 8 points in a row on one side of the centre line (a point on the line breaks the run);
    3. 6 points in a row steadily increasing or decreasing (an equal value breaks it);
    4. 2 of 3 consecutive points beyond 2 sigma on the same side of the centre line.
    """
    base = {"rule_set": "shewhart", "chart": chart, "centre": text(centre)}
    signals: list[Signal] = []
    for i, value in enumerate(plotted):
        if value > upper[i] or value < lower[i]:
            signals.append(
                Signal(
                    "outside_limits",
                    (points[i].period,),
                    {
                        **base,
                        "sigma": 3,
                        "lower_limit": text(lower[i]),
                        "upper_limit": text(upper[i]),
                    },
                )
            )
    side_run: list[int] = []
    last = 0
    for i, value in enumerate([*plotted, centre]):  # the sentinel closes the last run
        side = (value > centre) - (value < centre)
        if side != 0 and side == last:
            side_run.append(i)
            continue
        if len(side_run) >= SPC_RUN_POINTS:
            signals.append(
                Signal(
                    "run_one_side",
                    periods_of(points, side_run),
                    {**base, "min_points": SPC_RUN_POINTS, "points": len(side_run)},
                )
            )
        side_run, last = ([i] if side != 0 else []), side
    start = 0
    while start < len(plotted) - 1:
        step = plotted[start + 1] - plotted[start]
        if step == 0:
            start += 1
            continue
        direction = 1 if step > 0 else -1
        end = start + 1
        while end + 1 < len(plotted) and (plotted[end + 1] - plotted[end]) * direction > 0:
            end += 1
        if end - start + 1 >= SPC_TREND_POINTS:
            signals.append(
                Signal(
                    "trend",
                    periods_of(points, range(start, end + 1)),
                    {
                        **base,
                        "min_points": SPC_TREND_POINTS,
                        "direction": "up" if direction > 0 else "down",
                        "points": end - start + 1,
                    },
                )
            )
        start = end
    seen: set[tuple[int, ...]] = set()
    for i in range(2, len(plotted)):
        for side in (1, -1):
            beyond = tuple(
                j for j in (i - 2, i - 1, i) if (plotted[j] - centre) * side > 2 * sigma[j]
            )
            if len(beyond) >= 2 and beyond not in seen and not _inside(beyond, seen):
                seen.add(beyond)
                signals.append(
                    Signal(
                        "two_of_three_beyond_2_sigma",
                        periods_of(points, beyond),
                        {**base, "sigma": 2, "side": "above" if side > 0 else "below"},
                    )
                )
    return signals


def _inside(found: tuple[int, ...], seen: set[tuple[int, ...]]) -> bool:
    """A pair already reported as part of a triple (or the reverse) is one signal, not two."""
    return any(set(found) <= set(other) or set(other) <= set(found) for other in seen)


def xmr_chart(points: Sequence[Point]) -> ControlChart:
    """Individuals chart: centre = mean, limits = mean ± 2.66 × mean moving range."""
    points = tuple(points)
    if len(points) < 2:
        return ControlChart("xmr", None, points, (), (), (), (), ())
    values = [p.value for p in points]
    centre, lower, upper, moving = xmr_limits(values)
    sigma = moving / D2
    count = len(points)
    lowers, uppers, sigmas = (lower,) * count, (upper,) * count, (sigma,) * count
    signals = special_causes(points, values, centre, lowers, uppers, sigmas, "xmr")
    return ControlChart(
        "xmr", centre, points, tuple(values), lowers, uppers, sigmas, tuple(signals)
    )


def p_chart(points: Sequence[Point], scale: Decimal = Decimal(1)) -> ControlChart:
    """p-chart: each value is a proportion (value / ``scale``: 100 for percentages) of n_i;
    p̄ = Σ p_i n_i / Σ n_i, limits p̄ ± 3√(p̄(1 − p̄)/n_i) per point, clipped to [0, 1]."""
    points = tuple(points)
    if not points:
        return ControlChart("p", None, points, (), (), (), (), ())
    if any(p.n is None or p.n < 1 for p in points):
        raise ValueError("a p-chart needs n for every value")
    proportions = [p.value / scale for p in points]
    if any(not 0 <= q <= 1 for q in proportions):
        raise ValueError("a p-chart needs proportions between 0 and 1")
    sizes = [int(p.n or 0) for p in points]
    p_bar = sum((q * n for q, n in zip(proportions, sizes, strict=True)), Decimal(0)) / sum(sizes)
    limits = [p_limits(p_bar, n) for n in sizes]
    sigmas = tuple(s for s, _, _ in limits)
    lowers = tuple(low for _, low, _ in limits)
    uppers = tuple(up for _, _, up in limits)
    signals = special_causes(points, proportions, p_bar, lowers, uppers, sigmas, "p")
    return ControlChart(
        "p", p_bar, points, tuple(proportions), lowers, uppers, sigmas, tuple(signals)
    )
