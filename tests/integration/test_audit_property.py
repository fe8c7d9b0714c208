"""Property: any single change to the stored rows fails `audit verify` at its position.

A store is recorded once (SQLite); each example copies its files, changes one thing
with raw SQL (a state byte, a deleted row, two rows swapped, a row inserted) at a
drawn position, and checks the first problem verify reports.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.application.service import Samverkan
from samverkan.audit.verify import verify_store
from samverkan.domain.base import Actor
from samverkan.storage.stores import StoreConfig
from tests.integration.test_audit_tamper import RawLog, record_log

SIZE = 12


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = StoreConfig(data_dir=tmp_path_factory.mktemp("recorded"))
    app = Samverkan(config)
    try:
        assert record_log(app, Actor(uuid.uuid4(), uuid.uuid4()), organisations=SIZE - 2) == SIZE
    finally:
        app.close()
        app.sql.dispose()
    return config.data_dir


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    change=st.sampled_from(["changed", "missing", "reordered", "inserted"]),
    position=st.integers(0, SIZE - 1),
    data=st.data(),
)
def test_any_single_change_fails_at_its_position(
    recorded: Path, change: str, position: int, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        copy = Path(directory) / "store"
        shutil.copytree(recorded, copy)
        app = Samverkan(StoreConfig(data_dir=copy))
        try:
            raw = RawLog(app)
            first = position
            if change == "changed":
                (state,) = [
                    n.state for n in app.recorder.select_notifications(raw.id_at(position), 1)
                ]
                offset = data.draw(st.integers(0, len(state) - 1), label="offset")
                flipped = bytearray(state)
                flipped[offset] ^= data.draw(st.integers(1, 255), label="mask")
                raw.change_state(position, bytes(flipped))
            elif change == "missing":
                raw.delete(position)
            elif change == "reordered":
                other = data.draw(st.integers(0, SIZE - 1).filter(lambda p: p != position))
                raw.swap(position, other)
                first = min(position, other)
            else:
                raw.insert_before(position)
            report = verify_store(app)
        finally:
            app.close()
            app.sql.dispose()
    problem = report.first()
    assert problem is not None
    assert (problem.position, problem.kind) == (first, change), str(problem)
