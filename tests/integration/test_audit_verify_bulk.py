"""`verify_store` checks a sound store in bulk, in aligned runs of leaves, and still
locates every difference: here with runs of 4 leaves, so a small store spans several
runs and levels above them (both stores)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from samverkan.application.service import Samverkan
from samverkan.audit import verify
from samverkan.audit.checkpoints import sign_checkpoint
from samverkan.audit.keys import ensure_key_pair
from samverkan.audit.tables import leaves, nodes
from samverkan.domain.base import Actor
from tests.integration.test_audit_tamper import RawLog

SIGNED = (3, 8, 13)  # inside a run, at a run's end, inside a later run
SIZE = 22


@pytest.fixture(autouse=True)
def runs_of_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "CHUNK_LEVEL", 2)
    monkeypatch.setattr(verify, "CHUNK", 4)


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the position-by-position walk ran."""
    calls: list[int] = []
    walk = verify.walk_positions

    def counted(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        walk(*args, **kwargs)

    monkeypatch.setattr(verify, "walk_positions", counted)
    yield calls


def recorded(app: Samverkan, actor: Actor) -> Samverkan:
    """SIZE events, with checkpoints signed at the SIGNED sizes and at SIZE."""
    ensure_key_pair(app.config)
    for number in range(SIZE):
        app.register_organisation(actor, f"Kommun {number}", "municipality", "SE")
        if number + 1 in SIGNED:
            sign_checkpoint(app)
    assert sign_checkpoint(app).size == SIZE
    return app


def test_a_sound_store_is_verified_in_bulk(app: Samverkan, actor: Actor, walked: list[int]) -> None:
    report = verify.verify_store(recorded(app, actor))
    assert report.ok, report.problems
    assert (report.size, report.stored, report.checkpoints) == (SIZE, SIZE, len(SIGNED) + 1)
    assert walked == []


def test_stored_events_not_yet_sequenced_are_counted(
    app: Samverkan, actor: Actor, walked: list[int]
) -> None:
    recorded(app, actor)
    raw = RawLog(app)
    last = raw.id_at(SIZE - 1)
    with raw.sql() as db:
        db.execute(
            raw.q(
                "INSERT INTO {t} ({id}, originator_id, originator_version, topic, state) "
                "VALUES (?, ?, ?, ?, ?)"
            ),
            (last + 1, str(uuid.uuid4()), 1, "organisation.registered", b"{}"),
        )
    report = verify.verify_store(app)
    assert report.ok, report.problems
    assert (report.stored, report.pending) == (SIZE + 1, 1)
    assert walked == []


@pytest.mark.parametrize("position", [1, 9, SIZE - 1])
@pytest.mark.parametrize("change", ["changed", "missing", "reordered", "inserted"])
def test_a_change_in_any_run_is_located(
    app: Samverkan, actor: Actor, walked: list[int], change: str, position: int
) -> None:
    raw = RawLog(recorded(app, actor))
    first = position
    if change == "changed":
        raw.change_state(position)
    elif change == "missing":
        raw.delete(position)
    elif change == "reordered":
        other = position - 1 if position == SIZE - 1 else position + 3
        raw.swap(position, other)
        first = min(position, other)
    else:
        raw.insert_before(position)
    problem = verify.verify_store(app).first()
    assert problem is not None
    assert (problem.position, problem.kind) == (first, change), str(problem)
    assert walked == [1]


@pytest.mark.parametrize(("level", "index"), [(0, 17), (1, 5), (2, 3), (3, 1), (4, 0)])
def test_a_wrong_node_in_a_run_or_above_the_runs_is_located(
    app: Samverkan, actor: Actor, walked: list[int], level: int, index: int
) -> None:
    recorded(app, actor)
    with app.sql.begin() as connection:
        connection.execute(
            sa.update(nodes)
            .where(nodes.c.level == level, nodes.c.index == index)
            .values(hash=b"\x07" * 32)
        )
    problem = verify.verify_store(app).first()
    assert problem is not None
    assert (problem.position, problem.kind) == (index << level, "tree"), str(problem)
    assert "wrong" in problem.detail
    assert walked == [1]


def test_a_missing_sequenced_leaf_is_located(
    app: Samverkan, actor: Actor, walked: list[int]
) -> None:
    recorded(app, actor)
    with app.sql.begin() as connection:
        connection.execute(sa.delete(leaves).where(leaves.c.position == 10))
    problem = verify.verify_store(app).first()
    assert problem is not None
    assert (problem.position, problem.kind) == (10, "tree"), str(problem)
    assert walked == [1]


@pytest.mark.parametrize("signed", SIGNED)
def test_a_root_that_differs_at_a_signed_size_is_reported(
    app: Samverkan, actor: Actor, walked: list[int], signed: int
) -> None:
    recorded(app, actor)
    with app.sql.begin() as connection:
        connection.execute(
            sa.text("UPDATE audit_checkpoints SET root_hash = :h WHERE size = :s"),
            {"h": b"\x07" * 32, "s": signed},
        )
    report = verify.verify_store(app)
    last_good = max([0, *(s for s in SIGNED if s < signed)])  # the previous root matched
    kinds = {(p.position, p.kind) for p in report.problems}
    assert (last_good, "checkpoint") in kinds, report.problems
    assert walked == [1]
