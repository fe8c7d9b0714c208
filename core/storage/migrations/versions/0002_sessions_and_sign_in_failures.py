"""Server-side sessions, and sign-in failures counted per e-mail and client address.

The old ``login_failures`` table (made outside Alembic by the pages) is dropped: it held only
the last quarter hour's failures.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id_sha256", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("email", sa.String(320), primary_key=True),
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("blocked_until", sa.DateTime(timezone=True)),
    )
    op.execute("DROP TABLE IF EXISTS login_failures")


def downgrade() -> None:
    op.drop_table("sign_in_failures")
    op.drop_table("sessions")
