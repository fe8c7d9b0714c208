"""The learning-network calendar: meetings by date and place, attendance per organisation,
local meetings between gatherings, and the decisions taken at each; as of any time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

from samverkan import Exporter, Panel, hookimpl
from samverkan.plugins.calendar.projection import CalendarProjection

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor
    from samverkan.projections.base import SqlProjection


@hookimpl
def register_projections(service: Samverkan) -> Iterable[type[SqlProjection]]:
    return [CalendarProjection]


@hookimpl
def register_blueprints(service: Samverkan) -> Iterable[Any]:
    from samverkan.plugins.calendar.api import blp
    from samverkan.plugins.calendar.pages import pages

    return [blp, pages]


@hookimpl
def register_exporters(service: Samverkan) -> Iterable[Exporter]:
    from samverkan.plugins.calendar.ical import render_ical

    return [Exporter("calendar", "text/calendar", "ics", render_ical)]


@hookimpl
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    from flask import has_request_context

    from samverkan.plugins.calendar.pages import panel

    if not has_request_context():
        return []  # a panel is HTML for the partnership page, rendered within its request
    return panel(service, partnership_id, actor)


@hookimpl
def register_translations(service: Samverkan) -> Mapping[str, Mapping[str, str]]:
    from samverkan.plugins.calendar.translations import MESSAGES

    return MESSAGES
