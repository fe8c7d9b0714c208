"""Tampering with real stored rows (SQLite and PostgreSQL) is detected and located.

Each test changes the eventsourcing `stored_events` rows with raw SQL, as someone
with database access could, then runs `samverkan audit verify` through click.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import sqlalchemy as sa
from click.testing import CliRunner, Result

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import sign_checkpoint
from samverkan.audit.keys import ensure_key_pair
from samverkan.audit.sequencer import catch_up
from samverkan.audit.sqlstore import notification_at
from samverkan.audit.tables import leaves, nodes
from samverkan.cli.main import main
from samverkan.domain.base import Actor
from samverkan.storage.stores import StoreConfig
from tests.conftest import POSTGRES_URL

SHIFT = 1_000_000


class RawLog:
    """The event store's table, reached around the application."""

    def __init__(self, app: Samverkan) -> None:
        self.app = app
        self.config: StoreConfig = app.config
        self.table = app.recorder.events_table_name
        self.id_column = "notification_id" if self.config.is_postgres else "rowid"

    @contextmanager
    def sql(self) -> Iterator[Any]:
        if self.config.is_postgres:
            schema = self.config._postgres_parts()["schema"]
            with psycopg.connect(POSTGRES_URL) as connection:
                connection.execute(f'SET search_path TO "{schema}"')
                yield connection
        else:
            connection = sqlite3.connect(self.config.data_dir / "events.sqlite")
            try:
                yield connection
                connection.commit()
            finally:
                connection.close()

    def q(self, statement: str) -> str:
        """Write statements with ? placeholders; psycopg wants %s."""
        statement = statement.replace("{t}", self.table).replace("{id}", self.id_column)
        return statement.replace("?", "%s") if self.config.is_postgres else statement

    def id_at(self, position: int) -> int:
        with self.app.sql.connect() as connection:
            found = notification_at(connection, position)
        assert found is not None
        return found

    def change_state(self, position: int, state: bytes | None = None) -> None:
        nid = self.id_at(position)
        with self.sql() as db:
            (old,) = db.execute(self.q("SELECT state FROM {t} WHERE {id} = ?"), (nid,)).fetchone()
            new = state if state is not None else bytes(old).replace(b'"', b"'", 1)
            db.execute(self.q("UPDATE {t} SET state = ? WHERE {id} = ?"), (new, nid))

    def change_topic(self, position: int, topic: str) -> None:
        with self.sql() as db:
            db.execute(
                self.q("UPDATE {t} SET topic = ? WHERE {id} = ?"), (topic, self.id_at(position))
            )

    def delete(self, position: int) -> None:
        with self.sql() as db:
            db.execute(self.q("DELETE FROM {t} WHERE {id} = ?"), (self.id_at(position),))

    def swap(self, position: int, other: int) -> None:
        a, b = self.id_at(position), self.id_at(other)
        with self.sql() as db:
            for old, new in ((a, -1), (b, a), (-1, b)):
                db.execute(self.q("UPDATE {t} SET {id} = ? WHERE {id} = ?"), (new, old))

    def insert_before(self, position: int) -> None:
        """Make room at the position's notification id and store a new event there."""
        nid = self.id_at(position)
        with self.sql() as db:
            db.execute(self.q("UPDATE {t} SET {id} = {id} + ? WHERE {id} >= ?"), (SHIFT, nid))
            db.execute(self.q("UPDATE {t} SET {id} = {id} - ? WHERE {id} >= ?"), (SHIFT - 1, SHIFT))
            db.execute(
                self.q(
                    "INSERT INTO {t} ({id}, originator_id, originator_version, topic, state) "
                    "VALUES (?, ?, ?, ?, ?)"
                ),
                (nid, str(uuid.uuid4()), 1, "organisation.registered", b"{}"),
            )


def record_log(app: Samverkan, actor: Actor, organisations: int = 6) -> int:
    """Some organisations and a partnership, sequenced and under a signed checkpoint."""
    ensure_key_pair(app.config)
    region = app.register_organisation(actor, "Region Västerbotten", "region", "SE")
    app.start_partnership(
        actor, "Innovationsklinik", "innovation_partnership", "Syfte", [], region.id,
        "2020-01-01", None,
    )  # fmt: skip
    for number in range(organisations):
        app.register_organisation(actor, f"Kommun {number}", "municipality", "SE")
    return sign_checkpoint(app).size


def run_cli(config: StoreConfig, *args: str) -> Result:
    env = {"SAMVERKAN_DATABASE_URL": config.database_url or ""}
    return CliRunner().invoke(main, ["--data-dir", str(config.data_dir), *args], env=env)


def verify(config: StoreConfig, *args: str) -> Result:
    return run_cli(config, "audit", "verify", *args)


