"""Export, import into a fresh store, and the offline verifier on the whole-store bundle."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samverkan.application.service import Samverkan
from samverkan.audit.checkpoints import latest_checkpoint, sign_checkpoint
from samverkan.audit.keys import load_key
from samverkan.audit.standalone import BundleError, verify_export
from samverkan.audit.standalone import main as samverkan_verify
from samverkan.domain.base import Actor
from samverkan.storage.stores import StoreConfig
from tests.conftest import POSTGRES_URL, postgres_config
from tests.integration.test_audit_tamper import record_log, run_cli, verify


def export(config: StoreConfig, path: Path) -> str:
    result = run_cli(config, "export", str(path))
    assert result.exit_code == 0, result.output
    return result.output


def fresh_store(
    store_config: StoreConfig, tmp_path: Path, request: pytest.FixtureRequest
) -> StoreConfig:
    """An empty store of the same kind, with its own key (PostgreSQL: a sibling schema)."""
    if store_config.is_postgres:
        schema = request.getfixturevalue("postgres_schema")
        sibling = f"{schema}_b"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{sibling}"')
        request.addfinalizer(lambda: _drop(sibling))
        config = postgres_config(sibling, tmp_path / "fresh")
    else:
        config = StoreConfig(data_dir=tmp_path / "fresh")
    assert run_cli(config, "init").exit_code == 0
    return config


def _drop(schema: str) -> None:
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_export_then_import_gives_the_identical_root(
    app: Samverkan, actor: Actor, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    record_log(app, actor)
    app.register_organisation(actor, "Region Kronoberg", "region", "SE")  # after the checkpoint
    bundle = tmp_path / "store.jsonl"
    export(app.config, bundle)
    exported = latest_checkpoint(app)
    assert exported is not None and exported.size == 9  # export signed the newest event too

    config = fresh_store(app.config, tmp_path, request)
    result = run_cli(config, "import", str(bundle))
    assert result.exit_code == 0, result.output
    imported = Samverkan(config)
    try:
        copy = latest_checkpoint(imported)
        assert copy is not None
        assert (copy.size, copy.root_hash) == (exported.size, exported.root_hash)
        assert verify(config).exit_code == 0
        assert [e.originator_id for e in imported.recorder.select_notifications(1, 100)] == [
            e.originator_id for e in app.recorder.select_notifications(1, 100)
        ]
    finally:
        imported.close()
        imported.sql.dispose()
    again = run_cli(config, "import", str(bundle))
    assert again.exit_code == 2 and "empty store" in again.output


def test_samverkan_verify_accepts_the_bundle_and_a_kept_checkpoint(
    app: Samverkan, actor: Actor, tmp_path: Path
) -> None:
    record_log(app, actor)
    kept = tmp_path / "kept.txt"
    kept.write_text(run_cli(app.config, "audit", "checkpoint").output, encoding="utf-8")
    app.register_organisation(actor, "Region Blekinge", "region", "SE")
    bundle = tmp_path / "store.jsonl"
    export(app.config, bundle)
    assert samverkan_verify([str(bundle)]) == 0
    assert samverkan_verify([str(bundle), "--checkpoint", str(kept)]) == 0
    verifier_key = load_key(app.config).public_info()["verifier_key"]
    assert samverkan_verify([str(bundle), "--key", verifier_key]) == 0
    stranger = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    assert samverkan_verify([str(bundle), "--key", stranger]) == 1


def test_the_verifier_needs_only_the_standard_library_and_cryptography(tmp_path: Path) -> None:
    """Run it in a fresh interpreter and list what it imported beyond those."""
    code = (
        "import sys; import samverkan.audit.standalone as s; "
        "bad = {m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'eventsourcing', 'click', 'flask', 'psycopg', 'rich', 'pluggy'}; "
        "print(sorted(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A small SQLite store's bundle, made once for the byte-flipping property."""
    config = StoreConfig(data_dir=tmp_path_factory.mktemp("exported"))
    app = Samverkan(config)
    try:
        record_log(app, Actor(uuid.uuid4(), uuid.uuid4()), organisations=2)
        sign_checkpoint(app)
        path = config.data_dir / "store.jsonl"
        export(config, path)
    finally:
        app.close()
        app.sql.dispose()
    return path.read_bytes()


def test_the_pristine_bundle_verifies(exported: bytes) -> None:
    assert verify_export(exported.splitlines(keepends=True)).size == 4


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_one_byte_changed_is_rejected(exported: bytes, data: st.DataObject) -> None:
    where = data.draw(st.integers(0, len(exported) - 1), label="offset")
    value = data.draw(st.integers(0, 255).filter(lambda v: v != exported[where]), label="byte")
    changed = bytearray(exported)
    changed[where] = value
    with pytest.raises(BundleError):
        verify_export(bytes(changed).splitlines(keepends=True))


def test_samverkan_verify_rejects_a_changed_byte_in_a_file(exported: bytes, tmp_path: Path) -> None:
    changed = bytearray(exported)
    changed[len(changed) // 2] ^= 0x01
    path = tmp_path / "store.jsonl"
    path.write_bytes(bytes(changed))
    assert samverkan_verify([str(path)]) == 1
