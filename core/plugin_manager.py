"""The plugin manager: built-in plugins and the entry-point group ``samverkan``, one way in.

One ``Plugins`` is made per application (the web app keeps it in
``app.extensions["samverkan.plugins"]``, the CLI in its context): no module-level manager, so
tests and several apps in one process never share plugins by accident.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

import pluggy
import sqlalchemy as sa

from samverkan import hookspecs
from samverkan.hookspecs import PROJECT
from samverkan.storage.plugin_failures import PluginFailure, read_failures, record_failure

log = logging.getLogger(__name__)

DEFAULT_PLUGINS: tuple[str, ...] = (
    "samverkan.readmodels.records_index",
    "samverkan.readmodels.current_state",
    "samverkan.readmodels.memberships",
    "samverkan.readmodels.event_index",
    "samverkan.plugins.ledger",
    "samverkan.plugins.measures",
    "samverkan.plugins.register",
    "samverkan.plugins.calendar",
    "samverkan.plugins.scaleups",
    "samverkan.plugins.clinics",
)
"""Built-in plugins, as importable modules; each is registered under its dotted name."""

REQUIRED_PLUGINS: frozenset[str] = frozenset(
    (
        "samverkan.readmodels.records_index",
        "samverkan.readmodels.current_state",
        "samverkan.readmodels.memberships",
        "samverkan.readmodels.event_index",
        "samverkan.plugins.ledger",
        "samverkan.plugins.measures",
    )
)
"""Built-ins the core's pages and API read from, and those serving API.md's routes (the
ledger): the settings cannot switch them off."""


def _names(value: Any) -> frozenset[str] | None:
    if value is None or value == "":
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    return frozenset(str(item).strip() for item in items if str(item).strip())


@dataclass(frozen=True)
class PluginSettings:
    """Which plugins to load: ``only`` (None: all), never ``disabled``; ``trace`` logs calls."""

    only: frozenset[str] | None = None
    disabled: frozenset[str] = frozenset()
    trace: bool = False

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None = None) -> PluginSettings:
        """Flask config (PLUGINS, DISABLE_PLUGINS, TRACE_PLUGINS) wins over the environment
        (SAMVERKAN_PLUGINS, SAMVERKAN_DISABLE_PLUGINS, SAMVERKAN_TRACE_PLUGINS); lists are
        comma-separated names."""
        config = config or {}

        def setting(key: str) -> Any:
            value = config.get(key)
            return value if value is not None else os.environ.get(f"SAMVERKAN_{key}")

        trace = setting("TRACE_PLUGINS")
        return cls(
            only=_names(setting("PLUGINS")),
            disabled=_names(setting("DISABLE_PLUGINS")) or frozenset(),
            trace=str(trace).lower() in ("1", "true", "yes", "y") if trace is not None else False,
        )

    def allows(self, name: str) -> bool:
        if name in REQUIRED_PLUGINS:
            return True
        if self.only is not None and name not in self.only:
            return False
        return name not in self.disabled


class Plugins:
    """A pluggy manager with the Samverkan hooks, and the failures of its plugins.

    Failures are kept in memory until ``record_failures_in(engine)``; from then on each is
    written to the store's ``plugin_failures`` table too, and ``failures`` reads that table,
    so every process on the store sees what any of them recorded.
    """

    def __init__(
        self,
        settings: PluginSettings | None = None,
        *,
        defaults: Sequence[str] = DEFAULT_PLUGINS,
        extra: Iterable[tuple[str, object]] = (),
    ) -> None:
        self.settings = settings or PluginSettings()
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.versions: dict[str, str | None] = {}
        self.builtin: set[str] = set()
        self._failures: dict[tuple[str, str], PluginFailure] = {}
        self._engine: sa.Engine | None = None
        for module_name in defaults:
            self._register_module(module_name)
        self._register_entry_points()
        for name, plugin in extra:
            self.register(plugin, name)
        # A misspelt hook implementation fails here, loudly, not silently never called.
        self.pm.check_pending()

    # Loading

    def register(self, plugin: object, name: str, version: str | None = None) -> None:
        """Register an in-process plugin (tests, embedding applications)."""
        if not self.settings.allows(name):
            return
        self.pm.register(plugin, name=name)
        self.versions[name] = version

    def _register_module(self, module_name: str) -> None:
        if not self.settings.allows(module_name):
            return
        module = importlib.import_module(module_name)  # a broken built-in is a bug: raise
        self.register(module, module_name)
        self.builtin.add(module_name)

    def _register_entry_points(self) -> None:
        for entry_point in entry_points(group=PROJECT):
            name = entry_point.name
            if not self.settings.allows(name) or self.pm.get_plugin(name) is not None:
                continue
            try:
                plugin = entry_point.load()
            except Exception as error:  # a broken third-party plugin must not stop the service
                self.fail(name, "load", error)
                continue
            version = entry_point.dist.version if entry_point.dist is not None else None
            self.register(plugin, name, version)

    # Calling

    def call(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call every implementation of ``hook``; return (plugin name, result) pairs.

        Each implementation runs on its own, so one that raises is recorded (``failures``)
        and logged with its plugin's name while the others still answer.
        """
        caller = getattr(self.pm.hook, hook)
        results: list[tuple[str, Any]] = []
        for impl in reversed(caller.get_hookimpls()):  # pluggy's order: last registered first
            if self.settings.trace:
                log.info("plugin hook %s -> %s", hook, impl.plugin_name)
            try:
                result = impl.function(**{name: kwargs[name] for name in impl.argnames})
            except Exception as error:
                self.fail(impl.plugin_name, hook, error)
                continue
            if result is not None:
                results.append((impl.plugin_name, result))
        return results

    def collect(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Like ``call`` for hooks that return iterables: one (plugin, item) pair per item."""
        items: list[tuple[str, Any]] = []
        for plugin, result in self.call(hook, **kwargs):
            try:
                items.extend((plugin, item) for item in result)
            except Exception as error:  # a generator can raise while we iterate it
                self.fail(plugin, hook, error)
        return items

    def fail(self, plugin: str, hook: str, error: BaseException) -> None:
        """Record and log a plugin's error; the service carries on without that answer."""
        message = f"{type(error).__name__}: {error}"
        log.error("plugin %s failed in %s: %s", plugin, hook, message, exc_info=error)
        failure = self._failures.get((plugin, hook))
        if failure is None:
            self._failures[(plugin, hook)] = PluginFailure(plugin, hook, message)
        else:
            failure.error = message
            failure.count += 1
        if self._engine is not None:
            self._store(plugin, hook, message, 1)

    def record_failures_in(self, engine: sa.Engine) -> None:
        """Write failures to ``engine``'s table from now on, those seen so far first."""
        self._engine = engine
        for failure in self._failures.values():
            self._store(failure.plugin, failure.hook, failure.error, failure.count)

    def _store(self, plugin: str, hook: str, message: str, count: int) -> None:
        if self._engine is None:
            return
        try:
            record_failure(self._engine, plugin, hook, message, count)
        except Exception:  # the store is down: the failure is still logged and kept here
            log.exception("recording the failure of plugin %s in %s failed", plugin, hook)

    # Listing

    @property
    def failures(self) -> list[PluginFailure]:
        """Every process's failures when recorded in a store, else this process's own."""
        if self._engine is not None:
            try:
                return read_failures(self._engine)
            except Exception:
                log.exception("reading the plugins' failures failed")
        return list(self._failures.values())

    def failing(self) -> list[str]:
        """The names of the plugins that have failed, sorted."""
        return sorted({failure.plugin for failure in self.failures})

    def names(self) -> list[str]:
        return sorted(name for name, _ in self.pm.list_name_plugin())

    def hooks_of(self, name: str) -> list[str]:
        plugin = self.pm.get_plugin(name)
        if plugin is None:
            return []
        return sorted(caller.name for caller in self.pm.get_hookcallers(plugin) or [])

    def listing(self) -> list[dict[str, Any]]:
        """Plugins, versions, hooks and failures, as /-/plugins and `samverkan plugins` show."""
        failed = {name for name, _hook in self._failures} | set(self.failing())
        rows = [
            {
                "name": name,
                "version": self.versions.get(name),
                "builtin": name in self.builtin,
                "hooks": self.hooks_of(name),
            }
            for name in self.names()
        ]
        # Plugins that failed to load are listed too, with no hooks.
        rows.extend(
            {"name": name, "version": None, "builtin": False, "hooks": []}
            for name in sorted(failed - set(self.names()))
        )
        return rows
