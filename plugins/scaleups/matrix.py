"""Practice × unit matrix of adoption stages, and every change to it, as of any time.

A cell is the unit's latest recorded stage; ``None`` means a target unit with no stage
recorded yet. Units are the columns in the order the scale-ups first named them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import Dated, rows_of
from samverkan.plugins.scaleups.tables import scale_up_events


@dataclass
class Practice:
    scale_up_id: str
    practice: str
    origin_id: str | None
    status: str
    planned_at: datetime
    cells: dict[str, str | None]


@dataclass
class Change:
    at: datetime
    scale_up_id: str
    unit_id: str
    from_stage: str | None
    to_stage: str


@dataclass
class Matrix:
    units: list[str] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


def fold(rows: list[Dated]) -> Matrix:
    matrix = Matrix()
    practices: dict[str, Practice] = {}
    for row in rows:
        data = row.data
        if row.topic == "scale_up.planned":
            targets = list(data["target_unit_ids"])
            practices[row.record_id] = Practice(
                row.record_id,
                data["practice"],
                data["origin_id"],
                "active",
                row.recorded_at,
                dict.fromkeys(targets),
            )
            matrix.units += [unit for unit in targets if unit not in matrix.units]
        elif row.topic == "scale_up.adoption_recorded":
            practice = practices[row.record_id]
            unit = data["unit_id"]
            matrix.changes.append(
                Change(
                    row.recorded_at, row.record_id, unit, practice.cells.get(unit), data["stage"]
                )
            )
            practice.cells[unit] = data["stage"]
        else:
            practices[row.record_id].status = row.topic.removeprefix("scale_up.")
    matrix.practices = list(practices.values())
    return matrix


def matrix_of(engine: sa.Engine, partnership_id: UUID, cutoff: datetime | None) -> Matrix:
    return fold(rows_of(engine, scale_up_events, partnership_id, cutoff))


def as_json(matrix: Matrix, units: dict[str, tuple[str, str]]) -> dict[str, Any]:
    return {
        "units": [
            {
                "id": unit,
                "name": units.get(unit, ("", ""))[0] or None,
                "organisation_id": units.get(unit, ("", ""))[1] or None,
            }
            for unit in matrix.units
        ],
        "practices": [
            {
                "scale_up_id": p.scale_up_id,
                "practice": p.practice,
                "origin_id": p.origin_id,
                "status": p.status,
                "stages": [{"unit_id": unit, "stage": stage} for unit, stage in p.cells.items()],
            }
            for p in matrix.practices
        ],
        "changes": [
            {
                "at": c.at,
                "scale_up_id": c.scale_up_id,
                "unit_id": c.unit_id,
                "from_stage": c.from_stage,
                "to_stage": c.to_stage,
            }
            for c in matrix.changes
        ],
    }
