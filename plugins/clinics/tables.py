"""The clinic dashboard's read model: the events it scores, as dated rows."""

from __future__ import annotations

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import dated_table

metadata = sa.MetaData()
clinic_events = dated_table("clinics_events", metadata)
