"""Sessions, CSRF and security headers: the protections every page needs.

CSRF: every non-GET request outside /api/ must carry the session's token (Flask-WTF);
the API is exempt because it authenticates with bearer tokens, never with the cookie.
"""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path

from flask import Flask, Response, current_app, g, request, session
from flask_wtf.csrf import CSRFProtect, generate_csrf

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def secret_key(app: Flask) -> str:
    """SECRET_KEY from the config, SAMVERKAN_SECRET_KEY, or a key kept in the data directory
    (made once, so every gunicorn worker and every restart signs sessions alike)."""
    configured = app.config.get("SECRET_KEY") or os.environ.get("SAMVERKAN_SECRET_KEY")
    if configured:
        return str(configured)
    if app.config.get("TESTING"):
        return secrets.token_hex(32)
    store_dir = getattr(app.config.get("STORE"), "data_dir", None)
    folder = Path(
        app.config.get("DATA_DIR")
        or store_dir
        or os.environ.get("SAMVERKAN_DATA_DIR")
        or "instance"
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret_key"
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
            file.write(secrets.token_hex(32))
    except FileExistsError:
        pass
    return path.read_text().strip()


class SignedTokens:
    """Sessions' CSRF tokens as signed for forms, by the session's token (bounded)."""

    def __init__(self, capacity: int = 4096) -> None:
        self.capacity = capacity
        self._signed: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, raw: str) -> str | None:
        return self._signed.get(raw)

    def put(self, raw: str, signed: str) -> None:
        with self._lock:
            if len(self._signed) >= self.capacity:
                self._signed.pop(next(iter(self._signed)))  # the oldest
            self._signed[raw] = signed


def form_token() -> str:
    """The CSRF token for a form. flask-wtf signs the session's token anew on every
    request; while tokens do not expire (WTF_CSRF_TIME_LIMIT None) any signed form is
    as good as another, so each session's is signed once per process."""
    field_name = current_app.config.get("WTF_CSRF_FIELD_NAME") or "csrf_token"
    if field_name in g or current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return str(generate_csrf())
    tokens: SignedTokens = current_app.extensions["samverkan.signed_csrf"]
    raw = session.get(field_name)
    signed = tokens.get(raw) if isinstance(raw, str) else None
    if signed is None:
        signed = str(generate_csrf())  # makes the session's token if it has none yet
        raw = session.get(field_name)
        if isinstance(raw, str):
            tokens.put(raw, signed)
    setattr(g, field_name, signed)
    return signed


def init_security(app: Flask) -> None:
    app.config["SECRET_KEY"] = secret_key(app)
    # Secure cookies unless testing or debugging; SECURE_COOKIES (config) or
    # SAMVERKAN_SECURE_COOKIES (environment) decides when set, e.g. "n" for plain http.
    setting = app.config.get("SECURE_COOKIES", os.environ.get("SAMVERKAN_SECURE_COOKIES"))
    if setting is None or setting == "":
        secure = not (app.config.get("TESTING") or app.debug)
    else:
        secure = str(setting).lower() in ("1", "y", "yes", "true", "on")
    app.config["SESSION_COOKIE_SECURE"] = secure
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_NAME"] = "samverkan_session"
    # Checked in protect_forms, not for every request: the API is exempt.
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # valid as long as the session
    csrf.init_app(app)
    app.extensions["samverkan.signed_csrf"] = SignedTokens()
    app.jinja_env.globals["csrf_token"] = form_token
    app.context_processor(lambda: {"csrf_token": form_token})  # after flask-wtf's: wins

    @app.before_request
    def protect_forms() -> None:
        if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
            return
        if request.path.startswith("/api/"):
            return
        csrf.protect()

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
