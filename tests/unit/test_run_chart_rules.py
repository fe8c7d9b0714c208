"""Run-chart rules (IHI and Anhøj) against published examples and hand-computed series."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest

from samverkan.plugins.measures.statistics import (
    RUNS_TABLE,
    Point,
    Signal,
    crossings_limit,
    longest_run_limit,
    median,
    run_chart,
)


def series(*values: float | int | str) -> list[Point]:
    """Monthly points from 2024-01 on."""
    return [
        Point(f"{2024 + i // 12}-{i % 12 + 1:02d}", Decimal(str(value)))
        for i, value in enumerate(values)
    ]


def rules(chart_signals: Sequence[Signal]) -> list[str]:
    return [signal.rule for signal in chart_signals]


def test_median_is_exact() -> None:
    assert median([Decimal(3), Decimal(1), Decimal(2)]) == Decimal(2)
    # (2 + 3) / 2 = 2.5, exactly: no float on the way.
    assert median([Decimal(4), Decimal(1), Decimal(3), Decimal(2)]) == Decimal("2.5")
    assert median([Decimal("0.1"), Decimal("0.2")]) == Decimal("0.15")


def test_the_median_freezes_after_the_baseline_points() -> None:
    # 12 baseline points 1..12: median (6 + 7) / 2 = 6.5. Two later points of 100 do not move
    # it; without freezing, the median of all 14 would be (7 + 8) / 2 = 7.5.
    points = series(*range(1, 13), 100, 100)
    assert run_chart(points).median == Decimal("6.5")
    assert run_chart(points, baseline_points=14).median == Decimal("7.5")
    # Fewer points than the baseline: the median of what there is.
    assert run_chart(series(5, 1, 3)).median == Decimal(3)
    assert run_chart([]).median is None and run_chart([]).signals == ()


def test_shift_needs_six_points_on_one_side_and_ignores_points_on_the_median() -> None:
    # Baseline (first 12): 9,1 alternating six times -> median (1 + 9) / 2 = 5; it ends below.
    baseline = [9, 1] * 6
    five_above = run_chart(series(*baseline, 6, 7, 8, 6, 7))
    assert "shift" not in rules(five_above.signals)
    # 6, 7, 5 (on the median: neither counts nor breaks), 8, 6, 7, 8 -> six points above.
    shift = run_chart(series(*baseline, 6, 7, 5, 8, 6, 7, 8))
    found = [s for s in shift.signals if s.rule == "shift"]
    assert [s.periods for s in found] == [
        ("2025-01", "2025-02", "2025-04", "2025-05", "2025-06", "2025-07")
    ]
    assert found[0].parameters == {
        "rule_set": "ihi",
        "min_points": 6,
        "median": "5",
        "points": 6,
        "baseline_points": 12,
    }
    # A point below the median does break it: 6, 7, 4, 8, 6, 7, 8 -> runs of 2 and 4.
    broken = run_chart(series(*baseline, 6, 7, 4, 8, 6, 7, 8))
    assert "shift" not in rules(broken.signals)


def test_trend_of_five_with_a_repeated_value_that_neither_counts_nor_breaks() -> None:
    # 1, 2, 2, 3, 4: the repeated 2 does not count -> only four rising points.
    assert "trend" not in rules(run_chart(series(1, 2, 2, 3, 4)).signals)
    # 1, 2, 2, 3, 4, 5: five rising points (the second 2 skipped), periods without it.
    chart = run_chart(series(1, 2, 2, 3, 4, 5))
    trends = [s for s in chart.signals if s.rule == "trend"]
    assert [t.periods for t in trends] == [("2024-01", "2024-02", "2024-04", "2024-05", "2024-06")]
    assert trends[0].parameters["direction"] == "up" and trends[0].parameters["points"] == 5
    # A turning point closes one trend and opens the next: 9 7 5 3 1 3 5 7 9.
    both = run_chart(series(9, 7, 5, 3, 1, 3, 5, 7, 9))
    directions = [s.parameters["direction"] for s in both.signals if s.rule == "trend"]
    assert directions == ["down", "up"]


def test_runs_table_of_perla_provost_murray() -> None:
    # Perla, Provost & Murray 2011 (BMJ Qual Saf), Table 1: rows for 10, 20, 30 and 60 useful
    # observations, and the table's span 10-60.
    assert RUNS_TABLE[10] == (3, 9)
    assert RUNS_TABLE[20] == (6, 16)
    assert RUNS_TABLE[30] == (11, 21)
    assert RUNS_TABLE[60] == (25, 37)
    assert sorted(RUNS_TABLE) == list(range(10, 61))
    lows = [RUNS_TABLE[n][0] for n in range(10, 61)]
    highs = [RUNS_TABLE[n][1] for n in range(10, 61)]
    assert lows == sorted(lows) and highs == sorted(highs)


def test_too_few_runs_quality_digest_example() -> None:
    # Balestracci, "An underrated test for run charts" (Quality Digest, Oct 2008): 16 points in
    # runs of 7, 7, 1 and 1 around the median -> 4 runs, below the lower limit 5 for 16 points.
    values = [10] * 7 + [1] * 7 + [10, 1]
    chart = run_chart(series(*values), baseline_points=16)
    assert chart.median == Decimal("5.5")  # eight 1s and eight 10s
    found = [s for s in chart.signals if s.rule == "runs"]
    assert len(found) == 1
    assert found[0].parameters["runs"] == 4
    assert found[0].parameters["useful_observations"] == 16
    assert (found[0].parameters["lower_limit"], found[0].parameters["too"]) == (5, "few")


def test_too_many_runs_and_no_judgement_outside_the_table() -> None:
    # 20 points alternating above and below: 20 runs > 16, the upper limit for 20.
    chart = run_chart(series(*[1, 9] * 10), baseline_points=20)
    found = [s for s in chart.signals if s.rule == "runs"]
    assert [(s.parameters["runs"], s.parameters["too"]) for s in found] == [(20, "many")]
    # 8 alternating points: fewer than 10 useful observations, the table says nothing.
    assert "runs" not in rules(run_chart(series(*[1, 9] * 4)).signals)


def test_astronomical_point_is_outside_the_xmr_limits() -> None:
    # Baseline 10, 12, 10, 12, ... (12 points): mean 11, moving ranges all 2 -> limits
    # 11 ± 2.66 × 2 = 5.68 .. 16.32. A 17 is astronomical; a 16 is not.
    baseline = [10, 12] * 6
    chart = run_chart(series(*baseline, 16, 17))
    found = [s for s in chart.signals if s.rule == "astronomical"]
    assert [s.periods for s in found] == [("2025-02",)]
    assert found[0].parameters["lower_limit"] == "5.68"
    assert found[0].parameters["upper_limit"] == "16.32"
    assert "XmR" in found[0].parameters["definition"]


@pytest.mark.parametrize(
    ("n", "limit"),
    # Anhøj & Olesen 2014 (PLOS ONE), table of critical values: upper limit for the longest
    # run, round(log2(n) + 3); the same values are tabulated by unaettie.com's run chart FAQ.
    [(10, 6), (11, 6), (12, 7), (22, 7), (23, 8), (45, 8), (46, 9), (90, 9), (91, 10)],
)
def test_longest_run_limit(n: int, limit: int) -> None:
    assert longest_run_limit(n) == limit


@pytest.mark.parametrize(
    ("n", "limit"),
    [
        # Hand: Binomial(9, 0.5): P(X <= 1) = 10/512 < 0.05, P(X <= 2) = 46/512 >= 0.05 -> 2.
        (10, 2),
        # Wentzel-Larsen & Anhøj (crossrun, 2019): 13 data points -> fewer than 3 crossings.
        (13, 3),
        # Anhøj's qicharts2 vignette: 24 useful observations -> fewer than 8 crossings.
        (24, 8),
        # Hand: Binomial(1, 0.5): P(X <= 0) = 1/2 >= 0.05 -> 0: two points never signal.
        (2, 0),
    ],
)
def test_crossings_limit_is_the_exact_binomial_quantile(n: int, limit: int) -> None:
    assert crossings_limit(n) == limit


def test_anhoej_rules_on_a_shifted_series() -> None:
    # 12 points: 2,4 alternating (median 3), then 8 points of 5 (all above).
    # Useful points 20; runs: 12 alternating + the 8 above join the last 4 -> runs of lengths
    # 1 x 11 and 9: longest run 9 > round(log2(20) + 3) = 7; crossings 11 >= qbinom = 6.
    chart = run_chart(series(*[2, 4] * 6, *[5] * 8), rule_set="anhoej")
    assert chart.median == Decimal(3)
    assert rules(chart.signals) == ["longest_run"]
    longest = chart.signals[0]
    assert len(longest.periods) == 9 and longest.periods[0] == "2024-12"
    assert longest.parameters == {
        "rule_set": "anhoej",
        "useful_observations": 20,
        "median": "3",
        "longest_run": 9,
        "limit": 7,
        "baseline_points": 12,
    }
    assert crossings_limit(20) == 6


def test_anhoej_crossings_signal() -> None:
    # 12 points: six 1s then six 9s (median 5), crossings 1 < qbinom(0.05, 11, 0.5) = 3.
    chart = run_chart(series(*[1] * 6, *[9] * 6), rule_set="anhoej")
    crossing = [s for s in chart.signals if s.rule == "crossings"]
    assert [(s.parameters["crossings"], s.parameters["limit"]) for s in crossing] == [(1, 3)]
    # Longest run 6 is not above round(log2(12) + 3) = 7.
    assert "longest_run" not in rules(chart.signals)


def test_unknown_rule_set_and_baseline_are_refused() -> None:
    with pytest.raises(ValueError, match="rule set"):
        run_chart(series(1, 2), rule_set="western")
    with pytest.raises(ValueError, match="baseline_points"):
        run_chart(series(1, 2), baseline_points=0)
