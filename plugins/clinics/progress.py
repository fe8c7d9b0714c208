"""The progress score of an innovation clinic, on the IHI 0.5–5.0 progress scale.

The score is the highest level whose rule the recorded evidence meets (each rule is checked
on its own; the levels are ordered so that a higher one normally implies the lower ones).
"Its" experiments are those sited at the clinic's unit; "its" measures are those its
experiments use; a measure's progress is (latest − baseline) / (target − baseline).

| level | IHI meaning | rule on the recorded evidence |
|---|---|---|
| 0.5 | intent to participate | the unit is designated an innovation clinic |
| 1.0 | forming | an experiment is planned at the clinic |
| 1.5 | planning | one of its experiments uses a measure with a baseline and a target |
| 2.0 | activity, no changes yet | one of its experiments has started |
| 2.5 | changes tested | one of its experiments has been studied (or concluded) |
| 3.0 | modest improvement | a measure's latest value is better than its baseline |
| 3.5 | improvement | a measure has come half way to its target (progress ≥ 0.5) and an experiment concluded adopt or adapt |
| 4.0 | significant improvement | a measure has reached its target and an experiment concluded adopt or adapt |
| 4.5 | sustainable improvement | as 4.0, and that measure met its target in each of its last three periods |
| 5.0 | outstanding, sustainable results | as 4.5, and a scale-up started from its experiments has another unit at adopted or sustained |
"""  # noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from samverkan.plugins.clinics.state import Experiment, Measure, ScaleUp

HALF = Decimal("0.5")
SPREAD = ("adopted", "sustained")

LABELS = {
    "0.5": "Intent to participate",
    "1.0": "Forming",
    "1.5": "Planning",
    "2.0": "Activity, no changes yet",
    "2.5": "Changes tested",
    "3.0": "Modest improvement",
    "3.5": "Improvement",
    "4.0": "Significant improvement",
    "4.5": "Sustainable improvement",
    "5.0": "Outstanding, sustainable results",
}


@dataclass(frozen=True)
class Level:
    level: str
    met: bool


@dataclass(frozen=True)
class Progress:
    score: str
    levels: list[Level]


def sustained(measure: Measure) -> bool:
    last = measure.ordered()[-3:]
    return len(last) == 3 and all(measure.meets_target(value) for _, value in last)


def progress_of(
    unit_id: str,
    experiments: list[Experiment],
    measures: list[Measure],
    scale_ups: list[ScaleUp],
) -> Progress:
    acted = any(e.act in ("adopt", "adapt") for e in experiments)
    latest = [(m, m.latest[1]) for m in measures if m.latest is not None]
    reached = [m for m, value in latest if m.meets_target(value)]
    spread = any(
        stage in SPREAD for s in scale_ups for unit, stage in s.stages.items() if unit != unit_id
    )
    rules = {
        "0.5": True,
        "1.0": bool(experiments),
        "1.5": any(m.baseline is not None and m.target is not None for m in measures),
        "2.0": any(e.stage != "planned" for e in experiments),
        "2.5": any(e.stage in ("studied", "concluded") for e in experiments),
        "3.0": any(m.baseline is not None and m.better(value, m.baseline) for m, value in latest),
        "3.5": acted and any((m.progress() or Decimal(0)) >= HALF for m in measures),
        "4.0": acted and bool(reached),
        "4.5": acted and any(sustained(m) for m in reached),
        "5.0": acted and any(sustained(m) for m in reached) and spread,
    }
    score = max((level for level, met in rules.items() if met), key=Decimal)
    return Progress(score, [Level(level, met) for level, met in rules.items()])
