"""Settings of sessions, sign-in throttling and proxies: app config first, then environment.

| app config | environment | default |
|---|---|---|
| SESSION_IDLE_MINUTES | SAMVERKAN_SESSION_IDLE_MINUTES | 480 |
| SESSION_MAX_DAYS | SAMVERKAN_SESSION_MAX_DAYS | 7 |
| SIGN_IN_FREE_FAILURES | SAMVERKAN_SIGN_IN_FREE_FAILURES | 3 |
| SIGN_IN_FIRST_DELAY_SECONDS | SAMVERKAN_SIGN_IN_FIRST_DELAY_SECONDS | 1 |
| SIGN_IN_MAX_DELAY_SECONDS | SAMVERKAN_SIGN_IN_MAX_DELAY_SECONDS | 900 |
| TRUSTED_PROXIES | SAMVERKAN_TRUSTED_PROXIES | 0 |
"""

from __future__ import annotations

import os
from datetime import timedelta

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from samverkan.application.sessions import Limits
from samverkan.web.ui.throttle import Delays

DEFAULTS: dict[str, float] = {
    "SESSION_IDLE_MINUTES": 480,
    "SESSION_MAX_DAYS": 7,
    "SIGN_IN_FREE_FAILURES": 3,
    "SIGN_IN_FIRST_DELAY_SECONDS": 1,
    "SIGN_IN_MAX_DELAY_SECONDS": 900,
    "TRUSTED_PROXIES": 0,
}


def setting(app: Flask, name: str) -> float:
    """A positive number (TRUSTED_PROXIES may be 0); a wrong value stops the start, named."""
    raw = app.config.get(name, os.environ.get(f"SAMVERKAN_{name}"))
    if raw is None or raw == "":
        return DEFAULTS[name]
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {raw!r}") from None
    if value < 0 or (value == 0 and name != "TRUSTED_PROXIES"):
        raise ValueError(f"{name} must be greater than zero, not {raw!r}")
    return value


def init_settings(app: Flask) -> None:
    """Read the settings once, into app.extensions; trust the configured proxies."""
    app.extensions["samverkan.session_limits"] = Limits(
        idle=timedelta(minutes=setting(app, "SESSION_IDLE_MINUTES")),
        lifetime=timedelta(days=setting(app, "SESSION_MAX_DAYS")),
    )
    app.extensions["samverkan.sign_in_delays"] = Delays(
        free_failures=int(setting(app, "SIGN_IN_FREE_FAILURES")),
        first=timedelta(seconds=setting(app, "SIGN_IN_FIRST_DELAY_SECONDS")),
        longest=timedelta(seconds=setting(app, "SIGN_IN_MAX_DELAY_SECONDS")),
    )
    proxies = int(setting(app, "TRUSTED_PROXIES"))
    if proxies:
        # The client is the address the outermost trusted proxy saw (X-Forwarded-For), and
        # the scheme the one it was asked with; without trusted proxies both headers are
        # ignored, so no client can pretend to come from elsewhere.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
