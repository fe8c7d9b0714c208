"""The scale-up tracker: a practice × unit matrix of adoption stages, and how it changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

from core.hookspecs import Panel, hookimpl
from plugins.scaleups.projection import ScaleUpProjection

if TYPE_CHECKING:
    from core.application import Samverkan
    from core.domain.base import Actor
    from core.projections import SqlProjection


@hookimpl
def register_projections(service: Samverkan) -> Iterable[type[SqlProjection]]:
    return [ScaleUpProjection]


@hookimpl
def register_blueprints(service: Samverkan) -> Iterable[Any]:
    from plugins.scaleups.api import blp
    from plugins.scaleups.pages import pages

    return [blp, pages]


@hookimpl
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    from flask import has_request_context

    from plugins.scaleups.pages import panel

    if not has_request_context():
        return []  # a panel is HTML for the partnership page, rendered within its request
    return panel(service, partnership_id, actor)


@hookimpl
def register_translations(service: Samverkan) -> Mapping[str, Mapping[str, str]]:
    from plugins.scaleups.translations import MESSAGES

    return MESSAGES
