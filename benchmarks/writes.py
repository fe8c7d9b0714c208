"""P1: commands per second through HTTP ÷ bare ``Application.save`` of one event per save.

The HTTP side is the whole path a client pays for: gunicorn, bearer auth, validation, the
text table, the event store, the projections (embedded, or workers) and audit sequencing.
Each command records a lesson: a new aggregate, so clients do not contend for one.
"""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from samverkan.storage.stores import StoreConfig

from .client import Client, Load, run_load
from .server import projection_worker, serving

CLIENTS = 16


class Counter(Aggregate):
    """The smallest aggregate: one event when made."""


class Bare(Application[UUID]):
    name = "bench_bare"  # its own tables, in the same database file or schema


def bare_saves_per_second(config: StoreConfig, seconds: float) -> float:
    """Saves of one new one-event aggregate each, back to back, on the same store."""
    app = Bare(env=config.event_store_env(create_tables=True))
    try:
        app.save(Counter())  # tables made and connection warm before the clock starts
        count = 0
        start = time.perf_counter()
        deadline = start + seconds
        while time.perf_counter() < deadline:
            app.save(Counter())
            count += 1
        return count / (time.perf_counter() - start)
    finally:
        app.close()


def lesson(n: int) -> dict[str, Any]:
    return {
        "text": f"Lärdom {n}: korta möten med en tydlig agenda höll tempot uppe.",
        "source_kind": "system_analysis",
        "source_id": None,
        "level": ("micro", "meso", "macro")[n % 3],
        "tags": ["möten", "tempo"],
    }


def write_load(
    host: str, port: int, token: str, partnership_id: UUID, seconds: float, clients: int = CLIENTS
) -> Load:
    path = f"/api/v1/partnerships/{partnership_id}/lessons"

    def step(client: Client, n: int) -> tuple[int, bool]:
        status, _, _ = client.request("POST", path, lesson(n))
        return status, status == 201

    return run_load(lambda _i: Client(host, port, token), step, clients, seconds)


def measure(
    config: StoreConfig, token: str, partnership_id: UUID, seconds: float
) -> dict[str, Any]:
    """P1 in both projection modes, against the bare save rate measured just before."""
    bare = bare_saves_per_second(config, seconds)
    with serving(config) as server:
        embedded = write_load(server.host, server.port, token, partnership_id, seconds)
    env = {"SAMVERKAN_PROJECTIONS": "workers"}
    with projection_worker(config), serving(config, extra_env=env) as server:
        workers = write_load(server.host, server.port, token, partnership_id, seconds)
    return {
        "bare_saves_per_s": round(bare, 1),
        "http_commands_per_s": round(embedded.rate, 1),
        "http_errors": len(embedded.errors),
        "ratio": round(embedded.rate / bare, 3),
        "workers_mode_commands_per_s": round(workers.rate, 1),
        "workers_mode_errors": len(workers.errors),
        "workers_mode_ratio": round(workers.rate / bare, 3),
        "clients": CLIENTS,
        "seconds": seconds,
        "target": ">= 0.5",
        "met": embedded.rate / bare >= 0.5,
    }
