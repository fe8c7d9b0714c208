"""Signing in and out: sessions, CSRF, throttling, cookie flags, security headers."""

from __future__ import annotations

from flask import Flask

from tests.ui.conftest import Team
from tests.ui.pages import PASSWORD, text, visitor


def test_pages_need_a_signed_in_user(flask_app: Flask, team: Team) -> None:
    response = visitor(flask_app).get(f"/partnerships/{team.partnership_id}")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_sign_in_shows_my_partnerships_and_sign_out_ends_the_session(
    flask_app: Flask, team: Team
) -> None:
    person = visitor(flask_app)
    response = person.sign_in("Bo@Company.example")
    assert response.status_code == 302
    home = person.get("/")
    assert home.status_code == 200
    assert "Innovation i samverkan" in text(home)
    assert "Hälsoteknik AB" in text(home)  # the signed-in organisation, in the header
    assert person.submit("/sign-out", {}, form_page="/").status_code == 302
    assert person.get("/").status_code == 302


def test_wrong_password_says_so_beside_the_form(flask_app: Flask, team: Team) -> None:
    response = visitor(flask_app).sign_in("bo@company.example", "not the password")
    assert response.status_code == 401
    assert "The e-mail address or the password is wrong." in text(response)


def test_empty_fields_get_messages_beside_them(flask_app: Flask, team: Team) -> None:
    response = visitor(flask_app).submit("/sign-in", {"email": "", "password": ""})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="email-error"' in page and 'id="password-error"' in page


def test_a_form_without_the_csrf_token_is_refused(flask_app: Flask, team: Team) -> None:
    client = flask_app.test_client()
    response = client.post(
        "/sign-in",
        data={"email": "bo@company.example", "password": PASSWORD},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 400
    assert "form had expired" in text(response)
    assert client.get("/").status_code == 302  # not signed in


def test_five_failures_lock_the_email_from_that_address(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    for _ in range(5):
        assert person.sign_in("bo@company.example", "wrong password!").status_code == 401
    locked = person.sign_in("bo@company.example")  # even the right password now waits
    assert locked.status_code == 429
    assert "Too many failed attempts" in text(locked)
    assert visitor(flask_app).sign_in("anna@region.example").status_code == 302  # others not


def test_the_session_cookie_is_httponly_lax_and_secure_outside_tests(
    flask_app: Flask, team: Team
) -> None:
    response = visitor(flask_app).sign_in("bo@company.example")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # TESTING: plain http
    from web import create_app

    production = create_app({"STORE": flask_app.config["STORE"], "SECRET_KEY": "x" * 32})
    try:
        assert production.config["SESSION_COOKIE_SECURE"] is True
    finally:
        production.extensions["samverkan"].close()


def test_every_response_has_the_security_headers(flask_app: Flask, team: Team) -> None:
    for path in ("/sign-in", "/", "/healthz", "/no-such-page"):
        headers = visitor(flask_app).get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_next_never_leaves_the_site(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app)
    token = person.csrf_token()
    response = person.client.post(
        "/sign-in?next=//evil.example/x",
        data={"email": "bo@company.example", "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/"
