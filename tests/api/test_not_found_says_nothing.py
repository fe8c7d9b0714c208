"""A 404 for a record in a partnership the caller may not see says nothing about it.

It reads exactly as the 404 for an id that does not exist: the record the caller named,
never the partnership's id or title.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

import pytest
from flask import Flask

from tests.api.callers import OPERATOR, Caller
from tests.api.work_setup import Work, problem, setup_work


@pytest.fixture
def work(flask_app: Flask, admin: Caller) -> Work:
    return setup_work(flask_app, admin)


def foreign_records(work: Work) -> dict[str, Any]:
    """Records of every kind in the partnership the member's organisation is not in."""
    service, pid = work.service, work.other_partnership_id
    decision = service.propose_decision(
        OPERATOR, pid, "Lofoten-beslut", "Bakgrunn", ["A"], "A", "Grunn", [work.foreign], []
    )
    agreement = service.make_agreement(OPERATOR, pid, "Avtal", "NOK", {str(work.foreign): 100})
    measure = service.define_measure(OPERATOR, pid, "Ventetid", "dager", "decrease", 9, 5, "")
    experiment = service.plan_experiment(
        OPERATOR, pid, "Forsøk", "Idé", "Ja", work.foreign_unit_id, []
    )
    lesson = service.record_lesson(OPERATOR, pid, "Lærdom", "meeting", None, "micro", [])
    scale_up = service.plan_scale_up(OPERATOR, pid, "Praksis", None, [work.foreign_unit_id])
    work.catch_up()
    return {
        "decisions": decision.id,
        "agreements": agreement.id,
        "measures": measure.id,
        "experiments": experiment.id,
        "lessons": lesson.id,
        "scale-ups": scale_up.id,
    }


# Writes with a valid body reach the visibility check; without one, validation answers first,
# alike for a hidden and a missing record.
BODIES = {
    "/signoffs": {"stance": "approve", "comment": ""},
    "/costs": {"amount": "10.00", "description": "Lokaler"},
    "/observations": {"note": "Noterat", "observed_on": "2026-01-10"},
}
SUFFIXES = {
    "decisions": ("", "/signoffs"),
    "agreements": ("", "/ledger", "/ledger.csv", "/costs"),
    "measures": ("", "/run-chart", "/values"),
    "experiments": ("", "/observations"),
    "lessons": ("", "/retraction"),
    "scale-ups": ("", "/adoptions"),
}


def test_a_hidden_record_reads_as_one_that_does_not_exist(work: Work) -> None:
    records = foreign_records(work)
    leaks = (str(work.other_partnership_id), "Lofoten", str(work.foreign))
    for kind, record_id in records.items():
        unknown = uuid.uuid4()
        for suffix in SUFFIXES[kind]:
            for caller in (work.member, work.coordinator):
                reads = suffix in ("", "/ledger", "/ledger.csv", "/run-chart")
                body = BODIES.get(suffix, {})
                call = caller.get if reads else partial(caller.post, json=body)
                hidden = call(f"/api/v1/{kind}/{record_id}{suffix}")
                missing = call(f"/api/v1/{kind}/{unknown}{suffix}")
                expected = 404 if reads or suffix in BODIES else 422
                assert hidden.status_code == missing.status_code == expected, (kind, suffix)
                said = hidden.get_data(as_text=True)
                assert not any(leak in said for leak in leaks), (kind, suffix, said)
                assert said == missing.get_data(as_text=True).replace(str(unknown), str(record_id))
                if expected == 404:
                    assert (
                        f"No {kind.removesuffix('s')} {record_id}" == problem(hidden, 404)["detail"]
                    )


def test_a_hidden_partnership_reads_as_one_that_does_not_exist(work: Work) -> None:
    pid, unknown = work.other_partnership_id, uuid.uuid4()
    for suffix in ("", "/decisions", "/events", "/ledger", "/indicators", "/calendar"):
        hidden = problem(work.member.get(f"/api/v1/partnerships/{pid}{suffix}"), 404)
        missing = problem(work.member.get(f"/api/v1/partnerships/{unknown}{suffix}"), 404)
        assert "Lofoten" not in str(hidden)
        assert hidden["detail"] == missing["detail"].replace(str(unknown), str(pid))
