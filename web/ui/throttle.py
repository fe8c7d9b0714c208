"""Login throttling: after a few failed attempts for one e-mail from one address, wait.

Attempts are rows in SQL (shared by every worker and process), not in memory.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)

metadata = sa.MetaData()

login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("login_failures_by_email_address", "email", "address", "at"),
)


def create_table(engine: sa.Engine) -> None:
    """Make the table if it is missing (several workers may race: the loser's error is moot)."""
    try:
        metadata.create_all(engine, checkfirst=True)
    except sa.exc.SQLAlchemyError:
        if not sa.inspect(engine).has_table("login_failures"):
            raise


def _key(email: str) -> str:
    return email.strip().lower()[:320]


def is_throttled(engine: sa.Engine, email: str, address: str) -> bool:
    since = datetime.now(UTC) - WINDOW
    with engine.connect() as connection:
        count = connection.execute(
            sa.select(sa.func.count())
            .select_from(login_failures)
            .where(
                login_failures.c.email == _key(email),
                login_failures.c.address == address[:64],
                login_failures.c.at > since,
            )
        ).scalar_one()
    return int(count) >= MAX_FAILURES


def record_failure(engine: sa.Engine, email: str, address: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            login_failures.insert().values(
                email=_key(email), address=address[:64], at=datetime.now(UTC)
            )
        )
        # Old rows say nothing any more: keep the table small.
        connection.execute(
            login_failures.delete().where(login_failures.c.at < datetime.now(UTC) - 2 * WINDOW)
        )


def clear_failures(engine: sa.Engine, email: str, address: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            login_failures.delete().where(
                login_failures.c.email == _key(email), login_failures.c.address == address[:64]
            )
        )
