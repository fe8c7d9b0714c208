"""Server-side sessions of the pages (OWASP ASVS V3).

The cookie holds a random session id; the ``sessions`` table keeps only its SHA-256, the user,
when it began, when it was last seen and when it ended. A session ends on sign-out, after
``idle`` without a request, ``lifetime`` after it began, and when its user's password or role
changes or the user is erased.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

import sqlalchemy as sa

from samverkan.storage.tables import sessions, users

TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often


@dataclass(frozen=True)
class Limits:
    idle: timedelta
    lifetime: timedelta

    @property
    def touch_every(self) -> timedelta:
        """Often enough that an active session never looks idle."""
        return min(TOUCH_EVERY, self.idle / 4)


def digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; every time stored here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start_session(engine: sa.Engine, user_id: UUID) -> str:
    """A new session for the user; the returned id goes in the cookie and nowhere else."""
    session_id = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            sessions.insert().values(
                id_sha256=digest(session_id),
                user_id=str(user_id),
                created_at=now,
                last_seen_at=now,
            )
        )
    return session_id


# Asked on every page: built once (SQLAlchemy also keeps its compiled form).
SESSION_USER = (
    sa.select(users, sessions.c.created_at.label("session_created_at"), sessions.c.last_seen_at)
    .join(sessions, sessions.c.user_id == users.c.id)
    .where(
        sessions.c.id_sha256 == sa.bindparam("digest"),
        sessions.c.ended_at.is_(None),
        users.c.erased_at.is_(None),
    )
)


def session_row(
    connection: sa.Connection, session_id: str, limits: Limits
) -> sa.Row[tuple[object, ...]] | None:
    """The user row of a live session (None if unknown, ended or expired); one query, and a
    write of last_seen_at at most every ``limits.touch_every``."""
    key = digest(session_id)
    row = connection.execute(SESSION_USER, {"digest": key}).first()
    if row is None:
        return None
    now = datetime.now(UTC)
    last_seen = utc(row.last_seen_at)
    if now - last_seen > limits.idle or now - utc(row.session_created_at) > limits.lifetime:
        _write(connection, sessions.c.id_sha256 == key, ended_at=now)
        return None
    if now - last_seen >= limits.touch_every:
        _write(connection, sessions.c.id_sha256 == key, last_seen_at=now)
    return row


def _write(connection: sa.Connection, where: sa.ColumnElement[bool], **values: object) -> None:
    """Best effort on the page's connection: a session that could not be touched still works."""
    try:
        connection.execute(sessions.update().where(where).values(**values))
        connection.commit()
    except sa.exc.OperationalError:
        connection.rollback()


def end_session(engine: sa.Engine, session_id: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            sessions.update()
            .where(sessions.c.id_sha256 == digest(session_id), sessions.c.ended_at.is_(None))
            .values(ended_at=datetime.now(UTC))
        )


def end_sessions_of(connection: sa.Connection, user_id: UUID, *, keep: str | None = None) -> int:
    """End every live session of the user but ``keep`` (a session id); how many ended."""
    query = sessions.update().where(
        sessions.c.user_id == str(user_id), sessions.c.ended_at.is_(None)
    )
    if keep is not None:
        query = query.where(sessions.c.id_sha256 != digest(keep))
    return connection.execute(query.values(ended_at=datetime.now(UTC))).rowcount


def forget_old_sessions(engine: sa.Engine, older_than: timedelta) -> None:
    """Rows of sessions that ended or began long ago say nothing any more."""
    before = datetime.now(UTC) - older_than
    with engine.begin() as connection:
        connection.execute(
            sessions.delete().where(
                sa.or_(sessions.c.ended_at < before, sessions.c.created_at < before)
            )
        )
