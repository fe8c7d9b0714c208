"""Erasing free text: the redaction is recorded first, then the text and its salt go."""

from __future__ import annotations

from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor
from samverkan.domain.redaction import Redaction
from samverkan.errors import AlreadyRedacted, NotFound


class TextCommands(ServiceBase):
    def redact_text(self, actor: Actor, text_id: UUID, reason: str) -> Redaction:
        sha256 = self.texts.hash_of(text_id)
        if sha256 is None:
            if text_id in self.repository:
                raise AlreadyRedacted(f"Text {text_id} is already erased")
            raise NotFound(f"No text {text_id}")
        redaction = self.record(Redaction.record(actor, text_id, sha256, reason))
        self.texts.erase(text_id)
        return redaction
