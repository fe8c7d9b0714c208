"""The ledger's read model: agreements, their shares, and every dated entry.

Each entry keeps the agreement's version and the event's recording time, so a ledger as of
any moment (or version) is the sum of the entries up to it. Amounts are kept as decimal
strings: exact on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

agreements = sa.Table(
    "ledger_agreements",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("partnership_id", sa.String(36), nullable=False, index=True),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("agreed_at", sa.DateTime(timezone=True), nullable=False),
)

shares = sa.Table(
    "ledger_shares",
    metadata,
    sa.Column("agreement_id", sa.String(36), primary_key=True),
    sa.Column("organisation_id", sa.String(36), primary_key=True),
    sa.Column("share", sa.String(40), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),  # the order the agreement listed them
)

# entry: agreed | commitment | contribution | cost | benefit | risk | risk_status
entries = sa.Table(
    "ledger_entries",
    metadata,
    sa.Column("agreement_id", sa.String(36), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("entry", sa.String(20), nullable=False),
    sa.Column("organisation_id", sa.String(36), nullable=True),  # party, or a risk's owner
    sa.Column("kind", sa.String(20), nullable=True),  # money | staff_hours | in_kind
    sa.Column("beneficiary", sa.String(20), nullable=True),
    sa.Column("amount", sa.String(40), nullable=True),
    sa.Column("unit", sa.String(50), nullable=True),
    sa.Column("risk_id", sa.String(36), nullable=True),
    sa.Column("likelihood", sa.Integer, nullable=True),
    sa.Column("impact", sa.Integer, nullable=True),
    sa.Column("status", sa.String(20), nullable=True),
)
