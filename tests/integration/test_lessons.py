"""Lessons: recorded with a source and a level, retracted once."""

from __future__ import annotations

import uuid

import pytest

from samverkan.application.service import Samverkan
from samverkan.domain.lesson import Lesson
from samverkan.errors import InvalidInput, LessonRetracted, NotFound
from tests.integration.helpers import log, start_team, types


def test_recording_a_lesson(app: Samverkan) -> None:
    team = start_team(app)
    source = uuid.uuid4()
    lesson = app.record_lesson(
        team.municipality,
        team.partnership_id,
        "Involvera patienterna från början",
        "system_analysis",
        source,
        "meso",
        ["Delaktighet", "delaktighet", "PDSA"],
    )
    loaded = app.get(Lesson, lesson.id)
    assert (loaded.source_kind, loaded.source_id, loaded.level) == (
        "system_analysis",
        source,
        "meso",
    )
    assert loaded.tags == ["delaktighet", "pdsa"]
    assert loaded.retracted is False
    assert app.texts.get(loaded.text) == "Involvera patienterna från början"
    [recorded] = log(app, lesson.id)
    assert (recorded.type, recorded.actor) == ("lesson.recorded", team.municipality)
    assert recorded.data["partnership_id"] == str(team.partnership_id)


@pytest.mark.parametrize(
    ("text", "source_kind", "level", "tags", "field"),
    [
        ("Text", "rumour", "micro", [], "source_kind"),
        ("Text", "meeting", "nano", [], "level"),
        ("Text", "meeting", "micro", "pdsa", "tags"),
        ("Text", "meeting", "micro", [""], "tags"),
        ("", "meeting", "micro", [], "text"),
    ],
)
def test_invalid_lessons_name_the_field(
    app: Samverkan, text: str, source_kind: str, level: str, tags: object, field: str
) -> None:
    team = start_team(app)
    with pytest.raises(InvalidInput) as raised:
        app.record_lesson(
            team.region,
            team.partnership_id,
            text,
            source_kind,
            None,
            level,
            tags,  # type: ignore[arg-type]
        )
    assert field in raised.value.errors
    assert "lesson.recorded" not in types(app)


def test_a_lesson_is_retracted_once(app: Samverkan) -> None:
    team = start_team(app)
    lesson = app.record_lesson(
        team.region, team.partnership_id, "Börja smått", "meeting", None, "micro", []
    )
    retracted = app.retract_lesson(team.region, lesson.id, "Visade sig fel")
    assert retracted.retracted is True
    assert app.get(Lesson, lesson.id).retracted is True
    with pytest.raises(LessonRetracted):
        app.retract_lesson(team.region, lesson.id, "Igen")
    assert types(app, lesson.id) == ["lesson.recorded", "lesson.retracted"]
    assert log(app, lesson.id)[-1].actor == team.region


def test_a_retraction_gives_a_reason(app: Samverkan) -> None:
    team = start_team(app)
    lesson = app.record_lesson(
        team.region, team.partnership_id, "Börja smått", "meeting", None, "micro", []
    )
    with pytest.raises(InvalidInput) as raised:
        app.retract_lesson(team.region, lesson.id, " ")
    assert "reason" in raised.value.errors
    assert app.get(Lesson, lesson.id).retracted is False


def test_unknown_lessons_are_not_found(app: Samverkan) -> None:
    team = start_team(app)
    with pytest.raises(NotFound):
        app.retract_lesson(team.region, uuid.uuid4(), "Fel")
    with pytest.raises(NotFound):
        app.record_lesson(team.region, uuid.uuid4(), "Text", "meeting", None, "micro", [])
