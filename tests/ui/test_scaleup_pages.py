"""Scale-ups: the list (with the plugin's practice × unit matrix linked), a scale-up's page
with each unit's stage, and the forms that plan, record adoption, complete and halt."""

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
    return f"/partnerships/{team.partnership_id}/scale-ups"


def test_planning_and_following_a_scale_up_by_forms(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    origin = service.plan_experiment(
        team.region, team.partnership_id, "Sms-påminnelse", "Sms", "Färre", units.clinic, []
    )
    catch_up(flask_app)
    person = signed_in(flask_app, "bo@company.example")
    planned = person.submit(
        f"{base(team)}/new",
        {
            "practice": "Sms före besök",
            "origin_id": str(origin.id),
            "target_unit_ids": [str(units.clinic), str(units.lab)],
        },
    )
    assert planned.status_code == 302, form_error(planned)
    page = planned.headers["Location"]
    adopted = person.submit(
        f"{page}/adoptions/new", {"unit_id": str(units.lab), "stage": "piloting", "note": "Vecka 1"}
    )
    assert adopted.status_code == 302, form_error(adopted)
    shown = text(person.get(page))
    assert "Sms före besök" in shown and "Sms-påminnelse" in shown
    assert "Hälsoteknik AB — Testlabbet Piloting Piloting" in shown and "Vecka 1" in shown
    assert "Region Västerbotten — Tandvårdskliniken Not started" in shown
    listing = person.get(base(team))
    assert "Sms före besök Active Sms-påminnelse 2 0" in text(listing)
    assert f'href="/partnerships/{team.partnership_id}/scale-up-matrix"' in listing.get_data(
        as_text=True
    )
    assert person.submit(f"{page}/completion", {"note": "Klart"}).status_code == 302
    done = text(person.get(page))
    assert "Completed" in done and "Klart" in done and "Record adoption" not in done
    late = person.submit(f"{page}/halt", {"reason": "För sent"})
    assert late.status_code == 422 and "has ended" in form_error(late)


def test_halting_needs_a_reason_and_bad_input_shows_beside_each_field(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    units = add_units(service, team)
    scale_up = service.plan_scale_up(team.region, team.partnership_id, "Sms", None, [units.clinic])
    catch_up(flask_app)
    person = signed_in(flask_app, "anna@region.example")
    missing = person.submit(f"{base(team)}/new", {"origin_id": "nope"})
    assert missing.status_code == 422
    assert field_error(missing, "practice") == "Error: This field is required."
    assert "Choose among the listed options" in (field_error(missing, "origin_id") or "")
    assert field_error(missing, "target_unit_ids") == "Error: Choose at least one."
    page = f"{base(team)}/{scale_up.id}"
    not_a_target = person.submit(
        f"{page}/adoptions/new", {"unit_id": str(units.lab), "stage": "adopted"}
    )
    assert "Choose among the listed options" in (field_error(not_a_target, "unit_id") or "")
    bad_stage = person.submit(
        f"{page}/adoptions/new", {"unit_id": str(units.clinic), "stage": "flying"}
    )
    assert "Choose among the listed options" in (field_error(bad_stage, "stage") or "")
    no_reason = person.submit(f"{page}/halt", {"reason": " "})
    assert field_error(no_reason, "reason") == "Error: This field is required."
    assert person.submit(f"{page}/halt", {"reason": "Ingen budget"}).status_code == 302
    shown = text(person.get(page))
    assert "Halted" in shown and "Ingen budget" in shown and "Scale-up halted" in shown


def test_roles_and_a_foreign_organisation(flask_app: Flask, service: Samverkan, team: Team) -> None:
    units = add_units(service, team)
    scale_up = service.plan_scale_up(team.region, team.partnership_id, "Sms", None, [units.clinic])
    catch_up(flask_app)
    reader = auditor(flask_app, service, team)
    page = f"{base(team)}/{scale_up.id}"
    assert "Record adoption" not in text(reader.get(page))
    assert "Plan a scale-up" not in text(reader.get(base(team)))
    for path in (f"{base(team)}/new", f"{page}/adoptions/new", f"{page}/halt"):
        assert reader.get(path).status_code == 403
    outsider = stranger(flask_app, service)
    for path in (base(team), page, f"{page}/completion"):
        assert outsider.get(path).status_code == 404
