"""`samverkan projections ...`, `samverkan plugins` and a plugin's own command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from samverkan.application.service import Samverkan
from samverkan.cli.main import main
from samverkan.storage.stores import StoreConfig
from tests.integration.helpers import start_team


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A SQLite store with a partnership that held one meeting."""
    app = Samverkan(StoreConfig(data_dir=tmp_path))
    team = start_team(app)
    app.hold_meeting(
        team.region, team.partnership_id, "workshop", "2019-02-01", "Luleå", [], "Första"
    )
    (tmp_path / "partnership").write_text(str(team.partnership_id))
    app.close()
    return tmp_path


def samverkan(store: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--data-dir", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_status_shows_each_projection_against_the_head(store: Path, example_plugin: str) -> None:
    before = {
        row["name"]: row
        for row in map(json.loads, samverkan(store, "projections", "status", "--json").splitlines())
    }
    assert before["records_index"]["position"] == 0
    assert before["records_index"]["pending"] > 0
    assert before["example_meetings"]["plugin"] == example_plugin
    assert json.loads(samverkan(store, "projections", "run", "--once"))["failed"] == []
    after = samverkan(store, "projections", "status")
    assert "records_index" in after and "up to date" in after
    assert "events to apply" not in after


def test_rebuild_one_or_all(store: Path, example_plugin: str) -> None:
    output = samverkan(store, "projections", "rebuild", "example_meetings")
    assert "example_meetings: 1 events" in output
    output = samverkan(store, "projections", "rebuild")
    assert "records_index:" in output and "example_meetings: 1 events" in output
    result = CliRunner().invoke(main, ["--data-dir", str(store), "projections", "rebuild", "nope"])
    assert result.exit_code == 2 and "known:" in result.output


def test_hook_register_projections(store: Path, example_plugin: str) -> None:
    samverkan(store, "projections", "run", "--once")
    pid = (store / "partnership").read_text()
    assert samverkan(store, "example-meetings", pid).split() == ["2019-02-01", "workshop", "Luleå"]


def test_plugins_lists_versions_hooks_and_projections(store: Path, example_plugin: str) -> None:
    listing = json.loads(samverkan(store, "plugins", "--json"))
    example = next(row for row in listing["plugins"] if row["name"] == example_plugin)
    assert example["version"] == "0.1.0" and "on_events" in example["hooks"]
    assert {row["name"] for row in listing["projections"]} >= {"records_index", "example_meetings"}
    text = samverkan(store, "plugins")
    assert f"{example_plugin} (0.1.0):" in text
    assert "projection example_meetings: 0 /" in text
