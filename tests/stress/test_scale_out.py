"""scripts/scale_out.py against the PostgreSQL on the machine (`make stress`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import postgres_unavailable, skip_or_fail

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "scale_out.py"


@pytest.mark.stress
@pytest.mark.postgres
def test_three_hosts_two_workers_lose_nothing_and_converge(tmp_path: Path) -> None:
    reason = postgres_unavailable()
    if reason:
        skip_or_fail(reason)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--seconds", "30", "--logs", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    summary = json.loads(result.stdout)
    assert summary["acknowledged"] > summary["acknowledged_before_kills"] > 0
    assert summary["tables_compared"] > 0 and not summary["tables_differing_from_rebuild"]
    assert summary["audit_verify"].startswith("OK")
