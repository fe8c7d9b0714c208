"""Signing in and out: sessions, CSRF, throttling, cookie flags, security headers."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from flask import Flask

from samverkan.web import create_app
from samverkan.web.ui.throttle import Delays
from tests.ui.conftest import Team
from tests.ui.pages import PASSWORD, Visitor, text, visitor


def configured(flask_app: Flask, **config: Any) -> Flask:
    """Another app on the same store, with settings of its own (close its service after)."""
    return create_app({"STORE": flask_app.config["STORE"], "TESTING": True, **config})


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


def from_address(person: Visitor, address: str) -> Visitor:
    person.client.environ_base["REMOTE_ADDR"] = address
    return person


def test_wrong_passwords_slow_down_the_client_that_sends_them(flask_app: Flask, team: Team) -> None:
    guesser = from_address(visitor(flask_app), "203.0.113.7")
    for _ in range(3):
        assert guesser.sign_in("bo@company.example", "wrong password!").status_code == 401
    held = guesser.sign_in("bo@company.example")  # even the right password waits a moment
    assert held.status_code == 429
    assert "Too many wrong passwords from here. Wait 1 second and try again." in text(held)
    assert held.headers["Retry-After"] == "1"
    swedish = from_address(visitor(flask_app, "sv"), "203.0.113.7").sign_in("bo@company.example")
    assert "Vänta 1 sekund och försök igen." in text(swedish)
    # The person, from their own computer, signs in at once: no one can lock them out.
    assert (
        from_address(visitor(flask_app), "198.51.100.2").sign_in("bo@company.example").status_code
        == 302
    )
    assert guesser.sign_in("anna@region.example").status_code == 302  # other accounts not held


def test_each_wrong_password_past_the_free_ones_doubles_the_wait(
    flask_app: Flask, team: Team
) -> None:
    app = configured(flask_app, SIGN_IN_FIRST_DELAY_SECONDS=0.5, SIGN_IN_MAX_DELAY_SECONDS=5)
    try:
        guesser = visitor(app)
        for _ in range(3):
            guesser.sign_in("bo@company.example", "wrong password!")
        assert guesser.sign_in("bo@company.example", "wrong password!").status_code == 429
        time.sleep(0.55)  # the first wait is over: one more try
        assert guesser.sign_in("bo@company.example", "wrong password!").status_code == 401
        time.sleep(0.55)  # the next wait is twice as long
        assert guesser.sign_in("bo@company.example").status_code == 429
        time.sleep(0.5)
        assert guesser.sign_in("bo@company.example").status_code == 302
    finally:
        app.extensions["samverkan"].close()
    delays = Delays(3, timedelta(seconds=1), timedelta(minutes=15))
    waits = [delays.after(n).total_seconds() for n in (1, 3, 4, 5, 12, 13, 100)]
    assert waits == [0, 1, 2, 4, 512, 900, 900]


def test_behind_trusted_proxies_the_forwarded_address_is_the_client(
    flask_app: Flask, team: Team
) -> None:
    def held_after_guessing_elsewhere(app: Flask) -> bool:
        person = visitor(app)
        forwarded = {"X-Forwarded-For": "203.0.113.7"}
        for _ in range(3):
            person.client.environ_base["HTTP_X_FORWARDED_FOR"] = forwarded["X-Forwarded-For"]
            person.sign_in("anna@region.example", "wrong password!")
        person.client.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.2"
        return person.sign_in("anna@region.example").status_code == 429

    # No trusted proxy (the default): X-Forwarded-For is ignored, all came from one address.
    assert held_after_guessing_elsewhere(flask_app)
    with_proxy = configured(flask_app, TRUSTED_PROXIES=1)
    try:
        assert not held_after_guessing_elsewhere(with_proxy)
    finally:
        with_proxy.extensions["samverkan"].close()


def test_the_session_cookie_is_httponly_lax_and_secure_outside_tests(
    flask_app: Flask, team: Team
) -> None:
    response = visitor(flask_app).sign_in("bo@company.example")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # TESTING: plain http
    from samverkan.web import create_app

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


def signed_in(app: Flask, email: str) -> Visitor:
    person = visitor(app)
    assert person.sign_in(email).status_code == 302
    return person


def test_signing_out_ends_the_session_on_the_server(flask_app: Flask, team: Team) -> None:
    person = signed_in(flask_app, "bo@company.example")
    cookie = person.client.get_cookie("samverkan_session")
    assert cookie is not None
    assert person.submit("/sign-out", {}, form_page="/").status_code == 302
    replay = visitor(flask_app)
    replay.client.set_cookie("samverkan_session", cookie.value)
    response = replay.get("/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")


def test_an_idle_session_ends_and_an_active_one_goes_on(flask_app: Flask, team: Team) -> None:
    app = configured(flask_app, SESSION_IDLE_MINUTES=0.03)  # 1.8 seconds
    try:
        person = signed_in(app, "bo@company.example")
        for _ in range(2):  # 2.4 seconds in all, but never 1.8 without a page
            time.sleep(1.2)
            assert person.get("/").status_code == 200
        time.sleep(2)
        assert person.get("/").status_code == 302
    finally:
        app.extensions["samverkan"].close()


def test_a_session_ends_at_its_absolute_lifetime(flask_app: Flask, team: Team) -> None:
    app = configured(flask_app, SESSION_MAX_DAYS=1.5 / 86400)  # 1.5 seconds
    try:
        person = signed_in(app, "bo@company.example")
        assert person.get("/").status_code == 200
        time.sleep(0.8)
        assert person.get("/").status_code == 200
        time.sleep(0.8)  # active all along, yet older than its lifetime
        assert person.get("/").status_code == 302
    finally:
        app.extensions["samverkan"].close()


def test_sign_out_everywhere_ends_every_session_of_mine(flask_app: Flask, team: Team) -> None:
    laptop, phone = (
        signed_in(flask_app, "bo@company.example"),
        signed_in(flask_app, "bo@company.example"),
    )
    other = signed_in(flask_app, "anna@region.example")
    assert "Sign out everywhere" in text(laptop.get("/account"))
    done = laptop.submit("/account/sign-out-everywhere", {}, form_page="/account")
    assert done.status_code == 302 and done.headers["Location"] == "/sign-in"
    assert laptop.get("/").status_code == 302 and phone.get("/").status_code == 302
    assert other.get("/").status_code == 200
    assert "You are signed out everywhere." in text(laptop.get("/sign-in"))


def test_bad_session_settings_stop_the_start(flask_app: Flask) -> None:
    for setting, value in (("SESSION_IDLE_MINUTES", "soon"), ("SESSION_MAX_DAYS", 0)):
        try:
            configured(flask_app, **{setting: value})
        except ValueError as error:
            assert setting in str(error)
        else:
            raise AssertionError(f"{setting}={value!r} was accepted")


def test_signing_in_again_never_keeps_the_session_before(flask_app: Flask, team: Team) -> None:
    person = signed_in(flask_app, "bo@company.example")
    before = person.client.get_cookie("samverkan_session")
    assert before is not None
    assert person.sign_in("anna@region.example").status_code == 302
    replay = visitor(flask_app)
    replay.client.set_cookie("samverkan_session", before.value)
    assert replay.get("/").status_code == 302
    assert "Region Västerbotten" in text(person.get("/"))  # the new session is Anna's
