"""`samverkan plugins`, and the plugins' own commands added to `samverkan`."""

from __future__ import annotations

import json

import click

from samverkan.cli.projections import plugins_of, projections_of, service_of
from samverkan.plugin_manager import Plugins, PluginSettings
from samverkan.storage.plugin_failures import clear_failures


@click.command(name="plugins")
@click.option("--json", "as_json", is_flag=True, help="The listing of /-/plugins, as JSON.")
@click.option(
    "--clear-failures",
    "clear",
    metavar="PLUGIN",
    help="Forget PLUGIN's recorded failures ('all': every plugin's), once it is fixed.",
)
@click.pass_context
def plugins_command(ctx: click.Context, as_json: bool, clear: str | None) -> None:
    """Plugins: versions, hooks, projections and their positions, failures (every process's)."""
    if clear is not None:
        engine = service_of(ctx).sql
        gone = clear_failures(engine, None if clear == "all" else clear)
        click.echo(f"cleared {gone} failure(s)")
        return
    plugins = plugins_of(ctx)
    statuses = projections_of(ctx).status()
    listing = {
        "plugins": plugins.listing(),
        "projections": [status.as_dict() for status in statuses],
        "failures": [failure.as_dict() for failure in plugins.failures],
    }
    if as_json:
        click.echo(json.dumps(listing, indent=2))
        return
    for plugin in listing["plugins"]:
        version = plugin["version"] or ("built-in" if plugin["builtin"] else "-")
        click.echo(f"{plugin['name']} ({version}): {', '.join(plugin['hooks']) or 'no hooks'}")
        for status in statuses:
            if status.plugin == plugin["name"]:
                click.echo(f"    projection {status.name}: {status.position} / {status.head}")
    for failure in plugins.failures:
        click.echo(f"FAILED {failure.plugin} in {failure.hook}: {failure.error}", err=True)


def add_plugin_commands(cli: click.Group) -> Plugins:
    """Let every plugin add its commands (``register_commands``) to the `samverkan` group."""
    plugins = Plugins(PluginSettings.from_config())
    plugins.call("register_commands", cli=cli)
    return plugins
