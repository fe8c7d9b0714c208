"""Lesson: what was learnt, from which source, at which level of the system."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import event

from samverkan.domain.base import (
    Actor,
    Record,
    TextRef,
    created_topic,
    require_choice,
    require_text,
)
from samverkan.domain.partnership import Partnership
from samverkan.domain.vocabulary import LESSON_SOURCES, LEVELS
from samverkan.errors import InvalidInput, LessonRetracted


class Lesson(Record):
    TOPIC = "lesson"
    Created = created_topic("lesson")

    @classmethod
    def record(
        cls,
        actor: Actor,
        partnership: Partnership,
        text: TextRef,
        source_kind: str,
        source_id: UUID | None,
        level: str,
        tags: list[str],
    ) -> Lesson:
        if not isinstance(tags, list):
            raise InvalidInput.field("tags", "must be a list of words")
        return cls(
            actor=actor,
            partnership_id=partnership.id,
            text=text,
            source_kind=require_choice("source_kind", source_kind, LESSON_SOURCES),
            source_id=source_id,
            level=require_choice("level", level, LEVELS),
            tags=sorted({require_text("tags", tag, max_length=50).lower() for tag in tags}),
        )

    @event("Recorded", topic="lesson.recorded")
    def __init__(
        self,
        actor: Actor,
        partnership_id: UUID,
        text: TextRef,
        source_kind: str,
        source_id: UUID | None,
        level: str,
        tags: list[str],
    ) -> None:
        self.partnership_id = partnership_id
        self.text = text
        self.source_kind = source_kind
        self.source_id = source_id
        self.level = level
        self.tags = tags
        self.retracted = False

    def retract(self, actor: Actor, reason: TextRef) -> None:
        if self.retracted:
            raise LessonRetracted("The lesson is already retracted")
        self._retracted(actor=actor, reason=reason)

    @event("Retracted", topic="lesson.retracted")
    def _retracted(self, actor: Actor, reason: TextRef) -> None:
        self.retracted = True
