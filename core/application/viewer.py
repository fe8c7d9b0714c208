"""Who may do what, from API.md's table: roles of users, membership of their organisation.

Reading needs membership (or admin); a partnership the caller may not see answers as if it
did not exist. Writing needs a role that may do the kind of thing, for a current member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa

from samverkan.application.accounts import User
from samverkan.errors import Hidden, SamverkanError
from samverkan.readmodels.memberships import Membership, memberships_of

# What each role may do inside a partnership its organisation is a member of.
MANAGE = "manage"  # members, phase, status, funding, meetings, challenges, clinics
CONTRIBUTE = "contribute"  # decisions, experiments, measures, lessons, scale-ups, agreements...
SIGN = "sign"  # sign off for one's own organisation

MAY: dict[str, frozenset[str]] = {
    "admin": frozenset({MANAGE, CONTRIBUTE, SIGN}),
    "coordinator": frozenset({MANAGE, CONTRIBUTE, SIGN}),
    "member": frozenset({CONTRIBUTE, SIGN}),
    "auditor": frozenset(),
}


class Forbidden(SamverkanError):
    slug = "forbidden"
    status = 403
    title = "Your role may not do this"


@dataclass(frozen=True)
class Viewer:
    user: User
    memberships: dict[UUID, Membership]

    @classmethod
    def of(cls, engine: sa.Engine, user: User) -> Viewer:
        return cls(user, memberships_of(engine, user.organisation_id))

    @property
    def is_admin(self) -> bool:
        return self.user.role == "admin"

    def visible_partnerships(self) -> set[UUID] | None:
        """The partnerships the caller may read; None means all (admins)."""
        return None if self.is_admin else set(self.memberships)

    def read_limit(self, partnership_id: UUID) -> datetime | None:
        """Raise NotFound if invisible; else the recording time reads stop at (None: now)."""
        if self.is_admin:
            return None
        membership = self.memberships.get(partnership_id)
        if membership is None:
            raise Hidden(f"No partnership {partnership_id}")
        return membership.left_at

    def require(self, partnership_id: UUID, action: str) -> None:
        """The caller may do ``action`` in the partnership (404 if invisible, else 403)."""
        self.read_limit(partnership_id)
        if action not in MAY[self.user.role]:
            raise Forbidden(f"The role {self.user.role} may not {action} in partnerships")
        if self.is_admin:
            return
        membership = self.memberships[partnership_id]
        if not membership.current:
            raise Forbidden("Your organisation has left this partnership")
        if action == MANAGE and membership.role != "coordinator":
            raise Forbidden("Only the coordinating organisation manages the partnership")

    def require_role(self, *roles: str) -> None:
        if not self.is_admin and self.user.role not in roles:
            raise Forbidden(f"The role {self.user.role} may not do this")
