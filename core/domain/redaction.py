"""Redaction: the record that a free text was erased (its id is the text's id)."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import event

from samverkan.domain.base import Actor, Record, created_topic, require_text


class Redaction(Record):
    TOPIC = "text"
    Created = created_topic("text")

    @staticmethod
    def create_id(text_id: UUID) -> UUID:
        """One redaction per text: a second one conflicts in the store."""
        return text_id

    @event("Redacted", topic="text.redacted")
    def __init__(self, actor: Actor, text_id: UUID, sha256: str, reason: str) -> None:
        self.text_id = text_id
        self.sha256 = sha256
        self.reason = reason

    @classmethod
    def record(cls, actor: Actor, text_id: UUID, sha256: str, reason: str) -> Redaction:
        return cls(
            actor=actor,
            text_id=text_id,
            sha256=sha256,
            reason=require_text("reason", reason, max_length=200),
        )
