"""The measures plugin's read model: measures, their values by period after corrections, and
the corrections with their reasons (as text references: the text itself can be erased)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa

metadata = sa.MetaData()

measures = sa.Table(
    "measures_measures",
    metadata,
    sa.Column("measure_id", sa.String(36), primary_key=True),
    sa.Column("partnership_id", sa.String(36), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("unit", sa.String(50), nullable=False),
    sa.Column("direction", sa.String(20), nullable=False),
    # Decimals as their exact text: no float on the way in or out, on either store.
    sa.Column("baseline", sa.String(60), nullable=True),
    sa.Column("target", sa.String(60), nullable=True),
    sa.Column("defined_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

values = sa.Table(
    "measures_values",
    metadata,
    sa.Column("measure_id", sa.String(36), primary_key=True),
    sa.Column("period", sa.String(10), primary_key=True),
    sa.Column("value", sa.String(60), nullable=False),  # after corrections
    sa.Column("recorded_value", sa.String(60), nullable=False),  # as first recorded
    sa.Column("n", sa.Integer, nullable=True),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("corrections", sa.Integer, nullable=False),
)

corrections = sa.Table(
    "measures_corrections",
    metadata,
    sa.Column("measure_id", sa.String(36), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("previous_value", sa.String(60), nullable=False),
    sa.Column("value", sa.String(60), nullable=False),
    sa.Column("reason_text_id", sa.String(36), nullable=False),
    sa.Column("reason_sha256", sa.String(64), nullable=False),
    sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("user_id", sa.String(36), nullable=False),
    sa.Column("organisation_id", sa.String(36), nullable=False),
)


@dataclass(frozen=True)
class MeasureRow:
    id: UUID
    partnership_id: UUID
    name: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None
    version: int


@dataclass(frozen=True)
class ValueRow:
    period: str
    value: Decimal
    recorded_value: Decimal
    n: int | None
    corrections: int


@dataclass(frozen=True)
class CorrectionRow:
    version: int
    period: str
    previous_value: Decimal
    value: Decimal
    reason_text_id: UUID
    corrected_at: datetime


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _measure(row: sa.Row[tuple[object, ...]]) -> MeasureRow:
    m = row._mapping
    return MeasureRow(
        id=UUID(m["measure_id"]),
        partnership_id=UUID(m["partnership_id"]),
        name=m["name"],
        unit=m["unit"],
        direction=m["direction"],
        baseline=_decimal(m["baseline"]),
        target=_decimal(m["target"]),
        version=m["version"],
    )


def measure_of(engine: sa.Engine, measure_id: UUID) -> MeasureRow | None:
    query = sa.select(measures).where(measures.c.measure_id == str(measure_id))
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return None if row is None else _measure(row)


def measures_of(engine: sa.Engine, partnership_id: UUID) -> list[MeasureRow]:
    """A partnership's measures, by name."""
    query = (
        sa.select(measures)
        .where(measures.c.partnership_id == str(partnership_id))
        .order_by(measures.c.name, measures.c.measure_id)
    )
    with engine.connect() as connection:
        return [_measure(row) for row in connection.execute(query)]


def values_of(engine: sa.Engine, measure_id: UUID) -> list[ValueRow]:
    """The values of a measure by period, oldest first, as corrected."""
    query = (
        sa.select(values).where(values.c.measure_id == str(measure_id)).order_by(values.c.period)
    )
    with engine.connect() as connection:
        return [
            ValueRow(
                period=row.period,
                value=Decimal(row.value),
                recorded_value=Decimal(row.recorded_value),
                n=row.n,
                corrections=row.corrections,
            )
            for row in connection.execute(query)
        ]


def corrections_of(engine: sa.Engine, measure_id: UUID) -> list[CorrectionRow]:
    query = (
        sa.select(corrections)
        .where(corrections.c.measure_id == str(measure_id))
        .order_by(corrections.c.version)
    )
    with engine.connect() as connection:
        return [
            CorrectionRow(
                version=row.version,
                period=row.period,
                previous_value=Decimal(row.previous_value),
                value=Decimal(row.value),
                reason_text_id=UUID(row.reason_text_id),
                corrected_at=row.corrected_at,
            )
            for row in connection.execute(query)
        ]
