"""The scale-up tracker's read model: every scale-up event as a dated row."""

from __future__ import annotations

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import dated_table

metadata = sa.MetaData()
scale_up_events = dated_table("scaleups_events", metadata)
