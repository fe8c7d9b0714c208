"""Free text lives outside the log and can be erased; the history stays whole and checkable."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from samverkan.application.service import Samverkan
from samverkan.domain.lesson import Lesson
from samverkan.domain.partnership import Partnership
from samverkan.domain.redaction import Redaction
from samverkan.errors import AlreadyRedacted, InvalidInput, NotFound
from samverkan.storage.log import read_log
from samverkan.storage.tables import texts
from tests.integration.helpers import all_topics, log, record_every_event, start_team, types


def test_a_full_history_records_every_event_type(app: Samverkan) -> None:
    """Fails when an aggregate declares an event that no command here records."""
    record_every_event(app)
    recorded = set(types(app))
    assert recorded == all_topics()
    assert "decision.signed_off" in recorded and "text.redacted" in recorded


def test_every_event_names_its_actor(app: Samverkan) -> None:
    record_every_event(app)
    for logged in read_log(app):
        assert logged.actor is not None, logged.type
        assert logged.data.get("actor") is None  # shown apart, not duplicated in the data


def test_free_text_is_stored_apart_and_checkable(app: Samverkan) -> None:
    team = start_team(app)
    partnership = app.get(Partnership, team.partnership_id)
    started = log(app, team.partnership_id)[0]
    assert started.data["purpose"] == {
        "text_id": str(partnership.purpose.id),
        "sha256": partnership.purpose.sha256,
    }
    assert "Vinna-vinna" not in str(started.data)
    assert app.texts.get(partnership.purpose) == (
        "Vinna-vinna-vinna för regionen, företagen och invånarna"
    )
    assert app.texts.matches(partnership.purpose)


def test_a_changed_text_no_longer_matches_its_hash(app: Samverkan) -> None:
    team = start_team(app)
    purpose = app.get(Partnership, team.partnership_id).purpose
    with app.sql.begin() as connection:
        connection.execute(
            texts.update().where(texts.c.id == str(purpose.id)).values(body="Något annat")
        )
    assert not app.texts.matches(purpose)


def test_redaction_erases_the_text_and_keeps_the_history(app: Samverkan) -> None:
    team = start_team(app)
    lesson = app.record_lesson(
        team.region, team.partnership_id, "Anna S. berättade om kön", "meeting", None, "micro", []
    )
    other = app.record_lesson(
        team.region, team.partnership_id, "Börja smått", "meeting", None, "micro", []
    )
    before = log(app)

    redaction = app.redact_text(team.region, lesson.text.id, "Personuppgift")

    assert isinstance(redaction, Redaction)
    assert (redaction.id, redaction.text_id) == (lesson.text.id, lesson.text.id)
    assert redaction.sha256 == lesson.text.sha256
    assert redaction.reason == "Personuppgift"
    assert types(app, redaction.id) == ["text.redacted"]
    assert log(app, redaction.id)[0].actor == team.region
    assert app.texts.get(lesson.text) is None
    assert not app.texts.matches(lesson.text)
    with app.sql.connect() as connection:
        rows = connection.execute(sa.select(texts).where(texts.c.id == str(lesson.text.id)))
        assert rows.first() is None

    after = log(app)
    assert after[: len(before)] == before  # every earlier event reads back unchanged
    assert app.get(Lesson, lesson.id).text == lesson.text
    assert app.get(Redaction, redaction.id).text_id == lesson.text.id
    assert app.texts.get(other.text) == "Börja smått"
    assert app.texts.matches(other.text)


def test_a_text_is_erased_once(app: Samverkan) -> None:
    team = start_team(app)
    purpose = app.get(Partnership, team.partnership_id).purpose
    app.redact_text(team.region, purpose.id, "Personuppgift")
    with pytest.raises(AlreadyRedacted):
        app.redact_text(team.region, purpose.id, "Igen")
    assert types(app).count("text.redacted") == 1


def test_erasing_an_unknown_text_is_not_found(app: Samverkan) -> None:
    team = start_team(app)
    with pytest.raises(NotFound):
        app.redact_text(team.region, uuid.uuid4(), "Finns inte")


def test_an_erasure_gives_a_reason(app: Samverkan) -> None:
    team = start_team(app)
    purpose = app.get(Partnership, team.partnership_id).purpose
    with pytest.raises(InvalidInput) as raised:
        app.redact_text(team.region, purpose.id, " ")
    assert "reason" in raised.value.errors
    assert app.texts.get(purpose) is not None


def test_the_whole_history_loads_after_erasures(app: Samverkan) -> None:
    team = record_every_event(app)
    refs = [
        (logged.data[field]["text_id"], logged.data[field]["sha256"])
        for logged in log(app)
        for field in ("summary", "rationale", "note", "reason", "description")
        if isinstance(logged.data.get(field), dict)
    ]
    assert len(refs) > 10
    erased = refs[::2]
    for text_id, _ in erased:
        app.redact_text(team.region, uuid.UUID(text_id), "Gallring")

    history = log(app)
    assert [e.type for e in history].count("text.redacted") == 1 + len(erased)
    versions = {logged.originator_id: logged.version for logged in history}
    for originator_id, version in versions.items():
        assert app.repository.get(originator_id).version == version
    assert app.get(Partnership, team.partnership_id).status == "completed"
    kept = [ref for ref in refs if ref not in erased]
    for text_id, sha256 in kept:
        assert app.texts.hash_of(uuid.UUID(text_id)) == sha256
    for text_id, _ in erased:
        assert app.texts.get(uuid.UUID(text_id)) is None
