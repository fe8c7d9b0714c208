"""Erasing free text that holds personal data (admins): the log keeps only its hash."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from marshmallow import fields, validate

from samverkan.application.viewer import Viewer
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.schemas import Strict
from samverkan.web.auth import require_user, service

blp = blueprint("texts", "Erasing free text (GDPR): the text goes, its hash stays in the log")


class ErasureSchema(Strict):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=200))


class RedactionSchema(Strict):
    text_id = fields.UUID()
    sha256 = fields.String()
    reason = fields.String()


@blp.post("/texts/<uuid:text_id>/erasure")
@blp.arguments(ErasureSchema)
@blp.response(200, RedactionSchema)
def erase(body: dict[str, Any], text_id: UUID) -> dict[str, Any]:
    """Erase a text and its salt; a ``text.redacted`` event records that it was erased."""
    user = require_user()
    Viewer.of(service().sql, user).require_role("admin")
    redaction = service().redact_text(user.actor, text_id, body["reason"])
    return {"text_id": redaction.text_id, "sha256": redaction.sha256, "reason": redaction.reason}
