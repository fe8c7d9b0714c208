"""Lessons: recorded from an experiment, a decision, a meeting or a system analysis; retracted."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from samverkan.application.base import ServiceBase
from samverkan.domain.base import Actor, require_id
from samverkan.domain.decision import Decision
from samverkan.domain.experiment import Experiment
from samverkan.domain.lesson import Lesson
from samverkan.domain.partnership import Partnership
from samverkan.errors import InvalidInput

# Lesson sources that are records of the partnership (a system analysis may be outside it).
LESSON_SOURCE_TYPES: dict[str, type[Any]] = {"experiment": Experiment, "decision": Decision}


class LessonCommands(ServiceBase):
    def record_lesson(
        self,
        actor: Actor,
        partnership_id: UUID,
        text: str,
        source_kind: str,
        source_id: UUID | None,
        level: str,
        tags: list[str],
    ) -> Lesson:
        partnership = self.read(Partnership, partnership_id)
        source = None if source_id is None else require_id("source_id", source_id)
        if source is not None and source_kind in LESSON_SOURCE_TYPES:
            self.own(LESSON_SOURCE_TYPES[source_kind], partnership, "source_id", source)
        elif (
            source is not None
            and source_kind == "meeting"
            and str(source) not in partnership.meetings
        ):
            raise InvalidInput.field("source_id", "is not a meeting of the partnership")
        return self.record(
            Lesson.record(
                actor,
                partnership,
                text=self.text("text", text),
                source_kind=source_kind,
                source_id=source,
                level=level,
                tags=tags,
            )
        )

    def retract_lesson(
        self, actor: Actor, lesson_id: UUID, reason: str, *, expected_version: int | None = None
    ) -> Lesson:
        why = self.text("reason", reason)
        lesson, _ = self.change(
            Lesson, lesson_id, lambda x: x.retract(actor, why), expected_version=expected_version
        )
        return lesson
