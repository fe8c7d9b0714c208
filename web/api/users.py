"""Users and their API tokens. Admins manage users; a user manages their own tokens."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from flask import url_for
from marshmallow import fields, validate

from samverkan.application.accounts import User
from samverkan.application.viewer import Forbidden, Viewer
from samverkan.domain.access import ROLES
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.schemas import Strict, choice
from samverkan.web.auth import require_user, service

blp = blueprint("users", "Users, their roles and their API tokens")


class UserSchema(Strict):
    id = fields.UUID(dump_only=True)
    email = fields.Email(required=True)
    name = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=200))
    organisation_id = fields.UUID(required=True)
    role = choice(ROLES, required=True)
    password = fields.String(load_only=True, load_default=None, validate=validate.Length(min=10))


class RoleSchema(Strict):
    role = choice(ROLES, required=True)


class TokenRequestSchema(Strict):
    label = fields.String(load_default="", validate=validate.Length(max=200))


class TokenSchema(Strict):
    id = fields.UUID(required=True)
    token = fields.String(required=True, metadata={"description": "Shown once, never again"})


class TokenInfoSchema(Strict):
    id = fields.UUID()
    label = fields.String()
    created_at = fields.DateTime()
    revoked_at = fields.DateTime(allow_none=True)


class TokenListSchema(Strict):
    items = fields.List(fields.Nested(TokenInfoSchema))
    next = fields.String(allow_none=True)


def present(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "organisation_id": user.organisation_id,
        "role": user.role,
    }


def require_admin() -> User:
    user = require_user()
    Viewer.of(service().sql, user).require_role("admin")
    return user


def require_self_or_admin(user_id: UUID) -> tuple[User, User]:
    """The caller (the user or an admin) and the user."""
    user = require_user()
    if user.id != user_id and user.role != "admin":
        raise Forbidden("Only the user or an admin manages these tokens")
    return user, service().get_user(user_id)


@blp.post("/users")
@blp.arguments(UserSchema)
@blp.response(201, UserSchema)
def create(body: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    """Create a user acting for one organisation (admins)."""
    admin = require_admin()
    user = service().create_user(
        admin.actor,
        body["email"],
        body["name"],
        body["organisation_id"],
        body["role"],
        body["password"],
    )
    return present(user), 201, {"Location": url_for("users.user", user_id=user.id)}


@blp.get("/users/<uuid:user_id>")
@blp.response(200, UserSchema)
def user(user_id: UUID) -> dict[str, Any]:
    """A user (admins, or the user)."""
    return present(require_self_or_admin(user_id)[1])


@blp.post("/users/<uuid:user_id>/role")
@blp.arguments(RoleSchema)
@blp.response(200, UserSchema)
def change_role(body: dict[str, Any], user_id: UUID) -> dict[str, Any]:
    """Grant a user another role (admins); recorded as an event. The user's sessions end.
    The last admin keeps the role (409 last-admin)."""
    admin = require_admin()
    return present(service().change_role(admin.actor, user_id, body["role"]))


class DetailsSchema(Strict):
    name = fields.String(load_default=None, validate=validate.Length(min=1, max=200))
    email = fields.Email(load_default=None)


@blp.post("/users/<uuid:user_id>/details")
@blp.arguments(DetailsSchema)
@blp.response(200, UserSchema)
def correct(body: dict[str, Any], user_id: UUID) -> dict[str, Any]:
    """Correct a user's name or e-mail (admins, or the user)."""
    caller, _user = require_self_or_admin(user_id)
    corrected = service().correct_user(
        user_id, name=body["name"], email=body["email"], actor=caller.actor
    )
    return present(corrected)


@blp.post("/users/<uuid:user_id>/erasure")
@blp.response(204)
def erase(user_id: UUID) -> tuple[str, int]:
    """Erase a person's details, end their sessions and revoke their tokens (admins); events
    keep only the id. The last admin cannot be erased (409 last-admin)."""
    admin = require_admin()
    service().erase_user(admin.actor, user_id)
    return "", 204


@blp.post("/users/<uuid:user_id>/tokens")
@blp.arguments(TokenRequestSchema)
@blp.response(201, TokenSchema)
def issue_token(body: dict[str, Any], user_id: UUID) -> tuple[dict[str, Any], int]:
    """A new bearer token for the user (admins, or the user); the token is shown once."""
    caller, owner = require_self_or_admin(user_id)
    token_id, token = service().issue_token(owner.id, body["label"], actor=caller.actor)
    return {"id": token_id, "token": token}, 201


@blp.get("/users/<uuid:user_id>/tokens")
@blp.response(200, TokenListSchema)
def tokens(user_id: UUID) -> dict[str, Any]:
    """The user's tokens (never the tokens themselves)."""
    _caller, owner = require_self_or_admin(user_id)
    items = [
        {
            **token,
            "created_at": aware(token["created_at"]),
            "revoked_at": aware(token["revoked_at"]),
        }
        for token in service().list_tokens(owner.id)
    ]
    return {"items": items, "next": None}


def aware(moment: Any) -> Any:
    """Times leave the API with an offset (SQLite hands back naive UTC)."""
    return (
        moment.replace(tzinfo=UTC)
        if isinstance(moment, datetime) and moment.tzinfo is None
        else moment
    )


@blp.delete("/users/<uuid:user_id>/tokens/<uuid:token_id>")
@blp.response(204)
def revoke_token(user_id: UUID, token_id: UUID) -> tuple[str, int]:
    """Revoke a token (admins, or the user)."""
    caller, owner = require_self_or_admin(user_id)
    service().revoke_token(owner.id, token_id, actor=caller.actor)
    return "", 204
