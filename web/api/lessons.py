"""Lessons: what a partnership learnt, from which source, at which level of the system."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from marshmallow import fields, validate

from samverkan.application.lessons import LESSON_SOURCE_TYPES
from samverkan.application.viewer import CONTRIBUTE
from samverkan.domain.lesson import Lesson
from samverkan.domain.vocabulary import LESSON_SOURCES, LEVELS
from samverkan.web.api import records
from samverkan.web.api.blueprints import blueprint
from samverkan.web.api.conventions import Reply
from samverkan.web.api.records import (
    Entry,
    Texts,
    allowed,
    command_on,
    listing,
    require_records,
    show,
)
from samverkan.web.api.schemas import (
    NoNul,
    PageQuery,
    Recorded,
    Versioned,
    choice,
    list_schema,
    required_text,
)
from samverkan.web.auth import service

blp = blueprint("lessons", "Lessons learnt at micro, meso and macro level")


class LessonRecordSchema(NoNul):
    text = required_text()
    source_kind = choice(LESSON_SOURCES, required=True)
    source_id = fields.UUID(allow_none=True, load_default=None)
    level = choice(LEVELS, required=True)
    tags = fields.List(
        fields.String(validate=validate.Length(min=1, max=50)),
        load_default=list,
        validate=validate.Length(max=50),
    )


class LessonRetractionInSchema(NoNul):
    reason = required_text()


class LessonRetractionSchema(Recorded):
    reason = fields.String(allow_none=True, metadata={"description": "null when erased"})


class LessonSummarySchema(Versioned):
    partnership_id = fields.UUID()
    text = fields.String(allow_none=True, metadata={"description": "null when erased"})
    source_kind = choice(LESSON_SOURCES)
    source_id = fields.UUID(allow_none=True)
    level = choice(LEVELS)
    tags = fields.List(fields.String())
    retracted = fields.Boolean()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class LessonSchema(LessonSummarySchema):
    recorded = fields.Nested(Recorded)
    retraction = fields.Nested(LessonRetractionSchema, allow_none=True)


class LessonQuery(PageQuery):
    level = choice(LEVELS)
    source_kind = choice(LESSON_SOURCES)
    tag = fields.String(metadata={"description": "Lessons with this tag"})
    retracted = fields.Boolean(metadata={"description": "Only retracted (true) or kept (false)"})


def summaries(lessons: list[Lesson]) -> list[dict[str, Any]]:
    texts = Texts(lesson.text for lesson in lessons)
    return [summary(lesson, texts) for lesson in lessons]


def summary(lesson: Lesson, texts: Texts) -> dict[str, Any]:
    return {
        "id": lesson.id,
        "version": lesson.version,
        "partnership_id": lesson.partnership_id,
        "text": texts(lesson.text),
        "source_kind": lesson.source_kind,
        "source_id": lesson.source_id,
        "level": lesson.level,
        "tags": lesson.tags,
        "retracted": lesson.retracted,
        "created_at": lesson.created_on,
        "updated_at": lesson.modified_on,
    }


def present(lesson: Lesson, entries: list[Entry]) -> dict[str, Any]:
    texts = Texts([lesson.text, *(getattr(entry.event, "reason", None) for entry in entries)])
    body = summary(lesson, texts) | {"retraction": None}
    for entry in entries:
        if entry.topic == "lesson.recorded":
            body["recorded"] = entry.by()
        elif entry.topic == "lesson.retracted":
            body["retraction"] = {"reason": texts(entry.event.reason), **entry.by()}
    return body


def answer(lesson: Lesson, status: int = 200) -> Reply:
    location = None
    if status == 201:
        location = url_for("lessons.lesson", lesson_id=lesson.id)
    return records.answer(lesson, present, status, location)


@blp.post("/partnerships/<uuid:partnership_id>/lessons")
@blp.arguments(LessonRecordSchema)
@blp.response(201, LessonSchema)
def record(body: dict[str, Any], partnership_id: UUID) -> Reply:
    """Write down a lesson; an experiment or decision it came from must be the partnership's."""
    user = allowed(partnership_id, CONTRIBUTE)
    source_type = LESSON_SOURCE_TYPES.get(body["source_kind"])
    if source_type is not None:
        require_records(source_type, partnership_id, "source_id", [body["source_id"]])
    lesson = service().record_lesson(
        user.actor,
        partnership_id,
        body["text"],
        body["source_kind"],
        body["source_id"],
        body["level"],
        body["tags"],
    )
    return answer(lesson, 201)


@blp.post("/lessons/<uuid:lesson_id>/retraction")
@blp.arguments(LessonRetractionInSchema)
@blp.response(200, LessonSchema)
def retract(body: dict[str, Any], lesson_id: UUID) -> Reply:
    """Retract a lesson that no longer holds, saying why; it stays in the record."""
    lesson = command_on(Lesson, lesson_id, service().retract_lesson, body["reason"])
    return answer(lesson)


@blp.get("/lessons/<uuid:lesson_id>")
@blp.response(200, LessonSchema)
def lesson(lesson_id: UUID) -> Reply:
    """The lesson now, or ``?as_of=`` / ``?version=``."""
    return show(Lesson, lesson_id, present)


@blp.get("/partnerships/<uuid:partnership_id>/lessons")
@blp.arguments(LessonQuery, location="query")
@blp.response(200, list_schema(LessonSummarySchema))
def lessons(query: dict[str, Any], partnership_id: UUID) -> dict[str, Any]:
    """The partnership's lessons, oldest first; filter by level, source, tag, retracted."""

    def keep(lesson: Lesson) -> bool:
        return (
            query.get("level", lesson.level) == lesson.level
            and query.get("source_kind", lesson.source_kind) == lesson.source_kind
            and ("tag" not in query or query["tag"].lower() in lesson.tags)
            and query.get("retracted", lesson.retracted) == lesson.retracted
        )

    return listing(Lesson, partnership_id, summaries, keep)
