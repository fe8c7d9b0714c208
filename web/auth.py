"""Who is calling: a bearer token (API) or a signed-in session (pages), and what they may do."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import Flask, current_app, g, request, session
from werkzeug.exceptions import Unauthorized

from samverkan.application.accounts import User, user_from_row
from samverkan.application.service import Samverkan
from samverkan.application.sessions import Limits, session_row

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


def page_connection() -> sa.Connection:
    """One connection for the reads every page makes (its user, the read models' version),
    given back when the request ends: on PostgreSQL each connection taken from the pool
    costs round trips of its own."""
    connection: sa.Connection | None = g.get("page_connection")
    if connection is None:
        connection = g.page_connection = service().sql.connect()
    return connection


def give_back_page_connection(_error: BaseException | None = None) -> None:
    connection: sa.Connection | None = g.pop("page_connection", None)
    if connection is not None:
        connection.close()


SESSION_KEY = "sid"  # the session id in the signed cookie; the server keeps its digest


def session_user(session_id: str) -> User | None:
    """The user of a live server-side session (application.sessions), on the page's connection."""
    limits: Limits = current_app.extensions["samverkan.session_limits"]
    row = session_row(page_connection(), session_id, limits)
    return None if row is None else user_from_row(row)


def current_session_id() -> str | None:
    found = session.get(SESSION_KEY)
    return found if isinstance(found, str) else None


def current_user() -> User | None:
    """The caller: by bearer token on the API, by session on pages; cached per request."""
    if "user" not in g:
        user = None
        token = bearer_token()
        if token is not None:
            user = service().user_for_token(token)
        elif not request.path.startswith("/api/") and SESSION_KEY in session:
            session_id = current_session_id()
            try:
                user = None if session_id is None else session_user(session_id)
            except Exception:
                give_back_page_connection()
                user = None
            if user is None:
                session.pop(SESSION_KEY, None)
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
    app.teardown_request(give_back_page_connection)
