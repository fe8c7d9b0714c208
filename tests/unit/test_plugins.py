"""The plugin contract: every hook documented and tested; settings; failures isolated."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pluggy
import pytest
from click.testing import CliRunner

from samverkan import Exporter, MenuLink, Panel, hookimpl, hookspecs
from samverkan.application.service import Samverkan
from samverkan.plugin_manager import REQUIRED_PLUGINS, Plugins, PluginSettings
from samverkan.projections.runner import Projections
from samverkan.storage.stores import StoreConfig
from samverkan.web.plugins import (
    exporters,
    menu_links,
    partnership_panels,
    template_vars,
    translations,
)

ROOT = Path(__file__).resolve().parents[2]
HOOKS = sorted(name for name in vars(hookspecs) if hasattr(vars(hookspecs)[name], "samverkan_spec"))
TEST_FILES = [
    *ROOT.glob("tests/unit/test_plugins*.py"),
    *ROOT.glob("tests/integration/test_projections*.py"),
]


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Samverkan]:
    application = Samverkan(StoreConfig(data_dir=tmp_path))
    yield application
    application.close()


class Broken:
    """A plugin whose hooks raise: it must be named, and must not stop the others."""

    @hookimpl
    def menu_links(self, service: Any, actor: Any) -> list[MenuLink]:
        raise RuntimeError("menu is broken")

    @hookimpl
    def partnership_panels(self, service: Any, partnership_id: Any, actor: Any) -> Any:
        return [{"title": "no html field"}]  # malformed: reported, not raised


def test_there_are_hooks() -> None:
    assert {"register_projections", "on_events", "startup", "register_commands"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_plugin_hooks_are_documented(hook: str) -> None:
    docs = (ROOT / "docs" / "plugins.md").read_text()
    assert re.search(rf"^### `{hook}\(", docs, re.M), f"hook {hook} is not in docs/plugins.md"


@pytest.mark.parametrize("hook", HOOKS)
def test_plugin_hooks_have_tests(hook: str) -> None:
    tests = "\n".join(path.read_text() for path in TEST_FILES)
    assert re.search(rf"^def test_hook_{hook}\b", tests, re.M), f"hook {hook} has no test"


def test_hook_specs_are_typed_and_explained() -> None:
    for hook in HOOKS:
        spec = vars(hookspecs)[hook]
        assert spec.__doc__ and spec.__doc__.strip(), hook
        assert "return" in spec.__annotations__, hook


# Loading


def test_builtins_and_the_entry_point_plugin_are_loaded(example_plugin: str) -> None:
    plugins = Plugins()
    assert "samverkan.readmodels.records_index" in plugins.names()
    assert example_plugin in plugins.names()
    row = next(row for row in plugins.listing() if row["name"] == example_plugin)
    assert row["version"] == "0.1.0"
    assert not row["builtin"]
    assert set(row["hooks"]) == set(HOOKS), "the example plugin implements every hook"


def test_each_application_has_its_own_manager(example_plugin: str) -> None:
    first, second = Plugins(), Plugins(PluginSettings(disabled=frozenset({example_plugin})))
    assert example_plugin in first.names()
    assert example_plugin not in second.names()
    assert first.pm is not second.pm


def test_only_loads_the_named_plugins_and_the_required_ones(example_plugin: str) -> None:
    plugins = Plugins(PluginSettings(only=frozenset({"nothing-else"})))
    assert set(plugins.names()) == set(REQUIRED_PLUGINS)


def test_settings_from_the_environment_and_flask_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMVERKAN_PLUGINS", "a, b")
    monkeypatch.setenv("SAMVERKAN_DISABLE_PLUGINS", "c")
    settings = PluginSettings.from_config()
    assert settings.only == {"a", "b"} and settings.disabled == {"c"}
    config_wins = PluginSettings.from_config({"DISABLE_PLUGINS": ["d"], "TRACE_PLUGINS": True})
    assert config_wins.disabled == {"d"} and config_wins.trace
    assert config_wins.only == {"a", "b"}


def test_required_builtins_cannot_be_disabled() -> None:
    disabled = frozenset(REQUIRED_PLUGINS)
    assert set(REQUIRED_PLUGINS) <= set(Plugins(PluginSettings(disabled=disabled)).names())


def test_a_misspelt_hook_fails_loudly_at_start() -> None:
    class Misspelt:
        @hookimpl
        def menu_link(self, service: Any, actor: Any) -> list[MenuLink]:
            return []

    with pytest.raises(pluggy.PluginValidationError, match="menu_link"):
        Plugins(extra=[("misspelt", Misspelt())])


def test_tracing_logs_each_hook_call(caplog: pytest.LogCaptureFixture, service: Samverkan) -> None:
    plugins = Plugins(PluginSettings(trace=True))
    with caplog.at_level(logging.INFO, logger="samverkan.plugin_manager"):
        plugins.call("register_projections", service=service)
    assert "register_projections -> samverkan.readmodels.records_index" in caplog.text


# Failures


def test_a_raising_hook_is_named_and_the_others_still_answer(
    example_plugin: str, service: Samverkan
) -> None:
    plugins = Plugins(extra=[("broken", Broken())])
    Projections.from_plugins(service, plugins)  # the example panel reads its table
    links = menu_links(plugins, service, None)
    assert MenuLink("/example/", "Example") in links
    panels = partnership_panels(plugins, service, uuid.uuid4(), None)
    assert [panel.title for panel in panels] == ["Meetings"]
    failures = {(f.plugin, f.hook): f for f in plugins.failures}
    assert "menu is broken" in failures[("broken", "menu_links")].error
    assert "TypeError" in failures[("broken", "partnership_panels")].error
    menu_links(plugins, service, None)
    failures = {(f.plugin, f.hook): f for f in plugins.failures}  # read again: a snapshot
    assert failures[("broken", "menu_links")].count == 2
    assert {row["name"] for row in plugins.listing()} >= {"broken", example_plugin}


# The hooks, through the example plugin (startup, projections, blueprints, on_events:
# see test_plugins_web.py and tests/integration/test_projections*.py)


def test_hook_menu_links(example_plugin: str, service: Samverkan) -> None:
    assert menu_links(Plugins(), service, None) == [MenuLink("/example/", "Example")]


def test_hook_partnership_panels(example_plugin: str, service: Samverkan) -> None:
    plugins = Plugins()
    Projections.from_plugins(service, plugins)  # creates the example's table
    panels = partnership_panels(plugins, service, uuid.uuid4(), None)
    assert panels == [Panel("Meetings", "<p>0 meetings held</p>", 50)]


def test_hook_register_exporters(example_plugin: str, service: Samverkan) -> None:
    plugins = Plugins()
    Projections.from_plugins(service, plugins)
    found = exporters(plugins, service)
    exporter = found["meetings-csv"]
    assert isinstance(exporter, Exporter) and exporter.media_type == "text/csv"
    assert exporter.render(service, uuid.uuid4()).splitlines() == ["held_on,kind,place"]


def test_hook_extra_template_vars(example_plugin: str, service: Samverkan) -> None:
    assert template_vars(Plugins(), service, "partnership.html") == {
        "example_template": "partnership.html"
    }


def test_hook_register_translations(example_plugin: str, service: Samverkan) -> None:
    messages = translations(Plugins(), service)
    assert messages["sv"]["Meetings"] == "Möten"
    assert messages["nb"]["Meetings"] == "Møter"


def test_hook_register_commands(example_plugin: str) -> None:
    from samverkan.cli.plugins import add_plugin_commands

    @click.group()
    def cli() -> None:
        pass

    add_plugin_commands(cli)
    assert "example-meetings" in cli.commands
    result = CliRunner().invoke(cli, ["example-meetings", "--help"])
    assert result.exit_code == 0, result.output
    assert "meetings of a partnership" in result.output
