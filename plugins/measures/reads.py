"""What the API and the pages show of a measure: its series now (from the plugin's tables) or
as it was (rebuilt from the log with ``service.get(Measure, id, as_of=...)``), for a caller who
may see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from samverkan.application.viewer import Viewer
from samverkan.domain.measure import Measure
from samverkan.errors import NotFound, rule
from samverkan.plugins.measures import tables
from samverkan.plugins.measures.statistics import Point

if TYPE_CHECKING:
    from samverkan.application.accounts import User
    from samverkan.application.service import Samverkan

PERCENT_UNITS = frozenset({"%", "percent", "procent", "prosent", "per cent"})

NotProportions = rule("not-proportions", "A p-chart needs proportions with n for every value")


@dataclass(frozen=True)
class Series:
    """A measure's definition and its values by period, oldest first, as corrected."""

    measure_id: UUID
    partnership_id: UUID
    name: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None
    version: int
    points: tuple[Point, ...]
    as_of: datetime | None

    @property
    def percent(self) -> bool:
        return self.unit.strip().lower() in PERCENT_UNITS


def visible_partnership(
    service: Samverkan, user: User, measure_id: UUID
) -> tuple[UUID, datetime | None]:
    """The measure's partnership if the caller may see it (else NotFound, as if it did not
    exist) and the recording time a former member's reads stop at (None: now)."""
    row = tables.measure_of(service.sql, measure_id)
    partnership_id = (
        row.partnership_id if row is not None else service.get(Measure, measure_id).partnership_id
    )
    try:
        limit = Viewer.of(service.sql, user).read_limit(partnership_id)
    except NotFound:
        raise NotFound(f"No measure {measure_id}") from None
    return partnership_id, limit


def load_series(
    service: Samverkan,
    user: User,
    measure_id: UUID,
    *,
    version: int | None = None,
    as_of: datetime | None = None,
) -> Series:
    """The measure now (read model) or at ``version`` / ``as_of`` (recording time, the log)."""
    _, limit = visible_partnership(service, user, measure_id)
    if limit is not None and limit.utcoffset() is None:
        limit = limit.replace(tzinfo=UTC)  # SQLite returns recording times (UTC) without zone
    if limit is not None and version is None and (as_of is None or as_of > limit):
        as_of = limit  # a former member sees the history up to its leaving
    row = tables.measure_of(service.sql, measure_id)
    sizes = {v.period: v.n for v in tables.values_of(service.sql, measure_id)}
    if version is None and as_of is None and row is not None:
        values = tables.values_of(service.sql, measure_id)
        return Series(
            measure_id,
            row.partnership_id,
            row.name,
            row.unit,
            row.direction,
            row.baseline,
            row.target,
            row.version,
            tuple(Point(v.period, v.value, v.n) for v in values),
            None,
        )
    measure = service.get(Measure, measure_id, version=version, as_of=as_of)
    if limit is not None and measure.modified_on > limit:
        raise NotFound(
            f"Measure {measure_id} has no version {version} before your organisation left"
        )
    # n is recorded once with a value and never corrected: the read model has it.
    return Series(
        measure.id,
        measure.partnership_id,
        measure.name,
        measure.unit,
        measure.direction,
        measure.baseline,
        measure.target,
        measure.version,
        tuple(Point(p, measure.values[p], sizes.get(p)) for p in sorted(measure.values)),
        as_of,
    )
