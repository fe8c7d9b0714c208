"""XmR and p-charts against Montgomery's textbook examples, and the special-cause rules by hand."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from samverkan.plugins.measures.control_charts import p_chart, xmr_chart
from samverkan.plugins.measures.statistics import Point


def monthly(values: list[int] | list[Decimal], n: list[int] | None = None) -> list[Point]:
    return [
        Point(f"{2020 + i // 12}-{i % 12 + 1:02d}", Decimal(v), None if n is None else n[i])
        for i, v in enumerate(values)
    ]


def rounded(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


# Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 6.5: the cost of
# processing mortgage loan applications, 20 weeks.
LOAN_COSTS = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306,
              294, 299, 297, 299, 314, 295, 293, 306, 301, 304]  # fmt: skip


def test_xmr_montgomery_loan_costs() -> None:
    chart = xmr_chart(monthly(LOAN_COSTS))
    # Sum 6010 / 20 = 300.5. Moving ranges 22, 9, 1, 9, 4, 9, 3, 11, 2, 12, 5, 2, 2, 15, 19,
    # 2, 13, 5, 3: sum 148, mean 148 / 19 = 7.789. Limits 300.5 ± 2.66 × 7.789 = 279.78, 321.22
    # (Montgomery: UCL 321.22, LCL 279.78; the process is in control).
    assert chart.centre == Decimal("300.5")
    assert rounded(chart.upper[0], "0.01") == Decimal("321.22")
    assert rounded(chart.lower[0], "0.01") == Decimal("279.78")
    assert rounded(chart.sigma[0], "0.001") == rounded(
        Decimal(148) / 19 / Decimal("1.128"), "0.001"
    )
    assert chart.signals == ()


# Montgomery (6th ed.), Example 7.1 / Table 7.1: frozen orange juice cans, 30 samples of n = 50,
# the number of nonconforming cans per sample.
CANS = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22,
        8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6]  # fmt: skip


def test_p_chart_montgomery_orange_juice_cans() -> None:
    # Values as proportions: D / 50. p̄ = 347 / 1500 = 0.2313; limits
    # 0.2313 ± 3 × √(0.2313 × 0.7687 / 50) = 0.0524 .. 0.4102 (Montgomery); samples 15
    # (22/50 = 0.44) and 23 (24/50 = 0.48) are above the upper limit.
    points = monthly([Decimal(d) / 50 for d in CANS], [50] * 30)
    chart = p_chart(points)
    assert chart.centre == Decimal(347) / 1500
    assert rounded(chart.upper[0], "0.0001") == Decimal("0.4102")
    assert rounded(chart.lower[0], "0.0001") == Decimal("0.0524")
    outside = [s for s in chart.signals if s.rule == "outside_limits"]
    assert [s.periods for s in outside] == [(points[14].period,), (points[22].period,)]
    assert outside[0].parameters["rule_set"] == "shewhart"
    assert outside[0].parameters["chart"] == "p"


def test_p_chart_in_percent_with_varying_n_and_clipped_limits() -> None:
    # 50 % of 4, 50 % of 100: p̄ = (2 + 50) / 104 = 0.5. For n = 4: sigma = √(0.25 / 4) = 0.25,
    # limits 0.5 ± 0.75 -> clipped to 0 .. 1. For n = 100: sigma 0.05 -> 0.35 .. 0.65.
    chart = p_chart(monthly([50, 50], [4, 100]), scale=Decimal(100))
    assert chart.centre == Decimal("0.5")
    assert (chart.lower[0], chart.upper[0]) == (Decimal(0), Decimal(1))
    assert (chart.lower[1], chart.upper[1]) == (Decimal("0.35"), Decimal("0.65"))


def test_p_chart_needs_n_and_proportions() -> None:
    with pytest.raises(ValueError, match="needs n"):
        p_chart(monthly([1, 2]))
    with pytest.raises(ValueError, match="between 0 and 1"):
        p_chart(monthly([150], [10]), scale=Decimal(100))


def test_eight_in_a_row_on_one_side() -> None:
    # 4 values of 0 then 8 of 2 then 4 of 0: mean 16 / 16 = 1; eight points above in a row.
    chart = xmr_chart(monthly([0] * 4 + [2] * 8 + [0] * 4))
    runs = [s for s in chart.signals if s.rule == "run_one_side"]
    assert [len(s.periods) for s in runs] == [8]
    assert runs[0].parameters["min_points"] == 8


def test_six_increasing_and_equal_values_break_the_trend() -> None:
    # 1..6 rising then back down: one trend of six points.
    rising = xmr_chart(monthly([1, 2, 3, 4, 5, 6, 3, 4, 3, 4]))
    trends = [s for s in rising.signals if s.rule == "trend"]
    assert [(len(s.periods), s.parameters["direction"]) for s in trends] == [(6, "up")]
    # 1 2 3 3 4 5 6: the repeated 3 breaks it on a Shewhart chart -> runs of 3 and 4 points.
    flat = xmr_chart(monthly([1, 2, 3, 3, 4, 5, 6, 3, 4, 3]))
    assert [s for s in flat.signals if s.rule == "trend"] == []


def test_two_of_three_beyond_two_sigma() -> None:
    # 20 points alternating 10, 12 (mean 11, MR̄ 2, sigma 2 / 1.128 = 1.773, 2 sigma 3.546)
    # then 15, 11, 15: 15 - 11.x > 3.546 twice in three points -> one signal, above.
    values = [10, 12] * 10 + [15, 11, 15]
    chart = xmr_chart(monthly(values))
    # Hand: mean = (220 + 41) / 23 = 11.348; moving ranges: 19 × 2 + 3 + 4 + 4 = 49, / 22 =
    # 2.227; sigma = 1.975; 2 sigma = 3.949; 15 - 11.348 = 3.652 < 3.949: no signal here.
    assert [s for s in chart.signals if s.rule == "two_of_three_beyond_2_sigma"] == []
    wider = xmr_chart(monthly([10, 12] * 10 + [17, 11, 17]))
    # mean (220 + 45) / 23 = 11.522; MR: 38 + 5 + 6 + 6 = 55, / 22 = 2.5; sigma 2.216; 2 sigma
    # 4.433; 17 - 11.522 = 5.478 > 4.433 (and < 3 sigma 6.649): two of three beyond 2 sigma.
    found = [s for s in wider.signals if s.rule == "two_of_three_beyond_2_sigma"]
    assert [(s.periods, s.parameters["side"]) for s in found] == [(("2021-09", "2021-11"), "above")]
    assert [s for s in wider.signals if s.rule == "outside_limits"] == []
