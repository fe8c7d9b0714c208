"""Plugins' failures, shared by every worker process on the store.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "plugin_failures",
        sa.Column("plugin", sa.String(200), primary_key=True),
        sa.Column("hook", sa.String(200), primary_key=True),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("plugin_failures")
