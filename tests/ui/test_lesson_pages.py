"""Lessons by level and source, linked both ways to where they were learnt; the forms that
record and retract them."""

from __future__ import annotations

from flask import Flask

from samverkan.application.service import Samverkan
from tests.ui.conftest import Team
from tests.ui.pages import text
from tests.ui.work_setup import (
    add_units,
    auditor,
    catch_up,
    field_error,
    form_error,
    signed_in,
    stranger,
)


def base(team: Team) -> str:
    return f"/partnerships/{team.partnership_id}/lessons"


def test_lessons_are_grouped_by_level_and_source_and_linked_both_ways(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    experiment = service.plan_experiment(
        team.region, team.partnership_id, "Sms-påminnelse", "Sms", "Färre", units.clinic, []
    )
    service.record_lesson(
        team.region,
        team.partnership_id,
        "Sms räcker inte",
        "experiment",
        experiment.id,
        "micro",
        ["sms"],
    )
    service.record_lesson(
        team.region,
        team.partnership_id,
        "Ledningen måste vara med",
        "system_analysis",
        None,
        "macro",
        [],
    )
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    response = person.get(base(team))
    assert response.status_code == 200
    page = text(response)
    assert page.index("Level: Micro") < page.index("Learnt from: Experiment")
    assert page.index("Learnt from: Experiment") < page.index("Sms räcker inte")
    assert page.index("Level: Macro") < page.index("Learnt from: System analysis")
    assert page.index("Learnt from: System analysis") < page.index("Ledningen måste vara med")
    assert "Level: Meso" not in page
    experiment_page = f"/partnerships/{team.partnership_id}/experiments/{experiment.id}"
    assert f'href="{experiment_page}"' in response.get_data(as_text=True)
    back = person.get(experiment_page).get_data(as_text=True)
    assert "Sms räcker inte" in back and f"{base(team)}#lesson-" in back


def test_recording_and_retracting_a_lesson_by_forms(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    experiment = service.plan_experiment(
        team.region, team.partnership_id, "Sms-påminnelse", "Sms", "Färre", units.clinic, []
    )
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    form = f"{base(team)}/new?source_kind=experiment&source_id={experiment.id}"
    prefilled = person.get(form).get_data(as_text=True)
    assert f'<option value="{experiment.id}" selected>' in prefilled
    recorded = person.submit(
        f"{base(team)}/new",
        {
            "text": "Patienterna vill ha sms",
            "level": "micro",
            "source_kind": "experiment",
            "source_id": str(experiment.id),
            "tags": "sms, Påminnelse",
        },
    )
    assert recorded.status_code == 302, form_error(recorded)
    page = text(person.get(base(team)))
    assert "Patienterna vill ha sms" in page and "påminnelse" in page and "Sms-påminnelse" in page
    lesson_id = recorded.headers["Location"].split("#lesson-")[1]
    retract = f"{base(team)}/{lesson_id}/retraction"
    assert person.submit(retract, {"reason": "Fel slutsats"}).status_code == 302
    assert "Retracted" in text(person.get(base(team)))
    again = person.submit(retract, {"reason": "Igen"})
    assert again.status_code == 422
    assert "already retracted" in (field_error(again, "reason") or "")


def test_bad_input_shows_beside_each_field(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    experiment = service.plan_experiment(
        team.region, team.partnership_id, "Sms-påminnelse", "Sms", "Färre", units.clinic, []
    )
    catch_up(flask_app)
    person = signed_in(flask_app, "anna@region.example")
    new = f"{base(team)}/new"
    missing = person.submit(new, {"level": "galaxy"})
    assert missing.status_code == 422
    assert field_error(missing, "text") == "Error: This field is required."
    assert "Choose among the listed options" in (field_error(missing, "level") or "")
    assert field_error(missing, "source_kind") == "Error: This field is required."
    wrong_kind = person.submit(
        new,
        {"text": "x", "level": "meso", "source_kind": "decision", "source_id": str(experiment.id)},
    )
    assert wrong_kind.status_code == 422
    assert "kind the lesson was learnt from" in (field_error(wrong_kind, "source_id") or "")
    long_tag = person.submit(
        new, {"text": "x", "level": "meso", "source_kind": "system_analysis", "tags": "x" * 51}
    )
    assert "at most 50" in (field_error(long_tag, "tags") or "")
    assert "No lessons are recorded yet." in text(person.get(base(team)))


def test_roles_and_a_foreign_organisation(flask_app: Flask, service: Samverkan, team: Team) -> None:
    lesson = service.record_lesson(
        team.region, team.partnership_id, "Ledningen", "system_analysis", None, "macro", []
    )
    catch_up(flask_app)
    reader = auditor(flask_app, service, team)
    page = text(reader.get(base(team)))
    assert "Ledningen" in page and "Retract" not in page and "Record a lesson" not in page
    assert reader.get(f"{base(team)}/new").status_code == 403
    assert reader.get(f"{base(team)}/{lesson.id}/retraction").status_code == 403
    outsider = stranger(flask_app, service)
    for path in (base(team), f"{base(team)}/new", f"{base(team)}/{lesson.id}/retraction"):
        assert outsider.get(path).status_code == 404
