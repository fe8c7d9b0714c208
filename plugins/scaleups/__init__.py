"""The scale-up tracker: a practice × unit matrix of adoption stages, and how it changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

from samverkan import Panel, hookimpl
from samverkan.plugins.scaleups.projection import ScaleUpProjection

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor
    from samverkan.projections.base import SqlProjection


@hookimpl
def register_projections(service: Samverkan) -> Iterable[type[SqlProjection]]:
    return [ScaleUpProjection]


@hookimpl
def register_blueprints(service: Samverkan) -> Iterable[Any]:
    from samverkan.plugins.scaleups.api import blp
    from samverkan.plugins.scaleups.pages import pages

    return [blp, pages]


@hookimpl
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    from flask import has_request_context

    from samverkan.plugins.scaleups.pages import panel

    if not has_request_context():
        return []  # a panel is HTML for the partnership page, rendered within its request
    return panel(service, partnership_id, actor)


@hookimpl
def register_translations(service: Samverkan) -> Mapping[str, Mapping[str, str]]:
    from samverkan.plugins.scaleups.translations import MESSAGES

    return MESSAGES
