"""Signing in and out, and choosing the language."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from web.auth import current_user, service
from web.ui import bp
from web.ui.i18n import LOCALES
from web.ui.throttle import clear_failures, is_throttled, record_failure


def safe_next(target: str | None, default: str) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def client_address() -> str:
    return request.remote_addr or "unknown"


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> Any:
    errors: dict[str, str] = {}
    email = ""
    status = 200
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        password = request.form.get("password", "")
        if not email:
            errors["email"] = _("Enter your e-mail address.")
        if not password:
            errors["password"] = _("Enter your password.")
        engine = service().sql
        if not errors and is_throttled(engine, email, client_address()):
            errors["form"] = _(
                "Too many failed attempts. Wait 15 minutes and try again, "
                "or ask your administrator to set a new password."
            )
            status = 429
        elif not errors:
            user = service().sign_in(email, password)
            if user is None:
                record_failure(engine, email, client_address())
                errors["form"] = _("The e-mail address or the password is wrong.")
                status = 401
            else:
                clear_failures(engine, email, client_address())
                locale = session.get("locale")
                session.clear()  # a new session on sign-in: no fixation
                if locale:
                    session["locale"] = locale
                session["user_id"] = str(user.id)
                session.permanent = False
                return redirect(safe_next(request.args.get("next"), url_for("ui.home")))
        else:
            status = 422
    return render_template("sign_in.html", errors=errors, email=email), status


@bp.post("/sign-out")
def sign_out() -> Any:
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
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
