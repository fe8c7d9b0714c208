"""The example's read model: the meetings of each partnership, from `partnership.meeting_held`."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from samverkan.projections.base import SqlProjection, handles

metadata = sa.MetaData()

meetings = sa.Table(
    "example_meetings",
    metadata,
    sa.Column("meeting_id", sa.String(36), primary_key=True),
    sa.Column("partnership_id", sa.String(36), nullable=False, index=True),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("place", sa.String(200), nullable=False),
)


class Meetings(SqlProjection):
    name = "example_meetings"
    metadata = metadata

    @handles("partnership.meeting_held")
    def meeting_held(self, connection: sa.Connection, event: Any) -> None:
        connection.execute(
            meetings.insert().values(
                meeting_id=str(event.meeting_id),
                partnership_id=str(event.originator_id),
                kind=event.kind,
                held_on=event.held_on,
                place=event.place,
            )
        )


def meetings_of(engine: sa.Engine, partnership_id: str) -> list[dict[str, Any]]:
    query = (
        sa.select(meetings)
        .where(meetings.c.partnership_id == partnership_id)
        .order_by(meetings.c.held_on, meetings.c.meeting_id)
    )
    with engine.connect() as connection:
        return [
            {**row._asdict(), "held_on": row.held_on.isoformat()}
            for row in connection.execute(query)
        ]
