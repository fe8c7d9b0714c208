"""Run charts in exact decimals: the median, the IHI and Anhøj rules and their signals.

Pure functions of a time-ordered series (no I/O, standard library only), so every number can be
checked by hand. Each ``Signal`` names its rule, the periods it covers and the parameters it was
judged with (the rule set, thresholds, the centre line), so a stored or reported signal says
how it was found. Shewhart charts are in control_charts.py; the rules and their sources are
described in docs/measures.md.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

DEFAULT_BASELINE_POINTS = 12
"""The median (and the XmR limits of the astronomical rule) freeze after this many points."""

IHI = "ihi"
ANHOEJ = "anhoej"
RULE_SETS = (IHI, ANHOEJ)

SHIFT_POINTS = 6  # IHI: 6 or more consecutive points on one side of the median
TREND_POINTS = 5  # IHI: 5 or more points all going up or all going down
XMR_FACTOR = Decimal("2.66")  # 3 / d2, d2 = 1.128 for moving ranges of two points

RUNS_TABLE: dict[int, tuple[int, int]] = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12),
    15: (5, 12), 16: (5, 13), 17: (5, 13), 18: (6, 14), 19: (6, 15),
    20: (6, 16), 21: (7, 16), 22: (7, 17), 23: (7, 17), 24: (8, 18),
    25: (8, 18), 26: (9, 19), 27: (10, 19), 28: (10, 20), 29: (10, 20),
    30: (11, 21), 31: (11, 22), 32: (11, 23), 33: (12, 23), 34: (12, 24),
    35: (13, 24), 36: (13, 25), 37: (13, 25), 38: (14, 26), 39: (14, 26),
    40: (15, 27), 41: (16, 27), 42: (16, 28), 43: (17, 28), 44: (17, 29),
    45: (17, 30), 46: (17, 31), 47: (18, 31), 48: (18, 32), 49: (19, 32),
    50: (19, 33), 51: (20, 33), 52: (21, 33), 53: (21, 34), 54: (22, 34),
    55: (22, 35), 56: (23, 35), 57: (23, 36), 58: (24, 36), 59: (24, 37),
    60: (25, 37),
}  # fmt: skip
"""Too few / too many runs: useful observations -> (lower, upper) limit for the number of runs.

