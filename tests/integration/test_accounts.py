"""Users, roles as events, tokens stored as digests, passwords with scrypt."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
import sqlalchemy as sa

from samverkan.application.accounts import EmailTaken, LastAdmin
from samverkan.application.service import Samverkan
from samverkan.application.sessions import (
    Limits,
    digest,
    forget_old_sessions,
    session_row,
    start_session,
)
from samverkan.domain.base import Actor
from samverkan.errors import InvalidInput, NotFound
from samverkan.storage.log import read_log
from samverkan.storage.tables import api_tokens, users
from samverkan.storage.tables import sessions as sessions_table


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
    assert types == [
        "user.enrolled",
        "user.token_issued",
        "user.role_revoked",
        "user.erased",
    ]


def account_events(app: Samverkan, user_id) -> list:
    return [e for e in read_log(app) if e.originator_id == user_id and e.type != "user.enrolled"]


def test_account_changes_are_events_with_their_actor_and_no_personal_data(
    app: Samverkan, actor: Actor
) -> None:
    user = make_user(app, actor, password="a long enough secret")
    app.correct_user(user.id, name="Ward lead Berg", email="berg@example.org", actor=actor)
    token_id, token = app.issue_token(user.id, "script")  # by the user themself
    app.revoke_token(user.id, token_id, actor=actor)
    app.erase_user(actor, user.id)
    events = account_events(app, user.id)
    assert [(e.type, e.data.get("fields"), e.data.get("token_id")) for e in events] == [
        ("user.details_corrected", ["email", "name"], None),
        ("user.token_issued", None, str(token_id)),
        ("user.token_revoked", None, str(token_id)),
        ("user.role_revoked", None, None),
        ("user.erased", None, None),
    ]
    by = [str(e.actor.user_id) for e in events]
    assert by == [str(actor.user_id), str(user.id), *[str(actor.user_id)] * 3]
    stored = str([e.data for e in events])
    for personal in ("Ward lead", "berg@example.org", "lead@example.org", token):
        assert personal not in stored
    with app.sql.connect() as connection:
        digest = connection.execute(sa.select(api_tokens.c.token_sha256)).scalar_one()
    assert digest not in stored


def test_the_last_admin_is_neither_demoted_nor_erased(app: Samverkan, actor: Actor) -> None:
    admin = make_user(app, actor, role="admin")
    with pytest.raises(LastAdmin) as refused:
        app.change_role(admin.actor, admin.id, "member")
    assert refused.value.status == 409 and refused.value.slug == "last-admin"
    with pytest.raises(LastAdmin):
        app.erase_user(admin.actor, admin.id)
    other = app.create_user(actor, "second@example.org", "Second", admin.organisation_id, "admin")
    assert app.change_role(admin.actor, admin.id, "member").role == "member"
    with pytest.raises(LastAdmin):
        app.erase_user(actor, other.id)
    assert app.get_user(other.id).role == "admin"


def live(app: Samverkan, session_id: str) -> bool:
    limits = Limits(idle=timedelta(hours=8), lifetime=timedelta(days=7))
    with app.sql.connect() as connection:
        return session_row(connection, session_id, limits) is not None


def test_a_new_password_or_role_ends_the_users_other_sessions(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor, password="a long enough secret")
    here, elsewhere = start_session(app.sql, user.id), start_session(app.sql, user.id)
    app.set_password("lead@example.org", "another long secret", keep_session=here)
    assert live(app, here) and not live(app, elsewhere)
    app.set_password("lead@example.org", "a third long secret")  # the CLI: every session
    assert not live(app, here)
    here, elsewhere = start_session(app.sql, user.id), start_session(app.sql, user.id)
    app.change_role(actor, user.id, "auditor", keep_session=here)
    assert live(app, here) and not live(app, elsewhere)


def test_erasing_a_user_ends_every_session_and_revokes_every_token(
    app: Samverkan, actor: Actor
) -> None:
    user = make_user(app, actor)
    sessions = [start_session(app.sql, user.id) for _ in range(2)]
    tokens = [app.issue_token(user.id, label)[1] for label in ("a", "b")]
    app.erase_user(actor, user.id)
    assert not any(live(app, session_id) for session_id in sessions)
    assert all(app.user_for_token(token) is None for token in tokens)
    with app.sql.connect() as connection:
        stored = connection.execute(sa.select(sessions_table.c.id_sha256)).scalars().all()
    assert len(stored) == 2 and not set(sessions) & set(stored)  # only digests are kept


def test_rows_of_long_gone_sessions_are_deleted(app: Samverkan, actor: Actor) -> None:
    user = make_user(app, actor)
    old, recent = start_session(app.sql, user.id), start_session(app.sql, user.id)
    with app.sql.begin() as connection:
        connection.execute(
            sessions_table.update()
            .where(sessions_table.c.id_sha256 == digest(old))
            .values(created_at=datetime.now(UTC) - timedelta(days=9))
        )
    forget_old_sessions(app.sql, timedelta(days=8))
    with app.sql.connect() as connection:
        kept = connection.execute(sa.select(sessions_table.c.id_sha256)).scalars().all()
    assert kept == [digest(recent)]
