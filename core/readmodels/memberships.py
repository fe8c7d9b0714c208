"""Membership periods of organisations in partnerships: what access control reads.

Current members see a partnership whole; an organisation that left keeps read access to the
history up to its leaving (``left_at``). A built-in projection, required by the core.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.markers import hookimpl
from samverkan.projections.base import SqlProjection, handles

metadata = sa.MetaData()

periods = sa.Table(
    "membership_periods",
    metadata,
    sa.Column("partnership_id", sa.String(36), primary_key=True),
    sa.Column("organisation_id", sa.String(36), primary_key=True, index=True),
    sa.Column("joined_version", sa.Integer, primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
)


class Memberships(SqlProjection):
    name = "memberships"
    metadata = metadata

    def _join(
        self, connection: sa.Connection, event: Any, organisation_id: UUID, role: str
    ) -> None:
        connection.execute(
            periods.insert().values(
                partnership_id=str(event.originator_id),
                organisation_id=str(organisation_id),
                joined_version=event.originator_version,
                role=role,
                joined_at=event.timestamp,
            )
        )

    @handles("partnership.started")
    def started(self, connection: sa.Connection, event: Any) -> None:
        self._join(connection, event, event.coordinator_id, "coordinator")

    @handles("partnership.member_joined")
    def joined(self, connection: sa.Connection, event: Any) -> None:
        self._join(connection, event, event.organisation_id, event.role)

    @handles("partnership.member_left")
    def left(self, connection: sa.Connection, event: Any) -> None:
        connection.execute(
            periods.update()
            .where(
                periods.c.partnership_id == str(event.originator_id),
                periods.c.organisation_id == str(event.organisation_id),
                periods.c.left_at.is_(None),
            )
            .values(left_at=event.timestamp)
        )


@dataclass(frozen=True)
class Membership:
    partnership_id: UUID
    role: str
    left_at: datetime | None  # None while a member

    @property
    def current(self) -> bool:
        return self.left_at is None


def memberships_of(engine: sa.Engine, organisation_id: UUID) -> dict[UUID, Membership]:
    """Per partnership, the organisation's current membership, else its latest past one."""
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(periods)
            .where(periods.c.organisation_id == str(organisation_id))
            .order_by(periods.c.joined_at)
        ).all()
    found: dict[UUID, Membership] = {}
    for row in rows:
        pid = UUID(row.partnership_id)
        left_at = row.left_at
        if left_at is not None and left_at.tzinfo is None:  # SQLite keeps no offset
            left_at = left_at.replace(tzinfo=UTC)
        found[pid] = Membership(pid, row.role, left_at)
    return found


@hookimpl
def register_projections(service: object) -> Iterable[type[SqlProjection]]:
    return [Memberships]
