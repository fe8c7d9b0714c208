"""The ledger page of a partnership (every agreement, side by side numbers) and its panel."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from flask import Blueprint, render_template, request, url_for
from flask_babel import format_currency, format_decimal
from flask_babel import gettext as _

from samverkan import Panel
from samverkan.errors import InvalidInput, NotFound
from samverkan.plugins.ledger.common import actor_limit, earliest, organisation_names, reading_limit
from samverkan.plugins.ledger.ledger import Ledger, agreements_of, ledger_of
from samverkan.web.api.conventions import parse_as_of
from samverkan.web.auth import require_user, service

if TYPE_CHECKING:
    from samverkan.application.service import Samverkan
    from samverkan.domain.base import Actor

pages = Blueprint("ledger_pages", __name__, template_folder="templates")


def requested_as_of() -> tuple[datetime | None, str | None]:
    """``?as_of=`` from the page's form: the moment, or an error to show beside the field."""
    raw = request.args.get("as_of", "").strip()
    if not raw:
        return None, None
    try:
        return parse_as_of(raw), None
    except InvalidInput:
        return None, _("Give a date such as 2026-03-01.")


def ledgers_of(engine: Any, partnership_id: UUID, as_of: datetime | None) -> list[Ledger]:
    """The partnership's ledgers as of a moment; agreements made later are left out."""
    found = []
    for row in agreements_of(engine, partnership_id):
        try:
            found.append(ledger_of(engine, UUID(row["id"]), as_of=as_of))
        except NotFound:
            continue
    return found


def formatters(currency: str) -> dict[str, Any]:
    return {
        "money": lambda value: format_currency(value, currency),
        "number": lambda value: format_decimal(value),
    }


@pages.get("/partnerships/<uuid:partnership_id>/ledger")
def ledger_page(partnership_id: UUID) -> str:
    user = require_user()
    engine = service().sql
    limit = reading_limit(engine, user, partnership_id)
    as_of, error = requested_as_of()
    ledgers = ledgers_of(engine, partnership_id, earliest(as_of, limit))
    parties = [party.organisation_id for ledger in ledgers for party in ledger.parties]
    return render_template(
        "ledger/page.html",
        partnership_id=partnership_id,
        ledgers=ledgers,
        names=organisation_names(engine, parties),
        formatters=formatters,
        as_of=as_of,
        as_of_value=request.args.get("as_of", ""),
        as_of_error=error,
        as_of_exit_url=url_for("ledger_pages.ledger_page", partnership_id=partnership_id),
    )


def panel(service: Samverkan, partnership_id: UUID, actor: Actor | None) -> list[Panel]:
    """Each agreement's parties: agreed share, contributed money and balance, as of now."""
    engine = service.sql
    ledgers = ledgers_of(engine, partnership_id, actor_limit(engine, actor, partnership_id))
    if not ledgers:
        return []
    parties = [party.organisation_id for ledger in ledgers for party in ledger.parties]
    html = render_template(
        "ledger/panel.html",
        partnership_id=partnership_id,
        ledgers=ledgers,
        names=organisation_names(engine, parties),
        formatters=formatters,
    )
    return [Panel(title=_("Risk-sharing ledger"), html=str(html), order=40)]
