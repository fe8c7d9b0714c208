"""What every view's API route and page does first: who may see how much of a partnership."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from flask import request

from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput, NotFound
from samverkan.plugins.ledger.common import earliest, reading_limit
from samverkan.readmodels.current_state import load_current
from samverkan.web.api.conventions import parse_as_of
from samverkan.web.auth import require_user, service


def partnership_cutoff(partnership_id: UUID) -> datetime | None:
    """404 for an unknown or invisible partnership; else the recording time to read up to:
    ``?as_of=`` (a date is the end of that day in Stockholm), a former member's leaving, or
    None for the present. A bad ``as_of`` is a 422 naming the field."""
    user = require_user()
    if load_current(service().sql, Partnership, partnership_id) is None:
        raise NotFound(f"No partnership {partnership_id}")
    limit = reading_limit(service().sql, user, partnership_id)
    raw = request.args.get("as_of", "").strip()
    return earliest(parse_as_of(raw) if raw else None, limit)


def page_cutoff(partnership_id: UUID) -> tuple[datetime | None, datetime | None, str | None]:
    """For pages: (cut-off, the as_of asked for, an error to show beside the as-of field)."""
    try:
        cutoff = partnership_cutoff(partnership_id)
    except InvalidInput:
        user = require_user()
        limit = reading_limit(service().sql, user, partnership_id)
        return limit, None, "as_of"
    raw = request.args.get("as_of", "").strip()
    return cutoff, parse_as_of(raw) if raw else None, None
