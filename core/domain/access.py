"""Access: which organisation a user acts for and with which role, as events.

The person (e-mail, name, password) is in the erasable ``users`` table; this aggregate, whose
id is the user's id, records only the grants and revocations, so who could do what stays auditable.
"""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import event

from samverkan.domain.base import Actor, Record, created_topic, require_choice
from samverkan.errors import StatusUnchanged

ROLES = ("admin", "coordinator", "member", "auditor")


class Access(Record):
    """Also the account's changes that are not roles: corrected details (which fields, never
    the values), erasure, API tokens issued and revoked (by token id)."""

    TOPIC = "user"
    Created = created_topic("user")

    @staticmethod
    def create_id(user_id: UUID) -> UUID:
        return user_id

    @classmethod
    def enrol(cls, actor: Actor, user_id: UUID, organisation_id: UUID, role: str) -> Access:
        return cls(
            actor=actor,
            user_id=user_id,
            organisation_id=organisation_id,
            role=require_choice("role", role, ROLES),
        )

    @event("Enrolled", topic="user.enrolled")
    def __init__(self, actor: Actor, user_id: UUID, organisation_id: UUID, role: str) -> None:
        self.organisation_id = organisation_id
        self.role: str | None = role

    def grant(self, actor: Actor, role: str) -> None:
        role = require_choice("role", role, ROLES)
        if role == self.role:
            raise StatusUnchanged(f"The user already has the role {role}")
        self._role_granted(actor=actor, role=role)

    @event("RoleGranted", topic="user.role_granted")
    def _role_granted(self, actor: Actor, role: str) -> None:
        self.role = role

    def revoke(self, actor: Actor) -> None:
        if self.role is None:
            raise StatusUnchanged("The user has no role to revoke")
        self._role_revoked(actor=actor, role=self.role)

    @event("RoleRevoked", topic="user.role_revoked")
    def _role_revoked(self, actor: Actor, role: str) -> None:
        self.role = None

    def details_corrected(self, actor: Actor, fields: list[str]) -> None:
        self._details_corrected(actor=actor, fields=sorted(fields))

    @event("DetailsCorrected", topic="user.details_corrected")
    def _details_corrected(self, actor: Actor, fields: list[str]) -> None:
        pass

    def erase(self, actor: Actor) -> None:
        if self.role is not None:
            self._role_revoked(actor=actor, role=self.role)
        self._erased(actor=actor)

    @event("Erased", topic="user.erased")
    def _erased(self, actor: Actor) -> None:
        pass

    def token_issued(self, actor: Actor, token_id: UUID) -> None:
        self._token_issued(actor=actor, token_id=token_id)

    @event("TokenIssued", topic="user.token_issued")
    def _token_issued(self, actor: Actor, token_id: UUID) -> None:
        pass

    def token_revoked(self, actor: Actor, token_id: UUID) -> None:
        self._token_revoked(actor=actor, token_id=token_id)

    @event("TokenRevoked", topic="user.token_revoked")
    def _token_revoked(self, actor: Actor, token_id: UUID) -> None:
        pass