Fewer runs than ``lower`` are too few, more than ``upper`` too many. From Table 1 of Perla RJ,
Provost LP, Murray SK (2011), "The run chart: a simple analytical tool for learning from
variation in healthcare processes", BMJ Quality & Safety 20:46-51 (derived from Swed &
Eisenhart 1943, about 5 % risk). Outside 10-60 useful observations the rule is not applied.
"""


@dataclass(frozen=True)
class Point:
    """One value of a measure: its period (``2026-03`` or a date) and, for proportions, n."""

    period: str
    value: Decimal
    n: int | None = None


@dataclass(frozen=True)
class Signal:
    """A rule that fired: which, over which periods, judged with which parameters."""

    rule: str
    periods: tuple[str, ...]
    parameters: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "periods": list(self.periods), "parameters": self.parameters}


@dataclass(frozen=True)
class RunChart:
    median: Decimal | None
    baseline_points: int
    points: tuple[Point, ...]
    signals: tuple[Signal, ...]


def text(value: Decimal) -> str:
    """A decimal as API.md writes amounts: a string, without exponent or trailing zeros."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def median(values: Sequence[Decimal]) -> Decimal:
    """The middle value, or the mean of the two middle values (exact)."""
    if not values:
        raise ValueError("the median of no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def mean(values: Sequence[Decimal]) -> Decimal:
    if not values:
        raise ValueError("the mean of no values")
    return sum(values, Decimal(0)) / len(values)


def sides(points: Sequence[Point], centre: Decimal) -> list[tuple[int, int]]:
    """(index, +1 above / -1 below) for the points off the centre line, in order."""
    return [(i, 1 if p.value > centre else -1) for i, p in enumerate(points) if p.value != centre]


def runs_of(sided: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Consecutive points on one side, as lists of point indexes (points on the line skipped)."""
    runs: list[list[int]] = []
    last = 0
    for index, side in sided:
        if side == last:
            runs[-1].append(index)
        else:
            runs.append([index])
            last = side
    return runs


def periods_of(points: Sequence[Point], indexes: Iterable[int]) -> tuple[str, ...]:
    return tuple(points[i].period for i in indexes)


# The IHI rules (Perla, Provost & Murray 2011)


def shift_signals(points: Sequence[Point], centre: Decimal, rule_set: str = IHI) -> list[Signal]:
    """Shift: 6 or more consecutive points on one side; points on the median neither count
    nor break the run."""
    parameters = {"rule_set": rule_set, "min_points": SHIFT_POINTS, "median": text(centre)}
    return [
        Signal("shift", periods_of(points, run), {**parameters, "points": len(run)})
        for run in runs_of(sides(points, centre))
        if len(run) >= SHIFT_POINTS
    ]


def trend_signals(points: Sequence[Point], rule_set: str = IHI) -> list[Signal]:
    """Trend: 5 or more points all going up or all going down; a value equal to the one before
    neither counts nor breaks the trend. A turning point ends one trend and starts the next."""
    kept = [i for i, p in enumerate(points) if i == 0 or p.value != points[i - 1].value]
    signals: list[Signal] = []
    start = 0
    while start < len(kept) - 1:
        direction = 1 if points[kept[start + 1]].value > points[kept[start]].value else -1
        end = start + 1
        while end + 1 < len(kept) and (
            (points[kept[end + 1]].value - points[kept[end]].value) * direction > 0
        ):
            end += 1
        length = end - start + 1
        if length >= TREND_POINTS:
            signals.append(
                Signal(
                    "trend",
                    periods_of(points, kept[start : end + 1]),
                    {
                        "rule_set": rule_set,
                        "min_points": TREND_POINTS,
                        "direction": "up" if direction > 0 else "down",
                        "points": length,
                    },
                )
            )
        start = end
    return signals


def runs_signals(points: Sequence[Point], centre: Decimal) -> list[Signal]:
    """Too few or too many runs, from Perla et al.'s table (10-60 useful observations)."""
    sided = sides(points, centre)
    useful = len(sided)
    limits = RUNS_TABLE.get(useful)
    if limits is None:
        return []
    lower, upper = limits
    runs = len(runs_of(sided))
    if lower <= runs <= upper:
        return []
    return [
        Signal(
            "runs",
            periods_of(points, (i for i, _ in sided)),
            {
                "rule_set": IHI,
                "table": "Perla, Provost & Murray 2011, Table 1",
                "useful_observations": useful,
                "runs": runs,
                "lower_limit": lower,
                "upper_limit": upper,
                "too": "few" if runs < lower else "many",
                "median": text(centre),
            },
        )
    ]


def xmr_limits(values: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """(centre, lower, upper, mean moving range) of an individuals chart: mean ± 2.66 × MR̄."""
    if len(values) < 2:
        raise ValueError("an XmR chart needs at least two values")
    centre = mean(values)
    moving = mean([abs(b - a) for a, b in itertools.pairwise(values)])
    return centre, centre - XMR_FACTOR * moving, centre + XMR_FACTOR * moving, moving


def astronomical_signals(points: Sequence[Point], baseline: Sequence[Point]) -> list[Signal]:
    """Astronomical point: taken as a point outside the XmR 3-sigma limits of the baseline."""
    if len(baseline) < 2:
        return []
    centre, lower, upper, moving = xmr_limits([p.value for p in baseline])
    parameters = {
        "rule_set": IHI,
        "definition": "outside the XmR 3-sigma limits (mean ± 2.66 × mean moving range)",
        "centre": text(centre),
        "lower_limit": text(lower),
        "upper_limit": text(upper),
        "mean_moving_range": text(moving),
        "baseline_points": len(baseline),
    }
    return [
        Signal("astronomical", (p.period,), parameters)
        for p in points
        if p.value > upper or p.value < lower
    ]


# The Anhøj rules (Anhøj & Olesen 2014)


def longest_run_limit(useful: int) -> int:
    """round(log2(n) + 3): log2 of a whole number is never x.5, so the rounding is plain."""
    return round(math.log2(useful) + 3)


def crossings_limit(useful: int) -> int:
    """The 5 % quantile of Binomial(n − 1, 0.5), exactly: the smallest k with
    P(X ≤ k) ≥ 0.05, i.e. 20 × Σ_{i≤k} C(n−1, i) ≥ 2^(n−1) (R's qbinom(0.05, n − 1, 0.5))."""
    trials = useful - 1
    total = 2**trials
    cumulative = 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        if 20 * cumulative >= total:
            return k
    return trials  # pragma: no cover - the loop always returns by k = trials


def anhoej_signals(points: Sequence[Point], centre: Decimal) -> list[Signal]:
    """Unusually long runs (longest run > round(log2(n) + 3)) and unusually few crossings
    (crossings < the 5 % quantile of Binomial(n − 1, 0.5)); n counts the useful points."""
    sided = sides(points, centre)
    useful = len(sided)
    if useful == 0:
        return []
    runs = runs_of(sided)
    longest = max(runs, key=len)
    crossings = len(runs) - 1
    base = {"rule_set": ANHOEJ, "useful_observations": useful, "median": text(centre)}
    signals: list[Signal] = []
    run_limit = longest_run_limit(useful)
    if len(longest) > run_limit:
        signals.append(
            Signal(
                "longest_run",
                periods_of(points, longest),
                {**base, "longest_run": len(longest), "limit": run_limit},
            )
        )
    crossing_limit = crossings_limit(useful)
    if crossings < crossing_limit:
        signals.append(
            Signal(
                "crossings",
                periods_of(points, (i for i, _ in sided)),
                {**base, "crossings": crossings, "limit": crossing_limit},
            )
        )
    return signals


def run_chart(
    points: Sequence[Point],
    rule_set: str = IHI,
    baseline_points: int = DEFAULT_BASELINE_POINTS,
) -> RunChart:
    """The run chart of time-ordered points: the median of the first ``baseline_points``
    (all of them while there are no more), and the signals of ``rule_set`` against it."""
    if rule_set not in RULE_SETS:
        raise ValueError(f"unknown rule set {rule_set!r}")
    if baseline_points < 1:
        raise ValueError("baseline_points must be at least 1")
    points = tuple(points)
    if not points:
        return RunChart(None, baseline_points, points, ())
    baseline = points[:baseline_points]
    centre = median([p.value for p in baseline])
    signals: list[Signal]
    if rule_set == IHI:
        signals = [
            *shift_signals(points, centre),
            *trend_signals(points),
            *runs_signals(points, centre),
            *astronomical_signals(points, baseline),
        ]
    else:
        signals = anhoej_signals(points, centre)
    frozen = {"baseline_points": min(baseline_points, len(points))}
    return RunChart(
        centre,
        baseline_points,
        points,
        tuple(Signal(s.rule, s.periods, {**s.parameters, **frozen}) for s in signals),
    )
