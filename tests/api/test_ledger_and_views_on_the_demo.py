"""The demo shows something meaningful in every view (numbers worked out from its data,
core/demo/partnerships/*.toml).

Västerbotten's agreement: costs 410 000 + 235 000 + 140 000 + 95 000 = 880 000.00 SEK.
Region 45.6 % -> 401 280.00, contributed 420 000.00, balance 18 720.00; Umeå universitet
12.3 % -> 108 240.00, no money, balance −108 240.00; the three companies 20.0 / 14.0 / 8.1 %
-> 176 000.00 / 123 200.00 / 71 280.00, balances 74 000.00 / −3 200.00 / −11 280.00.
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from flask import Flask

from samverkan.application.service import Samverkan
from samverkan.demo import load_demo
from samverkan.plugins.ledger.ledger import agreements_of
from samverkan.readmodels.records_index import partnership_rows
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.callers import OPERATOR, Caller, make_caller


@pytest.fixture(scope="module")
def demo_app(module_store_config: StoreConfig) -> Iterator[Flask]:
    recorder = Samverkan(module_store_config)
    load_demo(recorder)
    recorder.close()
    app = create_app({"STORE": module_store_config, "TESTING": True, "SECRET_KEY": "t"})
    yield app
    app.extensions["samverkan"].close()


@pytest.fixture(scope="module")
def reader(demo_app: Flask) -> Caller:
    service: Samverkan = demo_app.extensions["samverkan"]
    operator = service.register_organisation(OPERATOR, "Drift", "other", "SE")
    return make_caller(demo_app, operator.id, "admin", "drift@example.se")


def partnership(demo_app: Flask, fragment: str) -> UUID:
    rows = partnership_rows(demo_app.extensions["samverkan"].sql)
    return UUID(next(row["id"] for row in rows if fragment in row["title"]))


def test_the_vasterbotten_ledger(demo_app: Flask, reader: Caller) -> None:
    pid = partnership(demo_app, "Värdeskapande innovation")
    (agreement,) = agreements_of(demo_app.extensions["samverkan"].sql, pid)
    body = reader.get(f"/api/v1/agreements/{agreement['id']}/ledger").json
    assert body["costs_total"] == "880000.00"
    assert [(p["share"], p["share_of_costs"], p["balance"]) for p in body["parties"]] == [
        ("45.6", "401280.00", "18720.00"),
        ("12.3", "108240.00", "-108240.00"),
        ("20.0", "176000.00", "74000.00"),
        ("14.0", "123200.00", "-3200.00"),
        ("8.1", "71280.00", "-11280.00"),
    ]
    assert body["parties"][1]["contributed"]["staff_hours"] == "610"
    assert [b["amount"] for b in body["benefits"]] == ["310000.00", "450000.00", "180000.00"]
    assert sorted(r["status"] for r in body["risks"]) == [
        "closed",
        "mitigated",
        "mitigated",
        "open",
    ]


def test_the_three_vasterbotten_clinics(demo_app: Flask, reader: Caller) -> None:
    pid = partnership(demo_app, "Värdeskapande innovation")
    clinics = reader.get(f"/api/v1/partnerships/{pid}/clinics/dashboard").json["clinics"]
    assert [c["unit_name"] for c in clinics] == [
        "Tandvårdskliniken Idun", "Medicinsk akutvårdsavdelning", "Bjurholms hälsocentral",
    ]  # fmt: skip
    idun, _mava, bjurholm = clinics
    # Idun: 62 -> 52 minutes against a target of 50 is 10/12 of the way, concluded "adapt".
    assert (idun["measures"][0]["latest"], idun["progress"]["score"]) == ("52", "3.5")
    assert bjurholm["experiments"]["by_stage"]["running"] == 1
    assert {p["kind"] for p in bjurholm["partners"]} == {"company", "academia"}
    assert len(bjurholm["scale_ups"][0]["adoption"]) == 4


def test_the_learning_networks_calendar(demo_app: Flask, reader: Caller) -> None:
    pid = partnership(demo_app, "utvecklingsöar")
    body = reader.get(f"/api/v1/partnerships/{pid}/calendar").json
    workshops = [m for m in body["meetings"] if m["kind"] == "workshop"]
    assert [(m["held_on"], m["place"]) for m in workshops] == [
        ("2015-09-24", "Umeå"), ("2015-11-26", "Luleå"), ("2016-02-18", "Stockholm"),
        ("2016-04-21", "Umeå"), ("2016-06-09", "Luleå"),
    ]  # fmt: skip
    assert [len(i["local_meeting_ids"]) for i in body["between_gatherings"]] == [2, 2, 2]
    assert [len(m["decisions"]) for m in workshops] == [1, 0, 1, 0, 1]


def test_every_seed_partnership_has_a_register_and_a_matrix(
    demo_app: Flask, reader: Caller
) -> None:
    for row in partnership_rows(demo_app.extensions["samverkan"].sql):
        register = reader.get(f"/api/v1/partnerships/{row['id']}/register").json
        assert register["items"] and register["counts"]["adopted"] >= 2
        matrix = reader.get(f"/api/v1/partnerships/{row['id']}/scale-up-matrix").json
        assert matrix["practices"] and matrix["changes"]
        for page in ("ledger", "decision-register", "calendar", "scale-up-matrix"):
            assert reader.get(f"/partnerships/{row['id']}/{page}").status_code == 200
        assert reader.get(f"/partnerships/{row['id']}/clinic-dashboard").status_code == 200
