"""Users, their roles and their API tokens.

A user's details are a row (correctable, erasable); the role grants are events (Access).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

import sqlalchemy as sa

from samverkan.application.base import ServiceBase
from samverkan.application.passwords import check_password, hash_password, new_token, token_digest
from samverkan.application.sessions import end_sessions_of
from samverkan.domain.access import ROLES, Access
from samverkan.domain.base import Actor, require_choice, require_text
from samverkan.domain.organisation import Organisation
from samverkan.errors import InvalidInput, NotFound, RuleViolation
from samverkan.storage.tables import api_tokens, users

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 10


class EmailTaken(RuleViolation):
    slug = "email-taken"
    title = "A user with this e-mail exists"


class LastAdmin(RuleViolation):
    slug = "last-admin"
    title = "The last admin cannot be demoted or erased"


@dataclass(frozen=True)
class User:
    id: UUID
    email: str
    name: str
    organisation_id: UUID
    role: str

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.organisation_id)


# Asked on every API request: built once (SQLAlchemy also keeps its compiled form).
USER_FOR_TOKEN = (
    sa.select(users)
    .join(api_tokens, api_tokens.c.user_id == users.c.id)
    .where(
        api_tokens.c.token_sha256 == sa.bindparam("digest"),
        api_tokens.c.revoked_at.is_(None),
        users.c.erased_at.is_(None),
    )
)


def user_from_row(row: sa.Row[tuple[object, ...]]) -> User:
    mapping = row._mapping
    return User(
        id=UUID(mapping["id"]),
        email=mapping["email"],
        name=mapping["name"],
        organisation_id=UUID(mapping["organisation_id"]),
        role=mapping["role"],
    )


def require_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InvalidInput.field("password", f"must be at least {MIN_PASSWORD} characters")
    return password


class AccountCommands(ServiceBase):
    def create_user(
        self,
        actor: Actor,
        email: str,
        name: str,
        organisation_id: UUID,
        role: str,
        password: str | None = None,
    ) -> User:
        email = require_text("email", email, max_length=320).lower()
        if not EMAIL.match(email):
            raise InvalidInput.field("email", "must be an e-mail address")
        organisation = self.get(Organisation, organisation_id)
        role = require_choice("role", role, ROLES)
        digest = None if password is None else hash_password(require_password(password))
        if self.find_user(email) is not None:
            raise EmailTaken(f"A user with the e-mail {email} exists")
        user_id = uuid4()
        with self.sql.begin() as connection:
            connection.execute(
                users.insert().values(
                    id=str(user_id),
                    email=email,
                    name=require_text("name", name, max_length=200),
                    organisation_id=str(organisation.id),
                    role=role,
                    password_hash=digest,
                    created_at=datetime.now(UTC),
                )
            )
        self.record(Access.enrol(actor, user_id, organisation.id, role))
        return self.get_user(user_id)

    def get_user(self, user_id: UUID) -> User:
        with self.sql.connect() as connection:
            row = connection.execute(
                sa.select(users).where(users.c.id == str(user_id), users.c.erased_at.is_(None))
            ).first()
        if row is None:
            raise NotFound(f"No user {user_id}")
        return user_from_row(row)

    def find_user(self, email: str) -> User | None:
        with self.sql.connect() as connection:
            row = connection.execute(
                sa.select(users).where(users.c.email == email.lower(), users.c.erased_at.is_(None))
            ).first()
        return None if row is None else user_from_row(row)

    def set_password(self, email: str, password: str, *, keep_session: str | None = None) -> User:
        """Set a password; every session of the user but ``keep_session`` ends."""
        user = self.find_user(email)
        if user is None:
            raise NotFound(f"No user with the e-mail {email}")
        with self.sql.begin() as connection:
            connection.execute(
                users.update()
                .where(users.c.id == str(user.id))
                .values(password_hash=hash_password(require_password(password)))
            )
            end_sessions_of(connection, user.id, keep=keep_session)
        return user

    def sign_in(self, email: str, password: str) -> User | None:
        with self.sql.connect() as connection:
            row = connection.execute(
                sa.select(users).where(users.c.email == email.lower(), users.c.erased_at.is_(None))
            ).first()
        if row is None or row.role is None or not check_password(row.password_hash, password):
            return None
        return user_from_row(row)

    def change_role(
        self, actor: Actor, user_id: UUID, role: str, *, keep_session: str | None = None
    ) -> User:
        """Grant another role; every session of the user but ``keep_session`` ends."""
        user = self.get_user(user_id)
        if role != "admin":
            self._keep_an_admin(user)
        self.change(Access, user.id, lambda access: access.grant(actor, role))
        with self.sql.begin() as connection:
            connection.execute(users.update().where(users.c.id == str(user.id)).values(role=role))
            end_sessions_of(connection, user.id, keep=keep_session)
        return self.get_user(user_id)

    def _keep_an_admin(self, user: User) -> None:
        """Refuse to demote or erase the only admin: no one could administer any more."""
        if user.role != "admin":
            return
        with self.sql.connect() as connection:
            admins = connection.execute(
                sa.select(sa.func.count())
                .select_from(users)
                .where(users.c.role == "admin", users.c.erased_at.is_(None))
            ).scalar_one()
        if admins <= 1:
            raise LastAdmin("This is the last admin: make another user admin first")

    def issue_token(
        self, user_id: UUID, label: str = "", *, actor: Actor | None = None
    ) -> tuple[UUID, str]:
        """A new bearer token; the plain token is returned once and never stored.
        ``actor`` issues it (by default the user themself), recorded with the token's id."""
        user = self.get_user(user_id)
        token, token_id = new_token(), uuid4()
        with self.sql.begin() as connection:
            connection.execute(
                api_tokens.insert().values(
                    id=str(token_id),
                    user_id=str(user.id),
                    token_sha256=token_digest(token),
                    label=label,
                    created_at=datetime.now(UTC),
                )
            )
        by = actor or user.actor
        self.change(Access, user.id, lambda access: access.token_issued(by, token_id))
        return token_id, token

    def revoke_token(self, user_id: UUID, token_id: UUID, *, actor: Actor | None = None) -> None:
        with self.sql.begin() as connection:
            result = connection.execute(
                api_tokens.update()
                .where(
                    api_tokens.c.id == str(token_id),
                    api_tokens.c.user_id == str(user_id),
                    api_tokens.c.revoked_at.is_(None),
                )
                .values(revoked_at=datetime.now(UTC))
            )
        if not result.rowcount:
            raise NotFound(f"No active token {token_id}")
        by = actor or Actor(user_id, self.get_user(user_id).organisation_id)
        self.change(Access, user_id, lambda access: access.token_revoked(by, token_id))

    def list_tokens(self, user_id: UUID) -> list[dict[str, object]]:
        with self.sql.connect() as connection:
            rows = connection.execute(
                sa.select(
                    api_tokens.c.id,
                    api_tokens.c.label,
                    api_tokens.c.created_at,
                    api_tokens.c.revoked_at,
                )
                .where(api_tokens.c.user_id == str(user_id))
                .order_by(api_tokens.c.created_at)
            ).all()
        return [dict(row._mapping) for row in rows]

    def user_for_token(self, token: str) -> User | None:
        with self.sql.connect() as connection:
            row = connection.execute(USER_FOR_TOKEN, {"digest": token_digest(token)}).first()
        return None if row is None else user_from_row(row)

    def correct_user(
        self,
        user_id: UUID,
        *,
        name: str | None,
        email: str | None,
        actor: Actor | None = None,
    ) -> User:
        """Correct a person's name or e-mail: the values are a row (personal data); the event
        says only which fields ``actor`` (by default the user themself) corrected."""
        user = self.get_user(user_id)
        values: dict[str, str] = {}
        if name is not None:
            values["name"] = require_text("name", name, max_length=200)
        if email is not None:
            email = require_text("email", email, max_length=320).lower()
            if not EMAIL.match(email):
                raise InvalidInput.field("email", "must be an e-mail address")
            other = self.find_user(email)
            if other is not None and other.id != user.id:
                raise EmailTaken(f"A user with the e-mail {email} exists")
            values["email"] = email
        if not values:
            raise InvalidInput.field("name", "give a name or an e-mail to correct")
        with self.sql.begin() as connection:
            connection.execute(users.update().where(users.c.id == str(user.id)).values(**values))
        by = actor or user.actor
        self.change(Access, user.id, lambda access: access.details_corrected(by, list(values)))
        return self.get_user(user.id)

    def erase_user(self, actor: Actor, user_id: UUID) -> None:
        """Erase a person's details, end their sessions and revoke their tokens; events keep
        the id, which now names no one."""
        user = self.get_user(user_id)
        self._keep_an_admin(user)
        self.change(Access, user.id, lambda access: access.erase(actor))
        with self.sql.begin() as connection:
            connection.execute(
                users.update()
                .where(users.c.id == str(user.id))
                .values(
                    email=f"erased-{user.id}@invalid",
                    name="(erased)",
                    password_hash=None,
                    erased_at=datetime.now(UTC),
                )
            )
            connection.execute(
                api_tokens.update()
                .where(api_tokens.c.user_id == str(user.id), api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=datetime.now(UTC))
            )
            end_sessions_of(connection, user.id)
