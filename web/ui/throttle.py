"""Sign-in throttling that slows the client guessing, never the person it guesses at.

Failures are counted per e-mail AND client address (a row in SQL, shared by every worker).
After ``free_failures`` wrong passwords each next attempt from that address for that e-mail
waits: ``first``, then twice as long each time, at most ``longest``. The right password from
another address is never held up, so no one can lock a person out by guessing wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from samverkan.application.sessions import utc
from samverkan.storage.tables import sign_in_failures

FORGET_AFTER = timedelta(days=1)  # a failure this old no longer counts


@dataclass(frozen=True)
class Delays:
    free_failures: int
    first: timedelta
    longest: timedelta

    def after(self, failures: int) -> timedelta:
        """How long to wait after this many failures in a row."""
        beyond = failures - self.free_failures
        if beyond < 0:
            return timedelta(0)
        if beyond > 40:  # 2**40 seconds is beyond any cap
            return self.longest
        return min(self.first * (1 << beyond), self.longest)


def _where(email: str, address: str) -> sa.ColumnElement[bool]:
    return sa.and_(
        sign_in_failures.c.email == email.strip().lower()[:320],
        sign_in_failures.c.address == address[:64],
    )


def wait_left(engine: sa.Engine, email: str, address: str) -> timedelta | None:
    """How long this client must still wait before trying this e-mail again (None: go on)."""
    with engine.connect() as connection:
        blocked_until = connection.execute(
            sa.select(sign_in_failures.c.blocked_until).where(_where(email, address))
        ).scalar_one_or_none()
    if blocked_until is None:
        return None
    left = utc(blocked_until) - datetime.now(UTC)
    return left if left > timedelta(0) else None


def record_failure(engine: sa.Engine, delays: Delays, email: str, address: str) -> timedelta:
    """Count a wrong password; the wait it sets for the next attempt."""
    try:
        return _count(engine, delays, email, address)
    except sa.exc.IntegrityError:  # another worker counted the first failure at once
        return _count(engine, delays, email, address)


def _count(engine: sa.Engine, delays: Delays, email: str, address: str) -> timedelta:
    now = datetime.now(UTC)
    with engine.begin() as connection:
        row = connection.execute(
            sa.select(sign_in_failures.c.failures, sign_in_failures.c.last_failure_at).where(
                _where(email, address)
            )
        ).first()
        fresh = row is None or now - utc(row.last_failure_at) > FORGET_AFTER
        failures = 1 if row is None or fresh else row.failures + 1
        wait = delays.after(failures)
        values = {
            "failures": failures,
            "last_failure_at": now,
            "blocked_until": now + wait if wait else None,
        }
        if row is None:
            connection.execute(
                sign_in_failures.insert().values(
                    email=email.strip().lower()[:320], address=address[:64], **values
                )
            )
        else:
            connection.execute(sign_in_failures.update().where(_where(email, address)), values)
        # Old rows say nothing any more: keep the table small.
        connection.execute(
            sign_in_failures.delete().where(sign_in_failures.c.last_failure_at < now - FORGET_AFTER)
        )
    return wait


def clear_failures(engine: sa.Engine, email: str, address: str) -> None:
    with engine.begin() as connection:
        connection.execute(sign_in_failures.delete().where(_where(email, address)))
