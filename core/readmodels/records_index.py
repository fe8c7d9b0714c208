"""The records index: every record's kind, partnership, title, status and version in SQL.

A built-in plugin (see ``DEFAULT_PLUGINS``) and the first user of the projection
base: lists and pages of the present read these tables instead of replaying the log. Free
texts stay out (they are erasable): a lesson has no title here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from samverkan.markers import hookimpl
from samverkan.projections.base import Batch, SqlProjection, handles, topic_of

metadata = sa.MetaData()

records = sa.Table(
    "index_records",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(30), nullable=False, index=True),
    sa.Column("partnership_id", sa.String(36), nullable=True, index=True),
    sa.Column("title", sa.String(300), nullable=True),
    sa.Column("status", sa.String(30), nullable=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

partnerships = sa.Table(
    "index_partnerships",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("status", sa.String(30), nullable=False),
    sa.Column("phase", sa.String(30), nullable=True),
    sa.Column("coordinator_id", sa.String(36), nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=True),
    sa.Column("member_count", sa.Integer, nullable=False),
)

members = sa.Table(
    "index_partnership_members",
    metadata,
    sa.Column("partnership_id", sa.String(36), primary_key=True),
    sa.Column("organisation_id", sa.String(36), primary_key=True, index=True),
    sa.Column("role", sa.String(30), nullable=False),
)

# The status a record gets from the event that creates or moves it.
STATUS_OF = {
    "decision.adopted": "adopted",
    "decision.rejected": "rejected",
    "decision.withdrawn": "withdrawn",
    "decision.superseded": "superseded",
    "experiment.started": "running",
    "experiment.studied": "studied",
    "experiment.concluded": "concluded",
    "lesson.retracted": "retracted",
    "scale_up.completed": "completed",
    "scale_up.halted": "halted",
}


# Built once: SQLAlchemy compiles a statement object once per set of parameter names.
ADD_RECORD = records.insert()
TOUCH_RECORD = records.update().where(records.c.id == sa.bindparam("row_id"))


def _id(event: Any) -> str:
    return str(event.originator_id)


class RecordsIndex(SqlProjection):
    """One row per record; partnerships also get a list row and their current members."""

    name = "records_index"
    metadata = metadata
    # Within a batch, touches of a record merge into one update, written at the end (no
    # handler reads the records table, so nothing sees the rows before then).
    touches: dict[str, dict[str, Any]] | None = None

    def apply_batch(self, connection: sa.Connection, batch: Batch) -> None:
        self.touches = {}
        try:
            super().apply_batch(connection, batch)
            by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for row in self.touches.values():
                by_columns.setdefault(tuple(sorted(row)), []).append(row)
            for rows in by_columns.values():
                connection.execute(TOUCH_RECORD, rows)
        finally:
            self.touches = None

    def _add(self, connection: sa.Connection, event: Any, kind: str, **values: Any) -> None:
        row = {
            "id": _id(event),
            "kind": kind,
            "version": event.originator_version,
            "created_at": event.timestamp,
            "updated_at": event.timestamp,
            **values,
        }
        connection.execute(ADD_RECORD, row)

    def _touch(self, connection: sa.Connection, event: Any, **values: Any) -> None:
        row = {
            "row_id": _id(event),
            "version": event.originator_version,
            "updated_at": event.timestamp,
            **values,
        }
        if self.touches is None:
            connection.execute(TOUCH_RECORD, row)
        else:
            self.touches.setdefault(row["row_id"], {}).update(row)

    @handles(
        "organisation.unit_added",
        "partnership.challenge_defined",
        "partnership.funding_awarded",
        "partnership.meeting_held",
        "partnership.clinic_designated",
        "decision.signed_off",
        "experiment.observation_recorded",
        "measure.value_recorded",
        "measure.value_corrected",
        "scale_up.adoption_recorded",
        "agreement.commitment_made",
        "agreement.contribution_recorded",
        "agreement.cost_incurred",
        "agreement.benefit_realised",
        "agreement.risk_registered",
        "agreement.risk_status_changed",
    )
    def touched(self, connection: sa.Connection, event: Any) -> None:
        self._touch(connection, event)

    @handles(*STATUS_OF)
    def status_moved(self, connection: sa.Connection, event: Any) -> None:
        self._touch(connection, event, status=STATUS_OF[topic_of(event)])

    @handles("organisation.registered")
    def organisation_registered(self, connection: sa.Connection, event: Any) -> None:
        self._add(connection, event, "organisation", title=event.name)

    @handles("organisation.renamed")
    def organisation_renamed(self, connection: sa.Connection, event: Any) -> None:
        self._touch(connection, event, title=event.name)

    @handles("decision.proposed")
    def decision_proposed(self, connection: sa.Connection, event: Any) -> None:
        pid = str(event.partnership_id)
        self._add(
            connection, event, "decision", partnership_id=pid, title=event.title, status="proposed"
        )

    @handles("decision.amended")
    def decision_amended(self, connection: sa.Connection, event: Any) -> None:
        title = event.changes.get("title")
        self._touch(connection, event, **({"title": title} if title else {}))

    @handles("experiment.planned")
    def experiment_planned(self, connection: sa.Connection, event: Any) -> None:
        pid = str(event.partnership_id)
        self._add(
            connection, event, "experiment", partnership_id=pid, title=event.title, status="planned"
        )

    @handles("measure.defined")
    def measure_defined(self, connection: sa.Connection, event: Any) -> None:
        pid = str(event.partnership_id)
        self._add(connection, event, "measure", partnership_id=pid, title=event.name)

    @handles("lesson.recorded")
    def lesson_recorded(self, connection: sa.Connection, event: Any) -> None:
        pid = str(event.partnership_id)
        self._add(connection, event, "lesson", partnership_id=pid, status="recorded")

    @handles("scale_up.planned")
    def scale_up_planned(self, connection: sa.Connection, event: Any) -> None:
        pid = str(event.partnership_id)
        self._add(
            connection, event, "scale_up", partnership_id=pid, title=event.practice, status="active"
        )

    @handles("agreement.agreed")
    def agreement_agreed(self, connection: sa.Connection, event: Any) -> None:
        pid = str(event.partnership_id)
        self._add(connection, event, "agreement", partnership_id=pid, title=event.title)

    # Partnerships: a record row, a list row and the current members.

    @handles("partnership.started")
    def partnership_started(self, connection: sa.Connection, event: Any) -> None:
        self._add(connection, event, "partnership", title=event.title, status=event.status)
        connection.execute(
            partnerships.insert().values(
                id=_id(event),
                title=event.title,
                kind=event.kind,
                status=event.status,
                phase=None,
                coordinator_id=str(event.coordinator_id),
                starts_on=event.starts_on,
                ends_on=event.ends_on,
                member_count=0,
            )
        )
        self._join(connection, event, str(event.coordinator_id), "coordinator")

    @handles("partnership.member_joined")
    def member_joined(self, connection: sa.Connection, event: Any) -> None:
        self._touch(connection, event)
        self._join(connection, event, str(event.organisation_id), event.role)

    @handles("partnership.member_left")
    def member_left(self, connection: sa.Connection, event: Any) -> None:
        self._touch(connection, event)
        connection.execute(
            members.delete().where(
                members.c.partnership_id == _id(event),
                members.c.organisation_id == str(event.organisation_id),
            )
        )
        self._count_members(connection, event)

    @handles("partnership.phase_entered")
    def phase_entered(self, connection: sa.Connection, event: Any) -> None:
        self._touch(connection, event)
        self._set_partnership(connection, event, phase=event.phase)

    @handles("partnership.status_changed", "partnership.closed")
    def partnership_status(self, connection: sa.Connection, event: Any) -> None:
        status = getattr(event, "status", "completed")  # closed carries no status
        self._touch(connection, event, status=status)
        self._set_partnership(connection, event, status=status)

    def _join(self, connection: sa.Connection, event: Any, organisation_id: str, role: str) -> None:
        connection.execute(
            members.insert().values(
                partnership_id=_id(event), organisation_id=organisation_id, role=role
            )
        )
        self._count_members(connection, event)

    def _count_members(self, connection: sa.Connection, event: Any) -> None:
        count = (
            sa.select(sa.func.count())
            .select_from(members)
            .where(members.c.partnership_id == _id(event))
            .scalar_subquery()
        )
        self._set_partnership(connection, event, member_count=count)

    def _set_partnership(self, connection: sa.Connection, event: Any, **values: Any) -> None:
        connection.execute(
            partnerships.update().where(partnerships.c.id == _id(event)).values(**values)
        )


# Reads for pages and lists of the present.


def partnership_rows(engine: sa.Engine, organisation_id: str | None = None) -> list[dict[str, Any]]:
    """The partnership list: title, kind, status, phase, dates and members (role per
    organisation id); only those ``organisation_id`` belongs to, when given."""
    query = sa.select(partnerships).order_by(partnerships.c.title, partnerships.c.id)
    if organisation_id is not None:
        mine = sa.select(members.c.partnership_id).where(
            members.c.organisation_id == organisation_id
        )
        query = query.where(partnerships.c.id.in_(mine))
    with engine.connect() as connection:
        listed = [row._asdict() for row in connection.execute(query)]
        roles: dict[str, dict[str, str]] = {}
        for member in connection.execute(sa.select(members)):
            roles.setdefault(member.partnership_id, {})[member.organisation_id] = member.role
    for partnership in listed:
        partnership["members"] = roles.get(partnership["id"], {})
    return listed


def records_of(
    engine: sa.Engine, partnership_id: str, kind: str | None = None
) -> list[dict[str, Any]]:
    """A partnership's records (decisions, experiments, ...), oldest first."""
    query = (
        sa.select(records)
        .where(records.c.partnership_id == partnership_id)
        .order_by(records.c.created_at, records.c.id)
    )
    if kind is not None:
        query = query.where(records.c.kind == kind)
    with engine.connect() as connection:
        return [row._asdict() for row in connection.execute(query)]


@hookimpl
def register_projections(service: object) -> Iterable[type[SqlProjection]]:
    return [RecordsIndex]
