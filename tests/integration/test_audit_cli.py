"""The audit commands' own behaviour: sequencing, signing, progress, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import samverkan.cli.audit
from samverkan.application.service import Samverkan
from samverkan.domain.base import Actor
from tests.integration.test_audit_tamper import record_log, run_cli, verify


def test_sequence_then_verify_counts_the_events(app: Samverkan, actor: Actor) -> None:
    app.register_organisation(actor, "Region Kalmar", "region", "SE")
    app.register_organisation(actor, "Kalmar kommun", "municipality", "SE")
    before = verify(app.config)
    assert before.exit_code == 0 and "2 newer events not yet sequenced" in before.output
    sequenced = run_cli(app.config, "audit", "sequence")
    assert sequenced.output.strip() == "Sequenced: the tree holds 2 events."
    assert "OK: 2 events verified against the tree and 0 signed checkpoints." in (
        verify(app.config).output
    )


def test_checkpoint_needs_the_key_from_init(app: Samverkan) -> None:
    result = run_cli(app.config, "audit", "checkpoint")
    assert result.exit_code == 2
    assert "samverkan init" in result.output and "Traceback" not in result.output
    assert run_cli(app.config, "init").exit_code == 0
    signed = run_cli(app.config, "audit", "checkpoint")
    assert signed.exit_code == 0 and "\n\n— samverkan.local/audit " in signed.output


def test_a_progress_bar_on_large_stores(
    app: Samverkan, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_log(app, actor)
    monkeypatch.setattr(samverkan.cli.audit, "PROGRESS_FROM", 1)
    result = verify(app.config)
    assert result.exit_code == 0, result.output
    assert "OK: 8 events verified" in result.output


def test_export_without_a_key_leaves_no_file(app: Samverkan, tmp_path: Path) -> None:
    path = tmp_path / "store.jsonl"
    result = run_cli(app.config, "export", str(path))
    assert result.exit_code == 2 and not path.exists()


def test_import_refuses_a_broken_bundle(app: Samverkan, tmp_path: Path) -> None:
    path = tmp_path / "store.jsonl"
    path.write_text('{"type":"samverkan-export"}\n', encoding="utf-8")
    result = run_cli(app.config, "import", str(path))
    assert result.exit_code == 2 and "Nothing imported" in result.output
    assert app.recorder.max_notification_id() is None
