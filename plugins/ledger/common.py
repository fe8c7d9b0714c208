"""Reading helpers the built-in views share: recording times, access, names, translation.

The ledger is a required plugin, so the other views may lean on this module being there.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from samverkan.application.viewer import Viewer
from samverkan.domain.base import Actor
from samverkan.domain.organisation import Organisation
from samverkan.readmodels.current_state import load_many
from samverkan.readmodels.memberships import memberships_of


def utc(moment: datetime) -> datetime:
    """Recording times as aware UTC datetimes (SQLite hands them back naive, in UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def earliest(*moments: datetime | None) -> datetime | None:
    """The earliest of the given cut-offs (None: no cut-off)."""
    given = [utc(moment) for moment in moments if moment is not None]
    return min(given) if given else None


def reading_limit(engine: sa.Engine, user: Any, partnership_id: UUID) -> datetime | None:
    """404 unless the user may see the partnership; the time a former member's reads stop."""
    return Viewer.of(engine, user).read_limit(partnership_id)


def actor_limit(engine: sa.Engine, actor: Actor | None, partnership_id: UUID) -> datetime | None:
    """For panels, which get an actor: a former member sees the partnership until it left."""
    if actor is None:
        return None
    membership = memberships_of(engine, actor.organisation_id).get(partnership_id)
    return None if membership is None else membership.left_at


def organisation_names(engine: sa.Engine, ids: Iterable[str | UUID]) -> dict[str, str]:
    """Current names of organisations by id (as strings); unknown ids are left out."""
    wanted = sorted({UUID(str(i)) for i in ids})
    return {str(org.id): org.name for org in load_many(engine, Organisation, wanted)}


def unit_names(engine: sa.Engine, organisation_ids: Iterable[str | UUID]) -> dict[str, str]:
    """Names of the units of these organisations, by unit id."""
    wanted = sorted({UUID(str(i)) for i in organisation_ids})
    names: dict[str, str] = {}
    for org in load_many(engine, Organisation, wanted):
        for unit_id, unit in org.units.items():
            names[unit_id] = str(unit["name"])
    return names


def organisation_kinds(engine: sa.Engine, ids: Iterable[str | UUID]) -> dict[str, str]:
    wanted = sorted({UUID(str(i)) for i in ids})
    return {str(org.id): org.kind for org in load_many(engine, Organisation, wanted)}


def member_units(engine: sa.Engine, partnership_id: UUID) -> dict[str, tuple[str, str]]:
    """Units of the partnership's current and former members: unit id -> (name, organisation)."""
    from samverkan.domain.partnership import Partnership
    from samverkan.readmodels.current_state import load_current

    partnership = load_current(engine, Partnership, partnership_id)
    if partnership is None:
        return {}
    members = sorted({*partnership.members, *partnership.former_members})
    units: dict[str, tuple[str, str]] = {}
    for org in load_many(engine, Organisation, [UUID(m) for m in members]):
        for unit_id, unit in org.units.items():
            units[unit_id] = (str(unit["name"]), str(org.id))
    return units
