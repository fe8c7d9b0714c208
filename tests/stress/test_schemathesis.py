"""schemathesis over the OpenAPI document: generated requests to every operation, and not
one server error (5xx) among their answers."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from benchmarks.server import serving

from .conftest import Prepared, scales

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
GENERATED = re.compile(r"(\d+) generated")
METHODS = {"get", "post", "put", "patch", "delete"}


def operations(base: str) -> int:
    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=30) as response:
        document = json.load(response)
    return sum(len(METHODS & set(item)) for item in document["paths"].values())


@pytest.mark.parametrize("cases", scales(300, 10_000))
def test_no_server_error_for_generated_requests(
    prepared: Prepared, cases: int, tmp_path: Path
) -> None:
    if not SCHEMATHESIS.exists():
        pytest.fail("schemathesis is a dev dependency: pip install -e '.[dev]'")
    with serving(prepared.config, workers=2) as server:
        # Some operations run out of distinct inputs before their maximum: ask for more.
        per_operation = math.ceil(cases / operations(server.base) * 1.3)
        result = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                f"{server.base}/api/v1/openapi.json",
                "--header",
                f"Authorization: Bearer {prepared.token}",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                str(per_operation),
                "--phases",
                "fuzzing",
                "--no-shrink",
                "--seed",
                "7",
                "--generation-database",
                "none",
                "--workers",
                "2",
                "--no-color",
                "--report-dir",
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
    summary = result.stdout[-4000:]
    assert result.returncode == 0, summary + result.stderr[-2000:]
    generated = GENERATED.search(result.stdout)
    assert generated, summary
    assert int(generated.group(1)) >= cases, summary
