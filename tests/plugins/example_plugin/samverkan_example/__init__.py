"""An example third-party Samverkan plugin: one implementation of every hook."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

import click
import sqlalchemy as sa
from markupsafe import escape

from samverkan import Exporter, MenuLink, Panel, csv_safe, hookimpl
from samverkan.storage.log import LoggedEvent

from .projection import Meetings, meetings_of

reactions_metadata = sa.MetaData()
seen = sa.Table(
    "example_seen_events",
    reactions_metadata,
    sa.Column("notification_id", sa.BigInteger, primary_key=True),
    sa.Column("type", sa.String(100), nullable=False),
)


@hookimpl
def startup(service: Any, flask_app: Any) -> None:
    reactions_metadata.create_all(service.sql)
    if flask_app is not None:
        flask_app.extensions["example.started"] = True


@hookimpl
def register_projections(service: Any) -> Iterable[type]:
    return [Meetings]


@hookimpl
def register_blueprints(service: Any) -> Iterable[Any]:
    from .views import api, pages

    return [pages, api]


@hookimpl
def menu_links(service: Any, actor: Any) -> Iterable[MenuLink]:
    return [MenuLink(href="/example/", label="Example")]


@hookimpl
def partnership_panels(service: Any, partnership_id: UUID, actor: Any) -> Iterable[Panel]:
    count = len(meetings_of(service.sql, str(partnership_id)))
    return [Panel(title="Meetings", html=f"<p>{escape(count)} meetings held</p>", order=50)]


@click.command(name="example-meetings")
@click.argument("partnership_id")
@click.pass_context
def meetings_command(ctx: click.Context, partnership_id: str) -> None:
    """Print the meetings of a partnership from the example's projection."""
    service = ctx.find_root().obj.app
    for meeting in meetings_of(service.sql, partnership_id):
        click.echo(f"{meeting['held_on']} {meeting['kind']} {meeting['place']}")


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(meetings_command)


def meetings_csv(service: Any, partnership_id: UUID) -> str:
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(["held_on", "kind", "place"])
    for meeting in meetings_of(service.sql, str(partnership_id)):
        writer.writerow([meeting["held_on"], meeting["kind"], meeting["place"]])
    return out.getvalue()


@hookimpl
def register_exporters(service: Any) -> Iterable[Exporter]:
    return [
        Exporter(name="meetings-csv", media_type="text/csv", extension="csv", render=meetings_csv)
    ]


@hookimpl
def on_events(service: Any, events: Sequence[LoggedEvent]) -> None:
    """Remember each event once (a webhook would POST it); tolerates a batch seen again."""
    reactions_metadata.create_all(service.sql)
    with service.sql.begin() as connection:
        for event in events:
            connection.execute(seen.delete().where(seen.c.notification_id == event.notification_id))
            connection.execute(
                seen.insert().values(notification_id=event.notification_id, type=event.type)
            )


@hookimpl
def extra_template_vars(template: str, service: Any) -> Mapping[str, Any]:
    return {"example_template": template}


@hookimpl
def register_translations(service: Any) -> Mapping[str, Mapping[str, str]]:
    return {"sv": {"Meetings": "Möten"}, "nb": {"Meetings": "Møter"}}
