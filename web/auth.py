"""Who is calling: a bearer token (API) or a signed-in session (pages), and what they may do."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, current_app, g, request, session
from werkzeug.exceptions import Unauthorized

from core.application import Samverkan
from core.commands.accounts import User

F = TypeVar("F", bound=Callable[..., Any])


def service() -> Samverkan:
    app: Samverkan = current_app.extensions["samverkan"]
    return app


class NotSignedIn(Unauthorized):
    description = "Send 'Authorization: Bearer <token>' with a valid, unrevoked token."

    def get_headers(self, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
        return [*super().get_headers(*args, **kwargs), ("WWW-Authenticate", "Bearer")]


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_user() -> User | None:
    """The caller: by bearer token on the API, by session on pages; cached per request."""
    if "user" not in g:
        user = None
        token = bearer_token()
        if token is not None:
            user = service().user_for_token(token)
        elif not request.path.startswith("/api/") and "user_id" in session:
            try:
                user = service().get_user(session["user_id"])
            except Exception:
                session.clear()
        g.user = user
    return g.user  # type: ignore[no-any-return]


def require_user() -> User:
    user = current_user()
    if user is None:
        raise NotSignedIn()
    return user


def signed_in(view: F) -> F:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        require_user()
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["current_user"] = current_user
