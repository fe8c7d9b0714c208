"""schemathesis over the OpenAPI document: generated requests to every operation, and every
answer as the document says: no server error (5xx), a documented status and content type,
and a body that matches the documented schema. Run as the admin and, in the full run, as a
member of an organisation outside every partnership.

The operations' ids are the store's real ones (schemathesis.toml ``[parameters]``), so the
requests reach real records rather than only answering 404.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest

from benchmarks.server import serving

from .conftest import Prepared, scales

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
GENERATED = re.compile(r"(\d+) generated")
METHODS = {"get", "post", "put", "patch", "delete"}
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)
# The lists that name a partnership's records, for the ids the runs use.
RECORD_LISTS = {
    "decision_id": "decisions",
    "experiment_id": "experiments",
    "measure_id": "measures",
    "lesson_id": "lessons",
    "scale_up_id": "scale-ups",
    "agreement_id": "agreements",
}


def call(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    request = urllib.request.Request(
        f"{base}/api/v1{path}",
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def operations(base: str) -> int:
    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=30) as response:
        document = json.load(response)
    return sum(len(METHODS & set(item)) for item in document["paths"].values())


def real_ids(base: str, prepared: Prepared) -> tuple[dict[str, str], str]:
    """Ids of real records for the path parameters, and a token of an outsider: a member
    of an organisation that is in no partnership."""
    admin, pid = prepared.token, str(prepared.partnership_id)
    ids = {"partnership_id": pid}
    for name, kind in RECORD_LISTS.items():
        items = call(base, admin, "GET", f"/partnerships/{pid}/{kind}?limit=1")["items"]
        if items:
            ids[name] = items[0]["id"]
    partnership = call(base, admin, "GET", f"/partnerships/{pid}")
    ids["organisation_id"] = partnership["members"][-1]["organisation_id"]
    outside = call(
        base, admin, "POST", "/organisations", {"name": "Utanför", "kind": "other", "country": "SE"}
    )["id"]
    users = {}
    for name in ("subject", "outsider"):
        users[name] = call(
            base,
            admin,
            "POST",
            "/users",
            {
                "email": f"{name}-{uuid.uuid4().hex[:8]}@example.org",
                "name": name,
                "organisation_id": outside,
                "role": "member",
            },
        )["id"]
    ids["user_id"] = users["subject"]
    ids["token_id"] = call(base, admin, "POST", f"/users/{users['subject']}/tokens", {})["id"]
    outsider = call(base, admin, "POST", f"/users/{users['outsider']}/tokens", {})["token"]
    return ids, outsider


def config(ids: dict[str, str], path: Path) -> Path:
    lines = ["[parameters]", *(f'"path.{name}" = "{value}"' for name, value in ids.items())]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(
    ("cases", "callers"), scales((300, ("admin",)), (10_000, ("admin", "outsider")))
)
def test_every_answer_is_as_documented(
    prepared: Prepared, cases: int, callers: tuple[str, ...], tmp_path: Path
) -> None:
    if not SCHEMATHESIS.exists():
        pytest.fail("schemathesis is a dev dependency: pip install -e '.[dev]'")
    with serving(prepared.config, workers=2) as server:
        ids, outsider = real_ids(server.base, prepared)
        tokens = {"admin": prepared.token, "outsider": outsider}
        settings = config(ids, tmp_path / "schemathesis.toml")
        # Some operations run out of distinct inputs before their maximum: ask for more.
        per_operation = math.ceil(cases / operations(server.base) * 1.3)
        for caller in callers:
            result = subprocess.run(
                [
                    str(SCHEMATHESIS),
                    "--config-file",
                    str(settings),
                    "run",
                    f"{server.base}/api/v1/openapi.json",
                    "--header",
                    f"Authorization: Bearer {tokens[caller]}",
                    "--checks",
                    ",".join(CHECKS),
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
                    str(tmp_path / caller),
                ],
                capture_output=True,
                text=True,
                timeout=3600,
                check=False,
            )
            failures = result.stdout.partition("= FAILURES =")[2].partition("= WARNINGS =")[0]
            summary = f"as {caller}:\n{failures[:20_000]}\n{result.stdout[-1500:]}"
            assert result.returncode == 0, summary + result.stderr[-2000:]
            generated = GENERATED.search(result.stdout)
            assert generated, summary
            assert int(generated.group(1)) >= cases, summary
