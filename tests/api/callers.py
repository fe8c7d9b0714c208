"""API callers: users with real bearer tokens, through the Flask test client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor

OPERATOR = Actor(UUID(int=0), UUID(int=0))


@dataclass
class Caller:
    """A user with a token, calling the API through the Flask test client."""

    client: FlaskClient
    token: str
    user_id: UUID
    organisation_id: UUID

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.organisation_id)

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **(extra or {})}

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        return self.client.get(path, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> TestResponse:
        headers = self.headers(kwargs.pop("headers", None))
        return self.client.post(path, json=json, headers=headers, **kwargs)

    def delete(self, path: str, json: Any = None, **kwargs: Any) -> TestResponse:
        headers = self.headers(kwargs.pop("headers", None))
        return self.client.delete(path, json=json, headers=headers, **kwargs)


def make_caller(flask_app: Flask, organisation_id: UUID, role: str, email: str) -> Caller:
    service: Samverkan = flask_app.extensions["samverkan"]
    user = service.create_user(OPERATOR, email, email.split("@")[0], organisation_id, role)
    _, token = service.issue_token(user.id)
    return Caller(flask_app.test_client(), token, user.id, organisation_id)
