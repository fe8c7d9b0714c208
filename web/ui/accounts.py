"""Signing in and out, and choosing the language."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _

from samverkan.application.sessions import end_session, forget_old_sessions, start_session
from samverkan.web.auth import SESSION_KEY, current_session_id, current_user, service
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.i18n import LOCALES
from samverkan.web.ui.throttle import Delays, clear_failures, record_failure, wait_left


def safe_next(target: str | None, default: str) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def client_address() -> str:
    """The client's address: the peer's, or with TRUSTED_PROXIES the one they forwarded."""
    return request.remote_addr or "unknown"


def wait_message(wait: timedelta) -> str:
    seconds = timedelta(seconds=max(1, math.ceil(wait.total_seconds())))
    return str(
        _(
            "Too many wrong passwords from here. Wait %(wait)s and try again.",
            wait=format_timedelta(seconds, granularity="second", add_direction=False),
        )
    )


def end_this_session() -> None:
    """End the server-side session and empty the cookie; the language stays."""
    session_id = current_session_id()
    if session_id is not None:
        end_session(service().sql, session_id)
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale


def begin_session(user_id: UUID) -> None:
    """A new server-side session on sign-in, never the one before it (no fixation)."""
    end_this_session()
    engine = service().sql
    session[SESSION_KEY] = start_session(engine, user_id)
    session.permanent = False
    limits = current_app.extensions["samverkan.session_limits"]
    forget_old_sessions(engine, limits.lifetime + timedelta(days=1))


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> Any:
    errors: dict[str, str] = {}
    email = ""
    status = 200
    wait: timedelta | None = None
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        password = request.form.get("password", "")
        if not email:
            errors["email"] = _("Enter your e-mail address.")
        if not password:
            errors["password"] = _("Enter your password.")
        engine = service().sql
        wait = None if errors else wait_left(engine, email, client_address())
        if wait is not None:
            errors["form"] = wait_message(wait)
            status = 429
        elif not errors:
            user = service().sign_in(email, password)
            if user is None:
                delays: Delays = current_app.extensions["samverkan.sign_in_delays"]
                record_failure(engine, delays, email, client_address())
                errors["form"] = _("The e-mail address or the password is wrong.")
                status = 401
            else:
                clear_failures(engine, email, client_address())
                begin_session(user.id)
                return redirect(safe_next(request.args.get("next"), url_for("ui.home")))
        else:
            status = 422
    headers = {"Retry-After": str(math.ceil(wait.total_seconds()))} if wait else {}
    return render_template("sign_in.html", errors=errors, email=email), status, headers


@bp.post("/sign-out")
def sign_out() -> Any:
    end_this_session()
    flash(_("You are signed out."), "info")
    return redirect(url_for("ui.sign_in"))


@bp.post("/language")
def set_language() -> Any:
    locale = request.form.get("locale", "")
    if locale in LOCALES:
        session["locale"] = locale
    return redirect(safe_next(request.form.get("next"), url_for("ui.home")))


def signed_in_user_or_redirect() -> Any:
    """The signed-in user, or a redirect to the sign-in page that comes back here."""
    user = current_user()
    if user is None:
        return None, redirect(url_for("ui.sign_in", next=request.full_path.rstrip("?")))
    return user, None
