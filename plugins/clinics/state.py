"""The records a clinic dashboard reads, folded from the dated rows up to a cut-off."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from samverkan.plugins.ledger.dated import Dated

STAGE_OF = {
    "experiment.started": "running",
    "experiment.studied": "studied",
    "experiment.concluded": "concluded",
}


@dataclass
class Experiment:
    id: str
    title: str
    site_unit_id: str
    measure_ids: list[str]
    stage: str = "planned"
    act: str | None = None
    prediction_held: str | None = None
    active: set[str] = field(default_factory=set)  # organisations that recorded its events


@dataclass
class Measure:
    id: str
    name: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None
    values: dict[str, Decimal] = field(default_factory=dict)

    def ordered(self) -> list[tuple[str, Decimal]]:
        return sorted(self.values.items())

    @property
    def latest(self) -> tuple[str, Decimal] | None:
        ordered = self.ordered()
        return ordered[-1] if ordered else None

    def better(self, value: Decimal, than: Decimal) -> bool:
        return value > than if self.direction == "increase" else value < than

    def meets_target(self, value: Decimal) -> bool:
        if self.target is None:
            return False
        return value >= self.target if self.direction == "increase" else value <= self.target

    def progress(self) -> Decimal | None:
        """How far the latest value has come from baseline to target (1 = target reached)."""
        latest = self.latest
        if latest is None or self.baseline is None or self.target is None:
            return None
        if self.target == self.baseline:
            return None
        return (latest[1] - self.baseline) / (self.target - self.baseline)


@dataclass
class Lesson:
    id: str
    source_kind: str
    source_id: str | None
    level: str
    tags: list[str]
    by: str
    retracted: bool = False


@dataclass
class ScaleUp:
    id: str
    practice: str
    origin_id: str | None
    status: str = "active"
    stages: dict[str, str] = field(default_factory=dict)


@dataclass
class Decision:
    id: str
    evidence: list[dict[str, str]]
    signatory_ids: list[str]


@dataclass
class Records:
    clinics: list[tuple[str, str]] = field(default_factory=list)  # (organisation, unit)
    experiments: dict[str, Experiment] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    scale_ups: dict[str, ScaleUp] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)


def amount(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def fold(rows: list[Dated]) -> Records:
    records = Records()
    for row in rows:
        topic, data, rid = row.topic, row.data, row.record_id
        kind = topic.split(".")[0]
        if topic == "partnership.clinic_designated":
            records.clinics.append((data["organisation_id"], data["unit_id"]))
        elif topic == "experiment.planned":
            records.experiments[rid] = Experiment(
                rid, data["title"], data["site_unit_id"], list(data["measure_ids"])
            )
            records.experiments[rid].active.add(data["by"])
        elif kind == "experiment":
            experiment = records.experiments[rid]
            experiment.active.add(data["by"])
            experiment.stage = STAGE_OF.get(topic, experiment.stage)
            experiment.act = data.get("act", experiment.act)
            experiment.prediction_held = data.get("prediction_held", experiment.prediction_held)
        elif topic == "measure.defined":
            records.measures[rid] = Measure(
                rid,
                data["name"],
                data["unit"],
                data["direction"],
                amount(data["baseline"]),
                amount(data["target"]),
            )
        elif kind == "measure":
            records.measures[rid].values[data["period"]] = Decimal(data["value"])
        elif topic == "lesson.recorded":
            records.lessons[rid] = Lesson(
                rid, data["source_kind"], data["source_id"], data["level"], data["tags"], data["by"]
            )
        elif topic == "lesson.retracted":
            records.lessons[rid].retracted = True
        elif topic == "scale_up.planned":
            records.scale_ups[rid] = ScaleUp(rid, data["practice"], data["origin_id"])
        elif topic == "scale_up.adoption_recorded":
            records.scale_ups[rid].stages[data["unit_id"]] = data["stage"]
        elif kind == "scale_up":
            records.scale_ups[rid].status = topic.removeprefix("scale_up.")
        elif topic == "decision.proposed":
            records.decisions[rid] = Decision(rid, data["evidence"], data["signatory_ids"])
        elif topic == "decision.amended":
            decision = records.decisions[rid]
            if data["evidence"] is not None:
                decision.evidence = data["evidence"]
            if data["signatory_ids"] is not None:
                decision.signatory_ids = data["signatory_ids"]
    return records
