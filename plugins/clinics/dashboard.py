"""One dashboard per designated clinic, from the folded records.

An organisation is active in a clinic's experiments when its users recorded one of their
events, recorded a lesson from one, or it is a signatory of a decision citing one of them (or
their measures or lessons) as evidence; the dashboard lists those that are companies or
universities (organisation kinds ``company`` and ``academia``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.domain.vocabulary import ACTS, EXPERIMENT_STAGES
from samverkan.plugins.clinics.progress import LABELS, Progress, progress_of
from samverkan.plugins.clinics.state import Experiment, Lesson, Measure, Records, ScaleUp, fold
from samverkan.plugins.clinics.tables import clinic_events
from samverkan.plugins.ledger.common import organisation_kinds
from samverkan.plugins.ledger.dated import rows_of

PARTNER_KINDS = ("company", "academia")


@dataclass
class Clinic:
    organisation_id: str
    unit_id: str
    experiments: list[Experiment]
    measures: list[Measure]
    lessons: list[Lesson]
    partners: list[tuple[str, str]]  # (organisation id, kind)
    scale_ups: list[ScaleUp]
    progress: Progress

    @property
    def by_stage(self) -> dict[str, int]:
        counts = Counter(e.stage for e in self.experiments)
        return {stage: counts[stage] for stage in EXPERIMENT_STAGES}

    @property
    def acts(self) -> dict[str, int]:
        counts = Counter(e.act for e in self.experiments if e.act)
        return {act: counts[act] for act in ACTS}


def clinic_of(
    records: Records, organisation_id: str, unit_id: str, kinds: dict[str, str]
) -> Clinic:
    experiments = [e for e in records.experiments.values() if e.site_unit_id == unit_id]
    ids = {e.id for e in experiments}
    measure_ids = list(dict.fromkeys(m for e in experiments for m in e.measure_ids))
    measures = [records.measures[m] for m in measure_ids if m in records.measures]
    lessons = [
        lesson
        for lesson in records.lessons.values()
        if lesson.source_kind == "experiment" and lesson.source_id in ids and not lesson.retracted
    ]
    cited = ids | set(measure_ids) | {lesson.id for lesson in lessons}
    active = {org for e in experiments for org in e.active} | {lesson.by for lesson in lessons}
    for decision in records.decisions.values():
        if any(link["id"] in cited for link in decision.evidence):
            active |= set(decision.signatory_ids)
    partners = sorted((org, kinds[org]) for org in active if kinds.get(org) in PARTNER_KINDS)
    scale_ups = [s for s in records.scale_ups.values() if s.origin_id in ids]
    return Clinic(
        organisation_id,
        unit_id,
        experiments,
        measures,
        lessons,
        partners,
        scale_ups,
        progress_of(unit_id, experiments, measures, scale_ups),
    )


def dashboard_of(engine: sa.Engine, partnership_id: UUID, cutoff: datetime | None) -> list[Clinic]:
    records = fold(rows_of(engine, clinic_events, partnership_id, cutoff))
    organisations = (
        {org for e in records.experiments.values() for org in e.active}
        | {lesson.by for lesson in records.lessons.values()}
        | {org for d in records.decisions.values() for org in d.signatory_ids}
    )
    kinds = organisation_kinds(engine, organisations)
    return [clinic_of(records, org, unit, kinds) for org, unit in records.clinics]


def text(value: Any) -> str | None:
    return None if value is None else str(value)


def as_json(clinic: Clinic, unit_names: dict[str, tuple[str, str]]) -> dict[str, Any]:
    return {
        "organisation_id": clinic.organisation_id,
        "unit_id": clinic.unit_id,
        "unit_name": unit_names.get(clinic.unit_id, (None, None))[0],
        "experiments": {
            "by_stage": clinic.by_stage,
            "acts": clinic.acts,
            "items": [
                {"id": e.id, "title": e.title, "stage": e.stage, "act": e.act}
                for e in clinic.experiments
            ],
        },
        "measures": [
            {
                "id": m.id,
                "name": m.name,
                "unit": m.unit,
                "direction": m.direction,
                "baseline": text(m.baseline),
                "latest": text(m.latest[1]) if m.latest else None,
                "latest_period": m.latest[0] if m.latest else None,
                "target": text(m.target),
                "target_reached": bool(m.latest and m.meets_target(m.latest[1])),
            }
            for m in clinic.measures
        ],
        "lessons": [{"id": x.id, "level": x.level, "tags": x.tags} for x in clinic.lessons],
        "partners": [{"organisation_id": org, "kind": kind} for org, kind in clinic.partners],
        "scale_ups": [
            {
                "id": s.id,
                "practice": s.practice,
                "origin_id": s.origin_id,
                "status": s.status,
                "adoption": [{"unit_id": u, "stage": st} for u, st in s.stages.items()],
            }
            for s in clinic.scale_ups
        ],
        "progress": {
            "score": clinic.progress.score,
            "label": LABELS[clinic.progress.score],
            "levels": [{"level": x.level, "met": x.met} for x in clinic.progress.levels],
        },
    }
