"""Measure events -> the plugin's tables (see tables.py).

Each handler writes only what its event says, keyed by (measure, period) or (measure, version),
so the rows after a rebuild equal the rows built event by event. The runner's tracked position
makes a second delivery of an event a no-op; the handlers also check their own keys, so an
event applied again by hand changes nothing either.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.plugins.measures import tables
from samverkan.projections.base import Batch, SqlProjection, dialect_insert, handles


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# Built once: SQLAlchemy compiles a statement object once, not on every event.
TOUCH_MEASURE = (
    tables.measures.update()
    .where(
        tables.measures.c.measure_id == sa.bindparam("row_id"),
        tables.measures.c.version < sa.bindparam("new_version"),
    )
    .values(version=sa.bindparam("new_version"))
)
KNOWN_VALUE = sa.select(tables.values.c.period).where(
    tables.values.c.measure_id == sa.bindparam("row_id"),
    tables.values.c.period == sa.bindparam("row_period"),
)
ADD_VALUE = tables.values.insert()


class MeasureValues(SqlProjection):
    name = "measures"
    metadata = tables.metadata

    @handles("measure.defined")
    def defined(self, connection: sa.Connection, event: Any) -> None:
        measure_id = str(event.originator_id)
        known = sa.select(tables.measures.c.measure_id).where(
            tables.measures.c.measure_id == measure_id
        )
        if connection.execute(known).first() is not None:
            return  # applied before
        connection.execute(
            tables.measures.insert().values(
                measure_id=measure_id,
                partnership_id=str(event.partnership_id),
                name=event.name,
                unit=event.unit,
                direction=event.direction,
                baseline=_text(event.baseline),
                target=_text(event.target),
                defined_at=event.timestamp,
                version=event.originator_version,
            )
        )

    # Within a batch, recorded values are inserted together at the end and a measure's
    # version moves once; a handler that reads the tables writes what is held first.
    touches: dict[str, int] | None = None
    held_values: dict[tuple[str, str], dict[str, Any]] | None = None

    def apply_batch(self, connection: sa.Connection, batch: Batch) -> None:
        self.touches, self.held_values = {}, {}
        try:
            super().apply_batch(connection, batch)
            self._write_held(connection)
        finally:
            self.touches = self.held_values = None

    def _write_held(self, connection: sa.Connection) -> None:
        if self.held_values:
            # A period is recorded once: one already in the table was applied before.
            insert = dialect_insert(connection)(tables.values).on_conflict_do_nothing(
                index_elements=[tables.values.c.measure_id, tables.values.c.period]
            )
            connection.execute(insert, list(self.held_values.values()))
            self.held_values.clear()
        if self.touches:
            rows = [{"row_id": k, "new_version": v} for k, v in self.touches.items()]
            connection.execute(TOUCH_MEASURE, rows)
            self.touches.clear()

    def _touch(self, connection: sa.Connection, event: Any) -> None:
        measure_id, version = str(event.originator_id), event.originator_version
        if self.touches is not None:
            self.touches[measure_id] = max(version, self.touches.get(measure_id, 0))
            return
        connection.execute(TOUCH_MEASURE, {"row_id": measure_id, "new_version": version})

    @handles("measure.value_recorded")
    def recorded(self, connection: sa.Connection, event: Any) -> None:
        key = {"row_id": str(event.originator_id), "row_period": event.period}
        row = {
            "measure_id": key["row_id"],
            "period": event.period,
            "value": str(event.value),
            "recorded_value": str(event.value),
            "n": event.n,
            "recorded_at": event.timestamp,
            "corrections": 0,
        }
        if self.held_values is not None:
            self.held_values.setdefault((row["measure_id"], row["period"]), row)
        elif connection.execute(KNOWN_VALUE, key).first() is not None:
            return  # a period is recorded once (then corrected): this event was applied
        else:
            connection.execute(ADD_VALUE, row)
        self._touch(connection, event)

    @handles("measure.value_corrected")
    def corrected(self, connection: sa.Connection, event: Any) -> None:
        if self.held_values is not None:
            self._write_held(connection)  # the value corrected may be among them
        measure_id = str(event.originator_id)
        done = sa.select(tables.corrections.c.version).where(
            tables.corrections.c.measure_id == measure_id,
            tables.corrections.c.version == event.originator_version,
        )
        if connection.execute(done).first() is not None:
            return  # applied before: even without the tracked position, nothing changes
        where = (tables.values.c.measure_id == measure_id, tables.values.c.period == event.period)
        previous = connection.execute(sa.select(tables.values.c.value).where(*where)).scalar_one()
        connection.execute(
            tables.values.update()
            .where(*where)
            .values(value=str(event.value), corrections=tables.values.c.corrections + 1)
        )
        connection.execute(
            tables.corrections.insert().values(
                measure_id=measure_id,
                version=event.originator_version,
                period=event.period,
                previous_value=previous,
                value=str(event.value),
                reason_text_id=str(event.reason.id),
                reason_sha256=event.reason.sha256,
                corrected_at=event.timestamp,
                user_id=str(event.actor.user_id),
                organisation_id=str(event.actor.organisation_id),
            )
        )
        self._touch(connection, event)