def test_an_untouched_store_verifies(app: Samverkan, actor: Actor) -> None:
    size = record_log(app, actor)
    result = verify(app.config)
    assert result.exit_code == 0, result.output
    assert f"OK: {size} events verified" in result.output


def test_changed_state_bytes_are_located(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    RawLog(app).change_state(4)
    result = verify(app.config)
    assert result.exit_code == 1
    assert "FAILED at position 4: changed:" in result.output


def test_a_changed_topic_is_located(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    RawLog(app).change_topic(2, "organisation.renamed")
    result = verify(app.config)
    assert result.exit_code == 1
    assert "FAILED at position 2: changed:" in result.output


def test_a_deleted_event_is_located(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    RawLog(app).delete(3)
    result = verify(app.config)
    assert result.exit_code == 1
    assert "FAILED at position 3: missing:" in result.output


def test_the_last_event_deleted_is_located(app: Samverkan, actor: Actor) -> None:
    size = record_log(app, actor)
    RawLog(app).delete(size - 1)
    result = verify(app.config)
    assert result.exit_code == 1
    assert f"FAILED at position {size - 1}: missing:" in result.output


def test_two_swapped_events_are_located(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    RawLog(app).swap(5, 6)
    result = verify(app.config)
    assert result.exit_code == 1
    assert "FAILED at position 5: reordered:" in result.output


def test_distant_events_swapped_are_located(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    RawLog(app).swap(1, 6)
    result = verify(app.config)
    assert result.exit_code == 1
    assert (
        "FAILED at position 1: reordered: the store holds here the event sequenced at position 6"
        in (result.output)
    )


def test_an_inserted_event_is_located(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    RawLog(app).insert_before(3)
    result = verify(app.config)
    assert result.exit_code == 1
    assert "FAILED at position 3: inserted:" in result.output


def test_rewriting_the_audit_tables_too_is_caught_by_the_checkpoint(
    app: Samverkan, actor: Actor
) -> None:
    """An operator who also rewrites leaves and nodes still cannot match the signed root."""
    size = record_log(app, actor)
    RawLog(app).change_state(4)
    with app.sql.begin() as connection:
        connection.execute(sa.delete(nodes))
        connection.execute(sa.delete(leaves))
        connection.execute(sa.text("UPDATE audit_sequencer SET size = 0, notification_id = 0"))
    catch_up(app)  # the tree now describes the changed store
    result = verify(app.config)
    assert result.exit_code == 1
    assert "FAILED at position 0: checkpoint:" in result.output
    assert f"positions 0..{size - 1}" in result.output


def test_erasing_a_text_leaves_the_log_verifying(app: Samverkan, actor: Actor) -> None:
    record_log(app, actor)
    region = app.register_organisation(actor, "Region Norrbotten", "region", "SE")
    partnership = app.start_partnership(
        actor, "Lärande nätverk", "learning_network", "Anna Andersson, 070-123",
        [], region.id, "2015-08-01", None,
    )  # fmt: skip
    sign_checkpoint(app)
    app.redact_text(actor, partnership.purpose.id, "personal data")
    assert app.texts.get(partnership.purpose) is None
    sign_checkpoint(app)
    result = verify(app.config)
    assert result.exit_code == 0, result.output


def test_a_kept_checkpoint_is_checked(app: Samverkan, actor: Actor, tmp_path: Any) -> None:
    record_log(app, actor)
    kept = tmp_path / "checkpoint.txt"
    note = run_cli(app.config, "audit", "checkpoint")
    assert note.exit_code == 0, note.output
    kept.write_text(note.output, encoding="utf-8")
    app.register_organisation(actor, "Region Skåne", "region", "SE")
    assert run_cli(app.config, "audit", "checkpoint").exit_code == 0
    assert verify(app.config, "--checkpoint", str(kept)).exit_code == 0
    lines = note.output.splitlines(keepends=True)
    lines[1] = "3\n"  # another size under the same signature
    kept.write_text("".join(lines), encoding="utf-8")
    result = verify(app.config, "--checkpoint", str(kept))
    assert result.exit_code == 1
    assert "partner" in result.output


def test_a_kept_checkpoint_larger_than_the_store_is_reported(
    app: Samverkan, actor: Actor, tmp_path: Any
) -> None:
    size = record_log(app, actor)
    note = run_cli(app.config, "audit", "checkpoint").output
    kept = tmp_path / "checkpoint.txt"
    kept.write_text(note, encoding="utf-8")
    RawLog(app).delete(size - 1)
    with app.sql.begin() as connection:  # the operator also drops the tree's last leaf
        connection.execute(sa.delete(leaves).where(leaves.c.position == size - 1))
        connection.execute(sa.text(f"UPDATE audit_sequencer SET size = {size - 1}"))
    result = verify(app.config, "--checkpoint", str(kept))
    assert result.exit_code == 1
    assert f"FAILED at position {size - 1}: missing:" in result.output
