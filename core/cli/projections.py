"""`samverkan projections ...`: status, rebuild and the long-running worker."""

from __future__ import annotations

import json
import signal
import threading
from typing import TYPE_CHECKING, Any, cast

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from samverkan.plugin_manager import Plugins, PluginSettings
from samverkan.projections.runner import ProjectionFailed, Projections

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan


def service_of(ctx: click.Context) -> Samverkan:
    """The application of the `samverkan` command (the CLI's Context), made on first use."""
    return cast("Samverkan", ctx.find_root().obj.app)


def plugins_of(ctx: click.Context) -> Plugins:
    """One plugin manager per command run, kept in the context shared by its subcommands."""
    meta = ctx.find_root().meta
    if "samverkan.plugins" not in meta:
        meta["samverkan.plugins"] = Plugins(PluginSettings.from_config())
    return cast(Plugins, meta["samverkan.plugins"])


def projections_of(ctx: click.Context) -> Projections:
    return Projections.from_plugins(service_of(ctx), plugins_of(ctx))


@click.group()
def projections() -> None:
    """Read models: their positions in the log, rebuilds, and the worker."""


@projections.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per projection.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Each projection's position against the log's head."""
    for row in projections_of(ctx).status():
        if as_json:
            click.echo(json.dumps(row.as_dict()))
            continue
        state = "up to date" if not row.pending else f"{row.pending} events to apply"
        if row.error:
            state = f"FAILED at event {row.failed_at}: {row.error}"
        click.echo(f"{row.name:<28} {row.plugin:<28} {row.position:>9} / {row.head:<9} {state}")


@projections.command()
@click.argument("name", required=False)
@click.pass_context
def rebuild(ctx: click.Context, name: str | None) -> None:
    """Drop a projection's rows (all projections without NAME) and replay the log,
    once for all of them."""
    runner = projections_of(ctx)
    if name and name not in runner.projections:
        raise click.BadParameter(f"known: {', '.join(runner.projections)}", param_hint="NAME")
    names = [name] if name else list(runner.projections)
    head = runner.head()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=False) as progress:
        task = progress.add_task(", ".join(names) if name else "all projections", total=head)

        def advanced(at: int) -> None:
            progress.update(task, completed=at)

        try:
            counts = runner.rebuild_all(names, advanced)
        except ProjectionFailed as failure:
            raise click.ClickException(str(failure)) from None
        progress.update(task, completed=head)
    for each, count in counts.items():
        click.echo(f"{each}: {count} events")


@projections.command()
@click.option("--once", is_flag=True, help="Catch up to the log's head, then exit.")
@click.option("--poll-interval", default=0.05, show_default=True, help="Seconds (SQLite).")
@click.pass_context
def run(ctx: click.Context, once: bool, poll_interval: float) -> None:
    """Follow the log and keep every projection (and plugins' reactions) up to date.

    PostgreSQL: woken by LISTEN/NOTIFY; SQLite: polls. Several workers may run at once.
    """
    from samverkan.projections.worker import deliver_reactions, follow, start_reactions

    runner, plugins = projections_of(ctx), plugins_of(ctx)
    if once:
        start_reactions(runner, plugins)
        applied = runner.catch_up()
        deliver_reactions(runner, plugins)
        failed = [s for s in runner.status() if s.error]
        click.echo(json.dumps({"applied": applied, "failed": [s.name for s in failed]}))
        if failed:
            raise SystemExit(1)
        return
    stop = threading.Event()

    def stop_on_signal(_signal: int, _frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stop_on_signal)
    click.echo(f"Following the log with {len(runner.projections)} projections; Ctrl-C stops.")
    try:
        follow(runner, plugins, stop, poll_interval=poll_interval)
    except KeyboardInterrupt:
        stop.set()
