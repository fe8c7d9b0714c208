"""The PDSA board, an experiment's page and the forms that take it through its stages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.experiment import Experiment
from tests.ui.conftest import Team
from tests.ui.pages import text
from tests.ui.work_setup import (
    Units,
    add_units,
    auditor,
    catch_up,
    field_error,
    form_error,
    signed_in,
    stranger,
)


def plan(service: Samverkan, team: Team, units: Units, **changes: object) -> Experiment:
    values: dict[str, object] = {
        "title": "Sms-påminnelse före besök",
        "change_idea": "Skicka sms dagen före",
        "prediction": "Färre uteblivna besök",
        "site_unit_id": units.clinic,
        "measure_ids": [],
        "previous_id": None,
        "planned_end_on": None,
    }
    values |= changes
    return service.plan_experiment(team.region, team.partnership_id, **values)  # type: ignore[arg-type]


def base(team: Team) -> str:
    return f"/partnerships/{team.partnership_id}/experiments"


def test_the_board_shows_experiments_by_stage_and_marks_those_past_their_end(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    late = plan(service, team, units, title="Försenat", planned_end_on=yesterday)
    running = plan(service, team, units, title="Pågående", site_unit_id=units.lab)
    service.start_experiment(team.region, running.id)
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    response = person.get(base(team))
    assert response.status_code == 200
    page = text(response)
    assert page.index("Planned (1)") < page.index("Försenat") < page.index("Running (1)")
    assert page.index("Running (1)") < page.index("Pågående") < page.index("Studied (0)")
    assert "Past planned end" in page
    assert page.count("Past planned end") == 1
    html = response.get_data(as_text=True)
    assert f"{base(team)}/{late.id}" in html
    assert "Testlabbet" in page


def test_planning_an_experiment_through_the_form_shows_its_page(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    measure = service.define_measure(
        team.region, team.partnership_id, "Uteblivna besök", "%", "decrease", "12", "5", ""
    )
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    response = person.submit(
        f"{base(team)}/new",
        {
            "title": "Sms-påminnelse",
            "change_idea": "Skicka sms dagen före",
            "prediction": "Färre uteblivna besök",
            "site_unit_id": str(units.lab),
            "measure_ids": [str(measure.id)],
            "planned_end_on": "2031-05-01",
        },
    )
    assert response.status_code == 302, form_error(response)
    page = text(person.get(response.headers["Location"]))
    assert "Sms-påminnelse" in page and "Skicka sms dagen före" in page
    assert "Färre uteblivna besök" in page and "Uteblivna besök" in page
    assert "Hälsoteknik AB — Testlabbet" in page
    assert "Experiment planned" in page and "Bo" in page  # the history: organisation, person


def test_each_kind_of_bad_input_shows_beside_its_field_and_records_nothing(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    add_units(service, team)
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    new = f"{base(team)}/new"
    missing = person.submit(new, {"title": "", "site_unit_id": ""})
    assert missing.status_code == 422
    assert field_error(missing, "title") == "Error: This field is required."
    assert field_error(missing, "change_idea") == "Error: This field is required."
    wrong = person.submit(
        new,
        {
            "title": "x" * 201,
            "change_idea": "a",
            "prediction": "b",
            "site_unit_id": "not-a-unit",
            "planned_end_on": "31/12",
        },
    )
    assert wrong.status_code == 422
    assert "Choose among the listed options" in (field_error(wrong, "site_unit_id") or "")
    assert "YYYY-MM-DD" in (field_error(wrong, "planned_end_on") or "")
    foreign = person.submit(
        new,
        {"title": "x", "change_idea": "a", "prediction": "b", "measure_ids": [str(UUID(int=7))]},
    )
    assert "Choose among the listed options" in (field_error(foreign, "measure_ids") or "")
    too_long = person.submit(
        new,
        {
            "title": "x" * 201,
            "change_idea": "a",
            "prediction": "b",
            "site_unit_id": _first_option(person.get(new).get_data(as_text=True), "site_unit_id"),
        },
    )
    assert too_long.status_code == 422
    assert "Not accepted" in (field_error(too_long, "title") or "")
    assert "Experiment planned" not in text(
        person.get(f"/partnerships/{team.partnership_id}/audit")
    )


def _first_option(html: str, name: str) -> str:
    import re

    select = re.search(rf'<select id="{name}".*?</select>', html, flags=re.S)
    assert select
    found = re.search(r'<option value="([^"]+)"', select.group(0))
    assert found
    return found.group(1)


def test_an_experiment_goes_through_its_stages_by_forms(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    first = plan(service, team, units, title="Första cykeln")
    second = plan(service, team, units, title="Andra cykeln", previous_id=first.id)
    catch_up(flask_app)
    person = signed_in(flask_app, "anna@region.example")
    page = f"{base(team)}/{second.id}"
    assert "Start the experiment" in text(person.get(page))
    assert person.submit(f"{page}/start", {}).status_code == 302
    again = person.submit(f"{page}/start", {})  # already running: said on the form, no 500
    assert again.status_code == 409 and "not possible" in form_error(again)
    bad = person.submit(f"{page}/observations/new", {"observed_on": "igår", "note": ""})
    assert bad.status_code == 422
    assert "YYYY-MM-DD" in (field_error(bad, "observed_on") or "")
    assert field_error(bad, "note") == "Error: This field is required."
    observed = person.submit(
        f"{page}/observations/new", {"observed_on": "2026-03-02", "note": "Tre av fyra kom"}
    )
    assert observed.status_code == 302
    wrong = person.submit(f"{page}/study", {"result": "Bättre", "prediction_held": "maybe"})
    assert "Choose among the listed options" in (field_error(wrong, "prediction_held") or "")
    assert (
        person.submit(
            f"{page}/study", {"result": "Bättre", "prediction_held": "partly"}
        ).status_code
        == 302
    )
    assert (
        person.submit(
            f"{page}/conclusion", {"act": "adopt", "rationale": "Det fungerar"}
        ).status_code
        == 302
    )
    shown = text(person.get(page))
    assert "Concluded" in shown and "Tre av fyra kom" in shown and "Bättre" in shown
    assert "Partly" in shown and "Adopt" in shown and "Det fungerar" in shown
    assert "Första cykeln" in shown  # the previous cycle
    assert "Andra cykeln" in text(person.get(f"{base(team)}/{first.id}"))  # the next cycle
    before = person.get(page, query_string={"as_of": date(2000, 1, 1).isoformat()})
    assert "The partnership did not exist yet at that time." in text(before)


def test_the_page_as_of_a_past_time_shows_the_stage_then(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    planned = plan(service, team, units)
    catch_up(flask_app)
    person = signed_in(flask_app, "anna@region.example")
    page = f"{base(team)}/{planned.id}"
    assert person.submit(f"{page}/start", {}).status_code == 302
    assert "Running" in text(person.get(page))
    as_of = planned.modified_on.isoformat()  # the moment it was planned, to the microsecond
    past = person.get(page, query_string={"as_of": as_of})
    assert past.status_code == 200
    shown = text(past)
    assert "You are looking at the past" in shown
    assert "Stage Planned" in shown and "Start the experiment" not in shown


def test_roles_and_a_foreign_organisation(flask_app: Flask, service: Samverkan, team: Team) -> None:
    units = add_units(service, team)
    planned = plan(service, team, units)
    catch_up(flask_app)
    reader = auditor(flask_app, service, team)
    board = text(reader.get(base(team)))
    assert "Sms-påminnelse före besök" in board and "Plan an experiment" not in board
    assert "Start the experiment" not in text(reader.get(f"{base(team)}/{planned.id}"))
    assert reader.get(f"{base(team)}/new").status_code == 403
    assert (
        reader.submit(f"{base(team)}/{planned.id}/start", {}, form_page=base(team)).status_code
        == 403
    )
    outsider = stranger(flask_app, service)
    for path in (base(team), f"{base(team)}/{planned.id}", f"{base(team)}/new"):
        assert outsider.get(path).status_code == 404
    other = service.start_partnership(
        team.region, "Annat", "lab", "x", [], team.region_id, "2020-01-01", None
    )
    catch_up(flask_app)
    member = signed_in(flask_app, "anna@region.example")
    assert member.get(f"/partnerships/{other.id}/experiments/{planned.id}").status_code == 404
    assert (
        signed_in(flask_app, "anna@region.example").get(f"{base(team)}/{UUID(int=5)}").status_code
        == 404
    )


def test_the_work_pages_read_in_swedish_and_norwegian(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    plan(service, team, units)
    catch_up(flask_app)
    pid = team.partnership_id
    for language, words in (
        (
            "sv",
            (
                "Planera ett försök",
                "Definiera ett mått",
                "Registrera en lärdom",
                "Planera en spridning",
                "Träffa en överenskommelse",
            ),
        ),
        (
            "nb",
            (
                "Planlegg et forsøk",
                "Definer en måling",
                "Registrer en lærdom",
                "Planlegg en spredning",
                "Inngå en avtale",
            ),
        ),
    ):
        person = signed_in(flask_app, "anna@region.example", language)
        for path, word in zip(
            ("experiments", "measures", "lessons", "scale-ups", "agreements"), words, strict=True
        ):
            response = person.get(f"/partnerships/{pid}/{path}")
            assert response.status_code == 200
            assert word in text(response), (language, path)
