"""A person using the pages through the Flask test client: signs in, fills forms with the
CSRF token the page gave, reads the HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from tests.api.callers import OPERATOR

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Visitor:
    client: FlaskClient
    language: str = "en"

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        headers = {"Accept-Language": self.language, **kwargs.pop("headers", {})}
        return self.client.get(path, headers=headers, **kwargs)

    def csrf_token(self, path: str = "/sign-in") -> str:
        found = CSRF.search(self.get(path).get_data(as_text=True))
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def submit(self, path: str, data: dict[str, Any], form_page: str | None = None) -> TestResponse:
        """POST a form as a browser does: with the token from the page that shows it."""
        token = self.csrf_token(form_page or path)
        headers = {"Accept-Language": self.language}
        return self.client.post(path, data={**data, "csrf_token": token}, headers=headers)

    def sign_in(self, email: str, password: str = PASSWORD) -> TestResponse:
        return self.submit("/sign-in", {"email": email, "password": password})


def visitor(flask_app: Flask, language: str = "en") -> Visitor:
    return Visitor(flask_app.test_client(), language)


def user_with_password(service: Samverkan, organisation_id: UUID, role: str, email: str) -> Actor:
    user = service.create_user(
        OPERATOR, email, email.split("@")[0].title(), organisation_id, role, password=PASSWORD
    )
    return user.actor


def text(response: TestResponse) -> str:
    """The page's text without tags, whitespace collapsed (for 'the page says ...')."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
