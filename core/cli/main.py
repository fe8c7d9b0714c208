"""The `samverkan` command. Every command picks its store the same way (see StoreConfig)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import click

from samverkan.application.service import Samverkan
from samverkan.audit.keys import ensure_key_pair, key_path
from samverkan.audit.tables import ensure_audit_tables
from samverkan.cli.audit import COMMANDS as AUDIT_COMMANDS
from samverkan.cli.plugins import add_plugin_commands, plugins_command
from samverkan.cli.projections import projections
from samverkan.domain.base import Actor
from samverkan.errors import NotFound, SamverkanError
from samverkan.readmodels.event_index import partnership_history
from samverkan.storage.log import read_log
from samverkan.storage.stores import StoreConfig

F = TypeVar("F", bound=Callable[..., Any])
CONFIG_DIR = Path(str(resources.files("samverkan.config")))


def one_line_errors(command: F) -> F:
    """Errors print one clear line and exit non-zero, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SamverkanError as error:
            click.echo(f"error: {error.detail}", err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:  # the store is unreachable, a file is unreadable...
            click.echo(f"error: {type(error).__name__}: {error}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


class Context:
    def __init__(self, data_dir: str | None) -> None:
        self.config = StoreConfig.from_environment(data_dir)
        self._app: Samverkan | None = None

    @property
    def app(self) -> Samverkan:
        if self._app is None:
            self._app = Samverkan(self.config)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()


pass_context = click.make_pass_decorator(Context)


@click.group()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Directory of the SQLite store (default: $SAMVERKAN_DATA_DIR or ./instance).",
)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """Samverkan: the shared, auditable record of healthcare partnerships."""
    ctx.obj = Context(data_dir)
    ctx.call_on_close(ctx.obj.close)


@main.command()
@pass_context
@one_line_errors
def init(context: Context) -> None:
    """Create the store's tables (run once before serving)."""
    app = context.app
    head = app.recorder.max_notification_id() or 0
    click.echo(f"Store ready: {context.config.description}, {head} events.")
    key, made = ensure_key_pair(context.config)  # the audit log's signing key, outside the DB
    ensure_audit_tables(app.sql)
    click.echo(f"Audit key {key.key_id} ({'made' if made else 'kept'}): {key_path(context.config)}")


@main.command()
@click.option("--if-empty", is_flag=True, help="Do nothing, successfully, if the store has events.")
@pass_context
@one_line_errors
def demo(context: Context, if_empty: bool) -> None:
    """Record the five seed partnerships as real histories (into an empty store only)."""
    from samverkan.demo import load_demo

    app = context.app
    if if_empty and not app.is_empty():
        click.echo("The store already holds events: demo not loaded again.")
        return
    counts = load_demo(app, progress=True)
    click.echo(f"Demo recorded: {counts['partnerships']} partnerships, {counts['events']} events.")


@main.command()
@click.option("--partnership", "partnership_id", help="Only this partnership and its records.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
@one_line_errors
def events(context: Context, partnership_id: str | None, as_json: bool) -> None:
    """The log, oldest first, with actor and type."""
    app = context.app
    if partnership_id is not None:
        try:
            pid = UUID(partnership_id)
        except ValueError:
            raise click.BadParameter("must be a UUID", param_hint="--partnership") from None
        logged_events = partnership_history(app.sql, app, pid)
    else:
        logged_events = read_log(app)
    for logged in logged_events:
        actor = logged.actor
        if as_json:
            row = {
                "id": logged.notification_id,
                "originator_id": str(logged.originator_id),
                "version": logged.version,
                "type": logged.type,
                "at": logged.at.isoformat(),
                "actor": None
                if actor is None
                else {"user_id": str(actor.user_id), "organisation_id": str(actor.organisation_id)},
                "data": logged.data,
            }
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            who = f"org {actor.organisation_id} user {actor.user_id}" if actor else "-"
            click.echo(
                f"{logged.notification_id:>7}  {logged.at:%Y-%m-%d %H:%M:%S}  "
                f"{logged.type:<32} {logged.originator_id} v{logged.version}  {who}"
            )


OPERATOR = Actor(user_id=UUID(int=0), organisation_id=UUID(int=0))
OPERATOR_ORGANISATION = "Samverkan operator"


def organisation_named(app: Samverkan, name: str) -> UUID | None:
    """The id of the organisation now called ``name``, from the log (rarely run)."""
    names: dict[UUID, str] = {}
    for logged in read_log(app):
        if logged.type in ("organisation.registered", "organisation.renamed"):
            names[logged.originator_id] = logged.data["name"]
    return next((oid for oid, current in names.items() if current == name), None)


@main.command("create-admin")
@click.argument("email")
@click.option("--organisation", help="Name of an existing organisation the admin acts for.")
@click.option("--name", default="Administrator", show_default=True, help="The admin's name.")
@pass_context
@one_line_errors
def create_admin(context: Context, email: str, organisation: str | None, name: str) -> None:
    """Create an admin user and print a bearer token for it (shown once)."""
    app = context.app
    wanted = organisation or OPERATOR_ORGANISATION
    organisation_id = organisation_named(app, wanted)
    if organisation_id is None:
        if organisation:
            raise NotFound(f"No organisation named {organisation}")
        organisation_id = app.register_organisation(OPERATOR, wanted, "other", "SE").id
    user = app.create_user(OPERATOR, email, name, organisation_id, "admin")
    _, token = app.issue_token(user.id, label="create-admin", actor=OPERATOR)
    click.echo(token)


@main.command("set-password")
@click.argument("email")
@pass_context
@one_line_errors
def set_password(context: Context, email: str) -> None:
    """Set a user's password, read from standard input."""
    password = sys.stdin.readline().rstrip("\n")
    context.app.set_password(email, password)
    click.echo(f"Password set for {email}.")


@main.command()
@click.option("--bind", default="127.0.0.1:8000", show_default=True, help="HOST:PORT to serve on.")
@click.option("--workers", type=int, help="Number of gunicorn worker processes.")
@pass_context
@one_line_errors
def serve(context: Context, bind: str, workers: int | None) -> None:
    """Serve the API and the UI with gunicorn (config/gunicorn.conf.py)."""
    _ = context.app  # create the schema once, before the workers start
    env = dict(os.environ, SAMVERKAN_BIND=bind, SAMVERKAN_CREATE_TABLES="n")
    env["SAMVERKAN_DATA_DIR"] = str(context.config.data_dir.resolve())
    if workers:
        env["SAMVERKAN_WORKERS"] = str(workers)
    # Prometheus counts of all gunicorn workers are shared through files in this directory.
    env.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="samverkan-metrics-"))
    gunicorn = Path(sys.executable).with_name("gunicorn")
    config = CONFIG_DIR / "gunicorn.conf.py"
    os.execve(gunicorn, [str(gunicorn), "--config", str(config)], env)


main.add_command(projections)
main.add_command(plugins_command)
for audit_command in AUDIT_COMMANDS:  # audit, export, import
    main.add_command(audit_command)
add_plugin_commands(main)  # the plugins' own commands (hook register_commands)


if __name__ == "__main__":
    main()
