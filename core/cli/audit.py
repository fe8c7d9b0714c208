"""`samverkan audit verify|checkpoint|sequence`, `samverkan export` and `samverkan import`.

core/cli/main.py registers these (`for command in COMMANDS: main.add_command(command)`).
They reach the store through click's context object (samverkan.cli.main.Context), not by
importing samverkan.cli.main, which imports this module.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from samverkan.audit.checkpoints import checkpoint_note, sign_checkpoint
from samverkan.audit.exchange import export_store, import_store
from samverkan.audit.note import b64
from samverkan.audit.sequencer import catch_up
from samverkan.audit.sqlstore import tree_size
from samverkan.audit.tables import ensure_audit_tables
from samverkan.audit.verify import verify_store
from samverkan.audit.verify_report import Report
from samverkan.errors import SamverkanError
from samverkan.storage.stores import StoreConfig

F = TypeVar("F", bound=Callable[..., Any])
PROGRESS_FROM = 10_000
"""Show a progress bar from this many sequenced events on."""


class StoreContext(Protocol):
    @property
    def config(self) -> StoreConfig: ...
    @property
    def app(self) -> Any: ...


def _errors_on_one_line(command: F) -> F:
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SamverkanError as error:
            click.echo(f"error: {error.detail}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group()
def audit() -> None:
    """The tamper-evident audit log: verify it, sign checkpoints, sequence new events."""


@audit.command()
@click.option(
    "--checkpoint",
    "checkpoint_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A checkpoint note (checkpoint.txt) a partner kept: the store must be consistent.",
)
@click.pass_obj
@_errors_on_one_line
def verify(context: StoreContext, checkpoint_file: Path | None) -> None:
    """Recompute every leaf from the store and check the tree and every checkpoint.

    Exits 0 when everything holds; otherwise 1, naming the first bad position.
    """
    app = context.app
    kept = checkpoint_file.read_text(encoding="utf-8") if checkpoint_file else None
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        size = tree_size(connection)
    if size >= PROGRESS_FROM:
        columns = (
            TextColumn("verifying"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("verify", total=size)
            report = verify_store(app, kept, lambda n: bar.advance(task, n))
    else:
        report = verify_store(app, kept)
    _print_report(report)


def _print_report(report: Report) -> None:
    first = report.first()
    if first is None:
        pending = f"; {report.pending} newer events not yet sequenced" if report.pending else ""
        click.echo(
            f"OK: {report.size} events verified against the tree and "
            f"{report.checkpoints} signed checkpoints{pending}."
        )
        return
    click.echo(f"FAILED at {first}", err=True)
    for problem in report.problems:
        if problem is not first:
            click.echo(f"  also {problem}", err=True)
    sys.exit(1)


@audit.command()
@click.pass_obj
@_errors_on_one_line
def checkpoint(context: StoreContext) -> None:
    """Sequence what is stored and sign the tree head now; print it as a signed note."""
    signed = sign_checkpoint(context.app)
    click.echo(checkpoint_note(context.app, signed), nl=False)


@audit.command()
@click.pass_obj
@_errors_on_one_line
def sequence(context: StoreContext) -> None:
    """Give every stored event not yet in the tree its position."""
    size = catch_up(context.app)
    click.echo(f"Sequenced: the tree holds {size} events.")


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.pass_obj
@_errors_on_one_line
def export_command(context: StoreContext, file: Path) -> None:
    """Write the whole store as a verifiable bundle (check it with samverkan-verify)."""
    try:
        with file.open("wb") as out:
            signed = export_store(context.app, out)
    except BaseException:
        file.unlink(missing_ok=True)  # never leave half a bundle behind
        raise
    click.echo(f"Exported {signed.size} events to {file}; root {b64(signed.root_hash)}.")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
@_errors_on_one_line
def import_command(context: StoreContext, file: Path) -> None:
    """Load a bundle into an empty store, verifying it first and the root as it goes."""
    size, root_hash = import_store(context.app, file)
    click.echo(f"Imported {size} events; root {b64(root_hash)} (the bundle's).")


COMMANDS = (audit, export_command, import_command)
