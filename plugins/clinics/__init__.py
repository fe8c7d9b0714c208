"""The innovation-clinic dashboard: per designated clinic, experiments, measures, lessons,
partners, spread, and a progress score on the IHI 0.5–5.0 scale (see progress.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

from samverkan import Panel, hookimpl
from samverkan.plugins.clinics.projection import ClinicsProjection

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor
    from samverkan.projections.base import SqlProjection


@hookimpl
def register_projections(service: Samverkan) -> Iterable[type[SqlProjection]]:
    return [ClinicsProjection]


@hookimpl
def register_blueprints(service: Samverkan) -> Iterable[Any]:
    from samverkan.plugins.clinics.api import blp
    from samverkan.plugins.clinics.pages import pages

    return [blp, pages]


@hookimpl
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    from flask import has_request_context

    from samverkan.plugins.clinics.pages import panel

    if not has_request_context():
        return []  # a panel is HTML for the partnership page, rendered within its request
    return panel(service, partnership_id, actor)


@hookimpl
def register_translations(service: Samverkan) -> Mapping[str, Mapping[str, str]]:
    from samverkan.plugins.clinics.translations import MESSAGES

    return MESSAGES
