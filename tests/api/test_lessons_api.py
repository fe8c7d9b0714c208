"""Lessons through the API: record, retract, read and filter."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from flask import Flask

from tests.api.callers import OPERATOR, Caller
from tests.api.work_setup import (
    UNKNOWN,
    Work,
    bad_json,
    events,
    never_500,
    not_json,
    ok,
    problem,
    setup_work,
)


@pytest.fixture
def work(flask_app: Flask, admin: Caller) -> Work:
    return setup_work(flask_app, admin)


LESSON = {
    "text": "Börja med invånarnas behov, inte organisationens",
    "source_kind": "system_analysis",
    "source_id": None,
    "level": "meso",
    "tags": ["Behov", "samverkan", "behov"],
}


def record(work: Work, caller: Caller | None = None, **changes: Any) -> dict[str, Any]:
    return ok((caller or work.member).post(f"{work.base}/lessons", json=LESSON | changes), 201)


def experiment(work: Work) -> str:
    body = {"title": "T", "change_idea": "C", "prediction": "P", "site_unit_id": str(work.unit_id)}
    return str(ok(work.member.post(f"{work.base}/experiments", json=body), 201)["id"])


def test_record_retract_and_read(work: Work) -> None:
    created = work.member.post(f"{work.base}/lessons", json=LESSON)
    lesson = ok(created, 201)
    assert created.headers["Location"].endswith(f"/api/v1/lessons/{lesson['id']}")
    assert lesson["text"] == LESSON["text"] and lesson["tags"] == ["behov", "samverkan"]
    assert lesson["retracted"] is False and lesson["retraction"] is None
    assert lesson["recorded"]["actor"]["organisation_id"] == str(work.municipality)
    path = f"/api/v1/lessons/{lesson['id']}"
    retracted = ok(
        work.coordinator.post(
            f"{path}/retraction",
            json={"reason": "Motsägs av utvärderingen"},
            headers={"If-Match": '"1"'},
        )
    )
    assert retracted["retracted"] is True and retracted["version"] == 2
    assert retracted["retraction"]["reason"] == "Motsägs av utvärderingen"
    assert ok(work.auditor.get(path)) == retracted
    assert ok(work.auditor.get(f"{path}?version=1"))["retracted"] is False
    problem(work.auditor.get(f"{path}?as_of=2001-01-01T00:00:00%2B01:00"), 404)
    again = problem(work.member.post(f"{path}/retraction", json={"reason": "x"}), 409)
    assert again["type"] == "urn:samverkan:problem:lesson-retracted"


def test_sources_must_be_records_of_the_partnership(work: Work) -> None:
    source = experiment(work)
    lesson = record(work, source_kind="experiment", source_id=source, level="micro")
    assert lesson["source_id"] == source and lesson["source_kind"] == "experiment"
    head = events(work.service)
    for kind in ("experiment", "decision", "meeting"):
        refused = problem(
            work.member.post(
                f"{work.base}/lessons", json=LESSON | {"source_kind": kind, "source_id": UNKNOWN}
            ),
            422,
        )
        assert "source_id" in refused["errors"]
    mismatch = problem(
        work.member.post(
            f"{work.base}/lessons", json=LESSON | {"source_kind": "decision", "source_id": source}
        ),
        422,
    )
    assert "source_id" in mismatch["errors"]
    assert events(work.service) == head


def test_bad_input(work: Work) -> None:
    path = f"{work.base}/lessons"
    head = events(work.service)
    missing = problem(work.member.post(path, json={}), 422, "invalid-input")
    assert {"text", "source_kind", "level"} <= set(missing["errors"])
    for changes, field in (
        ({"level": "nano"}, "level"),
        ({"source_kind": "rumour"}, "source_kind"),
        ({"tags": "behov"}, "tags"),
        ({"tags": [1]}, "tags"),
        ({"tags": [""]}, "tags"),
        ({"text": "   "}, "text"),
        ({"text": None}, "text"),
        ({"source_id": "not-an-id"}, "source_id"),
        ({"extra": 1}, "extra"),
    ):
        refused = problem(work.member.post(path, json=LESSON | changes), 422)
        assert any(key.split(".")[0] == field for key in refused["errors"]), (changes, refused)
    problem(bad_json(work.member, path), 400)
    problem(not_json(work.member, path), 415)
    lesson = record(work)
    retraction = f"/api/v1/lessons/{lesson['id']}/retraction"
    head = events(work.service)
    problem(work.member.post(retraction, json={}), 422)
    problem(work.member.post(retraction), 422)
    problem(work.member.post(retraction, json={"reason": "x"}, headers={"If-Match": '"9"'}), 412)
    assert events(work.service) == head


def test_who_may_do_what(work: Work) -> None:
    for caller in (work.admin, work.coordinator, work.member):
        record(work, caller)
    head = events(work.service)
    problem(work.auditor.post(f"{work.base}/lessons", json=LESSON), 403)
    problem(work.outsider.post(f"{work.base}/lessons", json=LESSON), 404)
    lesson = ok(work.auditor.get(f"{work.base}/lessons"))["items"][0]
    path = f"/api/v1/lessons/{lesson['id']}"
    problem(work.auditor.post(f"{path}/retraction", json={"reason": "x"}), 403)
    problem(work.outsider.post(f"{path}/retraction", json={"reason": "x"}), 404)
    problem(work.outsider.get(path), 404)
    problem(work.outsider.get(f"{work.base}/lessons"), 404)
    assert events(work.service) == head
    for caller in (work.admin, work.coordinator, work.member, work.auditor):
        assert ok(caller.get(path))["text"] == LESSON["text"]
    problem(work.member.get(f"/api/v1/lessons/{UNKNOWN}"), 404)
    problem(work.member.post(f"/api/v1/lessons/{UNKNOWN}/retraction", json={"reason": "x"}), 404)


def test_the_list_filters(work: Work) -> None:
    micro = record(work, level="micro", tags=["tandvård"])
    meso = record(work, level="meso")
    source = experiment(work)
    from_experiment = record(work, source_kind="experiment", source_id=source, level="macro")
    ok(work.member.post(f"/api/v1/lessons/{meso['id']}/retraction", json={"reason": "Fel"}))

    def ids(query: str) -> list[str]:
        return [item["id"] for item in ok(work.member.get(f"{work.base}/lessons?{query}"))["items"]]

    assert ids("") == [micro["id"], meso["id"], from_experiment["id"]]
    assert ids("level=micro") == [micro["id"]]
    assert ids("source_kind=experiment") == [from_experiment["id"]]
    assert ids("source_kind=system_analysis&level=meso") == [meso["id"]]
    assert ids("tag=Tandvård") == [micro["id"]]
    assert ids("retracted=false") == [micro["id"], from_experiment["id"]]
    assert ids("limit=1&level=macro") == [from_experiment["id"]]
    page = ok(work.member.get(f"{work.base}/lessons?limit=2"))
    assert page["next"] and page["items"][0]["text"] == LESSON["text"]
    rest = ok(work.member.get(f"{work.base}/lessons?limit=2&cursor={page['next']}"))
    assert [item["id"] for item in rest["items"]] == [from_experiment["id"]]
    problem(work.member.get(f"{work.base}/lessons?level=nano"), 422)
    problem(work.member.get(f"{work.base}/lessons?source_kind=rumour"), 422)


def test_an_erased_text_reads_as_null(work: Work) -> None:
    lesson = record(work)
    recorded = next(iter(work.service.events.get(UUID(lesson["id"]))))
    work.service.redact_text(OPERATOR, recorded.text.id, "Namngav en patient")
    assert ok(work.member.get(f"/api/v1/lessons/{lesson['id']}"))["text"] is None
    assert ok(work.member.get(f"{work.base}/lessons"))["items"][0]["text"] is None


def test_no_body_makes_a_500(work: Work) -> None:
    path = f"/api/v1/lessons/{record(work)['id']}"
    never_500(work.member, [f"{work.base}/lessons", f"{path}/retraction"])


def test_a_nul_character_is_invalid_input(work: Work) -> None:
    head = events(work.service)
    refused = problem(
        work.member.post(f"{work.base}/lessons", json=LESSON | {"text": "a\x00b"}), 422
    )
    assert "text" in refused["errors"]
    refused = problem(
        work.member.post(f"{work.base}/lessons", json=LESSON | {"tags": ["\x00"]}), 422
    )
    assert any(key.startswith("tags") for key in refused["errors"])
    assert events(work.service) == head
