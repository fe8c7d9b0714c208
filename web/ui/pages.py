"""What every page shares: template helpers, the as-of time, and error pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from samverkan.domain.organisation import Organisation
from samverkan.readmodels.current_state import load_many
from samverkan.web.auth import service
from samverkan.web.ui.fragments import remembered
from samverkan.web.ui.labels import label

DISPLAY_TIMEZONE = "Europe/Stockholm"


def display_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or DISPLAY_TIMEZONE)


def organisation_names(ids: list[UUID] | set[UUID] | list[str]) -> dict[str, str]:
    """Names of organisations by id (string), from the current-state read model."""
    wanted = sorted({UUID(str(i)) for i in ids})
    found = load_many(service().sql, Organisation, wanted)
    return {str(org.id): org.name for org in found}


def organisation_name(organisation_id: UUID | str) -> str:
    """One organisation's name (kept until the read models move on: the page header
    shows the signed-in user's on every page)."""
    key = str(organisation_id)
    kept = remembered(("organisation_name", key), lambda: organisation_names([key]))
    found = kept.get(key)
    return found if found is not None else str(_("Unknown"))


def parse_as_of(value: str | None) -> datetime | None:
    """The as-of control's value: a local date-time (or a whole date: its end) as UTC.

    Raises ValueError for text that is neither.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    zone = display_zone()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = datetime.combine(date.fromisoformat(text), time.max)
    if len(text) == 10:  # a date alone: the partnership as it was at the end of that day
        moment = datetime.combine(moment.date(), time.max)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def as_of_input(moment: datetime | None) -> str:
    """The value for a datetime-local input, in the display time zone."""
    if moment is None:
        return ""
    return moment.astimezone(display_zone()).strftime("%Y-%m-%dT%H:%M:%S")


def has_endpoint(name: str) -> bool:
    return name in current_app.view_functions


EXPLANATIONS = {
    404: _l("The page does not exist, or you may not see it."),
    405: _l("This page cannot be used like that."),
    413: _l("What you sent is too large."),
}


def error_page(status: int, title: str, detail: str, *, detail_lang: str | None = "en") -> Any:
    """A page for an error: a heading in the page's language; the core's detail is English."""
    titles = {
        400: _("The request could not be understood"),
        403: _("You may not do this"),
        404: _("Not found"),
        405: _("Not allowed here"),
        409: _("This is not possible right now"),
        412: _("Someone else changed this first"),
        413: _("Too much was sent"),
        422: _("Some of the input is not valid"),
        429: _("Too many attempts"),
        500: _("Something went wrong"),
    }
    heading = titles.get(status, title)
    if not detail:  # a bare HTTP error: explain it in the page's language
        detail = str(EXPLANATIONS.get(status, ""))
        detail_lang = None
    page = render_template(
        "error.html", status=status, heading=heading, detail=detail, detail_lang=detail_lang
    )
    return page, status


def init_pages(app: Flask) -> None:
    app.jinja_env.filters["label"] = label

    @app.context_processor
    def page_helpers() -> dict[str, Any]:
        return {
            "organisation_name": organisation_name,
            "has_endpoint": has_endpoint,
            "as_of_input": as_of_input,
        }

    @app.errorhandler(CSRFError)
    def csrf_failed(error: CSRFError) -> Any:
        if request.path.startswith("/api/"):
            return error
        return error_page(
            400,
            "",
            _("The form had expired or did not come from this site. Please try again."),
            detail_lang=None,
        )
