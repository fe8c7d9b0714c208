# mypy: disable-error-code="empty-body"
# Hook specifications have no bodies: pluggy calls the plugins' implementations instead.
"""The plugin contract: every hook a Samverkan plugin can implement.

Built-in plugins (``DEFAULT_PLUGINS``) and third-party plugins (entry-point group
``samverkan``) implement the same hooks with ``@hookimpl``. Each hook is documented in
docs/plugins.md; a test fails when one is not. A hook that raises is reported with the plugin's
name and skipped: it never takes the service down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from samverkan.markers import PROJECT, hookimpl, hookspec

if TYPE_CHECKING:
    import click
    from flask import Blueprint, Flask

    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor
    from samverkan.projections.base import SqlProjection
    from samverkan.storage.log import LoggedEvent

__all__ = ["PROJECT", "Exporter", "MenuLink", "Panel", "hookimpl", "hookspec"]


@dataclass(frozen=True)
class MenuLink:
    """A link in the navigation menu."""

    href: str
    label: str


@dataclass(frozen=True)
class Panel:
    """A panel on the partnership page: a title and ready, escaped HTML."""

    title: str
    html: str
    order: int = 100


@dataclass(frozen=True)
class Exporter:
    """A download of a partnership's records in some format (CSV, iCalendar, ...).

    ``render(service, partnership_id)`` returns the body; the web serves it with
    ``media_type`` as ``<partnership>.<extension>``.
    """

    name: str
    media_type: str
    extension: str
    render: Callable[[Samverkan, UUID], str | bytes] = field(compare=False)


@hookspec
def startup(service: Samverkan, flask_app: Flask | None) -> None:
    """Called once when the service starts, after every plugin is registered.

    :param service: the application service (commands, reads, ``service.sql``).
    :param flask_app: the web application, or None when started from the command line.
    """


@hookspec
def register_projections(service: Samverkan) -> Iterable[type[SqlProjection]]:
    """Return projection classes (subclasses of ``samverkan.projections.base.SqlProjection``).

    Each declares the event topics it reads and its tables; the runner keeps it up to date
    (embedded after each write, or in ``samverkan projections run``) and can rebuild it.
    """


@hookspec
def register_blueprints(service: Samverkan) -> Iterable[Blueprint]:
    """Return Flask blueprints (pages and API routes), registered before the core's routes.

    API routes belong under ``/api/v1/<plugin>/``.
    """


@hookspec
def menu_links(service: Samverkan, actor: Actor | None) -> Iterable[MenuLink]:
    """Return links for the navigation menu as the given actor (None: signed out) sees it."""


@hookspec
def partnership_panels(
    service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> Iterable[Panel]:
    """Return panels for the page of one partnership (read them from projections, not the log)."""


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add click commands or groups to the ``samverkan`` command: ``cli.add_command(...)``."""


@hookspec
def register_exporters(service: Samverkan) -> Iterable[Exporter]:
    """Return exporters: downloads of a partnership's records in another format."""


@hookspec
def on_events(service: Samverkan, events: Sequence[LoggedEvent]) -> None:
    """React to recorded events (a webhook, a notification), oldest first, in batches.

    Called from a tracked follower after the events are stored, never inside a request.
    Delivery is at least once: if the hook raises, the same batch is offered again later,
    so a reaction must tolerate seeing an event twice.
    """


@hookspec
def extra_template_vars(template: str, service: Samverkan) -> Mapping[str, Any]:
    """Return extra variables for rendering the named page template."""


@hookspec
def register_translations(service: Samverkan) -> Mapping[str, Mapping[str, str]]:
    """Return the plugin's messages per locale: ``{"sv": {"Ledger": "Riskfördelning"}}``."""
