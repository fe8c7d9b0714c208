"""The calendar's read model: meetings, and the decisions taken at them, as dated rows."""

from __future__ import annotations

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import dated_table

metadata = sa.MetaData()
calendar_events = dated_table("calendar_events", metadata)
