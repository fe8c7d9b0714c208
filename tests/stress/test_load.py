"""Many concurrent clients on loopback, writing and reading: not one error."""

from __future__ import annotations

import uuid

import pytest

from benchmarks.client import Client, run_load
from benchmarks.server import serving

from .conftest import Prepared, assert_exactly_once, lesson_tags, scales, tagged_lesson


@pytest.mark.parametrize(("clients", "seconds"), scales((5, 3.0), (50, 60.0)))
def test_concurrent_clients_get_no_errors(prepared: Prepared, clients: int, seconds: float) -> None:
    run = uuid.uuid4().hex[:8]
    acknowledged: set[str] = set()
    pid = prepared.partnership_id
    reads = [f"/api/v1/partnerships/{pid}", f"/api/v1/partnerships/{pid}/lessons?limit=20"]
    with serving(prepared.config, workers=2) as server:

        def step(client: Client, n: int) -> tuple[int, bool]:
            if n % 3 == 0:  # a third writes, the rest read
                tag = f"load-{run}-{n}"
                status, _, _ = client.request(
                    "POST", f"/api/v1/partnerships/{pid}/lessons", tagged_lesson(tag)
                )
                if status == 201:
                    acknowledged.add(tag)
                return status, status == 201
            status, _, _ = client.request("GET", reads[n % 2])
            return status, status == 200

        load = run_load(
            lambda _i: Client(server.host, server.port, prepared.token), step, clients, seconds
        )
    assert not load.errors, f"{len(load.errors)} errors, first: {load.errors[0]}"
    assert acknowledged and len(load.latencies) > len(acknowledged)
    assert_exactly_once(acknowledged, lesson_tags(prepared.config), f"load-{run}-")
