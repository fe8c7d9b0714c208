"""Improvement measures: run charts (IHI and Anhøj rules), Shewhart charts (XmR, p) and the
baseline against the follow-up of survey indicators, as a built-in plugin on the public hooks.

The rules, their parameters and sources are in docs/measures.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from uuid import UUID

from samverkan import Panel, hookimpl

if TYPE_CHECKING:
    from flask import Blueprint

    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor
    from samverkan.projections.base import SqlProjection


@hookimpl
def register_projections(service: Samverkan | None) -> list[type[SqlProjection]]:
    from samverkan.plugins.measures.projection import MeasureValues

    return [MeasureValues]


@hookimpl
def register_blueprints(service: Samverkan) -> list[Blueprint]:
    from samverkan.plugins.measures.api import blp
    from samverkan.plugins.measures.pages import bp

    return [blp, bp]


@hookimpl
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    """The partnership page is shown only to those who may see it: the panel reads the
    plugin's table of that partnership's measures (never the log)."""
    from samverkan.plugins.measures.pages import panel_html

    html = panel_html(service, partnership_id)
    return [] if html is None else [Panel(title="Improvement measures", html=str(html), order=40)]


@hookimpl
def register_translations(service: Samverkan) -> dict[str, dict[str, str]]:
    from samverkan.plugins.measures.i18n import MESSAGES

    return MESSAGES
