"""A store written by release e17aac0 opens, upgrades in place, verifies and serves."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from samverkan.cli.main import main
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app

FIXTURE = Path(__file__).parent.parent / "fixtures" / "store_e17aac0"


def stored_events_digest(data_dir: Path) -> str:
    """SHA-256 over every stored event's bytes, in order: what the audit log hashes."""
    digest = hashlib.sha256()
    with sqlite3.connect(data_dir / "events.sqlite") as connection:
        rows = connection.execute(
            "SELECT originator_id, originator_version, topic, state FROM stored_events "
            "ORDER BY rowid"
        )
        for originator_id, version, topic, state in rows:
            digest.update(f"{originator_id}|{version}|{topic}|".encode())
            digest.update(state)
    return digest.hexdigest()


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    store.mkdir()
    for name in ("events.sqlite", "records.sqlite", "audit-key.pem"):
        shutil.copy(FIXTURE / name, store / name)
    return store


def samverkan(store: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(store), *args], env={})
    assert result.exit_code == 0, result.output
    return result.output


def test_the_old_store_upgrades_verifies_and_keeps_its_bytes(old_store: Path) -> None:
    before = stored_events_digest(old_store)
    assert "619 events" in samverkan(old_store, "init")
    verified = samverkan(
        old_store, "audit", "verify", "--checkpoint", str(FIXTURE / "checkpoint.note")
    )
    assert verified.startswith("OK: 619 events verified")
    assert stored_events_digest(old_store) == before


def test_the_old_store_serves_its_partnerships_to_its_admin(old_store: Path) -> None:
    samverkan(old_store, "init")
    token = (FIXTURE / "admin-token.txt").read_text().strip()
    app = create_app({"TESTING": True, "STORE": StoreConfig(data_dir=old_store)})
    client = app.test_client()
    reply = client.get("/api/v1/partnerships", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200, reply.get_json()
    titles = sorted(item["title"] for item in reply.get_json()["items"])
    assert len(titles) == 5
    assert any("Västerbotten" in title for title in titles)
