"""Answers to a signed-in caller are never kept by browsers or proxies: a shared computer's
back button or a cache between must not show a partnership's records to the next person."""

from __future__ import annotations

from flask import Flask, Response, g, request, session

from samverkan.web.auth import SESSION_KEY, bearer_token


def signed_in_request() -> bool:
    """A bearer token or a signed-in session came with the request (valid or not)."""
    if g.get("user") is not None or bearer_token() is not None:
        return True
    return not request.path.startswith("/api/") and SESSION_KEY in session


def no_store(response: Response) -> Response:
    """Static files (style sheets) are the same for everyone and stay cacheable."""
    static = (request.endpoint or "").endswith("static")
    if not static and signed_in_request():
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.after_request(no_store)
