"""`samverkan plugins`, and the plugins' own commands added to `samverkan`."""

from __future__ import annotations

import json

import click

from samverkan.cli.projections import plugins_of, projections_of
from samverkan.plugin_manager import Plugins, PluginSettings


@click.command(name="plugins")
@click.option("--json", "as_json", is_flag=True, help="The listing of /-/plugins, as JSON.")
@click.pass_context
def plugins_command(ctx: click.Context, as_json: bool) -> None:
    """Plugins: versions, hooks, projections and their positions, failures."""
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
