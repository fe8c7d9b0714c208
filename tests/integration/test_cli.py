"""The `samverkan` command on both stores: one-line errors, accounts, the log."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from samverkan.cli.main import main
from samverkan.storage.stores import StoreConfig


@pytest.fixture
def run(store_config: StoreConfig):
    def invoke(*args: str, input: str | None = None) -> Result:
        env = {"SAMVERKAN_DATABASE_URL": store_config.database_url or ""}
        return CliRunner().invoke(
            main, ["--data-dir", str(store_config.data_dir), *args], input=input, env=env
        )

    return invoke


def test_init_reports_the_store(run) -> None:
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "0 events" in result.output


def test_create_admin_prints_only_a_token(run) -> None:
    result = run("create-admin", "ops@example.org")
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert len(token) >= 43 and "\n" not in token
    events = run("events").output
    assert "organisation.registered" in events and "user.enrolled" in events


def test_create_admin_for_a_named_organisation_that_does_not_exist(run) -> None:
    result = run("create-admin", "ops@example.org", "--organisation", "No Such Region")
    assert result.exit_code == 1
    assert result.output.strip() == "error: No organisation named No Such Region"


def test_set_password_reads_standard_input(run) -> None:
    run("create-admin", "ops@example.org")
    assert run("set-password", "ops@example.org", input="a long passphrase\n").exit_code == 0
    short = run("set-password", "ops@example.org", input="short\n")
    assert short.exit_code == 1
    assert short.output.count("\n") == 1 and "Traceback" not in short.output
    missing = run("set-password", "nobody@example.org", input="a long passphrase\n")
    assert missing.exit_code == 1 and "No user" in missing.output


def test_events_rejects_a_bad_partnership_id(run) -> None:
    result = run("events", "--partnership", "not-a-uuid")
    assert result.exit_code == 2
    assert "must be a UUID" in result.output


def test_events_as_json_lines(run) -> None:
    import json

    run("create-admin", "ops@example.org")
    lines = run("events", "--json").output.strip().splitlines()
    rows = [json.loads(line) for line in lines]
    assert [row["type"] for row in rows] == [
        "organisation.registered",
        "user.enrolled",
        "user.token_issued",
    ]
    assert rows[0]["data"]["name"] == "Samverkan operator"
