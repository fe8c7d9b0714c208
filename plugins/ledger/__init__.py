"""The risk-sharing ledger: per agreement and party, share, commitments, contributions, share
of costs and balance; benefits by beneficiary; risks with owners; as of any recording time.

A built-in plugin (required: it serves API.md's ``GET /agreements/{id}/ledger``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

from samverkan import Exporter, Panel, hookimpl
from samverkan.plugins.ledger.projection import LedgerProjection

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor
    from samverkan.projections.base import SqlProjection


@hookimpl
def register_projections(service: Samverkan) -> Iterable[type[SqlProjection]]:
    return [LedgerProjection]


@hookimpl
def register_blueprints(service: Samverkan) -> Iterable[Any]:
    from samverkan.plugins.ledger.api import blp
    from samverkan.plugins.ledger.pages import pages

    return [blp, pages]


@hookimpl
def register_exporters(service: Samverkan) -> Iterable[Exporter]:
    from samverkan.plugins.ledger.export import render_partnership_csv

    return [Exporter("ledger", "text/csv", "ledger.csv", render_partnership_csv)]


@hookimpl
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    from flask import has_request_context

    from samverkan.plugins.ledger.pages import panel

    if not has_request_context():
        return []  # a panel is HTML for the partnership page, rendered within its request
    return panel(service, partnership_id, actor)


@hookimpl
def register_translations(service: Samverkan) -> Mapping[str, Mapping[str, str]]:
    from samverkan.plugins.ledger.translations import MESSAGES

    return MESSAGES
