"""GET /measures/{id}/run-chart, /spc and /partnerships/{id}/indicators over HTTP, on both
stores: exact shape (API.md), corrections, as_of (recording time), access."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from tests.api.callers import OPERATOR, Caller, make_caller

PROBLEM = "application/problem+json"


@dataclass
class World:
    member: Caller
    actor: Actor
    outsider: Caller
    partnership_id: UUID


def catch_up(flask_app: Flask) -> None:
    """The service was called directly (not through a write request): update the read models."""
    flask_app.extensions["samverkan.projections"].catch_up()


@pytest.fixture
def world(flask_app: Flask, service: Samverkan) -> World:
    region = service.register_organisation(OPERATOR, "Region Norrbotten", "region", "SE").id
    other = service.register_organisation(OPERATOR, "Annan region", "region", "SE").id
    member = make_caller(flask_app, region, "coordinator", "coordinator@example.org")
    outsider = make_caller(flask_app, other, "coordinator", "outsider@example.org")
    actor = Actor(member.user_id, region)
    partnership = service.start_partnership(
        actor, "Nära vård", "improvement_network", "Syfte", [], region, "2024-01-01", None
    )
    return World(member, actor, outsider, partnership.id)


def define(service: Samverkan, world: World, name: str = "Återinskrivningar", **kw: object) -> UUID:
    fields: dict[str, object] = {
        "unit": "st",
        "direction": "decrease",
        "baseline": "10",
        "target": "5",
        "method": "Räknas i journalen",
    }
    fields.update(kw)
    measure = service.define_measure(world.actor, world.partnership_id, name, **fields)  # type: ignore[arg-type]
    return measure.id


def record(service: Samverkan, world: World, measure_id: UUID, values: list[int]) -> None:
    for i, value in enumerate(values):
        service.record_value(world.actor, measure_id, f"{2024 + i // 12}-{i % 12 + 1:02d}", value)


def test_run_chart_has_the_shape_of_api_md(
    flask_app: Flask, service: Samverkan, world: World
) -> None:
    # Baseline 9,1 x 6 (median 5), then 6,7,5,8,6,7,8: six points above (5 on the median).
    measure_id = define(service, world)
    record(service, world, measure_id, [9, 1] * 6 + [6, 7, 5, 8, 6, 7, 8])
    catch_up(flask_app)
    answer = world.member.get(f"/api/v1/measures/{measure_id}/run-chart")
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert body["median"] == "5"
    assert body["points"][:2] == [
        {"period": "2024-01", "value": "9"},
        {"period": "2024-02", "value": "1"},
    ]
    assert len(body["points"]) == 19
    assert body["version"] == 20 and answer.headers["ETag"] == '"20"'
    shifts = [s for s in body["signals"] if s["rule"] == "shift"]
    assert shifts == [
        {
            "rule": "shift",
            "periods": ["2025-01", "2025-02", "2025-04", "2025-05", "2025-06", "2025-07"],
            "parameters": {
                "rule_set": "ihi",
                "min_points": 6,
                "median": "5",
                "points": 6,
                "baseline_points": 12,
            },
        }
    ]
    assert {s["rule"] for s in body["signals"]} <= {"shift", "trend", "runs", "astronomical"}
    # 18 of the 19 points are off the median: 12 alternating runs, then one run of 6 above
    # -> 13 runs, within 6..14 for 18 useful observations (Perla et al.): no runs signal.
    assert "runs" not in {s["rule"] for s in body["signals"]}

    anhoej = world.member.get(f"/api/v1/measures/{measure_id}/run-chart?rules=anhoej").json
    assert {s["rule"] for s in anhoej["signals"]} <= {"longest_run", "crossings"}
    assert all(s["parameters"]["rule_set"] == "anhoej" for s in anhoej["signals"])
    # Longest run 6 is not above round(log2(18) + 3) = 7; 12 crossings >= qbinom = 6.
    assert anhoej["signals"] == []

    unfrozen = world.member.get(f"/api/v1/measures/{measure_id}/run-chart?baseline_points=19")
    # 19 values sorted: 1 x 6, 5, 6, 6, 7, ...: the 10th is 7.
    assert unfrozen.json["median"] == "7"


def test_corrections_and_as_of(flask_app: Flask, service: Samverkan, world: World) -> None:
    measure_id = define(service, world)
    record(service, world, measure_id, [4, 6, 8])
    before_correction = datetime.now(UTC)
    service.correct_value(world.actor, measure_id, "2024-03", "2", "Dubbelräknad")
    catch_up(flask_app)
    now = world.member.get(f"/api/v1/measures/{measure_id}/run-chart").json
    assert [p["value"] for p in now["points"]] == ["4", "6", "2"]
    assert now["median"] == "4"
    past = world.member.get(
        f"/api/v1/measures/{measure_id}/run-chart",
        query_string={"as_of": before_correction.isoformat()},
    )
    assert past.status_code == 200, past.json
    assert [p["value"] for p in past.json["points"]] == ["4", "6", "8"]
    assert past.json["median"] == "6" and past.json["version"] == 4
    by_version = world.member.get(f"/api/v1/measures/{measure_id}/run-chart?version=2").json
    assert by_version["points"] == [{"period": "2024-01", "value": "4"}]
    long_ago = world.member.get(f"/api/v1/measures/{measure_id}/run-chart?as_of=2000-01-01")
    assert long_ago.status_code == 404 and long_ago.mimetype == PROBLEM
    both = world.member.get(f"/api/v1/measures/{measure_id}/run-chart?as_of=2030-01-01&version=1")
    assert both.status_code == 400 and both.mimetype == PROBLEM


def test_access_and_bad_input(flask_app: Flask, service: Samverkan, world: World) -> None:
    measure_id = define(service, world)
    record(service, world, measure_id, [1, 2])
    catch_up(flask_app)
    path = f"/api/v1/measures/{measure_id}/run-chart"
    hidden = world.outsider.get(path)
    assert hidden.status_code == 404 and hidden.mimetype == PROBLEM
    assert world.outsider.get(f"/api/v1/measures/{measure_id}/spc").status_code == 404
    indicators = f"/api/v1/partnerships/{world.partnership_id}/indicators"
    assert world.outsider.get(indicators).status_code == 404
    unknown = world.member.get("/api/v1/measures/00000000-0000-0000-0000-000000000001/run-chart")
    assert unknown.status_code == 404 and unknown.mimetype == PROBLEM
    bad_rules = world.member.get(path + "?rules=western")
    assert bad_rules.status_code == 422 and "rules" in bad_rules.json["errors"]
    bad_baseline = world.member.get(path + "?baseline_points=0")
    assert bad_baseline.status_code == 422 and "baseline_points" in bad_baseline.json["errors"]
    bad_chart = world.member.get(f"/api/v1/measures/{measure_id}/spc?chart=u")
    assert bad_chart.status_code == 422 and "chart" in bad_chart.json["errors"]
    assert flask_app.test_client().get(path).status_code == 401


def test_spc_xmr_and_p(flask_app: Flask, service: Samverkan, world: World) -> None:
    costs = define(service, world, "Kostnad per ärende")
    # Montgomery's loan costs, first five: 310, 288, 297, 298, 307: mean 300, moving ranges
    # 22, 9, 1, 9: mean 10.25; limits 300 ± 2.66 × 10.25 = 272.735 .. 327.265.
    record(service, world, costs, [310, 288, 297, 298, 307])
    share = define(service, world, "Andel med SIP", unit="%", direction="increase")
    for period, value, n in (("2024-01", "50", 4), ("2024-02", "50", 100)):
        service.record_value(world.actor, share, period, value, n)
    catch_up(flask_app)
    xmr = world.member.get(f"/api/v1/measures/{costs}/spc").json
    assert xmr["chart"] == "xmr" and xmr["centre"] == "300"
    assert (xmr["points"][0]["lower_limit"], xmr["points"][0]["upper_limit"]) == (
        "272.735",
        "327.265",
    )
    assert xmr["signals"] == []
    p = world.member.get(f"/api/v1/measures/{share}/spc?chart=p").json
    # In percent: p̄ = (2 + 50) / 104 = 50 %; n = 4: 50 ± 75 clipped to 0..100; n = 100: 35..65.
    assert p["centre"] == "50"
    limits = [(q["lower_limit"], q["upper_limit"], q["n"]) for q in p["points"]]
    assert limits == [("0", "100", 4), ("35", "65", 100)]
    no_n = world.member.get(f"/api/v1/measures/{costs}/spc?chart=p")
    assert no_n.status_code == 409 and no_n.mimetype == PROBLEM


def test_indicators_baseline_against_follow_up(
    flask_app: Flask, service: Samverkan, world: World
) -> None:
    # As in the Lofoten network: a survey at the start and after one year.
    web = define(
        service,
        world,
        "Bruker flytskjema",
        unit="%",
        direction="increase",
        baseline="29",
        target="70",
    )
    service.record_value(world.actor, web, "2012-02", "29", 26)
    service.record_value(world.actor, web, "2013-02", "62", 23)
    single = define(
        service, world, "Ny indikator", unit="%", direction="increase", baseline=None, target=None
    )
    service.record_value(world.actor, single, "2012-02", "10", 26)
    catch_up(flask_app)
    body = world.member.get(f"/api/v1/partnerships/{world.partnership_id}/indicators").json
    items = {item["name"]: item for item in body["items"]}
    assert items["Bruker flytskjema"] == {
        "measure_id": str(web),
        "name": "Bruker flytskjema",
        "unit": "%",
        "direction": "increase",
        "baseline": "29",
        "target": "70",
        "first": {"period": "2012-02", "value": "29", "n": 26},
        "latest": {"period": "2013-02", "value": "62", "n": 23},
        "change": "33",
        "improved": True,
    }
    assert items["Ny indikator"]["latest"] is None and items["Ny indikator"]["change"] is None
    assert Decimal(items["Bruker flytskjema"]["change"]) == Decimal(62) - Decimal(29)


def test_openapi_describes_the_routes(flask_app: Flask) -> None:
    spec = flask_app.test_client().get("/api/v1/openapi.json").json
    assert "/api/v1/measures/{measure_id}/run-chart" in spec["paths"]
    assert "/api/v1/measures/{measure_id}/spc" in spec["paths"]
    assert "/api/v1/partnerships/{partnership_id}/indicators" in spec["paths"]


def test_a_former_member_sees_the_chart_as_it_was_when_it_left(
    flask_app: Flask, service: Samverkan, world: World
) -> None:
    service.add_member(world.actor, world.partnership_id, world.outsider.organisation_id, "partner")
    measure_id = define(service, world)
    record(service, world, measure_id, [3, 5])
    service.remove_member(
        world.actor, world.partnership_id, world.outsider.organisation_id, "Projektet slut"
    )
    service.record_value(world.actor, measure_id, "2024-03", 9)
    catch_up(flask_app)
    former = world.outsider.get(f"/api/v1/measures/{measure_id}/run-chart")
    assert former.status_code == 200, former.json
    assert [p["value"] for p in former.json["points"]] == ["3", "5"]
    assert former.json["median"] == "4" and former.json["as_of"] is not None
    current = world.member.get(f"/api/v1/measures/{measure_id}/run-chart").json
    assert [p["value"] for p in current["points"]] == ["3", "5", "9"]


def test_recorded_values_leave_as_recorded(
    flask_app: Flask, service: Samverkan, world: World
) -> None:
    measure_id = define(service, world)
    service.record_value(world.actor, measure_id, "2024-01", "4.50")
    service.record_value(world.actor, measure_id, "2024-02", "5.5")
    catch_up(flask_app)
    body = world.member.get(f"/api/v1/measures/{measure_id}/run-chart").json
    assert [p["value"] for p in body["points"]] == ["4.50", "5.5"]
    assert body["median"] == "5"  # (4.50 + 5.5) / 2, computed: no trailing zeros
