"""The decision register's read model: every decision event as a dated row."""

from __future__ import annotations

import sqlalchemy as sa

from samverkan.plugins.ledger.dated import dated_table

metadata = sa.MetaData()
decision_events = dated_table("register_decision_events", metadata)
