"""Users, roles as events, tokens stored as digests, passwords with scrypt."""

from uuid import uuid4

import pytest
import sqlalchemy as sa

from core.application import Samverkan
from core.commands.accounts import EmailTaken
from core.db import api_tokens, users
from core.domain.base import Actor
from core.errors import InvalidInput, NotFound
from core.log import read_log


def make_user(app: Samverkan, actor: Actor, role: str = "member", password: str | None = None):
    organisation = app.register_organisation(actor, "Region Västerbotten", "region", "SE")
    return app.create_user(actor, "Lead@Example.org", "Ward lead", organisation.id, role, password)


def test_user_details_are_a_row_and_the_role_an_event(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor)
    assert user.email == "lead@example.org"
    enrolled = [e for e in read_log(app) if e.type == "user.enrolled"]
    assert len(enrolled) == 1
    assert enrolled[0].originator_id == user.id
    assert "lead@example.org" not in str(enrolled[0].data)
    assert "Ward lead" not in str(enrolled[0].data)


def test_role_changes_are_recorded(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor)
    assert app.change_role(actor, user.id, "auditor").role == "auditor"
    assert [e.data["role"] for e in read_log(app) if e.type == "user.role_granted"] == ["auditor"]
    with pytest.raises(InvalidInput):
        app.change_role(actor, user.id, "superuser")


def test_duplicate_email_is_refused(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor)
    with pytest.raises(EmailTaken):
        app.create_user(actor, "lead@example.org", "Other", user.organisation_id, "member")


def test_bad_input_names_the_field(app: Samverkan, actor: Actor) -> None:
    organisation = app.register_organisation(actor, "Umeå kommun", "municipality", "SE")
    with pytest.raises(InvalidInput) as error:
        app.create_user(actor, "not-an-email", "X", organisation.id, "member")
    assert "email" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        app.create_user(actor, "a@b.se", "X", organisation.id, "member", password="short")
    assert "password" in error.value.errors
    with pytest.raises(NotFound):
        app.create_user(actor, "a@b.se", "X", uuid4(), "member")


def test_passwords_are_hashed_and_checked(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor, password="a long enough secret")
    with app.sql.connect() as connection:
        stored = connection.execute(sa.select(users.c.password_hash)).scalar_one()
    assert stored.startswith("scrypt$") and "a long enough secret" not in stored
    assert app.sign_in("LEAD@example.org", "a long enough secret") == user
    assert app.sign_in("lead@example.org", "a wrong secret!!") is None
    app.set_password("lead@example.org", "another long secret")
    assert app.sign_in("lead@example.org", "another long secret") == user


def test_tokens_are_stored_as_digests_and_revocable(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor)
    token_id, token = app.issue_token(user.id, "script")
    with app.sql.connect() as connection:
        digests = connection.execute(sa.select(api_tokens.c.token_sha256)).scalars().all()
    assert token not in digests and len(digests[0]) == 64
    assert app.user_for_token(token) == user
    assert app.user_for_token(token + "x") is None
    app.revoke_token(user.id, token_id)
    assert app.user_for_token(token) is None
    with pytest.raises(NotFound):
        app.revoke_token(user.id, token_id)


def test_erasing_a_user_keeps_the_history(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor)
    _, token = app.issue_token(user.id)
    app.erase_user(actor, user.id)
    assert app.user_for_token(token) is None
    with pytest.raises(NotFound):
        app.get_user(user.id)
    types = [e.type for e in read_log(app) if e.originator_id == user.id]
    assert types == ["user.enrolled", "user.role_revoked"]
