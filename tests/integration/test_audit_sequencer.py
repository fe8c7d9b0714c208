"""The sequencer: dense positions, the tree in SQL, races, gaps, paging; proofs from SQL."""

from __future__ import annotations

import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from eventsourcing.persistence import StoredEvent
from eventsourcing.popo import POPOApplicationRecorder
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.application.service import Samverkan
from samverkan.audit.leaf import LeafFields
from samverkan.audit.merkle import (
    MemoryNodeStore,
    append_leaf,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root,
    verify_consistency,
    verify_inclusion,
)
from samverkan.audit.sequencer import catch_up
from samverkan.audit.sqlstore import SqlNodeStore, tree_size
from samverkan.audit.tables import leaves, nodes
from samverkan.domain.base import Actor
from tests.conftest import POSTGRES_URL, postgres_config


@dataclass
class MemoryLog:
    """An eventsourcing in-memory recorder with a real SQLite file for the tree."""

    recorder: POPOApplicationRecorder
    sql: sa.Engine

    def record(self, count: int) -> list[bytes]:
        events = [
            StoredEvent(uuid.uuid4(), 1, "organisation.registered", f'{{"n":{n}}}'.encode())
            for n in range(count)
        ]
        self.recorder.insert_events(events)
        return [LeafFields.of(e).encode() for e in events]


def memory_log(directory: Path) -> MemoryLog:
    return MemoryLog(POPOApplicationRecorder(), sa.create_engine(f"sqlite:///{directory}/t.db"))


def positions(app: Samverkan) -> list[tuple[int, int]]:
    with app.sql.connect() as connection:
        rows = connection.execute(
            sa.select(leaves.c.position, leaves.c.notification_id).order_by(leaves.c.position)
        ).all()
    return [(row.position, row.notification_id) for row in rows]


def test_positions_are_dense_and_follow_the_log(app: Samverkan, actor: Actor) -> None:
    for number in range(5):
        app.register_organisation(actor, f"Region {number}", "region", "SE")
    assert catch_up(app) == 5
    app.register_organisation(actor, "Region 5", "region", "SE")
    assert catch_up(app) == 6
    assert catch_up(app) == 6  # nothing new: nothing changes
    found = positions(app)
    assert [p for p, _ in found] == list(range(6))
    ids = [n for _, n in found]
    assert ids == sorted(ids)


def test_the_sql_tree_is_the_rfc_tree(app: Samverkan, actor: Actor) -> None:
    for number in range(11):
        app.register_organisation(actor, f"Kommun {number}", "municipality", "SE")
    catch_up(app, page=4)  # several pages, one transaction each
    memory, size = MemoryNodeStore(), 0
    for notification in app.recorder.select_notifications(start=1, limit=100):
        size = append_leaf(size, LeafFields.of(notification).encode(), memory)
    with app.sql.connect() as connection:
        stored = {(r.level, r.index): bytes(r.hash) for r in connection.execute(sa.select(nodes))}
        assert tree_size(connection) == size == 11
    assert stored == memory.nodes


@pytest.mark.postgres
def test_postgres_gaps_leave_no_gaps_in_positions(
    postgres_schema: str, tmp_path: Path, actor: Actor
) -> None:
    app = Samverkan(postgres_config(postgres_schema, tmp_path))
    try:
        app.register_organisation(actor, "Region A", "region", "SE")
        with psycopg.connect(POSTGRES_URL) as connection:  # burn ids, as failed inserts do
            connection.execute(f'SET search_path TO "{postgres_schema}"')
            table = app.recorder.events_table_name
            for _ in range(3):
                connection.execute(
                    f"SELECT nextval(pg_get_serial_sequence('{table}', 'notification_id'))"
                )
        app.register_organisation(actor, "Region B", "region", "SE")
        assert catch_up(app) == 2
        found = positions(app)
        assert [p for p, _ in found] == [0, 1]
        assert found[1][1] - found[0][1] == 4  # the notification ids have the gap
    finally:
        app.close()
        app.sql.dispose()


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_racing_sequencers_never_assign_a_position_twice(
    database: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    log = memory_log(tmp_path)
    if database == "postgres":
        schema = request.getfixturevalue("postgres_schema")
        log.sql = postgres_config(schema, tmp_path).sql_engine()
    expected = log.record(300)
    errors: list[BaseException] = []

    def sequence() -> None:
        try:
            catch_up(log, page=7)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=sequence) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with log.sql.connect() as connection:
        rows = connection.execute(sa.select(leaves).order_by(leaves.c.position)).all()
        assert tree_size(connection) == 300
        assert root(300, SqlNodeStore(connection)) == _root_of(expected)
    assert [r.position for r in rows] == list(range(300))
    assert [r.notification_id for r in rows] == list(range(1, 301))
    log.sql.dispose()


def _root_of(leaf_bytes: list[bytes]) -> bytes:
    memory, size = MemoryNodeStore(), 0
    for leaf in leaf_bytes:
        size = append_leaf(size, leaf, memory)
    return root(size, memory)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=140), st.data())
def test_every_proof_from_the_sql_tree_verifies(size: int, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as directory:
        log = memory_log(Path(directory))
        leaf_bytes = log.record(size)
        assert catch_up(log, page=data.draw(st.integers(1, 50))) == size
        with log.sql.connect() as connection:
            store = SqlNodeStore(connection)
            head = root(size, store)
            assert head == _root_of(leaf_bytes)
            index = data.draw(st.integers(0, size - 1))
            assert verify_inclusion(
                leaf_hash(leaf_bytes[index]), index, size, inclusion_proof(index, size, store), head
            )
            first = data.draw(st.integers(1, size))
            older = root(first, store)
            proof = consistency_proof(first, size, store)
            assert verify_consistency(first, size, older, head, proof)
            if proof:
                assert not verify_consistency(first, size, older, head, proof[:-1])
        log.sql.dispose()
