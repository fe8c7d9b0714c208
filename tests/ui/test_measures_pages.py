"""The measure page (run chart as picture, table and sentences), its SVG, and the measures panel
on the partnership page, in English, Swedish and Norwegian."""

from __future__ import annotations

from uuid import UUID

from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.web.plugins import projections_of
from tests.ui.conftest import Team
from tests.ui.pages import text, visitor


def shifted_measure(flask_app: Flask, service: Samverkan, team: Team) -> UUID:
    """9,1 x 6 (median 5) then 6, 7, 5, 8, 6, 7, 8: a shift of six points above the median."""
    measure = service.define_measure(
        team.region,
        team.partnership_id,
        "Återinskrivningar",
        "st",
        "decrease",
        "10",
        "4",
        "Journal",
    )
    for i, value in enumerate([9, 1] * 6 + [6, 7, 5, 8, 6, 7, 8]):
        service.record_value(team.region, measure.id, f"{2024 + i // 12}-{i % 12 + 1:02d}", value)
    service.correct_value(team.region, measure.id, "2024-01", "9", "Omräknad")
    projections_of(flask_app).catch_up()
    return measure.id


def test_measure_page_tells_the_signals_in_words_and_a_table(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    measure_id = shifted_measure(flask_app, service, team)
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    response = person.get(f"/measures/{measure_id}")
    assert response.status_code == 200
    page = text(response)
    assert "Återinskrivningar" in page
    assert "Median 5, from the first 12 points." in page
    assert (
        "Shift: 6 points in a row on the same side of the median (6 or more signal a shift)."
        in page
    )
    assert "Periods: 2025-01, 2025-02, 2025-04, 2025-05, 2025-06, 2025-07" in page
    assert "2025-03 5 – on the median" in page  # the table says where each point lies
    assert "2024-01: 9 → 9 — Omräknad" in page  # the correction with its reason
    html = response.get_data(as_text=True)
    assert f'src="/measures/{measure_id}/run-chart.svg?rules=ihi"' in html
    assert 'alt="Run chart of Återinskrivningar: 19 values;' in html

    anhoej = text(person.get(f"/measures/{measure_id}?rules=anhoej"))
    assert "No signal: the variation looks random by these rules." in anhoej


def test_the_picture_is_an_svg_without_script(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    measure_id = shifted_measure(flask_app, service, team)
    person = visitor(flask_app)
    person.sign_in("anna@region.example")
    svg = person.get(f"/measures/{measure_id}/run-chart.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    body = svg.get_data(as_text=True)
    assert body.startswith("<svg") and "<script" not in body
    assert "stroke-dasharray:8,6" in body  # the median is dashed, not only another colour
    assert svg.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    # Nine signal markers would be a mistake: the shift has six points, each one large dot.
    assert body.count('r="7"') == 6


def test_pages_are_translated_and_hidden_from_others(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    measure_id = shifted_measure(flask_app, service, team)
    swede = visitor(flask_app, "sv")
    swede.sign_in("bo@company.example")
    page = text(swede.get(f"/measures/{measure_id}"))
    assert "Skift: 6 punkter i rad på samma sida av medianen" in page
    assert "Seriediagram" in page
    norwegian = visitor(flask_app, "nb")
    norwegian.sign_in("bo@company.example")
    assert "Skift: 6 punkter på rad på samme side av medianen" in text(
        norwegian.get(f"/measures/{measure_id}")
    )
    from tests.ui.pages import user_with_password

    other = service.register_organisation(team.region, "Annan kommun", "municipality", "SE").id
    user_with_password(service, other, "member", "cecilia@annan.example")
    stranger = visitor(flask_app)
    stranger.sign_in("cecilia@annan.example")
    assert stranger.get(f"/measures/{measure_id}").status_code == 404
    assert stranger.get(f"/measures/{measure_id}/run-chart.svg").status_code == 404
    anonymous = visitor(flask_app).get(f"/measures/{measure_id}")
    assert anonymous.status_code == 302 and "/sign-in" in anonymous.headers["Location"]


def test_partnership_page_panel_shows_baseline_latest_and_target(
    flask_app: Flask, service: Samverkan, team: Team
) -> None:
    survey = service.define_measure(
        team.region, team.partnership_id, "Bruker flytskjema", "%", "increase", "29", "70", ""
    )
    service.record_value(team.region, survey.id, "2012-02", "29", 26)
    service.record_value(team.region, survey.id, "2013-02", "62", 23)
    projections_of(flask_app).catch_up()
    person = visitor(flask_app)
    person.sign_in("bo@company.example")
    page = text(person.get(f"/partnerships/{team.partnership_id}"))
    assert "Improvement measures" in page
    assert "Bruker flytskjema (%) 29 29 2012-02 62 2013-02 70" in page
    swedish = visitor(flask_app, "sv")
    swedish.sign_in("bo@company.example")
    assert "Förbättringsmått" in text(swedish.get(f"/partnerships/{team.partnership_id}"))
