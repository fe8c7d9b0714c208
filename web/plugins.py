"""Plugins in the web process: blueprints, /-/plugins, panels, menus, read-your-write.

``init_plugins(app, service)`` is called once by ``samverkan.web.create_app``. After every write
request (any method but GET, HEAD, OPTIONS) an ``after_request`` brings the read models up
to date before the response leaves, so a user reads their own write:

- ``PROJECTIONS = "embedded"`` (default): this process applies the projections itself;
  plugins' ``on_events`` run after the response is sent (``call_on_close``), not inside it.
- ``PROJECTIONS = "workers"``: `samverkan projections run` processes do the work; this
  process waits up to ``PROJECTIONS_WAIT`` seconds for them to reach its write.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from flask import Flask, Response, jsonify, request

from samverkan.audit.checkpoints import sign_when_due
from samverkan.hookspecs import Exporter, MenuLink, Panel
from samverkan.plugin_manager import Plugins, PluginSettings
from samverkan.projections.runner import Projections
from samverkan.projections.worker import deliver_reactions, start_reactions
from samverkan.web.auth import current_user

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor

log = logging.getLogger(__name__)

READS = frozenset({"GET", "HEAD", "OPTIONS"})
API_BLUEPRINTS = "samverkan.plugin_api_blueprints"
T = TypeVar("T")


def plugins_of(app: Flask) -> Plugins:
    plugins: Plugins = app.extensions["samverkan.plugins"]
    return plugins


def projections_of(app: Flask) -> Projections:
    projections: Projections = app.extensions["samverkan.projections"]
    return projections


def listing(plugins: Plugins, projections: Projections, *, details: bool = True) -> dict[str, Any]:
    """What /-/plugins and `samverkan plugins --json` show: the failures of every process on
    the store. Without ``details`` (anyone but an administrator) a failure names its plugin
    only: no hook, no error text, and projections show where they stopped but not why."""
    failures = plugins.failures
    statuses = [status.as_dict() for status in projections.status()]
    if not details:
        for status in statuses:
            status["error"] = None
        names = sorted({failure.plugin for failure in failures})
        shown = [{"plugin": name} for name in names]
    else:
        shown = [failure.as_dict() for failure in failures]
    return {"plugins": plugins.listing(), "projections": statuses, "failures": shown}


def is_admin_caller() -> bool:
    """Whether the caller (bearer token or page session) is an administrator."""
    try:
        user = current_user()
    except Exception:  # an unreadable session is an anonymous caller here
        log.exception("reading the caller of /-/plugins failed")
        return False
    return user is not None and user.role == "admin"


def init_plugins(app: Flask, service: Samverkan) -> Plugins:
    """Make the app's plugin manager and projections; register the plugins' blueprints.

    Call before the core's routes are added: plugin routes come first.
    """
    # EXTRA_PLUGINS: (name, plugin) pairs registered in-process (tests, embedding apps).
    extra = app.config.get("EXTRA_PLUGINS", ())
    plugins = Plugins(PluginSettings.from_config(app.config), extra=extra)
    projections = Projections.from_plugins(service, plugins)
    app.extensions["samverkan.plugins"] = plugins
    app.extensions["samverkan.projections"] = projections
    mode = app.config.get("PROJECTIONS") or os.environ.get("SAMVERKAN_PROJECTIONS", "embedded")
    wait = float(app.config.get("PROJECTIONS_WAIT") or 2.0)

    api_blueprints = []
    for plugin, blueprint in plugins.collect("register_blueprints", service=service):
        if is_api_blueprint(blueprint):  # registered with the API: see register_plugin_api
            api_blueprints.append((plugin, blueprint))
            continue
        try:
            app.register_blueprint(blueprint)
        except Exception as error:
            plugins.fail(plugin, "register_blueprints", error)
    app.extensions[API_BLUEPRINTS] = api_blueprints

    @app.get("/-/plugins")
    def plugins_listing() -> Any:
        return jsonify(listing(plugins, projections, details=is_admin_caller()))

    def react() -> None:
        try:
            deliver_reactions(projections, plugins)
        except Exception:  # the response is sent; a reaction problem is only logged
            log.exception("delivering events to on_events failed")

    @app.after_request
    def read_your_write(response: Response) -> Response:
        if request.method in READS:
            return response
        try:
            if mode == "workers":
                if not projections.wait_until_current(projections.head(), wait):
                    log.warning("projection workers did not reach the write in %ss", wait)
            else:
                projections.catch_up()
                response.call_on_close(react)
                response.call_on_close(lambda: sign_when_due(service))
        except Exception:  # the write is recorded: a read-model problem must not undo it
            log.exception("bringing the projections up to date failed")
        return response

    @app.context_processor
    def plugin_template_helpers() -> dict[str, Callable[..., Any]]:
        return {
            "menu_links": lambda actor=None: menu_links(plugins, service, actor),
            "partnership_panels": lambda pid, actor=None: partnership_panels(
                plugins, service, pid, actor
            ),
        }

    start_reactions(projections, plugins)
    if mode != "workers":
        projections.catch_up()  # events recorded by the CLI (demo, imports) before we started
    plugins.call("startup", service=service, flask_app=app)
    return plugins


def is_api_blueprint(blueprint: object) -> bool:
    """A flask-smorest blueprint: its routes belong in the OpenAPI document."""
    try:
        import flask_smorest
    except ImportError:  # pragma: no cover - the API depends on it
        return False
    return isinstance(blueprint, flask_smorest.Blueprint)


def register_plugin_api(app: Flask) -> None:
    """Register the plugins' flask-smorest blueprints with the app's API (made after the
    plugins), so /api/v1/openapi.json describes their routes. Call it after the API exists."""
    plugins = plugins_of(app)
    api = app.extensions.get("samverkan.api")
    for plugin, blueprint in app.extensions.pop(API_BLUEPRINTS, []):
        try:
            if api is not None:
                api.register_blueprint(blueprint)
            else:
                app.register_blueprint(blueprint)
        except Exception as error:
            plugins.fail(plugin, "register_blueprints", error)


def menu_links(plugins: Plugins, service: Samverkan, actor: Actor | None) -> list[MenuLink]:
    links = plugins.collect("menu_links", service=service, actor=actor)
    return _as(plugins, "menu_links", links, MenuLink)


def partnership_panels(
    plugins: Plugins, service: Samverkan, partnership_id: UUID, actor: Actor | None
) -> list[Panel]:
    """The plugins' panels for one partnership page, in their ``order``.

    The partnership page keeps its body, panels included, until a projection moves on
    (web/ui/fragments.py), once for each language and each kind of access to the
    partnership (the user's role; the organisation's role, and when it left). So a panel
    must show what the read models hold, the same to every viewer with the same access."""
    found = plugins.collect(
        "partnership_panels", service=service, partnership_id=partnership_id, actor=actor
    )
    panels = _as(plugins, "partnership_panels", found, Panel)
    return sorted(panels, key=lambda panel: panel.order)


def exporters(plugins: Plugins, service: Samverkan) -> dict[str, Exporter]:
    """Exporters by name (the first plugin to claim a name keeps it)."""
    found: dict[str, Exporter] = {}
    for _plugin, exporter in plugins.collect("register_exporters", service=service):
        found.setdefault(exporter.name, exporter)
    return found


def template_vars(plugins: Plugins, service: Samverkan, template: str) -> dict[str, Any]:
    """The plugins' ``extra_template_vars`` for one template, merged in plugin order."""
    merged: dict[str, Any] = {}
    for _plugin, extra in plugins.call("extra_template_vars", template=template, service=service):
        merged.update(extra)
    return merged


def translations(plugins: Plugins, service: Samverkan) -> dict[str, dict[str, str]]:
    """The plugins' messages per locale, merged (the core's own catalogue wins over these)."""
    merged: dict[str, dict[str, str]] = {}
    for _plugin, catalogue in plugins.call("register_translations", service=service):
        for locale, messages in dict(catalogue).items():
            merged.setdefault(locale, {}).update(messages)
    return merged


def _as(plugins: Plugins, hook: str, found: list[tuple[str, Any]], cls: type[T]) -> list[T]:
    """Items of ``cls`` (or dicts of its fields); a malformed one is the plugin's failure."""
    items: list[T] = []
    for plugin, item in found:
        try:
            items.append(item if isinstance(item, cls) else cls(**item))
        except Exception as error:
            plugins.fail(plugin, hook, error)
    return items
