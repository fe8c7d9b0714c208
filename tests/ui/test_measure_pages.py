"""The measures list (baseline, latest, target side by side), a measure's values and
corrections, and the forms that define a measure and record or correct its values."""

from __future__ import annotations

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.measure import Measure
from tests.ui.conftest import Team
from tests.ui.pages import text
from tests.ui.work_setup import auditor, catch_up, field_error, form_error, signed_in, stranger


def define(service: Samverkan, team: Team) -> Measure:
    return service.define_measure(
        team.region, team.partnership_id, "Uteblivna besök", "%", "decrease", "12", "5", "Räknas"
    )


def base(team: Team) -> str:
    return f"/partnerships/{team.partnership_id}/measures"


def test_the_list_shows_baseline_latest_and_target_and_links_the_run_chart(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    measure = define(service, team)
    service.record_value(team.region, measure.id, "2026-01", "11")
    service.record_value(team.region, measure.id, "2026-02", "9.5")
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    response = person.get(base(team))
    assert response.status_code == 200
    page = text(response)
    assert "Uteblivna besök (%) Decrease 12 9.5 (2026-02) 5" in page
    html = response.get_data(as_text=True)
    assert f'href="/measures/{measure.id}"' in html  # the plugin's run chart page
    assert f'href="{base(team)}/{measure.id}"' in html


def test_defining_a_measure_and_recording_and_correcting_values_by_forms(
    flask_app: Flask, team: Team
) -> None:
    person = signed_in(flask_app, "bo@company.example")
    created = person.submit(
        f"{base(team)}/new",
        {"name": "Väntetid", "unit": "dagar", "direction": "decrease", "baseline": "30,5"},
    )
    assert created.status_code == 302, form_error(created)
    page = created.headers["Location"]
    assert (
        person.submit(
            f"{page}/values/new", {"period": "2026-03", "value": "28", "n": "40"}
        ).status_code
        == 302
    )
    corrected = person.submit(
        f"{page}/corrections/new",
        {"period": "2026-03", "value": "27", "reason": "Fel i uttaget"},
    )
    assert corrected.status_code == 302, form_error(corrected)
    shown = text(person.get(page))
    assert "Väntetid" in shown and "30.5" in shown
    assert "2026-03 27 40" in shown
    assert "First recorded as 28" in shown and "Fel i uttaget" in shown
    assert "Hälsoteknik AB" in shown  # who corrected it
    assert "Measure defined" in shown and "Value recorded" in shown and "Value corrected" in shown


def test_bad_input_shows_beside_each_field_and_records_nothing(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    measure = define(service, team)
    service.record_value(team.region, measure.id, "2026-01", "11")
    catch_up(flask_app)
    person = signed_in(flask_app, "anna@region.example")
    missing = person.submit(f"{base(team)}/new", {"direction": "sideways", "target": "many"})
    assert missing.status_code == 422
    assert field_error(missing, "name") == "Error: This field is required."
    assert "Choose among the listed options" in (field_error(missing, "direction") or "")
    assert "Enter an amount" in (field_error(missing, "target") or "")
    values = f"{base(team)}/{measure.id}/values/new"
    for data, field, message in (
        ({"period": "mars", "value": "3"}, "period", "A month such as 2026-03"),
        ({"period": "2026-13", "value": "3"}, "period", "A month such as 2026-03"),
        ({"period": "2026-02", "value": "tre"}, "value", "Enter an amount"),
        ({"period": "2026-02", "value": "3", "n": "0"}, "n", "whole number"),
        ({"period": "2026-02", "value": "3", "n": "2.5"}, "n", "whole number"),
        ({"period": "2026-02", "value": "3", "n": str(10**20)}, "n", "whole number"),
        ({"period": "2026-01", "value": "3"}, "period", "correct it instead"),
        ({"value": "3"}, "period", "This field is required"),
    ):
        response = person.submit(values, data)
        assert response.status_code == 422, data
        assert message in (field_error(response, field) or ""), (data, field_error(response, field))
    corrections = f"{base(team)}/{measure.id}/corrections/new"
    unknown = person.submit(corrections, {"period": "2025-12", "value": "3", "reason": "x"})
    assert "Choose among the listed options" in (field_error(unknown, "period") or "")
    no_reason = person.submit(corrections, {"period": "2026-01", "value": "3"})
    assert field_error(no_reason, "reason") == "Error: This field is required."
    shown = text(person.get(f"{base(team)}/{measure.id}"))
    assert "2026-01 11" in shown and "2026-02" not in shown and "First recorded" not in shown


def test_roles_and_a_foreign_organisation(flask_app: Flask, service: Samverkan, team: Team) -> None:
    measure = define(service, team)
    catch_up(flask_app)
    reader = auditor(flask_app, service, team)
    page = text(reader.get(f"{base(team)}/{measure.id}"))
    assert "Uteblivna besök" in page and "Record a value" not in page
    assert "Define a measure" not in text(reader.get(base(team)))
    assert reader.get(f"{base(team)}/new").status_code == 403
    assert reader.get(f"{base(team)}/{measure.id}/values/new").status_code == 403
    outsider = stranger(flask_app, service)
    for path in (base(team), f"{base(team)}/{measure.id}", f"{base(team)}/{measure.id}/values/new"):
        assert outsider.get(path).status_code == 404
