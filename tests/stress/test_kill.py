"""`kill -9` of gunicorn workers in the middle of writes: nothing acknowledged is lost or
doubled, and the audit log still verifies."""

from __future__ import annotations

import http.client
import os
import signal
import threading
import time
import uuid

import pytest

from benchmarks.client import Client
from benchmarks.server import Server, serving

from .conftest import (
    Prepared,
    assert_exactly_once,
    audit_verifies,
    lesson_tags,
    scales,
    tagged_lesson,
)

WRITERS = 4
RESPAWN_TIMEOUT = 30.0


def writer(
    server: Server,
    prepared: Prepared,
    prefix: str,
    stop: threading.Event,
    acknowledged: set[str],
    lock: threading.Lock,
) -> None:
    """Write tagged lessons until stopped; a dropped connection is retried on a new one
    with a new tag (the old write may or may not have been recorded: not acknowledged)."""
    path = f"/api/v1/partnerships/{prepared.partnership_id}/lessons"
    client = Client(server.host, server.port, prepared.token, timeout=30)
    n = 0
    try:
        while not stop.is_set():
            n += 1
            tag = f"{prefix}{n}"
            try:
                status, _, _ = client.request("POST", path, tagged_lesson(tag))
            except (OSError, http.client.HTTPException):  # the worker died mid-answer
                client.close()
                client = Client(server.host, server.port, prepared.token, timeout=30)
                continue
            if status == 201:
                with lock:
                    acknowledged.add(tag)
    finally:
        client.close()


def kill_one_worker(server: Server) -> None:
    """SIGKILL one worker, then wait until gunicorn has replaced it."""
    before = set(server.worker_pids())
    victim = min(before)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + RESPAWN_TIMEOUT
    while time.monotonic() < deadline:
        now = set(server.worker_pids())
        if victim not in now and len(now) >= len(before):
            return
        time.sleep(0.05)
    raise TimeoutError("gunicorn did not replace the killed worker")


def wait_for_a_write(acknowledged: set[str], lock: threading.Lock) -> None:
    """Wait (bounded) until one more write is acknowledged than when called."""
    with lock:
        seen = len(acknowledged)
    deadline = time.monotonic() + RESPAWN_TIMEOUT
    while time.monotonic() < deadline:
        with lock:
            if len(acknowledged) > seen:
                return
        time.sleep(0.02)
    raise TimeoutError("no write was acknowledged after the last kill")


@pytest.mark.parametrize("kills", scales(5, 100))
def test_killed_workers_lose_no_acknowledged_write(prepared: Prepared, kills: int) -> None:
    prefix = f"kill-{uuid.uuid4().hex[:8]}-"
    acknowledged: set[str] = set()
    lock = threading.Lock()
    stop = threading.Event()
    with serving(prepared.config, workers=2) as server:
        threads = [
            threading.Thread(
                target=writer, args=(server, prepared, f"{prefix}{i}-", stop, acknowledged, lock)
            )
            for i in range(WRITERS)
        ]
        for thread in threads:
            thread.start()
        try:
            for _ in range(kills):
                wait_for_a_write(acknowledged, lock)  # writes are flowing when it dies
                kill_one_worker(server)
            time.sleep(0.5)
        finally:
            stop.set()
            for thread in threads:
                thread.join(60)
    assert len(acknowledged) >= kills
    assert_exactly_once(acknowledged, lesson_tags(prepared.config), prefix)
    assert "FAILED" not in audit_verifies(prepared.config)
